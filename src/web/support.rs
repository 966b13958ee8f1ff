//! The clinic's support contacts, shown by "Need support now?" and inline when the check-in
//! shows distress. Links are only ever `tel:`, `sms:`, `mailto:` or `https:`, checked when the
//! settings were read.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{append_all, set_attributes, Dom};
use crate::format::settings::{phone_link_target, Resource, Support};
use crate::languages::interface::Texts;
use crate::view::section::{InlineSupport, Response};

/// The contacts; with `framed`, the clinic's few words before them and the emergency advice
/// after. The safety response says both in its own words, so it takes the contacts alone.
pub(crate) fn contacts(
    dom: &Dom,
    texts: &Texts,
    support: &Support,
    framed: bool,
) -> Result<Element, JsValue> {
    let wrapper = dom.element("div", "ew-support")?;
    if framed {
        let intro = support.intro.as_deref().unwrap_or(texts.support_intro());
        append_all(&wrapper, &[&dom.text("p", "ew-body", intro)?])?;
    }
    if support.resources.is_empty() {
        append_all(
            &wrapper,
            &[&dom.text(
                "p",
                "ew-body ew-support-placeholder",
                texts.support_placeholder(),
            )?],
        )?;
    } else {
        let list = dom.element("ul", "ew-contacts")?;
        for resource in &support.resources {
            append_all(&list, &[&contact(dom, texts, resource)?])?;
        }
        append_all(&wrapper, &[&list])?;
    }
    if framed {
        append_all(
            &wrapper,
            &[&dom.text("p", "ew-support-emergency", texts.support_emergency())?],
        )?;
    }
    Ok(wrapper)
}

fn contact(dom: &Dom, texts: &Texts, resource: &Resource) -> Result<Element, JsValue> {
    let item = dom.element("li", "ew-contact")?;
    append_all(&item, &[&dom.text("p", "ew-contact-name", &resource.name)?])?;
    let phone_link = |scheme: &str, number: &str| {
        phone_link_target(number).map(|target| format!("{scheme}:{target}"))
    };
    let lines = [
        (
            texts.call().as_str(),
            resource.phone.as_deref(),
            resource.phone.as_deref().and_then(|n| phone_link("tel", n)),
            false,
        ),
        (
            texts.text_us(),
            resource.text.as_deref(),
            resource.text.as_deref().and_then(|n| phone_link("sms", n)),
            false,
        ),
        (
            texts.email(),
            resource.email.as_deref(),
            resource.email.as_ref().map(|e| format!("mailto:{e}")),
            false,
        ),
        ("", resource.web.as_deref(), resource.web.clone(), true),
        (texts.hours(), resource.hours.as_deref(), None, false),
        ("", resource.note.as_deref(), None, false),
    ];
    for (label, shown, href, new_tab) in lines {
        let Some(shown) = shown else { continue };
        let line = dom.element("p", "ew-contact-line")?;
        if !label.is_empty() {
            append_all(&line, &[&dom.text("span", "ew-contact-label", label)?])?;
            dom.append_text(&line, " ")?;
        }
        match href {
            Some(href) => {
                let link = dom.text("a", "ew-link", shown)?;
                link.set_attribute("href", &href)?;
                if new_tab {
                    // A web page opens in a new tab, so the client's answers stay where they are.
                    set_attributes(
                        &link,
                        &[("target", "_blank"), ("rel", "noopener noreferrer")],
                    )?;
                    append_all(&link, &[&dom.hidden_text(texts.new_tab())?])?;
                }
                append_all(&line, &[&link])?;
            }
            None => dom.append_text(&line, shown)?,
        }
        append_all(&item, &[&line])?;
    }
    Ok(item)
}

/// The support panel placed in a section, shown when the answers call for it.
pub(crate) fn inline_panel(
    dom: &Dom,
    texts: &Texts,
    inline: &InlineSupport<'_>,
) -> Result<Element, JsValue> {
    let panel = match inline.response {
        Response::Support => {
            let panel = dom.element("div", "ew-support-inline")?;
            append_all(
                &panel,
                &[
                    &dom.text("h3", "ew-subheading", texts.support_inline_heading())?,
                    &contacts(dom, texts, inline.contacts, true)?,
                ],
            )?;
            panel
        }
        // Said plainly, in this order: what this page cannot do, to tell someone today and
        // whom, then that the therapist and the timing of the ending are there to talk to.
        Response::Safety => {
            let panel = dom.element("div", "ew-support-inline ew-safety")?;
            append_all(
                &panel,
                &[
                    &dom.text("h3", "ew-subheading", texts.safety_heading())?,
                    &dom.text("p", "ew-body", texts.safety_cannot_alert())?,
                    &dom.text("p", "ew-body", texts.safety_tell_someone())?,
                    &contacts(dom, texts, inline.contacts, false)?,
                    &dom.text("p", "ew-body", texts.safety_therapist())?,
                    &dom.text("p", "ew-body", texts.safety_timing())?,
                ],
            )?;
            panel
        }
    };
    panel.toggle_attribute_with_force("hidden", !inline.shown)?;
    Ok(panel)
}
