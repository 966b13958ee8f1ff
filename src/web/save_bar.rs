//! The saving status and buttons under every screen: built once at mount, given its words by
//! the view's [`SaveBar`].

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{append_all, set_hidden, Dom};
use crate::languages::interface::Texts;
use crate::view::SaveBar;

/// The saving status and buttons under every screen.
pub(crate) struct SaveBarNodes {
    pub(crate) element: Element,
    /// Says whether answers are saved; focused after a dialog whose opener it hid.
    pub(crate) status: Element,
    save: Element,
    save_here: Element,
    delete: Element,
    shared: Element,
}

/// Builds the save bar once, at mount; [`refresh_save_bar`] gives it its words.
pub(crate) fn save_bar(dom: &Dom) -> Result<SaveBarNodes, JsValue> {
    let element = dom.element("div", "ew-savebar")?;
    let status = dom.text("p", "ew-save-status", "")?;
    status.set_attribute("tabindex", "-1")?;
    let actions = dom.element("div", "ew-actions ew-actions--save")?;
    let save = dom.button("ew-button ew-button--secondary", "save", "")?;
    let save_here = dom.button("ew-button ew-button--secondary", "save-here", "")?;
    let delete = dom.button("ew-link-button", "delete", "")?;
    let shared = dom.button("ew-link-button", "shared-device", "")?;
    append_all(&actions, &[&save, &save_here, &delete, &shared])?;
    append_all(&element, &[&status, &actions])?;
    Ok(SaveBarNodes {
        element,
        status,
        save,
        save_here,
        delete,
        shared,
    })
}

/// Brings the save bar up to date, in the language of `texts`.
pub(crate) fn refresh_save_bar(
    nodes: &SaveBarNodes,
    texts: &Texts,
    bar: &SaveBar,
) -> Result<(), JsValue> {
    nodes.status.set_text_content(Some(&bar.status));
    nodes.save.set_text_content(Some(texts.save_on_device()));
    nodes.save_here.set_text_content(Some(texts.save_here()));
    set_hidden(&nodes.save_here, !bar.can_save_here)?;
    nodes
        .delete
        .set_text_content(Some(texts.delete_everything()));
    nodes.shared.set_text_content(Some(texts.shared_device()));
    set_hidden(&nodes.save, !bar.can_save)?;
    set_hidden(&nodes.element, !bar.shown)
}
