//! The client's session: where they are and what they answered, changed only by [`update`].

use std::rc::Rc;

use crate::answer::{Answer, Answers};
use crate::changes;
use crate::definition::{QuestionKind, Questionnaire};
use crate::draft::{self, Envelope};
use crate::export;
use crate::localized::{Catalog, Language, Localized};
use crate::saving::{
    check_new_passphrase, Dialog, DraftSource, PassphrasePurpose, Saving, Unlock, UnlockProblem,
};
use crate::settings::Settings;
use crate::summary::summarise;
use crate::text::Texts;

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

/// Everything the session knows.
#[derive(Debug, Clone)]
pub struct Model {
    /// The languages offered.
    languages: Vec<Language>,
    /// Where the other languages' versions come from; `None` for a single version given.
    catalog: Option<Rc<Catalog>>,
    /// The versions read so far, by language: each is read when first shown.
    versions: Vec<Option<Localized>>,
    /// The position in `languages` of the language showing; the three fields below are its.
    language: usize,
    questionnaire: Questionnaire,
    texts: Rc<Texts>,
    answers: Answers,
    screen: Screen,
    /// Set when a section was opened with "Change" on the review: the question changed. The
    /// section's main button leads back there, to that question's "Change" button.
    returning_to_review: Option<usize>,
    saving: Saving,
    /// The draft or backup on the "welcome back" screen.
    unlock: Option<Unlock>,
    dialog: Option<Dialog>,
    settings: Settings,
    /// Notes already given a draft: one the client cleared stays clear.
    drafted: Vec<usize>,
    /// When Shift was pressed on its own lately, in milliseconds, for quick exit.
    shift_presses: Vec<u64>,
}

/// Something that happened, named as the client would say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// "Start" on the introduction.
    StartClicked,
    /// The main button of a section.
    NextClicked,
    /// "Back".
    BackClicked,
    /// "Skip this section".
    SkipClicked,
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
    /// "Change" next to a question on the review screen.
    ChangeClicked {
        /// The question.
        question: usize,
    },
    /// "See my summary" on the review screen.
    SummaryClicked,
    /// "Change my answers" on the summary screen.
    ReviewClicked,
    /// "Print my summary".
    PrintClicked,
    /// "Download as a text file".
    DownloadTextClicked,
    /// "Download as a web page".
    DownloadHtmlClicked,
    /// "Copy to clipboard".
    CopyClicked,
    /// The clipboard took the text, or refused it.
    CopyFinished {
        /// Whether the browser allowed it.
        copied: bool,
    },

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
    /// The dialog was closed without going on: Cancel or Escape.
    DialogCancelled,
    /// The web layer stored the encrypted draft.
    DraftSaved {
        /// The local time, as the browser writes it ("14:32").
        time: String,
    },
    /// The browser refused to store the draft (storage full or blocked).
    SaveFailed,
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

    /// "Need support now?".
    SupportClicked,
    /// "Leave this page".
    QuickExitClicked,
    /// Shift was pressed and released on its own (not while typing a capital).
    ShiftPressedAlone {
        /// When, in milliseconds from any fixed point.
        at: u64,
    },
    /// The page came back from the browser's back-forward cache after quick exit.
    PageRestored,
    /// A language in the language switcher.
    LanguageChosen {
        /// Its position among the languages offered.
        language: usize,
    },
    /// The browser's Back or Forward button reached a place the widget recorded with
    /// [`Effect::RecordPlace`], or the entry from before the first one (the introduction).
    HistoryMoved {
        /// The screen that place showed.
        screen: Screen,
    },
    /// Another tab or window of this browser changed or removed the stored draft, or this tab
    /// found it changed when about to write.
    StoredElsewhere {
        /// What is stored now.
        stored: Option<String>,
    },
    /// "Save this tab's answers instead", after another tab or window saved.
    SaveHereClicked,
}

/// An instruction to the page, carried out by the web layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
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
    /// Open the browser's print dialog.
    Print,
    /// Offer a file to download.
    Download {
        /// Its name.
        filename: String,
        /// Its media type.
        mime: &'static str,
        /// Its content.
        content: String,
    },
    /// Put this text on the clipboard, then send [`Msg::CopyFinished`].
    Copy(String),
    /// Show the dialog in [`Model::dialog`], or close the one showing when there is none.
    ShowDialog,
    /// Update the saving status and buttons shown on every screen.
    RefreshSaveBar,
    /// Derive a new key from the passphrase with a fresh salt, keep it, encrypt the draft and
    /// store it; then send [`Msg::DraftSaved`] or [`Msg::SaveFailed`].
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
    /// Derive the key from the envelope's salt, decrypt, and send [`Msg::DraftDecrypted`] or
    /// [`Msg::DecryptFailed`]. With `keep_key`, the key is kept for saving.
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
    /// Tell the host page something that carries no answers.
    Notify(Notice),
    /// Remove the stored draft and forget the key.
    DeleteStored,
    /// The language changed: set the widget's `lang` and `dir`, rebuild everything showing in
    /// the new language, and keep focus on the language switcher.
    LanguageChanged,
    /// A new screen showed by the client's own moving on or back: add a browser history entry
    /// for it, so that Back and Forward move between screens. The entry holds the place only,
    /// never an answer.
    RecordPlace(Screen),
    /// Before the next write, take the draft stored now as this tab's own: the client chose to
    /// save this tab's answers over what another tab saved.
    ClaimStored,
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

impl Model {
    /// A fresh session on the introduction, with the default settings.
    pub fn new(questionnaire: Questionnaire) -> Self {
        Self::with_settings(questionnaire, Settings::default())
    }

    /// A fresh session on the introduction, with the clinic's settings.
    pub fn with_settings(questionnaire: Questionnaire, settings: Settings) -> Self {
        let version = Localized::single(questionnaire, settings);
        let languages = vec![Language {
            tag: version.language.clone(),
            name: version.texts.language_name.clone(),
            direction: version.direction,
        }];
        Self::starting(languages, None, 0, version)
    }

    /// A fresh session on the introduction in the language at `chosen` of the catalog's
    /// languages; `None` when it offers none.
    pub fn from_catalog(catalog: Catalog, chosen: usize) -> Option<Self> {
        let language = chosen.min(catalog.languages.len().checked_sub(1)?);
        let version = catalog.version(language)?;
        let languages = catalog.languages.clone();
        Some(Self::starting(
            languages,
            Some(Rc::new(catalog)),
            language,
            version,
        ))
    }

    /// A fresh session on the introduction, showing `version`, the one at `language`.
    fn starting(
        languages: Vec<Language>,
        catalog: Option<Rc<Catalog>>,
        language: usize,
        version: Localized,
    ) -> Self {
        let mut versions = vec![None; languages.len()];
        let (questionnaire, settings, texts) = (
            version.questionnaire.clone(),
            version.settings.clone(),
            Rc::clone(&version.texts),
        );
        if let Some(slot) = versions.get_mut(language) {
            *slot = Some(version);
        }
        Self {
            answers: Answers::new(questionnaire.questions.len()),
            languages,
            catalog,
            versions,
            language,
            questionnaire,
            settings,
            texts,
            screen: Screen::Intro,
            returning_to_review: None,
            saving: Saving::Off,
            unlock: None,
            dialog: None,
            drafted: Vec::new(),
            shift_presses: Vec::new(),
        }
    }

    /// "Section n of m" for a section: sections the clinic left out are not counted.
    pub fn section_place(&self, index: usize) -> (usize, usize) {
        let offered: Vec<usize> = self
            .questionnaire
            .sections
            .iter()
            .enumerate()
            .filter(|(_, section)| {
                section.questions.clone().any(|q| {
                    self.questionnaire
                        .question(q)
                        .is_some_and(|q| !changes::is_left_out(q))
                })
            })
            .map(|(position, _)| position)
            .collect();
        let number = offered
            .iter()
            .filter(|&&position| position <= index)
            .count();
        (number.max(1), offered.len())
    }

    /// The clinic's settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The interface text in the language showing.
    pub fn texts(&self) -> &Texts {
        &self.texts
    }

    /// The interface text in the language showing, to keep beyond a borrow of the model.
    pub fn shared_texts(&self) -> Rc<Texts> {
        Rc::clone(&self.texts)
    }

    /// Every language offered.
    pub fn languages(&self) -> &[Language] {
        &self.languages
    }

    /// The position of the language showing among [`Model::languages`].
    pub fn language(&self) -> usize {
        self.language
    }

    /// The version of everything in the language at `index`, read the first time.
    fn version(&mut self, index: usize) -> Option<Localized> {
        if let Some(Some(version)) = self.versions.get(index) {
            return Some(version.clone());
        }
        let version = self.catalog.as_ref()?.version(index)?;
        if let Some(slot) = self.versions.get_mut(index) {
            *slot = Some(version.clone());
        }
        Some(version)
    }

    /// Shows another language. Answers stay, kept by ids; a note still exactly as drafted is
    /// drafted again in the new language, while one the client changed is left alone.
    fn switch_language(&mut self, language: usize) -> bool {
        if language == self.language {
            return false;
        }
        let Some(version) = self.version(language) else {
            return false;
        };
        let untouched: Vec<(usize, crate::definition::NoteFor)> = self
            .drafted
            .iter()
            .filter_map(|&question| match self.kind_of(question) {
                Some(QuestionKind::Note(recipient)) => {
                    let draft = crate::notes::draft(self, *recipient);
                    let answer = self.answers.get(question);
                    let unchanged = match answer {
                        Some(Answer::Text(text)) => *text == draft,
                        _ => false,
                    };
                    unchanged.then_some((question, *recipient))
                }
                _ => None,
            })
            .collect();
        self.language = language;
        self.questionnaire = version.questionnaire;
        self.settings = version.settings;
        self.texts = version.texts;
        for (question, recipient) in untouched {
            let draft = crate::notes::draft(self, recipient);
            let answer = (!draft.is_empty()).then_some(Answer::Text(draft));
            self.answers.set(question, answer);
        }
        true
    }

    /// Whether the answers call for support contacts to show inline: the questionnaire's
    /// `support_when` holds.
    pub fn support_needed(&self) -> bool {
        self.support_needed_with(&self.visibility())
    }

    /// [`Model::support_needed`], with the visibility already worked out.
    pub fn support_needed_with(&self, visible: &[bool]) -> bool {
        self.questionnaire
            .support_when
            .as_ref()
            .is_some_and(|condition| condition.holds(&self.answers, visible))
    }

    /// Gives each note of a section its draft the first time the client comes to it.
    fn draft_notes(&mut self, section: usize) {
        let Some(range) = self
            .questionnaire
            .sections
            .get(section)
            .map(|s| s.questions.clone())
        else {
            return;
        };
        for question in range {
            let Some(QuestionKind::Note(recipient)) = self.kind_of(question).cloned() else {
                continue;
            };
            if self.drafted.contains(&question) || self.answers.get(question).is_some() {
                continue;
            }
            self.drafted.push(question);
            let draft = crate::notes::draft(self, recipient);
            if !draft.is_empty() {
                self.answers.set(question, Some(Answer::Text(draft)));
            }
        }
    }

    /// Forgets everything the client entered, as after quick exit or deletion.
    fn forget_answers(&mut self) {
        self.answers = Answers::new(self.questionnaire.questions.len());
        self.returning_to_review = None;
        self.unlock = None;
        self.dialog = None;
        self.drafted.clear();
        self.shift_presses.clear();
    }

    /// Whether leaving the page now would lose answers: the client has answered something and
    /// is not saving on this device. The browser then asks before the tab is closed or reloaded.
    pub fn has_unsaved_answers(&self) -> bool {
        self.answers.count() > 0 && !matches!(self.saving, Saving::On { .. })
    }

    /// The state of saving on this device.
    pub fn saving(&self) -> &Saving {
        &self.saving
    }

    /// The draft or backup waiting on the "welcome back" screen.
    pub fn unlock(&self) -> Option<&Unlock> {
        self.unlock.as_ref()
    }

    /// The dialog showing, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The draft JSON for the current answers and place.
    fn draft(&self) -> String {
        let section = match self.screen {
            Screen::Section(index) => Some(index),
            _ => None,
        };
        draft::encode(&self.questionnaire, &self.answers, section)
    }

    /// Effects that save the draft, when saving is on.
    fn autosave(&self) -> Option<Effect> {
        matches!(self.saving, Saving::On { .. }).then(|| Effect::SaveDraft {
            draft: self.draft(),
        })
    }

    /// The questionnaire.
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.questionnaire
    }

    /// The answers, including those to questions hidden now.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The current screen.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Whether the current section was opened from the review.
    pub fn returning_to_review(&self) -> bool {
        self.returning_to_review.is_some()
    }

    /// Which questions are shown, by position. A question whose condition refers to a hidden
    /// question sees no answer there. Conditions only look backwards, so one pass suffices.
    pub fn visibility(&self) -> Vec<bool> {
        let mut visible = Vec::with_capacity(self.questionnaire.questions.len());
        for question in &self.questionnaire.questions {
            let shown = question
                .show_if
                .as_ref()
                .is_none_or(|condition| condition.holds(&self.answers, &visible));
            visible.push(shown);
        }
        visible
    }

    /// Whether a section has anything to show now.
    fn section_has_content(&self, section: usize, visible: &[bool]) -> bool {
        self.questionnaire
            .sections
            .get(section)
            .is_some_and(|s| s.questions.clone().any(|q| visible.get(q) == Some(&true)))
    }

    fn next_section_after(&self, after: Option<usize>) -> Option<usize> {
        let visible = self.visibility();
        let start = after.map_or(0, |index| index + 1);
        (start..self.questionnaire.sections.len())
            .find(|&section| self.section_has_content(section, &visible))
    }

    fn previous_section_before(&self, before: usize) -> Option<usize> {
        let visible = self.visibility();
        (0..before)
            .rev()
            .find(|&section| self.section_has_content(section, &visible))
    }

    fn last_section(&self) -> Option<usize> {
        self.previous_section_before(self.questionnaire.sections.len())
    }

    /// Moves to `screen` as the client asked, adding a browser history entry for it.
    fn go_to(&mut self, screen: Screen, focus: Focus) -> Vec<Effect> {
        self.show_screen(screen, focus, true)
    }

    /// Moves to `screen`; with `record`, a browser history entry is added for it (not when the
    /// browser's own Back or Forward brought the client there).
    fn show_screen(&mut self, screen: Screen, focus: Focus, record: bool) -> Vec<Effect> {
        self.screen = screen;
        if let Screen::Section(index) = screen {
            self.draft_notes(index);
        }
        let announcement = match screen {
            Screen::Intro => self.questionnaire.title.clone(),
            Screen::Section(index) => {
                let title = self
                    .questionnaire
                    .sections
                    .get(index)
                    .map(|s| s.title.as_str());
                let (number, count) = self.section_place(index);
                let place = self.texts.section_of(number, count);
                format!("{place}: {}", title.unwrap_or_default())
            }
            Screen::Review => self.texts.review_heading.clone(),
            Screen::Summary => self.texts.summary_heading.clone(),
            Screen::Resume => self.texts.resume_heading.clone(),
        };
        let mut effects = vec![Effect::ShowScreen(focus), Effect::Announce(announcement)];
        if record && screen != Screen::Resume {
            effects.push(Effect::RecordPlace(screen));
        }
        match screen {
            Screen::Section(index) => {
                let (number, count) = self.section_place(index);
                effects.push(Effect::Notify(Notice::SectionChanged { number, count }));
            }
            Screen::Summary => effects.push(Effect::Notify(Notice::Complete)),
            _ => {}
        }
        // The place is part of the draft, so the client comes back to the section they were on.
        effects.extend(self.autosave());
        effects
    }

    fn forward(&mut self) -> Vec<Effect> {
        let Screen::Section(current) = self.screen else {
            return Vec::new();
        };
        if let Some(question) = self.returning_to_review.take() {
            return self.go_to(Screen::Review, Focus::ChangeButton(question));
        }
        match self.next_section_after(Some(current)) {
            Some(next) => self.go_to(Screen::Section(next), Focus::Heading),
            None => self.go_to(Screen::Review, Focus::Heading),
        }
    }

    fn back(&mut self) -> Vec<Effect> {
        if let (Screen::Section(_), Some(question)) = (self.screen, self.returning_to_review) {
            self.returning_to_review = None;
            return self.go_to(Screen::Review, Focus::ChangeButton(question));
        }
        match self.screen {
            Screen::Intro => Vec::new(),
            Screen::Section(current) => match self.previous_section_before(current) {
                Some(previous) => self.go_to(Screen::Section(previous), Focus::Heading),
                None => self.go_to(Screen::Intro, Focus::Heading),
            },
            Screen::Review => match self.last_section() {
                Some(last) => self.go_to(Screen::Section(last), Focus::Heading),
                None => self.go_to(Screen::Intro, Focus::Heading),
            },
            Screen::Summary => self.go_to(Screen::Review, Focus::Heading),
            Screen::Resume => Vec::new(),
        }
    }

    /// Sets an answer and reports what the page must update.
    fn answer(&mut self, question: usize, answer: Option<Answer>, sync: bool) -> Vec<Effect> {
        // More typing in a text already answered: no condition looks at the words themselves,
        // so nothing on screen changes but the text box, which the client is typing in.
        let still_text = matches!(
            (self.answers.get(question), &answer),
            (Some(Answer::Text(_)), Some(Answer::Text(_)))
        );
        if still_text {
            self.answers.set(question, answer);
            return self.autosave().into_iter().collect();
        }
        let before = self.visibility();
        let support_before = self.support_needed_with(&before);
        self.answers.set(question, answer);
        let after = self.visibility();
        let mut effects = vec![Effect::Refresh];
        if sync {
            effects.push(Effect::SyncInputs { question });
        }
        effects.extend(self.autosave());
        let revealed = before
            .iter()
            .zip(&after)
            .enumerate()
            .filter(|(index, (was, is))| !**was && **is && self.is_on_screen(*index))
            .count();
        if revealed > 0 {
            effects.push(Effect::Announce(self.texts.questions_revealed(revealed)));
        }
        if !support_before && self.support_needed_with(&after) {
            effects.push(Effect::Announce(self.texts.support_shown.clone()));
        }
        effects
    }

    fn is_on_screen(&self, question: usize) -> bool {
        let section = self.questionnaire.question(question).map(|q| q.section);
        matches!(self.screen, Screen::Section(current) if section == Some(current))
    }

    fn kind_of(&self, question: usize) -> Option<&QuestionKind> {
        self.questionnaire.question(question).map(|q| &q.kind)
    }
}

/// Applies what happened to the model and says what the page must do.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::StartClicked if model.screen == Screen::Intro => {
            match model.next_section_after(None) {
                Some(first) => model.go_to(Screen::Section(first), Focus::Heading),
                None => model.go_to(Screen::Review, Focus::Heading),
            }
        }
        Msg::NextClicked | Msg::SkipClicked => model.forward(),
        Msg::BackClicked => model.back(),
        Msg::SummaryClicked if model.screen == Screen::Review => {
            model.go_to(Screen::Summary, Focus::Heading)
        }
        Msg::ReviewClicked if model.screen == Screen::Summary => {
            model.go_to(Screen::Review, Focus::Heading)
        }
        Msg::ChangeClicked { question } if model.screen == Screen::Review => {
            let Some(section) = model.questionnaire.question(question).map(|q| q.section) else {
                return Vec::new();
            };
            model.returning_to_review = Some(question);
            model.go_to(Screen::Section(section), Focus::Question(question))
        }
        Msg::PrintClicked if model.screen == Screen::Summary => vec![Effect::Print],
        Msg::OptionChosen { question, option } => match model.kind_of(question) {
            Some(QuestionKind::SingleChoice { options }) if option < options.len() => {
                model.answer(question, Some(Answer::Choice(option)), false)
            }
            _ => Vec::new(),
        },
        Msg::OptionToggled {
            question,
            option,
            checked,
        } => toggle_option(model, question, option, checked),
        Msg::OtherToggled { question, checked } => {
            let Some(QuestionKind::MultipleChoice { options, other }) = model.kind_of(question)
            else {
                return Vec::new();
            };
            if other.is_none() {
                return Vec::new();
            }
            let (mut selected, old_other) = current_choices(model.answers.get(question));
            let other = if checked {
                // Ticking "something else" means the "not sure" kind of options no longer fit.
                selected.retain(|&o| options.get(o).is_some_and(|opt| !opt.exclusive));
                Some(old_other.unwrap_or_default())
            } else {
                None
            };
            let sync = checked;
            model.answer(question, choices_answer(selected, other), sync)
        }
        Msg::OtherTextChanged { question, text } => {
            let Some(QuestionKind::MultipleChoice { other: Some(_), .. }) = model.kind_of(question)
            else {
                return Vec::new();
            };
            let (selected, other) = current_choices(model.answers.get(question));
            if other.is_none() {
                return Vec::new();
            }
            model.answer(question, choices_answer(selected, Some(text)), false)
        }
        Msg::ScalePointChosen { question, value } => match model.kind_of(question) {
            Some(QuestionKind::Scale(scale)) if (scale.min..=scale.max).contains(&value) => {
                model.answer(question, Some(Answer::Scale(value)), false)
            }
            _ => Vec::new(),
        },
        Msg::TextChanged { question, text } => match model.kind_of(question) {
            Some(QuestionKind::ShortText | QuestionKind::LongText | QuestionKind::Note(_)) => {
                let answer = (!text.trim().is_empty()).then_some(Answer::Text(text));
                model.answer(question, answer, false)
            }
            _ => Vec::new(),
        },
        Msg::AnswerCleared { question } => {
            if model.answers.get(question).is_none() {
                return Vec::new();
            }
            let mut effects = model.answer(question, None, true);
            effects.push(Effect::FocusQuestion(question));
            effects.push(Effect::Announce(model.texts.answer_cleared.clone()));
            effects
        }
        Msg::StartClicked
        | Msg::SummaryClicked
        | Msg::ReviewClicked
        | Msg::ChangeClicked { .. }
        | Msg::PrintClicked => Vec::new(),
        other => keep(model, other),
    }
}

/// Messages about keeping answers: files, the clipboard, saving, opening and deleting.
fn keep(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::DownloadTextClicked => vec![Effect::Download {
            filename: model.texts.text_filename.clone(),
            mime: "text/plain;charset=utf-8",
            content: export::to_plain_text(&summarise(model), &model.texts),
        }],
        Msg::DownloadHtmlClicked => vec![Effect::Download {
            filename: model.texts.html_filename.clone(),
            mime: "text/html;charset=utf-8",
            content: export::to_html(&summarise(model), &model.texts),
        }],
        Msg::CopyClicked => vec![Effect::Copy(export::to_plain_text(
            &summarise(model),
            &model.texts,
        ))],
        Msg::CopyFinished { copied } => vec![Effect::Announce(
            if copied {
                &model.texts.copied
            } else {
                &model.texts.copy_refused
            }
            .to_owned(),
        )],
        Msg::StorageChecked { available, stored } => {
            if !available {
                model.saving = Saving::Unavailable;
                return vec![Effect::RefreshSaveBar];
            }
            let Some(stored) = stored else {
                return Vec::new();
            };
            model.saving = Saving::Kept;
            model.unlock = Some(unlock_for(DraftSource::Device, &stored));
            let mut effects = model.go_to(Screen::Resume, Focus::Heading);
            effects.push(Effect::RefreshSaveBar);
            effects
        }
        Msg::SaveClicked if !model.settings.saving => Vec::new(),
        Msg::SaveClicked => match model.saving {
            Saving::Off => open_dialog(
                model,
                Dialog::Passphrase {
                    purpose: PassphrasePurpose::Save,
                    problem: None,
                },
            ),
            Saving::Unavailable => vec![Effect::Announce(model.texts.saving_unavailable.clone())],
            Saving::Kept => vec![Effect::Announce(model.texts.saving_kept.clone())],
            Saving::On { .. } | Saving::Elsewhere => Vec::new(),
        },
        Msg::SaveHereClicked if model.saving == Saving::Elsewhere => {
            model.saving = Saving::On {
                saved_at: None,
                announce_next: true,
            };
            vec![
                Effect::ClaimStored,
                Effect::SaveDraft {
                    draft: model.draft(),
                },
                Effect::RefreshSaveBar,
            ]
        }
        Msg::StoredElsewhere { stored } => match (&model.saving, &mut model.unlock, stored) {
            (Saving::On { .. }, _, _) => {
                model.saving = Saving::Elsewhere;
                vec![
                    Effect::RefreshSaveBar,
                    Effect::Announce(model.texts.saving_elsewhere.clone()),
                ]
            }
            // Not opened here yet: the "welcome back" screen opens the newest.
            (Saving::Kept, Some(unlock), Some(stored)) if unlock.source == DraftSource::Device => {
                *unlock = unlock_for(DraftSource::Device, &stored);
                Vec::new()
            }
            _ => Vec::new(),
        },
        Msg::BackupClicked => open_dialog(
            model,
            Dialog::Passphrase {
                purpose: PassphrasePurpose::Backup,
                problem: None,
            },
        ),
        Msg::PassphraseSubmitted {
            passphrase,
            confirmation,
        } => {
            let Some(Dialog::Passphrase { purpose, .. }) = model.dialog else {
                return Vec::new();
            };
            if let Some(problem) = check_new_passphrase(&passphrase, &confirmation) {
                return open_dialog(
                    model,
                    Dialog::Passphrase {
                        purpose,
                        problem: Some(problem),
                    },
                );
            }
            model.dialog = None;
            let draft = model.draft();
            match purpose {
                PassphrasePurpose::Save if model.saving == Saving::Off => {
                    model.saving = Saving::On {
                        saved_at: None,
                        announce_next: true,
                    };
                    vec![
                        Effect::ShowDialog,
                        Effect::StartSaving { passphrase, draft },
                        Effect::RefreshSaveBar,
                    ]
                }
                PassphrasePurpose::Save => vec![Effect::ShowDialog],
                PassphrasePurpose::Backup => vec![
                    Effect::ShowDialog,
                    Effect::DownloadBackup { passphrase, draft },
                ],
            }
        }
        Msg::DialogCancelled => {
            model.dialog = None;
            vec![Effect::ShowDialog]
        }
        Msg::DraftSaved { time } => match &mut model.saving {
            Saving::On {
                saved_at,
                announce_next,
            } => {
                // The first save after choosing to save is announced; later ones only update the
                // visible status, or a screen reader would speak on every keystroke.
                *saved_at = Some(time);
                let mut effects = vec![Effect::RefreshSaveBar];
                if std::mem::take(announce_next) {
                    effects.push(Effect::Announce(model.texts.saving_started.clone()));
                }
                effects
            }
            _ => Vec::new(),
        },
        Msg::SaveFailed => match model.saving {
            Saving::On { .. } => {
                model.saving = Saving::Unavailable;
                vec![
                    Effect::RefreshSaveBar,
                    Effect::Announce(model.texts.save_failed.clone()),
                ]
            }
            _ => Vec::new(),
        },
        Msg::UnlockSubmitted { passphrase } => match &model.unlock {
            Some(Unlock {
                source,
                envelope: Some(envelope),
                ..
            }) if model.screen == Screen::Resume => vec![Effect::Decrypt {
                passphrase,
                envelope: envelope.clone(),
                keep_key: *source == DraftSource::Device,
            }],
            _ => Vec::new(),
        },
        Msg::DecryptFailed => match &mut model.unlock {
            Some(unlock) => {
                unlock.problem = Some(UnlockProblem::WrongPassphrase);
                vec![Effect::ShowScreen(Focus::Error)]
            }
            None => Vec::new(),
        },
        Msg::DraftDecrypted { plaintext } => {
            let Some(unlock) = model.unlock.take() else {
                return Vec::new();
            };
            match draft::decode(&model.questionnaire, &plaintext) {
                Ok(restored) => {
                    // Back in the language the client was reading in, when it is offered;
                    // switched before the answers come back, so no note is drafted again.
                    let language = restored.language.as_deref().and_then(|tag| {
                        model
                            .languages
                            .iter()
                            .position(|language| language.tag.eq_ignore_ascii_case(tag))
                    });
                    let switched = language.is_some_and(|language| model.switch_language(language));
                    model.answers = restored.answers;
                    model.returning_to_review = None;
                    if unlock.source == DraftSource::Device {
                        model.saving = Saving::On {
                            saved_at: None,
                            announce_next: false,
                        };
                    }
                    let screen = restored.section.map_or(Screen::Intro, Screen::Section);
                    let mut effects = model.go_to(screen, Focus::Heading);
                    prefix_announcement(&mut effects, &model.texts.restored(restored.left_out));
                    if switched {
                        effects.insert(0, Effect::LanguageChanged);
                    }
                    effects.push(Effect::RefreshSaveBar);
                    effects
                }
                Err(problem) => {
                    model.unlock = Some(Unlock {
                        envelope: None,
                        problem: Some(UnlockProblem::Draft(problem)),
                        ..unlock
                    });
                    vec![Effect::ShowScreen(Focus::Heading)]
                }
            }
        }
        Msg::BackupFileRead { text } => {
            model.unlock = Some(unlock_for(DraftSource::File, &text));
            model.go_to(Screen::Resume, Focus::Heading)
        }
        Msg::ContinueWithoutOpeningClicked if model.screen == Screen::Resume => {
            // A draft on this device stays exactly as it was; a file is simply not opened.
            model.unlock = None;
            let mut effects = model.go_to(Screen::Intro, Focus::Heading);
            effects.push(Effect::RefreshSaveBar);
            effects
        }
        Msg::DeleteClicked => open_dialog(model, Dialog::ConfirmDelete),
        Msg::DeleteConfirmed if model.dialog == Some(Dialog::ConfirmDelete) => {
            model.forget_answers();
            if model.saving != Saving::Unavailable {
                model.saving = Saving::Off;
            }
            let mut effects = vec![Effect::ShowDialog, Effect::DeleteStored];
            effects.extend(model.go_to(Screen::Intro, Focus::Heading));
            prefix_announcement(&mut effects, &model.texts.deleted);
            effects.push(Effect::RefreshSaveBar);
            effects
        }
        Msg::SupportClicked => open_dialog(model, Dialog::Support),
        Msg::QuickExitClicked => quick_exit(model),
        Msg::ShiftPressedAlone { at } => {
            // GOV.UK's "Exit this page": Shift three times within five seconds.
            model
                .shift_presses
                .retain(|&then| then <= at && at - then < QUICK_EXIT_WINDOW_MS);
            model.shift_presses.push(at);
            match model.shift_presses.len() {
                n if n >= 3 => quick_exit(model),
                n => vec![Effect::Announce(model.texts.shift_more(3 - n))],
            }
        }
        Msg::HistoryMoved { screen } => {
            let exists = match screen {
                Screen::Section(index) => index < model.questionnaire.sections.len(),
                Screen::Resume => false,
                Screen::Intro | Screen::Review | Screen::Summary => true,
            };
            // Not before the client has opened or set aside what was saved, and not to where
            // they are already.
            if !exists || model.screen == Screen::Resume || model.screen == screen {
                return Vec::new();
            }
            model.returning_to_review = None;
            // The browser has its entry already.
            model.show_screen(screen, Focus::Heading, false)
        }
        Msg::PageRestored => {
            model.forget_answers();
            let mut effects = model.go_to(Screen::Intro, Focus::Heading);
            effects.push(Effect::RefreshSaveBar);
            effects
        }
        Msg::LanguageChosen { language } => {
            if !model.switch_language(language) {
                return Vec::new();
            }
            let mut effects = vec![Effect::LanguageChanged];
            effects.extend(model.autosave());
            effects
        }
        _ => Vec::new(),
    }
}

/// Shift presses count towards quick exit within this many milliseconds.
const QUICK_EXIT_WINDOW_MS: u64 = 5000;

fn quick_exit(model: &mut Model) -> Vec<Effect> {
    model.forget_answers();
    model.screen = Screen::Intro;
    let exit = model.settings.quick_exit.clone();
    // A draft stored on the device stays, encrypted, unless the clinic chose otherwise; it is
    // then closed, so nothing more is written to it.
    model.saving = match model.saving {
        Saving::On { .. } | Saving::Kept | Saving::Elsewhere if !exit.delete_draft => Saving::Kept,
        Saving::Unavailable => Saving::Unavailable,
        _ => Saving::Off,
    };
    vec![Effect::QuickExit {
        url: exit.url,
        delete_draft: exit.delete_draft,
    }]
}

fn open_dialog(model: &mut Model, dialog: Dialog) -> Vec<Effect> {
    model.dialog = Some(dialog);
    vec![Effect::ShowDialog]
}

/// What the "welcome back" screen shows for a stored draft or a backup file's text.
fn unlock_for(source: DraftSource, stored: &str) -> Unlock {
    match Envelope::from_json(stored) {
        Ok(envelope) => Unlock {
            source,
            envelope: Some(envelope),
            problem: None,
        },
        Err(problem) => Unlock {
            source,
            envelope: None,
            problem: Some(UnlockProblem::Draft(problem)),
        },
    }
}

/// Puts `first` before what a screen change announces, so both are heard together.
fn prefix_announcement(effects: &mut [Effect], first: &str) {
    for effect in effects.iter_mut() {
        if let Effect::Announce(message) = effect {
            *message = format!("{first} {message}");
        }
    }
}

fn current_choices(answer: Option<&Answer>) -> (Vec<usize>, Option<String>) {
    match answer {
        Some(Answer::Choices { selected, other }) => (selected.clone(), other.clone()),
        _ => (Vec::new(), None),
    }
}

/// No ticks and no "something else" is no answer at all.
fn choices_answer(selected: Vec<usize>, other: Option<String>) -> Option<Answer> {
    (!selected.is_empty() || other.is_some()).then_some(Answer::Choices { selected, other })
}

fn toggle_option(model: &mut Model, question: usize, option: usize, checked: bool) -> Vec<Effect> {
    let Some(QuestionKind::MultipleChoice { options, .. }) = model.kind_of(question) else {
        return Vec::new();
    };
    let Some(exclusive) = options.get(option).map(|o| o.exclusive) else {
        return Vec::new();
    };
    let (mut selected, mut other) = current_choices(model.answers.get(question));
    let mut sync = false;
    if checked {
        // "Not sure" and "prefer not to say" stand alone, as GOV.UK's "none of these" does.
        let before = selected.len() + usize::from(other.is_some());
        if exclusive {
            selected.clear();
            other = None;
        } else {
            selected.retain(|&o| options.get(o).is_some_and(|opt| !opt.exclusive));
        }
        sync = selected.len() + usize::from(other.is_some()) != before;
        selected.push(option);
        selected.sort_unstable();
        selected.dedup();
    } else {
        selected.retain(|&o| o != option);
    }
    model.answer(question, choices_answer(selected, other), sync)
}
