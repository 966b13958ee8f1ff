//! Reading a questionnaire file into a validated [`Questionnaire`], collecting every problem with
//! its path: the file's own fields, its sections, and the plan and note lists that refer to
//! questions. One question is read in `read_question`, a condition in `read_condition`. Text
//! given per language is picked out first (`languages::multilingual`), so the reading sees one
//! language.

use serde_json::Value;

use super::questionnaire::{
    NoteSources, Plan, QuestionKind, Questionnaire, Section, DEFAULT_QUESTIONNAIRE, PLAN_PARTS,
};
use super::read_condition::{self, PendingCondition, QuestionSlot};
use super::read_question::read_question;
use crate::languages::interface::built_in_text;
use crate::languages::multilingual::{localize, own_language, FileKind};
use crate::reading::json::parse_file;
use crate::reading::limits::{MAX_QUESTIONS, MAX_SECTIONS};
use crate::reading::object::{is_language_tag, read_id, report_duplicates, Object};
use crate::reading::problem::{with_suggestion, Problem};

impl Questionnaire {
    /// Reads and validates a questionnaire file, returning every problem found.
    pub fn from_json(text: &str) -> Result<Self, Vec<Problem>> {
        Self::from_value(&parse_file(text, "questionnaire")?)
    }

    /// Validates a questionnaire already parsed as JSON, in its own language, returning every
    /// problem found.
    pub fn from_value(value: &Value) -> Result<Self, Vec<Problem>> {
        Self::from_value_in(value, own_language(value))
    }

    /// Validates a questionnaire already parsed as JSON, with its text in the language `tag`
    /// (falling back text by text to the file's own language, then English), returning every
    /// problem found.
    pub fn from_value_in(value: &Value, tag: &str) -> Result<Self, Vec<Problem>> {
        let (localized, found, mut problems) = localize(value, tag, FileKind::Questionnaire);
        let questionnaire = read_questionnaire(&localized, &mut problems);
        match questionnaire {
            Some(mut questionnaire) if problems.is_empty() => {
                questionnaire.language = tag.to_owned();
                questionnaire.languages = found.languages;
                questionnaire.label_built_in_options(
                    &built_in_text(tag, "not_sure"),
                    &built_in_text(tag, "prefer_not_to_say"),
                );
                Ok(questionnaire)
            }
            _ => Err(problems),
        }
    }

    /// The built-in questionnaire on ending therapy.
    pub fn default_questionnaire() -> Result<Self, Vec<Problem>> {
        Self::from_json(DEFAULT_QUESTIONNAIRE)
    }
}

/// The questions listed in all `sections`, counted before any is read.
fn question_count(sections: &[(String, &Value)]) -> usize {
    sections
        .iter()
        .filter_map(|(_, section)| section.get("questions")?.as_array().map(Vec::len))
        .sum()
}

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
            "last_session",
            "plan",
            "notes",
            "support_when",
            "safety_when",
        ],
        problems,
    );
    let id = read_id(&object, problems);
    if let Some(tag) = object.optional_text("language", problems) {
        if !is_language_tag(&tag) {
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
                read_condition::resolve(raw, *owner, &questions, problems),
            )
        })
        .collect();
    for (owner, condition) in resolved {
        if let Some(question) = questions.get_mut(owner).and_then(|s| s.question.as_mut()) {
            question.show_if = condition;
        }
    }
    let last_session = read_id_list(&object, "last_session", &questions, problems);
    let mut plan = read_id_lists(
        &object,
        "plan",
        &PLAN_PARTS,
        &OLD_PLAN_PARTS,
        &questions,
        problems,
    );
    // The parts' earlier names, still read: files written for them keep working.
    if let Some(old) = object
        .get("plan")
        .and_then(|plan| Object::new(plan, &object.path_of("plan"), &mut Vec::new()))
    {
        for (name, into) in OLD_PLAN_PARTS.iter().zip([3, 5]) {
            let list = read_id_list(&old, name, &questions, problems);
            if let Some(part) = plan.get_mut(into) {
                part.extend(list);
            }
        }
    }
    let notes = read_id_lists(
        &object,
        "notes",
        &NOTE_SOURCES,
        &["grateful_when"],
        &questions,
        problems,
    );
    let grateful_when = object
        .get("notes")
        .and_then(|notes| notes.get("grateful_when"))
        .and_then(|raw| {
            let path = format!("{}.grateful_when", object.path_of("notes"));
            let raw = read_condition::read(raw, &path, problems)?;
            read_condition::resolve(&raw, questions.len(), &questions, problems)
        });
    // Support and the safety response may depend on any question: they are not questions.
    let mut anywhere = |field: &str| {
        object.get(field).and_then(|raw| {
            let raw = read_condition::read(raw, &object.path_of(field), problems)?;
            read_condition::resolve(&raw, questions.len(), &questions, problems)
        })
    };
    let support_when = anywhere("support_when");
    let safety_when = anywhere("safety_when");
    let questions = questions
        .into_iter()
        .map(|slot| slot.question)
        .collect::<Option<Vec<_>>>()?;
    let [learned, early_signs, high_risk, keep_practising, goals, who_can_help, after_setback] =
        plan;
    let [helped, proud, keep_doing, to_say, next_therapist] = notes;
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
        last_session,
        plan: Plan {
            learned,
            early_signs,
            high_risk,
            keep_practising,
            goals,
            who_can_help,
            after_setback,
        },
        note_sources: NoteSources {
            helped,
            proud,
            keep_doing,
            to_say,
            next_therapist,
            grateful_when,
        },
        support_when,
        safety_when,
    })
}

/// The earlier names of two plan parts, read as `keep_practising` and `who_can_help`.
const OLD_PLAN_PARTS: [&str; 2] = ["what_helps", "who_to_contact"];

/// The names of the note sources in a file, in the order of `NoteSources`' lists.
const NOTE_SOURCES: [&str; 5] = ["helped", "proud", "keep_doing", "to_say", "next_therapist"];

/// Reads an object of named lists of question ids (`"plan": {"early_signs": ["q"]}`) into
/// question positions, one list per name in `names`, in that order; `others` are the object's
/// fields that are not lists, read elsewhere.
fn read_id_lists<const N: usize>(
    parent: &Object<'_>,
    field: &str,
    names: &[&str; N],
    others: &[&str],
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
    let mut allowed = names.to_vec();
    allowed.extend_from_slice(others);
    object.reject_unknown(&allowed, problems);
    for (name, list) in names.iter().zip(lists.iter_mut()) {
        *list = read_id_list(&object, name, questions, problems);
    }
    lists
}

/// Reads a list of question ids (`"last_session": ["q"]`) into question positions.
fn read_id_list(
    object: &Object<'_>,
    name: &str,
    questions: &[QuestionSlot],
    problems: &mut Vec<Problem>,
) -> Vec<usize> {
    let mut list = Vec::new();
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
    list
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
