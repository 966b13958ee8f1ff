//! The staying-well plan, for a bad day: the client's own answers to the questions the
//! questionnaire's `plan` names, under the headings of a relapse-prevention blueprint (what I
//! learned, early signs, harder times, what I keep practising, goals, who can help, after a
//! setback). It only gathers what the client wrote: it never assumes that therapy worked.

use super::shown::{shown, Shown};
use crate::answers::answer::Answers;
use crate::answers::visibility::is_shown;
use crate::format::questionnaire::Questionnaire;
use crate::languages::interface::Texts;

/// One part of the plan, such as "Early signs that things are getting harder".
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
    let headings = [
        texts.plan_learned(),
        texts.plan_early_signs(),
        texts.plan_high_risk(),
        texts.plan_keep_practising(),
        texts.plan_goals(),
        texts.plan_who_can_help(),
        texts.plan_after_setback(),
    ];
    headings
        .into_iter()
        .zip(plan.parts())
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
