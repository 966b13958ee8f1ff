//! Single and multiple choice questions: radios or checkboxes in a fieldset, GOV.UK style.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::markup::{QuestionIds, QuestionNodes};
use crate::answers::answer::Answer;
use crate::format::questionnaire::{ChoiceOption, QuestionKind};
use crate::languages::interface::Texts;
use crate::view::QuestionView;
use crate::web::dom::{append_all, private_field, set_attributes, Dom};

/// Builds the inputs of a choice question into `fieldset`.
pub(super) fn render(
    dom: &Dom,
    texts: &Texts,
    fieldset: &Element,
    view: &QuestionView<'_>,
    ids: &QuestionIds,
    nodes: &mut QuestionNodes,
) -> Result<(), JsValue> {
    let (options, other, multiple) = match &view.question.kind {
        QuestionKind::SingleChoice { options } => (options, None, false),
        QuestionKind::MultipleChoice { options, other } => (options, other.as_deref(), true),
        _ => return Ok(()),
    };
    let (input_type, modifier) = if multiple {
        ("checkbox", "ew-choices--checkbox")
    } else {
        ("radio", "ew-choices--radio")
    };
    let list = dom.element("div", &format!("ew-choices {modifier}"))?;
    let ordinary = options.iter().enumerate().filter(|(_, o)| !o.exclusive);
    for (position, option) in ordinary {
        append_all(
            &list,
            &[&choice(dom, view, ids, input_type, position, option)?],
        )?;
    }
    if let Some(label) = other {
        let other_text = match view.answer {
            Some(Answer::Choices { other, .. }) => other.as_deref(),
            _ => None,
        };
        let (item, wrapper) = other_choice(dom, texts, view, ids, label, other_text)?;
        append_all(&list, &[&item, &wrapper])?;
        nodes.other = Some(wrapper);
    }
    let mut exclusive = options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.exclusive)
        .peekable();
    if exclusive.peek().is_some() {
        append_all(&list, &[&dom.text("p", "ew-choices-divider", texts.or())?])?;
    }
    for (position, option) in exclusive {
        let item = choice(dom, view, ids, input_type, position, option)?;
        item.class_list().add_1("ew-choice--exclusive")?;
        list.append_child(&item)?;
    }
    fieldset.append_child(&list)?;
    Ok(())
}

fn choice(
    dom: &Dom,
    view: &QuestionView<'_>,
    ids: &QuestionIds,
    input_type: &str,
    position: usize,
    option: &ChoiceOption,
) -> Result<Element, JsValue> {
    let item = dom.element("div", "ew-choice")?;
    let input = dom.element("input", "ew-choice-input")?;
    let id = ids.option(&option.id);
    set_attributes(
        &input,
        &[
            ("type", input_type),
            ("id", &id),
            ("name", &ids.input()),
            ("value", &option.id),
            ("data-ew-question", &view.index.to_string()),
            ("data-ew-role", "option"),
            ("data-ew-value", &position.to_string()),
        ],
    )?;
    input.toggle_attribute_with_force(
        "checked",
        view.answer
            .is_some_and(|answer| answer.has_option(position)),
    )?;
    let label = dom.text("label", "ew-choice-label", &option.label)?;
    label.set_attribute("for", &id)?;
    append_all(&item, &[&input, &label])?;
    Ok(item)
}

/// The "something else" checkbox and the text box it reveals.
fn other_choice(
    dom: &Dom,
    texts: &Texts,
    view: &QuestionView<'_>,
    ids: &QuestionIds,
    label_text: &str,
    other_text: Option<&str>,
) -> Result<(Element, Element), JsValue> {
    let item = dom.element("div", "ew-choice")?;
    let input = dom.element("input", "ew-choice-input")?;
    let id = ids.option("other");
    let wrapper_id = ids.part("other-wrap");
    let question = view.index.to_string();
    set_attributes(
        &input,
        &[
            ("type", "checkbox"),
            ("id", &id),
            ("name", &ids.input()),
            ("value", "other"),
            ("aria-controls", &wrapper_id),
            ("data-ew-question", &question),
            ("data-ew-role", "other"),
        ],
    )?;
    input.toggle_attribute_with_force("checked", other_text.is_some())?;
    let label = dom.text("label", "ew-choice-label", label_text)?;
    label.set_attribute("for", &id)?;
    append_all(&item, &[&input, &label])?;

    let wrapper = dom.element("div", "ew-other")?;
    wrapper.set_attribute("id", &wrapper_id)?;
    wrapper.toggle_attribute_with_force("hidden", other_text.is_none())?;
    let text_id = ids.part("other-text");
    let text_label = dom.text("label", "ew-label", texts.other_text_label())?;
    text_label.set_attribute("for", &text_id)?;
    let text_input = dom.element("input", "ew-input")?;
    set_attributes(
        &text_input,
        &[
            ("type", "text"),
            ("id", &text_id),
            ("data-ew-question", &question),
            ("data-ew-role", "other-text"),
        ],
    )?;
    private_field(&text_input, view.spellcheck)?;
    if let Some(text) = other_text {
        text_input.set_attribute("value", text)?;
    }
    append_all(&wrapper, &[&text_label, &text_input])?;
    Ok((item, wrapper))
}
