//! The widget's listeners, every one owned by the widget so that `destroy()` leaves the host page
//! clean: clicks, changes, typing and form submissions inside the widget, the dialog's keys, and
//! on the window Back and Forward, another tab's saving, leaving with unsaved answers, Shift for
//! quick exit, and a return from the back-forward cache.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, PageTransitionEvent, PopStateEvent, StorageEvent};

use super::app::App;
use super::events::{backup_file_input, message_for, second_click, submitted};
use super::history;
use super::quick_exit::{self, LEAVING};
use crate::session::saving::Saving;
use crate::session::{Model, Msg};

/// Listeners on the widget's own elements: DOM events in, messages out.
pub(super) fn widget_listeners(app: &Rc<App>) -> Vec<EventListener> {
    let mut listeners: Vec<EventListener> = ["click", "change", "input"]
        .into_iter()
        .map(|kind| {
            let app = Rc::clone(app);
            EventListener::new(&app.ui.root.clone(), kind, move |event| {
                if let Some(input) = backup_file_input(event) {
                    app.read_backup(input);
                } else if let Some(msg) = message_for(&app.ui.root, event) {
                    if msg == Msg::QuickExitClicked {
                        app.leave_at_once();
                    }
                    app.dispatch(msg);
                }
            })
        })
        .collect();
    // The second click of a double click changes nothing: not an answer under the pointer on
    // the screen its first click opened (a label's or an option's own action), and not a form.
    listeners.push(EventListener::new_with_options(
        &app.ui.root.clone(),
        "click",
        EventListenerOptions::enable_prevent_default(),
        |event| {
            if second_click(event) {
                event.prevent_default();
            }
        },
    ));
    // Forms are never submitted anywhere: the page's policy has `form-action 'none'`, and the
    // widget reads the fields itself. gloo's listeners are passive unless asked otherwise.
    let submit_app = Rc::clone(app);
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
    let trap_app = Rc::clone(app);
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
    let cancel_app = Rc::clone(app);
    listeners.push(EventListener::new(
        &app.ui.dialog.clone(),
        "cancel",
        move |_| cancel_app.dispatch(Msg::DialogCancelled),
    ));
    listeners
}

/// Listeners on the window: Back and Forward, another tab's saving, Shift pressed three times
/// for quick exit, leaving for and returning from the back-forward cache, and, when the clinic
/// asked for the prompt, leaving with unsaved answers. Owned by the widget like the others.
pub(super) fn window_listeners(app: &Rc<App>, window: &web_sys::Window) -> Vec<EventListener> {
    let down = Rc::clone(app);
    let up = Rc::clone(app);
    let shown = Rc::clone(app);
    let moved = Rc::clone(app);
    let elsewhere = Rc::clone(app);
    let hidden = Rc::clone(app);
    let mut listeners = vec![
        // Back and Forward: to the screen the entry names, if the entry is this widget's.
        EventListener::new(window, "popstate", move |event| {
            let Some(event) = event.dyn_ref::<PopStateEvent>() else {
                return;
            };
            // Quick exit, on its way back past the widget's entries.
            if let Some(url) = moved.take_leaving_for() {
                let _ = quick_exit::leave_for(&url);
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
            if event.key().is_some_and(|key| key != store.borrow().key()) {
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
                store.borrow_mut().saw(stored);
            }
        }),
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
            let session = up.model.try_borrow().is_ok_and(|model| model.is_some());
            if key.key() == "Shift" && up.shift_alone.replace(false) && session {
                let at = js_sys::Date::now() as u64;
                up.dispatch(Msg::ShiftPressedAlone { at });
            }
        }),
        // Leaving some other way than quick exit (a link, the address bar) with the page kept
        // in the back-forward cache: the neutral step goes up before the browser keeps the
        // page, so that Back shows it rather than the answers.
        EventListener::new(window, "pagehide", move |event| {
            let kept = event
                .dyn_ref::<PageTransitionEvent>()
                .is_some_and(PageTransitionEvent::persisted);
            if kept && !hidden.exited.get() {
                hidden.dispatch(Msg::PageHidden);
            }
        }),
        EventListener::new(window, "pageshow", move |event| {
            let restored = event
                .dyn_ref::<PageTransitionEvent>()
                .is_some_and(PageTransitionEvent::persisted);
            if restored && shown.exited.replace(false) {
                let _ = shown.ui.root.remove_attribute(LEAVING);
                shown.dispatch(Msg::PageRestored);
            }
        }),
    ];
    // Only when the clinic turned the prompt on: a `beforeunload` listener runs on every
    // navigation, quick exit's included, before the browser may start it.
    let asked = app
        .model
        .borrow()
        .as_ref()
        .is_some_and(|model| model.settings().ask_before_leaving);
    if asked {
        listeners.push(before_unload(app, window));
    }
    listeners
}

/// Closing or reloading the tab with answers not saved on this device: the browser asks first.
/// Never after quick exit, which has forgotten the answers already.
fn before_unload(app: &Rc<App>, window: &web_sys::Window) -> EventListener {
    let leaving = Rc::clone(app);
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
                    .is_ok_and(|model| model.as_ref().is_some_and(Model::asks_before_leaving));
            if at_risk {
                event.prevent_default();
                // Older browsers ask only when a return value is set.
                if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    event.set_return_value("unsaved");
                }
            }
        },
    )
}
