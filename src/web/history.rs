//! The browser's Back and Forward buttons move between the widget's screens. Each screen the
//! client moves to gets a history entry whose state names the widget and the screen, and
//! nothing else: no answer is ever put in the browser's history.

use wasm_bindgen::JsValue;
use web_sys::History;

use crate::session::Screen;

/// The state's field naming the widget, so entries of other widgets and of the page are told
/// apart.
const WIDGET: &str = "endingWell";
/// The state's field naming the screen.
const SCREEN: &str = "screen";

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

fn state(widget: &str, screen: Screen) -> Result<Option<JsValue>, JsValue> {
    let Some(name) = name(screen) else {
        return Ok(None);
    };
    let state = js_sys::Object::new();
    js_sys::Reflect::set(&state, &WIDGET.into(), &widget.into())?;
    js_sys::Reflect::set(&state, &SCREEN.into(), &name.into())?;
    Ok(Some(state.into()))
}

/// Adds an entry for `screen`. The first time, the entry the page was on becomes the
/// introduction's, unless the page keeps its own state in it.
pub(crate) fn record(widget: &str, screen: Screen, first: bool) -> Result<(), JsValue> {
    let (Some(history), Some(state)) = (history(), state(widget, screen)?) else {
        return Ok(());
    };
    if first && history.state()?.is_null() {
        if let Some(intro) = self::state(widget, Screen::Intro)? {
            history.replace_state(&intro, "")?;
        }
    }
    history.push_state(&state, "")
}

/// The screen a history entry's state names, if the entry is this widget's.
pub(crate) fn screen_of(state: &JsValue, widget: &str) -> Option<Screen> {
    if !state.is_object() {
        return None;
    }
    let owner = js_sys::Reflect::get(state, &WIDGET.into())
        .ok()?
        .as_string()?;
    if owner != widget {
        return None;
    }
    let name = js_sys::Reflect::get(state, &SCREEN.into())
        .ok()?
        .as_string()?;
    screen_named(&name)
}
