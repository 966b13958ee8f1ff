//! What every kind of question shares: element ids that are unique on the page, the nodes that
//! change without a rebuild, and the GOV.UK markup around the inputs (a fieldset with its legend
//! and hint, a hint under a label, the "Clear this answer" button).

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::languages::interface::Texts;
use crate::view::QuestionView;
use crate::web::dom::{append_all, Dom};

/// Element ids of one question, unique on the page thanks to the widget's prefix.
pub(crate) struct QuestionIds {
    base: String,
}

impl QuestionIds {
    pub(crate) fn new(prefix: &str, question_id: &str) -> Self {
        Self {
            base: format!("{prefix}-q-{question_id}"),
        }
    }

    /// The question's block.
    pub(crate) fn block(&self) -> String {
        self.base.clone()
    }

    /// The main input, and the `name` of a group of radios or checkboxes.
    pub(crate) fn input(&self) -> String {
        format!("{}-input", self.base)
    }

    /// The hint.
    pub(crate) fn hint(&self) -> String {
        format!("{}-hint", self.base)
    }

    /// One option's input.
    pub(crate) fn option(&self, option_id: &str) -> String {
        format!("{}-option-{option_id}", self.base)
    }

    /// Another part of the question.
    pub(crate) fn part(&self, name: &str) -> String {
        format!("{}-{name}", self.base)
    }
}

/// The elements of a question on screen that change without a rebuild.
pub(crate) struct QuestionNodes {
    pub(crate) index: usize,
    pub(crate) block: Element,
    pub(crate) clear: Option<Element>,
    pub(crate) other: Option<Element>,
}

/// The hint under a question, with the id its input or fieldset is described by.
pub(super) fn hint(dom: &Dom, ids: &QuestionIds, text: &str) -> Result<Element, JsValue> {
    let hint = dom.text("p", "ew-hint", text)?;
    hint.set_attribute("id", &ids.hint())?;
    Ok(hint)
}

/// `<fieldset>` with the question as its legend and the hint tied in, as GOV.UK groups radios
/// and checkboxes.
pub(super) fn fieldset(
    dom: &Dom,
    view: &QuestionView<'_>,
    ids: &QuestionIds,
) -> Result<Element, JsValue> {
    let fieldset = dom.element("fieldset", "ew-fieldset")?;
    append_all(
        &fieldset,
        &[&dom.text("legend", "ew-legend", &view.question.text)?],
    )?;
    if let Some(text) = view.hint {
        append_all(&fieldset, &[&hint(dom, ids, text)?])?;
        fieldset.set_attribute("aria-describedby", &ids.hint())?;
    }
    Ok(fieldset)
}

/// "Clear this answer": a chosen radio cannot be unticked in a browser, and everything here is
/// optional, so this button takes the answer back. Hidden while there is no answer.
pub(super) fn clear_button(
    dom: &Dom,
    texts: &Texts,
    view: &QuestionView<'_>,
) -> Result<Element, JsValue> {
    let clear = dom.button("ew-link-button", "clear", texts.clear_answer())?;
    clear.set_attribute("data-ew-question", &view.index.to_string())?;
    append_all(
        &clear,
        &[&dom.hidden_text(&format!(": {}", view.question.text))?],
    )?;
    clear.toggle_attribute_with_force("hidden", view.answer.is_none())?;
    Ok(clear)
}
