//! A clinic's changes to the built-in questionnaire, without writing a questionnaire of its own:
//! leave out sections or questions, reword a question, its summary label or its hint.
//!
//! ```json
//! "changes": {
//!   "hide_sections": ["relationship"],
//!   "hide_questions": ["echoes"],
//!   "reword": { "proud-of": { "text": "What are you proud of?", "hint": "Big or small." } }
//! }
//! ```

use serde_json::Value;

use super::questionnaire::{Condition, Question, Questionnaire};
use crate::reading::object::Object;
use crate::reading::problem::{field_path, with_suggestion, Problem};

/// The changes, as read; ids are checked when they are applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// Sections to leave out, with the path each id was read at.
    pub hide_sections: Vec<(String, String)>,
    /// Questions to leave out, with paths.
    pub hide_questions: Vec<(String, String)>,
    /// New wording for questions.
    pub reword: Vec<Reword>,
}

/// New wording for one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reword {
    /// The question's id.
    pub question: String,
    /// Where it was read.
    pub path: String,
    /// The new question text.
    pub text: Option<String>,
    /// The new summary label.
    pub summary: Option<String>,
    /// The new hint.
    pub hint: Option<String>,
}

/// A condition that never holds: how a left-out question stays out, and everything that
/// depends on it with it.
fn never() -> Condition {
    Condition::Any(Vec::new())
}

/// Whether the clinic left this question out.
pub fn is_left_out(question: &Question) -> bool {
    question.show_if == Some(never())
}

/// Reads `changes` from the settings object.
pub(crate) fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Changes {
    let mut changes = Changes::default();
    let Some(object) = Object::new(value, path, problems) else {
        return changes;
    };
    object.reject_unknown(&["hide_sections", "hide_questions", "reword"], problems);
    let ids = |field: &str, problems: &mut Vec<Problem>| -> Vec<(String, String)> {
        object
            .list(field, problems)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(path, item)| match item.as_str() {
                Some(id) => Some((id.to_owned(), path)),
                None => {
                    problems.push(Problem::new(path, "expected an id in quotes"));
                    None
                }
            })
            .collect()
    };
    changes.hide_sections = ids("hide_sections", problems);
    changes.hide_questions = ids("hide_questions", problems);
    if let Some(reword) = object.get("reword") {
        let reword_path = object.path_of("reword");
        if let Some(map) = reword.as_object() {
            for (id, wording) in map {
                let path = field_path(&reword_path, id);
                let Some(entry) = Object::new(wording, &path, problems) else {
                    continue;
                };
                entry.reject_unknown(&["text", "summary", "hint"], problems);
                changes.reword.push(Reword {
                    question: id.clone(),
                    // Null: a rewording in another language than the one read.
                    text: reworded(&entry, "text", problems),
                    summary: reworded(&entry, "summary", problems),
                    hint: reworded(&entry, "hint", problems),
                    path,
                });
            }
        } else {
            problems.push(Problem::new(
                reword_path,
                "expected an object of question ids, each with \"text\", \"summary\" or \"hint\"",
            ));
        }
    }
    changes
}

/// A reworded text, or nothing when it is absent or null.
fn reworded(entry: &Object<'_>, field: &str, problems: &mut Vec<Problem>) -> Option<String> {
    match entry.get(field) {
        None | Some(Value::Null) => None,
        Some(_) => entry.optional_text(field, problems),
    }
}

/// Applies the changes, returning a problem for every id the questionnaire does not have.
pub fn apply(questionnaire: &mut Questionnaire, changes: &Changes) -> Vec<Problem> {
    let mut problems = Vec::new();
    let question_ids: Vec<String> = questionnaire
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    let section_ids: Vec<String> = questionnaire
        .sections
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let unknown =
        |what: &str, id: &str, path: &str, known: &[String], problems: &mut Vec<Problem>| {
            problems.push(Problem::new(
                path,
                with_suggestion(
                    format!("the questionnaire has no {what} \"{id}\""),
                    id,
                    known.iter().map(String::as_str),
                ),
            ));
        };
    for (id, path) in &changes.hide_sections {
        match questionnaire.sections.iter().find(|s| s.id == *id) {
            Some(section) => {
                for question in questionnaire
                    .questions
                    .get_mut(section.questions.clone())
                    .into_iter()
                    .flatten()
                {
                    question.show_if = Some(never());
                }
            }
            None => unknown("section", id, path, &section_ids, &mut problems),
        }
    }
    for (id, path) in &changes.hide_questions {
        match questionnaire.questions.iter_mut().find(|q| q.id == *id) {
            Some(question) => question.show_if = Some(never()),
            None => unknown("question", id, path, &question_ids, &mut problems),
        }
    }
    for reword in &changes.reword {
        match questionnaire
            .questions
            .iter_mut()
            .find(|q| q.id == reword.question)
        {
            Some(question) => {
                if let Some(text) = &reword.text {
                    question.text.clone_from(text);
                }
                if let Some(summary) = &reword.summary {
                    question.summary = Some(summary.clone());
                }
                if let Some(hint) = &reword.hint {
                    question.hint = Some(hint.clone());
                }
            }
            None => unknown(
                "question",
                &reword.question,
                &reword.path,
                &question_ids,
                &mut problems,
            ),
        }
    }
    problems
}
