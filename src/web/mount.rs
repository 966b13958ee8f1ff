//! Mounting: the widget's elements built into the page's element, the options read, the first
//! screen shown (or the problems panel), the listeners added; and the handle the page keeps,
//! whose `destroy()` removes every element and listener again.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, ShadowRoot};

use super::app::{dispatch_event, App, Ui};
use super::dom::{self, Dom};
use super::failure;
use super::history;
use super::listeners::{widget_listeners, window_listeners};
use super::options::{read_options, wanted_languages};
use super::save_bar::save_bar;
use super::screens;
use super::top_bar::{fill_exit_only, set_language, show_language};
use crate::format::pack;
use crate::languages::interface::{Interface, Texts, BUILT_IN};
use crate::languages::tag::{self, FALLBACK};
use crate::reading::problem::Problem;
use crate::session::{Model, Msg};
use crate::view;

thread_local! {
    /// Numbers widgets on the page, so that element ids never collide.
    static NEXT_WIDGET: Cell<u32> = const { Cell::new(1) };
}

/// A mounted widget. Dropping or destroying it removes its elements and every listener.
#[wasm_bindgen]
pub struct Widget {
    app: Option<Rc<App>>,
    listeners: Vec<EventListener>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget's elements and listeners from the page and forgets the answers.
    pub fn destroy(&mut self) {
        self.listeners.clear();
        if let Some(app) = self.app.take() {
            failure::forget(&app.ui.root);
            app.drop_secrets();
            app.ui.root.remove();
        }
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.destroy();
    }
}

/// Mounts the widget into `element`, replacing what is inside it.
///
/// `options` may be `undefined` or an object with `questionnaire`: a questionnaire as a JSON
/// string or as an object. Without one, the built-in questionnaire is used. A questionnaire with
/// problems shows a panel listing every problem, in the page.
#[wasm_bindgen]
pub fn mount(element: &Element, options: JsValue) -> Result<Widget, JsValue> {
    failure::install_hook();
    let document = element
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let dom = Dom::new(document);
    let number = NEXT_WIDGET.with(|next| next.replace(next.get().wrapping_add(1)));
    let prefix = format!("ew{number}");

    let root = dom.element("div", "ew")?;
    // A language whose text shipped apart and has not been given is not one a client can be
    // shown: the loader gives it first when the page or the browser asks for it.
    let wanted: Vec<String> = wanted_languages(&page_element(element))
        .into_iter()
        .filter(|tag| !pack::waiting(tag))
        .collect();
    // The live region exists before anything is said in it, or screen readers miss the first
    // announcement (NVDA and VoiceOver both ignore regions added with their text).
    let status = dom.element("div", "ew-status ew-visually-hidden")?;
    dom::set_attributes(&status, &[("role", "status"), ("aria-live", "polite")])?;
    let screen = dom.element("div", "ew-screen")?;
    let languages = dom.element("nav", "ew-languages")?;
    let top_bar = dom.element("div", "ew-topbar")?;
    let save_bar = save_bar(&dom)?;
    let dialog: HtmlDialogElement = dom.element("dialog", "ew-dialog")?.unchecked_into();
    dom::append_all(&root, &[&status, &screen])?;
    element.replace_children_with_node_1(&root);

    let ui = Ui {
        dom,
        host: page_element(element),
        root,
        status,
        languages,
        top_bar,
        screen,
        save_bar,
        dialog,
        prefix,
    };
    let model = read_options(&options).and_then(|catalog| {
        let chosen = catalog.choose(&wanted.iter().map(String::as_str).collect::<Vec<_>>());
        Model::from_catalog(catalog, chosen).ok_or_else(|| {
            vec![Problem::new(
                "",
                "the questionnaire offers no language to show",
            )]
        })
    });
    let (model, rendered) = match model {
        Ok(model) => {
            let rendered = screens::show(
                &ui.dom,
                model.texts(),
                &ui.screen,
                &ui.prefix,
                &view::view(&model),
            )?;
            ui.root.prepend_with_node_2(&ui.languages, &ui.top_bar)?;
            dom::append_all(&ui.root, &[&ui.save_bar.element, &ui.dialog])?;
            show_language(&ui, &model)?;
            failure::watch(&ui.root, model.texts());
            (Some(model), rendered)
        }
        Err(problems) => {
            // The panel is for clinic staff, but its heading follows the page's language too.
            let built_in: Vec<&str> = BUILT_IN.iter().map(|(tag, _)| *tag).collect();
            let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
            let tag = built_in
                .get(tag::choose(&built_in, &wanted))
                .copied()
                .unwrap_or(FALLBACK);
            let texts = Texts::for_language(tag, &Interface::new());
            set_language(&ui.root, tag)?;
            let rendered =
                screens::show_problems(&ui.dom, &texts, &ui.screen, &ui.prefix, &problems)?;
            // No session here, but a client may still need to leave.
            fill_exit_only(&ui.dom, &ui.top_bar, &texts)?;
            ui.root.prepend_with_node_1(&ui.top_bar)?;
            failure::watch(&ui.root, &texts);
            (None, rendered)
        }
    };
    let app = Rc::new(App::new(ui, model, rendered));
    let mut listeners = widget_listeners(&app);
    if let Some(window) = web_sys::window() {
        listeners.extend(window_listeners(&app, &window));
    }
    if let Some(store) = &app.store {
        let found = store.borrow_mut().open();
        let available = found.is_ok();
        let stored = found.ok().flatten();
        app.dispatch(Msg::StorageChecked { available, stored });
        if history::returned_through_history() {
            app.dispatch(Msg::ReturnedThroughHistory);
        }
    }
    // Only when the clinic asked for events: a script on the page hears every event it sees.
    let tell_the_page = app
        .model
        .borrow()
        .as_ref()
        .is_some_and(|model| model.settings().events);
    if tell_the_page {
        dispatch_event(&app.ui.host, "ending-well:ready", &JsValue::NULL)?;
    }
    Ok(Widget {
        app: Some(app),
        listeners,
    })
}

/// The element the host page placed: the shadow host when `element` is inside a shadow root.
fn page_element(element: &Element) -> Element {
    element
        .get_root_node()
        .dyn_into::<ShadowRoot>()
        .map(|shadow| shadow.host())
        .unwrap_or_else(|_| element.clone())
}
