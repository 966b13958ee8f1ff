//! A language shipped apart from the module: its interface text, and its text in each built-in
//! questionnaire by JSON pointer, as one JSON value (`ending-well language-pack es`). Put back
//! with [`split::put_back`](crate::languages::split::put_back), the questionnaires are the files
//! they were taken from.

use serde_json::{json, Map, Value};

use super::questionnaire::BUILT_IN_QUESTIONNAIRES;
use crate::languages::interface::BUILT_IN;
use crate::languages::split::take_out;
use crate::languages::tag::FALLBACK;
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
