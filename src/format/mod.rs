//! Layer 3: the files a clinic writes, read and validated. A questionnaire file becomes a
//! [`Questionnaire`](crate::format::questionnaire::Questionnaire) that cannot hold a dangling reference; the
//! mount options become [`Settings`](crate::format::settings::Settings); both are read once per language
//! offered into the [`Catalog`](crate::format::catalog::Catalog). Every problem is collected with its path.
//! Uses [`reading`](crate::reading) and [`languages`](crate::languages).

/// The questionnaire and settings, read in each language offered.
pub mod catalog;
/// A clinic's changes to the built-in questionnaire: leave out, reword.
pub mod changes;
/// A built-in language shipped apart from the module: its interface text and questionnaire text.
pub mod pack;
/// The questionnaire format as validated types.
pub mod questionnaire;
/// Reading a questionnaire file.
mod read;
/// Reading conditions: `show_if`, `support_when` and `safety_when`.
pub(crate) mod read_condition;
/// Reading one question.
mod read_question;
/// A JSON Schema of the questionnaire format, for editors.
pub mod schema;
/// The clinic's settings: support contacts, quick exit, saving, languages, interface text.
pub mod settings;
