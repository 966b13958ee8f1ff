//! Switching language: answers stay, kept by ids; a note the client has not written in is drafted
//! again in the new language, while one they wrote in or cleared is left alone. Each language's version is
//! read from the catalogue the first time it is shown.

use super::effect::Effect;
use super::model::Model;
use crate::format::catalog::Version;
use crate::format::pack;

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

    /// Shows another language; false when it is the one showing, is not offered, or shipped
    /// apart and has not come yet (the loader brings it before it lets the choice through).
    pub(super) fn switch_language(&mut self, language: usize) -> bool {
        let waiting = self
            .languages
            .get(language)
            .is_some_and(|offered| pack::waiting(&offered.tag));
        if language == self.language || waiting {
            return false;
        }
        let Some(version) = self.version(language) else {
            return false;
        };
        self.language = language;
        self.questionnaire = version.questionnaire;
        self.settings = version.settings;
        self.texts = version.texts;
        // Drafts the client has not written in follow, in the new language.
        self.refresh_notes(self.screen.section());
        true
    }
}
