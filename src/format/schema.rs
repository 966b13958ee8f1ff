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

use serde_json::{json, Map, Value};

use super::questionnaire::{KINDS, MAX_SCALE_POINTS, NOT_SURE_ID, PREFER_NOT_TO_SAY_ID};
use super::read_condition::CONDITION_KINDS;
use crate::languages::interface::Texts;
use crate::reading::limits::{MAX_SECTIONS, MAX_TEXT_CHARS};

/// The draft of JSON Schema the schema follows, as its `$schema`.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema's `$id`. The schema is not published anywhere: it is printed by
/// `ending-well schema`, so its id is a name, not an address.
pub const SCHEMA_ID: &str = "urn:ending-well:questionnaire";

/// The form of an id, as the reader checks it: a letter first, then letters, digits, `-` or `_`,
/// at most 64 characters.
const ID_PATTERN: &str = "^[A-Za-z][A-Za-z0-9_-]{0,63}$";

/// Text that is not blank: at least one character that is not a space.
const TEXT_PATTERN: &str = "\\S";
/// A language code, as `reading::object::is_language_tag` accepts it.
const LANGUAGE_PATTERN: &str = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$";

/// One field of an object in the format.
struct Field {
    name: &'static str,
    required: bool,
    schema: Value,
}

fn required(name: &'static str, schema: Value) -> Field {
    Field {
        name,
        required: true,
        schema,
    }
}

fn optional(name: &'static str, schema: Value) -> Field {
    Field {
        name,
        required: false,
        schema,
    }
}

/// An object that takes exactly these fields.
fn object(description: &str, fields: &[Field]) -> Value {
    json!({
        "type": "object",
        "description": description,
        "properties": properties(fields),
        "required": required_names(fields),
        "additionalProperties": false,
    })
}

fn properties(fields: &[Field]) -> Map<String, Value> {
    fields
        .iter()
        .map(|field| (field.name.to_owned(), field.schema.clone()))
        .collect()
}

fn required_names(fields: &[Field]) -> Vec<&'static str> {
    fields
        .iter()
        .filter(|field| field.required)
        .map(|field| field.name)
        .collect()
}

/// A reference to one of the definitions, with a description of this use of it.
fn reference(definition: &str, description: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{definition}"), "description": description })
}

fn text(description: &str) -> Value {
    reference("text", description)
}

fn flag(description: String) -> Value {
    json!({ "type": "boolean", "default": false, "description": description })
}

/// `"a", "b" or "c"`, with `or` being `conjunction`.
fn quoted_list(words: &[&str], conjunction: &str) -> String {
    let quoted: Vec<String> = words.iter().map(|word| format!("\"{word}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {conjunction} {last}", rest.join(", "))
        }
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

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
            "hint",
            text("Extra guidance shown under the question, for example \"Choose as many as fit.\""),
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
                Texts::english().not_sure
            )),
        )
    };
    let prefer_not_to_say = || {
        optional(
            "prefer_not_to_say",
            flag(format!(
                "true adds a \"{}\" option after the others (its id is \
                 \"{PREFER_NOT_TO_SAY_ID}\").",
                Texts::english().prefer_not_to_say
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
                "enum": ["therapist", "future_self"],
                "description": "Who the note is written to: \"therapist\" (to read aloud or \
                                hand over in the last session) or \"future_self\" (for the \
                                client to read later).",
            }),
        )],
        _ => return None,
    })
}

/// A question: the common fields, then one `if`/`then` per kind that allows exactly that kind's
/// fields. A question of an unknown kind is only told that its kind is unknown, as the reader
/// does.
fn question_schema() -> Value {
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

fn option_schema() -> Value {
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

/// A condition: exactly one of the reader's condition names.
fn condition_schema() -> Value {
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

fn comparison_schema() -> Value {
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
        "Which answers make up the one-page \"Keeping what I gained\" plan in the summary.",
        &[
            (
                "early_signs",
                "Questions whose answers are early signs that things are getting harder.",
            ),
            ("what_helps", "Questions whose answers say what helps."),
            (
                "who_to_contact",
                "Questions whose answers say who to contact.",
            ),
            (
                "after_setback",
                "Questions whose answers say what to do after a setback.",
            ),
        ],
    )
}

fn notes_schema() -> Value {
    id_lists(
        "Which answers the drafts of the two notes (\"note\" questions) start from.",
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

    #[test]
    fn every_condition_the_reader_accepts_is_described() {
        for name in CONDITION_KINDS {
            assert!(condition_field(name).is_some(), "no schema for {name}");
        }
    }

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
