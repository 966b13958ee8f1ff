//! The "welcome back" screen: answers saved on this device, or a backup file, waiting for the
//! passphrase; or the reason they cannot be opened, with the assurance that they were left alone.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::answers::draft::DraftProblem;
use crate::languages::interface::Texts;
use crate::session::saving::{DraftSource, Unlock, UnlockProblem};
use crate::web::dom::{append_all, set_attributes, Dom};
use crate::web::forms::{error_summary, passphrase_field};

/// The "welcome back" screen for a stored draft or a backup file.
pub(super) fn resume_screen(
    dom: &Dom,
    texts: &Texts,
    section: &Element,
    heading: &Element,
    prefix: &str,
    unlock: &Unlock,
) -> Result<(), JsValue> {
    let Some(_) = &unlock.envelope else {
        heading.set_text_content(Some(texts.unusable_heading()));
        let reason = match &unlock.problem {
            Some(UnlockProblem::Draft(DraftProblem::NewerVersion(_))) => texts.draft_newer(),
            Some(UnlockProblem::Draft(DraftProblem::OtherQuestionnaire(_))) => texts.draft_other(),
            _ => texts.draft_damaged(),
        };
        append_all(
            section,
            &[
                heading,
                &dom.text("p", "ew-body", reason)?,
                &dom.text("p", "ew-body", texts.draft_left_alone())?,
            ],
        )?;
        let actions = dom.element("div", "ew-actions")?;
        append_all(
            &actions,
            &[&dom.button("ew-button", "skip-unlock", texts.continue_without_opening())?],
        )?;
        if unlock.source == DraftSource::Device {
            append_all(
                &actions,
                &[&dom.button(
                    "ew-button ew-button--secondary",
                    "delete",
                    texts.delete_everything(),
                )?],
            )?;
        }
        section.append_child(&actions)?;
        return Ok(());
    };
    let (title, intro) = match unlock.source {
        DraftSource::Device => (texts.resume_heading(), texts.resume_intro()),
        DraftSource::File => (texts.backup_heading(), texts.backup_intro()),
    };
    heading.set_text_content(Some(title));
    section.append_child(heading)?;
    let wrong = unlock.problem == Some(UnlockProblem::WrongPassphrase);
    if wrong {
        append_all(
            section,
            &[&error_summary(dom, texts, texts.wrong_passphrase())?],
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
            texts.your_passphrase(),
            None,
            wrong.then_some(texts.wrong_passphrase_field()),
        )?],
    )?;
    let actions = dom.element("div", "ew-actions")?;
    let submit = dom.text("button", "ew-button", texts.open_draft())?;
    submit.set_attribute("type", "submit")?;
    actions.append_child(&submit)?;
    form.append_child(&actions)?;
    section.append_child(&form)?;
    let others = dom.element("div", "ew-actions")?;
    if unlock.source == DraftSource::Device {
        append_all(
            section,
            &[&dom.text("p", "ew-body", texts.start_fresh_intro())?],
        )?;
        append_all(
            &others,
            &[&dom.button(
                "ew-button ew-button--secondary",
                "delete",
                texts.start_fresh(),
            )?],
        )?;
        append_all(
            &others,
            &[&dom.button(
                "ew-link-button",
                "skip-unlock",
                texts.continue_without_opening(),
            )?],
        )?;
    } else {
        append_all(
            &others,
            &[&dom.button(
                "ew-button ew-button--secondary",
                "skip-unlock",
                texts.cancel(),
            )?],
        )?;
    }
    section.append_child(&others)?;
    Ok(())
}
