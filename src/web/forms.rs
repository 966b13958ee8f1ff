//! The GOV.UK form parts the dialogs and the "welcome back" screen share: a passphrase field with
//! its hint and error, and the error summary that takes focus after a failed try.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{append_all, private_field, set_attributes, Dom};
use crate::languages::interface::Texts;

/// A labelled passphrase input, with its error message when there is one.
pub(super) fn passphrase_field(
    dom: &Dom,
    id: &str,
    name: &str,
    label: &str,
    hint: Option<&str>,
    error: Option<&str>,
) -> Result<Element, JsValue> {
    let field = dom.element(
        "div",
        if error.is_some() {
            "ew-field ew-field--error"
        } else {
            "ew-field"
        },
    )?;
    let label_element = dom.text("label", "ew-label", label)?;
    label_element.set_attribute("for", id)?;
    field.append_child(&label_element)?;
    let mut described = Vec::new();
    if let Some(hint) = hint {
        let hint_id = format!("{id}-hint");
        let hint_element = dom.text("p", "ew-hint", hint)?;
        hint_element.set_attribute("id", &hint_id)?;
        field.append_child(&hint_element)?;
        described.push(hint_id);
    }
    if let Some(error) = error {
        let error_id = format!("{id}-error");
        let message = dom.element("p", "ew-error-message")?;
        message.set_attribute("id", &error_id)?;
        // "Error:" is read before the message, as GOV.UK does, since colour alone says nothing.
        append_all(&message, &[&dom.hidden_text("Error: ")?])?;
        dom.append_text(&message, error)?;
        field.append_child(&message)?;
        described.push(error_id);
    }
    let input = dom.element("input", "ew-input ew-input--passphrase")?;
    set_attributes(
        &input,
        &[
            ("type", "password"),
            ("id", id),
            ("name", name),
            // The passphrase is the client's alone: a password manager must neither keep it nor
            // fill it in for the next person at the keyboard. These are the opt-outs of 1Password,
            // LastPass, Bitwarden, Dashlane and Proton Pass; browsers' own managers offer nothing
            // for a field with autocomplete off in a form that never submits.
            ("data-1p-ignore", "true"),
            ("data-lpignore", "true"),
            ("data-bwignore", "true"),
            ("data-form-type", "other"),
            ("data-protonpass-ignore", "true"),
        ],
    )?;
    private_field(&input, false)?;
    if !described.is_empty() {
        input.set_attribute("aria-describedby", &described.join(" "))?;
    }
    if error.is_some() {
        input.set_attribute("aria-invalid", "true")?;
    }
    field.append_child(&input)?;
    Ok(field)
}

/// GOV.UK's error summary: a heading and the problems, focused after a failed submission.
pub(super) fn error_summary(dom: &Dom, texts: &Texts, message: &str) -> Result<Element, JsValue> {
    let summary = dom.element("div", "ew-error-summary")?;
    set_attributes(&summary, &[("role", "alert"), ("tabindex", "-1")])?;
    append_all(
        &summary,
        &[
            &dom.text("h3", "ew-error-summary-title", texts.there_is_a_problem())?,
            &dom.text("p", "ew-body", message)?,
        ],
    )?;
    Ok(summary)
}
