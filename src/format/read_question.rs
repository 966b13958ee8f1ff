//! Reading one question of a questionnaire file: its kind and what the kind takes (options,
//! a scale, who a note is for), collecting every problem with its path.

use serde_json::Value;

use super::questionnaire::{
    ChoiceOption, NoteFor, Question, QuestionKind, Scale, KINDS, MAX_SCALE_POINTS, NOT_SURE_ID,
    PREFER_NOT_TO_SAY_ID,
};
use super::read_condition::{self, QuestionSlot, RawCondition};
use crate::reading::object::{describe, read_id, report_duplicates, Object};
use crate::reading::problem::{with_suggestion, Problem};

pub(super) fn read_question(
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
    let summary = object.optional_text("summary", problems);
    let private = object.flag("private", problems);
    let show_if = object
        .get("show_if")
        .and_then(|raw| read_condition::read(raw, &object.path_of("show_if"), problems));

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
                        describe(value)
                    ),
                ));
                (None, &[])
            }
        };
    // With an unknown kind, only the common fields can be judged.
    if kind.is_some() || object.get("kind").is_none() {
        let mut all = vec![
            "id", "kind", "text", "summary", "hint", "private", "show_if",
        ];
        all.extend_from_slice(allowed);
        object.reject_unknown(&all, problems);
    }
    let question = match (&id, text, kind) {
        (Some(id), Some(text), Some(kind)) => Some(Question {
            id: id.clone(),
            section,
            text,
            summary,
            private,
            hint,
            kind,
            show_if: None,
        }),
        _ => None,
    };
    (QuestionSlot { id, path, question }, show_if)
}

fn read_note_for(object: &Object<'_>, problems: &mut Vec<Problem>) -> Option<QuestionKind> {
    match object.get("for").map(Value::as_str) {
        Some(Some("therapist")) => Some(QuestionKind::Note(NoteFor::Therapist)),
        Some(Some("future_self")) => Some(QuestionKind::Note(NoteFor::FutureSelf)),
        Some(Some("next_therapist")) => Some(QuestionKind::Note(NoteFor::NextTherapist)),
        _ => {
            problems.push(Problem::new(
                object.path_of("for"),
                "a note needs \"for\": \"therapist\", \"future_self\" or \"next_therapist\"",
            ));
            None
        }
    }
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
