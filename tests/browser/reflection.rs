//! Support, quick exit and the notes in a real browser.

use ending_well::web::{mount, Widget};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

use crate::helpers::*;

/// A short questionnaire whose check-in calls for support at 8 or more.
const CHECK_IN: &str = r#"{
  "id": "check-in-test",
  "title": "Check-in",
  "sections": [
    { "id": "first", "title": "First", "questions": [
      { "id": "helped", "kind": "long_text", "text": "What helped?" },
      { "id": "hard", "kind": "scale", "text": "How hard is this right now?", "min": 0, "max": 10,
        "min_label": "Not hard", "max_label": "Very hard" },
      { "id": "after", "kind": "short_text", "text": "Anything else?" }
    ]},
    { "id": "notes", "title": "Notes", "questions": [
      { "id": "note", "kind": "note", "for": "therapist", "text": "A note to your therapist" }
    ]}
  ],
  "notes": { "helped": ["helped"] },
  "support_when": { "any": [
    { "equals": { "question": "hard", "value": 8 } },
    { "equals": { "question": "hard", "value": 9 } },
    { "equals": { "question": "hard", "value": 10 } }
  ]}
}"#;

fn mount_with(settings: serde_json::Value) -> (Element, Widget) {
    let host = new_host();
    let mut options = settings;
    options["questionnaire"] = serde_json::Value::String(CHECK_IN.to_owned());
    let options = js_sys::JSON::parse(&options.to_string()).unwrap();
    let widget = mount(&host, options).unwrap();
    (host, widget)
}

fn press(kind: &str, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
fn support_and_leave_this_page_are_on_every_screen() {
    let (host, _widget) = mount_with(serde_json::json!({}));
    for step in ["start", "next", "next", "summary"] {
        assert_eq!(
            text_of(&host, "[data-ew-action=support]"),
            "Need support now?"
        );
        assert_eq!(
            text_of(&host, "[data-ew-action=exit]"),
            "Leave this page, or press Shift 3 times"
        );
        click(&host, &format!("[data-ew-action={step}]"));
    }
    assert_eq!(text_of(&host, "h2"), "Your summary");
    assert!(host
        .query_selector("[data-ew-action=exit]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
fn until_configured_support_shows_a_placeholder_and_the_emergency_advice() {
    let (host, _widget) = mount_with(serde_json::json!({}));
    let opener = find(&host, "[data-ew-action=support]");
    opener.unchecked_ref::<HtmlElement>().focus().unwrap();
    click(&host, "[data-ew-action=support]");
    let dialog = find(&host, "dialog");
    assert!(dialog.has_attribute("open"));
    assert_eq!(text_of(&dialog, "h2"), "Need support now?");
    // Advice the client can use, never an administrator's message.
    let fallback = text_of(&dialog, ".ew-support-placeholder");
    assert!(fallback.contains("crisis line in your area"), "{fallback}");
    assert!(!fallback.contains("has not added"), "{fallback}");
    assert!(text_of(&dialog, ".ew-support-emergency").contains("call your local emergency number"));
    assert_eq!(focused(), Some(find(&dialog, "[data-ew-action=cancel]")));
    click(&host, "dialog [data-ew-action=cancel]");
    assert!(!dialog.has_attribute("open"));
    assert_eq!(focused(), Some(opener));
}

#[wasm_bindgen_test]
fn configured_contacts_become_safe_links() {
    let (host, _widget) = mount_with(serde_json::json!({
        "support": { "resources": [{
            "name": "Riverside duty line", "phone": "+44 20 7946 0123", "text": "07700 900123",
            "web": "https://example.org/help", "hours": "Every day, 8am to 8pm"
        }]}
    }));
    click(&host, "[data-ew-action=support]");
    let links: Vec<(String, Option<String>)> = find_all(&host, "dialog a")
        .iter()
        .map(|a| (a.get_attribute("href").unwrap(), a.get_attribute("target")))
        .collect();
    assert_eq!(
        links,
        [
            ("tel:+442079460123".to_owned(), None),
            ("sms:07700900123".to_owned(), None),
            (
                "https://example.org/help".to_owned(),
                Some("_blank".to_owned())
            ),
        ]
    );
    assert!(text_of(&host, "dialog").contains("Every day, 8am to 8pm"));
}

#[wasm_bindgen_test]
fn a_link_that_is_not_safe_stops_the_widget_with_a_clear_problem() {
    let (host, _widget) = mount_with(serde_json::json!({
        "support": { "resources": [{ "name": "Bad", "web": "javascript:alert(1)" }] },
        "quick_exit": { "url": "javascript:alert(2)" }
    }));
    assert_eq!(text_of(&host, "h2"), "This questionnaire cannot be shown");
    let paths: Vec<String> = find_all(&host, ".ew-path")
        .iter()
        .map(|p| p.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        paths,
        ["options.support.resources[0].web", "options.quick_exit.url"]
    );
    assert!(find_all(&host, "a").is_empty());
}

#[wasm_bindgen_test]
fn distress_brings_the_contacts_inline_below_the_check_in() {
    let (host, _widget) = mount_with(serde_json::json!({}));
    click(&host, "[data-ew-action=start]");
    let panel = find(&host, ".ew-support-inline");
    assert!(panel.has_attribute("hidden"));
    let previous = panel.previous_element_sibling().unwrap();
    assert!(
        previous.id().ends_with("-q-hard"),
        "right after the question: {}",
        previous.id()
    );
    click(&host, "[id$='-q-hard-option-9']");
    assert!(!panel.has_attribute("hidden"));
    assert_eq!(status(&host), "Support contacts are shown below.");
    assert!(text_of(&panel, ".ew-support-emergency").contains("emergency number"));
    click(&host, "[id$='-q-hard-option-3']");
    assert!(panel.has_attribute("hidden"));
    // Nothing is blocked: the client carries on as before.
    click(&host, "[data-ew-action=next]");
    assert_eq!(text_of(&host, "h2"), "Notes");
}

#[wasm_bindgen_test]
fn the_note_starts_from_the_clients_words_and_stays_theirs_to_change() {
    let (host, _widget) = mount_with(serde_json::json!({}));
    click(&host, "[data-ew-action=start]");
    fill(&host, "[id$='-q-helped-input']", "Walking to sessions");
    click(&host, "[data-ew-action=next]");
    let note = find(&host, "[id$='-q-note-input']");
    let draft = note.unchecked_ref::<web_sys::HtmlTextAreaElement>().value();
    assert!(draft.starts_with("To my therapist,"), "{draft}");
    assert!(
        draft.contains("What helped me most:\nWalking to sessions"),
        "{draft}"
    );
    type_into(&note, "My own words instead.");
    click(&host, "[data-ew-action=next]");
    click(&host, "[data-ew-action=summary]");
    assert_eq!(text_of(&host, ".ew-letter-text"), "My own words instead.");
    assert_eq!(text_of(&host, ".ew-letter h4"), "A note to your therapist");
}

#[wasm_bindgen_test]
fn shift_on_its_own_counts_towards_leaving_and_capitals_do_not() {
    let (host, _widget) = mount_with(serde_json::json!({}));
    click(&host, "[data-ew-action=start]");
    // Typing a capital: Shift is held while another key goes down.
    press("keydown", "Shift");
    press("keydown", "A");
    press("keyup", "A");
    press("keyup", "Shift");
    assert_eq!(status(&host), "Section 1 of 2: First");
    press("keydown", "Shift");
    press("keyup", "Shift");
    assert_eq!(
        status(&host),
        "Press Shift 2 more times to leave this page."
    );
    press("keydown", "Shift");
    press("keyup", "Shift");
    assert_eq!(status(&host), "Press Shift 1 more time to leave this page.");
}
