//! Drafts: answers keyed by ids, and the versioned envelope that carries them encrypted.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, fixture, rate, small, tick, write, write_other};
use ending_well::answers::draft::{
    decode, encode, pad, DraftProblem, Envelope, ENVELOPE_VERSION, ITERATIONS,
};
use ending_well::{Model, Msg, Questionnaire};

fn envelope() -> Envelope {
    Envelope {
        version: 1,
        questionnaire: None,
        iterations: ITERATIONS,
        salt: vec![7; 16],
        iv: vec![9; 12],
        ciphertext: vec![1; 40],
    }
}

#[test]
fn every_kind_of_answer_round_trips() {
    let mut model = small();
    choose(&mut model, "who-decided", "therapist");
    write(&mut model, "therapist-decided", "Sudden.\nBut fair.");
    tick(&mut model, "feelings", "anger", true);
    write_other(&mut model, "feelings", "Tired");
    rate(&mut model, "strength", 3);
    let text = encode(model.questionnaire(), model.answers(), Some(1));
    let restored = decode(model.questionnaire(), &text).unwrap();
    assert_eq!(&restored.answers, model.answers());
    assert_eq!(restored.section, Some(1));
    assert_eq!(restored.left_out, 0);
    assert!(
        text.contains("\"who-decided\":\"therapist\""),
        "keyed by ids: {text}"
    );
}

#[test]
fn answers_that_no_longer_fit_are_counted_not_guessed() {
    let questionnaire = fixture("small");
    let text = r#"{"questionnaire":"small","section":99,"answers":{
        "who-decided":"moved-away","gone":"text","strength":42,"weeks-known":"Two weeks"}}"#;
    let restored = decode(&questionnaire, text).unwrap();
    assert_eq!(restored.left_out, 3);
    assert_eq!(restored.section, None);
    assert!(restored
        .answers
        .get(q_of(&questionnaire, "weeks-known"))
        .is_some());
}

fn q_of(questionnaire: &ending_well::Questionnaire, id: &str) -> usize {
    questionnaire.question_index(id).unwrap()
}

#[test]
fn a_draft_from_another_questionnaire_is_refused() {
    let questionnaire = fixture("small");
    assert_eq!(
        decode(&questionnaire, r#"{"questionnaire":"other","answers":{}}"#),
        Err(DraftProblem::OtherQuestionnaire("other".into()))
    );
    assert_eq!(
        decode(&questionnaire, "{\"answers\""),
        Err(DraftProblem::Damaged)
    );
}

#[test]
fn the_envelope_round_trips_with_its_fields() {
    let json = envelope().to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    for field in ["v", "kdf", "iter", "salt", "iv", "ct"] {
        assert!(value.get(field).is_some(), "{field} in {json}");
    }
    assert_eq!(value["kdf"], "PBKDF2-SHA256");
    assert_eq!(Envelope::from_json(&json), Ok(envelope()));
}

#[test]
fn damaged_foreign_and_future_envelopes_are_told_apart() {
    let good = envelope().to_json();
    let cases = [
        (good[..good.len() / 2].to_owned(), DraftProblem::Damaged),
        ("not json at all".to_owned(), DraftProblem::Damaged),
        ("{\"theme\":\"dark\"}".to_owned(), DraftProblem::Damaged),
        (
            good.replace("\"v\":1", "\"v\":3"),
            DraftProblem::NewerVersion(3),
        ),
        (good.replace("600000", "1000"), DraftProblem::Damaged),
        (
            good.replace("PBKDF2-SHA256", "scrypt"),
            DraftProblem::Damaged,
        ),
    ];
    for (text, problem) in cases {
        assert_eq!(Envelope::from_json(&text), Err(problem), "{text}");
    }
}

#[test]
fn choices_about_bringing_and_cleared_notes_come_back_from_a_draft() {
    let mut model = Model::new(Questionnaire::default_questionnaire().unwrap());
    write(&mut model, "proud-of", "Going back to work");
    let proud = q_of(model.questionnaire(), "proud-of");
    let feelings = q_of(model.questionnaire(), "feelings");
    let note = q_of(model.questionnaire(), "note-therapist");
    common::send(
        &mut model,
        [
            Msg::BringChosen {
                question: proud,
                bring: true,
            },
            Msg::BringChosen {
                question: feelings,
                bring: false,
            },
            // The client emptied the note's box: it stays empty.
            Msg::TextChanged {
                question: note,
                text: String::new(),
            },
        ],
    );
    let text = encode(model.questionnaire(), model.answers(), None);
    let restored = decode(model.questionnaire(), &text).unwrap();
    assert_eq!(&restored.answers, model.answers(), "{text}");
    assert_eq!(restored.answers.bring(proud), Some(true));
    assert_eq!(restored.answers.bring(feelings), Some(false));
    assert!(
        restored.answers.is_edited(note),
        "a cleared note stays cleared"
    );
    assert_eq!(restored.answers.bring(note), None);
}

#[test]
fn a_note_in_a_draft_saved_before_drafts_followed_the_answers_is_never_written_over() {
    let questionnaire = Questionnaire::default_questionnaire().unwrap();
    let text = r#"{"questionnaire":"ending-therapy","answers":{
        "note-therapist":"My own words","proud-of":"Walking"}}"#;
    let restored = decode(&questionnaire, text).unwrap();
    assert!(restored
        .answers
        .is_edited(q_of(&questionnaire, "note-therapist")));
    assert!(!restored
        .answers
        .is_edited(q_of(&questionnaire, "note-future-self")));
}

#[test]
fn a_note_the_client_wrote_comes_back_from_a_draft() {
    let mut model = Model::new(Questionnaire::default_questionnaire().unwrap());
    write(&mut model, "note-therapist", "Thank you for the Tuesdays.");
    let text = encode(model.questionnaire(), model.answers(), None);
    let restored = decode(model.questionnaire(), &text).unwrap();
    assert_eq!(restored.left_out, 0, "{text}");
    assert_eq!(&restored.answers, model.answers());
}

#[test]
fn a_draft_with_not_sure_ticked_beside_another_option_is_left_out() {
    let model = small();
    let draft = |selected: &str| {
        format!(r#"{{"questionnaire":"small","answers":{{"feelings":{{"selected":{selected}}}}}}}"#)
    };
    let restored = decode(model.questionnaire(), &draft(r#"["relief","not-sure"]"#)).unwrap();
    assert_eq!(restored.left_out, 1);
    assert_eq!(restored.answers.count(), 0);
    let restored = decode(model.questionnaire(), &draft(r#"["not-sure"]"#)).unwrap();
    assert_eq!(
        restored.left_out, 0,
        "on its own it is an answer like any other"
    );
}

#[test]
fn a_file_no_draft_could_be_is_refused_before_any_key_is_derived() {
    let with = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value = serde_json::from_str(&envelope().to_json()).unwrap();
        change(&mut value);
        Envelope::from_json(&value.to_string())
    };
    assert_eq!(with(&|_| {}), Ok(envelope()));
    // Billions of iterations would keep a phone busy for hours.
    assert_eq!(
        with(&|value| value["iter"] = 4_000_000_000_u64.into()),
        Err(DraftProblem::Damaged)
    );
    // A salt longer or shorter than this reflection writes.
    assert_eq!(
        with(&|value| value["salt"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into()),
        Err(DraftProblem::Damaged)
    );
    // Far larger than any draft: refused before it is parsed.
    let huge = format!(
        "{{\"pad\":\"{}\"}}",
        "x".repeat(ending_well::reading::limits::MAX_FILE_BYTES)
    );
    assert_eq!(Envelope::from_json(&huge), Err(DraftProblem::Damaged));
}

#[test]
fn todays_envelope_names_its_questionnaire_and_binds_it_into_the_encryption() {
    let today = Envelope {
        version: ENVELOPE_VERSION,
        questionnaire: Some("ending-therapy".into()),
        ..envelope()
    };
    let text = today.to_json();
    assert!(
        text.contains("\"v\":2") && text.contains("\"q\":\"ending-therapy\""),
        "{text}"
    );
    assert_eq!(Envelope::from_json(&text), Ok(today.clone()));
    assert!(today.normalises_passphrase());
    // Another questionnaire's name is other associated data: the tag would not match.
    let other = Envelope {
        questionnaire: Some("another".into()),
        ..today.clone()
    };
    assert_ne!(today.associated_data(), other.associated_data());
    assert!(today.associated_data().is_some());
    // A version 2 envelope without its questionnaire is not one.
    assert_eq!(
        Envelope::from_json(&text.replace(",\"q\":\"ending-therapy\"", "")),
        Err(DraftProblem::Damaged)
    );
    // The first format still opens, with no associated data and the passphrase as typed.
    let first = envelope();
    assert_eq!(first.associated_data(), None);
    assert!(!first.normalises_passphrase());
    assert_eq!(Envelope::from_json(&first.to_json()), Ok(first));
}

#[test]
fn a_padded_draft_says_little_of_its_length_and_reads_back_as_it_was() {
    let mut model = small();
    let short = encode(model.questionnaire(), model.answers(), None);
    write(&mut model, "weeks-known", &"A longer answer. ".repeat(200));
    let long = encode(model.questionnaire(), model.answers(), None);
    assert_eq!(pad(&short).len(), 4096, "the smallest size");
    assert_eq!(pad(&long).len(), 4096, "a few kilobytes look alike");
    let longer = "x".repeat(5000);
    assert_eq!(pad(&longer).len(), 8192, "then powers of two");
    let restored = decode(model.questionnaire(), &pad(&long)).unwrap();
    assert_eq!(&restored.answers, model.answers());
}
