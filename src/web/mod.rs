//! The DOM layer: mounts the widget into an element, turns DOM events into [`Msg`]s and
//! [`Effect`]s into DOM changes. Compiled for WebAssembly only.

mod choice;
mod crypto;
mod dom;
mod failure;
mod files;
mod history;
mod render;
mod saving;
mod scale;
mod storage;
mod support;
mod text_field;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{
    CustomEvent, CustomEventInit, Element, Event, HtmlDialogElement, HtmlFormElement,
    HtmlInputElement, HtmlTextAreaElement, KeyboardEvent, PageTransitionEvent, PopStateEvent,
    ShadowRoot, StorageEvent,
};

use crate::format::catalog::{self, Catalog, Language};
use crate::languages::interface::{Interface, Texts, BUILT_IN};
use crate::languages::tag::{self, direction};
use crate::reading::json;
use crate::reading::limits::check_size;
use crate::reading::problem::Problem;
use crate::session::saving::Saving;
use crate::session::{update, Effect, Focus, Model, Msg, Notice};
use crate::view;
use crypto::DraftKey;
use dom::Dom;
use render::Rendered;
use saving::SaveBarNodes;
use storage::DraftStore;

pub use failure::show_failure;

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

/// The widget's elements.
struct Ui {
    dom: Dom,
    /// The element the host page knows: events are dispatched on it.
    host: Element,
    root: Element,
    status: Element,
    /// The language switcher, shown when more than one language is offered.
    languages: Element,
    /// "Need support now?" and "Leave this page".
    top_bar: Element,
    screen: Element,
    save_bar: SaveBarNodes,
    dialog: HtmlDialogElement,
    prefix: String,
}

/// The encryption side of saving: the key while the client saves, and one write at a time.
#[derive(Default)]
struct Keeper {
    key: RefCell<Option<DraftKey>>,
    writing: Cell<bool>,
    /// The newest draft waiting while another is being written.
    pending: RefCell<Option<String>>,
    /// Bumped by every deletion, so that a write already under way is dropped, not stored.
    generation: Cell<u32>,
}

/// The state behind a widget, shared with its event listeners.
struct App {
    ui: Ui,
    /// `None` when the questionnaire had problems and only the problems panel shows.
    model: RefCell<Option<Model>>,
    rendered: RefCell<Rendered>,
    /// Messages wait here while one is being handled: moving focus or removing a focused
    /// element can fire events synchronously, in the middle of an update.
    queue: RefCell<VecDeque<Msg>>,
    busy: Cell<bool>,
    store: Option<DraftStore>,
    keeper: Keeper,
    /// Where focus was when the dialog opened, to return it there.
    dialog_opener: RefCell<Option<Element>>,
    /// The object URL of the last download, revoked at the next one or at destroy.
    last_download: RefCell<Option<String>>,
    /// Set by quick exit: if the browser brings this page back from its back-forward cache,
    /// it shows a fresh, empty widget.
    exited: Cell<bool>,
    /// Whether Shift is held with no other key pressed since: only a Shift pressed on its own
    /// counts towards quick exit, not one used to type a capital letter.
    shift_alone: Cell<bool>,
    /// The stored draft as this tab last read or wrote it. A write finding something else
    /// stored does not happen: another tab or window saved or deleted in between.
    stored_seen: RefCell<Option<String>>,
    /// Where quick exit goes, while it first goes back past the widget's history entries.
    leaving_for: RefCell<Option<String>>,
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
    let wanted = wanted_languages(&page_element(element));
    // The live region exists before anything is said in it, or screen readers miss the first
    // announcement (NVDA and VoiceOver both ignore regions added with their text).
    let status = dom.element("div", "ew-status ew-visually-hidden")?;
    dom::set_attributes(&status, &[("role", "status"), ("aria-live", "polite")])?;
    let screen = dom.element("div", "ew-screen")?;
    let languages = dom.element("nav", "ew-languages")?;
    let top_bar = dom.element("div", "ew-topbar")?;
    let save_bar = saving::save_bar(&dom)?;
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
            let rendered = render::show(&ui.dom, &ui.screen, &ui.prefix, &model)?;
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
                .unwrap_or(tag::FALLBACK);
            let texts = Texts::for_language(tag, &Interface::new());
            set_language(&ui.root, tag)?;
            let rendered =
                render::show_problems(&ui.dom, &texts, &ui.screen, &ui.prefix, &problems)?;
            failure::watch(&ui.root, &texts);
            (None, rendered)
        }
    };
    let store = model
        .as_ref()
        .map(|model| DraftStore::new(&model.questionnaire().id));
    let app = Rc::new(App {
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
        stored_seen: RefCell::new(None),
        leaving_for: RefCell::new(None),
    });
    let mut listeners: Vec<EventListener> = ["click", "change", "input"]
        .into_iter()
        .map(|kind| {
            let app = Rc::clone(&app);
            EventListener::new(&app.ui.root.clone(), kind, move |event| {
                if let Some(input) = backup_file_input(event) {
                    app.read_backup(input);
                } else if let Some(msg) = message_for(&app.ui.root, event) {
                    app.dispatch(msg);
                }
            })
        })
        .collect();
    // Forms are never submitted anywhere: the page's policy has `form-action 'none'`, and the
    // widget reads the fields itself. gloo's listeners are passive unless asked otherwise.
    let submit_app = Rc::clone(&app);
    listeners.push(EventListener::new_with_options(
        &app.ui.root.clone(),
        "submit",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            event.prevent_default();
            if let Some(msg) = submitted(event) {
                submit_app.dispatch(msg);
            }
        },
    ));
    // A modal dialog makes the page inert, but Tab from its last control still leaves it for
    // the browser's own toolbar (seen in Chromium 156): keep Tab going round inside.
    let trap_app = Rc::clone(&app);
    listeners.push(EventListener::new_with_options(
        &app.ui.dialog.clone(),
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if key.key() == "Tab" && trap_app.keep_focus_in_dialog(key.shift_key()) {
                event.prevent_default();
            }
        },
    ));
    // Escape closes a modal dialog by itself and fires `cancel`, which does not bubble.
    let cancel_app = Rc::clone(&app);
    listeners.push(EventListener::new(
        &app.ui.dialog.clone(),
        "cancel",
        move |_| cancel_app.dispatch(Msg::DialogCancelled),
    ));
    if let Some(window) = web_sys::window() {
        listeners.extend(window_listeners(&app, &window));
    }
    if let Some(store) = &app.store {
        let found = store.read();
        let available = found.is_ok();
        let stored = found.ok().flatten();
        app.stored_seen.replace(stored.clone());
        app.dispatch(Msg::StorageChecked { available, stored });
    }
    if app.model.borrow().is_some() {
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

/// Dispatches a bubbling, composed custom event.
fn dispatch_event(target: &Element, name: &str, detail: &JsValue) -> Result<(), JsValue> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let event = CustomEvent::new_with_event_init_dict(name, &init)?;
    target.dispatch_event(&event)?;
    Ok(())
}

/// The focused element, looking inside the widget's shadow root when there is one
/// (`document.activeElement` is only the shadow host then).
fn focused_element(root: &Element) -> Option<Element> {
    match root.get_root_node().dyn_into::<ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(node) => node.dyn_into::<web_sys::Document>().ok()?.active_element(),
    }
}

/// The languages the client may want, most wanted first: the `lang` of the widget's element and
/// of each element around it up to the page's, then the browser's preferred languages.
fn wanted_languages(host: &Element) -> Vec<String> {
    let mut wanted = Vec::new();
    let mut element = Some(host.clone());
    while let Some(current) = element {
        if let Some(tag) = current.get_attribute("lang") {
            if !tag.trim().is_empty() {
                wanted.push(tag.trim().to_owned());
            }
        }
        element = current.parent_element();
    }
    if let Some(window) = web_sys::window() {
        let navigator = window.navigator();
        wanted.extend(
            navigator
                .languages()
                .iter()
                .filter_map(|tag| tag.as_string()),
        );
        wanted.extend(navigator.language());
    }
    wanted
}

/// Sets `lang` and `dir` on the widget's root.
fn set_language(root: &Element, tag: &str) -> Result<(), JsValue> {
    dom::set_attributes(root, &[("lang", tag), ("dir", direction(tag).attribute())])
}

/// Puts everything outside the screen into the model's language: `lang` and `dir`, the
/// language switcher, the top bar and the save bar.
fn show_language(ui: &Ui, model: &Model) -> Result<(), JsValue> {
    let texts = model.texts();
    set_language(&ui.root, &texts.language)?;
    language_switcher(
        &ui.dom,
        &ui.languages,
        texts,
        model.languages(),
        model.language(),
    )?;
    fill_top_bar(&ui.dom, &ui.top_bar, texts)?;
    saving::refresh_save_bar(&ui.save_bar, texts, &view::save_bar(model))
}

/// The language switcher, after GOV.UK's: each language named in itself and marked with its
/// `lang`, the one showing marked as current. Hidden with a single language.
fn language_switcher(
    dom: &Dom,
    nav: &Element,
    texts: &Texts,
    languages: &[Language],
    current: usize,
) -> Result<(), JsValue> {
    nav.replace_children_with_node_0();
    dom::set_hidden(nav, languages.len() < 2)?;
    nav.set_attribute("aria-label", &texts.language_switcher)?;
    let list = dom.element("ul", "ew-languages-list")?;
    for (position, language) in languages.iter().enumerate() {
        let item = dom.element("li", "ew-languages-item")?;
        let name = &language.name;
        // The language showing is plain text, as on GOV.UK; it takes focus after a switch.
        let entry = if position == current {
            let entry = dom.text("span", "ew-language ew-language--current", name)?;
            dom::set_attributes(&entry, &[("aria-current", "true"), ("tabindex", "-1")])?;
            entry
        } else {
            let button = dom.button("ew-link-button ew-language", "language", name)?;
            button.set_attribute("data-ew-language", &position.to_string())?;
            button
        };
        dom::set_attributes(
            &entry,
            &[
                ("lang", &language.tag),
                ("dir", language.direction.attribute()),
            ],
        )?;
        dom::append_all(&item, &[&entry])?;
        dom::append_all(&list, &[&item])?;
    }
    dom::append_all(nav, &[&list])
}

/// "Need support now?" and "Leave this page", on every screen.
fn fill_top_bar(dom: &Dom, bar: &Element, texts: &Texts) -> Result<(), JsValue> {
    bar.replace_children_with_node_0();
    let support = dom.button(
        "ew-link-button ew-support-link",
        "support",
        &texts.need_support,
    )?;
    let exit = dom.button("ew-exit-button", "exit", &texts.leave_page)?;
    dom::append_all(&exit, &[&dom.hidden_text(&texts.leave_page_hint)?])?;
    dom::append_all(bar, &[&support, &exit])
}

/// Listeners on the window: leaving with unsaved answers, Shift pressed three times for quick
/// exit, and a return from the back-forward cache after quick exit. Owned by the widget like the
/// others.
fn window_listeners(app: &Rc<App>, window: &web_sys::Window) -> Vec<EventListener> {
    let down = Rc::clone(app);
    let up = Rc::clone(app);
    let shown = Rc::clone(app);
    let leaving = Rc::clone(app);
    let moved = Rc::clone(app);
    let elsewhere = Rc::clone(app);
    vec![
        // Back and Forward: to the screen the entry names, if the entry is this widget's.
        EventListener::new(window, "popstate", move |event| {
            let Some(event) = event.dyn_ref::<PopStateEvent>() else {
                return;
            };
            // Quick exit, on its way back past the widget's entries.
            if let Some(url) = moved.leaving_for.take() {
                let _ = leave_for(&url);
                return;
            }
            if moved.exited.get() {
                return;
            }
            if let Some(screen) = history::screen_of(&event.state(), &moved.ui.prefix) {
                moved.dispatch(Msg::HistoryMoved { screen });
            }
        }),
        // Another tab or window of this browser saved or deleted the same draft.
        EventListener::new(window, "storage", move |event| {
            let (Some(event), Some(store)) = (event.dyn_ref::<StorageEvent>(), &elsewhere.store)
            else {
                return;
            };
            // No key: all of the page's storage was cleared.
            if event.key().is_some_and(|key| key != store.key()) {
                return;
            }
            let stored = event.new_value();
            let kept = elsewhere.model.try_borrow().is_ok_and(|model| {
                model
                    .as_ref()
                    .is_some_and(|model| *model.saving() == Saving::Kept)
            });
            elsewhere.dispatch(Msg::StoredElsewhere {
                stored: stored.clone(),
            });
            // Not opened here: what is stored now is what this tab will open and save over.
            if kept {
                elsewhere.stored_seen.replace(stored);
            }
        }),
        // Closing or reloading the tab with answers not saved on this device: the browser asks
        // first. Never after quick exit, which has forgotten the answers already.
        EventListener::new_with_options(
            window,
            "beforeunload",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                // `try_borrow`: quick exit's navigation can get here while it holds the model.
                let at_risk = !leaving.exited.get()
                    && leaving
                        .model
                        .try_borrow()
                        .is_ok_and(|model| model.as_ref().is_some_and(Model::has_unsaved_answers));
                if at_risk {
                    event.prevent_default();
                    // Older browsers ask only when a return value is set.
                    if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        event.set_return_value("unsaved");
                    }
                }
            },
        ),
        EventListener::new(window, "keydown", move |event| {
            if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                // Shift starts a press; any other key while it is held makes it a combination.
                down.shift_alone.set(key.key() == "Shift" && !key.repeat());
            }
        }),
        EventListener::new(window, "keyup", move |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if key.key() == "Shift" && up.shift_alone.replace(false) && up.model.borrow().is_some()
            {
                let at = js_sys::Date::now() as u64;
                up.dispatch(Msg::ShiftPressedAlone { at });
            }
        }),
        EventListener::new(window, "pageshow", move |event| {
            let restored = event
                .dyn_ref::<PageTransitionEvent>()
                .is_some_and(PageTransitionEvent::persisted);
            if restored && shown.exited.replace(false) {
                shown.dispatch(Msg::PageRestored);
            }
        }),
    ]
}

/// The backup file input, when the event is a file being chosen in it.
fn backup_file_input(event: &Event) -> Option<HtmlInputElement> {
    if event.type_() != "change" {
        return None;
    }
    let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
    (input.get_attribute("data-ew-role").as_deref() == Some("backup-file")).then_some(input)
}

/// The message a submitted form means.
fn submitted(event: &Event) -> Option<Msg> {
    let form: HtmlFormElement = event.target()?.dyn_into().ok()?;
    let field = |name: &str| -> String {
        form.query_selector(&format!("input[name={name}]"))
            .ok()
            .flatten()
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default()
    };
    match form.get_attribute("data-ew-form")?.as_str() {
        "new-passphrase" => Some(Msg::PassphraseSubmitted {
            passphrase: field("passphrase"),
            confirmation: field("confirmation"),
        }),
        "unlock" => Some(Msg::UnlockSubmitted {
            passphrase: field("passphrase"),
        }),
        "delete" => Some(Msg::DeleteConfirmed),
        _ => None,
    }
}

/// Reads the mount options: the questionnaire (a JSON string or an object; the built-in one
/// without) and the clinic's settings, with every problem of both.
fn read_options(options: &JsValue) -> Result<Catalog, Vec<Problem>> {
    if options.is_undefined() || options.is_null() {
        return catalog::prepare(
            catalog::default_questionnaire_value(),
            Value::Object(serde_json::Map::new()),
            "options",
        );
    }
    // The text of a `<script type="application/json">` comes as a string: parse it here, so that
    // a syntax error is reported in the panel with its line and column. Nesting deeper than
    // `json::MAX_NESTING` is refused before conversion, so reading can never run out of stack.
    let value: Value = if let Some(text) = options.as_string() {
        let in_options = |message: String| vec![Problem::new("options", message)];
        check_size(&text, "configuration").map_err(|problem| in_options(problem.message))?;
        json::parse(&text).map_err(|error| in_options(format!("the configuration is {error}")))?
    } else {
        read_object(options)?
    };
    let questionnaire = match value.get("questionnaire") {
        None | Some(Value::Null) => catalog::default_questionnaire_value(),
        Some(Value::String(text)) => json::parse_file(text, "questionnaire")?,
        // A copy: taking it out of the options would bring in the map's removal code.
        Some(given) => given.clone(),
    };
    catalog::prepare(questionnaire, value, "options")
}

/// Converts options given as a JavaScript object (checked for depth and size first).
fn read_object(options: &JsValue) -> Result<Value, Vec<Problem>> {
    json::from_js(options).map_err(|error| {
        vec![Problem::new(
            "options",
            format!("the options could not be read as JSON data: {error}"),
        )]
    })
}

/// The buttons that move to another screen.
const MOVES_ON: [&str; 7] = [
    "start", "next", "back", "skip", "summary", "review", "change",
];

/// Translates a DOM event inside the widget into a message, if it means one.
fn message_for(root: &Element, event: &Event) -> Option<Msg> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let number = |element: &Element, name: &str| -> Option<i64> {
        element.get_attribute(name)?.parse().ok()
    };
    let question = |element: &Element| {
        number(element, "data-ew-question").and_then(|q| usize::try_from(q).ok())
    };
    match event.type_().as_str() {
        "click" => {
            let button = target.closest("[data-ew-action]").ok()??;
            if !root.contains(Some(&button)) {
                return None;
            }
            let action = button.get_attribute("data-ew-action")?;
            // The second click of a double click lands on the next screen's button, in the same
            // place: it would skip a screen the client never saw. (Keyboard presses count 0.)
            let repeated = event
                .dyn_ref::<web_sys::MouseEvent>()
                .is_some_and(|click| click.detail() > 1);
            if repeated && MOVES_ON.contains(&action.as_str()) {
                return None;
            }
            Some(match action.as_str() {
                "start" => Msg::StartClicked,
                "next" => Msg::NextClicked,
                "back" => Msg::BackClicked,
                "skip" => Msg::SkipClicked,
                "summary" => Msg::SummaryClicked,
                "review" => Msg::ReviewClicked,
                "print" => Msg::PrintClicked,
                "download-text" => Msg::DownloadTextClicked,
                "download-html" => Msg::DownloadHtmlClicked,
                "copy" => Msg::CopyClicked,
                "backup" => Msg::BackupClicked,
                "save" => Msg::SaveClicked,
                "save-here" => Msg::SaveHereClicked,
                "delete" => Msg::DeleteClicked,
                "cancel" => Msg::DialogCancelled,
                "skip-unlock" => Msg::ContinueWithoutOpeningClicked,
                "support" => Msg::SupportClicked,
                "exit" => Msg::QuickExitClicked,
                "language" => Msg::LanguageChosen {
                    language: usize::try_from(number(&button, "data-ew-language")?).ok()?,
                },
                "clear" => Msg::AnswerCleared {
                    question: question(&button)?,
                },
                "change" => Msg::ChangeClicked {
                    question: question(&button)?,
                },
                _ => return None,
            })
        }
        "change" => {
            let input = target.dyn_ref::<HtmlInputElement>()?;
            let question = question(&target)?;
            let value = number(&target, "data-ew-value");
            match (
                target.get_attribute("data-ew-role")?.as_str(),
                input.type_().as_str(),
            ) {
                ("option", "radio") => Some(Msg::OptionChosen {
                    question,
                    option: usize::try_from(value?).ok()?,
                }),
                ("option", "checkbox") => Some(Msg::OptionToggled {
                    question,
                    option: usize::try_from(value?).ok()?,
                    checked: input.checked(),
                }),
                ("other", _) => Some(Msg::OtherToggled {
                    question,
                    checked: input.checked(),
                }),
                ("point", _) => Some(Msg::ScalePointChosen {
                    question,
                    value: value?,
                }),
                _ => None,
            }
        }
        "input" => {
            let question = question(&target)?;
            let text = if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
                input.value()
            } else {
                target.dyn_ref::<HtmlTextAreaElement>()?.value()
            };
            match target.get_attribute("data-ew-role")?.as_str() {
                "text" => Some(Msg::TextChanged { question, text }),
                "other-text" => Some(Msg::OtherTextChanged { question, text }),
                _ => None,
            }
        }
        _ => None,
    }
}

impl App {
    /// Handles a message, and any that arrive while it is being handled, in order.
    fn dispatch(self: &Rc<Self>, msg: Msg) {
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

    fn apply(self: &Rc<Self>, effect: Effect) -> Result<(), JsValue> {
        let model = self.model.borrow();
        let Some(model) = model.as_ref() else {
            return Ok(());
        };
        match effect {
            Effect::ShowScreen(focus) => {
                dom::set_hidden(&self.ui.root, false)?;
                let rendered = render::show(&self.ui.dom, &self.ui.screen, &self.ui.prefix, model)?;
                *self.rendered.borrow_mut() = rendered;
                let rendered = self.rendered.borrow();
                match focus {
                    Focus::Heading => match rendered.heading() {
                        Some(heading) => dom::focus(heading),
                        None => Ok(()),
                    },
                    Focus::Question(question) => render::focus_question(&rendered, question),
                    Focus::ChangeButton(question) => {
                        render::focus_change_button(&rendered, question)
                    }
                    Focus::Error => match self.ui.screen.query_selector(".ew-error-summary")? {
                        Some(summary) => dom::focus(&summary),
                        None => Ok(()),
                    },
                }
            }
            Effect::Refresh => render::refresh(&self.rendered.borrow(), model),
            Effect::SyncInputs { question } => {
                render::sync_inputs(&self.rendered.borrow(), model, question)
            }
            Effect::FocusQuestion(question) => {
                render::focus_question(&self.rendered.borrow(), question)
            }
            Effect::Announce(message) => {
                self.announce(&message);
                Ok(())
            }
            Effect::Print => match web_sys::window() {
                Some(window) => window.print(),
                None => Ok(()),
            },
            Effect::Download {
                filename,
                mime,
                content,
            } => self.download(&filename, mime, &content),
            Effect::Copy(content) => {
                let app = Rc::clone(self);
                spawn_local(async move {
                    let copied = files::copy(&content).await;
                    app.dispatch(Msg::CopyFinished { copied });
                });
                Ok(())
            }
            Effect::ShowDialog => self.show_dialog(model),
            Effect::RefreshSaveBar => {
                saving::refresh_save_bar(&self.ui.save_bar, model.texts(), &view::save_bar(model))
            }
            Effect::LanguageChanged => {
                show_language(&self.ui, model)?;
                failure::watch(&self.ui.root, model.texts());
                let rendered = render::show(&self.ui.dom, &self.ui.screen, &self.ui.prefix, model)?;
                *self.rendered.borrow_mut() = rendered;
                match self.ui.languages.query_selector("[aria-current]")? {
                    Some(current) => dom::focus(&current),
                    None => Ok(()),
                }
            }
            Effect::StartSaving { passphrase, draft } => {
                self.keeper.writing.set(true);
                let app = Rc::clone(self);
                let generation = self.keeper.generation.get();
                spawn_local(async move {
                    match DraftKey::new(&passphrase).await {
                        Ok(key) if generation == app.keeper.generation.get() => {
                            *app.keeper.key.borrow_mut() = Some(key);
                            app.write_drafts(draft).await;
                        }
                        Ok(_) => app.keeper.writing.set(false),
                        Err(_) => {
                            app.keeper.writing.set(false);
                            app.dispatch(Msg::SaveFailed);
                        }
                    }
                });
                Ok(())
            }
            Effect::SaveDraft { draft } => {
                if self.keeper.writing.get() || self.keeper.key.borrow().is_none() {
                    *self.keeper.pending.borrow_mut() = Some(draft);
                } else {
                    self.keeper.writing.set(true);
                    let app = Rc::clone(self);
                    spawn_local(async move { app.write_drafts(draft).await });
                }
                Ok(())
            }
            Effect::Decrypt {
                passphrase,
                envelope,
                keep_key,
            } => {
                self.announce(&self.texts().opening);
                let app = Rc::clone(self);
                spawn_local(async move {
                    let opened = match DraftKey::for_envelope(&passphrase, &envelope).await {
                        Ok(key) => key.open(&envelope).await.map(|plaintext| (key, plaintext)),
                        Err(error) => Err(error),
                    };
                    match opened {
                        Ok((key, plaintext)) => {
                            if keep_key {
                                *app.keeper.key.borrow_mut() = Some(key);
                            }
                            app.dispatch(Msg::DraftDecrypted { plaintext });
                        }
                        Err(_) => app.dispatch(Msg::DecryptFailed),
                    }
                });
                Ok(())
            }
            Effect::DownloadBackup { passphrase, draft } => {
                let app = Rc::clone(self);
                spawn_local(async move {
                    let sealed = match DraftKey::new(&passphrase).await {
                        Ok(key) => key.seal(&draft).await,
                        Err(error) => Err(error),
                    };
                    let texts = app.texts();
                    let downloaded = sealed.and_then(|envelope| {
                        app.download(
                            &texts.backup_filename,
                            "application/json",
                            &envelope.to_json(),
                        )
                    });
                    app.announce(if downloaded.is_ok() {
                        &texts.backup_ready
                    } else {
                        &texts.backup_failed
                    });
                });
                Ok(())
            }
            Effect::QuickExit { url, delete_draft } => {
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
                        store.remove();
                    }
                    self.stored_seen.replace(None);
                }
                // replace(), not assign(): the page leaves the history, so Back cannot return
                // to it. The sections' entries go too: back to the entry the page was on first,
                // then replace that one (`popstate` below, or a moment later if none comes).
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
            Effect::Notify(notice) => self.notify(notice),
            Effect::DeleteStored => {
                self.drop_secrets();
                if let Some(store) = &self.store {
                    store.remove();
                }
                self.stored_seen.replace(None);
                Ok(())
            }
            Effect::RecordPlace(screen) => history::record(&self.ui.prefix, screen),
            Effect::ClaimStored => {
                if let Some(store) = &self.store {
                    self.stored_seen.replace(store.read().ok().flatten());
                }
                Ok(())
            }
        }
    }

    /// Dispatches an `ending-well:*` event on the element the page knows: the shadow root's host
    /// when the widget lives in one. Events carry places and counts, never answers.
    fn notify(&self, notice: Notice) -> Result<(), JsValue> {
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

    /// Says `message` in the polite live region.
    fn announce(&self, message: &str) {
        self.ui.status.set_text_content(Some(message));
    }

    /// Drops the key and any draft waiting to be written; a write under way is discarded.
    fn drop_secrets(&self) {
        self.keeper
            .generation
            .set(self.keeper.generation.get().wrapping_add(1));
        *self.keeper.key.borrow_mut() = None;
        *self.keeper.pending.borrow_mut() = None;
        if let Some(url) = self.last_download.borrow_mut().take() {
            files::revoke(&url);
        }
    }

    /// Encrypts and stores drafts one at a time, always the newest, until none waits.
    async fn write_drafts(self: Rc<Self>, first: String) {
        let mut draft = first;
        loop {
            let key = self.keeper.key.borrow().clone();
            let Some(key) = key else { break };
            let generation = self.keeper.generation.get();
            let sealed = key.seal(&draft).await;
            if generation != self.keeper.generation.get() {
                break;
            }
            let (Ok(envelope), Some(store)) = (sealed, &self.store) else {
                self.dispatch(Msg::SaveFailed);
                break;
            };
            // Another tab or window saved or deleted since this one last did: write nothing,
            // and let the client choose.
            let now = store.read().ok().flatten();
            if now != *self.stored_seen.borrow() {
                self.keeper.pending.replace(None);
                self.dispatch(Msg::StoredElsewhere { stored: now });
                break;
            }
            let text = envelope.to_json();
            let stored = store.write(&text).is_ok();
            if stored {
                self.stored_seen.replace(Some(text));
            }
            self.dispatch(if stored {
                Msg::DraftSaved { time: local_time() }
            } else {
                Msg::SaveFailed
            });
            let next = self.keeper.pending.borrow_mut().take();
            match next {
                Some(next) if stored => draft = next,
                _ => break,
            }
        }
        self.keeper.writing.set(false);
    }

    fn download(&self, filename: &str, mime: &str, content: &str) -> Result<(), JsValue> {
        let parent = self
            .ui
            .root
            .owner_document()
            .and_then(|document| document.body())
            .ok_or_else(|| JsValue::from_str("the page has no body"))?;
        let url = files::download(&self.ui.dom, &parent, filename, mime, content)?;
        if let Some(previous) = self.last_download.borrow_mut().replace(url) {
            files::revoke(&previous);
        }
        Ok(())
    }

    /// The interface text showing now.
    fn texts(&self) -> Rc<Texts> {
        self.model
            .borrow()
            .as_ref()
            .map_or_else(|| Rc::new(Texts::english()), Model::shared_texts)
    }

    fn read_backup(self: &Rc<Self>, input: HtmlInputElement) {
        let app = Rc::clone(self);
        spawn_local(async move {
            match files::chosen_text(&input).await {
                Some(text) => app.dispatch(Msg::BackupFileRead { text }),
                None => app.announce(&app.texts().backup_unreadable),
            }
            // Choosing the same file again should read it again.
            input.set_value("");
        });
    }

    /// Moves focus round from the dialog's last control to its first (or back, with Shift);
    /// true when it did, so the browser's own Tab is cancelled.
    fn keep_focus_in_dialog(&self, backwards: bool) -> bool {
        let Ok(list) = self.ui.dialog.query_selector_all(
            "button, input, textarea, a[href], [tabindex='-1'].ew-error-summary",
        ) else {
            return false;
        };
        let controls: Vec<Element> = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect();
        let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
            return false;
        };
        let focused = focused_element(&self.ui.root);
        let (from, to) = if backwards {
            (first, last)
        } else {
            (last, first)
        };
        if focused.as_ref() == Some(from) {
            dom::focus(to).is_ok()
        } else {
            false
        }
    }

    /// Opens, refreshes or closes the dialog to match the model, moving focus sensibly.
    fn show_dialog(&self, model: &Model) -> Result<(), JsValue> {
        let dialog = &self.ui.dialog;
        let Some(content) = model.dialog() else {
            if dialog.open() {
                dialog.close();
            }
            // A passphrase typed into the dialog must not linger in the page.
            dialog.replace_children_with_node_0();
            if let Some(opener) = self.dialog_opener.borrow_mut().take() {
                if self.ui.root.contains(Some(&opener)) {
                    dom::focus(&opener)?;
                }
            }
            return Ok(());
        };
        saving::dialog_content(
            &self.ui.dom,
            model.texts(),
            dialog,
            &self.ui.prefix,
            content,
            &model.settings().support,
        )?;
        if !dialog.open() {
            let opener = focused_element(&self.ui.root);
            *self.dialog_opener.borrow_mut() = opener;
            dialog.show_modal()?;
        }
        // A failed try puts focus on the error summary; a confirmation on "Cancel", so that
        // Enter never deletes by accident; otherwise on the first field.
        let target = match dialog.query_selector(".ew-error-summary")? {
            Some(summary) => Some(summary),
            None => dialog.query_selector("input, [data-ew-action=cancel]")?,
        };
        match target {
            Some(target) => dom::focus(&target),
            None => Ok(()),
        }
    }
}

/// How long quick exit waits for the browser to go back past the widget's entries before it
/// leaves anyway.
const LEAVING_FALLBACK_MS: i32 = 300;

/// Replaces the page with `url`, so that Back does not return to it.
fn leave_for(url: &str) -> Result<(), JsValue> {
    match web_sys::window() {
        Some(window) => window.location().replace(url),
        None => Ok(()),
    }
}

/// The local time as "14:32", for "Saved on this device at 14:32".
fn local_time() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}
