//! A question in the schema: the fields every kind takes, then each kind's own, from the reader's
//! list of kinds; and the options of a choice question.

use serde_json::{json, Map, Value};

use super::parts::{
    flag, object, optional, properties, quoted_list, reference, required, required_names, text,
    Field,
};
use crate::format::questionnaire::{KINDS, MAX_SCALE_POINTS, NOT_SURE_ID, PREFER_NOT_TO_SAY_ID};
use crate::languages::interface::Texts;

/// The fields every kind of question takes.
fn common_question_fields() -> Vec<Field> {
    let kinds = KINDS
        .iter()
        .map(|kind| format!("\"{kind}\": {}", kind_description(kind)))
        .collect::<Vec<_>>()
        .join("; ");
    vec![
        required(
            "id",
            reference(
                "id",
                "A short name for the question that never changes, different from every other \
                 question's. Conditions, the plan and the notes refer to it. Clients never see \
                 it.",
            ),
        ),
        required(
            "kind",
            json!({
                "enum": KINDS,
                "description": format!("What kind of answer the question takes. {kinds}."),
            }),
        ),
        required(
            "text",
            text("The question, as the client reads it (for \"info\": the information)."),
        ),
        optional(
            "summary",
            text(
                "A few words that stand for the question in the summaries, in the client's \
                 voice, for example \"How I feel about ending\". Without it, the question \
                 itself is shown.",
            ),
        ),
        optional(
            "hint",
            text("Extra guidance shown under the question, for example \"Choose as many as fit.\""),
        ),
        optional(
            "private",
            flag(
                "true when the answer is the client's alone, for example when the hint says \
                 \"just for yourself\": it never goes into a note draft or \"To bring\" unless \
                 the client puts it there."
                    .to_owned(),
            ),
        ),
        optional(
            "show_if",
            reference(
                "condition",
                "When the question is shown; without this it is always shown. It may only look \
                 at questions that come before it.",
            ),
        ),
    ]
}

/// What the client does with a kind of question, in a few words.
fn kind_description(kind: &str) -> &'static str {
    match kind {
        "single_choice" => "the client chooses one option",
        "multiple_choice" => "the client ticks any number of options",
        "scale" => "the client chooses a point on a numbered scale",
        "short_text" => "the client writes a line",
        "long_text" => "the client writes paragraphs",
        "info" => "a piece of information; nothing to answer",
        "note" => "the client writes a note, which starts from a draft made of their own answers",
        _ => "a kind of question",
    }
}

/// The fields a kind of question takes besides the common ones; `None` for a kind the reader
/// accepts that this module does not describe yet (a test catches that).
fn kind_fields(kind: &str) -> Option<Vec<Field>> {
    let options = || {
        required(
            "options",
            json!({
                "type": "array",
                "minItems": 1,
                "description": "The options the client chooses from, in order.",
                "items": { "$ref": "#/$defs/option" },
            }),
        )
    };
    let not_sure = || {
        optional(
            "not_sure",
            flag(format!(
                "true adds a \"{}\" option after the others (its id is \"{NOT_SURE_ID}\").",
                Texts::english().not_sure()
            )),
        )
    };
    let prefer_not_to_say = || {
        optional(
            "prefer_not_to_say",
            flag(format!(
                "true adds a \"{}\" option after the others (its id is \
                 \"{PREFER_NOT_TO_SAY_ID}\").",
                Texts::english().prefer_not_to_say()
            )),
        )
    };
    let bound = |description: String| {
        json!({
            "type": "integer",
            "minimum": -100,
            "maximum": 100,
            "description": description,
        })
    };
    let points = format!(
        "A scale has at most {MAX_SCALE_POINTS} points, so it fits on a phone: for example 0 to \
         {}.",
        MAX_SCALE_POINTS - 1
    );
    Some(match kind {
        "single_choice" => vec![options(), not_sure(), prefer_not_to_say()],
        "multiple_choice" => vec![
            options(),
            not_sure(),
            prefer_not_to_say(),
            optional(
                "other",
                text(
                    "The label of a \"something else\" option, for example \"Something else\". \
                     Ticking it opens a text box.",
                ),
            ),
        ],
        "scale" => vec![
            required(
                "min",
                bound(format!(
                    "The lowest point of the scale, a whole number. {points}"
                )),
            ),
            required(
                "max",
                bound(format!(
                    "The highest point of the scale, a whole number greater than \"min\". \
                     {points}"
                )),
            ),
            required(
                "min_label",
                text("What the lowest point means, for example \"Not at all\"."),
            ),
            required(
                "max_label",
                text("What the highest point means, for example \"Very much\"."),
            ),
        ],
        "short_text" | "long_text" | "info" => Vec::new(),
        "note" => vec![required(
            "for",
            json!({
                "enum": ["therapist", "future_self", "next_therapist"],
                "description": "Who the note is written to: \"therapist\" (to read aloud or \
                                hand over in the last session), \"future_self\" (for the \
                                client to read later) or \"next_therapist\" (for a client \
                                moving to another therapist or service).",
            }),
        )],
        _ => return None,
    })
}

/// A question: the common fields, then one `if`/`then` per kind that allows exactly that kind's
/// fields. A question of an unknown kind is only told that its kind is unknown, as the reader
/// does.
pub(super) fn question_schema() -> Value {
    let common = common_question_fields();
    let branches: Vec<Value> = KINDS
        .iter()
        .map(|kind| {
            let extra = kind_fields(kind).unwrap_or_default();
            // The common fields are checked once, above; here they are only allowed.
            let mut allowed: Map<String, Value> = common
                .iter()
                .map(|field| (field.name.to_owned(), Value::Bool(true)))
                .collect();
            allowed.extend(properties(&extra));
            json!({
                "if": {
                    "properties": { "kind": { "const": kind } },
                    "required": ["kind"],
                },
                "then": {
                    "description": format!("Kind \"{kind}\": {}.", kind_description(kind)),
                    "properties": allowed,
                    "required": required_names(&extra),
                    "additionalProperties": false,
                },
            })
        })
        .collect();
    json!({
        "type": "object",
        "description": "A question, or a piece of information text. \"kind\" says which, and \
                        which other fields it takes.",
        "properties": properties(&common),
        "required": required_names(&common),
        "allOf": branches,
    })
}

pub(super) fn option_schema() -> Value {
    let kept = [NOT_SURE_ID, PREFER_NOT_TO_SAY_ID];
    object(
        "One option of a choice question.",
        &[
            required(
                "id",
                json!({
                    "$ref": "#/$defs/id",
                    "not": { "enum": kept },
                    "description": format!(
                        "A short name for the option that never changes, different from the \
                         question's other options. Conditions refer to it. {} are kept for the \
                         built-in options: use \"not_sure\" and \"prefer_not_to_say\" instead.",
                        quoted_list(&kept, "and")
                    ),
                }),
            ),
            required("label", text("What the client sees.")),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_the_reader_accepts_is_described() {
        for kind in KINDS {
            assert!(kind_fields(kind).is_some(), "no fields for kind {kind}");
            assert_ne!(kind_description(kind), "a kind of question", "{kind}");
        }
    }
}
