//! Layer 1, the lowest: reading JSON, whatever file it comes from, with every problem and its
//! path. Uses nothing else of the crate; every other layer may use it.

/// Base64 for the byte fields of a saved draft.
pub mod base64;
/// JSON text (serde_json) and, in the browser, JavaScript values, with one nesting limit.
pub mod json;
/// Every limit on what a file may hold, in one place.
pub mod limits;
/// A JSON object read field by field, collecting every problem; ids and language codes.
pub(crate) mod object;
/// JSON text to serde_json's `Value`, by a small parser of our own, with line and column.
mod parser;
/// A problem found in a file, with the path to where it is.
pub mod problem;
