//! The summary as files: plain text and a self-contained HTML page.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, small, tick, write};
use ending_well::languages::interface::Texts;
use ending_well::reflection::export::{to_html, to_plain_text};

#[test]
fn plain_text_reads_like_the_summary() {
    let mut model = small();
    choose(&mut model, "who-decided", "together");
    tick(&mut model, "feelings", "relief", true);
    tick(&mut model, "feelings", "sadness", true);
    write(&mut model, "note-therapist", "Thank you.\nSee you soon.");
    let text = to_plain_text(&model.summary(), &Texts::english());
    assert_eq!(
        text,
        "A short reflection\n==================\n\
         Written on this device with Ending Well. Nothing was sent anywhere.\n\
         \n\
         How the ending came about\n-------------------------\n\
         \n\
         Who decided to end therapy?\n  We decided together\n\
         \n\
         Feelings\n--------\n\
         \n\
         Which feelings fit?\n  - Relief\n  - Sadness\n\
         \n\
         Notes\n-----\n\
         \n\
         A note to your therapist\n  Thank you.\n  See you soon.\n\
         \n\
         2 questions skipped.\n"
    );
}

#[test]
fn html_escapes_everything_and_loads_nothing() {
    let mut model = small();
    let payload = "<script>alert(1)</script> & \"quotes\" 'too' <img src=x onerror=alert(2)>";
    write(&mut model, "weeks-known", payload);
    let html = to_html(&model.summary(), &Texts::english());
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
fn an_empty_summary_says_so() {
    let text = to_plain_text(&small().summary(), &Texts::english());
    assert!(text.contains("You have not answered any questions yet."));
    assert!(!text.contains("skipped"));
}
