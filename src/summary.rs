//! What the client takes away: the shown, answered questions in their own words, by section.

use crate::answer::Answer;
use crate::definition::{Question, QuestionKind};
use crate::session::Model;
use crate::text::Texts;

/// The summary of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The questionnaire's title.
    pub title: String,
    /// Sections with at least one answer, in order.
    pub sections: Vec<SummarySection>,
    /// The "keeping what I gained" plan: its parts that have answers.
    pub plan: Vec<PlanPart>,
    /// The notes the client wrote or kept.
    pub notes: Vec<SummaryNote>,
    /// Shown questions left unanswered.
    pub skipped: usize,
}

/// One part of the plan, such as "Early signs to watch for".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanPart {
    /// The part's heading.
    pub heading: String,
    /// The client's answers for it.
    pub items: Vec<String>,
}

/// A note in the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryNote {
    /// The note's question, e.g. "A note to my therapist".
    pub title: String,
    /// What the client wrote.
    pub text: String,
}

/// One section of the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummarySection {
    /// The section's title.
    pub title: String,
    /// Its answered questions, in order.
    pub items: Vec<SummaryItem>,
}

/// One answered question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryItem {
    /// Position of the question.
    pub question: usize,
    /// The question as asked.
    pub text: String,
    /// The answer as the client would read it.
    pub answer: Shown,
}

/// An answer in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// One piece of text, possibly several paragraphs.
    Text(String),
    /// Several chosen options.
    List(Vec<String>),
}

/// Puts an answer into words; `None` if it says nothing (e.g. an unticked "something else").
pub fn shown(question: &Question, answer: &Answer, texts: &Texts) -> Option<Shown> {
    match (&question.kind, answer) {
        (QuestionKind::SingleChoice { options }, Answer::Choice(option)) => options
            .get(*option)
            .map(|option| Shown::Text(option.label.clone())),
        (
            QuestionKind::MultipleChoice { options, other },
            Answer::Choices {
                selected,
                other: text,
            },
        ) => {
            let mut items: Vec<String> = selected
                .iter()
                .filter_map(|&o| options.get(o).map(|option| option.label.clone()))
                .collect();
            if let Some(text) = text {
                let label = other.as_deref().unwrap_or(&texts.other_prefix);
                let text = text.trim();
                items.push(if text.is_empty() {
                    label.to_owned()
                } else {
                    format!("{label}: {text}")
                });
            }
            match items.len() {
                0 => None,
                1 => items.pop().map(Shown::Text),
                _ => Some(Shown::List(items)),
            }
        }
        (QuestionKind::Scale(scale), Answer::Scale(value)) => {
            Some(Shown::Text(texts.scale_answer(
                *value,
                scale.min,
                &scale.min_label,
                scale.max,
                &scale.max_label,
            )))
        }
        (
            QuestionKind::ShortText | QuestionKind::LongText | QuestionKind::Note(_),
            Answer::Text(text),
        ) => Some(Shown::Text(text.trim().to_owned())),
        _ => None,
    }
}

/// Builds the summary: shown questions only, skipped ones counted, hidden answers left out.
pub fn summarise(model: &Model) -> Summary {
    let questionnaire = model.questionnaire();
    let visible = model.visibility();
    let mut skipped = 0;
    let mut notes = Vec::new();
    let sections = questionnaire
        .sections
        .iter()
        .filter_map(|section| {
            let items: Vec<SummaryItem> = section
                .questions
                .clone()
                .filter(|&q| visible.get(q) == Some(&true))
                .filter_map(|q| {
                    let question = questionnaire.question(q)?;
                    if question.kind == QuestionKind::Info {
                        return None;
                    }
                    let answer = model
                        .answers()
                        .get(q)
                        .and_then(|answer| shown(question, answer, model.texts()));
                    if answer.is_none() {
                        skipped += 1;
                    }
                    // Notes are kept apart, to be read or handed over as they are.
                    if let (QuestionKind::Note(_), Some(Shown::Text(text))) =
                        (&question.kind, &answer)
                    {
                        notes.push(SummaryNote {
                            title: question.text.clone(),
                            text: text.clone(),
                        });
                        return None;
                    }
                    Some(SummaryItem {
                        question: q,
                        text: question.text.clone(),
                        answer: answer?,
                    })
                })
                .collect();
            (!items.is_empty()).then(|| SummarySection {
                title: section.title.clone(),
                items,
            })
        })
        .collect();
    Summary {
        title: questionnaire.title.clone(),
        sections,
        plan: plan(model, &visible),
        notes,
        skipped,
    }
}

/// The plan's parts, each with the client's answers; parts without answers are left out.
fn plan(model: &Model, visible: &[bool]) -> Vec<PlanPart> {
    let plan = &model.questionnaire().plan;
    [
        (&model.texts().plan_early_signs, &plan.early_signs),
        (&model.texts().plan_what_helps, &plan.what_helps),
        (&model.texts().plan_who_to_contact, &plan.who_to_contact),
        (&model.texts().plan_after_setback, &plan.after_setback),
    ]
    .into_iter()
    .filter_map(|(heading, questions)| {
        let items: Vec<String> = questions
            .iter()
            .filter(|&&q| visible.get(q) == Some(&true))
            .filter_map(|&q| {
                let question = model.questionnaire().question(q)?;
                shown(question, model.answers().get(q)?, model.texts())
            })
            .flat_map(|answer| match answer {
                Shown::Text(text) => vec![text],
                Shown::List(items) => items,
            })
            .collect();
        (!items.is_empty()).then(|| PlanPart {
            heading: heading.to_owned(),
            items,
        })
    })
    .collect()
}
