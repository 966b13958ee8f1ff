//! Files without a server: downloads from a Blob, the clipboard, and reading a chosen file.

use gloo::events::EventListener;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, Element, Event, File, HtmlAnchorElement, HtmlInputElement, Url,
};

use super::crypto::random_bytes;
use super::dom::Dom;
use crate::reading::limits::MAX_FILE_BYTES;
use crate::reflection::reminder::{reminder_ics, Moment, Reminder};

/// Offers `content` as a file named `filename`, through a link briefly added to `parent`, the
/// widget's root. Returns the object URL, which the caller revokes soon after: revoking it at once
/// cancels the download in Firefox.
pub(crate) fn download(
    dom: &Dom,
    parent: &Element,
    filename: &str,
    mime: &str,
    content: &str,
) -> Result<String, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&content.into()), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = dom.element("a", "")?.unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.set_hidden(true);
    // Firefox only follows a click on a link that is in the document. The link's click goes no
    // further than the link: not to the widget's own click listener, which is still running
    // (wasm-bindgen refuses a closure called again while it runs), and not to any script of the
    // page, which never sees the link, its file name or its address.
    let quiet = EventListener::new(&link, "click", Event::stop_propagation);
    parent.append_child(&link)?;
    link.click();
    link.remove();
    drop(quiet);
    Ok(url)
}

/// Forgets an object URL made by [`download`].
pub(crate) fn revoke(url: &str) {
    let _ = Url::revoke_object_url(url);
}

/// Puts text on the clipboard; false when the browser refuses.
pub(crate) async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    JsFuture::from(window.navigator().clipboard().write_text(text))
        .await
        .is_ok()
}

/// Why a chosen file's text was not read.
pub(crate) enum NotRead {
    /// No file, or the browser could not read it.
    Unreadable,
    /// Larger than any file of this reflection can be: refused before it is read at all.
    TooLarge,
}

/// The text of the file chosen in a file input.
pub(crate) async fn chosen_text(input: &HtmlInputElement) -> Result<String, NotRead> {
    let file: File = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or(NotRead::Unreadable)?;
    if file.size() > MAX_FILE_BYTES as f64 {
        return Err(NotRead::TooLarge);
    }
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(NotRead::Unreadable)
}

/// One reading of the browser's clock, worked out in Rust rather than asked of eleven of
/// `Date`'s methods.
pub(crate) struct Now {
    /// In Coordinated Universal Time.
    pub(crate) utc: Moment,
    /// On the client's own clock, in their time zone.
    pub(crate) local: Moment,
}

/// The browser's clock now.
pub(crate) fn now() -> Now {
    let date = js_sys::Date::new_0();
    let ms = date.get_time();
    Now {
        utc: Moment::from_unix_ms(ms),
        local: Moment::from_unix_ms(ms - date.get_timezone_offset() * 60_000.0),
    }
}

/// A calendar reminder `months` from today, made here from the browser's clock: today as the
/// client's own calendar has it, the file's time stamp in UTC, and an id of random bytes that
/// says nothing about the client.
pub(crate) fn reminder_file(
    title: &str,
    description: &str,
    months: u32,
) -> Result<String, JsValue> {
    let Now { utc: stamp, local } = now();
    let today = local.day;
    let uid: String = random_bytes(16)?
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    Ok(reminder_ics(&Reminder {
        today,
        months,
        title,
        fallback_title: title,
        description,
        stamp,
        uid: &format!("{uid}@ending-well"),
    }))
}
