//! A small layer over web-sys for building elements. Text always goes in as text, never HTML.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

/// Builds elements in one document.
#[derive(Clone)]
pub(crate) struct Dom {
    document: Document,
}

impl Dom {
    pub(crate) fn new(document: Document) -> Self {
        Self { document }
    }

    /// `<tag class="class">`.
    pub(crate) fn element(&self, tag: &str, class: &str) -> Result<Element, JsValue> {
        let element = self.document.create_element(tag)?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        Ok(element)
    }

    /// `<tag class="class">text</tag>`, the text set as a text node.
    pub(crate) fn text(&self, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let element = self.element(tag, class)?;
        element.set_text_content(Some(text));
        Ok(element)
    }

    /// Appends `text` as a text node.
    pub(crate) fn append_text(&self, parent: &Element, text: &str) -> Result<(), JsValue> {
        parent.append_child(&self.document.create_text_node(text))?;
        Ok(())
    }

    /// `<span class="ew-visually-hidden">text</span>`: read by screen readers, not shown.
    pub(crate) fn hidden_text(&self, text: &str) -> Result<Element, JsValue> {
        self.text("span", "ew-visually-hidden", text)
    }

    /// `<button type="button" class="class" data-ew-action="action">label</button>`.
    pub(crate) fn button(
        &self,
        class: &str,
        action: &str,
        label: &str,
    ) -> Result<Element, JsValue> {
        let button = self.text("button", class, label)?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-ew-action", action)?;
        Ok(button)
    }
}

/// Appends each child in order.
pub(crate) fn append_all(parent: &Element, children: &[&Element]) -> Result<(), JsValue> {
    for child in children {
        parent.append_child(child)?;
    }
    Ok(())
}

/// Sets several attributes.
pub(crate) fn set_attributes(
    element: &Element,
    attributes: &[(&str, &str)],
) -> Result<(), JsValue> {
    for (name, value) in attributes {
        element.set_attribute(name, value)?;
    }
    Ok(())
}

/// Shows or hides with the `hidden` attribute, touching the DOM only on a change.
pub(crate) fn set_hidden(element: &Element, hidden: bool) -> Result<(), JsValue> {
    if element.has_attribute("hidden") != hidden {
        element.toggle_attribute_with_force("hidden", hidden)?;
    }
    Ok(())
}

/// Moves keyboard focus to `element`, if it can take it.
pub(crate) fn focus(element: &Element) -> Result<(), JsValue> {
    match element.dyn_ref::<HtmlElement>() {
        Some(element) => element.focus(),
        None => Ok(()),
    }
}

/// The focused element, looking inside the widget's shadow root when there is one
/// (`document.activeElement` is only the shadow host then).
pub(crate) fn focused_element(root: &Element) -> Option<Element> {
    match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(node) => node.dyn_into::<web_sys::Document>().ok()?.active_element(),
    }
}

/// Marks a field so that what is typed in it goes nowhere but the page: no autocomplete, no
/// spell checking unless the clinic allows it (with enhanced spell checking on, Chromium and
/// Edge send the text to a remote service), and the opt-outs of the common writing-assistant
/// extensions (Grammarly, LanguageTool, Microsoft Editor), which read fields to send them on.
pub(crate) fn private_field(field: &Element, spellcheck: bool) -> Result<(), JsValue> {
    set_attributes(
        field,
        &[
            ("autocomplete", "off"),
            ("spellcheck", if spellcheck { "true" } else { "false" }),
            ("data-gramm", "false"),
            ("data-gramm_editor", "false"),
            ("data-enable-grammarly", "false"),
            ("data-lt-active", "false"),
            ("data-ms-editor", "false"),
        ],
    )
}
