//! The screens: each turns its part of the [`View`] into elements. Nothing here decides what to
//! show; it reads only view data and the interface text.

/// What every screen shares, and what is kept of the screen on show.
mod frame;
/// The introduction.
mod intro;
/// The neutral step after the page came back through history.
mod paused;
/// The panel for a broken questionnaire or settings.
mod problems;
/// The "welcome back" screen.
mod resume;
/// The review.
mod review;
/// A section of questions, and its updates in place.
mod section;
/// The summary.
mod summary;

pub(crate) use frame::Rendered;
pub(crate) use problems::show_problems;
pub(crate) use section::{refresh, sync_inputs};

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::languages::interface::Texts;
use crate::view::View;
use crate::web::dom::Dom;

/// Replaces the contents of `screen` with `view`.
pub(crate) fn show(
    dom: &Dom,
    texts: &Texts,
    screen: &Element,
    prefix: &str,
    view: &View<'_>,
) -> Result<Rendered, JsValue> {
    let mut rendered = Rendered::default();
    let content = match view {
        View::Intro(intro) => intro::intro_screen(dom, texts, prefix, intro, &mut rendered)?,
        View::Section(section) => {
            section::section_screen(dom, texts, prefix, section, &mut rendered)?
        }
        View::Review(review) => review::review_screen(dom, texts, prefix, review, &mut rendered)?,
        View::Summary(summary) => {
            summary::summary_screen(dom, texts, prefix, summary, &mut rendered)?
        }
        View::Resume(unlock) => {
            let (section, heading) =
                frame::screen_section(dom, prefix, "ew-resume", "", &mut rendered)?;
            resume::resume_screen(dom, texts, &section, &heading, prefix, unlock)?;
            section
        }
        View::Paused => paused::paused_screen(dom, texts, prefix, &mut rendered)?,
    };
    screen.replace_children_with_node_1(&content);
    Ok(rendered)
}
