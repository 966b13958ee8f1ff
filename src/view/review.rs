//! The review screen: every shown question of every section, with the answer in words or
//! "skipped", a way to change it, and whether it goes into "To bring".

use crate::answers::visibility::is_shown;
use crate::format::questionnaire::QuestionKind;
use crate::reflection::shown::{shown, Shown};
use crate::reflection::summary::brings;
use crate::session::model::Model;

/// The review screen.
#[derive(Debug)]
pub struct ReviewView<'a> {
    /// Sections with shown questions.
    pub sections: Vec<ReviewSection<'a>>,
}

/// One section of the review.
#[derive(Debug)]
pub struct ReviewSection<'a> {
    /// The section's title.
    pub title: &'a str,
    /// Every shown question of it.
    pub rows: Vec<ReviewRow<'a>>,
}

/// One question on the review.
#[derive(Debug)]
pub struct ReviewRow<'a> {
    /// Position of the question.
    pub question: usize,
    /// The question as asked.
    pub text: &'a str,
    /// The answer in words, or `None` when skipped.
    pub answer: Option<Shown>,
    /// Whether the answer goes into "To bring"; `None` when there is no answer to bring.
    pub bring: Option<bool>,
}

pub(super) fn review_view(model: &Model) -> ReviewView<'_> {
    let questionnaire = model.questionnaire();
    let visible = model.visibility();
    let sections = questionnaire
        .sections
        .iter()
        .filter_map(|section| {
            let rows: Vec<ReviewRow<'_>> = section
                .questions
                .clone()
                .filter(|&q| is_shown(&visible, q))
                .filter_map(|q| {
                    let question = questionnaire.question(q)?;
                    if question.kind == QuestionKind::Info {
                        return None;
                    }
                    let answer = model
                        .answers()
                        .get(q)
                        .and_then(|answer| shown(question, answer, model.texts()));
                    let bring = answer
                        .is_some()
                        .then(|| brings(questionnaire, model.answers(), q));
                    Some(ReviewRow {
                        question: q,
                        text: &question.text,
                        answer,
                        bring,
                    })
                })
                .collect();
            (!rows.is_empty()).then_some(ReviewSection {
                title: &section.title,
                rows,
            })
        })
        .collect();
    ReviewView { sections }
}
