//! The summary screen: the answers by section, the plan, the notes, and the ways to keep them
//! (print, download, copy, backup).

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::frame::{actions, answer_element, screen_section, Rendered};
use crate::languages::interface::Texts;
use crate::reflection::summary::Summary;
use crate::web::dom::{append_all, Dom};

/// Builds the summary screen.
pub(super) fn summary_screen(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    summary: &Summary,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let (section, heading) =
        screen_section(dom, prefix, "ew-summary", &texts.summary_heading, rendered)?;
    append_all(
        &section,
        &[&heading, &dom.text("p", "ew-body", &texts.summary_intro)?],
    )?;
    if summary.sections.is_empty() {
        append_all(
            &section,
            &[&dom.text("p", "ew-body", &texts.summary_empty)?],
        )?;
    }
    for group in &summary.sections {
        append_all(&section, &[&dom.text("h3", "ew-subheading", &group.title)?])?;
        let list = dom.element("dl", "ew-summary-list")?;
        for item in &group.items {
            let row = dom.element("div", "ew-summary-row")?;
            let key = dom.text("dt", "ew-summary-key", &item.text)?;
            append_all(
                &row,
                &[&key, &answer_element(dom, texts, Some(&item.answer))?],
            )?;
            list.append_child(&row)?;
        }
        section.append_child(&list)?;
    }
    if !summary.plan.is_empty() {
        let plan = dom.element("div", "ew-plan")?;
        append_all(
            &plan,
            &[
                &dom.text("h3", "ew-subheading", &texts.plan_heading)?,
                &dom.text("p", "ew-body", &texts.plan_intro)?,
            ],
        )?;
        for part in &summary.plan {
            let list = dom.element("ul", "ew-list")?;
            for item in &part.items {
                append_all(&list, &[&dom.text("li", "", item)?])?;
            }
            append_all(
                &plan,
                &[&dom.text("h4", "ew-plan-heading", &part.heading)?, &list],
            )?;
        }
        append_all(&section, &[&plan])?;
    }
    for note in &summary.notes {
        let letter = dom.element("div", "ew-letter")?;
        append_all(
            &letter,
            &[
                &dom.text("h3", "ew-subheading", &note.title)?,
                &dom.text("p", "ew-letter-text", &note.text)?,
            ],
        )?;
        append_all(&section, &[&letter])?;
    }
    if summary.skipped > 0 && !summary.sections.is_empty() {
        append_all(
            &section,
            &[&dom.text("p", "ew-meta", &texts.skipped_count(summary.skipped))?],
        )?;
    }
    append_all(
        &section,
        &[&actions(
            dom,
            &[
                ("ew-button", "print", &texts.print),
                (
                    "ew-button ew-button--secondary",
                    "download-text",
                    &texts.download_text,
                ),
                (
                    "ew-button ew-button--secondary",
                    "download-html",
                    &texts.download_html,
                ),
                ("ew-button ew-button--secondary", "copy", &texts.copy),
                (
                    "ew-button ew-button--secondary",
                    "backup",
                    &texts.download_backup,
                ),
                (
                    "ew-button ew-button--secondary",
                    "review",
                    &texts.change_answers,
                ),
            ],
        )?],
    )?;
    // What a download, a printout or a copy leaves behind, said where they are made.
    append_all(
        &section,
        &[&dom.button("ew-link-button", "shared-device", &texts.shared_device)?],
    )?;
    Ok(section)
}
