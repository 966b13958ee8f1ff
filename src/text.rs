//! Every interface string the client sees, read from the language files in `locales/`.
//!
//! Each file is a flat JSON object: a key, then either the text or, for text that depends on a
//! number, an object of CLDR plural forms (`{"one": "{count} question", "other": "{count}
//! questions"}`). Text may name placeholders in braces, filled in by the methods below. English is
//! complete by definition; any other language falls back to it key by key, and
//! [`check_language`](crate::text::check_language) lists what a language file lacks. Clinics add or
//! change text per language through the `interface` setting, read by the same code.

use std::sync::OnceLock;

use serde_json::Value;

use crate::json;
use crate::language::{self, Category};
use crate::problem::{field_path, with_suggestion, Problem};
use crate::reader::describe;

/// The languages whose interface text ships with the widget, with their files.
pub const BUILT_IN: [(&str, &str); 2] = [
    ("en", include_str!(concat!(env!("OUT_DIR"), "/en.json"))),
    ("es", include_str!(concat!(env!("OUT_DIR"), "/es.json"))),
];

/// Text that depends on a number: one form per CLDR plural category.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plural {
    forms: Vec<(Category, String)>,
}

impl Plural {
    /// The form for `category`, or the "other" form.
    fn form(&self, category: Category) -> &str {
        let find = |wanted: Category| {
            self.forms
                .iter()
                .find(|(category, _)| *category == wanted)
                .map(|(_, text)| text.as_str())
        };
        find(category)
            .or_else(|| find(Category::Other))
            .unwrap_or_default()
    }
}

/// The kind of value a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text, possibly with placeholders.
    Text,
    /// Plural forms.
    Plural,
}

/// One value of a language file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Text.
    Text(String),
    /// Plural forms.
    Plural(Plural),
}

/// The values of one language file, by key. A list, not a map: it is small and read once.
pub type Entries = Vec<(String, Entry)>;

/// Clinic text per language, laid over the built-in text: language tag to entries.
pub type Interface = Vec<(String, Entries)>;

/// The entry of `key` in `entries`.
fn find_entry<'a>(entries: &'a Entries, key: &str) -> Option<&'a Entry> {
    entries
        .iter()
        .find(|(name, _)| name == key)
        .map(|(_, entry)| entry)
}

macro_rules! texts {
    (@type text) => { String };
    (@type template) => { String };
    (@type plural) => { Plural };
    (@kind plural) => { Kind::Plural };
    (@kind $other:ident) => { Kind::Text };
    (@take plural, $layers:expr, $key:expr) => { $layers.plural($key) };
    (@take $other:ident, $layers:expr, $key:expr) => { $layers.text($key) };
    ($( $(#[doc = $doc:literal])* $vis:vis $key:ident : $kind:ident ),* $(,)?) => {
        /// The interface text of one language.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Texts {
            /// The language's tag, which chooses the plural forms.
            pub language: String,
            $( $(#[doc = $doc])* $vis $key: texts!(@type $kind), )*
        }

        /// Every key, with the kind of value it takes.
        pub const KEYS: &[(&str, Kind)] = &[ $( (stringify!($key), texts!(@kind $kind)) ),* ];

        impl Texts {
            fn from_layers(language: &str, layers: &Layers<'_>) -> Self {
                Self {
                    language: language.to_owned(),
                    $( $key: texts!(@take $kind, layers, stringify!($key)), )*
                }
            }
        }
    };
}

texts! {
/// The language's own name, in the language switcher.
pub language_name: text,
/// Accessible name of the language switcher.
pub language_switcher: text,
/// Label of the built-in "not sure" option.
pub not_sure: text,
/// Label of the built-in "prefer not to say" option.
pub prefer_not_to_say: text,
/// Shown between the ordinary options and the "not sure" ones.
pub or: text,
/// Label of the text box under "something else".
pub other_text_label: text,
/// The button on the introduction.
pub start: text,
/// The main button of a section.
pub continue_label: text,
/// The main button of the last section.
pub check_answers: text,
/// "Section 2 of 10": `{number}`, `{count}`.
pub(crate) section_of: template,
/// "5 of 31 questions answered", by `{total}`: `{answered}`, `{total}`.
pub(crate) answered_of: plural,
/// "3 sections", in the introduction.
pub(crate) count_sections: plural,
/// "about 15 minutes", in the introduction.
pub(crate) count_minutes: plural,
/// Under the introduction's heading: `{sections}`.
pub(crate) intro_meta: template,
/// Under the introduction's heading, with a time: `{sections}`, `{minutes}`.
pub(crate) intro_meta_minutes: template,
/// The main button of a section opened from the review.
pub return_to_review: text,
/// Goes one screen back.
pub back: text,
/// Moves on without answering.
pub skip_section: text,
/// Clears the answer of a radio question, which a browser cannot untick.
pub clear_answer: text,
/// Announced when an answer is cleared.
pub answer_cleared: text,
/// Heading of the review screen.
pub review_heading: text,
/// Under the review heading.
pub review_intro: text,
/// Shown in place of an answer that was skipped.
pub skipped: text,
/// The change button on the review screen; followed by hidden text naming the question.
pub change: text,
/// Hidden text after "Change", before the question.
pub change_hidden_prefix: text,
/// The button that leads from the review to the summary.
pub see_summary: text,
/// "3 questions skipped." in the summary.
pub(crate) skipped_count: plural,
/// Announced when follow-up questions appear below the one just answered.
pub(crate) questions_revealed: plural,
/// A scale answer: `{value}`, `{min}`, `{min_label}`, `{max}`, `{max_label}`.
pub(crate) scale_answer: template,
/// Heading of the summary screen.
pub summary_heading: text,
/// Under the summary heading.
pub summary_intro: text,
/// Shown when nothing was answered.
pub summary_empty: text,
/// Prints the summary.
pub print: text,
/// Leads from the summary back to the review.
pub change_answers: text,
/// At the top of a downloaded summary.
pub export_note: text,
/// Introduces the label of the "something else" text in a summary.
pub other_prefix: text,
/// Heading of the panel shown for a broken questionnaire file.
pub problems_heading: text,
/// Under that heading, for the clinic's staff.
pub problems_intro: text,
/// "This file has 3 problems." on the problems panel.
pub(crate) problem_count: plural,
/// Name of the downloaded plain text summary.
pub text_filename: text,
/// Name of the downloaded web page summary.
pub html_filename: text,
/// Name of the downloaded encrypted backup.
pub backup_filename: text,
/// Downloads the summary as text.
pub download_text: text,
/// Downloads the summary as a web page.
pub download_html: text,
/// Copies the summary.
pub copy: text,
/// Announced after copying.
pub copied: text,
/// Announced when the browser refuses the clipboard.
pub copy_refused: text,
/// Downloads an encrypted backup.
pub download_backup: text,
/// The saving status when saving is off.
pub status_off: text,
/// The saving status when the browser will not store anything.
pub saving_unavailable: text,
/// The saving status when an earlier draft was not opened.
pub saving_kept: text,
/// Announced when the first save on this device finishes.
pub saving_started: text,
/// The saving status before the first save finishes.
pub status_saving: text,
/// Announced when storing fails after saving started.
pub save_failed: text,
/// Opens the passphrase dialog to save.
pub save_on_device: text,
/// Opens the confirmation to delete.
pub delete_everything: text,
/// "Saved on this device at 14:32.": `{time}`.
pub(crate) saved_at: template,
/// Heading of the passphrase dialog for saving.
pub save_dialog_heading: text,
/// Explains saving.
pub save_dialog_intro: text,
/// Heading of the passphrase dialog for a backup.
pub backup_dialog_heading: text,
/// Explains the backup.
pub backup_dialog_intro: text,
/// Label of the new passphrase.
pub passphrase: text,
/// Hint of the new passphrase.
pub passphrase_hint: text,
/// Label of the confirmation.
pub passphrase_again: text,
/// Error: too short.
pub passphrase_too_short: text,
/// Error: the two differ.
pub passphrase_mismatch: text,
/// Heading of an error summary.
pub there_is_a_problem: text,
/// Confirms saving.
pub start_saving: text,
/// Confirms the backup.
pub save_backup: text,
/// Closes a dialog without doing anything.
pub cancel: text,
/// Heading of the delete confirmation.
pub delete_heading: text,
/// Explains deleting.
pub delete_intro: text,
/// Confirms deleting.
pub delete_confirm: text,
/// Announced after deleting.
pub deleted: text,
/// Heading of the screen for saved answers found on this device.
pub resume_heading: text,
/// Explains the screen for a stored draft.
pub resume_intro: text,
/// Heading of the screen for a backup file.
pub backup_heading: text,
/// Explains the screen for a backup file.
pub backup_intro: text,
/// Label of the passphrase to open a draft.
pub your_passphrase: text,
/// Opens the draft.
pub open_draft: text,
/// Error: wrong passphrase.
pub wrong_passphrase: text,
/// The wrong passphrase, next to the field.
pub wrong_passphrase_field: text,
/// Deletes the draft and starts again.
pub start_fresh: text,
/// Explains starting fresh.
pub start_fresh_intro: text,
/// Leaves a draft as it is and goes on without it.
pub continue_without_opening: text,
/// Heading of the screen for a draft that cannot be used.
pub unusable_heading: text,
/// A damaged draft.
pub draft_damaged: text,
/// A draft from a newer version.
pub draft_newer: text,
/// A draft from another questionnaire.
pub draft_other: text,
/// Reassures about an unusable draft.
pub draft_left_alone: text,
/// Label of the file input for a backup.
pub open_backup: text,
/// Hint of the file input.
pub open_backup_hint: text,
/// Announced when saved answers were opened.
pub restored: text,
/// Announced when saved answers were opened but some no longer fit.
pub(crate) restored_left_out: plural,
/// Announced while a passphrase is being checked (it takes a moment on purpose).
pub opening: text,
/// Announced when the backup file was offered.
pub backup_ready: text,
/// Announced when the backup could not be made.
pub backup_failed: text,
/// Announced when a chosen file cannot be read.
pub backup_unreadable: text,
/// The saving status after another tab or window saved over this tab's draft.
pub saving_elsewhere: text,
/// The button that saves this tab's answers over what another tab saved.
pub save_here: text,
/// The heading shown if the widget ever stops working.
pub failure_heading: text,
/// What to do when the widget has stopped working.
pub failure_body: text,
/// The start of the note to the therapist.
pub note_therapist_opening: text,
/// The end of the note to the therapist.
pub note_therapist_closing: text,
/// Before what helped, in the note to the therapist.
pub note_helped: text,
/// Before what the client is proud of, in the note to the therapist.
pub note_proud: text,
/// Before what the client will keep doing, in the note to the therapist.
pub note_keep_doing: text,
/// Before what the client wants to say, in the note to the therapist.
pub note_to_say: text,
/// The start of the note to the future self.
pub note_self_opening: text,
/// The end of the note to the future self.
pub note_self_closing: text,
/// Before what helped, in the note to the future self.
pub note_self_helped: text,
/// Before what the client is proud of, in the note to the future self.
pub note_self_proud: text,
/// Before what to keep doing, in the note to the future self.
pub note_self_keep_doing: text,
/// Before the setback plan, in the note to the future self.
pub note_self_setback: text,
/// The hint under a note.
pub note_hint: text,
/// Heading of the plan in the summary.
pub plan_heading: text,
/// Under that heading.
pub plan_intro: text,
/// Plan part.
pub plan_early_signs: text,
/// Plan part.
pub plan_what_helps: text,
/// Plan part.
pub plan_who_to_contact: text,
/// Plan part.
pub plan_after_setback: text,
/// Heading of the notes in the summary.
pub notes_heading: text,
/// The link to support on every screen.
pub need_support: text,
/// The quick exit button on every screen.
pub leave_page: text,
/// Hidden text after "Leave this page": the keyboard shortcut.
pub leave_page_hint: text,
/// Announced when support contacts appear inline.
pub support_shown: text,
/// Heading of the support contacts.
pub support_heading: text,
/// Heading of the inline support contacts.
pub support_inline_heading: text,
/// Before the contacts, when the clinic wrote nothing of its own.
pub support_intro: text,
/// Shown until the clinic adds its contacts.
pub support_placeholder: text,
/// Always shown with the contacts.
pub support_emergency: text,
/// Label before a phone number.
pub call: text,
/// Label before a number to text.
pub text_us: text,
/// Label before an email address.
pub email: text,
/// Label before opening hours.
pub hours: text,
/// Hidden text after a link that opens in a new tab.
pub new_tab: text,
/// Closes the support contacts.
pub close: text,
/// "Press Shift 2 more times to leave this page."
pub(crate) shift_more: plural,}

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
            Some((plural, true)) => Plural {
                forms: plural
                    .forms
                    .into_iter()
                    .map(|(category, text)| (category, Self::isolated(&text)))
                    .collect(),
            },
            Some((plural, false)) => plural,
            None => Plural::default(),
        }
    }
}

/// The built-in entries of each shipped language, read once.
fn built_in() -> &'static [(&'static str, Entries)] {
    static BUILT: OnceLock<Vec<(&'static str, Entries)>> = OnceLock::new();
    BUILT.get_or_init(|| {
        BUILT_IN
            .iter()
            .map(|(tag, file)| {
                let value = json::parse(file).unwrap_or(Value::Null);
                let mut problems = Vec::new();
                (*tag, read_against(&value, "", None, &mut problems))
            })
            .collect()
    })
}

fn english() -> &'static Entries {
    static EMPTY: OnceLock<Entries> = OnceLock::new();
    built_in_exactly(language::FALLBACK).unwrap_or_else(|| EMPTY.get_or_init(Entries::new))
}

fn built_in_exactly(tag: &str) -> Option<&'static Entries> {
    built_in()
        .iter()
        .find(|(built, _)| *built == tag)
        .map(|(_, entries)| entries)
}

/// The built-in entries of `tag`'s language: exact tag, then its primary language.
fn built_in_for(tag: &str) -> Option<&'static Entries> {
    let built = built_in();
    built
        .iter()
        .find(|(built, _)| built.eq_ignore_ascii_case(tag))
        .or_else(|| {
            built
                .iter()
                .find(|(built, _)| language::primary(built) == language::primary(tag))
        })
        .map(|(_, entries)| entries)
}

impl Texts {
    /// The built-in English text.
    pub fn english() -> Self {
        Self::for_language(language::FALLBACK, &Interface::new())
    }

    /// The text for `tag`: the clinic's text for it, the built-in text for it, then the
    /// clinic's English, then the built-in English, key by key.
    pub fn for_language(tag: &str, clinic: &Interface) -> Self {
        let clinic_for = |tag: &str| clinic_entries(clinic, tag);
        let own = language::primary(tag) == language::FALLBACK;
        let layers = [
            (clinic_for(tag), false),
            (built_in_for(tag), false),
            (clinic_for(language::FALLBACK), !own),
            (Some(english()), !own),
        ];
        let layers = Layers {
            layers: layers
                .into_iter()
                .filter_map(|(entries, fallback)| Some((entries?, fallback)))
                .collect(),
            isolate: language::direction(tag) != language::direction(language::FALLBACK),
        };
        let mut texts = Self::from_layers(tag, &layers);
        // A language's name must never fall back to "English": the switcher would offer two.
        texts.language_name = language_name(tag, clinic);
        texts
    }

    /// Chooses the plural form for `count` and fills in `{count}` and `args`.
    fn count(&self, plural: &Plural, count: usize, args: &[(&str, &str)]) -> String {
        let form = plural.form(language::category(&self.language, count));
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        fill(form, &all)
    }

    /// "Section 2 of 10".
    pub fn section_of(&self, number: usize, count: usize) -> String {
        fill(
            &self.section_of,
            &[
                ("number", &number.to_string()),
                ("count", &count.to_string()),
            ],
        )
    }

    /// "5 of 31 questions answered".
    pub fn answered_of(&self, answered: usize, total: usize) -> String {
        let answered = answered.to_string();
        let total_text = total.to_string();
        self.count(
            &self.answered_of,
            total,
            &[("answered", &answered), ("total", &total_text)],
        )
    }

    /// "10 sections, about 15 minutes. Every question is optional." for the introduction.
    pub fn intro_meta(&self, minutes: Option<u32>, sections: usize) -> String {
        let sections = self.count(&self.count_sections, sections, &[]);
        match minutes {
            Some(minutes) => {
                let minutes = self.count(&self.count_minutes, minutes as usize, &[]);
                fill(
                    &self.intro_meta_minutes,
                    &[("sections", &sections), ("minutes", &minutes)],
                )
            }
            None => fill(&self.intro_meta, &[("sections", &sections)]),
        }
    }

    /// "1 question skipped.", "3 questions skipped."
    pub fn skipped_count(&self, count: usize) -> String {
        self.count(&self.skipped_count, count, &[])
    }

    /// Announced when follow-up questions appear below the one just answered.
    pub fn questions_revealed(&self, count: usize) -> String {
        self.count(&self.questions_revealed, count, &[])
    }

    /// "7, on a scale from 0 (Not at all) to 10 (Very much)".
    pub fn scale_answer(
        &self,
        value: i64,
        min: i64,
        min_label: &str,
        max: i64,
        max_label: &str,
    ) -> String {
        fill(
            &self.scale_answer,
            &[
                ("value", &value.to_string()),
                ("min", &min.to_string()),
                ("min_label", min_label),
                ("max", &max.to_string()),
                ("max_label", max_label),
            ],
        )
    }

    /// "This file has 3 problems." for the problems panel.
    pub fn problem_count(&self, count: usize) -> String {
        self.count(&self.problem_count, count, &[])
    }

    /// "Saved on this device at 14:32."
    pub fn saved_at(&self, time: &str) -> String {
        fill(&self.saved_at, &[("time", time)])
    }

    /// Announced when a draft was opened, with how many answers no longer fit.
    pub fn restored(&self, left_out: usize) -> String {
        match left_out {
            0 => self.restored.clone(),
            n => self.count(&self.restored_left_out, n, &[]),
        }
    }

    /// "Press Shift 2 more times to leave this page."
    pub fn shift_more(&self, remaining: usize) -> String {
        self.count(&self.shift_more, remaining, &[])
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
        .or_else(|| language::endonym(tag).map(str::to_owned))
        .unwrap_or_else(|| tag.to_owned())
}

/// Replaces each `{name}` in `template` with its value; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let name_and_rest = from_brace.get(1..).unwrap_or_default();
        let value = name_and_rest.find('}').and_then(|close| {
            let name = name_and_rest.get(..close)?;
            let (_, value) = args.iter().find(|(arg, _)| *arg == name)?;
            Some((*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = name_and_rest.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = name_and_rest;
            }
        }
    }
    out.push_str(rest);
    out
}

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

/// Reads a language file (or a clinic's `interface` entry for one language): every key known,
/// each value of the right kind, plural forms named by CLDR, and the placeholders of the
/// English text, no more and no fewer.
pub fn read_entries(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Entries {
    read_against(value, path, built_in_exactly(language::FALLBACK), problems)
}

/// Reads a language file, checking placeholders against `english` when given (English itself
/// is read without: it is what the check compares with).
fn read_against(
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
                let mut plural = Plural::default();
                for (name, form) in forms {
                    let form_path = field_path(&key_path, name);
                    let category = Category::ALL.into_iter().find(|c| c.name() == name);
                    match (category, form) {
                        (Some(category), Value::String(text)) => {
                            plural.forms.push((category, text.clone()));
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
                Entry::Plural(plural)
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
            for name in plural.forms.iter().flat_map(|(_, text)| placeholders(text)) {
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
            .forms
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

/// Everything a language file lacks or gets wrong for `tag`: problems reading it, keys it does
/// not translate, and plural forms its language needs for counts under 1,000.
pub fn check_language(tag: &str, file: &str) -> Vec<Problem> {
    let value = match json::parse(file) {
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

/// The keys `entries` lacks and the plural forms `tag` needs that it lacks, each with its path
/// and a message.
pub fn missing(tag: &str, entries: &Entries, path: &str) -> Vec<(String, String)> {
    let needed = language::categories_in_use(tag);
    let mut gaps = Vec::new();
    for (key, _) in KEYS {
        match find_entry(entries, key) {
            None => gaps.push((
                field_path(path, key),
                "missing: shows in English".to_owned(),
            )),
            Some(Entry::Plural(plural)) => {
                for category in &needed {
                    if !plural.forms.iter().any(|(has, _)| has == category) {
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
