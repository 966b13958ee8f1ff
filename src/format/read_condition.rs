//! Reading when a question is shown (`show_if`) and when support shows inline (`support_when`):
//! a small typed tree of conditions, read from JSON and never evaluated as code. Ids are looked
//! up once every question is known, and only earlier questions may be named, so conditions can
//! never loop.
//!
//! ```json
//! {"any": [{"includes": {"question": "feelings", "value": "anger"}},
//!          {"equals": {"question": "how-hard", "value": 9}}]}
//! ```

use serde_json::Value;

use super::questionnaire::{ChoiceOption, Condition, Question, QuestionKind};
use crate::reading::object::{describe, Object};
use crate::reading::problem::{field_path, index_path, with_suggestion, Problem};

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
pub(super) type PendingCondition = (usize, RawCondition);

/// A condition as written in the file, before its question ids are looked up.
#[derive(Debug)]
pub(crate) enum RawCondition {
    Answered {
        path: String,
        question: String,
    },
    Equals {
        path: String,
        question: String,
        value: Value,
    },
    Includes {
        path: String,
        question: String,
        value: Value,
    },
    Any(Vec<RawCondition>),
    All(Vec<RawCondition>),
    Not(Box<RawCondition>),
}

pub(crate) const CONDITION_KINDS: [&str; 6] =
    ["answered", "equals", "includes", "any", "all", "not"];

/// Deeper than this is certainly a mistake, and stops a hostile file from exhausting the stack.
const MAX_DEPTH: usize = 16;

/// Reads the shape of a condition, recording problems; ids are checked later by [`resolve`].
pub(crate) fn read(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<RawCondition> {
    read_at_depth(value, path, 0, problems)
}

fn read_at_depth(
    value: &Value,
    path: &str,
    depth: usize,
    problems: &mut Vec<Problem>,
) -> Option<RawCondition> {
    if depth > MAX_DEPTH {
        problems.push(Problem::new(
            path,
            format!("conditions are nested more than {MAX_DEPTH} deep"),
        ));
        return None;
    }
    let object = Object::new(value, path, problems)?;
    let mut keys = value.as_object().into_iter().flat_map(|map| map.keys());
    let (Some(kind), None) = (keys.next(), keys.next()) else {
        problems.push(Problem::new(
            path,
            format!(
                "a condition has exactly one of {}",
                quoted_list(&CONDITION_KINDS)
            ),
        ));
        return None;
    };
    let inner_path = object.path_of(kind);
    let inner = object.get(kind)?;
    match kind.as_str() {
        "answered" => match inner {
            Value::String(question) => Some(RawCondition::Answered {
                path: inner_path,
                question: question.clone(),
            }),
            other => {
                problems.push(Problem::new(
                    inner_path,
                    format!(
                        "expected a question id in quotes, found {}",
                        describe(other)
                    ),
                ));
                None
            }
        },
        "equals" | "includes" => {
            let comparison = Object::new(inner, &inner_path, problems)?;
            comparison.reject_unknown(&["question", "value"], problems);
            let question = comparison.required_text("question", problems);
            let value = comparison.get("value").cloned();
            if value.is_none() {
                problems.push(Problem::new(
                    comparison.path_of("value"),
                    "missing \"value\": an option id, or a number for a scale",
                ));
            }
            let (question, value) = (question?, value?);
            Some(if kind == "equals" {
                RawCondition::Equals {
                    path: inner_path,
                    question,
                    value,
                }
            } else {
                RawCondition::Includes {
                    path: inner_path,
                    question,
                    value,
                }
            })
        }
        "any" | "all" => {
            let Value::Array(items) = inner else {
                problems.push(Problem::new(
                    inner_path,
                    format!("expected a list of conditions, found {}", describe(inner)),
                ));
                return None;
            };
            if items.is_empty() {
                problems.push(Problem::new(
                    &inner_path,
                    "is empty: list at least one condition",
                ));
            }
            let conditions: Vec<_> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    read_at_depth(item, &index_path(&inner_path, i), depth + 1, problems)
                })
                .collect();
            let conditions: Option<Vec<_>> = conditions.into_iter().collect();
            let conditions = conditions?;
            Some(if kind == "any" {
                RawCondition::Any(conditions)
            } else {
                RawCondition::All(conditions)
            })
        }
        "not" => read_at_depth(inner, &inner_path, depth + 1, problems)
            .map(|condition| RawCondition::Not(Box::new(condition))),
        other => {
            let message = with_suggestion(
                format!(
                    "unknown condition \"{other}\": use one of {}",
                    quoted_list(&CONDITION_KINDS)
                ),
                other,
                CONDITION_KINDS,
            );
            problems.push(Problem::new(field_path(path, other), message));
            None
        }
    }
}

fn quoted_list(words: &[&str]) -> String {
    words
        .iter()
        .map(|word| format!("\"{word}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Looks up the ids in a raw condition. `owner` is the position of the question the condition
/// belongs to; only questions before it may be referred to, so conditions can never loop.
pub(crate) fn resolve(
    raw: &RawCondition,
    owner: usize,
    questions: &[QuestionSlot],
    problems: &mut Vec<Problem>,
) -> Option<Condition> {
    match raw {
        RawCondition::Answered { path, question } => {
            let (index, _) = find_earlier(question, path, owner, questions, problems)?;
            Some(Condition::Answered(index))
        }
        RawCondition::Equals {
            path,
            question,
            value,
        } => {
            let (index, target) = find_earlier(question, path, owner, questions, problems)?;
            match &target.kind {
                QuestionKind::SingleChoice { options } => {
                    let option = find_option(value, path, target, options, problems)?;
                    Some(Condition::Chosen {
                        question: index,
                        option,
                    })
                }
                QuestionKind::Scale(scale) => match value.as_i64() {
                    Some(point) if (scale.min..=scale.max).contains(&point) => {
                        Some(Condition::ScaleIs {
                            question: index,
                            value: point,
                        })
                    }
                    _ => {
                        problems.push(Problem::new(
                            field_path(path, "value"),
                            format!(
                                "question \"{question}\" is a scale from {} to {}: use a whole \
                                 number in that range",
                                scale.min, scale.max
                            ),
                        ));
                        None
                    }
                },
                QuestionKind::MultipleChoice { .. } => {
                    problems.push(Problem::new(
                        path,
                        format!(
                            "question \"{question}\" is a multiple choice: use \"includes\" \
                             instead of \"equals\""
                        ),
                    ));
                    None
                }
                _ => {
                    problems.push(Problem::new(
                        path,
                        format!(
                            "\"equals\" works on single choice and scale questions; \
                             \"{question}\" is a {}: use \"answered\"",
                            target.kind.name()
                        ),
                    ));
                    None
                }
            }
        }
        RawCondition::Includes {
            path,
            question,
            value,
        } => {
            let (index, target) = find_earlier(question, path, owner, questions, problems)?;
            match &target.kind {
                QuestionKind::MultipleChoice { options, .. } => {
                    let option = find_option(value, path, target, options, problems)?;
                    Some(Condition::Chosen {
                        question: index,
                        option,
                    })
                }
                QuestionKind::SingleChoice { .. } => {
                    problems.push(Problem::new(
                        path,
                        format!(
                            "question \"{question}\" is a single choice: use \"equals\" instead \
                             of \"includes\""
                        ),
                    ));
                    None
                }
                _ => {
                    problems.push(Problem::new(
                        path,
                        format!(
                            "\"includes\" works on multiple choice questions; \"{question}\" is \
                             a {}",
                            target.kind.name()
                        ),
                    ));
                    None
                }
            }
        }
        RawCondition::Any(raws) | RawCondition::All(raws) => {
            let resolved: Vec<_> = raws
                .iter()
                .map(|raw| resolve(raw, owner, questions, problems))
                .collect();
            let conditions = resolved.into_iter().collect::<Option<Vec<_>>>()?;
            Some(if matches!(raw, RawCondition::Any(_)) {
                Condition::Any(conditions)
            } else {
                Condition::All(conditions)
            })
        }
        RawCondition::Not(raw) => resolve(raw, owner, questions, problems)
            .map(|condition| Condition::Not(Box::new(condition))),
    }
}

/// Finds the question a condition refers to. A question that has problems of its own yields
/// `None` without a further problem: its problems are already reported.
fn find_earlier<'q>(
    id: &str,
    path: &str,
    owner: usize,
    questions: &'q [QuestionSlot],
    problems: &mut Vec<Problem>,
) -> Option<(usize, &'q Question)> {
    let Some(index) = questions
        .iter()
        .position(|slot| slot.id.as_deref() == Some(id))
    else {
        let message = with_suggestion(
            format!("unknown question \"{id}\""),
            id,
            questions.iter().filter_map(|slot| slot.id.as_deref()),
        );
        problems.push(Problem::new(path, message));
        return None;
    };
    let problem = if index == owner {
        Some(format!("question \"{id}\" cannot depend on itself"))
    } else if index > owner {
        Some(format!(
            "question \"{id}\" comes later: a question can only depend on questions before it"
        ))
    } else {
        None
    };
    if let Some(message) = problem {
        problems.push(Problem::new(path, message));
        return None;
    }
    let question = questions.get(index)?.question.as_ref()?;
    if matches!(question.kind, QuestionKind::Info) {
        problems.push(Problem::new(
            path,
            format!("\"{id}\" is information text and is never answered"),
        ));
        return None;
    }
    Some((index, question))
}

fn find_option(
    value: &Value,
    path: &str,
    question: &Question,
    options: &[ChoiceOption],
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    let value_path = field_path(path, "value");
    let Value::String(id) = value else {
        problems.push(Problem::new(
            value_path,
            format!("expected an option id in quotes, found {}", describe(value)),
        ));
        return None;
    };
    let found = options.iter().position(|option| option.id == *id);
    if found.is_none() {
        let message = with_suggestion(
            format!("question \"{}\" has no option \"{id}\"", question.id),
            id,
            options.iter().map(|option| option.id.as_str()),
        );
        problems.push(Problem::new(value_path, message));
    }
    found
}
