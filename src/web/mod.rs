//! The DOM layer: mounts the widget into an element, turns DOM events into [`Msg`]s and
//! [`Effect`]s into DOM changes. Compiled for WebAssembly only.

mod choice;
mod dom;
mod render;
mod scale;
mod text_field;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::events::EventListener;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, HtmlTextAreaElement};

use crate::definition::Questionnaire;
use crate::problem::Problem;
use crate::session::{update, Effect, Focus, Model, Msg};
use crate::view::view;
use dom::Dom;
use render::Rendered;

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
    root: Element,
    status: Element,
    screen: Element,
    prefix: String,
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
}

/// Mounts the widget into `element`, replacing what is inside it.
///
/// `options` may be `undefined` or an object with `questionnaire`: a questionnaire as a JSON
/// string or as an object. Without one, the built-in questionnaire is used. A questionnaire with
/// problems shows a panel listing every problem, in the page.
#[wasm_bindgen]
pub fn mount(element: &Element, options: JsValue) -> Result<Widget, JsValue> {
    let document = element
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let dom = Dom::new(document);
    let number = NEXT_WIDGET.with(|next| next.replace(next.get().wrapping_add(1)));
    let prefix = format!("ew{number}");

    let root = dom.element("div", "ew")?;
    dom::set_attributes(&root, &[("lang", "en"), ("dir", "ltr")])?;
    // The live region exists before anything is said in it, or screen readers miss the first
    // announcement (NVDA and VoiceOver both ignore regions added with their text).
    let status = dom.element("div", "ew-status ew-visually-hidden")?;
    dom::set_attributes(&status, &[("role", "status"), ("aria-live", "polite")])?;
    let screen = dom.element("div", "ew-screen")?;
    dom::append_all(&root, &[&status, &screen])?;
    element.replace_children_with_node_1(&root);

    let ui = Ui {
        dom,
        root,
        status,
        screen,
        prefix,
    };
    let (model, rendered) = match questionnaire_from_options(&options) {
        Ok(questionnaire) => {
            let model = Model::new(questionnaire);
            let rendered = render::show(&ui.dom, &ui.screen, &ui.prefix, &view(&model))?;
            (Some(model), rendered)
        }
        Err(problems) => {
            let rendered = render::show_problems(&ui.dom, &ui.screen, &ui.prefix, &problems)?;
            (None, rendered)
        }
    };
    let app = Rc::new(App {
        ui,
        model: RefCell::new(model),
        rendered: RefCell::new(rendered),
        queue: RefCell::new(VecDeque::new()),
        busy: Cell::new(false),
    });
    let listeners = ["click", "change", "input"]
        .into_iter()
        .map(|kind| {
            let app = Rc::clone(&app);
            EventListener::new(&app.ui.root.clone(), kind, move |event| {
                if let Some(msg) = message_for(&app.ui.root, event) {
                    app.dispatch(msg);
                }
            })
        })
        .collect();
    Ok(Widget {
        app: Some(app),
        listeners,
    })
}

fn questionnaire_from_options(options: &JsValue) -> Result<Questionnaire, Vec<Problem>> {
    if options.is_undefined() || options.is_null() {
        return Questionnaire::default_questionnaire();
    }
    let given = js_sys::Reflect::get(options, &JsValue::from_str("questionnaire"))
        .unwrap_or(JsValue::UNDEFINED);
    if given.is_undefined() || given.is_null() {
        Questionnaire::default_questionnaire()
    } else if let Some(text) = given.as_string() {
        Questionnaire::from_json(&text)
    } else {
        let value: Value = serde_wasm_bindgen::from_value(given).map_err(|error| {
            vec![Problem::new(
                "",
                format!("the questionnaire could not be read as JSON data: {error}"),
            )]
        })?;
        Questionnaire::from_value(&value)
    }
}

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
            Some(match button.get_attribute("data-ew-action")?.as_str() {
                "start" => Msg::StartClicked,
                "next" => Msg::NextClicked,
                "back" => Msg::BackClicked,
                "skip" => Msg::SkipClicked,
                "summary" => Msg::SummaryClicked,
                "review" => Msg::ReviewClicked,
                "print" => Msg::PrintClicked,
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
    fn dispatch(&self, msg: Msg) {
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

    fn apply(&self, effect: Effect) -> Result<(), JsValue> {
        let model = self.model.borrow();
        let Some(model) = model.as_ref() else {
            return Ok(());
        };
        match effect {
            Effect::ShowScreen(focus) => {
                let rendered =
                    render::show(&self.ui.dom, &self.ui.screen, &self.ui.prefix, &view(model))?;
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
                self.ui.status.set_text_content(Some(&message));
                Ok(())
            }
            Effect::Print => match web_sys::window() {
                Some(window) => window.print(),
                None => Ok(()),
            },
        }
    }
}
