//! Every kind of ending, and a safe answer to thoughts of suicide, on the built-in
//! questionnaire: which questions each ending shows, the follow-ups that only make sense after an
//! answer, and the safety response: early, right after its question, announced, never blocking.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{built_in as model, choose, q, send, tick};
use ending_well::view::{view, Response, View};
use ending_well::{Effect, Model, Msg, Output, Screen};

/// The shown questions of the first section, by id, after choosing `ending`.
fn first_section_after(ending: &str) -> Vec<String> {
    let mut model = model();
    choose(&mut model, "who-decided", ending);
    let visible = model.visibility();
    let questionnaire = model.questionnaire();
    questionnaire.sections[0]
        .questions
        .clone()
        .filter(|&index| visible[index])
        .map(|index| questionnaire.questions[index].id.clone())
        .collect()
}

#[test]
fn each_kind_of_ending_gets_the_follow_ups_that_fit_it() {
    let common = ["who-decided", "how-long-known", "right-time"];
    let paths = [
        ("together", vec![]),
        ("my-choice", vec!["my-choice-feelings"]),
        ("therapist-choice", vec!["not-my-choice"]),
        (
            "therapist-leaving",
            vec!["therapist-leaving-info", "not-my-choice"],
        ),
        ("moving-on", vec!["next-therapist-know"]),
        ("ran-out", vec!["ran-out-info", "not-my-choice"]),
        ("no-last-session", vec!["no-last-session-info"]),
    ];
    for (ending, follow_ups) in paths {
        let shown = first_section_after(ending);
        for id in common.iter().chain(&follow_ups) {
            assert!(
                shown.contains(&id.to_string()),
                "{ending}: {id} in {shown:?}"
            );
        }
        for other in [
            "my-choice-feelings",
            "not-my-choice",
            "therapist-leaving-info",
            "next-therapist-know",
            "ran-out-info",
            "no-last-session-info",
        ] {
            if !follow_ups.contains(&other) {
                assert!(!shown.contains(&other.to_string()), "{ending}: not {other}");
            }
        }
    }
    // A therapist who leaves: said plainly that it is not about the client.
    let model = model();
    let info = &model.questionnaire().questions[q(&model, "therapist-leaving-info")];
    assert!(
        info.text.starts_with("This is not about you."),
        "{}",
        info.text
    );
    // Without a last session, the reflection does not pretend there is one.
    assert!(!first_section_after("no-last-session").contains(&"ending-over-time".to_owned()));
}

#[test]
fn moving_to_another_therapist_offers_the_third_note() {
    let mut model = model();
    let note = q(&model, "note-next-therapist");
    assert!(!model.visibility()[note]);
    choose(&mut model, "who-decided", "moving-on");
    assert!(model.visibility()[note]);
}

#[test]
fn follow_ups_ask_only_what_makes_sense_after_an_answer() {
    let mut model = model();
    let strength = q(&model, "feelings-strength");
    let credit = q(&model, "change-credit");
    assert!(!model.visibility()[strength], "no feeling chosen yet");
    assert!(!model.visibility()[credit], "no change noticed yet");
    tick(&mut model, "feelings", "sadness", true);
    assert!(model.visibility()[strength]);
    tick(&mut model, "what-changed", "no-change", true);
    assert!(
        !model.visibility()[credit],
        "nothing changed: nothing to credit"
    );
    tick(&mut model, "what-changed", "no-change", false);
    tick(&mut model, "what-changed", "thoughts", true);
    assert!(model.visibility()[credit]);
}

#[test]
fn no_one_to_turn_to_gets_a_gentle_follow_up() {
    let mut model = model();
    let find = q(&model, "support-find");
    assert!(!model.visibility()[find]);
    tick(&mut model, "support-people", "no-one", true);
    assert!(model.visibility()[find]);
}

/// Opens the section of question `id` from the start.
fn open_section_of(model: &mut Model, id: &str) -> usize {
    let section = model.questionnaire().questions[q(model, id)].section;
    send(model, [Msg::StartClicked]);
    while model.screen() != Screen::Section(section) {
        send(model, [Msg::NextClicked]);
    }
    section
}

#[test]
fn thoughts_of_suicide_get_their_own_response_right_after_the_question_early_on() {
    let mut model = model();
    let question = q(&model, "harm-thoughts");
    let section = open_section_of(&mut model, "harm-thoughts");
    let sections = model.questionnaire().sections.len();
    assert!(
        section < sections / 2,
        "asked early: section {} of {sections}",
        section + 1
    );
    let placed = |model: &Model| {
        let View::Section(view) = view(model) else {
            panic!("a section")
        };
        view.support
            .iter()
            .map(|inline| (inline.response, inline.after, inline.shown))
            .collect::<Vec<_>>()
    };
    assert_eq!(placed(&model), [(Response::Safety, question, false)]);

    let effects = choose(&mut model, "harm-thoughts", "sometimes");
    assert_eq!(placed(&model), [(Response::Safety, question, true)]);
    let said = Effect::Announce(model.texts().safety_shown().clone());
    assert!(effects.contains(&said), "{effects:?}");
    choose(&mut model, "harm-thoughts", "now");
    assert!(placed(&model)[0].2);
    for calm in ["no", "prefer-not-to-say"] {
        choose(&mut model, "harm-thoughts", calm);
        assert!(!placed(&model)[0].2, "{calm}");
    }

    // It never blocks, is never a score, and stays the client's: not in "To bring" or a note.
    choose(&mut model, "harm-thoughts", "now");
    send(&mut model, [Msg::NextClicked]);
    assert_eq!(model.screen(), Screen::Section(section + 1));
    let bring = format!("{:?}", model.summary(Output::Bring));
    assert!(!bring.contains("strong right now"), "{bring}");
    assert!(model.questionnaire().questions[question].private);
}

#[test]
fn the_safety_response_says_what_the_page_cannot_do_and_never_asks_to_wait() {
    for language in ["en", "es"] {
        let texts = ending_well::languages::interface::Texts::for_language(language, &Vec::new());
        let response = [
            &texts.safety_heading(),
            &texts.safety_cannot_alert(),
            &texts.safety_tell_someone(),
            &texts.safety_therapist(),
            &texts.safety_timing(),
        ]
        .map(|text| text.to_lowercase())
        .join(" ");
        for never in [
            "whenever you are ready",
            "cuando estés list",
            "score",
            "puntuación",
        ] {
            assert!(!response.contains(never), "{language}: {never}");
        }
    }
    let texts = ending_well::languages::interface::Texts::english();
    assert!(texts.safety_cannot_alert().contains("cannot alert anyone"));
    assert!(texts.safety_tell_someone().contains("today"));
    assert!(texts.safety_tell_someone().contains("suicide"));
    assert!(texts
        .safety_therapist()
        .contains("before your last session"));
}
