//! Short and long text questions, and notes: a label, a hint and an input or a textarea.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::markup::{hint, QuestionIds};
use crate::answers::answer::Answer;
use crate::view::QuestionView;
use crate::web::dom::{append_all, private_field, set_attributes, Dom};

/// Builds a text question into `block`: a one-line input, or a textarea when `long`.
pub(super) fn render(
    dom: &Dom,
    block: &Element,
    view: &QuestionView<'_>,
    ids: &QuestionIds,
    long: bool,
) -> Result<(), JsValue> {
    let input_id = ids.input();
    let label = dom.text("label", "ew-label", &view.question.text)?;
    label.set_attribute("for", &input_id)?;
    block.append_child(&label)?;
    if let Some(text) = view.hint {
        append_all(block, &[&hint(dom, ids, text)?])?;
    }
    let input = if long {
        let textarea = dom.element("textarea", "ew-textarea")?;
        textarea.set_attribute("rows", "5")?;
        textarea
    } else {
        let input = dom.element("input", "ew-input")?;
        input.set_attribute("type", "text")?;
        input
    };
    set_attributes(
        &input,
        &[
            ("id", &input_id),
            ("data-ew-question", &view.index.to_string()),
            ("data-ew-role", "text"),
        ],
    )?;
    private_field(&input, view.spellcheck)?;
    if view.hint.is_some() {
        input.set_attribute("aria-describedby", &ids.hint())?;
    }
    if let Some(Answer::Text(text)) = view.answer {
        if long {
            input.set_text_content(Some(text));
        } else {
            input.set_attribute("value", text)?;
        }
    }
    append_all(block, &[&input])?;
    Ok(())
}
