//! If the widget ever panics, the client sees a calm notice in it, and what they wrote stays on
//! the screen to be copied, instead of a page that silently stops responding. A test crate of its
//! own, not a module of `tests/browser/`: after a panic the widget code handles nothing more in
//! its WebAssembly instance, so no other test may share that instance.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::panic)]

// The browser tests' helpers; this test needs only a few of them.
#[allow(dead_code)]
#[path = "browser/helpers.rs"]
mod helpers;

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlInputElement;

use helpers::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function record_console_errors() {
  window.__errors = [];
  const original = console.error;
  console.error = (...args) => {
    window.__errors.push(args.map(String).join(' '));
    original.apply(console, args);
  };
}
export function console_errors() { return window.__errors.join('\\n'); }
")]
extern "C" {
    fn record_console_errors();
    fn console_errors() -> String;
}

#[wasm_bindgen_test]
async fn a_panic_shows_a_calm_notice_and_keeps_what_was_written() {
    let (host, _widget) = mount_small();
    click(&host, "[data-ew-action=start]");
    let field = find(&host, "input[type=text]");
    type_into(&field, "Six weeks, I think");
    assert!(find_all(&host, ".ew-failure").is_empty());

    // A real panic, in a task of its own, as one would come from an event handler; its message
    // quotes the client's words, as a panic over a text could.
    record_console_errors();
    let panicking = Closure::once_into_js(|| -> () {
        panic!("a panic on purpose over \"Six weeks, I think\"")
    });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback(panicking.unchecked_ref())
        .unwrap();
    until("the notice", || !find_all(&host, ".ew-failure").is_empty()).await;

    let notice = find(&host, ".ew-failure");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(text_of(&notice, "h2"), "Something went wrong");
    assert!(text_of(&notice, "p").contains("copy anything you want to keep"));
    assert_eq!(
        find(&host, ".ew").first_element_child(),
        Some(notice),
        "the notice comes first in the widget"
    );
    assert_eq!(
        find(&host, "input[type=text]")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "Six weeks, I think",
        "what was written is still there"
    );

    // The console says where it stopped, for the clinic's developer, and never the message.
    let logged = console_errors();
    assert!(logged.contains("Ending Well stopped at "), "{logged}");
    assert!(!logged.contains("Six weeks"), "{logged}");
    assert!(!logged.contains("on purpose"), "{logged}");

    // The page is not dead: the box still takes text, and one notice is enough.
    type_into(&field, "Six weeks, I think. Maybe more.");
    click(&host, "[data-ew-action=next]");
    assert_eq!(find_all(&host, ".ew-failure").len(), 1);
}
