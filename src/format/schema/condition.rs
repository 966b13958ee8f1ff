//! A condition in the schema: exactly one of the reader's condition names, each with what it
//! holds.

use serde_json::{json, Value};

use super::parts::{object, optional, quoted_list, reference, required, Field};
use crate::format::read_condition::CONDITION_KINDS;

/// A condition: exactly one of the reader's condition names.
pub(super) fn condition_schema() -> Value {
    let fields: Vec<Field> = CONDITION_KINDS
        .iter()
        .map(|name| optional(name, condition_field(name).unwrap_or_else(|| json!({}))))
        .collect();
    let mut schema = object(
        &format!(
            "A condition: an object with exactly one of {}. Conditions are never code.",
            quoted_list(&CONDITION_KINDS, "or")
        ),
        &fields,
    );
    if let Value::Object(schema) = &mut schema {
        schema.insert("minProperties".to_owned(), json!(1));
        schema.insert("maxProperties".to_owned(), json!(1));
        schema.remove("required");
    }
    schema
}

/// What one kind of condition holds; `None` for a condition the reader accepts that this module
/// does not describe yet (a test catches that).
fn condition_field(name: &str) -> Option<Value> {
    let list = |description: &str| {
        json!({
            "type": "array",
            "minItems": 1,
            "description": description,
            "items": { "$ref": "#/$defs/condition" },
        })
    };
    Some(match name {
        "answered" => reference(
            "question_id",
            "Holds when this question is shown and answered. Write the question's id, for \
             example { \"answered\": \"feelings\" }.",
        ),
        "equals" => reference(
            "comparison",
            "Holds when a single choice question has this option chosen, or a scale question \
             is at this point. For example { \"equals\": { \"question\": \"how-hard\", \
             \"value\": 9 } }.",
        ),
        "includes" => reference(
            "comparison",
            "Holds when a multiple choice question has this option ticked. For example \
             { \"includes\": { \"question\": \"feelings\", \"value\": \"anger\" } }.",
        ),
        "any" => list("Holds when at least one of these conditions holds."),
        "all" => list("Holds when every one of these conditions holds."),
        "not" => reference("condition", "Holds when this condition does not hold."),
        _ => return None,
    })
}

pub(super) fn comparison_schema() -> Value {
    object(
        "A question and an answer to compare it with.",
        &[
            required(
                "question",
                reference("question_id", "The id of an earlier question."),
            ),
            required(
                "value",
                json!({
                    "type": ["string", "integer"],
                    "description": "An option's id in quotes, or a point on a scale as a \
                                    number.",
                }),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_condition_the_reader_accepts_is_described() {
        for name in CONDITION_KINDS {
            assert!(condition_field(name).is_some(), "no schema for {name}");
        }
    }
}
