//! Helpers shared by the native test files.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ending_well::{update, Effect, Model, Msg, Questionnaire};
use serde_json::{json, Value};

/// A fixture questionnaire from tests/fixtures, validated.
pub fn fixture(name: &str) -> Questionnaire {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    Questionnaire::from_json(&text).unwrap_or_else(|problems| {
        panic!("{name}.json has problems: {problems:#?}");
    })
}

/// A fresh session on the built-in questionnaire.
pub fn built_in() -> Model {
    Model::new(Questionnaire::default_questionnaire().unwrap())
}

/// A fresh session on the small fixture.
pub fn small() -> Model {
    Model::new(fixture("small"))
}

/// The position of a question by id.
pub fn q(model: &Model, id: &str) -> usize {
    model
        .questionnaire()
        .question_index(id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

/// The position of an option of a question by id.
pub fn option(model: &Model, question: &str, id: &str) -> usize {
    let question = model.questionnaire().question(q(model, question)).unwrap();
    question
        .kind
        .options()
        .iter()
        .position(|o| o.id == id)
        .unwrap_or_else(|| panic!("no option {id}"))
}

/// Sends messages in order, returning the effects of the last one.
pub fn send(model: &mut Model, msgs: impl IntoIterator<Item = Msg>) -> Vec<Effect> {
    let mut effects = Vec::new();
    for msg in msgs {
        effects = update(model, msg);
    }
    effects
}

/// Chooses an option of a single choice question by ids.
pub fn choose(model: &mut Model, question: &str, option_id: &str) -> Vec<Effect> {
    let msg = Msg::OptionChosen {
        question: q(model, question),
        option: option(model, question, option_id),
    };
    update(model, msg)
}

/// Ticks or unticks an option of a multiple choice question by ids.
pub fn tick(model: &mut Model, question: &str, option_id: &str, checked: bool) -> Vec<Effect> {
    let msg = Msg::OptionToggled {
        question: q(model, question),
        option: option(model, question, option_id),
        checked,
    };
    update(model, msg)
}

/// Types the whole text of a text question.
pub fn write(model: &mut Model, question: &str, text: &str) -> Vec<Effect> {
    let msg = Msg::TextChanged {
        question: q(model, question),
        text: text.to_owned(),
    };
    update(model, msg)
}

/// Whether a question is shown now.
pub fn shown(model: &Model, question: &str) -> bool {
    model.visibility()[q(model, question)]
}

/// Ticks "something else" on a multiple choice question and types its text.
pub fn write_other(model: &mut Model, question: &str, text: &str) {
    let question = q(model, question);
    send(
        model,
        [
            Msg::OtherToggled {
                question,
                checked: true,
            },
            Msg::OtherTextChanged {
                question,
                text: text.to_owned(),
            },
        ],
    );
}

/// Chooses a point on a scale question.
pub fn rate(model: &mut Model, question: &str, value: i64) -> Vec<Effect> {
    let question = q(model, question);
    update(model, Msg::ScalePointChosen { question, value })
}

/// Enters a new passphrase, the same twice, in the open passphrase dialog.
pub fn enter_passphrase(model: &mut Model, passphrase: &str) -> Vec<Effect> {
    let msg = Msg::PassphraseSubmitted {
        passphrase: passphrase.to_owned(),
        confirmation: passphrase.to_owned(),
    };
    update(model, msg)
}

/// A valid questionnaire with `questions` (a list) in a second section, after a first section
/// with earlier questions to refer to: a single choice "first", a scale "scale" and a multiple
/// choice "many".
pub fn with_questions(questions: Value) -> Value {
    json!({
        "id": "t",
        "title": "Test",
        "sections": [
            {
                "id": "one",
                "title": "One",
                "questions": [
                    { "id": "first", "kind": "single_choice", "text": "First?",
                      "options": [{ "id": "yes", "label": "Yes" }, { "id": "no", "label": "No" }] },
                    { "id": "scale", "kind": "scale", "text": "How much?", "min": 1, "max": 5,
                      "min_label": "Little", "max_label": "A lot" },
                    { "id": "many", "kind": "multiple_choice", "text": "Which?",
                      "options": [{ "id": "a", "label": "A" }, { "id": "b", "label": "B" }] }
                ]
            },
            { "id": "two", "title": "Two", "questions": questions }
        ]
    })
}
