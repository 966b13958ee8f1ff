//! The widget as a clinic's page holds it: inside a shadow root, configured by a JSON string,
//! telling the page only places and counts, and leaving nothing behind when destroyed.

use std::cell::RefCell;
use std::rc::Rc;

use ending_well::web::{mount, Widget};
use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{CustomEvent, Element, HtmlElement};

use crate::helpers::*;

#[wasm_bindgen(inline_js = "
let active = 0;
let installed = false;
const counted = new WeakMap();
export function count_listeners() {
  if (installed) return;
  installed = true;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener && !counted.has(listener)) { counted.set(listener, true); active += 1; }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (listener && counted.has(listener)) { counted.delete(listener); active -= 1; }
    return remove.call(this, type, listener, options);
  };
}
export function active_listeners() { return active; }
export function memory_bytes(memory) { return memory.buffer.byteLength; }
")]
extern "C" {
    fn count_listeners();
    fn active_listeners() -> u32;
    fn memory_bytes(memory: &JsValue) -> f64;
}

/// Records the `ending-well:*` events reaching `target`, with their details as JSON.
fn record(target: &Element) -> (Rc<RefCell<Vec<String>>>, Vec<EventListener>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let listeners = [
        "ending-well:ready",
        "ending-well:section-change",
        "ending-well:complete",
    ]
    .into_iter()
    .map(|name| {
        let seen = Rc::clone(&seen);
        EventListener::new(target, name, move |event| {
            let detail = event.dyn_ref::<CustomEvent>().unwrap().detail();
            let detail = js_sys::JSON::stringify(&detail).unwrap();
            seen.borrow_mut()
                .push(format!("{} {}", event.type_(), String::from(detail)));
        })
    })
    .collect();
    (seen, listeners)
}

/// The small questionnaire, for a clinic that asked for the page to be told where the client is.
fn small_options() -> JsValue {
    let options = options(SMALL);
    js_sys::Reflect::set(&options, &"events".into(), &JsValue::TRUE).unwrap();
    options
}

#[wasm_bindgen_test]
fn in_a_shadow_root_the_page_hears_places_and_counts_but_never_answers() {
    let (host, shadow, container) = shadow_host();
    let (seen, _listeners) = record(&document().body().unwrap());
    let _widget = mount(&container, small_options()).unwrap();
    let root: Element = container.clone();
    click(&root, "[data-ew-action=start]");
    fill(&root, "[id$='-q-weeks-known-input']", "Secret words");
    for _ in 0..3 {
        click(&root, "[data-ew-action=next]");
    }
    click(&root, "[data-ew-action=summary]");
    assert_eq!(
        *seen.borrow(),
        [
            "ending-well:ready null",
            "ending-well:section-change {\"index\":0,\"count\":4}",
            "ending-well:section-change {\"index\":1,\"count\":4}",
            "ending-well:section-change {\"index\":3,\"count\":4}",
            "ending-well:complete null",
        ],
        "section 3 has nothing to show and is passed over"
    );
    assert!(seen.borrow().iter().all(|event| !event.contains("Secret")));
    // The page cannot see into the widget with ordinary queries.
    assert!(host.query_selector("button").unwrap().is_none());
    assert!(shadow.query_selector(".ew-summary").unwrap().is_some());
}

#[wasm_bindgen_test]
fn unless_the_clinic_asks_the_page_hears_nothing_at_all() {
    let (_host, _shadow, container) = shadow_host();
    let (seen, _listeners) = record(&document().body().unwrap());
    let _widget = mount(&container, options(SMALL)).unwrap();
    click(&container, "[data-ew-action=start]");
    for _ in 0..3 {
        click(&container, "[data-ew-action=next]");
    }
    click(&container, "[data-ew-action=summary]");
    assert!(
        find_all(&container, ".ew-summary").len() == 1,
        "the client reached the summary"
    );
    assert!(seen.borrow().is_empty(), "{:?}", seen.borrow());
}

#[wasm_bindgen_test]
fn a_dialog_returns_focus_inside_the_shadow_root() {
    let (_host, shadow, container) = shadow_host();
    let _widget = mount(&container, small_options()).unwrap();
    let opener = find(&container, "[data-ew-action=support]");
    opener.unchecked_ref::<HtmlElement>().focus().unwrap();
    click(&container, "[data-ew-action=support]");
    assert_eq!(
        shadow.active_element(),
        Some(find(&container, "dialog [data-ew-action=cancel]"))
    );
    click(&container, "dialog [data-ew-action=cancel]");
    assert_eq!(shadow.active_element(), Some(opener));
}

#[wasm_bindgen_test]
fn a_configuration_in_json_text_is_read_and_its_mistakes_shown() {
    let host = new_host();
    let config = serde_json::json!({
        "changes": {
            "hide_sections": ["feelings"],
            "reword": { "weeks-known": { "text": "When did you find out?" } }
        },
        "questionnaire": SMALL,
    })
    .to_string();
    let _widget = mount(&host, JsValue::from_str(&config)).unwrap();
    click(&host, "[data-ew-action=start]");
    assert_eq!(text_of(&host, ".ew-caption"), "Section 1 of 3");
    assert!(text_of(&host, ".ew-section").contains("When did you find out?"));
    click(&host, "[data-ew-action=next]");
    assert_eq!(
        text_of(&host, "h2"),
        "Notes",
        "the hidden section is passed over"
    );

    let broken = new_host();
    let _widget = mount(&broken, JsValue::from_str("{ \"clinic\": \"Riverside\", }")).unwrap();
    assert!(text_of(&broken, ".ew-error-list").contains("the configuration is not valid JSON"));

    let unknown = new_host();
    let config = r#"{ "changes": { "hide_sections": ["felings"] } }"#;
    let _widget = mount(&unknown, JsValue::from_str(config)).unwrap();
    assert_eq!(
        text_of(&unknown, ".ew-path"),
        "options.changes.hide_sections[0]"
    );
    assert!(text_of(&unknown, ".ew-error-list").contains("no section \"felings\""));
}

#[wasm_bindgen_test]
fn mounting_and_destroying_a_hundred_times_leaves_nothing_behind() {
    count_listeners();
    let memory = wasm_bindgen::memory();
    let cycle = || {
        let (host, shadow, container) = shadow_host();
        let mut widget: Widget = mount(&container, small_options()).unwrap();
        click(&container, "[data-ew-action=start]");
        fill(&container, "[id$='-q-weeks-known-input']", "Words");
        widget.destroy();
        assert_eq!(
            shadow.child_element_count(),
            1,
            "only the empty container is left"
        );
        assert_eq!(container.child_element_count(), 0);
        host.remove();
    };
    let before = active_listeners();
    for _ in 0..10 {
        cycle();
    }
    assert_eq!(active_listeners(), before, "every listener was removed");
    let warmed = memory_bytes(&memory);
    for _ in 0..90 {
        cycle();
    }
    assert_eq!(
        active_listeners(),
        before,
        "after 100 cycles, still none left"
    );
    assert_eq!(
        memory_bytes(&memory),
        warmed,
        "the WebAssembly memory did not grow"
    );
}
