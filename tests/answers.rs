//! What each kind of answer does to the session.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, option, q, send, small, tick, write};
use ending_well::{Answer, Effect, Msg};

fn choices(model: &ending_well::Model, question: &str) -> Option<Answer> {
    model.answers().get(q(model, question)).cloned()
}

#[test]
fn prefer_not_to_say_stands_alone_in_a_multiple_choice() {
    let mut model = small();
    tick(&mut model, "feelings", "relief", true);
    tick(&mut model, "feelings", "sadness", true);
    let effects = tick(&mut model, "feelings", "not-sure", true);
    assert_eq!(
        choices(&model, "feelings"),
        Some(Answer::Choices {
            selected: vec![option(&model, "feelings", "not-sure")],
            other: None
        })
    );
    let question = q(&model, "feelings");
    assert!(
        effects.contains(&Effect::SyncInputs { question }),
        "the page must untick the boxes it cannot know about"
    );

    // Ticking an ordinary feeling again clears "not sure".
    tick(&mut model, "feelings", "anger", true);
    assert_eq!(
        choices(&model, "feelings"),
        Some(Answer::Choices {
            selected: vec![option(&model, "feelings", "anger")],
            other: None
        })
    );
}

#[test]
fn something_else_keeps_its_text_and_unticking_everything_is_no_answer() {
    let mut model = small();
    let question = q(&model, "feelings");
    send(
        &mut model,
        [
            Msg::OtherToggled {
                question,
                checked: true,
            },
            Msg::OtherTextChanged {
                question,
                text: "Homesick, oddly".into(),
            },
        ],
    );
    assert_eq!(
        choices(&model, "feelings"),
        Some(Answer::Choices {
            selected: vec![],
            other: Some("Homesick, oddly".into())
        })
    );
    send(
        &mut model,
        [Msg::OtherToggled {
            question,
            checked: false,
        }],
    );
    assert_eq!(choices(&model, "feelings"), None);
}

#[test]
fn blank_text_is_no_answer() {
    let mut model = small();
    write(&mut model, "weeks-known", "Six weeks");
    assert!(choices(&model, "weeks-known").is_some());
    write(&mut model, "weeks-known", "  \n ");
    assert_eq!(choices(&model, "weeks-known"), None);
}

#[test]
fn a_chosen_radio_can_be_cleared() {
    let mut model = small();
    choose(&mut model, "who-decided", "me");
    let question = q(&model, "who-decided");
    let effects = send(&mut model, [Msg::AnswerCleared { question }]);
    assert_eq!(choices(&model, "who-decided"), None);
    assert!(effects.contains(&Effect::SyncInputs { question }));
    assert!(effects.contains(&Effect::FocusQuestion(question)));
    assert!(effects.contains(&Effect::Announce("Answer cleared".into())));
}

#[test]
fn messages_that_do_not_fit_the_question_change_nothing() {
    let mut model = small();
    let text_question = q(&model, "weeks-known");
    let scale = q(&model, "strength");
    let before = model.answers().clone();
    for msg in [
        Msg::OptionChosen {
            question: text_question,
            option: 0,
        },
        Msg::OptionChosen {
            question: q(&model, "who-decided"),
            option: 99,
        },
        Msg::ScalePointChosen {
            question: scale,
            value: 11,
        },
        Msg::TextChanged {
            question: scale,
            text: "words".into(),
        },
        Msg::TextChanged {
            question: 9999,
            text: "words".into(),
        },
        Msg::OtherTextChanged {
            question: q(&model, "feelings"),
            text: "not ticked".into(),
        },
        Msg::AnswerCleared {
            question: text_question,
        },
    ] {
        assert_eq!(send(&mut model, [msg.clone()]), vec![], "{msg:?}");
    }
    assert_eq!(model.answers(), &before);
}

#[test]
fn a_revealed_follow_up_is_announced() {
    let mut model = small();
    send(&mut model, [Msg::StartClicked]);
    let effects = choose(&mut model, "who-decided", "therapist");
    assert!(effects.contains(&Effect::Refresh));
    assert!(effects.contains(&Effect::Announce(
        "A follow-up question appeared below.".into()
    )));
    // Typing does not announce anything.
    let effects = write(&mut model, "weeks-known", "A month");
    assert_eq!(effects, vec![Effect::Refresh]);
    // Typing on in a text already answered changes nothing else on screen: no work at all.
    let effects = write(&mut model, "weeks-known", "A month or so");
    assert_eq!(effects, vec![]);
    assert_eq!(
        model.answers().get(q(&model, "weeks-known")),
        Some(&Answer::Text("A month or so".into()))
    );
}

#[test]
fn ticked_options_keep_the_questions_order_whatever_order_they_are_ticked_in() {
    let mut model = small();
    for feeling in ["sadness", "anger", "relief", "anger"] {
        tick(&mut model, "feelings", feeling, true);
    }
    let mut expected: Vec<usize> = ["relief", "sadness", "anger"]
        .iter()
        .map(|feeling| option(&model, "feelings", feeling))
        .collect();
    expected.sort_unstable();
    assert_eq!(
        choices(&model, "feelings"),
        Some(Answer::Choices {
            selected: expected,
            other: None
        })
    );
}
