//! What can happen, as [`Msg`]: one flat enum, declared in groups by concern. Each group is
//! handled in its own file (`navigation`, `answering`, `keeping`, `safety`, `language`), and
//! [`update`](super::update) matches every message without a wildcard, so a message added here
//! does not compile until it is handled.

use super::screen::Screen;
use crate::reflection::summary::Output;

/// Something that happened, named as the client would say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    // ── Moving between screens
    /// "Start" on the introduction.
    StartClicked,
    /// The main button of a section.
    NextClicked,
    /// "Back".
    BackClicked,
    /// "Skip this section".
    SkipClicked,
    /// "Change" next to a question on the review screen.
    ChangeClicked {
        /// The question.
        question: usize,
    },
    /// "See my summary" on the review screen.
    SummaryClicked,
    /// "Change my answers" on the summary screen.
    ReviewClicked,
    /// The browser's Back or Forward button reached a place the widget recorded with
    /// [`Effect::RecordPlace`](super::Effect::RecordPlace), or the entry from before the first one (the introduction).
    HistoryMoved {
        /// The screen that place showed.
        screen: Screen,
    },

    // ── Answering
    /// A radio of a single choice question was chosen.
    OptionChosen {
        /// The question.
        question: usize,
        /// The option's position.
        option: usize,
    },
    /// A checkbox of a multiple choice question was ticked or unticked.
    OptionToggled {
        /// The question.
        question: usize,
        /// The option's position.
        option: usize,
        /// Ticked or not.
        checked: bool,
    },
    /// The "something else" checkbox was ticked or unticked.
    OtherToggled {
        /// The question.
        question: usize,
        /// Ticked or not.
        checked: bool,
    },
    /// The "something else" text changed.
    OtherTextChanged {
        /// The question.
        question: usize,
        /// The whole text now.
        text: String,
    },
    /// A point of a scale was chosen.
    ScalePointChosen {
        /// The question.
        question: usize,
        /// The point.
        value: i64,
    },
    /// A text answer changed.
    TextChanged {
        /// The question.
        question: usize,
        /// The whole text now.
        text: String,
    },
    /// "Clear this answer".
    AnswerCleared {
        /// The question.
        question: usize,
    },

    // ── Keeping the outputs: choosing what to bring, printing, files and the clipboard
    /// "To bring" ticked or unticked beside an answer on the review.
    BringChosen {
        /// The question.
        question: usize,
        /// Whether the answer goes into "To bring".
        bring: bool,
    },
    /// "Print", for one output.
    PrintClicked(Output),
    /// "Download as a text file", for one output.
    DownloadTextClicked(Output),
    /// "Download as a web page", for one output.
    DownloadHtmlClicked(Output),
    /// "Copy to clipboard", for one output.
    CopyClicked(Output),
    /// "Download the reminder", with the title the client wrote and how many months ahead.
    ReminderClicked {
        /// The title as typed; blank for the default.
        title: String,
        /// How many months from today.
        months: u32,
    },
    /// The clipboard took the text, or refused it.
    CopyFinished {
        /// Whether the browser allowed it.
        copied: bool,
    },

    // ── Saving on this device, backups, opening and deleting
    /// At start: whether the browser lets the page store anything, and what is stored.
    StorageChecked {
        /// False in private modes or when storage is blocked.
        available: bool,
        /// The stored draft's text, if any.
        stored: Option<String>,
    },
    /// "Save my answers on this device".
    SaveClicked,
    /// "Download an encrypted backup".
    BackupClicked,
    /// A new passphrase, twice, in the passphrase dialog.
    PassphraseSubmitted {
        /// The passphrase.
        passphrase: String,
        /// The same again.
        confirmation: String,
    },
    /// The web layer stored the encrypted draft.
    DraftSaved {
        /// The local time, as the browser writes it ("14:32").
        time: String,
    },
    /// The browser refused to store the draft (storage full or blocked).
    SaveFailed,
    /// Another tab or window of this browser changed or removed the stored draft, or this tab
    /// found it changed when about to write.
    StoredElsewhere {
        /// What is stored now.
        stored: Option<String>,
    },
    /// "Save this tab's answers instead", after another tab or window saved.
    SaveHereClicked,
    /// A passphrase to open the draft or backup on the "welcome back" screen.
    UnlockSubmitted {
        /// The passphrase.
        passphrase: String,
    },
    /// The draft or backup was decrypted.
    DraftDecrypted {
        /// The decrypted draft JSON.
        plaintext: String,
    },
    /// The passphrase did not decrypt it.
    DecryptFailed,
    /// A backup file was chosen and read.
    BackupFileRead {
        /// The file's text.
        text: String,
    },
    /// "Continue without opening them" on the "welcome back" screen.
    ContinueWithoutOpeningClicked,
    /// "Delete everything from this device" or "Start fresh".
    DeleteClicked,
    /// "Yes, delete everything" in the confirmation.
    DeleteConfirmed,

    // ── Safety and dialogs
    /// "Need support now?".
    SupportClicked,
    /// "Using a shared device?", in the save bar or on the summary.
    SharedDeviceClicked,
    /// The dialog was closed without going on: Cancel or Escape.
    DialogCancelled,
    /// "Leave this page".
    QuickExitClicked,
    /// Shift was pressed and released on its own (not while typing a capital).
    ShiftPressedAlone {
        /// When, in milliseconds from any fixed point.
        at: u64,
    },
    /// The page came back from the browser's back-forward cache after quick exit.
    PageRestored,
    /// The page is going into the browser's back-forward cache: the client left some other way
    /// (a link, the address bar), and Back could bring it back as it is.
    PageHidden,
    /// The page was loaded again by the browser's Back or Forward onto one of the widget's own
    /// history entries, as after quick exit then Forward.
    ReturnedThroughHistory,
    /// "Continue" on the neutral step shown after the page came back.
    ContinueClicked,

    // ── Languages
    /// A language in the language switcher.
    LanguageChosen {
        /// Its position among the languages offered.
        language: usize,
    },
}
