//! The two outputs: "Just for me", the client's own words by section, and "To bring", only what
//! they chose, opening with "For my last session". Hidden answers stay out of both; nothing
//! counts what was skipped.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, q, rate, send, small, tick, write, write_other};
use ending_well::{Model, Msg, Output, Shown, Summary};

fn labels(items: &[ending_well::reflection::summary::SummaryItem]) -> Vec<&str> {
    items.iter().map(|item| item.text.as_str()).collect()
}

fn all_items(summary: &Summary) -> Vec<(&str, &Shown)> {
    summary
        .last_session
        .iter()
        .chain(summary.sections.iter().flat_map(|s| &s.items))
        .map(|item| (item.text.as_str(), &item.answer))
        .collect()
}

fn answered() -> Model {
    let mut model = small();
    choose(&mut model, "who-decided", "together");
    tick(&mut model, "feelings", "relief", true);
    tick(&mut model, "feelings", "sadness", true);
    tick(&mut model, "feelings", "anger", true);
    write_other(&mut model, "feelings", "  Proud  ");
    write(&mut model, "anger-about", "The waiting list");
    rate(&mut model, "strength", 7);
    write(
        &mut model,
        "note-therapist",
        "Thank you.\n\nI will miss this.",
    );
    model
}

#[test]
fn just_for_me_has_every_answer_by_section_under_its_label() {
    let summary = answered().summary(Output::Mine);
    assert_eq!(summary.title, "A short reflection");
    assert_eq!(summary.heading, "Just for me");
    assert!(summary.last_session.is_empty());
    let titles: Vec<&str> = summary.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["How the ending came about", "Feelings", "Notes"]);
    assert_eq!(
        all_items(&summary),
        [
            (
                "Who decided to end therapy?",
                &Shown::Text("We decided together".into())
            ),
            (
                "Which feelings fit?",
                &Shown::List(vec![
                    "Relief".into(),
                    "Sadness".into(),
                    "Anger".into(),
                    "Something else: Proud".into()
                ])
            ),
            (
                "What is the anger about?",
                &Shown::Text("The waiting list".into())
            ),
            // The question's summary label stands in for it.
            (
                "How strong my feelings are",
                &Shown::Text("7, on a scale from 0 (Very mild) to 10 (Very strong)".into())
            ),
            (
                "A note to your therapist",
                &Shown::Text("Thank you.\n\nI will miss this.".into())
            ),
        ]
    );
}

#[test]
fn to_bring_opens_with_the_last_session_and_leaves_out_the_private_and_the_unchosen() {
    let summary = answered().summary(Output::Bring);
    assert_eq!(summary.heading, "To bring");
    // In the order the questionnaire's `last_session` gives; the private anger answer stays
    // out although it is listed there.
    assert_eq!(
        labels(&summary.last_session),
        ["How strong my feelings are", "Which feelings fit?"]
    );
    assert!(summary.sections.is_empty(), "{:?}", summary.sections);
    assert!(summary.plan.is_none());
    let everything = format!("{summary:?}");
    for unchosen in [
        "The waiting list",
        "We decided together",
        "I will miss this.",
    ] {
        assert!(!everything.contains(unchosen), "{unchosen} in {everything}");
    }
}

#[test]
fn the_client_chooses_answer_by_answer_what_goes_into_to_bring() {
    let mut model = answered();
    let bring = |model: &mut Model, id: &str, bring: bool| {
        let question = q(model, id);
        send(model, [Msg::BringChosen { question, bring }]);
    };
    bring(&mut model, "who-decided", true);
    bring(&mut model, "anger-about", true);
    bring(&mut model, "strength", false);
    let summary = model.summary(Output::Bring);
    assert_eq!(
        labels(&summary.last_session),
        ["Which feelings fit?", "What is the anger about?"],
        "a private answer goes in only when the client puts it there"
    );
    assert_eq!(summary.sections.len(), 1);
    assert_eq!(summary.sections[0].title, "More I chose to share");
    assert_eq!(
        labels(&summary.sections[0].items),
        ["Who decided to end therapy?"]
    );
    // "Just for me" keeps everything whatever is chosen.
    assert_eq!(all_items(&model.summary(Output::Mine)).len(), 5);
}

#[test]
fn hidden_answers_stay_out_of_both_outputs() {
    let mut model = small();
    choose(&mut model, "who-decided", "therapist");
    write(&mut model, "therapist-decided", "This is private now");
    let question = q(&model, "therapist-decided");
    send(
        &mut model,
        [Msg::BringChosen {
            question,
            bring: true,
        }],
    );
    choose(&mut model, "who-decided", "me");
    for output in [Output::Mine, Output::Bring] {
        let summary = format!("{:?}", model.summary(output));
        assert!(!summary.contains("This is private now"), "{summary}");
    }
    assert!(format!("{:?}", model.summary(Output::Mine)).contains("Me"));
}

#[test]
fn an_empty_session_has_empty_outputs() {
    for output in [Output::Mine, Output::Bring] {
        let summary = small().summary(output);
        assert!(summary.is_empty());
        assert!(summary.plan.is_none());
    }
}
