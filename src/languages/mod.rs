//! Layer 2: languages. Which language a client gets and which way it is written, plural forms,
//! text given per language inside a file, and the interface text in every language. Uses only
//! [`reading`](crate::reading).

/// The interface text: every button, message and error, from `locales/` and the clinic.
pub mod interface;
/// Text in several languages inside one questionnaire or settings file.
pub mod multilingual;
/// Plural forms: the CLDR category of a count in a language.
pub mod plural;
/// One language's text taken out of a file and put back, to ship it apart.
pub mod split;
/// Language tags: choosing one for the client, its direction, its name in itself.
pub mod tag;
