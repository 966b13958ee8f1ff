//! The review screen: every shown question of every section, with the answer in words or
//! "skipped", and a way to change it.

use crate::answers::visibility::is_shown;
use crate::format::questionnaire::QuestionKind;
use crate::reflection::shown::{shown, Shown};
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
                    (question.kind != QuestionKind::Info).then(|| ReviewRow {
                        question: q,
                        text: &question.text,
                        answer: model
                            .answers()
                            .get(q)
                            .and_then(|answer| shown(question, answer, model.texts())),
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
