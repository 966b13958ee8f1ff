//! Reads a JSON object field by field, collecting every problem with its path.
//!
//! serde's derived `Deserialize` stops at the first wrong type; a clinician fixing a file wants
//! every problem at once, so the raw stage walks the parsed JSON by hand through this reader.

use serde_json::{Map, Value};

use super::limits::MAX_TEXT_CHARS;
use super::problem::{field_path, index_path, with_suggestion, Problem};

/// A JSON object being read, remembering which fields were asked for.
pub(crate) struct Object<'a> {
    fields: &'a Map<String, Value>,
    path: String,
}

/// How a JSON value is named in messages: "a number", "a list" and so on.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl<'a> Object<'a> {
    /// Reads `value` as an object, or records that it is not one.
    pub(crate) fn new(value: &'a Value, path: &str, problems: &mut Vec<Problem>) -> Option<Self> {
        match value {
            Value::Object(fields) => Some(Self {
                fields,
                path: path.to_owned(),
            }),
            other => {
                problems.push(Problem::new(
                    path,
                    format!("expected an object {{ ... }}, found {}", describe(other)),
                ));
                None
            }
        }
    }

    /// The path of one of this object's fields.
    pub(crate) fn path_of(&self, field: &str) -> String {
        field_path(&self.path, field)
    }

    /// The raw value of a field, if present.
    pub(crate) fn get(&self, field: &str) -> Option<&'a Value> {
        self.fields.get(field)
    }

    /// Records a problem for every field not in `allowed`, suggesting a near miss.
    pub(crate) fn reject_unknown(&self, allowed: &[&str], problems: &mut Vec<Problem>) {
        for name in self.fields.keys() {
            if !allowed.contains(&name.as_str()) {
                let message = with_suggestion(
                    format!("unknown field \"{name}\""),
                    name,
                    allowed.iter().copied(),
                );
                problems.push(Problem::new(self.path_of(name), message));
            }
        }
    }

    /// A text field that must be present and not blank.
    pub(crate) fn required_text(&self, field: &str, problems: &mut Vec<Problem>) -> Option<String> {
        match self.fields.get(field) {
            None => {
                problems.push(Problem::new(
                    self.path_of(field),
                    format!("missing \"{field}\": add some text"),
                ));
                None
            }
            Some(value) => self.text_value(field, value, problems),
        }
    }

    /// A text field that may be absent; if present it must not be blank.
    pub(crate) fn optional_text(&self, field: &str, problems: &mut Vec<Problem>) -> Option<String> {
        self.fields
            .get(field)
            .and_then(|value| self.text_value(field, value, problems))
    }

    fn text_value(
        &self,
        field: &str,
        value: &Value,
        problems: &mut Vec<Problem>,
    ) -> Option<String> {
        match value {
            Value::String(text) if text.trim().is_empty() => {
                problems.push(Problem::new(
                    self.path_of(field),
                    "is empty: write some text or leave the field out",
                ));
                None
            }
            Value::String(text) if text.chars().count() > MAX_TEXT_CHARS => {
                problems.push(Problem::new(
                    self.path_of(field),
                    format!(
                        "is {} characters long; the most one text can be is {MAX_TEXT_CHARS}: \
                         shorten it or split it",
                        text.chars().count()
                    ),
                ));
                None
            }
            Value::String(text) => Some(text.trim().to_owned()),
            other => {
                problems.push(Problem::new(
                    self.path_of(field),
                    format!("expected text in quotes, found {}", describe(other)),
                ));
                None
            }
        }
    }

    /// An optional true/false field; absent means false.
    pub(crate) fn flag(&self, field: &str, problems: &mut Vec<Problem>) -> bool {
        match self.fields.get(field) {
            None => false,
            Some(Value::Bool(flag)) => *flag,
            Some(other) => {
                problems.push(Problem::new(
                    self.path_of(field),
                    format!("expected true or false, found {}", describe(other)),
                ));
                false
            }
        }
    }

    /// An optional whole-number field within `range`.
    pub(crate) fn optional_integer(
        &self,
        field: &str,
        range: std::ops::RangeInclusive<i64>,
        problems: &mut Vec<Problem>,
    ) -> Option<i64> {
        let value = self.fields.get(field)?;
        match value.as_i64() {
            Some(number) if range.contains(&number) => Some(number),
            Some(number) => {
                problems.push(Problem::new(
                    self.path_of(field),
                    format!(
                        "{number} is out of range: use a whole number from {} to {}",
                        range.start(),
                        range.end()
                    ),
                ));
                None
            }
            None => {
                problems.push(Problem::new(
                    self.path_of(field),
                    format!("expected a whole number, found {}", describe(value)),
                ));
                None
            }
        }
    }

    /// A list field: each element with its path. Absent gives `None`; a non-list is a problem.
    pub(crate) fn list(
        &self,
        field: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<Vec<(String, &'a Value)>> {
        let path = self.path_of(field);
        match self.fields.get(field)? {
            Value::Array(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| (index_path(&path, index), item))
                    .collect(),
            ),
            other => {
                problems.push(Problem::new(
                    path,
                    format!("expected a list [ ... ], found {}", describe(other)),
                ));
                None
            }
        }
    }
}

/// Whether `id` is usable as an id: a letter first, then letters, digits, `-` or `_`, at most
/// 64 characters. Ids end up in HTML `id` attributes, so nothing else is allowed.
pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    let first_is_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    first_is_letter
        && id.len() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Whether `tag` looks like a language tag: a 2 or 3 letter language, then subtags of 1 to 8
/// letters or digits, joined by `-` ("en", "es-419", "zh-Hant-TW").
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language_ok = subtags.next().is_some_and(|first| {
        (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic())
    });
    language_ok
        && subtags.all(|subtag| {
            (1..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Reads the required `id` field of an object and checks its form.
pub(crate) fn read_id(object: &Object<'_>, problems: &mut Vec<Problem>) -> Option<String> {
    let id = object.required_text("id", problems)?;
    if is_valid_id(&id) {
        Some(id)
    } else {
        problems.push(Problem::new(
            object.path_of("id"),
            format!(
                "\"{id}\" is not a usable id: start with a letter and use only letters, digits, \
                 \"-\" and \"_\" (at most 64 characters)"
            ),
        ));
        None
    }
}

/// Reports every id that appears more than once, at the path of the later one. Items are
/// (id, path of the object carrying the id).
pub(crate) fn report_duplicates<'a>(
    items: impl Iterator<Item = (&'a str, &'a str)>,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    // Each id with the path of its first object, in a JSON object: the module already has the
    // code of that map, and a `BTreeMap<&str, &str>` of its own would cost 1.4 KB more packed.
    let mut seen = Map::new();
    for (id, path) in items {
        match seen.get(id) {
            Some(Value::String(first)) => problems.push(Problem::new(
                field_path(path, "id"),
                format!("duplicate {what} id \"{id}\": {first} already uses it"),
            )),
            _ => {
                seen.insert(id.to_owned(), Value::String(path.to_owned()));
            }
        }
    }
}
