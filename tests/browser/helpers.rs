//! Helpers shared by the browser tests: the modules of `tests/browser/` and, through `#[path]`,
//! `tests/browser_failure.rs`.

use ending_well::web::{mount, Widget};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Document, Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement,
    ShadowRoot, ShadowRootInit, ShadowRootMode,
};

pub const SMALL: &str = include_str!("../fixtures/small.json");
pub const BROKEN: &str = include_str!("../fixtures/broken.json");

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh, empty element in the page, as a clinic's page would have.
pub fn new_host() -> Element {
    let element = document().create_element("ending-well").unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

pub fn options(questionnaire: &str) -> JsValue {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"questionnaire".into(), &questionnaire.into()).unwrap();
    options.into()
}

pub fn mount_small() -> (Element, Widget) {
    let host = new_host();
    let widget = mount(&host, options(SMALL)).unwrap();
    (host, widget)
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

pub fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

pub fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Types into a text box as a browser does: the value changes, then an `input` event bubbles.
pub fn type_into(element: &Element, text: &str) {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else {
        element
            .unchecked_ref::<HtmlTextAreaElement>()
            .set_value(text);
    }
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

pub fn focused() -> Option<Element> {
    document().active_element()
}

pub fn checked(root: &Element, selector: &str) -> bool {
    find(root, selector)
        .unchecked_into::<HtmlInputElement>()
        .checked()
}

pub fn hidden(root: &Element, selector: &str) -> bool {
    find(root, selector).has_attribute("hidden")
}

pub fn status(root: &Element) -> String {
    text_of(root, ".ew-status")
}

/// Waits `ms` milliseconds, letting the browser run promises and timers.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits until `check` holds, for at most ten seconds (key derivation takes a moment).
pub async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..400 {
        if check() {
            return;
        }
        sleep(25).await;
    }
    panic!("timed out waiting for {what}");
}

/// Types into a field found by selector.
pub fn fill(root: &Element, selector: &str, text: &str) {
    type_into(&find(root, selector), text);
}

/// Submits a form the way pressing Enter or its submit button does.
pub fn submit(root: &Element, selector: &str) {
    find(root, selector)
        .unchecked_into::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
}

/// An element with an open shadow root holding the container the widget mounts into, as the
/// loader `www/ending-well.js` builds it.
pub fn shadow_host() -> (Element, ShadowRoot, Element) {
    let host = new_host();
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let container = document().create_element("div").unwrap();
    shadow.append_child(&container).unwrap();
    (host, shadow, container)
}
