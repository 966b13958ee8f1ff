//! The browser's Back and Forward buttons move between the widget's screens. Each screen the
//! client moves to gets a history entry whose state names the widget and the screen, and
//! nothing else: no answer is ever put in the browser's history.

use wasm_bindgen::JsValue;
use web_sys::History;

use crate::session::screen::Screen;

/// The state's field naming the widget, so entries of other widgets and of the page are told
/// apart.
const WIDGET: &str = "endingWell";
/// The state's field naming the screen.
const SCREEN: &str = "screen";
/// The state's field counting the widget's entries from the one the page was on (0).
const STEP: &str = "step";

fn history() -> Option<History> {
    web_sys::window()?.history().ok()
}

/// The screen as it is written in a history entry: "intro", "section-3", "review", "summary".
fn name(screen: Screen) -> Option<String> {
    match screen {
        Screen::Intro => Some("intro".to_owned()),
        Screen::Section(index) => Some(format!("section-{index}")),
        Screen::Review => Some("review".to_owned()),
        Screen::Summary => Some("summary".to_owned()),
        Screen::Resume => None,
    }
}

fn screen_named(name: &str) -> Option<Screen> {
    match name {
        "intro" => Some(Screen::Intro),
        "review" => Some(Screen::Review),
        "summary" => Some(Screen::Summary),
        other => other
            .strip_prefix("section-")?
            .parse()
            .ok()
            .map(Screen::Section),
    }
}

fn state(widget: &str, screen: Screen, step: u32) -> Result<Option<JsValue>, JsValue> {
    let Some(name) = name(screen) else {
        return Ok(None);
    };
    let state = js_sys::Object::new();
    js_sys::Reflect::set(&state, &WIDGET.into(), &widget.into())?;
    js_sys::Reflect::set(&state, &SCREEN.into(), &name.into())?;
    js_sys::Reflect::set(&state, &STEP.into(), &f64::from(step).into())?;
    Ok(Some(state.into()))
}

/// Adds an entry for `screen`. The first time, the entry the page was on (which holds no state,
/// unless the page keeps its own there) becomes the introduction's.
pub(crate) fn record(widget: &str, screen: Screen) -> Result<(), JsValue> {
    let Some(history) = history() else {
        return Ok(());
    };
    if history.state()?.is_null() {
        if let Some(intro) = state(widget, Screen::Intro, 0)? {
            history.replace_state(&intro, "")?;
        }
    }
    let step = step_now(widget).saturating_add(1);
    match state(widget, screen, step)? {
        Some(state) => history.push_state(&state, ""),
        None => Ok(()),
    }
}

/// How many of the widget's entries the page is past the one it was on.
pub(crate) fn step_now(widget: &str) -> u32 {
    let Some(state) = history().and_then(|history| history.state().ok()) else {
        return 0;
    };
    if !is_widgets(&state, widget) {
        return 0;
    }
    js_sys::Reflect::get(&state, &STEP.into())
        .ok()
        .and_then(|step| step.as_f64())
        .filter(|step| step.is_finite() && *step >= 0.0)
        .map_or(0, |step| step as u32)
}

/// Goes back `steps` entries: quick exit does so before it replaces the page, so that Back from
/// the neutral page does not come back here.
pub(crate) fn go_back(steps: u32) -> Result<(), JsValue> {
    match history() {
        Some(history) => history.go_with_delta(-i32::try_from(steps).unwrap_or(i32::MAX)),
        None => Ok(()),
    }
}

fn is_widgets(state: &JsValue, widget: &str) -> bool {
    state.is_object()
        && js_sys::Reflect::get(state, &WIDGET.into())
            .ok()
            .and_then(|owner| owner.as_string())
            .is_some_and(|owner| owner == widget)
}

/// The screen a history entry's state names, if the entry is this widget's.
pub(crate) fn screen_of(state: &JsValue, widget: &str) -> Option<Screen> {
    if !is_widgets(state, widget) {
        return None;
    }
    let name = js_sys::Reflect::get(state, &SCREEN.into())
        .ok()?
        .as_string()?;
    screen_named(&name)
}

/// Whether the page was loaded by the browser's Back or Forward onto an entry some widget
/// recorded: after quick exit, Forward can load the page again onto a section's entry, and a
/// draft kept on the device would then greet the next person with "welcome back".
pub(crate) fn returned_through_history() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let through_history = window
        .performance()
        .map(|performance| performance.get_entries_by_type("navigation"))
        .and_then(|entries| js_sys::Reflect::get(&entries.get(0), &"type".into()).ok())
        .and_then(|kind| kind.as_string())
        .is_some_and(|kind| kind == "back_forward");
    let widgets_entry = history()
        .and_then(|history| history.state().ok())
        .filter(JsValue::is_object)
        .and_then(|state| js_sys::Reflect::get(&state, &WIDGET.into()).ok())
        .is_some_and(|owner| owner.is_string());
    through_history && widgets_entry
}
