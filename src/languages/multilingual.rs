//! Text in several languages inside one questionnaire or settings file.
//!
//! Any text field may hold one text, or an object of language tags to text: `"text": {"en": "How do
//! you feel?", "es": "¿Cómo te sientes?"}`. Before a file is read, the text of one language is
//! picked out of every such object ([`localize`](crate::languages::multilingual::localize)), so the reader only
//! ever sees one language; a text without that language falls back to the file's own language, then
//! to English, then to the first given. The same walk records which languages each text has, for
//! the list of missing translations ([`Translations`](crate::languages::multilingual::Translations)).

use serde_json::{Map, Value};

use super::tag::{direction, primary, FALLBACK};
use crate::reading::object::{describe, is_language_tag};
use crate::reading::problem::{field_path, index_path, Problem};

/// Where text can be in a questionnaire file.
const QUESTIONNAIRE_TEXT: [&str; 2] = ["title", "intro"];
const SECTION_TEXT: [&str; 2] = ["title", "intro"];
const QUESTION_TEXT: [&str; 6] = ["text", "summary", "hint", "other", "min_label", "max_label"];
const OPTION_TEXT: [&str; 1] = ["label"];
/// Where text can be in the settings. Plain text there is shown as written in every language
/// (a name, a number); only text given per language can lack one.
const SETTINGS_TEXT: [&str; 1] = ["clinic"];
const SUPPORT_TEXT: [&str; 1] = ["intro"];
const RESOURCE_TEXT: [&str; 3] = ["name", "hours", "note"];
const REWORD_TEXT: [&str; 3] = ["text", "summary", "hint"];

/// What a walk over a file found: the languages used and which texts lack which.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Translations {
    /// Every language with some text: the file's own first, then the others in alphabetical
    /// order of their codes.
    pub languages: Vec<String>,
    /// Each text, by path, with the languages it has.
    texts: Vec<(String, Vec<String>)>,
}

impl Translations {
    /// The texts lacking `tag`, by path.
    pub fn missing(&self, tag: &str) -> Vec<&str> {
        self.texts
            .iter()
            .filter(|(_, has)| !has.iter().any(|has| has.eq_ignore_ascii_case(tag)))
            .map(|(path, _)| path.as_str())
            .collect()
    }

    /// How many texts were found.
    pub fn count(&self) -> usize {
        self.texts.len()
    }

    fn note_language(&mut self, tag: &str) {
        if !self
            .languages
            .iter()
            .any(|known| known.eq_ignore_ascii_case(tag))
        {
            // The file's own language stays first; the others go in alphabetical order.
            let at = self
                .languages
                .iter()
                .skip(1)
                .position(|known| known.as_str() > tag)
                .map_or(self.languages.len(), |at| at + 1);
            self.languages.insert(at, tag.to_owned());
        }
    }
}

/// The kind of file being walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind<'a> {
    /// A questionnaire: plain text is in the file's own language.
    Questionnaire,
    /// Settings: plain text is the same in every language, except a plain rewording, which is
    /// in the questionnaire's own language (given here) and so left out in any other.
    Settings(&'a str),
}

/// A walk over a file, picking one language.
struct Walk<'a> {
    /// The language wanted.
    wanted: &'a str,
    /// The file's own language: plain text is in it, and it is the first fallback.
    own: &'a str,
    kind: FileKind<'a>,
    found: Translations,
    problems: Vec<Problem>,
}

/// The language a questionnaire file declares with `"language"`, or English.
pub fn own_language(value: &Value) -> &str {
    value
        .get("language")
        .and_then(Value::as_str)
        .filter(|tag| is_language_tag(tag))
        .unwrap_or(FALLBACK)
}

/// A copy of `value` with every text object replaced by its text in `wanted`, what the walk
/// found, and problems with the text objects themselves (a key that is not a language tag, a
/// text that is not text). Everything else is left for the reader to judge.
pub fn localize(
    value: &Value,
    wanted: &str,
    kind: FileKind<'_>,
) -> (Value, Translations, Vec<Problem>) {
    let own = match kind {
        FileKind::Questionnaire => own_language(value),
        FileKind::Settings(own) => own,
    };
    let mut walk = Walk {
        wanted,
        own,
        kind,
        found: Translations::default(),
        problems: Vec::new(),
    };
    if kind == FileKind::Questionnaire {
        walk.found.note_language(own);
    }
    let mut copy = value.clone();
    if let Value::Object(fields) = &mut copy {
        match kind {
            FileKind::Questionnaire => walk.questionnaire(fields),
            FileKind::Settings(_) => walk.settings(fields),
        }
    }
    (copy, walk.found, walk.problems)
}

impl Walk<'_> {
    fn questionnaire(&mut self, fields: &mut Map<String, Value>) {
        self.texts(fields, "", &QUESTIONNAIRE_TEXT);
        for (path, section) in each_object(fields, "", "sections") {
            self.texts(section, &path, &SECTION_TEXT);
            for (path, question) in each_object(section, &path, "questions") {
                self.texts(question, &path, &QUESTION_TEXT);
                for (path, option) in each_object(question, &path, "options") {
                    self.texts(option, &path, &OPTION_TEXT);
                }
            }
        }
    }

    fn settings(&mut self, fields: &mut Map<String, Value>) {
        self.texts(fields, "", &SETTINGS_TEXT);
        // Support contacts, and how to come back: the same shape.
        for path in ["support", "coming_back"] {
            if let Some(Value::Object(contacts)) = fields.get_mut(path) {
                self.texts(contacts, path, &SUPPORT_TEXT);
                for (path, resource) in each_object(contacts, path, "resources") {
                    self.texts(resource, &path, &RESOURCE_TEXT);
                }
            }
        }
        if let Some(Value::Object(changes)) = fields.get_mut("changes") {
            if let Some(Value::Object(reword)) = changes.get_mut("reword") {
                for (id, wording) in reword.iter_mut() {
                    if let Value::Object(wording) = wording {
                        let path = field_path("changes.reword", id);
                        // A plain rewording is in the questionnaire's own language: in any
                        // other it stands aside (null), and the translation stays.
                        if primary(self.wanted) != primary(self.own) {
                            for (name, text) in wording.iter_mut() {
                                if REWORD_TEXT.contains(&name.as_str()) && text.is_string() {
                                    *text = Value::Null;
                                }
                            }
                        }
                        self.texts(wording, &path, &REWORD_TEXT);
                    }
                }
            }
        }
    }

    /// Picks the language in each of `names` in `fields`; a list (the introduction's
    /// paragraphs) is picked item by item.
    fn texts(&mut self, fields: &mut Map<String, Value>, path: &str, names: &[&str]) {
        for name in names {
            let field = field_path(path, name);
            match fields.get_mut(*name) {
                Some(Value::Array(items)) => {
                    for (index, item) in items.iter_mut().enumerate() {
                        self.text(item, &index_path(&field, index));
                    }
                }
                Some(value) => self.text(value, &field),
                None => {}
            }
        }
    }

    fn text(&mut self, value: &mut Value, path: &str) {
        match value {
            Value::String(text) if self.kind == FileKind::Questionnaire => {
                self.found
                    .texts
                    .push((path.to_owned(), vec![self.own.to_owned()]));
                if let Some(isolated) = self.isolate(self.own, text) {
                    *text = isolated;
                }
            }
            Value::Object(by_language) => {
                if let Some(text) = self.pick(by_language, path) {
                    *value = Value::String(text);
                }
            }
            // Anything else is the reader's to report.
            _ => {}
        }
    }

    /// The text of a text object in the wanted language, checking the object on the way.
    fn pick(&mut self, by_language: &Map<String, Value>, path: &str) -> Option<String> {
        let mut usable: Vec<(&str, &str)> = Vec::new();
        for (tag, text) in by_language {
            let tag_path = field_path(path, tag);
            if !is_language_tag(tag) {
                self.problems.push(Problem::new(
                    tag_path,
                    format!(
                        "\"{tag}\" is not a language code: use a code like \"en\", \"es\" or \
                         \"pt-BR\""
                    ),
                ));
                continue;
            }
            match text {
                Value::String(text) if text.trim().is_empty() => self.problems.push(Problem::new(
                    tag_path,
                    "is empty: write some text or leave the language out",
                )),
                Value::String(text) => usable.push((tag, text)),
                other => self.problems.push(Problem::new(
                    tag_path,
                    format!("expected text in quotes, found {}", describe(other)),
                )),
            }
        }
        if by_language.is_empty() {
            self.problems.push(Problem::new(
                path,
                "has no text: write text in quotes, or text per language like {\"en\": \"...\"}",
            ));
        }
        for (tag, _) in &usable {
            self.found.note_language(tag);
        }
        let tags = usable.iter().map(|(tag, _)| (*tag).to_owned()).collect();
        self.found.texts.push((path.to_owned(), tags));
        let find = |wanted: &str| {
            usable
                .iter()
                .find(|(tag, _)| tag.eq_ignore_ascii_case(wanted))
                .or_else(|| {
                    usable
                        .iter()
                        .find(|(tag, _)| primary(tag) == primary(wanted))
                })
        };
        let (tag, text) = find(self.wanted)
            .or_else(|| find(self.own))
            .or_else(|| find(FALLBACK))
            .or_else(|| usable.first())?;
        Some(
            self.isolate(tag, text)
                .unwrap_or_else(|| (*text).to_owned()),
        )
    }

    /// Text in `tag` standing in for the wanted language, set apart with Unicode isolates when
    /// the two are written in opposite directions, so its punctuation stays where it belongs.
    fn isolate(&self, tag: &str, text: &str) -> Option<String> {
        let opposite = direction(tag) != direction(self.wanted);
        (opposite && !text.trim().is_empty()).then(|| format!("\u{2068}{}\u{2069}", text.trim()))
    }
}

/// The objects in the list `name` of `fields`, each with its path; anything else is skipped.
fn each_object<'a>(
    fields: &'a mut Map<String, Value>,
    path: &str,
    name: &str,
) -> Vec<(String, &'a mut Map<String, Value>)> {
    let list_path = field_path(path, name);
    match fields.get_mut(name) {
        Some(Value::Array(items)) => items
            .iter_mut()
            .enumerate()
            .filter_map(|(index, item)| match item {
                Value::Object(object) => Some((index_path(&list_path, index), object)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}
