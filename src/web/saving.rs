//! The saving parts of the page: the status bar under every screen, the "welcome back" screen,
//! and the passphrase and delete dialogs.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{append_all, set_attributes, set_hidden, Dom};
use crate::answers::draft::DraftProblem;
use crate::format::settings::Support;
use crate::languages::interface::Texts;
use crate::session::saving::{
    Dialog, DraftSource, PassphraseProblem, PassphrasePurpose, Unlock, UnlockProblem,
};
use crate::view::SaveBar;

/// The saving status and buttons under every screen.
pub(crate) struct SaveBarNodes {
    pub(crate) element: Element,
    status: Element,
    save: Element,
    save_here: Element,
    delete: Element,
}

/// Builds the save bar once, at mount; [`refresh_save_bar`] gives it its words.
pub(crate) fn save_bar(dom: &Dom) -> Result<SaveBarNodes, JsValue> {
    let element = dom.element("div", "ew-savebar")?;
    let status = dom.text("p", "ew-save-status", "")?;
    let actions = dom.element("div", "ew-actions ew-actions--save")?;
    let save = dom.button("ew-button ew-button--secondary", "save", "")?;
    let save_here = dom.button("ew-button ew-button--secondary", "save-here", "")?;
    let delete = dom.button("ew-link-button", "delete", "")?;
    append_all(&actions, &[&save, &save_here, &delete])?;
    append_all(&element, &[&status, &actions])?;
    Ok(SaveBarNodes {
        element,
        status,
        save,
        save_here,
        delete,
    })
}

/// Brings the save bar up to date, in the language of `texts`.
pub(crate) fn refresh_save_bar(
    nodes: &SaveBarNodes,
    texts: &Texts,
    bar: &SaveBar,
) -> Result<(), JsValue> {
    nodes.status.set_text_content(Some(&bar.status));
    nodes.save.set_text_content(Some(&texts.save_on_device));
    nodes.save_here.set_text_content(Some(&texts.save_here));
    set_hidden(&nodes.save_here, !bar.can_save_here)?;
    nodes
        .delete
        .set_text_content(Some(&texts.delete_everything));
    set_hidden(&nodes.save, !bar.can_save)
}

/// A labelled passphrase input, with its error message when there is one.
fn passphrase_field(
    dom: &Dom,
    id: &str,
    name: &str,
    label: &str,
    hint: Option<&str>,
    error: Option<&str>,
    autocomplete: &str,
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
            ("autocomplete", autocomplete),
            ("spellcheck", "false"),
        ],
    )?;
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
fn error_summary(dom: &Dom, texts: &Texts, message: &str) -> Result<Element, JsValue> {
    let summary = dom.element("div", "ew-error-summary")?;
    set_attributes(&summary, &[("role", "alert"), ("tabindex", "-1")])?;
    append_all(
        &summary,
        &[
            &dom.text("h3", "ew-error-summary-title", &texts.there_is_a_problem)?,
            &dom.text("p", "ew-body", message)?,
        ],
    )?;
    Ok(summary)
}

/// Fills the dialog element with the content of `dialog`.
pub(crate) fn dialog_content(
    dom: &Dom,
    texts: &Texts,
    element: &Element,
    prefix: &str,
    dialog: &Dialog,
    support: &Support,
) -> Result<(), JsValue> {
    let heading_id = format!("{prefix}-dialog-heading");
    element.set_attribute("aria-labelledby", &heading_id)?;
    if let Dialog::Support = dialog {
        let panel = dom.element("div", "ew-dialog-form")?;
        let heading = dom.text("h2", "ew-heading", &texts.support_heading)?;
        heading.set_attribute("id", &heading_id)?;
        let actions = dom.element("div", "ew-actions")?;
        append_all(
            &actions,
            &[&dom.button("ew-button ew-button--secondary", "cancel", &texts.close)?],
        )?;
        append_all(
            &panel,
            &[
                &heading,
                &super::support::contacts(dom, texts, support)?,
                &actions,
            ],
        )?;
        element.replace_children_with_node_1(&panel);
        return Ok(());
    }
    let form = dom.element("form", "ew-dialog-form")?;
    form.set_attribute("novalidate", "")?;
    let (heading, intro, confirm, confirm_class) = match dialog {
        Dialog::Passphrase { purpose, problem } => {
            let (heading, intro, confirm) = match purpose {
                PassphrasePurpose::Save => (
                    &texts.save_dialog_heading,
                    &texts.save_dialog_intro,
                    &texts.start_saving,
                ),
                PassphrasePurpose::Backup => (
                    &texts.backup_dialog_heading,
                    &texts.backup_dialog_intro,
                    &texts.save_backup,
                ),
            };
            form.set_attribute("data-ew-form", "new-passphrase")?;
            let (first_error, second_error) = match problem {
                Some(PassphraseProblem::TooShort) => {
                    (Some(texts.passphrase_too_short.as_str()), None)
                }
                Some(PassphraseProblem::Mismatch) => {
                    (None, Some(texts.passphrase_mismatch.as_str()))
                }
                None => (None, None),
            };
            if let Some(message) = first_error.or(second_error) {
                append_all(&form, &[&error_summary(dom, texts, message)?])?;
            }
            append_all(
                &form,
                &[
                    &passphrase_field(
                        dom,
                        &format!("{prefix}-new-passphrase"),
                        "passphrase",
                        &texts.passphrase,
                        Some(&texts.passphrase_hint),
                        first_error,
                        "new-password",
                    )?,
                    &passphrase_field(
                        dom,
                        &format!("{prefix}-new-passphrase-again"),
                        "confirmation",
                        &texts.passphrase_again,
                        None,
                        second_error,
                        "new-password",
                    )?,
                ],
            )?;
            (heading, intro, confirm, "ew-button")
        }
        Dialog::Support => return Ok(()),
        Dialog::ConfirmDelete => {
            form.set_attribute("data-ew-form", "delete")?;
            (
                &texts.delete_heading,
                &texts.delete_intro,
                &texts.delete_confirm,
                "ew-button ew-button--warning",
            )
        }
    };
    let heading_element = dom.text("h2", "ew-heading", heading)?;
    heading_element.set_attribute("id", &heading_id)?;
    let intro_element = dom.text("p", "ew-body", intro)?;
    let first = form.first_child();
    form.insert_before(&intro_element, first.as_ref())?;
    form.insert_before(&heading_element, Some(&intro_element))?;
    let actions = dom.element("div", "ew-actions")?;
    let submit = dom.text("button", confirm_class, confirm)?;
    submit.set_attribute("type", "submit")?;
    append_all(
        &actions,
        &[
            &submit,
            &dom.button("ew-button ew-button--secondary", "cancel", &texts.cancel)?,
        ],
    )?;
    form.append_child(&actions)?;
    element.replace_children_with_node_1(&form);
    Ok(())
}

/// The "welcome back" screen for a stored draft or a backup file.
pub(crate) fn resume_screen(
    dom: &Dom,
    texts: &Texts,
    section: &Element,
    heading: &Element,
    prefix: &str,
    unlock: &Unlock,
) -> Result<(), JsValue> {
    let Some(_) = &unlock.envelope else {
        heading.set_text_content(Some(&texts.unusable_heading));
        let reason = match &unlock.problem {
            Some(UnlockProblem::Draft(DraftProblem::NewerVersion(_))) => &texts.draft_newer,
            Some(UnlockProblem::Draft(DraftProblem::OtherQuestionnaire(_))) => &texts.draft_other,
            _ => &texts.draft_damaged,
        };
        append_all(
            section,
            &[
                heading,
                &dom.text("p", "ew-body", reason)?,
                &dom.text("p", "ew-body", &texts.draft_left_alone)?,
            ],
        )?;
        let actions = dom.element("div", "ew-actions")?;
        append_all(
            &actions,
            &[&dom.button("ew-button", "skip-unlock", &texts.continue_without_opening)?],
        )?;
        if unlock.source == DraftSource::Device {
            append_all(
                &actions,
                &[&dom.button(
                    "ew-button ew-button--secondary",
                    "delete",
                    &texts.delete_everything,
                )?],
            )?;
        }
        section.append_child(&actions)?;
        return Ok(());
    };
    let (title, intro) = match unlock.source {
        DraftSource::Device => (&texts.resume_heading, &texts.resume_intro),
        DraftSource::File => (&texts.backup_heading, &texts.backup_intro),
    };
    heading.set_text_content(Some(title));
    section.append_child(heading)?;
    let wrong = unlock.problem == Some(UnlockProblem::WrongPassphrase);
    if wrong {
        append_all(
            section,
            &[&error_summary(dom, texts, &texts.wrong_passphrase)?],
        )?;
    }
    append_all(section, &[&dom.text("p", "ew-body", intro)?])?;
    let form = dom.element("form", "ew-unlock")?;
    set_attributes(&form, &[("data-ew-form", "unlock"), ("novalidate", "")])?;
    append_all(
        &form,
        &[&passphrase_field(
            dom,
            &format!("{prefix}-passphrase"),
            "passphrase",
            &texts.your_passphrase,
            None,
            wrong.then_some(&texts.wrong_passphrase_field),
            "current-password",
        )?],
    )?;
    let actions = dom.element("div", "ew-actions")?;
    let submit = dom.text("button", "ew-button", &texts.open_draft)?;
    submit.set_attribute("type", "submit")?;
    actions.append_child(&submit)?;
    form.append_child(&actions)?;
    section.append_child(&form)?;
    let others = dom.element("div", "ew-actions")?;
    if unlock.source == DraftSource::Device {
        append_all(
            section,
            &[&dom.text("p", "ew-body", &texts.start_fresh_intro)?],
        )?;
        append_all(
            &others,
            &[&dom.button(
                "ew-button ew-button--secondary",
                "delete",
                &texts.start_fresh,
            )?],
        )?;
        append_all(
            &others,
            &[&dom.button(
                "ew-link-button",
                "skip-unlock",
                &texts.continue_without_opening,
            )?],
        )?;
    } else {
        append_all(
            &others,
            &[&dom.button(
                "ew-button ew-button--secondary",
                "skip-unlock",
                &texts.cancel,
            )?],
        )?;
    }
    section.append_child(&others)?;
    Ok(())
}

/// The file input on the introduction for continuing from a backup.
pub(crate) fn backup_input(dom: &Dom, texts: &Texts, prefix: &str) -> Result<Element, JsValue> {
    let field = dom.element("div", "ew-field ew-backup")?;
    let id = format!("{prefix}-backup-file");
    let label = dom.text("label", "ew-label", &texts.open_backup)?;
    label.set_attribute("for", &id)?;
    let hint = dom.text("p", "ew-hint", &texts.open_backup_hint)?;
    hint.set_attribute("id", &format!("{id}-hint"))?;
    let input = dom.element("input", "ew-file")?;
    set_attributes(
        &input,
        &[
            ("type", "file"),
            ("id", &id),
            ("accept", ".json,application/json"),
            ("aria-describedby", &format!("{id}-hint")),
            ("data-ew-role", "backup-file"),
        ],
    )?;
    append_all(&field, &[&label, &hint, &input])?;
    Ok(field)
}
