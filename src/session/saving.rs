//! Saving on this device: whether the client chose it, what was found stored, and the dialogs
//! that ask for a passphrase or a confirmation. The encryption and storage are the web layer's.

use crate::answers::draft::{DraftProblem, Envelope};

/// Passphrases shorter than this are refused when saving starts.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// The state of saving on this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    /// Not chosen: nothing is stored.
    Off,
    /// The browser will not store anything (private mode, storage blocked or full).
    Unavailable,
    /// Answers saved earlier are stored here and were not opened. Nothing is written over them
    /// until the client opens or deletes them.
    Kept,
    /// Every change is saved, encrypted.
    On {
        /// The local time of the last save, as the browser wrote it ("14:32").
        saved_at: Option<String>,
        /// Whether the next save is the first after the client chose to save, and is said.
        announce_next: bool,
    },
    /// Another tab or window saved over the draft this tab was saving, or removed it: this tab
    /// writes nothing more unless the client chooses to save its answers instead.
    Elsewhere,
}

/// Where an envelope being opened came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftSource {
    /// This device's storage.
    Device,
    /// A backup file the client chose.
    File,
}

/// A saved draft or backup waiting to be opened, shown on the "welcome back" screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlock {
    /// Where it came from.
    pub source: DraftSource,
    /// The envelope, unless it cannot be used at all.
    pub envelope: Option<Envelope>,
    /// What went wrong so far.
    pub problem: Option<UnlockProblem>,
}

/// Why a draft did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnlockProblem {
    /// The passphrase did not decrypt it; try again.
    WrongPassphrase,
    /// It cannot be used with any passphrase.
    Draft(DraftProblem),
}

/// A dialog over the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// Choose a passphrase to save on this device, or for a backup file.
    Passphrase {
        /// What the passphrase is for.
        purpose: PassphrasePurpose,
        /// What was wrong with the last try.
        problem: Option<PassphraseProblem>,
    },
    /// "Delete everything from this device?"
    ConfirmDelete,
    /// "Need support now?": the clinic's support contacts.
    Support,
    /// "Using a shared device?": what can be found later, and how to clear it.
    SharedDevice,
}

/// What a new passphrase is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphrasePurpose {
    /// Saving on this device from now on.
    Save,
    /// One encrypted backup file; nothing stored.
    Backup,
}

/// Why a new passphrase was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseProblem {
    /// Shorter than [`MIN_PASSPHRASE_CHARS`].
    TooShort,
    /// The two entries differ.
    Mismatch,
}

/// Overwrites a secret's bytes before letting it go, so that no copy of a passphrase is left in
/// the module's memory once it has served: a `String`, or the bytes a key is derived from.
pub fn forget(secret: impl Into<Vec<u8>>) {
    let mut bytes = secret.into();
    bytes.fill(0);
    // Keeps the compiler from leaving out writes that nothing reads back.
    std::hint::black_box(&bytes);
}

/// Checks a new passphrase and its confirmation.
pub fn check_new_passphrase(passphrase: &str, confirmation: &str) -> Option<PassphraseProblem> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        Some(PassphraseProblem::TooShort)
    } else if passphrase != confirmation {
        Some(PassphraseProblem::Mismatch)
    } else {
        None
    }
}
