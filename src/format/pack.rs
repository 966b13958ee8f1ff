//! A language shipped apart from the module: its interface text, and its text in each built-in
//! questionnaire by JSON pointer, as one JSON value (`ending-well language-pack es`). Put back
//! with [`split::put_back`](crate::languages::split::put_back), the questionnaires are the files
//! they were taken from.

use std::cell::RefCell;

use serde_json::{json, Map, Value};

use super::questionnaire::BUILT_IN_QUESTIONNAIRES;
use crate::languages::interface::{add_built_in, apart, is_added, BUILT_IN};
use crate::languages::split::{put_back, take_out};
use crate::languages::tag::{primary, FALLBACK};
use crate::reading::json;

/// The pack of a built-in language, or `None` for English, which every text falls back to and
/// so always ships, and for a language that is not built in.
pub fn language_pack(tag: &str) -> Option<Value> {
    if tag == FALLBACK {
        return None;
    }
    let (_, interface) = BUILT_IN.iter().find(|(built, _)| *built == tag)?;
    let mut questionnaires = Map::new();
    for (name, text) in BUILT_IN_QUESTIONNAIRES {
        let mut questionnaire = json::parse(text).ok()?;
        let texts: Vec<Value> = take_out(&mut questionnaire, tag)
            .into_iter()
            .map(|(at, text)| json!([at, text]))
            .collect();
        questionnaires.insert(name.to_owned(), Value::Array(texts));
    }
    Some(json!({
        "language": tag,
        "interface": json::parse(interface).ok()?,
        "questionnaires": questionnaires,
    }))
}

/// A language's text in one built-in questionnaire: (language, the questionnaire's name, its
/// texts by JSON pointer).
type Added = (String, String, Vec<(String, String)>);

thread_local! {
    /// The questionnaire texts of languages that shipped apart, once given.
    static ADDED: RefCell<Vec<Added>> = const { RefCell::new(Vec::new()) };
    /// Their interface files, as JSON text, for the configuration page (`interface_text`).
    static INTERFACES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The interface file of `tag`, a language that shipped apart, once given.
pub fn interface_text(tag: &str) -> Option<String> {
    INTERFACES.with(|texts| {
        texts
            .borrow()
            .iter()
            .find(|(has, _)| has == tag)
            .map(|(_, text)| text.clone())
    })
}

/// Adds a language that shipped apart, from its pack (`language_pack`'s JSON): its interface
/// text, and its text in each built-in questionnaire, which [`put_back_added`] then puts back.
/// Returns the language's tag, or what is wrong with the pack.
pub fn add(pack: &str) -> Result<String, String> {
    let pack = json::parse(pack).map_err(|error| format!("the language pack is {error}"))?;
    let tag = pack
        .get("language")
        .and_then(Value::as_str)
        .filter(|tag| apart().any(|apart| apart == *tag))
        .ok_or("the language pack is not for a language that ships apart")?;
    let interface = pack.get("interface").unwrap_or(&Value::Null);
    let problems = add_built_in(tag, interface);
    if let Some(problem) = problems.first() {
        return Err(format!(
            "the language pack's {}: {}",
            problem.path, problem.message
        ));
    }
    INTERFACES.with(|texts| {
        let mut texts = texts.borrow_mut();
        if !texts.iter().any(|(has, _)| has == tag) {
            texts.push((tag.to_owned(), json::to_text(interface)));
        }
    });
    let texts = pack
        .get("questionnaires")
        .and_then(Value::as_object)
        .ok_or("the language pack has no questionnaires")?;
    ADDED.with(|added| {
        let mut added = added.borrow_mut();
        for (name, pairs) in texts {
            if added.iter().any(|(has, of, _)| has == tag && of == name) {
                continue;
            }
            let pairs = pairs
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|pair| {
                    let at = pair.get(0)?.as_str()?;
                    Some((at.to_owned(), pair.get(1)?.as_str()?.to_owned()))
                })
                .collect();
            added.push((tag.to_owned(), name.clone(), pairs));
        }
    });
    Ok(tag.to_owned())
}

/// Puts the texts of every language added so far back into the built-in questionnaire `name`.
pub fn put_back_added(value: &mut Value, name: &str) {
    ADDED.with(|added| {
        for (tag, of, texts) in added.borrow().iter() {
            if of == name {
                put_back(value, tag, texts);
            }
        }
    });
}

/// Whether `tag`'s text shipped apart and has not been given yet: a client cannot be shown it.
pub fn waiting(tag: &str) -> bool {
    apart().any(|apart| primary(apart) == primary(tag)) && !is_added(tag)
}
