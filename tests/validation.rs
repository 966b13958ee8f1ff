//! A questionnaire file is read whole: every problem comes back at once, each with its path.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::with_questions;

use ending_well::{Problem, QuestionKind, Questionnaire};
use serde_json::{json, Value};

/// The problems of a questionnaire given as JSON, as "path: message" lines.
fn problems_of(value: Value) -> Vec<String> {
    match Questionnaire::from_value(&value) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(Problem::to_string).collect(),
    }
}

fn only_problem(value: Value) -> String {
    let problems = problems_of(value);
    assert_eq!(
        problems.len(),
        1,
        "expected exactly one problem, got {problems:#?}"
    );
    problems.into_iter().next().unwrap()
}

#[test]
fn the_built_in_questionnaire_is_valid_and_complete() {
    let questionnaire = Questionnaire::default_questionnaire().unwrap_or_else(|problems| {
        panic!("the built-in questionnaire has problems: {problems:#?}")
    });
    let answerable = questionnaire
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::Info)
        .count();
    let conditional = questionnaire
        .questions
        .iter()
        .filter(|q| q.show_if.is_some() && q.kind != QuestionKind::Info)
        .count();
    let mut kinds: Vec<&str> = questionnaire
        .questions
        .iter()
        .map(|q| q.kind.name())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    println!(
        "built-in questionnaire: {} sections, {answerable} questions, {conditional} conditional \
         follow-ups, kinds {kinds:?}",
        questionnaire.sections.len()
    );
    assert!(questionnaire.sections.len() >= 8);
    assert!(answerable >= 30);
    assert!(conditional >= 4);
    assert_eq!(
        kinds,
        [
            "info",
            "long_text",
            "multiple_choice",
            "note",
            "scale",
            "short_text",
            "single_choice"
        ]
    );
    assert!(
        !questionnaire.intro.is_empty(),
        "the introduction says what this is"
    );
}

#[test]
fn the_shared_fixture_is_valid() {
    let questionnaire = common::fixture("small");
    assert_eq!(questionnaire.sections.len(), 4);
    assert_eq!(questionnaire.questions.len(), 10);
}

#[test]
fn a_file_with_many_mistakes_gets_every_problem_with_its_path() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/broken.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let problems: Vec<String> = Questionnaire::from_json(&text)
        .unwrap_err()
        .iter()
        .map(Problem::to_string)
        .collect();
    let expected = [
        "colour: unknown field \"colour\"",
        "sections[0].questions[0].options: is empty: add at least one option",
        "sections[0].questions[1].max: must be greater than \"min\" (5)",
        "sections[0].questions[6].text: missing \"text\": add some text",
        "sections[0].questions[7].text: expected text in quotes, found a number",
        "sections[0].questions[7].hnt: unknown field \"hnt\" (did you mean \"hint\"?)",
        "sections[1].id: duplicate section id \"first\": sections[0] already uses it",
        "sections[0].questions[2].id: duplicate question id \"mood\": sections[0].questions[1] \
         already uses it",
        "sections[0].questions[3].show_if.answered: question \"last\" comes later: a question \
         can only depend on questions before it",
        "sections[0].questions[4].show_if.answered: unknown question \"feelngs\" (did you mean \
         \"feelings\"?)",
        "sections[0].questions[5].show_if.answered: question \"self\" cannot depend on itself",
    ];
    for line in &expected {
        assert!(
            problems.contains(&line.to_string()),
            "missing {line:?} in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}

#[test]
fn text_that_is_not_json_says_where() {
    let problems = Questionnaire::from_json("{ \"id\": \"x\",\n  \"title\": }").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.starts_with("not valid JSON"),
        "{}",
        problems[0]
    );
    assert!(problems[0].message.contains("line 2"), "{}", problems[0]);
}

#[test]
fn the_wrong_kind_of_value_is_named() {
    assert_eq!(
        only_problem(json!({ "id": "t", "title": ["x"], "sections": [
            { "id": "s", "title": "S", "questions": [{ "id": "i", "kind": "info", "text": "I" }] }
        ] }))
        .as_str(),
        "title: expected text in quotes, found a list"
    );
    let problems = problems_of(json!("just text"));
    assert_eq!(problems, ["expected an object { ... }, found text"]);
    let problems = problems_of(json!({ "id": "t", "title": "T", "sections": {} }));
    assert_eq!(
        problems,
        ["sections: expected a list [ ... ], found an object"]
    );
}

#[test]
fn missing_and_blank_text_are_problems() {
    let problems = problems_of(with_questions(json!([
        { "id": "a", "kind": "short_text" },
        { "id": "b", "kind": "short_text", "text": "   " },
    ])));
    assert_eq!(
        problems,
        [
            "sections[1].questions[0].text: missing \"text\": add some text",
            "sections[1].questions[1].text: is empty: write some text or leave the field out",
        ]
    );
}

#[test]
fn empty_lists_are_problems() {
    assert_eq!(
        only_problem(json!({ "id": "t", "title": "T", "sections": [] })),
        "sections: is empty: add at least one section"
    );
    assert_eq!(
        only_problem(with_questions(json!([]))),
        "sections[1].questions: is empty: add at least one question"
    );
    assert_eq!(
        only_problem(with_questions(
            json!([{ "id": "c", "kind": "single_choice", "text": "C?", "options": [] }])
        )),
        "sections[1].questions[0].options: is empty: add at least one option"
    );
}

#[test]
fn unknown_fields_and_kinds_suggest_the_near_miss() {
    assert_eq!(
        only_problem(with_questions(
            json!([{ "id": "c", "kind": "long_text", "text": "C?", "hnit": "oops" }])
        )),
        "sections[1].questions[0].hnit: unknown field \"hnit\" (did you mean \"hint\"?)"
    );
    assert_eq!(
        only_problem(with_questions(
            json!([{ "id": "c", "kind": "long_txt", "text": "C?" }])
        )),
        "sections[1].questions[0].kind: unknown kind \"long_txt\": use one of single_choice, \
         multiple_choice, scale, short_text, long_text, info, note (did you mean \"long_text\"?)"
    );
    // A field that belongs to another kind is unknown here.
    assert_eq!(
        only_problem(with_questions(
            json!([{ "id": "c", "kind": "short_text", "text": "C?", "other": "Else" }])
        )),
        "sections[1].questions[0].other: unknown field \"other\""
    );
}

#[test]
fn duplicate_ids_are_reported_where_they_repeat() {
    let problems = problems_of(with_questions(json!([
        { "id": "first", "kind": "short_text", "text": "Again?" },
        { "id": "c", "kind": "single_choice", "text": "C?",
          "options": [{ "id": "x", "label": "X" }, { "id": "x", "label": "X again" }] },
    ])));
    assert_eq!(
        problems,
        [
            "sections[1].questions[1].options[1].id: duplicate option id \"x\": \
             sections[1].questions[1].options[0] already uses it",
            "sections[1].questions[0].id: duplicate question id \"first\": \
             sections[0].questions[0] already uses it",
        ]
    );
}

#[test]
fn ids_must_be_usable_in_a_page() {
    assert_eq!(
        only_problem(with_questions(
            json!([{ "id": "my question", "kind": "info", "text": "Hi" }])
        )),
        "sections[1].questions[0].id: \"my question\" is not a usable id: start with a letter and \
         use only letters, digits, \"-\" and \"_\" (at most 64 characters)"
    );
}

#[test]
fn the_built_in_option_ids_are_reserved() {
    assert_eq!(
        only_problem(with_questions(
            json!([{ "id": "c", "kind": "single_choice", "text": "C?",
            "options": [{ "id": "not-sure", "label": "Not sure" }] }])
        )),
        "sections[1].questions[0].options[0].id: \"not-sure\" is kept for the built-in option: \
         set \"not_sure\": true instead"
    );
}

#[test]
fn scale_bounds_are_checked() {
    let scale = |min: i64, max: i64| {
        with_questions(
            json!([{ "id": "s", "kind": "scale", "text": "S?", "min": min, "max": max,
            "min_label": "Low", "max_label": "High" }]),
        )
    };
    assert_eq!(
        only_problem(scale(3, 3)),
        "sections[1].questions[0].max: must be greater than \"min\" (3)"
    );
    assert_eq!(
        only_problem(scale(0, 20)),
        "sections[1].questions[0].max: a scale from 0 to 20 has 21 points; use at most 11 so it \
         fits on a phone"
    );
    assert_eq!(
        only_problem(with_questions(
            json!([{ "id": "s", "kind": "scale", "text": "S?", "min": 0,
            "max": 4.5, "min_label": "Low", "max_label": "High" }])
        )),
        "sections[1].questions[0].max: expected a whole number, found a number"
    );
    let problems = problems_of(with_questions(
        json!([{ "id": "s", "kind": "scale", "text": "S?" }]),
    ));
    assert_eq!(
        problems.len(),
        4,
        "min, max and both labels are missing: {problems:#?}"
    );
}

#[test]
fn conditions_may_only_look_back_at_real_answers() {
    let cases = [
        (
            json!({ "answered": "absent" }),
            "show_if.answered: unknown question \"absent\"",
        ),
        (
            json!({ "answered": "c" }),
            "show_if.answered: question \"c\" cannot depend on itself",
        ),
        (
            json!({ "answered": "d" }),
            "show_if.answered: question \"d\" comes later: a question can only depend on \
             questions before it",
        ),
        (
            json!({ "answered": "note" }),
            "show_if.answered: \"note\" is information text and is never answered",
        ),
        (
            json!({ "equals": { "question": "first", "value": "maybe" } }),
            "show_if.equals.value: question \"first\" has no option \"maybe\"",
        ),
        (
            json!({ "equals": { "question": "scale", "value": 9 } }),
            "show_if.equals.value: question \"scale\" is a scale from 1 to 5: use a whole number \
             in that range",
        ),
        (
            json!({ "equals": { "question": "many", "value": "a" } }),
            "show_if.equals: question \"many\" is a multiple choice: use \"includes\" instead of \
             \"equals\"",
        ),
        (
            json!({ "includes": { "question": "first", "value": "yes" } }),
            "show_if.includes: question \"first\" is a single choice: use \"equals\" instead of \
             \"includes\"",
        ),
        (
            json!({ "equal": { "question": "first", "value": "yes" } }),
            "show_if.equal: unknown condition \"equal\": use one of \"answered\", \"equals\", \
             \"includes\", \"any\", \"all\", \"not\" (did you mean \"equals\"?)",
        ),
        (
            json!({ "answered": "first", "not": { "answered": "first" } }),
            "show_if: a condition has exactly one of \"answered\", \"equals\", \"includes\", \
             \"any\", \"all\", \"not\"",
        ),
        (
            json!({ "any": [] }),
            "show_if.any: is empty: list at least one condition",
        ),
        (
            json!({ "all": [{ "answered": "first" }, { "answered": "ghost" }] }),
            "show_if.all[1].answered: unknown question \"ghost\"",
        ),
    ];
    for (condition, expected) in cases {
        let problems = problems_of(with_questions(json!([
            { "id": "note", "kind": "info", "text": "Information" },
            { "id": "c", "kind": "short_text", "text": "C?", "show_if": condition },
            { "id": "d", "kind": "short_text", "text": "D?" },
        ])));
        assert_eq!(problems, [format!("sections[1].questions[1].{expected}")]);
    }
}

#[test]
fn deeply_nested_conditions_are_refused_not_followed() {
    let mut condition = json!({ "answered": "first" });
    for _ in 0..200 {
        condition = json!({ "not": condition });
    }
    let problems = problems_of(with_questions(
        json!([{ "id": "c", "kind": "short_text", "text": "C?", "show_if": condition }]),
    ));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].ends_with("conditions are nested more than 16 deep"));
}

#[test]
fn not_sure_and_prefer_not_to_say_are_added_as_standalone_options() {
    let questionnaire = common::fixture("small");
    let question = &questionnaire.questions[0];
    let labels: Vec<(&str, bool)> = question
        .kind
        .options()
        .iter()
        .map(|o| (o.label.as_str(), o.exclusive))
        .collect();
    assert_eq!(
        labels,
        [
            ("We decided together", false),
            ("My therapist", false),
            ("Me", false),
            ("Not sure", true),
            ("Prefer not to say", true),
        ]
    );
}

#[test]
fn plan_notes_and_support_refer_to_real_questions() {
    let mut value = with_questions(json!([{ "id": "c", "kind": "note", "text": "C?" }]));
    value["plan"] = json!({ "early_signs": ["scale", "nope"], "later": [] });
    value["notes"] = json!({ "helped": ["frist"] });
    value["support_when"] = json!({ "equals": { "question": "scale", "value": 8 } });
    assert_eq!(
        problems_of(value),
        [
            "sections[1].questions[0].for: a note needs \"for\": \"therapist\", \"future_self\" or \"next_therapist\"",
            "plan.later: unknown field \"later\"",
            "plan.early_signs[1]: unknown question \"nope\"",
            "notes.helped[0]: unknown question \"frist\" (did you mean \"first\"?)",
            "support_when.equals.value: question \"scale\" is a scale from 1 to 5: use a whole \
             number in that range",
        ]
    );
}

/// A questionnaire of `sections` sections of `per_section` short text questions each.
fn of_size(sections: usize, per_section: usize) -> Value {
    let sections: Vec<Value> = (0..sections)
        .map(|s| {
            let questions: Vec<Value> = (0..per_section)
                .map(|q| json!({ "id": format!("q{s}_{q}"), "kind": "short_text", "text": "Anything?" }))
                .collect();
            json!({ "id": format!("s{s}"), "title": "A section", "questions": questions })
        })
        .collect();
    json!({ "id": "big", "title": "Big", "sections": sections })
}

#[test]
fn the_largest_questionnaire_allowed_is_read() {
    use ending_well::reading::limits::{MAX_QUESTIONS, MAX_SECTIONS};
    let questionnaire =
        Questionnaire::from_value(&of_size(MAX_SECTIONS, MAX_QUESTIONS / MAX_SECTIONS)).unwrap();
    assert_eq!(questionnaire.sections.len(), MAX_SECTIONS);
    assert_eq!(questionnaire.questions.len(), MAX_QUESTIONS);
}

#[test]
fn too_many_sections_or_questions_is_one_clear_problem() {
    use ending_well::reading::limits::{MAX_QUESTIONS, MAX_SECTIONS};
    assert_eq!(
        only_problem(of_size(MAX_SECTIONS + 1, 1)),
        "sections: has 501 sections; a questionnaire can have at most 500"
    );
    assert_eq!(
        only_problem(of_size(100, MAX_QUESTIONS / 100 + 1)),
        "sections: has 10100 questions in all; a questionnaire can have at most 10000"
    );
}

#[test]
fn a_text_over_the_limit_is_a_problem_at_its_path() {
    use ending_well::reading::limits::MAX_TEXT_CHARS;
    let longest = "é".repeat(MAX_TEXT_CHARS);
    let fits = with_questions(json!([{ "id": "long", "kind": "long_text", "text": longest }]));
    assert!(
        problems_of(fits).is_empty(),
        "{MAX_TEXT_CHARS} characters are allowed"
    );

    let too_long = "é".repeat(MAX_TEXT_CHARS + 1);
    let value = with_questions(json!([{ "id": "long", "kind": "long_text", "text": too_long }]));
    assert_eq!(
        only_problem(value),
        "sections[1].questions[0].text: is 10001 characters long; the most one text can be is \
         10000: shorten it or split it"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_parsed() {
    use ending_well::reading::limits::MAX_FILE_BYTES;
    // Valid JSON, but too big: the padding is whitespace.
    let text = format!("{}{}", " ".repeat(MAX_FILE_BYTES), "{}");
    let problems = Questionnaire::from_json(&text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].message,
        "the questionnaire is 5.1 MB; the most it can be is 5.0 MB"
    );
}

#[test]
fn json_nested_deeper_than_the_browser_reads_is_refused_the_same_way_here() {
    use ending_well::reading::limits::MAX_NESTING;
    let nested = |depth: usize| {
        format!(
            r#"{{"id": "t", "title": "T", "sections": [], "extra": {}1{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    let problems = Questionnaire::from_json(&nested(MAX_NESTING - 1)).unwrap_err();
    assert!(
        problems.iter().any(|p| p.path == "extra"),
        "read as usual: {problems:?}"
    );
    let problems = Questionnaire::from_json(&nested(MAX_NESTING + 1)).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].message,
        "nested more than 64 levels deep, or more than 1000000 values"
    );
}
