//! The summary a client may print and bring: the shown, answered questions in their own words,
//! by section, then the plan and the notes.

use super::plan::{plan, PlanPart};
use super::shown::{shown, Shown};
use crate::answers::answer::Answers;
use crate::answers::visibility::{is_shown, visibility};
use crate::format::questionnaire::{QuestionKind, Questionnaire};
use crate::languages::interface::Texts;

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

/// Builds the summary: shown questions only, skipped ones counted, hidden answers left out.
pub fn summarise(questionnaire: &Questionnaire, answers: &Answers, texts: &Texts) -> Summary {
    let visible = visibility(questionnaire, answers);
    let mut skipped = 0;
    let mut notes = Vec::new();
    let sections = questionnaire
        .sections
        .iter()
        .filter_map(|section| {
            let items: Vec<SummaryItem> = section
                .questions
                .clone()
                .filter(|&q| is_shown(&visible, q))
                .filter_map(|q| {
                    let question = questionnaire.question(q)?;
                    if question.kind == QuestionKind::Info {
                        return None;
                    }
                    let answer = answers
                        .get(q)
                        .and_then(|answer| shown(question, answer, texts));
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
        plan: plan(questionnaire, answers, texts, &visible),
        notes,
        skipped,
    }
}
