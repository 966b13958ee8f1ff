//! The questions on a section screen: one file per kind of input, and the markup they share.

/// Single and multiple choice: radios or checkboxes.
mod choice;
/// What every kind shares: ids, nodes, fieldset, hint, clear button.
pub(crate) mod markup;
/// Scales: a row of numbered radios.
mod scale;
/// Short and long text, and notes.
mod text;

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::format::questionnaire::QuestionKind;
use crate::languages::interface::Texts;
use crate::view::QuestionView;
use crate::web::dom::{append_all, Dom};
use markup::{QuestionIds, QuestionNodes};

/// A question's block, hidden while the question is not shown, with its nodes that change
/// without a rebuild.
pub(crate) fn block(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    view: &QuestionView<'_>,
) -> Result<(Element, QuestionNodes), JsValue> {
    let question = view.question;
    let ids = QuestionIds::new(prefix, &question.id);
    let block = dom.element("div", "ew-question")?;
    block.set_attribute("id", &ids.block())?;
    block.toggle_attribute_with_force("hidden", !view.visible)?;
    let mut nodes = QuestionNodes {
        index: view.index,
        block: block.clone(),
        clear: None,
        other: None,
    };
    match &question.kind {
        QuestionKind::Info => {
            let info = dom.element("div", "ew-info")?;
            append_all(&info, &[&dom.text("p", "ew-body", &question.text)?])?;
            block.append_child(&info)?;
        }
        QuestionKind::ShortText => text::render(dom, &block, view, &ids, false)?,
        QuestionKind::LongText | QuestionKind::Note(_) => {
            text::render(dom, &block, view, &ids, true)?;
        }
        QuestionKind::SingleChoice { .. } => {
            let fieldset = markup::fieldset(dom, view, &ids)?;
            choice::render(dom, texts, &fieldset, view, &ids, &mut nodes)?;
            let clear = markup::clear_button(dom, texts, view)?;
            fieldset.append_child(&clear)?;
            nodes.clear = Some(clear);
            block.append_child(&fieldset)?;
        }
        QuestionKind::MultipleChoice { .. } => {
            let fieldset = markup::fieldset(dom, view, &ids)?;
            choice::render(dom, texts, &fieldset, view, &ids, &mut nodes)?;
            block.append_child(&fieldset)?;
        }
        QuestionKind::Scale(scale) => {
            let fieldset = markup::fieldset(dom, view, &ids)?;
            scale::render(dom, &fieldset, view, &ids, scale)?;
            let clear = markup::clear_button(dom, texts, view)?;
            fieldset.append_child(&clear)?;
            nodes.clear = Some(clear);
            block.append_child(&fieldset)?;
        }
    }
    Ok((block, nodes))
}
