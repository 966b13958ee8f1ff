//! Reading JSON: text with our own parser (`parser`), and, in the browser, JavaScript objects
//! value by value through js-sys; both give serde_json's `Value`. Both refuse values nested more
//! than [`MAX_NESTING`](crate::reading::limits::MAX_NESTING) levels deep, so a file reads the
//! same wherever it comes from and reading never runs out of stack.
//!
//! The browser's own `JSON.parse` was tried for text, to ship no JSON parser: it saved 6.9 KB
//! gzip, but converting its result value by value made mounting up to 2.4 times slower
//! (`npm run bench`, at scale: 1,000 questions took 190 ms instead of 78 ms), so text is read in
//! the module.

use serde_json::{Number, Value};

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
    use super::parser::{parse_value, Unread};
    parse_value(text).map_err(|unread| match unread {
        Unread::Syntax(message) => JsonError::Syntax(message),
        Unread::TooDeep => JsonError::TooDeep,
    })
}

/// `value` as compact JSON text, exactly as serde_json writes it. Written here rather than
/// through serde's serializer, which brought `std::io`'s writer and its error messages into the
/// module (3.3 KB after compression, with serde's `to_value` that `json!` uses).
pub fn to_text(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => write_number(number, out),
        Value::String(text) => write_string(text, out),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (index, (name, item)) in fields.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(name, out);
                out.push(':');
                write(item, out);
            }
            out.push('}');
        }
    }
}

/// A number as serde_json writes it: an integer in decimal; any other number in the fewest
/// digits that read back as it, laid out as serde_json lays them out ([`lay_out`]).
fn write_number(number: &Number, out: &mut String) {
    if let Some(whole) = number.as_u64() {
        out.push_str(&whole.to_string());
    } else if let Some(whole) = number.as_i64() {
        out.push_str(&whole.to_string());
    } else if let Some(float) = number.as_f64() {
        if float == 0.0 {
            out.push_str(if float.is_sign_negative() {
                "-0.0"
            } else {
                "0.0"
            });
        } else {
            lay_out(&shortest(float), out);
        }
    }
}

/// The fewest decimal digits that read back as `float`, as the browser writes them
/// (`Number.prototype.toString`): "0.1", "1e+21", "1.5e-7". Rust's own writing of floats and
/// serde_json's each bring about 2 KB of tables into the module; the browser's is there already.
#[cfg(target_arch = "wasm32")]
fn shortest(float: f64) -> String {
    js_sys::Number::from(float)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// The fewest decimal digits that read back as `float`, as serde_json writes them: natively
/// its tables cost nothing that matters. Rust's own `{:e}` was not used: where two shortest
/// texts are equally near (92810444177002.125), it takes the upper ("…002.13") and serde_json
/// and browsers the even one ("…002.12").
#[cfg(not(target_arch = "wasm32"))]
fn shortest(float: f64) -> String {
    Value::from(float).to_string()
}

/// A float written in decimal or scientific notation (`written`: "-0.0015", "1.5e-7",
/// "1e+21") laid out as serde_json lays out a float: with a decimal point between 1e-5 and
/// 1e16 ("0.0015", "1234.0"), otherwise in scientific notation with one digit before the point
/// ("1.5e-7", "1e+21").
pub fn lay_out(written: &str, out: &mut String) {
    let (unsigned, negative) = match written.strip_prefix('-') {
        Some(unsigned) => (unsigned, true),
        None => (written, false),
    };
    let (mantissa, exponent) = unsigned.split_once(['e', 'E']).unwrap_or((unsigned, ""));
    let (mut power, mut sign) = (0_i32, 1);
    for c in exponent.chars() {
        match c.to_digit(10) {
            Some(digit) => power = power.saturating_mul(10).saturating_add(digit as i32),
            None if c == '-' => sign = -1,
            None => {}
        }
    }
    // The significant digits, and where the point goes: value = 0.digits × 10^point.
    let mut digits = String::new();
    let mut point = power.saturating_mul(sign);
    let mut after_point = false;
    for c in mantissa.chars() {
        match c {
            '.' => after_point = true,
            '0' if digits.is_empty() => point = point.saturating_sub(i32::from(after_point)),
            _ => {
                digits.push(c);
                point = point.saturating_add(i32::from(!after_point));
            }
        }
    }
    let digits = digits.trim_end_matches('0');
    let length = i32::try_from(digits.len()).unwrap_or(0);
    let zeros = |out: &mut String, count: i32| {
        for _ in 0..count {
            out.push('0');
        }
    };
    // The digits with a point after the first `whole` of them (none if there are no more).
    let with_point = |out: &mut String, whole: i32| {
        for (index, c) in digits.chars().enumerate() {
            if i32::try_from(index) == Ok(whole) {
                out.push('.');
            }
            out.push(c);
        }
    };
    if negative {
        out.push('-');
    }
    if (-4..=16).contains(&point) {
        if point <= 0 {
            out.push_str("0.");
            zeros(out, -point);
            out.push_str(digits);
        } else if length <= point {
            out.push_str(digits);
            zeros(out, point - length);
            out.push_str(".0");
        } else {
            with_point(out, point);
        }
    } else {
        with_point(out, 1);
        out.push('e');
        if point > 0 {
            out.push('+');
        }
        out.push_str(&point.saturating_sub(1).to_string());
    }
}

/// A JSON string: quotes, backslashes and control characters escaped, the rest as it is.
fn write_string(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                out.push_str("\\u00");
                let code = c as usize;
                for digit in [code >> 4, code & 0xf] {
                    out.push(char::from(HEX.get(digit).copied().unwrap_or(b'0')));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Parses the JSON text of a whole file, called `what` in messages, which must be no larger than
/// [`MAX_FILE_BYTES`](super::limits::MAX_FILE_BYTES); the problem has the empty path of the file
/// itself.
pub fn parse_file(text: &str, what: &str) -> Result<Value, Vec<Problem>> {
    check_size(text, what).map_err(|problem| vec![problem])?;
    parse(text).map_err(|error| vec![Problem::new("", error.to_string())])
}

/// Converts a JavaScript value to JSON data: `undefined` becomes `null`, as does a number JSON
/// cannot hold (`NaN`, `Infinity`). A function, symbol or `BigInt` is refused with where it is;
/// so is a value nested more than [`MAX_NESTING`] levels deep, which a circular one is.
#[cfg(target_arch = "wasm32")]
pub fn from_js(value: &wasm_bindgen::JsValue) -> Result<Value, JsonError> {
    let mut seen = 0_usize;
    convert(value, 0, &mut seen, &mut Vec::new())
}

/// [`from_js`] for a value at `depth`, whose keys and indices from the top are `path`; `seen`
/// counts the values so far. Recurses at most [`MAX_NESTING`] levels deep.
#[cfg(target_arch = "wasm32")]
fn convert(
    value: &wasm_bindgen::JsValue,
    depth: usize,
    seen: &mut usize,
    path: &mut Vec<String>,
) -> Result<Value, JsonError> {
    use js_sys::{Array, Number, Object};
    use wasm_bindgen::JsCast;
    *seen += 1;
    if depth > MAX_NESTING || *seen > MAX_VALUES {
        return Err(JsonError::TooDeep);
    }
    if let Some(text) = value.as_string() {
        return Ok(Value::String(text));
    }
    if let Some(number) = value.as_f64() {
        // A whole number stays whole, as JSON text would read it.
        return Ok(if Number::is_safe_integer(value) {
            Value::from(number as i64)
        } else {
            serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
        });
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if value.is_function() || !value.is_object() {
        let kind = if value.is_function() {
            "a function"
        } else if value.is_symbol() {
            "a symbol"
        } else {
            "a BigInt"
        };
        let place = if path.is_empty() {
            String::from("the value")
        } else {
            format!("\"{}\"", path.join("."))
        };
        return Err(JsonError::NotData(format!(
            "{place} is {kind}, which is not data"
        )));
    }
    let mut child = |path: &mut Vec<String>, key: String, item: &wasm_bindgen::JsValue| {
        path.push(key);
        let converted = convert(item, depth + 1, seen, path);
        path.pop();
        converted
    };
    if Array::is_array(value) {
        let items: Array = value.clone().unchecked_into();
        let mut converted = Vec::with_capacity(items.length() as usize);
        for (index, item) in items.iter().enumerate() {
            converted.push(child(path, index.to_string(), &item)?);
        }
        return Ok(Value::Array(converted));
    }
    let mut fields = serde_json::Map::new();
    for entry in Object::entries(value.unchecked_ref()).iter() {
        let entry: Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        let item = child(path, key.clone(), &entry.get(1))?;
        fields.insert(key, item);
    }
    Ok(Value::Object(fields))
}
