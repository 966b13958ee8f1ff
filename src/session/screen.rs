//! Which screen is showing: the places a client can be.

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// What this is, before the first section.
    Intro,
    /// A section, by position.
    Section(usize),
    /// Every shown question with its answer, each with a way to change it.
    Review,
    /// What the client may print and bring.
    Summary,
    /// Answers saved earlier, or a backup file, waiting for a passphrase.
    Resume,
}

impl Screen {
    /// The section showing, if this is a section.
    pub fn section(self) -> Option<usize> {
        match self {
            Self::Section(index) => Some(index),
            Self::Intro | Self::Review | Self::Summary | Self::Resume => None,
        }
    }
}
