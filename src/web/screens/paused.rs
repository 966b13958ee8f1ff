//! The neutral step: shown instead of everything when the page comes back through the browser's
//! history, it says nothing of what is behind it, so Back or Forward shows nobody the answers.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::frame::{actions, screen_section, Rendered};
use crate::languages::interface::Texts;
use crate::web::dom::{append_all, Dom};

/// Builds the neutral step.
pub(super) fn paused_screen(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let (section, heading) =
        screen_section(dom, prefix, "ew-paused", texts.paused_heading(), rendered)?;
    append_all(
        &section,
        &[
            &heading,
            &dom.text("p", "ew-body", texts.paused_body())?,
            &actions(dom, &[("ew-button", "continue", texts.paused_continue())])?,
        ],
    )?;
    Ok(section)
}
