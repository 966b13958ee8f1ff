//! Switching language: answers stay, kept by ids; a note still exactly as drafted is drafted again
//! in the new language, while one the client changed is left alone. Each language's version is
//! read from the catalogue the first time it is shown.

use super::effect::Effect;
use super::model::Model;
use crate::answers::answer::Answer;
use crate::format::catalog::Version;
use crate::format::questionnaire::{NoteFor, QuestionKind};

/// A language in the language switcher.
pub(super) fn choose(model: &mut Model, language: usize) -> Vec<Effect> {
    if !model.switch_language(language) {
        return Vec::new();
    }
    let mut effects = vec![Effect::LanguageChanged];
    effects.extend(model.autosave());
    effects
}

impl Model {
    /// The version of everything in the language at `index`, read the first time.
    fn version(&mut self, index: usize) -> Option<Version> {
        if let Some(Some(version)) = self.versions.get(index) {
            return Some(version.clone());
        }
        let version = self.catalog.as_ref()?.version(index)?;
        if let Some(slot) = self.versions.get_mut(index) {
            *slot = Some(version.clone());
        }
        Some(version)
    }

    /// Shows another language; false when it is the one showing or is not offered.
    pub(super) fn switch_language(&mut self, language: usize) -> bool {
        if language == self.language {
            return false;
        }
        let Some(version) = self.version(language) else {
            return false;
        };
        let untouched: Vec<(usize, NoteFor)> = self
            .drafted
            .iter()
            .filter_map(|&question| match self.kind_of(question) {
                Some(QuestionKind::Note(recipient)) => {
                    let unchanged = match self.answers.get(question) {
                        Some(Answer::Text(text)) => *text == self.note_draft(*recipient),
                        Some(Answer::Choice(_) | Answer::Choices { .. } | Answer::Scale(_))
                        | None => false,
                    };
                    unchanged.then_some((question, *recipient))
                }
                Some(
                    QuestionKind::SingleChoice { .. }
                    | QuestionKind::MultipleChoice { .. }
                    | QuestionKind::Scale(_)
                    | QuestionKind::ShortText
                    | QuestionKind::LongText
                    | QuestionKind::Info,
                )
                | None => None,
            })
            .collect();
        self.language = language;
        self.questionnaire = version.questionnaire;
        self.settings = version.settings;
        self.texts = version.texts;
        for (question, recipient) in untouched {
            let draft = self.note_draft(recipient);
            let answer = (!draft.is_empty()).then_some(Answer::Text(draft));
            self.answers.set(question, answer);
        }
        true
    }
}
