//! A section screen: caption, heading, progress, the questions, the support contacts placed
//! inline, and the buttons; and its updates in place when an answer changes, which never touch
//! what the client is typing.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement, HtmlProgressElement};

use super::frame::{actions, screen_section, Rendered};
use crate::answers::answer::Answer;
use crate::languages::interface::Texts;
use crate::view::{Progress, Refresh, SectionView};
use crate::web::dom::{append_all, set_hidden, Dom};
use crate::web::questions;
use crate::web::support;

/// Builds the section screen.
pub(super) fn section_screen(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    view: &SectionView<'_>,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let (section, heading) =
        screen_section(dom, prefix, "ew-section", &view.section.title, rendered)?;
    append_all(
        &section,
        &[&dom.text("p", "ew-caption", &view.caption)?, &heading],
    )?;
    if let Some(intro) = &view.section.intro {
        append_all(&section, &[&dom.text("p", "ew-body", intro)?])?;
    }

    let progress = dom.element("div", "ew-progress")?;
    let bar: HtmlProgressElement = dom.element("progress", "ew-progress-bar")?.unchecked_into();
    // The bar repeats the text beside it; screen readers get the text only.
    bar.set_attribute("aria-hidden", "true")?;
    let progress_text = dom.text("p", "ew-progress-text", "")?;
    append_all(&progress, &[&bar, &progress_text])?;
    section.append_child(&progress)?;
    update_progress(texts, &bar, &progress_text, view.progress);
    rendered.progress = Some((bar, progress_text));

    // Each response, kept in the view's order for updates, goes right after its question.
    for inline in &view.support {
        rendered
            .support
            .push(support::inline_panel(dom, texts, inline)?);
    }
    for question in &view.questions {
        let (block, nodes) = questions::block(dom, texts, prefix, question)?;
        section.append_child(&block)?;
        rendered.questions.push(nodes);
        for (inline, panel) in view.support.iter().zip(&rendered.support) {
            if inline.after == question.index {
                section.append_child(panel)?;
            }
        }
    }
    append_all(
        &section,
        &[&actions(
            dom,
            &[
                ("ew-button", "next", view.next_label),
                ("ew-button ew-button--secondary", "back", texts.back()),
                ("ew-link-button", "skip", texts.skip_section()),
            ],
        )?],
    )?;
    Ok(section)
}

fn update_progress(texts: &Texts, bar: &HtmlProgressElement, text: &Element, progress: Progress) {
    bar.set_max(progress.total.max(1) as f64);
    bar.set_value(progress.answered as f64);
    text.set_text_content(Some(&progress.text(texts)));
}

/// Brings a section on screen up to date with the answers, without touching what is typed.
pub(crate) fn refresh(
    rendered: &Rendered,
    texts: &Texts,
    refresh: &Refresh,
) -> Result<(), JsValue> {
    // The same questions in the same order as on screen, so a large section updates in one pass.
    for (nodes, state) in rendered.questions.iter().zip(&refresh.questions) {
        if nodes.index != state.index {
            continue;
        }
        set_hidden(&nodes.block, !state.visible)?;
        if let Some(clear) = &nodes.clear {
            set_hidden(clear, !state.answered)?;
        }
        if let Some(other) = &nodes.other {
            set_hidden(other, !state.other_open)?;
        }
    }
    if let Some((bar, text)) = &rendered.progress {
        update_progress(texts, bar, text, refresh.progress);
    }
    for (panel, shown) in rendered.support.iter().zip(&refresh.support_shown) {
        set_hidden(panel, !shown)?;
    }
    Ok(())
}

fn inputs(block: &Element, selector: &str) -> Result<Vec<HtmlInputElement>, JsValue> {
    let list = block.query_selector_all(selector)?;
    Ok((0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlInputElement>().ok())
        .collect())
}

/// Sets the ticks of a question's radios and checkboxes from its answer.
pub(crate) fn sync_inputs(
    rendered: &Rendered,
    question: usize,
    answer: Option<&Answer>,
) -> Result<(), JsValue> {
    let Some(nodes) = rendered.question(question) else {
        return Ok(());
    };
    for input in inputs(&nodes.block, "input[type=radio], input[type=checkbox]")? {
        let value = input
            .get_attribute("data-ew-value")
            .and_then(|value| value.parse::<i64>().ok());
        let checked = match (input.get_attribute("data-ew-role").as_deref(), answer) {
            (Some("option"), Some(answer)) => value
                .and_then(|value| usize::try_from(value).ok())
                .is_some_and(|option| answer.has_option(option)),
            (Some("point"), Some(answer)) => value.is_some() && value == answer.scale_point(),
            (Some("other"), Some(Answer::Choices { other, .. })) => other.is_some(),
            _ => false,
        };
        input.set_checked(checked);
    }
    Ok(())
}
