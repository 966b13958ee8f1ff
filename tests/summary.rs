//! The summary: the client's own words by section, skipped and hidden questions left out.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, rate, small, tick, write, write_other};
use ending_well::Shown;

#[test]
fn answers_appear_in_words_by_section() {
    let mut model = small();
    choose(&mut model, "who-decided", "together");
    tick(&mut model, "feelings", "relief", true);
    tick(&mut model, "feelings", "sadness", true);
    write_other(&mut model, "feelings", "  Proud  ");
    rate(&mut model, "strength", 7);
    write(
        &mut model,
        "note-therapist",
        "Thank you.\n\nI will miss this.",
    );

    let summary = model.summary();
    assert_eq!(summary.title, "A short reflection");
    let titles: Vec<&str> = summary.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["How the ending came about", "Feelings", "Notes"]);

    let answers: Vec<(&str, &Shown)> = summary
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|item| (item.text.as_str(), &item.answer))
        .collect();
    assert_eq!(
        answers,
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
                    "Something else: Proud".into()
                ])
            ),
            (
                "How strong are these feelings?",
                &Shown::Text("7, on a scale from 0 (Very mild) to 10 (Very strong)".into())
            ),
            (
                "A note to your therapist",
                &Shown::Text("Thank you.\n\nI will miss this.".into())
            ),
        ]
    );
    assert_eq!(summary.skipped, 1, "only weeks-known was left");
}

#[test]
fn hidden_answers_stay_out_of_the_summary() {
    let mut model = small();
    choose(&mut model, "who-decided", "therapist");
    write(&mut model, "therapist-decided", "This is private now");
    choose(&mut model, "who-decided", "me");
    let summary = model.summary();
    let texts: Vec<String> = summary
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|item| format!("{:?}", item.answer))
        .collect();
    assert!(
        texts.iter().all(|t| !t.contains("This is private now")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("Me")));
}

#[test]
fn an_empty_session_has_an_empty_summary_that_counts_the_skipped() {
    let summary = small().summary();
    assert!(summary.sections.is_empty());
    assert_eq!(summary.skipped, 5);
}
