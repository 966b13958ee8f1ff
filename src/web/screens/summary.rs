//! The summary screen: the two outputs, "To bring" and "Just for me", each with its own ways to
//! keep it (print, download, copy); a calendar reminder; and the backup.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::frame::{actions, answer_element, choice, field_with_hint, screen_section, Rendered};
use crate::languages::interface::Texts;
use crate::reflection::summary::{Output, StayingWell, Summary, SummaryItem};
use crate::view::SummaryView;
use crate::web::dom::{append_all, private_field, set_attributes, Dom};

/// Builds the summary screen.
pub(super) fn summary_screen(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    view: &SummaryView,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let (section, heading) =
        screen_section(dom, prefix, "ew-summary", texts.summary_heading(), rendered)?;
    append_all(
        &section,
        &[
            &heading,
            &dom.text("p", "ew-body", texts.summary_intro())?,
            &output(dom, texts, prefix, &view.bring)?,
            &output(dom, texts, prefix, &view.mine)?,
            &reminder(dom, texts, prefix, view)?,
            &actions(
                dom,
                &[
                    (
                        "ew-button ew-button--secondary",
                        "backup",
                        texts.download_backup(),
                    ),
                    (
                        "ew-button ew-button--secondary",
                        "review",
                        texts.change_answers(),
                    ),
                ],
            )?,
            // What a download, a printout or a copy leaves behind, said where they are made.
            &dom.button("ew-link-button", "shared-device", texts.shared_device())?,
        ],
    )?;
    Ok(section)
}

/// One output in a region of its own, named by its heading, with its own buttons.
fn output(dom: &Dom, texts: &Texts, prefix: &str, summary: &Summary) -> Result<Element, JsValue> {
    let name = match summary.output {
        Output::Bring => "bring",
        Output::Mine => "mine",
    };
    let region = dom.element("section", &format!("ew-output ew-output--{name}"))?;
    let heading_id = format!("{prefix}-output-{name}");
    region.set_attribute("aria-labelledby", &heading_id)?;
    let heading = dom.text("h3", "ew-output-heading", &summary.heading)?;
    heading.set_attribute("id", &heading_id)?;
    if let Some(clinic) = &summary.clinic {
        append_all(&region, &[&dom.text("p", "ew-clinic", clinic)?])?;
    }
    append_all(
        &region,
        &[&heading, &dom.text("p", "ew-body", summary.lead(texts))?],
    )?;
    if !summary.last_session.is_empty() {
        append_all(
            &region,
            &[
                &dom.text("h4", "ew-subheading", texts.last_session_heading())?,
                &items(dom, texts, &summary.last_session)?,
            ],
        )?;
    }
    let notes = |region: &Element| -> Result<(), JsValue> {
        for note in &summary.notes {
            let letter = dom.element("div", "ew-letter")?;
            append_all(
                &letter,
                &[
                    &dom.text("h4", "ew-subheading", &note.title)?,
                    &dom.text("p", "ew-letter-text", &note.text)?,
                ],
            )?;
            append_all(region, &[&letter])?;
        }
        Ok(())
    };
    if summary.notes_first() {
        notes(&region)?;
    }
    for group in &summary.sections {
        append_all(
            &region,
            &[
                &dom.text("h4", "ew-subheading", &group.title)?,
                &items(dom, texts, &group.items)?,
            ],
        )?;
    }
    if !summary.notes_first() {
        notes(&region)?;
    }
    if let Some(plan) = &summary.plan {
        append_all(&region, &[&plan_element(dom, texts, plan)?])?;
    }
    // Each button names its output for screen readers: "Print, To bring".
    let buttons = dom.element("div", "ew-actions")?;
    for (class, action, label) in [
        ("ew-button", "print", texts.print()),
        (
            "ew-button ew-button--secondary",
            "download-text",
            texts.download_text(),
        ),
        (
            "ew-button ew-button--secondary",
            "download-html",
            texts.download_html(),
        ),
        ("ew-button ew-button--secondary", "copy", texts.copy()),
    ] {
        let button = dom.button(class, action, label)?;
        button.set_attribute("data-ew-output", name)?;
        append_all(
            &button,
            &[&dom.hidden_text(&format!(", {}", summary.heading))?],
        )?;
        buttons.append_child(&button)?;
    }
    append_all(&region, &[&buttons])?;
    Ok(region)
}

/// Answers under their labels.
fn items(dom: &Dom, texts: &Texts, items: &[SummaryItem]) -> Result<Element, JsValue> {
    let list = dom.element("dl", "ew-summary-list")?;
    for item in items {
        let row = dom.element("div", "ew-summary-row")?;
        let key = dom.text("dt", "ew-summary-key", &item.text)?;
        append_all(
            &row,
            &[&key, &answer_element(dom, texts, Some(&item.answer))?],
        )?;
        list.append_child(&row)?;
    }
    Ok(list)
}

/// The staying-well plan: its parts, then the clinic's contacts.
fn plan_element(dom: &Dom, texts: &Texts, plan: &StayingWell) -> Result<Element, JsValue> {
    let element = dom.element("div", "ew-plan")?;
    append_all(
        &element,
        &[
            &dom.text("h4", "ew-subheading", texts.plan_heading())?,
            &dom.text("p", "ew-body", texts.plan_intro())?,
        ],
    )?;
    for part in plan.all_parts(texts) {
        let list = dom.element("ul", "ew-list")?;
        for entry in &part.items {
            append_all(&list, &[&dom.text("li", "", entry)?])?;
        }
        append_all(
            &element,
            &[&dom.text("h5", "ew-plan-heading", &part.heading)?, &list],
        )?;
    }
    Ok(element)
}

/// The calendar reminder: a title in the client's own words, when, and the button.
fn reminder(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    view: &SummaryView,
) -> Result<Element, JsValue> {
    let region = dom.element("section", "ew-reminder")?;
    let heading_id = format!("{prefix}-reminder");
    region.set_attribute("aria-labelledby", &heading_id)?;
    let heading = dom.text("h3", "ew-output-heading", texts.reminder_heading())?;
    heading.set_attribute("id", &heading_id)?;
    append_all(
        &region,
        &[&heading, &dom.text("p", "ew-body", texts.reminder_intro())?],
    )?;

    let input = dom.element("input", "ew-input")?;
    set_attributes(
        &input,
        &[
            ("type", "text"),
            ("data-ew-role", "reminder-title"),
            // A neutral title to start from, which the client may change.
            ("value", texts.reminder_default_title()),
            ("maxlength", "100"),
        ],
    )?;
    private_field(&input, view.spellcheck)?;
    let field = field_with_hint(
        dom,
        "ew-field",
        &format!("{prefix}-reminder-title"),
        texts.reminder_title(),
        texts.reminder_title_hint(),
        &input,
    )?;

    let when = dom.element("fieldset", "ew-fieldset")?;
    append_all(
        &when,
        &[&dom.text("legend", "ew-legend", texts.reminder_when())?],
    )?;
    let choices = dom.element("div", "ew-choices ew-choices--radio")?;
    for (index, months) in view.reminder_months.iter().enumerate() {
        let (option, _) = choice(
            dom,
            "ew-choice",
            &[
                ("type", "radio"),
                ("id", &format!("{prefix}-reminder-{months}")),
                ("name", &format!("{prefix}-reminder-months")),
                ("value", &months.to_string()),
                ("data-ew-role", "reminder-months"),
            ],
            index == 0,
            &texts.reminder_months(*months as usize),
        )?;
        choices.append_child(&option)?;
    }
    when.append_child(&choices)?;
    append_all(
        &region,
        &[
            &field,
            &when,
            &actions(
                dom,
                &[(
                    "ew-button ew-button--secondary",
                    "reminder",
                    texts.reminder_download(),
                )],
            )?,
        ],
    )?;
    Ok(region)
}
