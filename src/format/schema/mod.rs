//! A JSON Schema (draft 2020-12) of the questionnaire format, so that an editor can check a file
//! and explain each field while it is typed.
//!
//! The schema is built from the reader's own lists wherever the reader has one: the kinds of
//! question, the names of conditions, the ids of the built-in "not sure" and "prefer not to say"
//! options and their labels, the most points a scale may have. A kind or a condition added to
//! the reader appears here by itself (its tests fail until it is described).
//!
//! The schema checks the shape of a file. What needs the whole file is left to the reader:
//! whether a condition or the plan refers to a question that exists and comes earlier, duplicate
//! ids, whether "max" is greater than "min".

/// A condition.
mod condition;
/// The patterns, fields and objects the schema is built from.
mod parts;
/// A question and its options.
mod question;

use serde_json::{json, Map, Value};

use crate::reading::limits::{MAX_SECTIONS, MAX_TEXT_CHARS};
use condition::{comparison_schema, condition_schema};
use parts::{
    object, optional, reference, required, text, Field, ID_PATTERN, LANGUAGE_PATTERN, TEXT_PATTERN,
};
use question::{option_schema, question_schema};

/// The draft of JSON Schema the schema follows, as its `$schema`.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema's `$id`. The schema is not published anywhere: it is printed by
/// `ending-well schema`, so its id is a name, not an address.
pub const SCHEMA_ID: &str = "urn:ending-well:questionnaire";

/// The JSON Schema of the questionnaire format.
pub fn questionnaire_schema() -> Value {
    let top = [
        required(
            "id",
            reference(
                "id",
                "A short name for the questionnaire that never changes, for example \
                 \"ending-therapy\". Clients never see it.",
            ),
        ),
        optional(
            "language",
            json!({
                "type": "string",
                "pattern": LANGUAGE_PATTERN,
                "default": "en",
                "description": "The language of text written without a language, as a code \
                                like \"en\" or \"es\". Text given per language adds its \
                                languages to the ones offered to the client.",
            }),
        ),
        required(
            "title",
            text("The title, shown as the heading of the first page."),
        ),
        optional(
            "intro",
            json!({
                "type": "array",
                "description": "The introduction on the first page: a list of paragraphs.",
                "items": text("A paragraph of the introduction."),
            }),
        ),
        optional(
            "minutes",
            json!({
                "type": "integer",
                "minimum": 1,
                "maximum": 600,
                "description": "Roughly how long it takes, in minutes: shown as \"about N \
                                minutes\".",
            }),
        ),
        required(
            "sections",
            json!({
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_SECTIONS,
                "description": "The sections, in order. Each section is one page of questions.",
                "items": { "$ref": "#/$defs/section" },
            }),
        ),
        optional(
            "last_session",
            json!({
                "type": "array",
                "description": "The questions of the page \"For my last session\" that opens \
                                \"To bring\", in the order it reads. They are in \"To bring\" \
                                until the client takes them out.",
                "items": reference("question_id", "The id of a question whose answer goes here."),
            }),
        ),
        optional("plan", plan_schema()),
        optional("notes", notes_schema()),
        optional(
            "support_when",
            reference(
                "condition",
                "When the answers show distress: the clinic's support contacts then appear \
                 right after the last question this condition looks at. It may look at any \
                 question. Nothing is blocked.",
            ),
        ),
        optional(
            "safety_when",
            reference(
                "condition",
                "When the client says they have thoughts of suicide or of harming themselves: a \
                 response of its own (this page cannot alert anyone; please tell someone today; \
                 the clinic's contacts; telling the therapist before the last session) appears \
                 right after the last question this condition looks at. Nothing is blocked.",
            ),
        ),
    ];
    let mut schema = object(
        "A questionnaire for Ending Well: a private reflection for clients before their last \
         session of therapy. Every question is optional for the client.",
        &top,
    );
    if let Value::Object(fields) = &mut schema {
        fields.insert("$schema".to_owned(), json!(DRAFT));
        fields.insert("$id".to_owned(), json!(SCHEMA_ID));
        fields.insert("title".to_owned(), json!("Ending Well questionnaire"));
        fields.insert("$defs".to_owned(), Value::Object(definitions()));
    }
    schema
}

fn definitions() -> Map<String, Value> {
    let mut defs = Map::new();
    defs.insert(
        "id".to_owned(),
        json!({
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "An id: starts with a letter, then letters, digits, \"-\" and \"_\" \
                            (at most 64 characters, no spaces).",
        }),
    );
    defs.insert(
        "question_id".to_owned(),
        json!({
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "The id of a question in this file.",
        }),
    );
    defs.insert(
        "text".to_owned(),
        json!({
            "description": "Some text in quotes, in the file's language; or the text per \
                            language, like {\"en\": \"Start\", \"es\": \"Empezar\"}. It \
                            may not be blank.",
            "oneOf": [
                { "type": "string", "pattern": TEXT_PATTERN, "maxLength": MAX_TEXT_CHARS },
                {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": { "pattern": LANGUAGE_PATTERN },
                    "additionalProperties": {
                        "type": "string",
                        "pattern": TEXT_PATTERN,
                        "maxLength": MAX_TEXT_CHARS,
                    },
                },
            ],
        }),
    );
    defs.insert("section".to_owned(), section_schema());
    defs.insert("question".to_owned(), question_schema());
    defs.insert("option".to_owned(), option_schema());
    defs.insert("condition".to_owned(), condition_schema());
    defs.insert("comparison".to_owned(), comparison_schema());
    defs
}

fn section_schema() -> Value {
    object(
        "A section: one page with a heading and its questions.",
        &[
            required(
                "id",
                reference(
                    "id",
                    "A short name for the section that never changes, different from every \
                     other section's. Clients never see it.",
                ),
            ),
            required("title", text("The heading of the page.")),
            optional("intro", text("A short paragraph under the heading.")),
            required(
                "questions",
                json!({
                    "type": "array",
                    "minItems": 1,
                    "description": "The questions on this page, in order.",
                    "items": { "$ref": "#/$defs/question" },
                }),
            ),
        ],
    )
}

/// Named lists of question ids.
fn id_lists(description: &str, lists: &[(&'static str, &str)]) -> Value {
    let fields: Vec<Field> = lists
        .iter()
        .map(|(name, description)| {
            optional(
                name,
                json!({
                    "type": "array",
                    "description": description,
                    "items": reference("question_id", "The id of a question whose answer goes here."),
                }),
            )
        })
        .collect();
    object(description, &fields)
}

fn plan_schema() -> Value {
    id_lists(
        "Which answers make up the one-page staying-well plan in \"Just for me\".",
        &[
            (
                "learned",
                "Questions whose answers say what the client learned and what helped change.",
            ),
            (
                "early_signs",
                "Questions whose answers are early signs that things are getting harder.",
            ),
            (
                "high_risk",
                "Questions whose answers name times or situations that may be harder.",
            ),
            (
                "keep_practising",
                "Questions whose answers say what the client will keep practising, and how often.",
            ),
            (
                "goals",
                "Questions whose answers are goals for the next months.",
            ),
            (
                "who_can_help",
                "Questions whose answers say who can help, and how to reach them.",
            ),
            (
                "after_setback",
                "Questions whose answers say what to do after a setback.",
            ),
            (
                "what_helps",
                "The earlier name of \"keep_practising\", still read.",
            ),
            (
                "who_to_contact",
                "The earlier name of \"who_can_help\", still read.",
            ),
        ],
    )
}

fn notes_schema() -> Value {
    let mut schema = id_lists(
        "Which answers the drafts of the notes (\"note\" questions) start from.",
        &[
            ("helped", "Questions whose answers say what helped."),
            (
                "proud",
                "Questions whose answers say what the client is proud of.",
            ),
            (
                "keep_doing",
                "Questions whose answers say what the client wants to keep doing.",
            ),
            (
                "to_say",
                "Questions whose answers say what the client wants to say.",
            ),
            (
                "next_therapist",
                "Questions whose answers say what the client would like a next therapist to know.",
            ),
        ],
    );
    if let Some(Value::Object(fields)) = schema.get_mut("properties") {
        fields.insert(
            "grateful_when".to_owned(),
            reference(
                "condition",
                "When the note to the therapist opens with thanks: only when the client said \
                 they feel grateful. Without it, the note opens without thanks.",
            ),
        );
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::parts::quoted_list;
    use super::*;
    use crate::format::questionnaire::KINDS;

    #[test]
    fn the_kinds_are_the_readers() {
        let schema = questionnaire_schema();
        let kinds = schema.pointer("/$defs/question/properties/kind/enum");
        assert_eq!(kinds, Some(&json!(KINDS)));
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(quoted_list(&["a"], "or"), "\"a\"");
        assert_eq!(quoted_list(&["a", "b", "c"], "or"), "\"a\", \"b\" or \"c\"");
    }
}
