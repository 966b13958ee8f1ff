//! One language's text taken out of a file's text objects, and put back: so that a language can
//! ship apart from the module, and a client who never reads it never downloads it.
//!
//! Uses `serde_json` alone, so that the build script can include this file as it is.

use serde_json::{Map, Value};

/// The one text object whose text always stays: the questionnaire's title, so that the file
/// still says which languages it has.
const KEPT: &str = "/title";

/// Takes `tag`'s text out of every text object in `value` (an object whose values are all text,
/// `tag`'s among others) but the title's. Returns each text taken, with the JSON pointer of the
/// object it was in, in the order of the file.
pub fn take_out(value: &mut Value, tag: &str) -> Vec<(String, String)> {
    let mut taken = Vec::new();
    walk(value, tag, &mut String::new(), &mut taken);
    taken
}

fn walk(value: &mut Value, tag: &str, at: &mut String, taken: &mut Vec<(String, String)>) {
    match value {
        // The title is walked as any other object: its texts are not objects, so it keeps them.
        Value::Object(object) if is_text(object, tag) && at != KEPT => {
            if let Some(Value::String(text)) = object.remove(tag) {
                taken.push((at.clone(), text));
            }
        }
        Value::Object(object) => {
            for (key, child) in object.iter_mut() {
                let end = at.len();
                // JSON pointer's escapes (RFC 6901): "~" as "~0", then "/" as "~1".
                at.push('/');
                for c in key.chars() {
                    match c {
                        '~' => at.push_str("~0"),
                        '/' => at.push_str("~1"),
                        other => at.push(other),
                    }
                }
                walk(child, tag, at, taken);
                at.truncate(end);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter_mut().enumerate() {
                let end = at.len();
                at.push('/');
                at.push_str(&index.to_string());
                walk(child, tag, at, taken);
                at.truncate(end);
            }
        }
        _ => {}
    }
}

/// Whether `object` is a text object with text in `tag` and in at least one other language.
fn is_text(object: &Map<String, Value>, tag: &str) -> bool {
    object.len() > 1
        && object.get(tag).is_some_and(Value::is_string)
        && object.values().all(Value::is_string)
}

/// Puts texts taken out by [`take_out`] back into `value`, as `tag`'s. Returns the pointers that
/// lead to no object in `value` (none, in the file they were taken from).
pub fn put_back(value: &mut Value, tag: &str, texts: &[(String, String)]) -> Vec<String> {
    texts
        .iter()
        .filter_map(|(at, text)| match pointer_mut(value, at) {
            Some(Value::Object(object)) => {
                object.insert(tag.to_owned(), Value::String(text.clone()));
                None
            }
            _ => Some(at.clone()),
        })
        .collect()
}

/// The value `pointer` (a JSON pointer, RFC 6901, such as `/sections/0/title`) leads to inside
/// `value`, found as serde_json's `Value::pointer_mut` finds it, without its `str::replace`,
/// which brought string slicing's panic messages into the module.
pub fn pointer_mut<'a>(value: &'a mut Value, pointer: &str) -> Option<&'a mut Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    pointer
        .strip_prefix('/')?
        .split('/')
        .try_fold(value, |target, token| match target {
            Value::Object(fields) => fields.get_mut(&unescape_token(token)),
            Value::Array(items) => array_index(token).and_then(move |index| items.get_mut(index)),
            _ => None,
        })
}

/// A pointer's token with its escapes undone: "~1" is "/", then "~0" is "~".
fn unescape_token(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('~', Some('1')) => {
                chars.next();
                out.push('/');
            }
            ('~', Some('0')) => {
                chars.next();
                out.push('~');
            }
            _ => out.push(c),
        }
    }
    out
}

/// A pointer's token as an index into an array: digits, with no leading zero but for "0".
fn array_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() != 1) {
        return None;
    }
    token.parse().ok()
}
