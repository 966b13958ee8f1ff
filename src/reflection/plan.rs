//! The "keeping what I gained" plan: the client's own answers to the questions the
//! questionnaire's `plan` names, under the plan's headings.

use super::shown::{shown, Shown};
use crate::answers::answer::Answers;
use crate::answers::visibility::is_shown;
use crate::format::questionnaire::Questionnaire;
use crate::languages::interface::Texts;

/// One part of the plan, such as "Early signs to watch for".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanPart {
    /// The part's heading.
    pub heading: String,
    /// The client's answers for it.
    pub items: Vec<String>,
}

/// The plan's parts, each with the client's answers; parts without answers are left out.
pub fn plan(
    questionnaire: &Questionnaire,
    answers: &Answers,
    texts: &Texts,
    visible: &[bool],
) -> Vec<PlanPart> {
    let plan = &questionnaire.plan;
    [
        (&texts.plan_early_signs, &plan.early_signs),
        (&texts.plan_what_helps, &plan.what_helps),
        (&texts.plan_who_to_contact, &plan.who_to_contact),
        (&texts.plan_after_setback, &plan.after_setback),
    ]
    .into_iter()
    .filter_map(|(heading, questions)| {
        let items: Vec<String> = questions
            .iter()
            .filter(|&&q| is_shown(visible, q))
            .filter_map(|&q| {
                let question = questionnaire.question(q)?;
                shown(question, answers.get(q)?, texts)
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
