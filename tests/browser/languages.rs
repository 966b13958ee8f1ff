//! Languages in a real browser (Chromium and Firefox): the element's `lang` chooses, switching
//! mid-way keeps every answer and focus, and a right-to-left language mirrors the layout.

use ending_well::web::mount;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

use crate::helpers::*;

/// A short questionnaire in English and Arabic: a scale first, then a text.
const ARABIC: &str = r#"{
  "id": "rtl",
  "title": { "en": "Before your last session", "ar": "قبل جلستك الأخيرة" },
  "sections": [{
    "id": "one",
    "title": { "en": "How you feel", "ar": "ما تشعر به" },
    "questions": [
      { "id": "feeling", "kind": "scale", "min": 0, "max": 4,
        "text": { "en": "How do you feel about ending?", "ar": "ما شعورك تجاه انتهاء العلاج؟" },
        "min_label": { "en": "Worried", "ar": "قلق كبير" },
        "max_label": { "en": "Settled", "ar": "ارتياح كبير" } },
      { "id": "helped", "kind": "long_text",
        "text": { "en": "What helped?", "ar": "ما الذي ساعدك؟" } }
    ]
  }]
}"#;

fn host_in(lang: &str) -> Element {
    let host = new_host();
    host.set_attribute("lang", lang).unwrap();
    host
}

/// A host with `lang`, holding the widget in a shadow root with its stylesheet, as the loader
/// `www/ending-well.js` builds it: the layout is the one clients see. Returns the host and the
/// container to mount into.
fn styled_host_in(lang: &str) -> (Element, Element) {
    let (host, shadow, container) = shadow_host();
    host.set_attribute("lang", lang).unwrap();
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../../www/src/ending-well.css")));
    shadow.prepend_with_node_1(&style).unwrap();
    (host, container)
}

fn is_checked(element: &Element) -> bool {
    element.unchecked_ref::<HtmlInputElement>().checked()
}

fn left_of(element: &Element) -> f64 {
    element.get_bounding_client_rect().left()
}

/// Where a scale point shows: its label (the input itself may be drawn by the label).
fn point_left(host: &Element, point: &Element) -> f64 {
    left_of(&find(host, &format!("label[for='{}']", point.id())))
}

#[wasm_bindgen_test]
fn the_elements_lang_chooses_spanish_and_switching_keeps_every_answer() {
    let host = host_in("es");
    let _widget = mount(&host, JsValue::UNDEFINED).unwrap();
    let root = find(&host, ".ew");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("es"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(text_of(&host, ".ew-language--current"), "Español");
    let english = find(&host, "button.ew-language");
    assert_eq!(english.text_content().as_deref(), Some("English"));
    assert_eq!(english.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(text_of(&host, "[data-ew-action=start]"), "Empezar");

    click(&host, "[data-ew-action=start]");
    assert_eq!(text_of(&host, ".ew-caption"), "Sección 1 de 11");
    let radio = find(&host, "input[data-ew-role=option]");
    radio.unchecked_ref::<web_sys::HtmlElement>().click();
    assert!(is_checked(&radio));

    click(&host, "button.ew-language");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        text_of(&host, "h2.ew-heading"),
        "How your therapy is ending"
    );
    assert_eq!(text_of(&host, ".ew-caption"), "Section 1 of 11");
    assert!(is_checked(&find(&host, "input[data-ew-role=option]")));
    let current = find(&host, ".ew-language--current");
    assert_eq!(current.text_content().as_deref(), Some("English"));
    assert_eq!(focused(), Some(current));

    // A text typed in English is still there after switching back to Spanish.
    click(&host, "[data-ew-action=next]");
    click(&host, "[data-ew-action=next]");
    let text = find(&host, "textarea");
    type_into(&text, "Being listened to.");
    click(&host, "button.ew-language");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("es"));
    let text = find(&host, "textarea");
    assert_eq!(
        text.unchecked_ref::<HtmlTextAreaElement>().value(),
        "Being listened to."
    );
    click(&host, "[data-ew-action=back]");
    click(&host, "[data-ew-action=back]");
    assert!(is_checked(&find(&host, "input[data-ew-role=option]")));
}

#[wasm_bindgen_test]
fn a_single_language_shows_no_switcher() {
    let (host, _widget) = mount_small();
    assert!(hidden(&host, ".ew-languages"));
}

#[wasm_bindgen_test]
fn a_right_to_left_language_mirrors_the_layout_and_the_scale() {
    let (_host, host) = styled_host_in("ar");
    let _widget = mount(&host, options(ARABIC)).unwrap();
    let root = find(&host, ".ew");
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(text_of(&host, "h2"), "قبل جلستك الأخيرة");
    // The exit button keeps to the inline end: the left in right-to-left.
    let exit = find(&host, "[data-ew-action=exit]");
    let support = find(&host, "[data-ew-action=support]");
    assert!(left_of(&exit) < left_of(&support));

    click(&host, "[data-ew-action=start]");
    let points = find_all(&host, "input[data-ew-role=point]");
    assert_eq!(points.len(), 5);
    let (first, last) = (&points[0], &points[4]);
    assert!(
        point_left(&host, first) > point_left(&host, last),
        "0 is on the right: {} > {}",
        point_left(&host, first),
        point_left(&host, last)
    );
    first.unchecked_ref::<web_sys::HtmlElement>().click();
    let next = find(&host, "[data-ew-action=next]");
    let back = find(&host, "[data-ew-action=back]");
    assert!(
        left_of(&next) > left_of(&back),
        "the main button leads, on the right"
    );

    click(&host, "button.ew-language");
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    let points = find_all(&host, "input[data-ew-role=point]");
    assert!(point_left(&host, &points[0]) < point_left(&host, &points[4]));
    assert!(is_checked(&points[0]), "the answer stays");
}
