//! Scale questions: a row of numbered radios in the reading direction, with labelled ends.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::markup::QuestionIds;
use crate::format::questionnaire::Scale;
use crate::view::QuestionView;
use crate::web::dom::{append_all, set_attributes, Dom};

/// Builds the points of a scale into `fieldset`.
pub(super) fn render(
    dom: &Dom,
    fieldset: &Element,
    view: &QuestionView<'_>,
    ids: &QuestionIds,
    scale: &Scale,
) -> Result<(), JsValue> {
    let wrapper = dom.element("div", "ew-scale")?;
    let points = dom.element("div", "ew-scale-points")?;
    let question = view.index.to_string();
    let chosen = view.answer.and_then(|answer| answer.scale_point());
    for value in scale.min..=scale.max {
        let point = dom.element("div", "ew-scale-point")?;
        let input = dom.element("input", "ew-choice-input")?;
        let number = value.to_string();
        let id = ids.option(&number);
        set_attributes(
            &input,
            &[
                ("type", "radio"),
                ("id", &id),
                ("name", &ids.input()),
                ("value", &number),
                ("data-ew-question", &question),
                ("data-ew-role", "point"),
                ("data-ew-value", &number),
            ],
        )?;
        input.toggle_attribute_with_force("checked", chosen == Some(value))?;
        let label = dom.text("label", "ew-scale-label", &number)?;
        label.set_attribute("for", &id)?;
        // The end labels are shown once under the row (hidden from screen readers) and read out
        // here, with the number, so "0, Not at all" is heard where it is chosen.
        let end = if value == scale.min {
            Some(&scale.min_label)
        } else if value == scale.max {
            Some(&scale.max_label)
        } else {
            None
        };
        if let Some(end) = end {
            append_all(&label, &[&dom.hidden_text(&format!(" ({end})"))?])?;
        }
        append_all(&point, &[&input, &label])?;
        points.append_child(&point)?;
    }
    let ends = dom.element("div", "ew-scale-ends")?;
    ends.set_attribute("aria-hidden", "true")?;
    append_all(
        &ends,
        &[
            &dom.text("span", "", &scale.min_label)?,
            &dom.text("span", "", &scale.max_label)?,
        ],
    )?;
    append_all(&wrapper, &[&points, &ends])?;
    fieldset.append_child(&wrapper)?;
    Ok(())
}
