//! Every limit on what a file given to the widget may hold, in one place. Each is reported as one
//! problem with its path, found before the rest of the file is read, so a mistake (or a hostile
//! file) can never make reading slow or run out of memory or stack.

use super::problem::Problem;

/// The largest questionnaire file or configuration text, in bytes of JSON text: ten times the
/// largest questionnaire allowed, written out in full.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Values nested deeper than this are refused before they are converted: conversion is
/// recursive, and the formats never nest deeper than about a dozen levels.
pub const MAX_NESTING: usize = 64;
/// Values holding more than this many values in all are refused (it also stops a circular
/// JavaScript object).
pub const MAX_VALUES: usize = 1_000_000;
/// The most characters one text in a questionnaire or settings file can have.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The most sections a questionnaire can have.
pub const MAX_SECTIONS: usize = 500;
/// The most questions a questionnaire can have, in all its sections.
pub const MAX_QUESTIONS: usize = 10_000;

/// Refuses JSON text larger than [`MAX_FILE_BYTES`] before it is parsed, calling it `what`;
/// the problem has the empty path of the file itself.
pub fn check_size(text: &str, what: &str) -> Result<(), Problem> {
    if text.len() <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Problem::new(
        "",
        format!(
            "the {what} is {} MB; the most it can be is {} MB",
            megabytes(text.len()),
            megabytes(MAX_FILE_BYTES)
        ),
    ))
}

/// A size in megabytes to one decimal place, rounded up, as "5.1" (without floating point,
/// whose formatting would add kilobytes to the WebAssembly).
fn megabytes(bytes: usize) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}
