//! JSON text to serde_json's [`Value`], by a small parser of our own: serde_json's generic
//! deserializer, its number parsing and its error machinery cost the release module 3.6 KB after
//! compression (`npm run size`), for what a few functions over bytes do here. serde_json still
//! gives the `Value` type and writes JSON.
//!
//! The grammar is RFC 8259's, exactly: no comments, no trailing commas, no byte order mark. A
//! problem is told in plain words with its line and column (counted in characters, from 1), so
//! that a clinician can find it in an editor. A name given twice in one object keeps its last
//! value, as serde_json does. Values nest at most [`MAX_NESTING`] levels deep, checked while
//! reading, so a deep file never runs out of stack.

use serde_json::{Map, Number, Value};

use super::limits::MAX_NESTING;

/// Why text could not be read as JSON; `reading::json` tells it as its `JsonError`.
#[derive(Debug)]
pub enum Unread {
    /// Not JSON, with where and why in plain words.
    Syntax(String),
    /// Nested more than [`MAX_NESTING`] levels deep.
    TooDeep,
}

/// Parses `text`, which must hold exactly one JSON value, with whitespace around it if any.
pub fn parse_value(text: &str) -> Result<Value, Unread> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.at < text.len() {
        return Err(parser.error("more text after the end of the JSON"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    /// The byte offset of the next byte to read.
    at: usize,
}

/// The number JSON's `text` stands for, correctly rounded: by the browser's `parseFloat`, which
/// costs the module nothing (Rust's own reading of floats carries 10 KB of tables).
#[cfg(target_arch = "wasm32")]
fn decimal(text: &str) -> f64 {
    js_sys::Number::parse_float(text)
}

/// The number JSON's `text` stands for, correctly rounded.
#[cfg(not(target_arch = "wasm32"))]
fn decimal(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// Exact powers of ten: every one up to 10^22 is a whole `f64`.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek();
        if byte.is_some() {
            self.at += 1;
        }
        byte
    }

    fn skip_whitespace(&mut self) {
        let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
        self.at += rest
            .iter()
            .position(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
    }

    /// `what` went wrong at the current place, with its line and column.
    fn error(&self, what: &str) -> Unread {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let column = before.get(line_start..).unwrap_or("").chars().count() + 1;
        Unread::Syntax(format!("{what} at line {line}, column {column}"))
    }

    /// The error for the byte just looked at: the text ended, or it was not what was expected.
    fn unexpected(&self, expected: &str) -> Unread {
        if self.at >= self.text.len() {
            self.error(&format!("the text ends where {expected} was expected"))
        } else {
            self.error(&format!("expected {expected}"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Unread> {
        if depth > MAX_NESTING {
            return Err(Unread::TooDeep);
        }
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => Err(self.unexpected("a value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, Unread> {
        if self
            .text
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(word))
        {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.unexpected("a value"))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Unread> {
        let mut fields = Map::new();
        self.items(b'}', |parser| {
            parser.skip_whitespace();
            if parser.peek() != Some(b'"') {
                return Err(parser.unexpected("a name in double quotes"));
            }
            let name = parser.string()?;
            parser.skip_whitespace();
            if parser.peek() != Some(b':') {
                return Err(parser.unexpected("`:` after a name"));
            }
            parser.at += 1;
            fields.insert(name, parser.value(depth + 1)?);
            Ok(())
        })?;
        Ok(Value::Object(fields))
    }

    fn array(&mut self, depth: usize) -> Result<Value, Unread> {
        let mut items = Vec::new();
        self.items(b']', |parser| {
            items.push(parser.value(depth + 1)?);
            Ok(())
        })?;
        Ok(Value::Array(items))
    }

    /// The items of an object or an array, from its opening bracket to just past `close`, each
    /// read by `item`, with commas between them.
    fn items(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), Unread>,
    ) -> Result<(), Unread> {
        self.at += 1;
        self.skip_whitespace();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(byte) if byte == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ if close == b'}' => return Err(self.unexpected("`,` or `}`")),
                _ => return Err(self.unexpected("`,` or `]`")),
            }
        }
    }

    /// A string, from its opening quote to just past its closing one.
    fn string(&mut self) -> Result<String, Unread> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
            let run = rest
                .iter()
                .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
                .unwrap_or(rest.len());
            // Stops only before an ASCII byte or at the end, so on a character's boundary.
            out.push_str(self.text.get(self.at..self.at + run).unwrap_or_default());
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.error(
                    "a line break or control character inside a string (write it as \\n or \\t)",
                )),
                None => return Err(self.unexpected("the closing `\"` of a string")),
            }
        }
    }

    /// The character of an escape, the backslash read.
    fn escape(&mut self) -> Result<char, Unread> {
        Ok(match self.next() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let first = self.hex()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // The first half of a character beyond U+FFFF: the second must follow.
                    if self.next() != Some(b'\\') || self.next() != Some(b'u') {
                        return Err(self.error("half of a character in a \\u escape"));
                    }
                    let second = self.hex()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("half of a character in a \\u escape"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code)
                    .ok_or_else(|| self.error("half of a character in a \\u escape"))?
            }
            _ => return Err(self.error("an unknown escape after `\\`")),
        })
    }

    /// The four hex digits of a `\u` escape.
    fn hex(&mut self) -> Result<u32, Unread> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .next()
                .and_then(|byte| char::from(byte).to_digit(16))
                .ok_or_else(|| self.error("a \\u escape without four hex digits"))?;
            code = code * 16 + digit;
        }
        Ok(code)
    }

    /// Reads digits onto `value` while it fits in a `u64` (and, if `full`, none); returns how
    /// many digits were read and how many of them did not fit, each a factor of ten left out.
    fn digits(&mut self, value: &mut u64, mut full: bool) -> (usize, usize) {
        let (mut count, mut dropped) = (0, 0);
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            self.at += 1;
            count += 1;
            let more = value
                .checked_mul(10)
                .and_then(|tens| tens.checked_add(u64::from(digit - b'0')));
            match more {
                Some(more) if !full => *value = more,
                _ => {
                    full = true;
                    dropped += 1;
                }
            }
        }
        (count, dropped)
    }

    fn number(&mut self) -> Result<Value, Unread> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        // The value is `mantissa` × 10^`exponent`.
        let mut mantissa = 0;
        let (count, dropped) = self.digits(&mut mantissa, false);
        if count == 0 || (leading_zero && count > 1) {
            return Err(self.error("a number written the wrong way"));
        }
        let mut exponent = dropped as i64;
        let mut fraction = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            fraction = true;
            let (count, dropped) = self.digits(&mut mantissa, exponent > 0);
            if count == 0 {
                return Err(self.error("a number written the wrong way"));
            }
            exponent -= (count - dropped) as i64;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            fraction = true;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    -1
                }
                Some(b'+') => {
                    self.at += 1;
                    1
                }
                _ => 1,
            };
            let mut power = 0;
            let (count, dropped) = self.digits(&mut power, false);
            if count == 0 {
                return Err(self.error("a number written the wrong way"));
            }
            let power = if dropped > 0 {
                100_000
            } else {
                power.min(100_000)
            };
            exponent += sign * power as i64;
        }
        if !fraction && exponent == 0 {
            if !negative {
                return Ok(Value::Number(Number::from(mantissa)));
            }
            // "-0" is the float -0.0, as serde_json reads it.
            if let Some(value) = 0_i64
                .checked_sub_unsigned(mantissa)
                .filter(|value| *value != 0)
            {
                return Ok(Value::Number(Number::from(value)));
            }
        }
        // Exact when the digits fit in 53 bits and the power of ten is exact: one rounding, to
        // the nearest, as Clinger's fast path. Otherwise the platform's own correctly rounded
        // reading of the number's text.
        let scale = POWERS.get(exponent.unsigned_abs() as usize);
        let value = match scale {
            Some(scale) if mantissa < 1 << 53 => {
                let value = mantissa as f64;
                if exponent < 0 {
                    value / scale
                } else {
                    value * scale
                }
            }
            _ => decimal(self.text.get(start..self.at).unwrap_or_default()).abs(),
        };
        let value = if negative { -value } else { value };
        Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| self.error("a number too large"))
    }
}
