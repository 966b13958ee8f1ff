//! Turns a [`View`] into elements, and patches a section in place when answers change.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement, HtmlProgressElement};

use super::dom::{append_all, focus, set_attributes, set_hidden, Dom};
use super::{choice, saving, scale, support, text_field};
use crate::answers::answer::Answer;
use crate::format::questionnaire::QuestionKind;
use crate::languages::interface::Texts;
use crate::reading::problem::Problem;
use crate::reflection::shown::Shown;
use crate::reflection::summary::Summary;
use crate::session::Model;
use crate::view::{self, IntroView, QuestionView, ReviewView, SectionView, View};

/// Element ids of one question, unique on the page thanks to the widget's prefix.
pub(crate) struct QuestionIds {
    base: String,
}

impl QuestionIds {
    fn new(prefix: &str, question_id: &str) -> Self {
        Self {
            base: format!("{prefix}-q-{question_id}"),
        }
    }

    /// The question's block.
    pub(crate) fn block(&self) -> String {
        self.base.clone()
    }

    /// The main input, and the `name` of a group of radios or checkboxes.
    pub(crate) fn input(&self) -> String {
        format!("{}-input", self.base)
    }

    /// The hint.
    pub(crate) fn hint(&self) -> String {
        format!("{}-hint", self.base)
    }

    /// One option's input.
    pub(crate) fn option(&self, option_id: &str) -> String {
        format!("{}-option-{option_id}", self.base)
    }

    /// Another part of the question.
    pub(crate) fn part(&self, name: &str) -> String {
        format!("{}-{name}", self.base)
    }
}

/// The elements of a question on screen that change without a rebuild.
pub(crate) struct QuestionNodes {
    pub(crate) index: usize,
    pub(crate) block: Element,
    pub(crate) clear: Option<Element>,
    pub(crate) other: Option<Element>,
}

/// What is on screen now, kept so that answers can update it in place.
#[derive(Default)]
pub(crate) struct Rendered {
    questions: Vec<QuestionNodes>,
    progress: Option<(HtmlProgressElement, Element)>,
    heading: Option<Element>,
    change_buttons: Vec<(usize, Element)>,
    support: Option<Element>,
}

impl Rendered {
    /// The heading of the screen.
    pub(crate) fn heading(&self) -> Option<&Element> {
        self.heading.as_ref()
    }
}

/// Replaces the contents of `screen` with `view`.
pub(crate) fn show(
    dom: &Dom,
    screen: &Element,
    prefix: &str,
    model: &Model,
) -> Result<Rendered, JsValue> {
    let texts = model.texts();
    let mut rendered = Rendered::default();
    let content = match &view::view(model) {
        View::Intro(intro) => intro_screen(dom, texts, prefix, intro, &mut rendered)?,
        View::Section(section) => section_screen(dom, prefix, section, model, &mut rendered)?,
        View::Review(review) => review_screen(dom, texts, prefix, review, &mut rendered)?,
        View::Summary(summary) => summary_screen(dom, texts, prefix, summary, &mut rendered)?,
        View::Resume(unlock) => {
            let (section, heading) = screen_section(dom, prefix, "ew-resume", "", &mut rendered)?;
            saving::resume_screen(dom, texts, &section, &heading, prefix, unlock)?;
            section
        }
    };
    screen.replace_children_with_node_1(&content);
    Ok(rendered)
}

/// `<section>` with its focusable `<h2>`.
fn screen_section(
    dom: &Dom,
    prefix: &str,
    class: &str,
    heading_text: &str,
    rendered: &mut Rendered,
) -> Result<(Element, Element), JsValue> {
    let section = dom.element("section", class)?;
    let heading = dom.text("h2", "ew-heading", heading_text)?;
    let heading_id = format!("{prefix}-heading");
    // tabindex -1: focus is moved here on every new screen, as GOV.UK does, so a screen reader
    // starts reading at the new heading; it is not in the tab order.
    set_attributes(&heading, &[("id", &heading_id), ("tabindex", "-1")])?;
    section.set_attribute("aria-labelledby", &heading_id)?;
    rendered.heading = Some(heading.clone());
    Ok((section, heading))
}

fn actions(dom: &Dom, buttons: &[(&str, &str, &str)]) -> Result<Element, JsValue> {
    let actions = dom.element("div", "ew-actions")?;
    for (class, action, label) in buttons {
        append_all(&actions, &[&dom.button(class, action, label)?])?;
    }
    Ok(actions)
}

fn intro_screen(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    intro: &IntroView<'_>,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let (section, heading) = screen_section(dom, prefix, "ew-intro", intro.title, rendered)?;
    section.append_child(&heading)?;
    for paragraph in intro.paragraphs {
        append_all(&section, &[&dom.text("p", "ew-body", paragraph)?])?;
    }
    append_all(&section, &[&dom.text("p", "ew-meta", &intro.meta)?])?;
    append_all(
        &section,
        &[&actions(dom, &[("ew-button", "start", &texts.start)])?],
    )?;
    append_all(&section, &[&saving::backup_input(dom, texts, prefix)?])?;
    Ok(section)
}

fn section_screen(
    dom: &Dom,
    prefix: &str,
    view: &SectionView<'_>,
    model: &Model,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let texts = model.texts();
    // Support contacts go after the last question here that the questionnaire's `support_when`
    // looks at, so they appear right below the answer that called for them.
    let support_after = model
        .questionnaire()
        .support_when
        .as_ref()
        .and_then(|condition| {
            condition
                .questions()
                .into_iter()
                .filter(|q| view.section.questions.contains(q))
                .max()
        });
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

    for question in &view.questions {
        let (block, nodes) = question_block(dom, texts, prefix, question)?;
        section.append_child(&block)?;
        rendered.questions.push(nodes);
        if support_after == Some(question.index) {
            let panel = support::inline_panel(
                dom,
                texts,
                &model.settings().support,
                !model.support_needed(),
            )?;
            section.append_child(&panel)?;
            rendered.support = Some(panel);
        }
    }
    append_all(
        &section,
        &[&actions(
            dom,
            &[
                ("ew-button", "next", view.next_label),
                ("ew-button ew-button--secondary", "back", &texts.back),
                ("ew-link-button", "skip", &texts.skip_section),
            ],
        )?],
    )?;
    Ok(section)
}

fn update_progress(
    texts: &Texts,
    bar: &HtmlProgressElement,
    text: &Element,
    progress: view::Progress,
) {
    bar.set_max(progress.total.max(1) as f64);
    bar.set_value(progress.answered as f64);
    text.set_text_content(Some(&progress.text(texts)));
}

fn question_block(
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
        QuestionKind::ShortText => text_field::render(dom, texts, &block, view, &ids, false)?,
        QuestionKind::LongText | QuestionKind::Note(_) => {
            text_field::render(dom, texts, &block, view, &ids, true)?;
        }
        QuestionKind::SingleChoice { .. }
        | QuestionKind::MultipleChoice { .. }
        | QuestionKind::Scale(_) => {
            let fieldset = dom.element("fieldset", "ew-fieldset")?;
            append_all(
                &fieldset,
                &[&dom.text("legend", "ew-legend", &question.text)?],
            )?;
            if let Some(hint) = &question.hint {
                let hint_element = dom.text("p", "ew-hint", hint)?;
                hint_element.set_attribute("id", &ids.hint())?;
                fieldset.append_child(&hint_element)?;
                fieldset.set_attribute("aria-describedby", &ids.hint())?;
            }
            let single = match &question.kind {
                QuestionKind::Scale(points) => {
                    scale::render(dom, &fieldset, view, &ids, points)?;
                    true
                }
                kind => {
                    choice::render(dom, texts, &fieldset, view, &ids, &mut nodes)?;
                    matches!(kind, QuestionKind::SingleChoice { .. })
                }
            };
            if single {
                // A chosen radio cannot be unticked in a browser; everything here is optional,
                // so a clear button takes the answer back.
                let clear = dom.button("ew-link-button", "clear", &texts.clear_answer)?;
                clear.set_attribute("data-ew-question", &view.index.to_string())?;
                append_all(
                    &clear,
                    &[&dom.hidden_text(&format!(": {}", question.text))?],
                )?;
                clear.toggle_attribute_with_force("hidden", view.answer.is_none())?;
                fieldset.append_child(&clear)?;
                nodes.clear = Some(clear);
            }
            block.append_child(&fieldset)?;
        }
    }
    Ok((block, nodes))
}

/// Brings a section on screen up to date with the answers, without touching what is typed.
pub(crate) fn refresh(rendered: &Rendered, model: &Model) -> Result<(), JsValue> {
    let texts = model.texts();
    let visible = model.visibility();
    for nodes in &rendered.questions {
        set_hidden(&nodes.block, visible.get(nodes.index) != Some(&true))?;
        let answer = model.answers().get(nodes.index);
        if let Some(clear) = &nodes.clear {
            set_hidden(clear, answer.is_none())?;
        }
        if let Some(other) = &nodes.other {
            let ticked = matches!(answer, Some(Answer::Choices { other: Some(_), .. }));
            set_hidden(other, !ticked)?;
        }
    }
    if let Some((bar, text)) = &rendered.progress {
        update_progress(texts, bar, text, view::progress(model, &visible));
    }
    if let Some(panel) = &rendered.support {
        set_hidden(panel, !model.support_needed_with(&visible))?;
    }
    Ok(())
}

fn question_nodes(rendered: &Rendered, question: usize) -> Option<&QuestionNodes> {
    rendered
        .questions
        .iter()
        .find(|nodes| nodes.index == question)
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
    model: &Model,
    question: usize,
) -> Result<(), JsValue> {
    let Some(nodes) = question_nodes(rendered, question) else {
        return Ok(());
    };
    let answer = model.answers().get(question);
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

/// Moves focus into a question: its chosen radio, or its first input.
pub(crate) fn focus_question(rendered: &Rendered, question: usize) -> Result<(), JsValue> {
    let Some(nodes) = question_nodes(rendered, question) else {
        return Ok(());
    };
    let target = match nodes.block.query_selector("input:checked")? {
        Some(checked) => Some(checked),
        None => nodes.block.query_selector("input, textarea")?,
    };
    match target {
        Some(target) => focus(&target),
        None => Ok(()),
    }
}

/// Moves focus to the "Change" button of a question on the review, or to the heading.
pub(crate) fn focus_change_button(rendered: &Rendered, question: usize) -> Result<(), JsValue> {
    let button = rendered.change_buttons.iter().find(|(q, _)| *q == question);
    match (button, &rendered.heading) {
        (Some((_, button)), _) => focus(button),
        (None, Some(heading)) => focus(heading),
        (None, None) => Ok(()),
    }
}

fn answer_element(dom: &Dom, texts: &Texts, answer: Option<&Shown>) -> Result<Element, JsValue> {
    let value = dom.element("dd", "ew-summary-value")?;
    match answer {
        None => {
            append_all(&value, &[&dom.text("span", "ew-skipped", &texts.skipped)?])?;
        }
        Some(Shown::Text(text)) => dom.append_text(&value, text)?,
        Some(Shown::List(items)) => {
            let list = dom.element("ul", "ew-list")?;
            for item in items {
                append_all(&list, &[&dom.text("li", "", item)?])?;
            }
            value.append_child(&list)?;
        }
    }
    Ok(value)
}

fn review_screen(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    review: &ReviewView<'_>,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let (section, heading) =
        screen_section(dom, prefix, "ew-review", &texts.review_heading, rendered)?;
    append_all(
        &section,
        &[&heading, &dom.text("p", "ew-body", &texts.review_intro)?],
    )?;
    for group in &review.sections {
        append_all(&section, &[&dom.text("h3", "ew-subheading", group.title)?])?;
        let list = dom.element("dl", "ew-summary-list")?;
        for row in &group.rows {
            let item = dom.element("div", "ew-summary-row")?;
            let key = dom.text("dt", "ew-summary-key", row.text)?;
            let value = answer_element(dom, texts, row.answer.as_ref())?;
            let change_cell = dom.element("dd", "ew-summary-actions")?;
            let change = dom.button("ew-link-button", "change", &texts.change)?;
            change.set_attribute("data-ew-question", &row.question.to_string())?;
            append_all(
                &change,
                &[&dom.hidden_text(&format!("{}{}", &texts.change_hidden_prefix, row.text))?],
            )?;
            change_cell.append_child(&change)?;
            rendered.change_buttons.push((row.question, change.clone()));
            append_all(&item, &[&key, &value, &change_cell])?;
            list.append_child(&item)?;
        }
        section.append_child(&list)?;
    }
    append_all(
        &section,
        &[&actions(
            dom,
            &[
                ("ew-button", "summary", &texts.see_summary),
                ("ew-button ew-button--secondary", "back", &texts.back),
            ],
        )?],
    )?;
    Ok(section)
}

fn summary_screen(
    dom: &Dom,
    texts: &Texts,
    prefix: &str,
    summary: &Summary,
    rendered: &mut Rendered,
) -> Result<Element, JsValue> {
    let (section, heading) =
        screen_section(dom, prefix, "ew-summary", &texts.summary_heading, rendered)?;
    append_all(
        &section,
        &[&heading, &dom.text("p", "ew-body", &texts.summary_intro)?],
    )?;
    if summary.sections.is_empty() {
        append_all(
            &section,
            &[&dom.text("p", "ew-body", &texts.summary_empty)?],
        )?;
    }
    for group in &summary.sections {
        append_all(&section, &[&dom.text("h3", "ew-subheading", &group.title)?])?;
        let list = dom.element("dl", "ew-summary-list")?;
        for item in &group.items {
            let row = dom.element("div", "ew-summary-row")?;
            let key = dom.text("dt", "ew-summary-key", &item.text)?;
            append_all(
                &row,
                &[&key, &answer_element(dom, texts, Some(&item.answer))?],
            )?;
            list.append_child(&row)?;
        }
        section.append_child(&list)?;
    }
    if !summary.plan.is_empty() {
        let plan = dom.element("div", "ew-plan")?;
        append_all(
            &plan,
            &[
                &dom.text("h3", "ew-subheading", &texts.plan_heading)?,
                &dom.text("p", "ew-body", &texts.plan_intro)?,
            ],
        )?;
        for part in &summary.plan {
            let list = dom.element("ul", "ew-list")?;
            for item in &part.items {
                append_all(&list, &[&dom.text("li", "", item)?])?;
            }
            append_all(
                &plan,
                &[&dom.text("h4", "ew-plan-heading", &part.heading)?, &list],
            )?;
        }
        append_all(&section, &[&plan])?;
    }
    for note in &summary.notes {
        let letter = dom.element("div", "ew-letter")?;
        append_all(
            &letter,
            &[
                &dom.text("h3", "ew-subheading", &note.title)?,
                &dom.text("p", "ew-letter-text", &note.text)?,
            ],
        )?;
        append_all(&section, &[&letter])?;
    }
    if summary.skipped > 0 && !summary.sections.is_empty() {
        append_all(
            &section,
            &[&dom.text("p", "ew-meta", &texts.skipped_count(summary.skipped))?],
        )?;
    }
    append_all(
        &section,
        &[&actions(
            dom,
            &[
                ("ew-button", "print", &texts.print),
                (
                    "ew-button ew-button--secondary",
                    "download-text",
                    &texts.download_text,
                ),
                (
                    "ew-button ew-button--secondary",
                    "download-html",
                    &texts.download_html,
                ),
                ("ew-button ew-button--secondary", "copy", &texts.copy),
                (
                    "ew-button ew-button--secondary",
                    "backup",
                    &texts.download_backup,
                ),
                (
                    "ew-button ew-button--secondary",
                    "review",
                    &texts.change_answers,
                ),
            ],
        )?],
    )?;
    Ok(section)
}

/// The panel for a questionnaire file with problems: every problem, with its path.
pub(crate) fn show_problems(
    dom: &Dom,
    texts: &Texts,
    screen: &Element,
    prefix: &str,
    problems: &[Problem],
) -> Result<Rendered, JsValue> {
    let mut rendered = Rendered::default();
    let (section, heading) = screen_section(
        dom,
        prefix,
        "ew-error-panel",
        &texts.problems_heading,
        &mut rendered,
    )?;
    append_all(
        &section,
        &[
            &heading,
            &dom.text("p", "ew-body", &texts.problems_intro)?,
            &dom.text("p", "ew-body", &texts.problem_count(problems.len()))?,
        ],
    )?;
    let list = dom.element("ul", "ew-error-list")?;
    for problem in problems {
        let item = dom.element("li", "")?;
        if !problem.path.is_empty() {
            append_all(&item, &[&dom.text("code", "ew-path", &problem.path)?])?;
            dom.append_text(&item, " ")?;
        }
        append_all(&item, &[&dom.text("span", "", &problem.message)?])?;
        list.append_child(&item)?;
    }
    section.append_child(&list)?;
    screen.replace_children_with_node_1(&section);
    Ok(rendered)
}
