//! Which questions show, as answers change: conditions look back, hidden answers are kept.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, q, send, shown, small, tick, write};
use ending_well::{Answer, Msg};

#[test]
fn unconditional_questions_show_and_follow_ups_wait() {
    let model = small();
    assert!(shown(&model, "who-decided"));
    assert!(shown(&model, "strength"));
    assert!(!shown(&model, "therapist-decided"));
    assert!(!shown(&model, "sadness-note"));
    assert!(!shown(&model, "anger-about"));
    assert!(!shown(&model, "anger-more-text"));
}

#[test]
fn equals_shows_a_follow_up_for_one_option_only() {
    let mut model = small();
    choose(&mut model, "who-decided", "therapist");
    assert!(shown(&model, "therapist-decided"));
    choose(&mut model, "who-decided", "together");
    assert!(!shown(&model, "therapist-decided"));
}

#[test]
fn includes_shows_information_for_a_ticked_feeling() {
    let mut model = small();
    tick(&mut model, "feelings", "relief", true);
    assert!(!shown(&model, "sadness-note"));
    tick(&mut model, "feelings", "sadness", true);
    assert!(shown(&model, "sadness-note"));
    tick(&mut model, "feelings", "sadness", false);
    assert!(!shown(&model, "sadness-note"));
}

#[test]
fn all_and_not_combine() {
    let mut model = small();
    tick(&mut model, "feelings", "anger", true);
    assert!(
        shown(&model, "anger-about"),
        "anger ticked, nothing refused"
    );
    choose(&mut model, "who-decided", "prefer-not-to-say");
    assert!(!shown(&model, "anger-about"), "the 'not' part now fails");
    choose(&mut model, "who-decided", "me");
    assert!(shown(&model, "anger-about"));
}

#[test]
fn any_holds_when_one_branch_holds() {
    let mut model = small();
    let strength = q(&model, "strength");
    for (value, expected) in [(8, false), (9, true), (10, true), (0, false)] {
        send(
            &mut model,
            [Msg::ScalePointChosen {
                question: strength,
                value,
            }],
        );
        assert_eq!(
            shown(&model, "strong-feelings"),
            expected,
            "strength {value}"
        );
    }
}

#[test]
fn answered_follows_a_chain_and_hidden_answers_count_as_none() {
    let mut model = small();
    tick(&mut model, "feelings", "anger", true);
    write(&mut model, "anger-about", "It ended too soon");
    assert!(shown(&model, "anger-more-text"));

    // Unticking anger hides "anger-about"; its answer is kept but no longer counts, so the
    // question that depends on it hides too.
    tick(&mut model, "feelings", "anger", false);
    assert!(!shown(&model, "anger-about"));
    assert!(!shown(&model, "anger-more-text"));
    assert_eq!(
        model.answers().get(q(&model, "anger-about")),
        Some(&Answer::Text("It ended too soon".into()))
    );

    // Ticking it again brings both back, with the words still there.
    tick(&mut model, "feelings", "anger", true);
    assert!(shown(&model, "anger-more-text"));
}
