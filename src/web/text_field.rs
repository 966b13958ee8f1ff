//! Short and long text questions: a label, a hint and an input or a textarea.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{append_all, set_attributes, Dom};
use super::render::QuestionIds;
use crate::answers::answer::Answer;
use crate::format::questionnaire::QuestionKind;
use crate::languages::interface::Texts;
use crate::view::QuestionView;

/// Builds a text question into `block`.
pub(crate) fn render(
    dom: &Dom,
    texts: &Texts,
    block: &Element,
    view: &QuestionView<'_>,
    ids: &QuestionIds,
    long: bool,
) -> Result<(), JsValue> {
    let input_id = ids.input();
    let hint = match (&view.question.hint, &view.question.kind) {
        (Some(hint), _) => Some(hint.as_str()),
        (None, QuestionKind::Note(_)) => Some(texts.note_hint.as_str()),
        (None, _) => None,
    };
    let label = dom.text("label", "ew-label", &view.question.text)?;
    label.set_attribute("for", &input_id)?;
    block.append_child(&label)?;
    if let Some(hint) = hint {
        let hint_element = dom.text("p", "ew-hint", hint)?;
        hint_element.set_attribute("id", &ids.hint())?;
        block.append_child(&hint_element)?;
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
            ("autocomplete", "off"),
            ("spellcheck", "true"),
            ("data-ew-question", &view.index.to_string()),
            ("data-ew-role", "text"),
        ],
    )?;
    if hint.is_some() {
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
