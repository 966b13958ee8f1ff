//! Reading JSON: text with serde_json, and, in the browser, JavaScript objects with
//! serde-wasm-bindgen. Both refuse values nested more than [`MAX_NESTING`](crate::reading::limits::MAX_NESTING) levels deep, so a
//! file reads the same wherever it comes from and reading never runs out of stack.
//!
//! The browser's own `JSON.parse` was tried for text, to ship no JSON parser: it saved 6.9 KB
//! gzip, but converting its result value by value made mounting up to 2.4 times slower
//! (`npm run bench`, at scale: 1,000 questions took 190 ms instead of 78 ms), so serde_json reads
//! text everywhere.

use serde_json::Value;

use super::limits::{check_size, MAX_NESTING, MAX_VALUES};
use super::problem::Problem;

/// Why JSON could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all, with the parser's words (a line and column where it gives them).
    Syntax(String),
    /// JSON, but nested more than [`MAX_NESTING`] levels deep or holding more than
    /// [`MAX_VALUES`] values.
    TooDeep,
    /// A JavaScript value that is not JSON data, such as a function.
    NotData(String),
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Syntax(message) => write!(f, "not valid JSON: {message}"),
            Self::TooDeep => write!(
                f,
                "nested more than {MAX_NESTING} levels deep, or more than {MAX_VALUES} values"
            ),
            Self::NotData(message) => f.write_str(message),
        }
    }
}

/// Parses JSON text, or says why it cannot.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let value: Value = serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        // serde_json stops at 128 levels, before the check below can look.
        if message.starts_with("recursion limit exceeded") {
            JsonError::TooDeep
        } else {
            JsonError::Syntax(message)
        }
    })?;
    check_nesting(&value)?;
    Ok(value)
}

/// Parses the JSON text of a whole file, called `what` in messages, which must be no larger than
/// [`MAX_FILE_BYTES`](super::limits::MAX_FILE_BYTES); the problem has the empty path of the file
/// itself.
pub fn parse_file(text: &str, what: &str) -> Result<Value, Vec<Problem>> {
    check_size(text, what).map_err(|problem| vec![problem])?;
    parse(text).map_err(|error| vec![Problem::new("", error.to_string())])
}

/// Refuses a parsed value nested more than [`MAX_NESTING`] levels deep, as the reading of
/// JavaScript objects does, so that both read the same files.
fn check_nesting(value: &Value) -> Result<(), JsonError> {
    let mut pending = vec![(value, 0_usize)];
    while let Some((value, depth)) = pending.pop() {
        if depth > MAX_NESTING {
            return Err(JsonError::TooDeep);
        }
        match value {
            Value::Array(items) => pending.extend(items.iter().map(|item| (item, depth + 1))),
            Value::Object(fields) => pending.extend(fields.values().map(|item| (item, depth + 1))),
            _ => {}
        }
    }
    Ok(())
}

/// Converts a JavaScript value to JSON data, after checking, without recursion, that it is
/// neither too deep nor circular.
#[cfg(target_arch = "wasm32")]
pub fn from_js(value: &wasm_bindgen::JsValue) -> Result<Value, JsonError> {
    use wasm_bindgen::{JsCast, JsValue};
    let mut pending = vec![(value.clone(), 0_usize)];
    let mut seen = 0_usize;
    while let Some((value, depth)) = pending.pop() {
        seen += 1;
        if depth > MAX_NESTING || seen > MAX_VALUES {
            return Err(JsonError::TooDeep);
        }
        let children = if js_sys::Array::is_array(&value) {
            js_sys::Array::from(&value)
        } else if value.is_object() {
            js_sys::Object::values(value.unchecked_ref())
        } else {
            continue;
        };
        pending.extend(
            children
                .iter()
                .filter(JsValue::is_object)
                .map(|child| (child, depth + 1)),
        );
    }
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|error| JsonError::NotData(error.to_string()))
}
