//! A client's answers, one slot per question.

/// One answer. Options are referred to by their position in the question's options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The chosen option of a single choice question.
    Choice(usize),
    /// The chosen options of a multiple choice question, in the order of the options, and the
    /// "something else" text when that box is ticked (possibly still empty).
    Choices {
        /// Positions of the ticked options, ascending.
        selected: Vec<usize>,
        /// `Some` when "something else" is ticked.
        other: Option<String>,
    },
    /// The chosen point of a scale.
    Scale(i64),
    /// Written text, never blank.
    Text(String),
}

/// `options` ascending, each once: the ticked options as [`Answer::Choices`] keeps them. Built by
/// insertion, as a question has a handful of options: the slice sort would bring 4 KB of code
/// into the module for it.
pub fn in_order(options: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut sorted = Vec::new();
    for option in options {
        tick(&mut sorted, option);
    }
    sorted
}

/// Adds `option` to `sorted` (ascending, each once) in its place, unless it is there already.
pub fn tick(sorted: &mut Vec<usize>, option: usize) {
    if let Err(at) = sorted.binary_search(&option) {
        sorted.insert(at, option);
    }
}

impl Answer {
    /// Whether this answer has option `option` chosen.
    pub fn has_option(&self, option: usize) -> bool {
        match self {
            Self::Choice(chosen) => *chosen == option,
            Self::Choices { selected, .. } => selected.contains(&option),
            Self::Scale(_) | Self::Text(_) => false,
        }
    }

    /// The chosen point, for a scale answer.
    pub fn scale_point(&self) -> Option<i64> {
        match self {
            Self::Scale(point) => Some(*point),
            _ => None,
        }
    }
}

/// The answers to every question of one questionnaire, by question position. Answers to
/// questions that are hidden now are kept, in case the client changes their mind. With them go
/// the client's choices about each: whether it goes into "To bring", and, for a note, whether
/// they have written in it themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    slots: Vec<Option<Answer>>,
    /// "To bring", ticked or unticked; `None` until the client chooses.
    bring: Vec<Option<bool>>,
    /// Notes the client wrote in or cleared: their drafts no longer follow the answers.
    edited: Vec<bool>,
}

impl Answers {
    /// No answers yet, for a questionnaire of `count` questions.
    pub fn new(count: usize) -> Self {
        Self {
            slots: vec![None; count],
            bring: vec![None; count],
            edited: vec![false; count],
        }
    }

    /// The answer to question `question`, if any.
    pub fn get(&self, question: usize) -> Option<&Answer> {
        self.slots.get(question).and_then(Option::as_ref)
    }

    /// Sets or clears the answer to `question`; a position past the end is ignored.
    pub fn set(&mut self, question: usize, answer: Option<Answer>) {
        if let Some(slot) = self.slots.get_mut(question) {
            *slot = answer;
        }
    }

    /// Whether the client chose to bring this answer (`Some(true)`), to keep it out
    /// (`Some(false)`), or has not chosen.
    pub fn bring(&self, question: usize) -> Option<bool> {
        self.bring.get(question).copied().flatten()
    }

    /// Records the client's choice about bringing an answer.
    pub fn set_bring(&mut self, question: usize, bring: Option<bool>) {
        if let Some(slot) = self.bring.get_mut(question) {
            *slot = bring;
        }
    }

    /// Whether the client has written in or cleared this note.
    pub fn is_edited(&self, question: usize) -> bool {
        self.edited.get(question).copied().unwrap_or(false)
    }

    /// Marks a note as written in by the client, or (`false`) as a draft again.
    pub fn set_edited(&mut self, question: usize, edited: bool) {
        if let Some(slot) = self.edited.get_mut(question) {
            *slot = edited;
        }
    }

    /// How many questions have an answer, shown or not.
    pub fn count(&self) -> usize {
        self.slots.iter().flatten().count()
    }
}
