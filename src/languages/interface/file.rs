//! Reading a language file, or a clinic's `interface` text for one language: every key known,
//! each value of the right kind, plural forms named by CLDR, the placeholders of the English
//! text (no more and no fewer), and which keys and forms a language still lacks.

use serde_json::Value;

use super::texts::{find_entry, Entries, Entry, Kind, Plural, KEYS};
use crate::languages::plural::{categories_in_use, Category};
use crate::reading::object::describe;
use crate::reading::problem::{field_path, with_suggestion, Problem};

/// The placeholder names in `text`, each once, in order.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for part in text.split('{').skip(1) {
        let Some(name) = part.find('}').and_then(|close| part.get(..close)) else {
            continue;
        };
        let is_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if is_name && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Reads a language file, checking placeholders against `english` when given (English itself
/// is read without: it is what the check compares with).
pub(super) fn read_against(
    value: &Value,
    path: &str,
    english: Option<&Entries>,
    problems: &mut Vec<Problem>,
) -> Entries {
    let mut entries = Entries::new();
    let Value::Object(fields) = value else {
        problems.push(Problem::new(
            path,
            format!(
                "expected an object of interface text, found {}",
                describe(value)
            ),
        ));
        return entries;
    };
    for (key, value) in fields {
        let key_path = field_path(path, key);
        let Some((_, kind)) = KEYS.iter().find(|(known, _)| known == key) else {
            problems.push(Problem::new(
                key_path,
                with_suggestion(
                    format!("unknown interface text \"{key}\""),
                    key,
                    KEYS.iter().map(|(known, _)| *known),
                ),
            ));
            continue;
        };
        let entry = match (kind, value) {
            (Kind::Text, Value::String(text)) => Entry::Text(text.clone()),
            (Kind::Plural, Value::Object(forms)) => {
                let mut read = Vec::new();
                for (name, form) in forms {
                    let form_path = field_path(&key_path, name);
                    let category = Category::ALL.into_iter().find(|c| c.name() == name);
                    match (category, form) {
                        (Some(category), Value::String(text)) => {
                            read.push((category, text.clone()));
                        }
                        (Some(_), other) => problems.push(Problem::new(
                            form_path,
                            format!("expected text in quotes, found {}", describe(other)),
                        )),
                        (None, _) => problems.push(Problem::new(
                            form_path,
                            with_suggestion(
                                format!(
                                    "unknown plural form \"{name}\": use zero, one, two, few, \
                                     many or other"
                                ),
                                name,
                                Category::ALL.into_iter().map(Category::name),
                            ),
                        )),
                    }
                }
                if !forms.contains_key("other") {
                    problems.push(Problem::new(
                        field_path(&key_path, "other"),
                        "missing \"other\": every plural text needs it",
                    ));
                }
                Entry::Plural(Plural::new(read))
            }
            (Kind::Text, other) => {
                problems.push(Problem::new(
                    key_path,
                    format!("expected text in quotes, found {}", describe(other)),
                ));
                continue;
            }
            (Kind::Plural, other) => {
                problems.push(Problem::new(
                    key_path,
                    format!(
                        "expected plural forms like {{\"one\": \"...\", \"other\": \"...\"}}, \
                         found {}",
                        describe(other)
                    ),
                ));
                continue;
            }
        };
        if let Some(reference) = english.and_then(|english| find_entry(english, key)) {
            check_placeholders(reference, &entry, &key_path, problems);
        }
        entries.push((key.clone(), entry));
    }
    entries
}

/// Each form may use only the English placeholders, and must use all those of the English
/// text (for plural text: of its "other" form, since "one" may say "a question" for 1).
fn check_placeholders(reference: &Entry, entry: &Entry, path: &str, problems: &mut Vec<Problem>) {
    let (allowed, required): (Vec<&str>, Vec<&str>) = match reference {
        Entry::Text(text) => (placeholders(text), placeholders(text)),
        Entry::Plural(plural) => {
            let mut all: Vec<&str> = Vec::new();
            for name in plural
                .forms()
                .iter()
                .flat_map(|(_, text)| placeholders(text))
            {
                if !all.contains(&name) {
                    all.push(name);
                }
            }
            (all, placeholders(plural.form(Category::Other)))
        }
    };
    let forms: Vec<(String, &str, bool)> = match entry {
        Entry::Text(text) => vec![(path.to_owned(), text.as_str(), true)],
        Entry::Plural(plural) => plural
            .forms()
            .iter()
            .map(|(category, text)| {
                (
                    field_path(path, category.name()),
                    text.as_str(),
                    *category == Category::Other,
                )
            })
            .collect(),
    };
    let list = |names: &[&str]| {
        names
            .iter()
            .map(|name| format!("{{{name}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (form_path, text, complete) in forms {
        let used = placeholders(text);
        if let Some(unknown) = used.iter().find(|name| !allowed.contains(name)) {
            let message = if allowed.is_empty() {
                format!("{{{unknown}}} is not filled in here: this text takes no placeholders")
            } else {
                format!(
                    "{{{unknown}}} is not filled in here: use only {}",
                    list(&allowed)
                )
            };
            problems.push(Problem::new(form_path, message));
        } else if complete {
            let missing: Vec<&str> = required
                .iter()
                .copied()
                .filter(|name| !used.contains(name))
                .collect();
            if !missing.is_empty() {
                problems.push(Problem::new(
                    form_path,
                    format!("leaves out {}: the English text shows it", list(&missing)),
                ));
            }
        }
    }
}

/// The keys `entries` lacks and the plural forms `tag` needs that it lacks, each with its path
/// and a message.
pub fn missing(tag: &str, entries: &Entries, path: &str) -> Vec<(String, String)> {
    let needed = categories_in_use(tag);
    let mut gaps = Vec::new();
    for (key, _) in KEYS {
        match find_entry(entries, key) {
            None => gaps.push((
                field_path(path, key),
                "missing: shows in English".to_owned(),
            )),
            Some(Entry::Plural(plural)) => {
                for category in &needed {
                    if !plural.forms().iter().any(|(has, _)| has == category) {
                        gaps.push((
                            field_path(&field_path(path, key), category.name()),
                            format!(
                                "missing the \"{}\" form, which this language uses",
                                category.name()
                            ),
                        ));
                    }
                }
            }
            Some(Entry::Text(_)) => {}
        }
    }
    gaps
}
