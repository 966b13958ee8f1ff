//! Everything outside the screen that follows the language: `lang` and `dir` on the widget, the
//! language switcher, the top bar ("Need support now?" and "Leave this page") and the save bar.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::app::Ui;
use super::dom::{self, Dom};
use super::save_bar::refresh_save_bar;
use crate::format::catalog::Language;
use crate::languages::interface::Texts;
use crate::languages::tag::direction;
use crate::session::Model;
use crate::view;

/// Sets `lang` and `dir` on the widget's root.
pub(super) fn set_language(root: &Element, tag: &str) -> Result<(), JsValue> {
    dom::set_attributes(root, &[("lang", tag), ("dir", direction(tag).attribute())])
}

/// Puts everything outside the screen into the model's language: `lang` and `dir`, the
/// language switcher, the top bar and the save bar.
pub(super) fn show_language(ui: &Ui, model: &Model) -> Result<(), JsValue> {
    let texts = model.texts();
    set_language(&ui.root, &texts.language)?;
    language_switcher(
        &ui.dom,
        &ui.languages,
        texts,
        model.languages(),
        model.language(),
    )?;
    fill_top_bar(&ui.dom, &ui.top_bar, texts)?;
    refresh_save_bar(&ui.save_bar, texts, &view::save_bar(model))
}

/// The language switcher, after GOV.UK's: each language named in itself and marked with its
/// `lang`, the one showing marked as current. Hidden with a single language.
fn language_switcher(
    dom: &Dom,
    nav: &Element,
    texts: &Texts,
    languages: &[Language],
    current: usize,
) -> Result<(), JsValue> {
    nav.replace_children_with_node_0();
    dom::set_hidden(nav, languages.len() < 2)?;
    nav.set_attribute("aria-label", texts.language_switcher())?;
    let list = dom.element("ul", "ew-languages-list")?;
    for (position, language) in languages.iter().enumerate() {
        let item = dom.element("li", "ew-languages-item")?;
        let name = &language.name;
        // The language showing is plain text, as on GOV.UK; it takes focus after a switch.
        let entry = if position == current {
            let entry = dom.text("span", "ew-language ew-language--current", name)?;
            dom::set_attributes(&entry, &[("aria-current", "true"), ("tabindex", "-1")])?;
            entry
        } else {
            let button = dom.button("ew-link-button ew-language", "language", name)?;
            button.set_attribute("data-ew-language", &position.to_string())?;
            button
        };
        dom::set_attributes(
            &entry,
            &[
                ("lang", &language.tag),
                ("dir", language.direction.attribute()),
            ],
        )?;
        dom::append_all(&item, &[&entry])?;
        dom::append_all(&list, &[&item])?;
    }
    dom::append_all(nav, &[&list])
}

/// "Need support now?" and "Leave this page", on every screen.
fn fill_top_bar(dom: &Dom, bar: &Element, texts: &Texts) -> Result<(), JsValue> {
    bar.replace_children_with_node_0();
    let support = dom.button(
        "ew-link-button ew-support-link",
        "support",
        texts.need_support(),
    )?;
    dom::append_all(bar, &[&support, &exit_button(dom, texts)?])
}

/// Only "Leave this page": the top bar of the problems panel, where there is no session to
/// support, and a client may still have to leave.
pub(super) fn fill_exit_only(dom: &Dom, bar: &Element, texts: &Texts) -> Result<(), JsValue> {
    bar.replace_children_with_node_0();
    dom::append_all(bar, &[&exit_button(dom, texts)?])
}

/// "Leave this page", GOV.UK's "Exit this page": in the top bar, and in every dialog, since a
/// modal dialog makes the page behind it inert and a phone has no Shift key.
pub(super) fn exit_button(dom: &Dom, texts: &Texts) -> Result<Element, JsValue> {
    let exit = dom.button("ew-exit-button", "exit", texts.leave_page())?;
    dom::append_all(&exit, &[&dom.hidden_text(texts.leave_page_hint())?])?;
    Ok(exit)
}
