//! The introduction: the questionnaire's title and paragraphs, how long it takes, "Start", and
//! a way to continue from a backup file.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::frame::{actions, field_with_hint, screen_section, Rendered};
use crate::languages::interface::Texts;
use crate::view::IntroView;
use crate::web::dom::{append_all, set_attributes, Dom};

/// Builds the introduction.
pub(super) fn intro_screen(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    intro: &IntroView<'_>,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let (section, heading) = screen_section(dom, prefix, "ew-intro", intro.title, rendered)?;
    // The clinic's name as a caption just above the title, as GOV.UK captions go.
    if let Some(clinic) = intro.clinic {
        append_all(
            &section,
            &[&dom.text("p", "ew-caption ew-clinic-name", clinic)?],
        )?;
    }
    section.append_child(&heading)?;
    for paragraph in intro.paragraphs {
        append_all(&section, &[&dom.text("p", "ew-body", paragraph)?])?;
    }
    append_all(&section, &[&dom.text("p", "ew-meta", &intro.meta)?])?;
    append_all(
        &section,
        &[&actions(dom, &[("ew-button", "start", texts.start())])?],
    )?;
    append_all(&section, &[&backup_input(dom, texts, prefix)?])?;
    Ok(section)
}

/// The file input on the introduction for continuing from a backup.
fn backup_input(dom: &Dom, texts: &Texts, prefix: &str) -> Result<Element, JsValue> {
    let input = dom.element("input", "ew-file")?;
    set_attributes(
        &input,
        &[
            ("type", "file"),
            ("accept", ".json,application/json"),
            ("data-ew-role", "backup-file"),
        ],
    )?;
    field_with_hint(
        dom,
        "ew-field ew-backup",
        &format!("{prefix}-backup-file"),
        texts.open_backup(),
        texts.open_backup_hint(),
        &input,
    )
}
