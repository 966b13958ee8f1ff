//! The interface text that ships, compiled in from `locales/`, and a language's text put together
//! key by key: the clinic's text for the language, the shipped text for it, then the clinic's
//! English and the shipped English. English is complete by definition; [`check_language`] lists
//! what another language's file lacks.

use std::cell::RefCell;
use std::sync::OnceLock;

use serde_json::Value;

use super::file::{missing, read_against};
use super::texts::{find_entry, Entries, Entry, Interface, Plural, Texts};
use crate::languages::tag::{direction, endonym, primary, FALLBACK};
use crate::reading::json::parse;
use crate::reading::problem::Problem;

/// The languages whose interface text ships with the widget, with their files.
pub const BUILT_IN: [(&str, &str); 2] = [
    ("en", include_str!(concat!(env!("OUT_DIR"), "/en.json"))),
    ("es", include_str!(concat!(env!("OUT_DIR"), "/es.json"))),
];

/// Entries in order of preference: the first that has a key gives its value. Values from a
/// fallback layer (English standing in) are wrapped in Unicode isolates when the language is
/// written the other way, so that "Need support now?" keeps its question mark on the right in a
/// right-to-left widget.
struct Layers<'a> {
    layers: Vec<(&'a Entries, bool)>,
    isolate: bool,
}

/// First strong isolate and pop directional isolate: text between them is laid out on its own.
const ISOLATE: (char, char) = ('\u{2068}', '\u{2069}');

impl Layers<'_> {
    fn find<T>(&self, key: &str, pick: impl Fn(&Entry) -> Option<T>) -> Option<(T, bool)> {
        self.layers.iter().find_map(|(entries, fallback)| {
            let value = pick(find_entry(entries, key)?)?;
            Some((value, *fallback && self.isolate))
        })
    }

    fn isolated(text: &str) -> String {
        format!("{}{text}{}", ISOLATE.0, ISOLATE.1)
    }

    fn text(&self, key: &str) -> String {
        match self.find(key, |entry| match entry {
            Entry::Text(text) => Some(text.clone()),
            Entry::Plural(_) => None,
        }) {
            Some((text, true)) => Self::isolated(&text),
            Some((text, false)) => text,
            None => String::new(),
        }
    }

    fn plural(&self, key: &str) -> Plural {
        match self.find(key, |entry| match entry {
            Entry::Plural(plural) => Some(plural.clone()),
            Entry::Text(_) => None,
        }) {
            Some((plural, true)) => Plural::new(
                plural
                    .forms()
                    .iter()
                    .map(|(category, text)| (*category, Self::isolated(text)))
                    .collect(),
            ),
            Some((plural, false)) => plural,
            None => Plural::default(),
        }
    }
}

/// The languages whose text ships apart from this module (`apart.txt`, written by `build.rs`):
/// none when it was built with every language, Spanish in the release module.
pub fn apart() -> impl Iterator<Item = &'static str> {
    include_str!(concat!(env!("OUT_DIR"), "/apart.txt")).split_whitespace()
}

thread_local! {
    /// The interface text of languages that shipped apart, once given (`add_built_in`). Leaked:
    /// at most one per language, for as long as the page lives, as the compiled-in ones.
    static ADDED: RefCell<Vec<(&'static str, &'static Entries)>> = const { RefCell::new(Vec::new()) };
}

/// Adds the interface text of `tag`, a language that shipped apart, read from its file's
/// `value`; returns the problems reading it (none for a file the build wrote).
pub fn add_built_in(tag: &str, value: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    let entries = read_against(
        value,
        "interface",
        built_in_exactly(FALLBACK),
        &mut problems,
    );
    if problems.is_empty() && !is_added(tag) {
        let tag: &'static str = Box::leak(tag.to_owned().into_boxed_str());
        let entries: &'static Entries = Box::leak(Box::new(entries));
        ADDED.with(|added| added.borrow_mut().push((tag, entries)));
    }
    problems
}

/// Whether the interface text of `tag`, which shipped apart, has been given.
pub fn is_added(tag: &str) -> bool {
    added_for(tag).is_some()
}

fn added_for(tag: &str) -> Option<&'static Entries> {
    ADDED.with(|added| for_tag(&added.borrow(), tag).copied())
}

/// What `list` has for `tag`: under the exact tag, then under its primary language.
fn for_tag<'a, T>(list: &'a [(&str, T)], tag: &str) -> Option<&'a T> {
    list.iter()
        .find(|(has, _)| has.eq_ignore_ascii_case(tag))
        .or_else(|| list.iter().find(|(has, _)| primary(has) == primary(tag)))
        .map(|(_, value)| value)
}

/// The built-in entries of each shipped language, read once.
fn built_in() -> &'static [(&'static str, Entries)] {
    static BUILT: OnceLock<Vec<(&'static str, Entries)>> = OnceLock::new();
    BUILT.get_or_init(|| {
        BUILT_IN
            .iter()
            .map(|(tag, file)| {
                let value = parse(file).unwrap_or(Value::Null);
                let mut problems = Vec::new();
                (*tag, read_against(&value, "", None, &mut problems))
            })
            .collect()
    })
}

fn english() -> &'static Entries {
    static EMPTY: OnceLock<Entries> = OnceLock::new();
    built_in_exactly(FALLBACK).unwrap_or_else(|| EMPTY.get_or_init(Entries::new))
}

fn built_in_exactly(tag: &str) -> Option<&'static Entries> {
    built_in()
        .iter()
        .find(|(built, _)| *built == tag)
        .map(|(_, entries)| entries)
}

/// The built-in entries of `tag`'s language: exact tag, then its primary language; a language
/// that shipped apart, once given.
fn built_in_for(tag: &str) -> Option<&'static Entries> {
    if let Some(entries) = added_for(tag) {
        return Some(entries);
    }
    for_tag(built_in(), tag)
}

impl Texts {
    /// The built-in English text.
    pub fn english() -> Self {
        Self::for_language(FALLBACK, &Interface::new())
    }

    /// The text for `tag`: the clinic's text for it, the built-in text for it, then the
    /// clinic's English, then the built-in English, key by key.
    pub fn for_language(tag: &str, clinic: &Interface) -> Self {
        let clinic_for = |tag: &str| clinic_entries(clinic, tag);
        let own = primary(tag) == FALLBACK;
        let layers = [
            (clinic_for(tag), false),
            (built_in_for(tag), false),
            (clinic_for(FALLBACK), !own),
            (Some(english()), !own),
        ];
        let layers = Layers {
            layers: layers
                .into_iter()
                .filter_map(|(entries, fallback)| Some((entries?, fallback)))
                .collect(),
            isolate: direction(tag) != direction(FALLBACK),
        };
        let mut texts = Self::from_lookup(tag, |key| layers.text(key), |key| layers.plural(key));
        // A language's name must never fall back to "English": the switcher would offer two.
        texts.set_language_name(language_name(tag, clinic));
        texts
    }
}

/// The built-in text of `key` in `tag`'s language, or in English: for what is needed before a
/// whole [`Texts`] is, such as the labels of the built-in options while a file is read.
pub fn built_in_text(tag: &str, key: &str) -> String {
    [built_in_for(tag), Some(english())]
        .into_iter()
        .flatten()
        .find_map(|entries| match find_entry(entries, key) {
            Some(Entry::Text(text)) => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The clinic's entries for `tag`'s language, if it gives any.
fn clinic_entries<'a>(clinic: &'a Interface, tag: &str) -> Option<&'a Entries> {
    clinic
        .iter()
        .find(|(language, _)| language.eq_ignore_ascii_case(tag))
        .map(|(_, entries)| entries)
}

/// The name of `tag`'s language in itself: the clinic's, the built-in one, a known endonym
/// ("Français"), or else the tag.
pub fn language_name(tag: &str, clinic: &Interface) -> String {
    let name =
        |entries: Option<&Entries>| match entries.and_then(|e| find_entry(e, "language_name")) {
            Some(Entry::Text(name)) => Some(name.clone()),
            _ => None,
        };
    name(clinic_entries(clinic, tag))
        .or_else(|| name(built_in_for(tag)))
        .or_else(|| endonym(tag).map(str::to_owned))
        .unwrap_or_else(|| tag.to_owned())
}

/// Reads a language file (or a clinic's `interface` entry for one language): every key known,
/// each value of the right kind, plural forms named by CLDR, and the placeholders of the
/// English text, no more and no fewer.
pub fn read_entries(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Entries {
    read_against(value, path, built_in_exactly(FALLBACK), problems)
}

/// Everything a language file lacks or gets wrong for `tag`: problems reading it, keys it does
/// not translate, and plural forms its language needs for counts under 1,000.
pub fn check_language(tag: &str, file: &str) -> Vec<Problem> {
    let value = match parse(file) {
        Ok(value) => value,
        Err(error) => return vec![Problem::new("", error.to_string())],
    };
    let mut problems = Vec::new();
    let entries = read_entries(&value, "", &mut problems);
    problems.extend(
        missing(tag, &entries, "")
            .into_iter()
            .map(|(path, message)| Problem::new(path, message)),
    );
    problems
}
