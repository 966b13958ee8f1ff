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

/// Set on the widget's root once it has asked the browser to leave. The loader
/// (`www/src/ending-well.js`) looks for it right after every request to leave, and leaves by
/// itself when it is missing: a widget stopped by a failure, even halfway through leaving, still
/// lets the client out.
pub(super) const LEAVING: &str = "data-ew-leaving";

impl App {
    /// "Leave this page" was clicked or tapped: leave at once, from the page alone, before the
    /// session hears of it, so that leaving never waits for anything (nor for a session that
    /// is not there, on the problems panel).
    pub(super) fn leave_at_once(self: &Rc<Self>) {
        if let Err(error) = self.quick_exit(self.exit.url.clone(), self.exit.delete_draft) {
            web_sys::console::error_2(&JsValue::from_str("Ending Well:"), &error);
        }
    }

    /// Leaves for `url`, deleting the stored draft too when the clinic chose so. Once only: the
    /// session's own quick exit, which follows a click, finds the page already leaving.
    pub(super) fn quick_exit(
        self: &Rc<Self>,
        url: String,
        delete_draft: bool,
    ) -> Result<(), JsValue> {
        if self.exited.replace(true) {
            return Ok(());
        }
        // Hide first, in this same task, so nothing shows while the next page loads. Nothing
        // before the request to leave may stop it: a failure here is passed over.
        let _ = dom::set_hidden(&self.ui.root, true);
        self.ui.screen.replace_children_with_node_0();
        if self.ui.dialog.open() {
            self.ui.dialog.close();
        }
        self.ui.dialog.replace_children_with_node_0();
        // Nothing here may wait on, or fail over, a borrow held elsewhere.
        if let Ok(mut rendered) = self.rendered.try_borrow_mut() {
            *rendered = Rendered::default();
        }
        self.drop_secrets();
        if delete_draft {
            if let Some(mut store) = self
                .store
                .as_ref()
                .and_then(|store| store.try_borrow_mut().ok())
            {
                store.remove();
            }
        }
        // replace(), not assign(): the page leaves the history, so Back cannot return to it.
        // The sections' entries go too: back to the entry the page was on first, then replace
        // that one (on `popstate`, see `listeners`, or a moment later if none comes).
        let steps = history::step_now(&self.ui.prefix);
        if steps == 0 {
            return self.asked_to_leave(leave_for(&url));
        }
        match self.leaving_for.try_borrow_mut() {
            Ok(mut leaving) => *leaving = Some(url),
            Err(_) => return self.asked_to_leave(leave_for(&url)),
        }
        self.asked_to_leave(history::go_back(steps))?;
        // A one-shot closure: the timer always calls it, which frees it.
        let app = Rc::clone(self);
        let fallback = Closure::once_into_js(move || {
            if let Some(url) = app.take_leaving_for() {
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

    /// Where quick exit is on its way to, taken once: by the `popstate` that ends its way back
    /// past the widget's entries, or by the fallback timer, whichever comes first.
    pub(super) fn take_leaving_for(&self) -> Option<String> {
        self.leaving_for
            .try_borrow_mut()
            .ok()
            .and_then(|mut url| url.take())
    }

    /// Marks the root as leaving once the browser has been asked to leave (`asked` is that
    /// request's result): until then, the loader still leaves by itself.
    fn asked_to_leave(&self, asked: Result<(), JsValue>) -> Result<(), JsValue> {
        asked?;
        self.ui.root.set_attribute(LEAVING, "")
    }
}

/// Replaces the page with `url`, so that Back does not return to it.
pub(super) fn leave_for(url: &str) -> Result<(), JsValue> {
    match web_sys::window() {
        Some(window) => window.location().replace(url),
        None => Ok(()),
    }
}
