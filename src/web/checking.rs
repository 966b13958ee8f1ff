//! What the configuration page (`www/configure/`) asks of the module: the same check of a
//! configuration the widget makes when it mounts, as data, so that each problem can be shown
//! next to the field it belongs to; and the built-in questionnaires, whose sections and
//! questions the page offers to leave out or reword, and the widget's own words, which it offers
//! to change. Nothing here runs in a client's widget.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::options::read_options;
use crate::format::pack;
use crate::format::questionnaire::BUILT_IN_QUESTIONNAIRES;
use crate::languages::interface::BUILT_IN;
use crate::reading::json;
use crate::reading::problem::Problem;

/// Checks `options` as `mount` would: returns every problem as `{ path, message, warning }`,
/// where a path such as `options.support.resources[0].web` says which field it belongs to. A
/// configuration with a problem shows the problems panel instead of the reflection; one with
/// only warnings (`warning: true`, such as no support contacts) works.
#[wasm_bindgen]
pub fn check(options: JsValue) -> Result<Array, JsValue> {
    let (problems, warning) = match read_options(&options) {
        Ok(catalog) => (catalog.settings().warnings(), true),
        Err(problems) => (problems, false),
    };
    let listed = Array::new();
    for Problem { path, message } in problems {
        let entry = Object::new();
        Reflect::set(&entry, &"path".into(), &path.into())?;
        Reflect::set(&entry, &"message".into(), &message.into())?;
        Reflect::set(&entry, &"warning".into(), &warning.into())?;
        listed.push(&entry);
    }
    Ok(listed)
}

/// Adds a language that shipped apart from the module, from its pack (`pkg/ending_well_es.js`'s
/// text): the loader gives it before a client is shown the language, and the configuration page
/// before it reads the built-in texts. Fails with what is wrong with the pack.
#[wasm_bindgen]
pub fn add_language(pack: &str) -> Result<String, JsValue> {
    pack::add(pack).map_err(|message| JsValue::from_str(&message))
}

/// The built-in questionnaire `name` (`"full"` or `"short"`) as JSON text, with its text in
/// every language it has (those that shipped apart, once added); empty for another name.
#[wasm_bindgen]
pub fn built_in_questionnaire(name: &str) -> String {
    let text = named(&BUILT_IN_QUESTIONNAIRES, name);
    match json::parse(&text) {
        Ok(mut value) => {
            pack::put_back_added(&mut value, name);
            json::to_text(&value)
        }
        Err(_) => text,
    }
}

/// The widget's own words in the built-in language `tag` (`"en"` or `"es"`), as JSON text as
/// `locales/` has them (a language that shipped apart, once added); empty for another tag.
#[wasm_bindgen]
pub fn interface_words(tag: &str) -> String {
    pack::interface_text(tag).unwrap_or_else(|| named(&BUILT_IN, tag))
}

/// The text called `name` among the built-in `texts`; empty when there is none.
fn named(texts: &[(&str, &str)], name: &str) -> String {
    texts
        .iter()
        .find(|(built_in, _)| *built_in == name)
        .map(|(_, text)| (*text).to_owned())
        .unwrap_or_default()
}
