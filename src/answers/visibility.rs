//! Which questions show, worked out from the questionnaire and the answers alone: a question
//! whose `show_if` names a hidden question sees no answer there, so follow-ups of follow-ups
//! hide together. Conditions only look at earlier questions, so one pass in order suffices.

use super::answer::Answers;
use crate::format::questionnaire::{Condition, Questionnaire};

/// Whether `condition` holds. `visible[q]` says whether question `q` is shown: an answer to a
/// hidden question counts as no answer.
pub fn holds(condition: &Condition, answers: &Answers, visible: &[bool]) -> bool {
    let shown = |question: &usize| visible.get(*question).copied().unwrap_or(false);
    match condition {
        Condition::Answered(question) => shown(question) && answers.get(*question).is_some(),
        Condition::Chosen { question, option } => {
            shown(question)
                && answers
                    .get(*question)
                    .is_some_and(|answer| answer.has_option(*option))
        }
        Condition::ScaleIs { question, value } => {
            shown(question)
                && answers
                    .get(*question)
                    .is_some_and(|answer| answer.scale_point() == Some(*value))
        }
        Condition::Any(conditions) => conditions.iter().any(|c| holds(c, answers, visible)),
        Condition::All(conditions) => conditions.iter().all(|c| holds(c, answers, visible)),
        Condition::Not(condition) => !holds(condition, answers, visible),
    }
}

/// Which questions are shown, by position.
pub fn visibility(questionnaire: &Questionnaire, answers: &Answers) -> Vec<bool> {
    let mut visible = Vec::with_capacity(questionnaire.questions.len());
    for question in &questionnaire.questions {
        let shown = question
            .show_if
            .as_ref()
            .is_none_or(|condition| holds(condition, answers, &visible));
        visible.push(shown);
    }
    visible
}

/// Whether the answers call for the support contacts to show inline: the questionnaire's
/// `support_when` holds, with the visibility already worked out.
pub fn support_needed(questionnaire: &Questionnaire, answers: &Answers, visible: &[bool]) -> bool {
    questionnaire
        .support_when
        .as_ref()
        .is_some_and(|condition| holds(condition, answers, visible))
}

/// Whether the answers call for the safety response: the questionnaire's `safety_when` holds.
pub fn safety_needed(questionnaire: &Questionnaire, answers: &Answers, visible: &[bool]) -> bool {
    questionnaire
        .safety_when
        .as_ref()
        .is_some_and(|condition| holds(condition, answers, visible))
}

/// Whether `question` is shown, in the visibility worked out by [`visibility`].
pub fn is_shown(visible: &[bool], question: usize) -> bool {
    visible.get(question) == Some(&true)
}
