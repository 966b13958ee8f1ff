//! Moving through the questionnaire: next, back, skip, review, change and summary.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, fixture, q, send, small, tick, write};
use ending_well::format::settings::Settings;
use ending_well::languages::interface::Texts;
use ending_well::view::View;
use ending_well::{view, Effect, Focus, Model, Msg, Notice, Output, Screen};

/// Start, then Continue through the four sections of the small questionnaire (one is passed
/// over), to the review.
fn walk_to_the_review(model: &mut ending_well::Model) {
    send(
        model,
        [
            Msg::StartClicked,
            Msg::NextClicked,
            Msg::NextClicked,
            Msg::NextClicked,
        ],
    );
}

/// The small questionnaire, for a clinic that asked for the page to be told where the client is.
fn small_telling_the_page() -> Model {
    let settings = Settings {
        events: true,
        ..Settings::default()
    };
    Model::with_settings(fixture("small"), settings)
}

#[test]
fn start_next_and_back_walk_the_sections_and_move_focus_to_the_heading() {
    let mut model = small_telling_the_page();
    assert_eq!(model.screen(), Screen::Intro);
    let effects = send(&mut model, [Msg::StartClicked]);
    assert_eq!(model.screen(), Screen::Section(0));
    assert_eq!(
        effects,
        [
            Effect::ShowScreen(Focus::Heading),
            Effect::Announce("Section 1 of 4: How the ending came about".into()),
            Effect::RecordPlace(Screen::Section(0)),
            Effect::Notify(Notice::SectionChanged {
                number: 1,
                count: 4
            })
        ]
    );
    send(&mut model, [Msg::NextClicked]);
    assert_eq!(model.screen(), Screen::Section(1));
    send(&mut model, [Msg::BackClicked]);
    assert_eq!(model.screen(), Screen::Section(0));
    send(&mut model, [Msg::BackClicked]);
    assert_eq!(model.screen(), Screen::Intro);
}

#[test]
fn a_section_with_nothing_to_show_is_passed_over_both_ways() {
    let mut model = small();
    send(
        &mut model,
        [Msg::StartClicked, Msg::NextClicked, Msg::NextClicked],
    );
    assert_eq!(
        model.screen(),
        Screen::Section(3),
        "section 3 has only a hidden question"
    );
    send(&mut model, [Msg::BackClicked]);
    assert_eq!(model.screen(), Screen::Section(1));

    tick(&mut model, "feelings", "anger", true);
    write(&mut model, "anger-about", "The timing");
    send(&mut model, [Msg::NextClicked]);
    assert_eq!(model.screen(), Screen::Section(2), "now it has a question");
}

#[test]
fn skip_moves_on_and_keeps_what_was_answered() {
    let mut model = small();
    send(&mut model, [Msg::StartClicked]);
    write(&mut model, "weeks-known", "Two weeks");
    send(&mut model, [Msg::SkipClicked]);
    assert_eq!(model.screen(), Screen::Section(1));
    assert!(model.answers().get(q(&model, "weeks-known")).is_some());
}

#[test]
fn the_last_section_leads_to_the_review_and_back_returns_to_it() {
    let mut model = small();
    send(
        &mut model,
        [Msg::StartClicked, Msg::NextClicked, Msg::NextClicked],
    );
    let View::Section(section) = view(&model) else {
        panic!("on a section")
    };
    assert_eq!(section.next_label, "Check your answers");
    send(&mut model, [Msg::NextClicked]);
    assert_eq!(model.screen(), Screen::Review);
    send(&mut model, [Msg::BackClicked]);
    assert_eq!(model.screen(), Screen::Section(3));
}

#[test]
fn review_lists_every_shown_question_with_its_answer_or_skipped() {
    let mut model = small();
    choose(&mut model, "who-decided", "therapist");
    write(
        &mut model,
        "therapist-decided",
        "It felt sudden.\nI understand why.",
    );
    walk_to_the_review(&mut model);
    let View::Review(review) = view(&model) else {
        panic!("on the review")
    };
    let rows: Vec<(&str, Option<String>)> = review
        .sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|row| (row.text, row.answer.as_ref().map(|a| format!("{a:?}"))))
        .collect();
    assert_eq!(rows.len(), 6, "{rows:#?}");
    assert_eq!(rows[0].0, "Who decided to end therapy?");
    assert_eq!(rows[0].1.as_deref(), Some("Text(\"My therapist\")"));
    assert_eq!(
        rows[1].1.as_deref(),
        Some("Text(\"It felt sudden.\\nI understand why.\")")
    );
    assert_eq!(rows[2].1, None, "skipped");
    assert!(rows
        .iter()
        .all(|(text, _)| *text != "Sadness at an ending is common."));
}

#[test]
fn change_from_the_review_goes_to_the_question_and_comes_back() {
    let mut model = small();
    walk_to_the_review(&mut model);
    assert_eq!(model.screen(), Screen::Review);
    let strength = q(&model, "strength");
    let effects = send(&mut model, [Msg::ChangeClicked { question: strength }]);
    assert_eq!(model.screen(), Screen::Section(1));
    assert_eq!(effects[0], Effect::ShowScreen(Focus::Question(strength)));
    let View::Section(section) = view(&model) else {
        panic!("on a section")
    };
    assert_eq!(section.next_label, "Save and return to your answers");
    send(
        &mut model,
        [Msg::ScalePointChosen {
            question: strength,
            value: 4,
        }],
    );
    let effects = send(&mut model, [Msg::NextClicked]);
    assert_eq!(model.screen(), Screen::Review);
    assert_eq!(
        effects,
        [
            Effect::ShowScreen(Focus::ChangeButton(strength)),
            Effect::Announce("Check your answers".into()),
            Effect::RecordPlace(Screen::Review)
        ],
        "focus returns to where the client left the review"
    );
    // Once back, the sections go forward as usual again.
    send(
        &mut model,
        [Msg::ChangeClicked { question: strength }, Msg::BackClicked],
    );
    assert_eq!(
        model.screen(),
        Screen::Review,
        "back also returns to the review"
    );
}

#[test]
fn summary_is_reached_from_the_review_and_leads_back_to_it() {
    let mut model = small();
    send(&mut model, [Msg::SummaryClicked]);
    assert_eq!(
        model.screen(),
        Screen::Intro,
        "no summary before the review"
    );
    walk_to_the_review(&mut model);
    send(&mut model, [Msg::SummaryClicked]);
    assert_eq!(model.screen(), Screen::Summary);
    assert_eq!(
        send(&mut model, [Msg::PrintClicked(Output::Bring)]),
        [Effect::Print(Output::Bring)]
    );
    send(&mut model, [Msg::ReviewClicked]);
    assert_eq!(model.screen(), Screen::Review);
}

#[test]
fn progress_counts_answered_of_shown_questions() {
    let mut model = small();
    send(&mut model, [Msg::StartClicked]);
    let progress = |model: &ending_well::Model| match view(model) {
        View::Section(section) => (section.caption, section.progress.text(&Texts::english())),
        other => panic!("not a section: {other:?}"),
    };
    assert_eq!(
        progress(&model),
        ("Section 1 of 4".into(), "0 of 5 questions answered".into())
    );
    choose(&mut model, "who-decided", "therapist");
    assert_eq!(
        progress(&model).1,
        "1 of 6 questions answered",
        "a follow-up appeared"
    );
    write(&mut model, "therapist-decided", "Hard");
    choose(&mut model, "who-decided", "me");
    assert_eq!(
        progress(&model).1,
        "1 of 5 questions answered",
        "the hidden follow-up's answer no longer counts"
    );
}

#[test]
fn back_and_forward_in_the_browser_move_between_the_screens_visited() {
    let mut model = small();
    send(&mut model, [Msg::StartClicked]);
    write(&mut model, "weeks-known", "Two weeks");
    send(&mut model, [Msg::NextClicked]);
    assert_eq!(model.screen(), Screen::Section(1));

    // The browser's Back: the section before, as it was left, and no new entry.
    let effects = send(
        &mut model,
        [Msg::HistoryMoved {
            screen: Screen::Section(0),
        }],
    );
    assert_eq!(model.screen(), Screen::Section(0));
    assert_eq!(effects[0], Effect::ShowScreen(Focus::Heading));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::RecordPlace(_))),
        "the browser already has the entry: {effects:?}"
    );
    assert!(model.answers().get(q(&model, "weeks-known")).is_some());

    // Back again reaches the entry from before the first section: the introduction.
    send(
        &mut model,
        [Msg::HistoryMoved {
            screen: Screen::Intro,
        }],
    );
    assert_eq!(model.screen(), Screen::Intro);
    // Forward twice.
    send(
        &mut model,
        [
            Msg::HistoryMoved {
                screen: Screen::Section(0),
            },
            Msg::HistoryMoved {
                screen: Screen::Section(1),
            },
        ],
    );
    assert_eq!(model.screen(), Screen::Section(1));
}

#[test]
fn history_entries_that_no_longer_fit_are_ignored() {
    let mut model = small();
    send(&mut model, [Msg::StartClicked]);
    // An entry from a longer questionnaire, or one edited by hand, changes nothing.
    let effects = send(
        &mut model,
        [Msg::HistoryMoved {
            screen: Screen::Section(99),
        }],
    );
    assert!(effects.is_empty());
    assert_eq!(model.screen(), Screen::Section(0));
    // Nor does an entry for the screen already showing.
    assert!(send(
        &mut model,
        [Msg::HistoryMoved {
            screen: Screen::Section(0)
        }]
    )
    .is_empty());
}

#[test]
fn moving_in_history_while_changing_an_answer_from_the_review_ends_the_detour() {
    let mut model = small();
    walk_to_the_review(&mut model);
    assert_eq!(model.screen(), Screen::Review);
    let strength = q(&model, "strength");
    send(&mut model, [Msg::ChangeClicked { question: strength }]);
    send(
        &mut model,
        [Msg::HistoryMoved {
            screen: Screen::Review,
        }],
    );
    assert_eq!(model.screen(), Screen::Review);
    assert!(!model.returning_to_review());
    send(
        &mut model,
        [Msg::HistoryMoved {
            screen: Screen::Section(0),
        }],
    );
    send(&mut model, [Msg::NextClicked]);
    assert_eq!(model.screen(), Screen::Section(1), "Next goes on as usual");
}

#[test]
fn the_page_is_told_nothing_unless_the_clinic_asked() {
    let mut model = small();
    let mut effects = Vec::new();
    for msg in [
        Msg::StartClicked,
        Msg::NextClicked,
        Msg::NextClicked,
        Msg::NextClicked,
        Msg::SummaryClicked,
    ] {
        effects.extend(ending_well::update(&mut model, msg));
    }
    assert_eq!(model.screen(), Screen::Summary);
    assert!(!effects
        .iter()
        .any(|effect| matches!(effect, Effect::Notify(_))));

    let mut telling = small_telling_the_page();
    let mut effects = Vec::new();
    for msg in [Msg::StartClicked, Msg::NextClicked] {
        effects.extend(ending_well::update(&mut telling, msg));
    }
    assert!(effects.contains(&Effect::Notify(Notice::SectionChanged {
        number: 2,
        count: 4
    })));
}
