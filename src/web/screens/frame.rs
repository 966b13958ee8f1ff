//! What every screen shares: the `<section>` with its focusable heading, a row of buttons, an
//! answer in words, and what is kept of the screen on show so that it can be updated in place
//! and focus moved within it.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlProgressElement};

use crate::languages::interface::Texts;
use crate::reflection::shown::Shown;
use crate::web::dom::{append_all, focus, set_attributes, Dom};
use crate::web::questions::markup::QuestionNodes;

/// What is on screen now, kept so that answers can update it in place.
#[derive(Default)]
pub(crate) struct Rendered {
    pub(super) questions: Vec<QuestionNodes>,
    pub(super) progress: Option<(HtmlProgressElement, Element)>,
    pub(super) heading: Option<Element>,
    pub(super) change_buttons: Vec<(usize, Element)>,
    pub(super) support: Vec<Element>,
}

impl Rendered {
    /// The heading of the screen.
    pub(crate) fn heading(&self) -> Option<&Element> {
        self.heading.as_ref()
    }

    /// The nodes of a question on screen.
    pub(super) fn question(&self, question: usize) -> Option<&QuestionNodes> {
        self.questions.iter().find(|nodes| nodes.index == question)
    }

    /// Moves focus into a question: its chosen radio, or its first input.
    pub(crate) fn focus_question(&self, question: usize) -> Result<(), JsValue> {
        let Some(nodes) = self.question(question) else {
            return Ok(());
        };
        let target = match nodes.block.query_selector("input:checked")? {
            Some(checked) => Some(checked),
            None => nodes.block.query_selector("input, textarea")?,
        };
        match target {
            Some(target) => focus(&target),
            None => Ok(()),
        }
    }

    /// Moves focus to the "Change" button of a question on the review, or to the heading.
    pub(crate) fn focus_change_button(&self, question: usize) -> Result<(), JsValue> {
        let button = self.change_buttons.iter().find(|(q, _)| *q == question);
        match (button, &self.heading) {
            (Some((_, button)), _) => focus(button),
            (None, Some(heading)) => focus(heading),
            (None, None) => Ok(()),
        }
    }
}

/// `<section>` with its focusable `<h2>`.
pub(super) fn screen_section(
    dom: &Dom,
    prefix: &str,
    class: &str,
    heading_text: &str,
    rendered: &mut Rendered,
) -> Result<(Element, Element), JsValue> {
    let section = dom.element("section", class)?;
    let heading = dom.text("h2", "ew-heading", heading_text)?;
    let heading_id = format!("{prefix}-heading");
    // tabindex -1: focus is moved here on every new screen, as GOV.UK does, so a screen reader
    // starts reading at the new heading; it is not in the tab order.
    set_attributes(&heading, &[("id", &heading_id), ("tabindex", "-1")])?;
    section.set_attribute("aria-labelledby", &heading_id)?;
    rendered.heading = Some(heading.clone());
    Ok((section, heading))
}

/// A row of buttons: (class, action, label) each.
pub(super) fn actions(dom: &Dom, buttons: &[(&str, &str, &str)]) -> Result<Element, JsValue> {
    let actions = dom.element("div", "ew-actions")?;
    for (class, action, label) in buttons {
        append_all(&actions, &[&dom.button(class, action, label)?])?;
    }
    Ok(actions)
}

/// `div.class` with a label, a hint and `input` under them: the input gets `id` and is described
/// by the hint, as GOV.UK's fields are.
pub(super) fn field_with_hint(
    dom: &Dom,
    class: &str,
    id: &str,
    label: &str,
    hint: &str,
    input: &Element,
) -> Result<Element, JsValue> {
    let field = dom.element("div", class)?;
    let label = dom.text("label", "ew-label", label)?;
    label.set_attribute("for", id)?;
    let hint_id = format!("{id}-hint");
    let hint = dom.text("p", "ew-hint", hint)?;
    hint.set_attribute("id", &hint_id)?;
    set_attributes(input, &[("id", id), ("aria-describedby", &hint_id)])?;
    append_all(&field, &[&label, &hint, input])?;
    Ok(field)
}

/// A radio or checkbox with its label, in `div.class`: the input takes `attributes` (its `id`
/// among them, which the label points at). Returns the item and the label, which a caller may
/// add hidden words to.
pub(super) fn choice(
    dom: &Dom,
    class: &str,
    attributes: &[(&str, &str)],
    checked: bool,
    label: &str,
) -> Result<(Element, Element), JsValue> {
    let item = dom.element("div", class)?;
    let input = dom.element("input", "ew-choice-input")?;
    set_attributes(&input, attributes)?;
    input.toggle_attribute_with_force("checked", checked)?;
    let label = dom.text("label", "ew-choice-label", label)?;
    if let Some(id) = input.get_attribute("id") {
        label.set_attribute("for", &id)?;
    }
    append_all(&item, &[&input, &label])?;
    Ok((item, label))
}

/// An answer in words, as the `<dd>` of a summary list; "skipped" for none.
pub(super) fn answer_element(
    dom: &Dom,
    texts: &Texts,
    answer: Option<&Shown>,
) -> Result<Element, JsValue> {
    let value = dom.element("dd", "ew-summary-value")?;
    match answer {
        None => {
            append_all(&value, &[&dom.text("span", "ew-skipped", texts.skipped())?])?;
        }
        Some(Shown::Text(text)) => dom.append_text(&value, text)?,
        Some(Shown::List(items)) => {
            let list = dom.element("ul", "ew-list")?;
            for item in items {
                append_all(&list, &[&dom.text("li", "", item)?])?;
            }
            value.append_child(&list)?;
        }
    }
    Ok(value)
}
