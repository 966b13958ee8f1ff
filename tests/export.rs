//! The outputs as files: plain text and a self-contained HTML page.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, rate, small, tick, write};
use ending_well::format::settings::Settings;
use ending_well::languages::interface::Texts;
use ending_well::reflection::export::{to_html, to_plain_text};
use ending_well::{Model, Output};
use serde_json::json;

#[test]
fn plain_text_reads_like_the_screen() {
    let mut model = small();
    choose(&mut model, "who-decided", "together");
    tick(&mut model, "feelings", "relief", true);
    tick(&mut model, "feelings", "sadness", true);
    rate(&mut model, "strength", 3);
    write(&mut model, "note-therapist", "Thank you.\nSee you soon.");
    let text = to_plain_text(&model.summary(Output::Mine), &Texts::english());
    assert_eq!(
        text,
        "Just for me: A short reflection\n===============================\n\
         Everything you wrote, with your staying-well plan. It is yours: keep it somewhere private.\n\
         \n\
         How the ending came about\n-------------------------\n\
         \n\
         Who decided to end therapy?\n  We decided together\n\
         \n\
         Feelings\n--------\n\
         \n\
         Which feelings fit?\n  - Relief\n  - Sadness\n\
         \n\
         How strong my feelings are\n  3, on a scale from 0 (Very mild) to 10 (Very strong)\n\
         \n\
         Notes\n-----\n\
         \n\
         A note to your therapist\n  Thank you.\n  See you soon.\n\
         \n\
         Written on this device with Ending Well. Nothing was sent anywhere.\n"
    );
    let text = to_plain_text(&model.summary(Output::Bring), &Texts::english());
    assert_eq!(
        text,
        "To bring: A short reflection\n============================\n\
         Only what you chose to bring. To change it, tick or untick \"To bring\" on the review page.\n\
         \n\
         For my last session\n-------------------\n\
         \n\
         How strong my feelings are\n  3, on a scale from 0 (Very mild) to 10 (Very strong)\n\
         \n\
         Which feelings fit?\n  - Relief\n  - Sadness\n\
         \n\
         Written on this device with Ending Well. Nothing was sent anywhere.\n"
    );
}

#[test]
fn the_clinic_is_named_at_the_top_of_both_files() {
    let settings = Settings::from_value(&json!({ "clinic": "Riverside Counselling" })).unwrap();
    let mut model = Model::with_settings(common::fixture("small"), settings);
    rate(&mut model, "strength", 3);
    for output in [Output::Bring, Output::Mine] {
        let summary = model.summary(output);
        let text = to_plain_text(&summary, &Texts::english());
        assert!(text.starts_with("Riverside Counselling\n"), "{text}");
        let html = to_html(&summary, &Texts::english());
        assert!(
            html.contains("<main>\n<p class=\"clinic\">Riverside Counselling</p>"),
            "{html}"
        );
    }
}

#[test]
fn html_escapes_everything_and_loads_nothing() {
    let mut model = small();
    let payload = "<script>alert(1)</script> & \"quotes\" 'too' <img src=x onerror=alert(2)>";
    write(&mut model, "weeks-known", payload);
    let html = to_html(&model.summary(Output::Mine), &Texts::english());
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39; \
         &lt;img src=x onerror=alert(2)&gt;"
    ));
    assert!(
        !html.contains("<script"),
        "no script element, not even the client's"
    );
    assert!(!html.contains("<img"));
    for remote in ["http:", "https:", "src=\"", "href="] {
        assert!(
            !html.contains(remote),
            "the file refers to nothing outside itself: {remote}"
        );
    }
    assert!(html.contains("<dt>How long have you known?</dt>"));
}

#[test]
fn empty_outputs_say_so_and_count_nothing() {
    let text = to_plain_text(&small().summary(Output::Mine), &Texts::english());
    assert!(text.contains("You have not answered any questions yet."));
    let text = to_plain_text(&small().summary(Output::Bring), &Texts::english());
    assert!(text.contains("Nothing is chosen to bring yet."), "{text}");
    for output in [Output::Mine, Output::Bring] {
        let mut model = small();
        write(&mut model, "weeks-known", "Since May");
        let text = to_plain_text(&model.summary(output), &Texts::english());
        assert!(!text.contains("skipped"), "{text}");
    }
}
