//! The panel shown instead of the questionnaire when the clinic's file or settings have
//! problems: every problem with its path, for the clinic's staff.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::frame::{screen_section, Rendered};
use crate::languages::interface::Texts;
use crate::reading::problem::Problem;
use crate::web::dom::{append_all, Dom};

/// The panel for a questionnaire file with problems: every problem, with its path.
pub(crate) fn show_problems(
    dom: &Dom,
    texts: &Texts,
    screen: &Element,
    prefix: &str,
    problems: &[Problem],
) -> Result<Rendered, JsValue> {
    let mut rendered = Rendered::default();
    let (section, heading) = screen_section(
        dom,
        prefix,
        "ew-error-panel",
        texts.problems_heading(),
        &mut rendered,
    )?;
    append_all(
        &section,
        &[
            &heading,
            &dom.text("p", "ew-body", texts.problems_intro())?,
            &dom.text("p", "ew-body", &texts.problem_count(problems.len()))?,
        ],
    )?;
    let list = dom.element("ul", "ew-error-list")?;
    for problem in problems {
        let item = dom.element("li", "")?;
        if !problem.path.is_empty() {
            append_all(&item, &[&dom.text("code", "ew-path", &problem.path)?])?;
            dom.append_text(&item, " ")?;
        }
        append_all(&item, &[&dom.text("span", "", &problem.message)?])?;
        list.append_child(&item)?;
    }
    section.append_child(&list)?;
    screen.replace_children_with_node_1(&section);
    Ok(rendered)
}
