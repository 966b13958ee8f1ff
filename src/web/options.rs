//! Reading what the page gives the widget: the mount options (the questionnaire and the clinic's
//! settings, as a JSON string or an object), and the languages the client may want.

use serde_json::Value;
use wasm_bindgen::JsValue;
use web_sys::{Element, Url};

use crate::format::catalog::{self, Catalog};
use crate::reading::json;
use crate::reading::limits::check_size;
use crate::reading::problem::Problem;

/// Reads the mount options: the questionnaire (a JSON string or an object; the built-in one
/// without) and the clinic's settings, with every problem of both.
pub(super) fn read_options(options: &JsValue) -> Result<Catalog, Vec<Problem>> {
    let catalog = read_files(options)?;
    match exit_stays_here(&catalog.settings().quick_exit.url) {
        Some(problem) => Err(vec![problem]),
        None => Ok(catalog),
    }
}

/// A quick-exit address that leads back to this very page, which quick exit must leave.
fn exit_stays_here(url: &str) -> Option<Problem> {
    let page = web_sys::window()?.location().href().ok()?;
    let target = Url::new_with_base(url, &page).ok()?;
    let here = Url::new(&page).ok()?;
    let without_fragment = |address: &Url| {
        format!(
            "{}{}{}",
            address.origin(),
            address.pathname(),
            address.search()
        )
    };
    (without_fragment(&target) == without_fragment(&here)).then(|| {
        Problem::new(
            "options.quick_exit.url",
            format!(
                "\"{url}\" is this page itself: quick exit must leave it, for a neutral page such \
                 as https://www.bbc.co.uk/weather"
            ),
        )
    })
}

/// Reads the questionnaire and the settings from the options.
fn read_files(options: &JsValue) -> Result<Catalog, Vec<Problem>> {
    if options.is_undefined() || options.is_null() {
        let options = Value::Object(serde_json::Map::new());
        return Ok(
            catalog::prepare(catalog::questionnaire_of(&options)?, options, "options")?
                .with_built_in(Some("full")),
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
    let built_in = catalog::built_in_of(&value);
    Ok(
        catalog::prepare(catalog::questionnaire_of(&value)?, value, "options")?
            .with_built_in(built_in),
    )
}

/// Converts options given as a JavaScript object (checked for depth and size first).
fn read_object(options: &JsValue) -> Result<Value, Vec<Problem>> {
    json::from_js(options).map_err(|error| {
        vec![Problem::new(
            "options",
            format!("could not be read as JSON data: {error}"),
        )]
    })
}

/// The languages the client may want, most wanted first: the `lang` of the widget's element and
/// of each element around it up to the page's, then the browser's preferred languages.
pub(super) fn wanted_languages(host: &Element) -> Vec<String> {
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
