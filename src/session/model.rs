//! The session's state, [`Model`]: where the client is, what they answered, what they are
//! saving, in which language. It changes only through [`update`](super::update); the handlers of
//! each concern live beside this file.

use std::rc::Rc;

use super::effect::Effect;
use super::saving::{Dialog, Saving, Unlock};
use super::screen::Screen;
use crate::answers::answer::Answers;
use crate::answers::draft;
use crate::answers::visibility::{self, is_shown};
use crate::format::catalog::{Catalog, Language, Version};
use crate::format::changes;
use crate::format::questionnaire::{QuestionKind, Questionnaire};
use crate::format::settings::Settings;
use crate::languages::interface::Texts;
use crate::reflection::summary::{summarise, Output, Summary};

/// Everything the session knows.
#[derive(Debug, Clone)]
pub struct Model {
    /// The languages offered.
    pub(super) languages: Vec<Language>,
    /// Where the other languages' versions come from; `None` for a single version given.
    pub(super) catalog: Option<Rc<Catalog>>,
    /// The versions read so far, by language: each is read when first shown.
    pub(super) versions: Vec<Option<Version>>,
    /// The position in `languages` of the language showing; the three fields below are its.
    pub(super) language: usize,
    pub(super) questionnaire: Questionnaire,
    pub(super) texts: Rc<Texts>,
    pub(super) answers: Answers,
    pub(super) screen: Screen,
    /// Set when a section was opened with "Change" on the review: the question changed. The
    /// section's main button leads back there, to that question's "Change" button.
    pub(super) returning_to_review: Option<usize>,
    pub(super) saving: Saving,
    /// The draft or backup on the "welcome back" screen.
    pub(super) unlock: Option<Unlock>,
    pub(super) dialog: Option<Dialog>,
    pub(super) settings: Settings,
    /// When Shift was pressed on its own lately, in milliseconds, for quick exit.
    pub(super) shift_presses: Vec<u64>,
    /// Whether the neutral step covers everything, after the page came back through the
    /// browser's history.
    pub(super) paused: bool,
}

impl Model {
    /// A fresh session on the introduction, with the default settings.
    pub fn new(questionnaire: Questionnaire) -> Self {
        Self::with_settings(questionnaire, Settings::default())
    }

    /// A fresh session on the introduction, with the clinic's settings.
    pub fn with_settings(questionnaire: Questionnaire, settings: Settings) -> Self {
        let version = Version::single(questionnaire, settings);
        let languages = vec![Language {
            tag: version.language.clone(),
            name: version.texts.language_name().clone(),
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
        version: Version,
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
            shift_presses: Vec::new(),
            paused: false,
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

    /// Whether the neutral step covers everything, until the client chooses to continue.
    pub fn paused(&self) -> bool {
        self.paused
    }

    /// Which questions are shown, by position (see [`visibility`]).
    pub fn visibility(&self) -> Vec<bool> {
        visibility::visibility(&self.questionnaire, &self.answers)
    }

    /// Whether the answers call for support contacts to show inline: the questionnaire's
    /// `support_when` holds.
    pub fn support_needed(&self) -> bool {
        self.support_needed_with(&self.visibility())
    }

    /// [`Model::support_needed`], with the visibility already worked out.
    pub fn support_needed_with(&self, visible: &[bool]) -> bool {
        visibility::support_needed(&self.questionnaire, &self.answers, visible)
    }

    /// Whether the answers call for the safety response (the questionnaire's `safety_when`
    /// holds), with the visibility already worked out.
    pub fn safety_needed_with(&self, visible: &[bool]) -> bool {
        visibility::safety_needed(&self.questionnaire, &self.answers, visible)
    }

    /// Whether leaving the page now would lose answers: the client has answered something and
    /// is not saving on this device. The browser then asks before the tab is closed or reloaded.
    pub fn has_unsaved_answers(&self) -> bool {
        self.answers.count() > 0 && !matches!(self.saving, Saving::On { .. })
    }

    /// Whether the browser should ask before the tab is closed or reloaded: the clinic chose so,
    /// and leaving now would lose answers. Off by default: the prompt would hold a client who
    /// closes the tab in a hurry with their words still on screen.
    pub fn asks_before_leaving(&self) -> bool {
        self.settings.ask_before_leaving && self.has_unsaved_answers()
    }

    /// The summary of the answers as they stand, in the language showing.
    pub fn summary(&self, output: Output) -> Summary {
        summarise(
            &self.questionnaire,
            &self.answers,
            &self.texts,
            &self.settings,
            output,
        )
    }

    /// The kind of the question at `question`.
    pub(super) fn kind_of(&self, question: usize) -> Option<&QuestionKind> {
        self.questionnaire.question(question).map(|q| &q.kind)
    }

    /// Whether a section has anything to show now.
    pub(super) fn section_has_content(&self, section: usize, visible: &[bool]) -> bool {
        self.questionnaire
            .sections
            .get(section)
            .is_some_and(|s| s.questions.clone().any(|q| is_shown(visible, q)))
    }

    /// The draft JSON for the current answers and place.
    pub(super) fn draft(&self) -> String {
        draft::encode(&self.questionnaire, &self.answers, self.screen.section())
    }

    /// The effect that saves the draft, when saving is on.
    pub(super) fn autosave(&self) -> Option<Effect> {
        matches!(self.saving, Saving::On { .. }).then(|| Effect::SaveDraft {
            draft: self.draft(),
        })
    }

    /// Opens `dialog` over the current screen.
    pub(super) fn open_dialog(&mut self, dialog: Dialog) -> Vec<Effect> {
        self.dialog = Some(dialog);
        vec![Effect::ShowDialog]
    }

    /// Closes the dialog showing: Cancel, Close or Escape.
    pub(super) fn close_dialog(&mut self) -> Vec<Effect> {
        self.dialog = None;
        vec![Effect::ShowDialog]
    }

    /// Forgets everything the client entered, as after quick exit or deletion.
    pub(super) fn forget_answers(&mut self) {
        self.answers = Answers::new(self.questionnaire.questions.len());
        self.returning_to_review = None;
        self.unlock = None;
        self.dialog = None;
        self.shift_presses.clear();
    }
}
