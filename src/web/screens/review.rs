//! The review screen: every shown question with its answer in words, or "skipped", and a
//! "Change" button that names the question for screen readers.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::frame::{actions, answer_element, choice, screen_section, Rendered};
use crate::languages::interface::Texts;
use crate::view::ReviewView;
use crate::web::dom::{append_all, Dom};

/// Builds the review screen.
pub(super) fn review_screen(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    review: &ReviewView<'_>,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let (section, heading) =
        screen_section(dom, prefix, "ew-review", texts.review_heading(), rendered)?;
    append_all(
        &section,
        &[&heading, &dom.text("p", "ew-body", texts.review_intro())?],
    )?;
    for group in &review.sections {
        append_all(&section, &[&dom.text("h3", "ew-subheading", group.title)?])?;
        let list = dom.element("dl", "ew-summary-list")?;
        for row in &group.rows {
            let item = dom.element("div", "ew-summary-row")?;
            let key = dom.text("dt", "ew-summary-key", row.text)?;
            let value = answer_element(dom, texts, row.answer.as_ref())?;
            let change_cell = dom.element("dd", "ew-summary-actions")?;
            let change = dom.button("ew-link-button", "change", texts.change())?;
            change.set_attribute("data-ew-question", &row.question.to_string())?;
            append_all(
                &change,
                &[&dom.hidden_text(&format!("{}{}", texts.change_hidden_prefix(), row.text))?],
            )?;
            change_cell.append_child(&change)?;
            if let Some(bring) = row.bring {
                let bring = bring_box(dom, texts, prefix, row.question, row.text, bring)?;
                change_cell.append_child(&bring)?;
            }
            rendered.change_buttons.push((row.question, change.clone()));
            append_all(&item, &[&key, &value, &change_cell])?;
            list.append_child(&item)?;
        }
        section.append_child(&list)?;
    }
    append_all(
        &section,
        &[&actions(
            dom,
            &[
                ("ew-button", "summary", texts.see_summary()),
                ("ew-button ew-button--secondary", "back", texts.back()),
            ],
        )?],
    )?;
    Ok(section)
}

/// "To bring": a checkbox whose name includes the question for screen readers.
fn bring_box(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    question: usize,
    text: &str,
    bring: bool,
) -> Result<Element, JsValue> {
    let (item, label) = choice(
        dom,
        "ew-choice ew-bring",
        &[
            ("type", "checkbox"),
            ("id", &format!("{prefix}-bring-{question}")),
            ("data-ew-question", &question.to_string()),
            ("data-ew-role", "bring"),
        ],
        bring,
        texts.bring_heading(),
    )?;
    append_all(&label, &[&dom.hidden_text(&format!(": {text}"))?])?;
    Ok(item)
}
