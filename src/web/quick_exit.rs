//! Quick exit, as GOV.UK's "Exit this page" does it: the widget is hidden and emptied at once,
//! the key and anything waiting to be written are dropped, and the page is replaced with a
//! neutral address so that Back does not return to the answers.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::app::App;
use super::dom;
use super::history;
use super::screens::Rendered;

/// How long quick exit waits for the browser to go back past the widget's entries before it
/// leaves anyway.
const LEAVING_FALLBACK_MS: i32 = 300;

impl App {
    /// Leaves for `url`, deleting the stored draft too when the clinic chose so.
    pub(super) fn quick_exit(
        self: &Rc<Self>,
        url: String,
        delete_draft: bool,
    ) -> Result<(), JsValue> {
        // Hide first, in this same task, so nothing shows while the next page loads.
        dom::set_hidden(&self.ui.root, true)?;
        self.ui.screen.replace_children_with_node_0();
        if self.ui.dialog.open() {
            self.ui.dialog.close();
        }
        self.ui.dialog.replace_children_with_node_0();
        *self.rendered.borrow_mut() = Rendered::default();
        self.exited.set(true);
        self.drop_secrets();
        if delete_draft {
            if let Some(store) = &self.store {
                store.borrow_mut().remove();
            }
        }
        // replace(), not assign(): the page leaves the history, so Back cannot return to it.
        // The sections' entries go too: back to the entry the page was on first, then replace
        // that one (on `popstate`, see `listeners`, or a moment later if none comes).
        let steps = history::step_now(&self.ui.prefix);
        if steps == 0 {
            return leave_for(&url);
        }
        self.leaving_for.replace(Some(url));
        history::go_back(steps)?;
        // A one-shot closure: the timer always calls it, which frees it.
        let app = Rc::clone(self);
        let fallback = Closure::once_into_js(move || {
            if let Some(url) = app.leaving_for.take() {
                let _ = leave_for(&url);
            }
        });
        match web_sys::window() {
            Some(window) => window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    fallback.unchecked_ref(),
                    LEAVING_FALLBACK_MS,
                )
                .map(|_| ()),
            None => Ok(()),
        }
    }
}

/// Replaces the page with `url`, so that Back does not return to it.
pub(super) fn leave_for(url: &str) -> Result<(), JsValue> {
    match web_sys::window() {
        Some(window) => window.location().replace(url),
        None => Ok(()),
    }
}
