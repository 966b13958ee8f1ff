//! The state behind a mounted widget, shared with its listeners: its elements, the session, what
//! is on screen, the draft's slot and key; and the loop that hands each message to `update`, one
//! at a time, and each effect it returns to `App::apply` (in `effects`).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlDialogElement};

use super::crypto::DraftKey;
use super::dom::Dom;
use super::failure;
use super::files;
use super::save_bar::SaveBarNodes;
use super::screens::Rendered;
use super::storage::LocalStorage;
use crate::answers::store::DraftSlot;
use crate::format::settings::{QuickExit, Settings};
use crate::languages::interface::Texts;
use crate::session::{update, Model, Msg, Notice};

/// The widget's elements.
pub(super) struct Ui {
    pub(super) dom: Dom,
    /// The element the host page knows: events are dispatched on it.
    pub(super) host: Element,
    pub(super) root: Element,
    pub(super) status: Element,
    /// The language switcher, shown when more than one language is offered.
    pub(super) languages: Element,
    /// "Need support now?" and "Leave this page".
    pub(super) top_bar: Element,
    pub(super) screen: Element,
    pub(super) save_bar: SaveBarNodes,
    pub(super) dialog: HtmlDialogElement,
    /// Starts every element id of this widget, so that two widgets on a page never collide.
    pub(super) prefix: String,
}

/// The encryption side of saving: the key while the client saves, and one write at a time.
#[derive(Default)]
pub(super) struct Keeper {
    pub(super) key: RefCell<Option<DraftKey>>,
    pub(super) writing: Cell<bool>,
    /// The newest draft waiting while another is being written.
    pub(super) pending: RefCell<Option<String>>,
    /// Bumped by every deletion, so that a write already under way is dropped, not stored.
    pub(super) generation: Cell<u32>,
}

/// The state behind a widget, shared with its event listeners.
pub(super) struct App {
    pub(super) ui: Ui,
    /// `None` when the questionnaire had problems and only the problems panel shows.
    pub(super) model: RefCell<Option<Model>>,
    pub(super) rendered: RefCell<Rendered>,
    /// Messages wait here while one is being handled: moving focus or removing a focused
    /// element can fire events synchronously, in the middle of an update.
    queue: RefCell<VecDeque<Msg>>,
    busy: Cell<bool>,
    /// Where the draft is stored; `None` with the problems panel.
    pub(super) store: Option<RefCell<DraftSlot<LocalStorage>>>,
    pub(super) keeper: Keeper,
    /// Where focus was when the dialog opened, to return it there.
    pub(super) dialog_opener: RefCell<Option<Element>>,
    /// The object URL of the last download, revoked at the next one or at destroy.
    pub(super) last_download: RefCell<Option<String>>,
    /// Set by quick exit: if the browser brings this page back from its back-forward cache,
    /// it shows a fresh, empty widget.
    pub(super) exited: Cell<bool>,
    /// Whether Shift is held with no other key pressed since: only a Shift pressed on its own
    /// counts towards quick exit, not one used to type a capital letter.
    pub(super) shift_alone: Cell<bool>,
    /// Where quick exit goes, while it first goes back past the widget's history entries.
    pub(super) leaving_for: RefCell<Option<String>>,
    /// What "Leave this page" does, kept apart from the session so that leaving never waits for
    /// it: the clinic's choice, or the default when the settings could not be read.
    pub(super) exit: QuickExit,
    /// The id of the questionnaire, bound into every draft sealed here.
    pub(super) questionnaire: String,
}

impl App {
    /// The state of a widget just built: `model` is `None` for the problems panel.
    pub(super) fn new(ui: Ui, model: Option<Model>, rendered: Rendered) -> Self {
        let store = model
            .as_ref()
            .map(|model| RefCell::new(DraftSlot::new(LocalStorage, &model.questionnaire().id)));
        let questionnaire = model
            .as_ref()
            .map(|model| model.questionnaire().id.clone())
            .unwrap_or_default();
        let exit = model.as_ref().map_or_else(
            || Settings::default().quick_exit,
            |model| model.settings().quick_exit.clone(),
        );
        Self {
            ui,
            model: RefCell::new(model),
            rendered: RefCell::new(rendered),
            queue: RefCell::new(VecDeque::new()),
            busy: Cell::new(false),
            store,
            keeper: Keeper::default(),
            dialog_opener: RefCell::new(None),
            last_download: RefCell::new(None),
            exited: Cell::new(false),
            shift_alone: Cell::new(false),
            leaving_for: RefCell::new(None),
            exit,
            questionnaire,
        }
    }

    /// Handles a message, and any that arrive while it is being handled, in order.
    pub(super) fn dispatch(self: &Rc<Self>, msg: Msg) {
        if failure::has_failed() {
            return;
        }
        self.queue.borrow_mut().push_back(msg);
        if self.busy.replace(true) {
            return;
        }
        loop {
            let next = self.queue.borrow_mut().pop_front();
            let Some(msg) = next else { break };
            let effects = match self.model.borrow_mut().as_mut() {
                Some(model) => update(model, msg),
                None => Vec::new(),
            };
            for effect in effects {
                if let Err(error) = self.apply(effect) {
                    web_sys::console::error_2(&JsValue::from_str("Ending Well:"), &error);
                }
            }
        }
        self.busy.set(false);
    }

    /// Says `message` in the polite live region.
    pub(super) fn announce(&self, message: &str) {
        self.ui.status.set_text_content(Some(message));
    }

    /// Dispatches an `ending-well:*` event on the element the page knows: the shadow root's host
    /// when the widget lives in one. Events carry places and counts, never answers.
    pub(super) fn notify(&self, notice: Notice) -> Result<(), JsValue> {
        let (name, detail) = match notice {
            Notice::SectionChanged { number, count } => {
                let detail = js_sys::Object::new();
                js_sys::Reflect::set(&detail, &"index".into(), &((number - 1) as f64).into())?;
                js_sys::Reflect::set(&detail, &"count".into(), &(count as f64).into())?;
                ("ending-well:section-change", JsValue::from(detail))
            }
            Notice::Complete => ("ending-well:complete", JsValue::NULL),
        };
        dispatch_event(&self.ui.host, name, &detail)
    }

    /// The interface text showing now.
    pub(super) fn texts(&self) -> Rc<Texts> {
        self.model
            .borrow()
            .as_ref()
            .map_or_else(|| Rc::new(Texts::english()), Model::shared_texts)
    }

    /// Offers a file to download; its address is revoked a few seconds later.
    pub(super) fn download(
        self: &Rc<Self>,
        filename: &str,
        mime: &str,
        content: &str,
    ) -> Result<(), JsValue> {
        let url = files::download(&self.ui.dom, &self.ui.root, filename, mime, content)?;
        if let Some(previous) = self.last_download.borrow_mut().replace(url.clone()) {
            files::revoke(&previous);
        }
        // The file's address goes soon after the download has begun, not at the next download.
        let app = Rc::clone(self);
        let revoke = Closure::once_into_js(move || {
            if let Ok(mut last) = app.last_download.try_borrow_mut() {
                if last.as_deref() == Some(url.as_str()) {
                    *last = None;
                }
            }
            files::revoke(&url);
        });
        match web_sys::window() {
            // A one-shot closure: the timer always calls it, which frees it.
            Some(window) => window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    revoke.unchecked_ref(),
                    DOWNLOAD_REVOKE_MS,
                )
                .map(|_| ()),
            None => Ok(()),
        }
    }
}

/// How long a download's address lives: long enough for every browser to have started the
/// download, short enough that nothing on the page can fetch the file later.
const DOWNLOAD_REVOKE_MS: i32 = 10_000;

/// Dispatches a bubbling, composed custom event.
pub(super) fn dispatch_event(
    target: &Element,
    name: &str,
    detail: &JsValue,
) -> Result<(), JsValue> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let event = CustomEvent::new_with_event_init_dict(name, &init)?;
    target.dispatch_event(&event)?;
    Ok(())
}
