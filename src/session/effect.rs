//! What the page must do, as [`Effect`]: one flat enum, declared in groups by what it acts on.
//! The web layer carries out each effect in one exhaustive match (`web::effects`), so an effect
//! added here does not compile until the page can do it.

use super::screen::Screen;
use crate::answers::draft::Envelope;
use crate::reflection::summary::Output;

/// An instruction to the page, carried out by the web layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    // ── The screen
    /// Build the new screen and move focus.
    ShowScreen(Focus),
    /// Answers changed: update what is shown or hidden and the progress, leaving inputs alone.
    Refresh,
    /// Set the ticked state of this question's radios and checkboxes from the answers.
    SyncInputs {
        /// The question.
        question: usize,
    },
    /// Move focus to the first input of a question.
    FocusQuestion(usize),
    /// Say this in the polite live region.
    Announce(String),
    /// Show the dialog in [`Model::dialog`](super::Model::dialog), or close the one showing when there is none.
    ShowDialog,
    /// Update the saving status and buttons shown on every screen.
    RefreshSaveBar,
    /// The language changed: set the widget's `lang` and `dir`, rebuild everything showing in
    /// the new language, and keep focus on the language switcher.
    LanguageChanged,

    // ── The browser and the host page
    /// A new screen showed by the client's own moving on or back: add a browser history entry
    /// for it, so that Back and Forward move between screens. The entry holds the place only,
    /// never an answer.
    RecordPlace(Screen),
    /// Tell the host page something that carries no answers.
    Notify(Notice),
    /// Open the browser's print dialog for one output: the page prints that one only.
    Print(Output),
    /// Offer a calendar reminder to download, made on the device for a day `months` from today.
    DownloadReminder {
        /// The file's name.
        filename: String,
        /// The event's title.
        title: String,
        /// The event's description.
        description: String,
        /// How many months from today.
        months: u32,
    },
    /// Offer a file to download.
    Download {
        /// Its name.
        filename: String,
        /// Its media type.
        mime: &'static str,
        /// Its content.
        content: String,
    },
    /// Put this text on the clipboard, then send [`Msg::CopyFinished`](super::Msg::CopyFinished).
    Copy(String),

    // ── Saving on this device and backups
    /// Derive a new key from the passphrase with a fresh salt, keep it, encrypt the draft and
    /// store it; then send [`Msg::DraftSaved`](super::Msg::DraftSaved) or [`Msg::SaveFailed`](super::Msg::SaveFailed).
    StartSaving {
        /// The passphrase.
        passphrase: String,
        /// The draft JSON.
        draft: String,
    },
    /// Encrypt the draft with the kept key and a fresh IV and store it.
    SaveDraft {
        /// The draft JSON.
        draft: String,
    },
    /// Before the next write, take the draft stored now as this tab's own: the client chose to
    /// save this tab's answers over what another tab saved.
    ClaimStored,
    /// Derive the key from the envelope's salt, decrypt, and send [`Msg::DraftDecrypted`](super::Msg::DraftDecrypted) or
    /// [`Msg::DecryptFailed`](super::Msg::DecryptFailed). With `keep_key`, the key is kept for saving.
    Decrypt {
        /// The passphrase.
        passphrase: String,
        /// The envelope.
        envelope: Envelope,
        /// Keep the key to go on saving (a draft from this device).
        keep_key: bool,
    },
    /// Encrypt the draft under a new key and offer it as a backup file; keep nothing.
    DownloadBackup {
        /// The passphrase.
        passphrase: String,
        /// The draft JSON.
        draft: String,
    },
    /// Remove the stored draft and forget the key.
    DeleteStored,

    // ── Safety
    /// Hide everything at once, forget the key, and replace the page's address with `url`, so
    /// that Back does not return to the answers.
    QuickExit {
        /// The neutral address.
        url: String,
        /// Delete the stored draft too.
        delete_draft: bool,
    },
}

/// What the host page is told, as DOM events on the widget's element. Never an answer: a page
/// cannot leak what it is never given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// `ending-well:section-change`, with the section's place.
    SectionChanged {
        /// Its number, from 1.
        number: usize,
        /// How many sections there are.
        count: usize,
    },
    /// `ending-well:complete`: the client reached the summary.
    Complete,
}

/// Where focus goes on a new screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The screen's heading, so a screen reader reads it first.
    Heading,
    /// The first input of a question, after "Change" on the review.
    Question(usize),
    /// The "Change" button of a question on the review, on the way back from changing it.
    ChangeButton(usize),
    /// The error summary of the screen, as GOV.UK does after a failed submission.
    Error,
}
