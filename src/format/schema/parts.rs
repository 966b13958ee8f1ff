//! The pieces the schema is built from: the patterns the reader checks, an object with exactly
//! its fields, a reference to a definition, text, a flag.

use serde_json::{json, Map, Value};

/// The form of an id, as the reader checks it: a letter first, then letters, digits, `-` or `_`,
/// at most 64 characters.
pub(super) const ID_PATTERN: &str = "^[A-Za-z][A-Za-z0-9_-]{0,63}$";

/// Text that is not blank: at least one character that is not a space.
pub(super) const TEXT_PATTERN: &str = "\\S";
/// A language code, as `reading::object::is_language_tag` accepts it.
pub(super) const LANGUAGE_PATTERN: &str = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$";

/// One field of an object in the format.
pub(super) struct Field {
    pub(super) name: &'static str,
    required: bool,
    schema: Value,
}

pub(super) fn required(name: &'static str, schema: Value) -> Field {
    Field {
        name,
        required: true,
        schema,
    }
}

pub(super) fn optional(name: &'static str, schema: Value) -> Field {
    Field {
        name,
        required: false,
        schema,
    }
}

/// An object that takes exactly these fields.
pub(super) fn object(description: &str, fields: &[Field]) -> Value {
    json!({
        "type": "object",
        "description": description,
        "properties": properties(fields),
        "required": required_names(fields),
        "additionalProperties": false,
    })
}

pub(super) fn properties(fields: &[Field]) -> Map<String, Value> {
    fields
        .iter()
        .map(|field| (field.name.to_owned(), field.schema.clone()))
        .collect()
}

pub(super) fn required_names(fields: &[Field]) -> Vec<&'static str> {
    fields
        .iter()
        .filter(|field| field.required)
        .map(|field| field.name)
        .collect()
}

/// A reference to one of the definitions, with a description of this use of it.
pub(super) fn reference(definition: &str, description: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{definition}"), "description": description })
}

pub(super) fn text(description: &str) -> Value {
    reference("text", description)
}

pub(super) fn flag(description: String) -> Value {
    json!({ "type": "boolean", "default": false, "description": description })
}

/// `"a", "b" or "c"`, with `or` being `conjunction`.
pub(super) fn quoted_list(words: &[&str], conjunction: &str) -> String {
    let quoted: Vec<String> = words.iter().map(|word| format!("\"{word}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {conjunction} {last}", rest.join(", "))
        }
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}
