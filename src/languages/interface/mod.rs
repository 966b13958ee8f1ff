//! The interface text: every button, message and error the client sees, in each language.

/// The shipped text (`locales/`) and a language's text put together, key by key.
pub mod built_in;
/// Reading and checking a language file, or a clinic's text for one language.
pub mod file;
/// The typed text of one language, [`Texts`], and the text filled in with numbers and names.
pub mod texts;

pub use built_in::{
    add_built_in, apart, built_in_text, check_language, is_added, language_name, read_entries,
    BUILT_IN,
};
pub use file::missing;
pub use texts::{fill, Entries, Entry, Interface, Kind, Plural, Texts, KEYS};
