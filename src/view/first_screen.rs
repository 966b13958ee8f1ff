//! The introduction as the loader draws it before the WebAssembly module has started
//! (`www/src/ending-well.js`): the same words the widget shows on its first screen, with the
//! built-in questionnaire and no settings, in each language it offers. The build writes them
//! into the loader (`ending-well first-screen`), so that a client can read the introduction,
//! and leave, while the module is still on its way; the widget then takes over in place.

use serde_json::{json, Map, Value};

use super::{save_bar, view, View};
use crate::format::catalog;
use crate::session::model::Model;

/// The first screen's words in every language of the built-in questionnaire, by language tag,
/// in the order the widget offers them; `None` if the built-in files do not read.
pub fn first_screens() -> Option<Value> {
    let read = || {
        catalog::prepare(
            catalog::default_questionnaire_value(),
            Value::Object(Map::new()),
            "options",
        )
        .ok()
    };
    // A model takes its catalogue: the first is read here, each other language's afresh.
    let mut first = read();
    let count = first.as_ref()?.languages.len();
    let mut screens = Map::new();
    for index in 0..count {
        let model = Model::from_catalog(first.take().or_else(read)?, index)?;
        let screen = first_screen(&model)?;
        screens.insert(model.texts().language.clone(), screen);
    }
    Some(Value::Object(screens))
}

/// The words of `model`'s introduction, its language switcher, top bar and save bar.
fn first_screen(model: &Model) -> Option<Value> {
    let View::Intro(intro) = view(model) else {
        return None;
    };
    let texts = model.texts();
    let bar = save_bar(model);
    let languages: Vec<Value> = model
        .languages()
        .iter()
        .map(|language| {
            json!({
                "tag": language.tag,
                "dir": language.direction.attribute(),
                "name": language.name,
            })
        })
        .collect();
    Some(json!({
        "dir": crate::languages::tag::direction(&texts.language).attribute(),
        "languageSwitcher": texts.language_switcher(),
        "languages": languages,
        "needSupport": texts.need_support(),
        "leavePage": texts.leave_page(),
        "leavePageHint": texts.leave_page_hint(),
        "title": intro.title,
        "paragraphs": intro.paragraphs,
        "meta": intro.meta,
        "start": texts.start(),
        "openBackup": texts.open_backup(),
        "openBackupHint": texts.open_backup_hint(),
        "saveStatus": bar.status,
        "saveOnDevice": texts.save_on_device(),
        "saveHere": texts.save_here(),
        "deleteEverything": texts.delete_everything(),
        "sharedDevice": texts.shared_device(),
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::first_screens;

    #[test]
    fn every_built_in_language_has_its_own_words() {
        let screens = first_screens().unwrap();
        let screens = screens.as_object().unwrap();
        assert_eq!(screens.keys().collect::<Vec<_>>(), ["en", "es"]);
        assert_eq!(screens["en"]["start"], "Start");
        assert_eq!(screens["es"]["start"], "Empezar");
        assert_ne!(screens["en"]["title"], screens["es"]["title"]);
        assert_eq!(screens["es"]["languages"][1]["name"], "Español");
        assert!(screens["en"]["meta"]
            .as_str()
            .unwrap()
            .starts_with("11 sections"));
    }
}
