//! If the widget ever panics, which the code is written never to do, a calm notice shows in
//! every mounted widget instead of a page that silently stops responding. Everything else stays
//! as it was: text boxes keep what the client wrote, so it can still be copied.

use std::cell::{Cell, RefCell};
use std::sync::Once;

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{append_all, set_attributes, Dom};
use crate::languages::interface::Texts;

/// A mounted widget's root, with the notice in its current language.
struct Watched {
    root: Element,
    heading: String,
    body: String,
}

thread_local! {
    static WATCHED: RefCell<Vec<Watched>> = const { RefCell::new(Vec::new()) };
    static FAILED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook, once per page.
pub(crate) fn install_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // For the clinic's developer, in the browser's own console; nothing is sent. Where,
            // and never the panic's message: a message can quote the text it was working on,
            // which may be the client's words.
            let place = info.location().map_or_else(String::new, |at| {
                format!(" at {}:{}:{}", at.file(), at.line(), at.column())
            });
            web_sys::console::error_1(&JsValue::from_str(&format!("Ending Well stopped{place}")));
            show_failure();
        }));
    });
}

/// Keeps `root` in the list of widgets to tell, with the notice in the language of `texts`.
pub(crate) fn watch(root: &Element, texts: &Texts) {
    WATCHED.with(|watched| {
        let Ok(mut watched) = watched.try_borrow_mut() else {
            return;
        };
        watched.retain(|known| known.root != *root);
        watched.push(Watched {
            root: root.clone(),
            heading: texts.failure_heading().clone(),
            body: texts.failure_body().clone(),
        });
    });
}

/// Forgets a widget that was destroyed.
pub(crate) fn forget(root: &Element) {
    WATCHED.with(|watched| {
        if let Ok(mut watched) = watched.try_borrow_mut() {
            watched.retain(|known| known.root != *root);
        }
    });
}

/// Whether a widget on this page has stopped: nothing more is handled after that, since its
/// state may be half-changed.
pub(crate) fn has_failed() -> bool {
    FAILED.with(Cell::get)
}

/// Shows the "Something went wrong" notice at the top of every mounted widget, once. The panic
/// hook calls this; nothing else on the page is changed.
pub fn show_failure() {
    if FAILED.with(|failed| failed.replace(true)) {
        return;
    }
    WATCHED.with(|watched| {
        let Ok(watched) = watched.try_borrow() else {
            return;
        };
        for widget in watched.iter() {
            if let Err(error) = notice(widget) {
                web_sys::console::error_1(&error);
            }
        }
    });
}

/// Puts the notice first in the widget, as an alert so that screen readers say it at once.
fn notice(widget: &Watched) -> Result<(), JsValue> {
    let document = widget
        .root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the widget is not in a document"))?;
    let dom = Dom::new(document);
    let box_ = dom.element("div", "ew-error-summary ew-failure")?;
    set_attributes(&box_, &[("role", "alert")])?;
    let heading = dom.text("h2", "ew-error-summary-title", &widget.heading)?;
    let body = dom.text("p", "ew-body", &widget.body)?;
    append_all(&box_, &[&heading, &body])?;
    widget.root.prepend_with_node_1(&box_)
}
