//! The dialog over the screen: the support contacts, a new passphrase (to save or for a backup),
//! or the confirmation to delete. Opened as a modal `<dialog>`, with focus kept inside and given
//! back where it was when it closes.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::app::App;
use super::dom::{self, append_all, Dom};
use super::forms::{error_summary, passphrase_field};
use super::support;
use super::top_bar::exit_button;
use crate::format::settings::Support;
use crate::languages::interface::Texts;
use crate::session::saving::{Dialog, PassphraseProblem, PassphrasePurpose};
use crate::session::Model;

impl App {
    /// Moves focus round from the dialog's last control to its first (or back, with Shift);
    /// true when it did, so the browser's own Tab is cancelled.
    pub(super) fn keep_focus_in_dialog(&self, backwards: bool) -> bool {
        let Ok(list) = self.ui.dialog.query_selector_all(
            "button, input, textarea, a[href], [tabindex='-1'].ew-error-summary",
        ) else {
            return false;
        };
        let controls: Vec<Element> = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect();
        let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
            return false;
        };
        let focused = dom::focused_element(&self.ui.root);
        let (from, to) = if backwards {
            (first, last)
        } else {
            (last, first)
        };
        if focused.as_ref() == Some(from) {
            dom::focus(to).is_ok()
        } else {
            false
        }
    }

    /// Gives focus back to the control that opened the dialog. When that control went away
    /// with what the dialog did ("Save my answers on this device" is hidden once they are
    /// saved), focus goes to the save bar's status beside it, which says what happened, rather
    /// than being lost to the page.
    fn focus_after_dialog(&self, opener: Option<Element>) -> Result<(), JsValue> {
        let Some(opener) = opener else {
            return Ok(());
        };
        let shown = self.ui.root.contains(Some(&opener)) && opener.closest("[hidden]")?.is_none();
        if shown {
            dom::focus(&opener)
        } else if self.ui.save_bar.element.contains(Some(&opener)) {
            dom::focus(&self.ui.save_bar.status)
        } else {
            Ok(())
        }
    }

    /// Opens, refreshes or closes the dialog to match the model, moving focus sensibly.
    pub(super) fn show_dialog(&self, model: &Model) -> Result<(), JsValue> {
        let dialog = &self.ui.dialog;
        let Some(content) = model.dialog() else {
            if dialog.open() {
                dialog.close();
            }
            // A passphrase typed into the dialog must not linger in the page.
            dialog.replace_children_with_node_0();
            let opener = self.dialog_opener.borrow_mut().take();
            return self.focus_after_dialog(opener);
        };
        dialog_content(
            &self.ui.dom,
            model.texts(),
            dialog,
            &self.ui.prefix,
            content,
            &model.settings().support,
        )?;
        if !dialog.open() {
            let opener = dom::focused_element(&self.ui.root);
            *self.dialog_opener.borrow_mut() = opener;
            dialog.show_modal()?;
        }
        // A failed try puts focus on the error summary; a confirmation on "Cancel", so that
        // Enter never deletes by accident; otherwise on the first field.
        let target = match dialog.query_selector(".ew-error-summary")? {
            Some(summary) => Some(summary),
            None => dialog.query_selector("input, [data-ew-action=cancel]")?,
        };
        match target {
            Some(target) => dom::focus(&target),
            None => Ok(()),
        }
    }
}

/// Fills the dialog element with the content of `dialog`.
fn dialog_content(
    dom: &Dom,
    texts: &Texts,
    element: &Element,
    prefix: &str,
    dialog: &Dialog,
    support: &Support,
) -> Result<(), JsValue> {
    let heading_id = format!("{prefix}-dialog-heading");
    element.set_attribute("aria-labelledby", &heading_id)?;
    let exit = dom.element("div", "ew-dialog-exit")?;
    append_all(&exit, &[&exit_button(dom, texts)?])?;
    // The dialogs that only tell: a heading, what they say, and "Close".
    let told = match dialog {
        Dialog::Support => Some((
            texts.support_heading(),
            support::contacts(dom, texts, support, true)?,
        )),
        Dialog::SharedDevice => Some((texts.shared_heading(), shared_device(dom, texts)?)),
        Dialog::Passphrase { .. } | Dialog::ConfirmDelete => None,
    };
    if let Some((heading_text, body)) = told {
        let panel = dom.element("div", "ew-dialog-form")?;
        let heading = dom.text("h2", "ew-heading", heading_text)?;
        heading.set_attribute("id", &heading_id)?;
        let actions = dom.element("div", "ew-actions")?;
        append_all(
            &actions,
            &[&dom.button("ew-button ew-button--secondary", "cancel", texts.close())?],
        )?;
        append_all(&panel, &[&heading, &body, &actions])?;
        element.replace_children_with_node_2(&exit, &panel);
        return Ok(());
    }
    let form = dom.element("form", "ew-dialog-form")?;
    form.set_attribute("novalidate", "")?;
    let (heading, intro, confirm, confirm_class) = match dialog {
        Dialog::Passphrase { purpose, problem } => {
            let (heading, intro, confirm) = match purpose {
                PassphrasePurpose::Save => (
                    texts.save_dialog_heading(),
                    texts.save_dialog_intro(),
                    texts.start_saving(),
                ),
                PassphrasePurpose::Backup => (
                    texts.backup_dialog_heading(),
                    texts.backup_dialog_intro(),
                    texts.save_backup(),
                ),
            };
            form.set_attribute("data-ew-form", "new-passphrase")?;
            let (first_error, second_error) = match problem {
                Some(PassphraseProblem::TooShort) => {
                    (Some(texts.passphrase_too_short().as_str()), None)
                }
                Some(PassphraseProblem::Mismatch) => {
                    (None, Some(texts.passphrase_mismatch().as_str()))
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
                        texts.passphrase(),
                        Some(texts.passphrase_hint()),
                        first_error,
                    )?,
                    &passphrase_field(
                        dom,
                        &format!("{prefix}-new-passphrase-again"),
                        "confirmation",
                        texts.passphrase_again(),
                        None,
                        second_error,
                    )?,
                ],
            )?;
            (heading, intro, confirm, "ew-button")
        }
        Dialog::Support | Dialog::SharedDevice => return Ok(()),
        Dialog::ConfirmDelete => {
            form.set_attribute("data-ew-form", "delete")?;
            (
                texts.delete_heading(),
                texts.delete_intro(),
                texts.delete_confirm(),
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
            &dom.button("ew-button ew-button--secondary", "cancel", texts.cancel())?,
        ],
    )?;
    form.append_child(&actions)?;
    element.replace_children_with_node_2(&exit, &form);
    Ok(())
}

/// What can be found later on a device others use, and how to clear it.
fn shared_device(dom: &Dom, texts: &Texts) -> Result<Element, JsValue> {
    let body = dom.element("div", "ew-shared-device")?;
    append_all(&body, &[&dom.text("p", "ew-body", texts.shared_intro())?])?;
    let list = dom.element("ul", "ew-list")?;
    for item in [
        texts.shared_downloads(),
        texts.shared_clipboard(),
        texts.shared_history(),
        texts.shared_saved(),
        texts.shared_leave(),
    ] {
        append_all(&list, &[&dom.text("li", "", item)?])?;
    }
    append_all(&body, &[&list])?;
    Ok(body)
}
