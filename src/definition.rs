//! The questionnaire format: reading a JSON file into a validated [`Questionnaire`] that cannot
//! hold a dangling reference, collecting every problem with its path on the way.

use std::collections::HashMap;
use std::ops::Range;

use serde_json::Value;

use crate::condition::{self, Condition, RawCondition};
use crate::json;
use crate::language;
use crate::problem::{field_path, with_suggestion, Problem};
use crate::reader::{read_id, Object};
use crate::text;
use crate::translation::{self, FileKind};

/// A validated questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    /// Stable id of the questionnaire.
    pub id: String,
    /// The language its text was read in.
    pub language: String,
    /// Every language the file has text in, its own language first.
    pub languages: Vec<String>,
    /// Title, shown as the heading of the introduction.
    pub title: String,
    /// Paragraphs of the introduction.
    pub intro: Vec<String>,
    /// Rough time it takes, in minutes.
    pub minutes: Option<u32>,
    /// Sections, in order.
    pub sections: Vec<Section>,
    /// Every question of every section, in order; sections refer to ranges of this list.
    pub questions: Vec<Question>,
    /// Which answers make up the "keeping what I gained" plan in the summary.
    pub plan: Plan,
    /// Which answers the drafts of the two notes start from.
    pub note_sources: NoteSources,
    /// When the check-in shows distress: support contacts then appear inline.
    pub support_when: Option<Condition>,
}

/// The parts of the "keeping what I gained" plan, each a list of question positions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// Early signs that things are getting harder.
    pub early_signs: Vec<usize>,
    /// What helps.
    pub what_helps: Vec<usize>,
    /// Who to contact.
    pub who_to_contact: Vec<usize>,
    /// What to do after a setback.
    pub after_setback: Vec<usize>,
}

/// The answers the note drafts start from, each a list of question positions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteSources {
    /// What helped.
    pub helped: Vec<usize>,
    /// What the client is proud of.
    pub proud: Vec<usize>,
    /// What they want to keep doing.
    pub keep_doing: Vec<usize>,
    /// What they want to say.
    pub to_say: Vec<usize>,
}

/// Who a note is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteFor {
    /// The therapist, to read aloud or hand over in the last session.
    Therapist,
    /// The client, later.
    FutureSelf,
}

/// A section: one screen of questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable id, unique among sections.
    pub id: String,
    /// Title, shown as the screen's heading.
    pub title: String,
    /// A short paragraph under the heading.
    pub intro: Option<String>,
    /// Positions of this section's questions in [`Questionnaire::questions`].
    pub questions: Range<usize>,
}

/// A question (or a piece of information text) within a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable id, unique among all questions.
    pub id: String,
    /// Position of the section it belongs to.
    pub section: usize,
    /// The question, or the information text.
    pub text: String,
    /// Extra guidance under the question.
    pub hint: Option<String>,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// When it is shown; always shown without one.
    pub show_if: Option<Condition>,
}

/// The kinds of question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// Choose one option.
    SingleChoice {
        /// The options, including "not sure" and "prefer not to say" when offered.
        options: Vec<ChoiceOption>,
    },
    /// Choose any number of options.
    MultipleChoice {
        /// The options, including "not sure" and "prefer not to say" when offered.
        options: Vec<ChoiceOption>,
        /// The label of a "something else" option that opens a text box.
        other: Option<String>,
    },
    /// Choose a point on a numbered scale.
    Scale(Scale),
    /// A line of text.
    ShortText,
    /// Paragraphs of text.
    LongText,
    /// Information text; nothing to answer.
    Info,
    /// A note the client writes, starting from a draft made of their own answers.
    Note(NoteFor),
}

impl QuestionKind {
    /// The kind's name as written in the file.
    pub fn name(&self) -> &'static str {
        match self {
            Self::SingleChoice { .. } => "single_choice",
            Self::MultipleChoice { .. } => "multiple_choice",
            Self::Scale(_) => "scale",
            Self::ShortText => "short_text",
            Self::LongText => "long_text",
            Self::Info => "info",
            Self::Note(_) => "note",
        }
    }

    /// The options of a choice question; empty for other kinds.
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            Self::SingleChoice { options } | Self::MultipleChoice { options, .. } => options,
            _ => &[],
        }
    }
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    /// Stable id, unique within the question.
    pub id: String,
    /// What the client sees.
    pub label: String,
    /// "Not sure" and "prefer not to say": choosing one clears the others in a multiple choice.
    pub exclusive: bool,
}

/// A numbered scale with labelled ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// The lowest point.
    pub min: i64,
    /// The highest point.
    pub max: i64,
    /// What the lowest point means.
    pub min_label: String,
    /// What the highest point means.
    pub max_label: String,
}

/// The id of the "not sure" option added by `"not_sure": true`.
pub const NOT_SURE_ID: &str = "not-sure";
/// The id of the "prefer not to say" option added by `"prefer_not_to_say": true`.
pub const PREFER_NOT_TO_SAY_ID: &str = "prefer-not-to-say";
/// Scales have at most this many points, so they fit on a phone.
pub const MAX_SCALE_POINTS: i64 = 11;

pub(crate) const KINDS: [&str; 7] = [
    "single_choice",
    "multiple_choice",
    "scale",
    "short_text",
    "long_text",
    "info",
    "note",
];

pub use crate::reader::MAX_TEXT_CHARS;

/// The most sections a questionnaire can have.
pub const MAX_SECTIONS: usize = 500;
/// The most questions a questionnaire can have, in all its sections.
pub const MAX_QUESTIONS: usize = 10_000;
/// The largest questionnaire file, in bytes of JSON text: ten times the largest questionnaire
/// allowed, written out in full.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The questions listed in all `sections`, counted before any is read.
fn question_count(sections: &[(String, &Value)]) -> usize {
    sections
        .iter()
        .filter_map(|(_, section)| section.get("questions")?.as_array().map(Vec::len))
        .sum()
}

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

/// Parses JSON text of a file that must be no larger than [`MAX_FILE_BYTES`]; the problem has
/// the empty path of the file itself.
pub fn parse_json(text: &str, what: &str) -> Result<Value, Vec<Problem>> {
    check_size(text, what).map_err(|problem| vec![problem])?;
    json::parse(text).map_err(|error| vec![Problem::new("", error.to_string())])
}

/// A size in megabytes to one decimal place, rounded up, as "5.1" (without floating point,
/// whose formatting would add kilobytes to the WebAssembly).
fn megabytes(bytes: usize) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl Questionnaire {
    /// Reads and validates a questionnaire file, returning every problem found.
    pub fn from_json(text: &str) -> Result<Self, Vec<Problem>> {
        Self::from_value(&parse_json(text, "questionnaire")?)
    }

    /// Validates a questionnaire already parsed as JSON, in its own language, returning every
    /// problem found.
    pub fn from_value(value: &Value) -> Result<Self, Vec<Problem>> {
        Self::from_value_in(value, translation::own_language(value))
    }

    /// Validates a questionnaire already parsed as JSON, with its text in the language `tag`
    /// (falling back text by text to the file's own language, then English), returning every
    /// problem found.
    pub fn from_value_in(value: &Value, tag: &str) -> Result<Self, Vec<Problem>> {
        let (localized, found, mut problems) =
            translation::localize(value, tag, FileKind::Questionnaire);
        let questionnaire = read_questionnaire(&localized, &mut problems);
        match questionnaire {
            Some(mut questionnaire) if problems.is_empty() => {
                questionnaire.language = tag.to_owned();
                questionnaire.languages = found.languages;
                questionnaire.label_built_in_options(
                    &text::built_in_text(tag, "not_sure"),
                    &text::built_in_text(tag, "prefer_not_to_say"),
                );
                Ok(questionnaire)
            }
            _ => Err(problems),
        }
    }

    /// Labels the built-in "not sure" and "prefer not to say" options.
    pub fn label_built_in_options(&mut self, not_sure: &str, prefer_not_to_say: &str) {
        for question in &mut self.questions {
            let options = match &mut question.kind {
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options, .. } => options,
                _ => continue,
            };
            for option in options {
                if option.id == NOT_SURE_ID {
                    not_sure.clone_into(&mut option.label);
                } else if option.id == PREFER_NOT_TO_SAY_ID {
                    prefer_not_to_say.clone_into(&mut option.label);
                }
            }
        }
    }

    /// The built-in questionnaire on ending therapy.
    pub fn default_questionnaire() -> Result<Self, Vec<Problem>> {
        Self::from_json(DEFAULT_QUESTIONNAIRE)
    }

    /// The question at `index`.
    pub fn question(&self, index: usize) -> Option<&Question> {
        self.questions.get(index)
    }

    /// The position of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|question| question.id == id)
    }
}

/// The built-in questionnaire, compiled in (minified by `build.rs`).
pub const DEFAULT_QUESTIONNAIRE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/ending-therapy.json"));

fn read_questionnaire(value: &Value, problems: &mut Vec<Problem>) -> Option<Questionnaire> {
    let object = Object::new(value, "", problems)?;
    object.reject_unknown(
        &[
            "id",
            "language",
            "title",
            "intro",
            "minutes",
            "sections",
            "plan",
            "notes",
            "support_when",
        ],
        problems,
    );
    let id = read_id(&object, problems);
    if let Some(tag) = object.optional_text("language", problems) {
        if !language::is_language_tag(&tag) {
            problems.push(Problem::new(
                object.path_of("language"),
                format!(
                    "\"{tag}\" is not a language code: use a code like \"en\", \"es\" or \"pt-BR\""
                ),
            ));
        }
    }
    let title = object.required_text("title", problems);
    let intro = read_paragraphs(&object, problems);
    let minutes = object
        .optional_integer("minutes", 1..=600, problems)
        .and_then(|minutes| u32::try_from(minutes).ok());

    let mut sections = Vec::new();
    let mut questions = Vec::new();
    let mut conditions = Vec::new();
    match object.list("sections", problems) {
        None if object.get("sections").is_none() => problems.push(Problem::new(
            object.path_of("sections"),
            "missing \"sections\": add a list of sections",
        )),
        None => {}
        Some(items) if items.is_empty() => problems.push(Problem::new(
            object.path_of("sections"),
            "is empty: add at least one section",
        )),
        Some(items) if items.len() > MAX_SECTIONS => problems.push(Problem::new(
            object.path_of("sections"),
            format!(
                "has {} sections; a questionnaire can have at most {MAX_SECTIONS}",
                items.len()
            ),
        )),
        Some(items) if question_count(&items) > MAX_QUESTIONS => problems.push(Problem::new(
            object.path_of("sections"),
            format!(
                "has {} questions in all; a questionnaire can have at most {MAX_QUESTIONS}",
                question_count(&items)
            ),
        )),
        Some(items) => {
            for (index, (path, item)) in items.into_iter().enumerate() {
                if let Some(section) = read_section(
                    item,
                    &path,
                    index,
                    &mut questions,
                    &mut conditions,
                    problems,
                ) {
                    sections.push((section, path));
                }
            }
        }
    }

    report_duplicates(
        sections
            .iter()
            .map(|(s, path)| (s.id.as_str(), path.as_str())),
        "section",
        problems,
    );
    report_duplicates(
        questions
            .iter()
            .filter_map(|slot| Some((slot.id.as_deref()?, slot.path.as_str()))),
        "question",
        problems,
    );

    let resolved: Vec<_> = conditions
        .iter()
        .map(|(owner, raw)| {
            (
                *owner,
                condition::resolve(raw, *owner, &questions, problems),
            )
        })
        .collect();
    for (owner, condition) in resolved {
        if let Some(question) = questions.get_mut(owner).and_then(|s| s.question.as_mut()) {
            question.show_if = condition;
        }
    }
    let plan = read_id_lists(
        &object,
        "plan",
        &[
            "early_signs",
            "what_helps",
            "who_to_contact",
            "after_setback",
        ],
        &questions,
        problems,
    );
    let notes = read_id_lists(
        &object,
        "notes",
        &["helped", "proud", "keep_doing", "to_say"],
        &questions,
        problems,
    );
    // Support may depend on any question: it is not a question itself.
    let support_when = object.get("support_when").and_then(|raw| {
        let raw = condition::read(raw, &object.path_of("support_when"), problems)?;
        condition::resolve(&raw, questions.len(), &questions, problems)
    });
    let questions = questions
        .into_iter()
        .map(|slot| slot.question)
        .collect::<Option<Vec<_>>>()?;
    let [early_signs, what_helps, who_to_contact, after_setback] = plan;
    let [helped, proud, keep_doing, to_say] = notes;
    let sections = sections.into_iter().map(|(s, _)| s).collect();

    Some(Questionnaire {
        id: id?,
        language: String::new(),
        languages: Vec::new(),
        title: title?,
        intro,
        minutes,
        sections,
        questions,
        plan: Plan {
            early_signs,
            what_helps,
            who_to_contact,
            after_setback,
        },
        note_sources: NoteSources {
            helped,
            proud,
            keep_doing,
            to_say,
        },
        support_when,
    })
}

/// Reads an object of named lists of question ids (`"plan": {"early_signs": ["q"]}`) into
/// question positions, one list per name in `names`, in that order.
fn read_id_lists<const N: usize>(
    parent: &Object<'_>,
    field: &str,
    names: &[&str; N],
    questions: &[QuestionSlot],
    problems: &mut Vec<Problem>,
) -> [Vec<usize>; N] {
    let mut lists: [Vec<usize>; N] = std::array::from_fn(|_| Vec::new());
    let Some(value) = parent.get(field) else {
        return lists;
    };
    let Some(object) = Object::new(value, &parent.path_of(field), problems) else {
        return lists;
    };
    object.reject_unknown(names, problems);
    for (name, list) in names.iter().zip(lists.iter_mut()) {
        for (path, item) in object.list(name, problems).unwrap_or_default() {
            let Some(id) = item.as_str() else {
                problems.push(Problem::new(path, "expected a question id in quotes"));
                continue;
            };
            let found = questions
                .iter()
                .position(|slot| slot.id.as_deref() == Some(id));
            match found {
                Some(index) => {
                    let is_info = questions
                        .get(index)
                        .and_then(|slot| slot.question.as_ref())
                        .is_some_and(|q| q.kind == QuestionKind::Info);
                    if is_info {
                        problems.push(Problem::new(
                            path,
                            format!("\"{id}\" is information text and is never answered"),
                        ));
                    } else {
                        list.push(index);
                    }
                }
                None => problems.push(Problem::new(
                    path,
                    with_suggestion(
                        format!("unknown question \"{id}\""),
                        id,
                        questions.iter().filter_map(|slot| slot.id.as_deref()),
                    ),
                )),
            }
        }
    }
    lists
}

fn read_note_for(object: &Object<'_>, problems: &mut Vec<Problem>) -> Option<QuestionKind> {
    match object.get("for").map(Value::as_str) {
        Some(Some("therapist")) => Some(QuestionKind::Note(NoteFor::Therapist)),
        Some(Some("future_self")) => Some(QuestionKind::Note(NoteFor::FutureSelf)),
        _ => {
            problems.push(Problem::new(
                object.path_of("for"),
                "a note needs \"for\": \"therapist\" or \"future_self\"",
            ));
            None
        }
    }
}

fn read_paragraphs(object: &Object<'_>, problems: &mut Vec<Problem>) -> Vec<String> {
    let Some(items) = object.list("intro", problems) else {
        return Vec::new();
    };
    items
        .into_iter()
        .filter_map(|(path, item)| match item {
            Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => {
                problems.push(Problem::new(path, "expected a paragraph of text in quotes"));
                None
            }
        })
        .collect()
}

/// A question as read, kept even when it has problems so that references to its id and
/// duplicates of it can still be judged.
pub(crate) struct QuestionSlot {
    /// Its id, if the id was usable.
    pub(crate) id: Option<String>,
    /// Where it is in the file.
    pub(crate) path: String,
    /// The question, if it had no problems of its own.
    pub(crate) question: Option<Question>,
}

/// A condition waiting for every question to be known: (owning question, raw condition).
type PendingCondition = (usize, RawCondition);

fn read_section(
    value: &Value,
    path: &str,
    index: usize,
    questions: &mut Vec<QuestionSlot>,
    conditions: &mut Vec<PendingCondition>,
    problems: &mut Vec<Problem>,
) -> Option<Section> {
    let object = Object::new(value, path, problems)?;
    object.reject_unknown(&["id", "title", "intro", "questions"], problems);
    let id = read_id(&object, problems);
    let title = object.required_text("title", problems);
    let intro = object.optional_text("intro", problems);
    let start = questions.len();
    match object.list("questions", problems) {
        None if object.get("questions").is_none() => problems.push(Problem::new(
            object.path_of("questions"),
            "missing \"questions\": add a list of questions",
        )),
        None => {}
        Some(items) if items.is_empty() => problems.push(Problem::new(
            object.path_of("questions"),
            "is empty: add at least one question",
        )),
        Some(items) => {
            for (question_path, item) in items {
                let position = questions.len();
                let (slot, raw_condition) = read_question(item, question_path, index, problems);
                if let Some(raw) = raw_condition {
                    conditions.push((position, raw));
                }
                questions.push(slot);
            }
        }
    }
    Some(Section {
        id: id?,
        title: title?,
        intro,
        questions: start..questions.len(),
    })
}

fn read_question(
    value: &Value,
    path: String,
    section: usize,
    problems: &mut Vec<Problem>,
) -> (QuestionSlot, Option<RawCondition>) {
    let Some(object) = Object::new(value, &path, problems) else {
        let slot = QuestionSlot {
            id: None,
            path,
            question: None,
        };
        return (slot, None);
    };
    let id = read_id(&object, problems);
    let text = object.required_text("text", problems);
    let hint = object.optional_text("hint", problems);
    let show_if = object
        .get("show_if")
        .and_then(|raw| condition::read(raw, &object.path_of("show_if"), problems));

    let (kind, allowed): (Option<QuestionKind>, &[&str]) =
        match object.get("kind").map(|kind| (kind, kind.as_str())) {
            None => {
                problems.push(Problem::new(
                    object.path_of("kind"),
                    format!("missing \"kind\": use one of {}", KINDS.join(", ")),
                ));
                (None, &[])
            }
            Some((_, Some("single_choice"))) => (
                read_options(&object, problems)
                    .map(|options| QuestionKind::SingleChoice { options }),
                &["options", "not_sure", "prefer_not_to_say"],
            ),
            Some((_, Some("multiple_choice"))) => (
                read_options(&object, problems).map(|options| QuestionKind::MultipleChoice {
                    options,
                    other: object.optional_text("other", problems),
                }),
                &["options", "not_sure", "prefer_not_to_say", "other"],
            ),
            Some((_, Some("scale"))) => (
                read_scale(&object, problems).map(QuestionKind::Scale),
                &["min", "max", "min_label", "max_label"],
            ),
            Some((_, Some("short_text"))) => (Some(QuestionKind::ShortText), &[]),
            Some((_, Some("long_text"))) => (Some(QuestionKind::LongText), &[]),
            Some((_, Some("info"))) => (Some(QuestionKind::Info), &[]),
            Some((_, Some("note"))) => (read_note_for(&object, problems), &["for"]),
            Some((_, Some(other))) => {
                let message = with_suggestion(
                    format!("unknown kind \"{other}\": use one of {}", KINDS.join(", ")),
                    other,
                    KINDS,
                );
                problems.push(Problem::new(object.path_of("kind"), message));
                (None, &[])
            }
            Some((value, None)) => {
                problems.push(Problem::new(
                    object.path_of("kind"),
                    format!(
                        "expected one of {} in quotes, found {}",
                        KINDS.join(", "),
                        crate::reader::describe(value)
                    ),
                ));
                (None, &[])
            }
        };
    // With an unknown kind, only the common fields can be judged.
    if kind.is_some() || object.get("kind").is_none() {
        let mut all = vec!["id", "kind", "text", "hint", "show_if"];
        all.extend_from_slice(allowed);
        object.reject_unknown(&all, problems);
    }
    let question = match (&id, text, kind) {
        (Some(id), Some(text), Some(kind)) => Some(Question {
            id: id.clone(),
            section,
            text,
            hint,
            kind,
            show_if: None,
        }),
        _ => None,
    };
    (QuestionSlot { id, path, question }, show_if)
}

fn read_options(object: &Object<'_>, problems: &mut Vec<Problem>) -> Option<Vec<ChoiceOption>> {
    let mut options = Vec::new();
    match object.list("options", problems) {
        None if object.get("options").is_none() => {
            problems.push(Problem::new(
                object.path_of("options"),
                "missing \"options\": a choice question needs a list of options",
            ));
            return None;
        }
        None => return None,
        Some(items) if items.is_empty() => {
            problems.push(Problem::new(
                object.path_of("options"),
                "is empty: add at least one option",
            ));
            return None;
        }
        Some(items) => {
            let mut paths = Vec::new();
            for (path, item) in items {
                let Some(option) = Object::new(item, &path, problems) else {
                    continue;
                };
                option.reject_unknown(&["id", "label"], problems);
                let id = read_id(&option, problems);
                let label = option.required_text("label", problems);
                if let (Some(id), Some(label)) = (id, label) {
                    if id == NOT_SURE_ID || id == PREFER_NOT_TO_SAY_ID {
                        problems.push(Problem::new(
                            option.path_of("id"),
                            format!(
                                "\"{id}\" is kept for the built-in option: set \"{}\": true \
                                 instead",
                                if id == NOT_SURE_ID {
                                    "not_sure"
                                } else {
                                    "prefer_not_to_say"
                                }
                            ),
                        ));
                        continue;
                    }
                    options.push(ChoiceOption {
                        id,
                        label,
                        exclusive: false,
                    });
                    paths.push(path);
                }
            }
            report_duplicates(
                options
                    .iter()
                    .zip(&paths)
                    .map(|(o, path)| (o.id.as_str(), path.as_str())),
                "option",
                problems,
            );
        }
    }
    if object.flag("not_sure", problems) {
        options.push(ChoiceOption {
            id: NOT_SURE_ID.to_owned(),
            label: String::new(),
            exclusive: true,
        });
    }
    if object.flag("prefer_not_to_say", problems) {
        options.push(ChoiceOption {
            id: PREFER_NOT_TO_SAY_ID.to_owned(),
            label: String::new(),
            exclusive: true,
        });
    }
    Some(options)
}

fn read_scale(object: &Object<'_>, problems: &mut Vec<Problem>) -> Option<Scale> {
    let bound = |field: &str, problems: &mut Vec<Problem>| {
        let value = object.optional_integer(field, -100..=100, problems);
        if value.is_none() && object.get(field).is_none() {
            problems.push(Problem::new(
                object.path_of(field),
                format!("missing \"{field}\": a scale needs a whole number here"),
            ));
        }
        value
    };
    let min = bound("min", problems);
    let max = bound("max", problems);
    let min_label = object.required_text("min_label", problems);
    let max_label = object.required_text("max_label", problems);
    let (min, max) = (min?, max?);
    if max <= min {
        problems.push(Problem::new(
            object.path_of("max"),
            format!("must be greater than \"min\" ({min})"),
        ));
        return None;
    }
    if max - min + 1 > MAX_SCALE_POINTS {
        problems.push(Problem::new(
            object.path_of("max"),
            format!(
                "a scale from {min} to {max} has {} points; use at most {MAX_SCALE_POINTS} so it \
                 fits on a phone",
                max - min + 1
            ),
        ));
        return None;
    }
    Some(Scale {
        min,
        max,
        min_label: min_label?,
        max_label: max_label?,
    })
}

/// Reports every id that appears more than once, at the path of the later one. Items are
/// (id, path of the object carrying the id).
fn report_duplicates<'a>(
    items: impl Iterator<Item = (&'a str, &'a str)>,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (id, path) in items {
        match seen.get(id) {
            Some(first) => problems.push(Problem::new(
                field_path(path, "id"),
                format!("duplicate {what} id \"{id}\": {first} already uses it"),
            )),
            None => {
                seen.insert(id, path);
            }
        }
    }
}
