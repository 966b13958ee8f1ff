//! The authoring tool: `ending-well check` and `ending-well schema`, and the JSON Schema agreeing
//! with the reader.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::LazyLock;

use common::with_questions;
use ending_well::format::schema::questionnaire_schema;
use ending_well::languages::split::{put_back, take_out};
use ending_well::{Problem, Questionnaire};
use serde_json::{json, Value};

const BUILT_IN: &str = include_str!("../questionnaires/ending-therapy.json");
const SMALL: &str = include_str!("fixtures/small.json");
const BROKEN: &str = include_str!("fixtures/broken.json");

/// What a run of the binary gave: exit code, standard output, standard error.
struct Run {
    code: i32,
    out: String,
    err: String,
}

/// Runs `ending-well` in the crate's folder, so that paths read like `tests/fixtures/x.json`.
fn ending_well(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ending-well"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().unwrap();
    input
        .write_all(stdin.unwrap_or_default().as_bytes())
        .unwrap();
    drop(input);
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().expect("exited, not killed"),
        out: String::from_utf8(output.stdout).unwrap(),
        err: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The reader's problems with a file, as the checker prints them.
fn reader_problems(text: &str, name: &str) -> Vec<String> {
    Questionnaire::from_json(text)
        .unwrap_err()
        .iter()
        .map(|problem: &Problem| format!("{name}: {problem}"))
        .collect()
}

#[test]
fn check_accepts_a_valid_file() {
    let run = ending_well(&["check", "tests/fixtures/small.json"], None);
    assert_eq!(run.code, 0, "{}{}", run.out, run.err);
    assert_eq!(
        run.out,
        "tests/fixtures/small.json: ok (4 sections, 8 questions, 3 conditional; language: en)\n\
         1 file checked: no problems found.\n"
    );
    assert_eq!(run.err, "");
}

#[test]
fn check_reads_a_settings_file_and_warns_when_it_gives_no_contacts() {
    let run = ending_well(
        &["check", "-"],
        Some(r#"{ "clinic": "Harbour Lane Therapy", "built_in": "short" }"#),
    );
    assert_eq!(
        run.code, 0,
        "a warning is not a problem: {}{}",
        run.out, run.err
    );
    assert!(
        run.out.starts_with("standard input: ok (settings, with "),
        "{}",
        run.out
    );
    assert!(
        run.out
            .contains("standard input: warning: support.resources: no support contacts yet"),
        "{}",
        run.out
    );

    let with_contacts =
        r#"{ "support": { "resources": [{ "name": "Reception", "phone": "01632 960000" }] } }"#;
    let run = ending_well(&["check", "-"], Some(with_contacts));
    assert_eq!(run.code, 0, "{}{}", run.out, run.err);
    assert!(!run.out.contains("warning"), "{}", run.out);

    let run = ending_well(
        &["check", "-"],
        Some(r#"{ "built_in": "shrot", "saving": "yes" }"#),
    );
    assert_eq!(run.code, 1, "{}{}", run.out, run.err);
    assert!(
        run.out
            .contains("built_in: there is no built-in questionnaire \"shrot\""),
        "{}",
        run.out
    );
    assert!(run.out.contains("(did you mean \"short\"?)"), "{}", run.out);
    assert!(
        run.out.contains("saving: expected true or false"),
        "{}",
        run.out
    );
}

#[test]
fn check_lists_every_problem_with_its_path() {
    let run = ending_well(&["check", "tests/fixtures/broken.json"], None);
    assert_eq!(run.code, 1, "{}{}", run.out, run.err);
    let lines: Vec<&str> = run.out.lines().collect();
    let expected = reader_problems(BROKEN, "tests/fixtures/broken.json");
    assert_eq!(lines.len(), expected.len() + 1, "{}", run.out);
    for (line, problem) in lines.iter().zip(&expected) {
        assert_eq!(line, problem);
    }
    assert!(lines.contains(
        &"tests/fixtures/broken.json: sections[0].questions[4].show_if.answered: unknown \
          question \"feelngs\" (did you mean \"feelings\"?)"
    ));
    assert!(lines.contains(
        &"tests/fixtures/broken.json: sections[0].questions[7].hnt: unknown field \"hnt\" (did \
          you mean \"hint\"?)"
    ));
    assert_eq!(
        lines.last(),
        Some(
            &format!(
                "1 file checked: {} problems found. Fix them and check again.",
                expected.len()
            )
            .as_str()
        )
    );
    assert_eq!(run.err, "");
}

#[test]
fn check_counts_several_files() {
    let run = ending_well(
        &[
            "check",
            "tests/fixtures/small.json",
            "tests/fixtures/broken.json",
            "questionnaires/ending-therapy.json",
        ],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(run
        .out
        .starts_with("tests/fixtures/small.json: ok (4 sections"));
    assert!(run
        .out
        .contains("\nquestionnaires/ending-therapy.json: ok ("));
    let problems = reader_problems(BROKEN, "x").len();
    assert!(
        run.out.ends_with(&format!(
            "3 files checked: {problems} problems found in 1 of them. Fix them and check again.\n"
        )),
        "{}",
        run.out
    );
}

#[test]
fn check_reports_an_unreadable_file() {
    let run = ending_well(
        &[
            "check",
            "tests/fixtures/no-such-file.json",
            "tests/fixtures/small.json",
        ],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.err
            .starts_with("cannot read tests/fixtures/no-such-file.json: "),
        "{}",
        run.err
    );
    assert!(!run.err.contains("os error"), "{}", run.err);
    // The other files are still checked.
    assert!(run.out.contains("small.json: ok"));
    assert!(run
        .out
        .ends_with("1 file checked: no problems found; 1 file could not be read.\n"));

    let run = ending_well(&["check", "tests/fixtures/no-such-file.json"], None);
    assert_eq!(run.code, 2);
    assert_eq!(run.out, "1 file could not be read.\n");
}

#[test]
fn check_reads_standard_input() {
    let run = ending_well(&["check", "-"], Some(SMALL));
    assert_eq!(run.code, 0, "{}{}", run.out, run.err);
    assert!(run.out.starts_with(
        "standard input: ok (4 sections, 8 questions, 3 conditional; language: en)\n"
    ));

    let run = ending_well(&["check", "-"], Some(BROKEN));
    assert_eq!(run.code, 1);
    for problem in reader_problems(BROKEN, "standard input") {
        assert!(
            run.out.contains(&problem),
            "missing {problem} in {}",
            run.out
        );
    }

    let run = ending_well(&["check", "-"], Some("{ \"id\": "));
    assert_eq!(run.code, 1);
    assert!(
        run.out.starts_with("standard input: not valid JSON: "),
        "{}",
        run.out
    );
}

#[test]
fn help_and_usage_errors() {
    for args in [&[][..], &["help"], &["--help"], &["check", "--help"]] {
        let run = ending_well(args, None);
        assert_eq!(run.code, 0, "{args:?}");
        assert!(run.out.contains("ending-well check FILE..."), "{args:?}");
        assert!(run.out.contains("ending-well schema"), "{args:?}");
        assert_eq!(run.err, "");
    }
    for (args, message) in [
        (&["frobnicate"][..], "unknown command \"frobnicate\""),
        (&["check"], "name the questionnaire files to check"),
        (
            &["check", "--strict", "x.json"],
            "unknown option \"--strict\"",
        ),
        (&["schema", "extra"], "\"schema\" takes nothing after it"),
        (
            &["first-screen", "extra"],
            "\"first-screen\" takes nothing after it",
        ),
        (
            &["language-pack"],
            "\"language-pack\" takes one language tag, such as es",
        ),
        (
            &["language-pack", "en"],
            "\"en\" is not a built-in language shipped apart: English always ships with the \
             module, and the others are es",
        ),
        (
            &["language-pack", "fr"],
            "\"fr\" is not a built-in language shipped apart",
        ),
    ] {
        let run = ending_well(args, None);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(run.out, "", "{args:?}");
        assert!(run.err.contains(message), "{args:?}: {}", run.err);
        assert!(run.err.contains("Usage:"), "{args:?}");
    }
}

#[test]
fn schema_command_prints_the_schema() {
    let run = ending_well(&["schema"], None);
    assert_eq!(run.code, 0, "{}", run.err);
    let printed: Value = serde_json::from_str(&run.out).expect("the schema is JSON");
    assert_eq!(
        printed["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(printed, questionnaire_schema());
    // Pretty-printed, for people to read.
    assert!(run.out.lines().count() > 100);
}

#[test]
fn first_screen_command_prints_the_introduction_in_each_built_in_language() {
    let run = ending_well(&["first-screen"], None);
    assert_eq!(run.code, 0, "{}", run.err);
    let printed: Value = serde_json::from_str(&run.out).expect("the words are JSON");
    let built_in: Value = serde_json::from_str(BUILT_IN).unwrap();
    for language in ["en", "es"] {
        let words = &printed[language];
        // The questionnaire's own title and introduction, in that language.
        assert_eq!(words["title"], built_in["title"][language], "{language}");
        assert_eq!(
            words["paragraphs"][0], built_in["intro"][0][language],
            "{language}"
        );
        assert_eq!(words["languages"].as_array().unwrap().len(), 2);
    }
    assert_eq!(printed["en"]["leavePage"], "Leave this page");
    assert_eq!(printed["es"]["leavePage"], "Salir de esta página");
}

#[test]
fn language_pack_command_prints_the_spanish_that_puts_every_built_in_file_back_together() {
    let run = ending_well(&["language-pack", "es"], None);
    assert_eq!(run.code, 0, "{}", run.err);
    let pack: Value = serde_json::from_str(&run.out).expect("the pack is JSON");
    assert_eq!(pack["language"], "es");
    let interface: Value = serde_json::from_str(include_str!("../locales/es.json")).unwrap();
    assert_eq!(
        pack["interface"], interface,
        "the Spanish interface file, whole"
    );
    for (name, file) in [
        ("full", BUILT_IN),
        (
            "short",
            include_str!("../questionnaires/ending-therapy-short.json"),
        ),
    ] {
        let whole: Value = serde_json::from_str(file).unwrap();
        let mut without = whole.clone();
        let taken = take_out(&mut without, "es");
        // Only the title keeps its Spanish, so the file still offers Spanish, and it still reads.
        assert!(
            !without.to_string().contains("¿"),
            "{name}: no Spanish question is left"
        );
        assert_eq!(without["title"]["es"], whole["title"]["es"], "{name}");
        assert_eq!(
            Questionnaire::from_value(&without).unwrap().languages,
            ["en", "es"],
            "{name}"
        );
        let texts: Vec<(String, String)> = pack["questionnaires"][name]
            .as_array()
            .unwrap()
            .iter()
            .map(|pair| {
                let at = pair[0].as_str().unwrap().to_owned();
                (at, pair[1].as_str().unwrap().to_owned())
            })
            .collect();
        assert_eq!(texts, taken, "{name}: the pack holds what was taken out");
        assert!(texts.len() > 50, "{name}: {} texts", texts.len());
        assert_eq!(put_back(&mut without, "es", &texts), Vec::<String>::new());
        assert_eq!(without, whole, "{name}: put back, the file is whole again");
    }
}

/// The schema, compiled once for all the tests.
fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
        jsonschema::validator_for(&questionnaire_schema()).expect("the schema compiles")
    });
    &VALIDATOR
}

/// The schema's complaints about a document, as "instance path: message" lines.
fn schema_errors(document: &Value) -> Vec<String> {
    validator()
        .iter_errors(document)
        .map(|error| format!("{}: {error}", error.instance_path))
        .collect()
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = questionnaire_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["$id"].is_string());
    assert!(schema["title"].is_string());
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!(
            "not a valid draft 2020-12 schema: {error} at {}",
            error.instance_path
        );
    }
    // Compiling it resolves every $ref: none may need the network.
    assert!(jsonschema::validator_for(&schema).is_ok());
}

#[test]
fn valid_questionnaires_match_the_schema() {
    for (name, text) in [("ending-therapy.json", BUILT_IN), ("small.json", SMALL)] {
        let document: Value = serde_json::from_str(text).unwrap();
        assert!(Questionnaire::from_value(&document).is_ok(), "{name}");
        let errors = schema_errors(&document);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn broken_questionnaire_does_not_match_the_schema() {
    let document: Value = serde_json::from_str(BROKEN).unwrap();
    let errors = schema_errors(&document);
    assert!(!validator().is_valid(&document));
    // The mistakes the schema can see on its own, without looking up ids: (where, what).
    let expected = [
        ("", "'colour' was unexpected"),
        ("/sections/0/questions/0/options", "less than 1 item"),
        ("/sections/0/questions/6", "\"text\" is a required property"),
        (
            "/sections/0/questions/7/text",
            "not valid under any of the schemas",
        ),
        ("/sections/0/questions/7", "'hnt' was unexpected"),
    ];
    for (path, what) in expected {
        assert!(
            errors
                .iter()
                .any(|error| error.starts_with(&format!("{path}: ")) && error.contains(what)),
            "nothing about {what} at {path:?} in {errors:#?}"
        );
    }
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
}

/// The words in quotes in a message.
fn quoted_words(message: &str) -> Vec<String> {
    message
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The one problem of a questionnaire whose only question is `question`.
fn only_problem_with(question: Value) -> String {
    let problems = Questionnaire::from_value(&with_questions(json!([question]))).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems[0].message.clone()
}

#[test]
fn the_schema_lists_exactly_the_readers_kinds() {
    // The reader names every kind it accepts when it meets one it does not.
    let message = only_problem_with(json!({ "id": "q", "kind": "zzz", "text": "Q" }));
    let (_, list) = message.split_once("use one of ").expect(&message);
    let reader_kinds: Vec<&str> = list.split(", ").collect();

    let schema = questionnaire_schema();
    let kinds: Vec<&str> = schema["$defs"]["question"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|kind| kind.as_str().unwrap())
        .collect();
    assert_eq!(kinds, reader_kinds);

    let branches: Vec<&str> = schema["$defs"]["question"]["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|branch| {
            branch["if"]["properties"]["kind"]["const"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(branches, reader_kinds, "one if/then branch per kind");
}

#[test]
fn the_schema_lists_exactly_the_readers_conditions() {
    let message =
        only_problem_with(json!({ "id": "q", "kind": "short_text", "text": "Q", "show_if": {} }));
    let reader_names = quoted_words(&message);
    let schema = questionnaire_schema();
    let condition = &schema["$defs"]["condition"];
    let names: Vec<&String> = condition["properties"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    let mut sorted = reader_names.clone();
    sorted.sort();
    assert_eq!(names, sorted.iter().collect::<Vec<_>>());
    assert_eq!(condition["minProperties"], 1);
    assert_eq!(condition["maxProperties"], 1);
}

/// A sample value for a field, acceptable wherever the field is allowed.
fn sample(field: &str) -> Value {
    match field {
        "id" => json!("probe"),
        "text" | "summary" | "hint" | "other" | "min_label" | "max_label" | "title" | "label" => {
            json!("Some text")
        }
        "intro" => json!("A paragraph"),
        "show_if" | "support_when" | "safety_when" => json!({ "answered": "first" }),
        "options" => json!([{ "id": "x", "label": "X" }]),
        "not_sure" | "prefer_not_to_say" | "private" => json!(true),
        "last_session" => json!(["first"]),
        "min" => json!(0),
        "max" => json!(10),
        "for" => json!("future_self"),
        "minutes" => json!(15),
        "language" => json!("es"),
        "plan" => json!({ "early_signs": ["first"] }),
        "notes" => json!({ "helped": ["first"] }),
        "colour" => json!("blue"),
        other => panic!("no sample value for field \"{other}\": add one"),
    }
}

/// Whether the reader and the schema both accept, or both refuse, a document; returns the
/// reader's verdict.
fn agree(document: &Value, what: &str) -> bool {
    let reader = Questionnaire::from_value(document);
    let schema = validator().is_valid(document);
    assert_eq!(
        reader.is_ok(),
        schema,
        "{what}: reader says {:?}, schema says {:?}",
        reader.err(),
        schema_errors(document)
    );
    schema
}

fn names(value: &Value) -> Vec<String> {
    match value {
        Value::Object(map) => map.keys().cloned().collect(),
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().unwrap().to_owned())
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn reader_and_schema_agree_on_each_kinds_fields() {
    let schema = questionnaire_schema();
    let branches = schema["$defs"]["question"]["allOf"].as_array().unwrap();
    // Every field any kind takes, and one no kind takes.
    let mut every_field: Vec<String> = branches
        .iter()
        .flat_map(|branch| names(&branch["then"]["properties"]))
        .collect();
    every_field.push("colour".to_owned());
    every_field.sort();
    every_field.dedup();

    for branch in branches {
        let kind = branch["if"]["properties"]["kind"]["const"]
            .as_str()
            .unwrap();
        let allowed = names(&branch["then"]["properties"]);
        // The fields every question needs, then this kind's.
        let mut required = names(&schema["$defs"]["question"]["required"]);
        required.extend(names(&branch["then"]["required"]));
        let mut minimal = json!({ "kind": kind });
        for field in &required {
            if field != "kind" {
                minimal[field] = sample(field);
            }
        }
        assert!(agree(&with_questions(json!([minimal.clone()])), kind));

        for field in &every_field {
            if minimal.get(field).is_some() {
                continue;
            }
            let mut question = minimal.clone();
            question[field] = sample(field);
            let accepted = agree(
                &with_questions(json!([question])),
                &format!("{kind} + {field}"),
            );
            assert_eq!(accepted, allowed.contains(field), "{kind} + {field}");
        }
        for field in &required {
            let mut question = minimal.clone();
            question.as_object_mut().unwrap().remove(field);
            let accepted = agree(
                &with_questions(json!([question])),
                &format!("{kind} - {field}"),
            );
            assert!(!accepted, "{kind} without {field}");
        }
    }
}

#[test]
fn reader_and_schema_agree_on_the_other_fields() {
    let schema = questionnaire_schema();
    let base = with_questions(json!([{ "id": "last", "kind": "short_text", "text": "Q" }]));
    assert!(agree(&base, "base"));

    // Each object: where it is in `base`, and its schema.
    let objects = [
        ("", &schema),
        ("/sections/0", &schema["$defs"]["section"]),
        (
            "/sections/0/questions/0/options/0",
            &schema["$defs"]["option"],
        ),
    ];
    for (pointer, object_schema) in objects {
        let allowed = names(&object_schema["properties"]);
        let required = names(&object_schema["required"]);
        assert_eq!(object_schema["additionalProperties"], false, "{pointer}");
        let mut candidates = allowed.clone();
        candidates.push("colour".to_owned());
        for field in &candidates {
            let mut document = base.clone();
            let object = document.pointer_mut(pointer).unwrap();
            if object.get(field).is_some() {
                continue;
            }
            object[field] = match (pointer, field.as_str()) {
                ("", "intro") => json!(["A paragraph", "Another"]),
                _ => sample(field),
            };
            let accepted = agree(&document, &format!("{pointer} + {field}"));
            assert_eq!(accepted, allowed.contains(field), "{pointer} + {field}");
        }
        for field in &required {
            let mut document = base.clone();
            let object = document.pointer_mut(pointer).unwrap();
            object.as_object_mut().unwrap().remove(field);
            assert!(!agree(&document, &format!("{pointer} - {field}")));
        }
    }

    // The plan's and the notes' lists.
    for (part, count) in [("plan", 9), ("notes", 6)] {
        let lists = names(&schema["properties"][part]["properties"]);
        assert_eq!(lists.len(), count, "{part}");
        for list in lists.iter().map(String::as_str).chain(["colour"]) {
            let mut document = base.clone();
            // The notes' one field that is not a list: when thanks open the note.
            document[part] = if list == "grateful_when" {
                json!({ list: { "answered": "first" } })
            } else {
                json!({ list: ["first", "last"] })
            };
            let accepted = agree(&document, &format!("{part}.{list}"));
            assert_eq!(accepted, list != "colour", "{part}.{list}");
        }
    }

    // Each kind of condition, written correctly, and a reserved option id.
    let conditions = [
        json!({ "answered": "first" }),
        json!({ "equals": { "question": "first", "value": "yes" } }),
        json!({ "equals": { "question": "scale", "value": 3 } }),
        json!({ "includes": { "question": "many", "value": "a" } }),
        json!({ "any": [{ "answered": "first" }, { "answered": "many" }] }),
        json!({ "all": [{ "answered": "first" }] }),
        json!({ "not": { "answered": "first" } }),
    ];
    for condition in conditions {
        let mut document = base.clone();
        document["support_when"] = condition.clone();
        assert!(agree(&document, &condition.to_string()));
    }
    let mistakes = [
        json!({}),
        json!({ "answered": "first", "not": { "answered": "first" } }),
        json!({ "anwsered": "first" }),
        json!({ "any": [] }),
        json!({ "equals": { "question": "first" } }),
        json!({ "equals": { "question": "first", "value": "yes", "extra": 1 } }),
    ];
    for condition in mistakes {
        let mut document = base.clone();
        document["support_when"] = condition.clone();
        assert!(!agree(&document, &condition.to_string()));
    }
    for id in ["not-sure", "prefer-not-to-say", "1st", "has space"] {
        let mut document = base.clone();
        document["sections"][0]["questions"][0]["options"][0]["id"] = json!(id);
        assert!(!agree(&document, id));
    }
}
