//! A section screen: its questions, shown or hidden, with their hints and answers; the progress;
//! where the support contacts go inline; and what changes on screen when an answer changes.

use crate::answers::answer::Answer;
use crate::answers::visibility::is_shown;
use crate::format::questionnaire::{Question, QuestionKind, Section};
use crate::format::settings::Support;
use crate::languages::interface::Texts;
use crate::session::model::Model;
use crate::session::screen::Screen;

/// A section screen.
#[derive(Debug)]
pub struct SectionView<'a> {
    /// Position of the section.
    pub index: usize,
    /// "Section 2 of 11".
    pub caption: String,
    /// The section.
    pub section: &'a Section,
    /// All its questions, shown or not, so conditional ones can appear without a rebuild.
    pub questions: Vec<QuestionView<'a>>,
    /// Answered of shown questions, over the whole questionnaire.
    pub progress: Progress,
    /// The main button's label.
    pub next_label: &'a str,
    /// The responses placed in this section: the support contacts, the safety response, or
    /// both.
    pub support: Vec<InlineSupport<'a>>,
}

/// A question on a section screen.
#[derive(Debug)]
pub struct QuestionView<'a> {
    /// Position of the question.
    pub index: usize,
    /// The question.
    pub question: &'a Question,
    /// The hint under the question: its own, or for a note the note's general hint.
    pub hint: Option<&'a str>,
    /// Whether it is shown now.
    pub visible: bool,
    /// Its answer, if any.
    pub answer: Option<&'a Answer>,
    /// Whether the browser's spell checker may read what is typed (the clinic's choice).
    pub spellcheck: bool,
}

/// Which response a section places inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// The support contacts, when the answers show distress (`support_when`).
    Support,
    /// The response to thoughts of suicide or self-harm (`safety_when`): what this page cannot
    /// do, telling someone today, the contacts, telling the therapist, the timing.
    Safety,
}

/// A response placed in a section, right after the last question of it that its condition
/// (`support_when` or `safety_when`) looks at, so it appears just below the answer that called
/// for it.
#[derive(Debug)]
pub struct InlineSupport<'a> {
    /// Which response it is.
    pub response: Response,
    /// The question it follows.
    pub after: usize,
    /// Whether the answers call for them now.
    pub shown: bool,
    /// The clinic's contacts.
    pub contacts: &'a Support,
}

/// How far the client is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Shown questions with an answer.
    pub answered: usize,
    /// Shown questions (information text does not count).
    pub total: usize,
}

impl Progress {
    /// "5 of 31 questions answered".
    pub fn text(&self, texts: &Texts) -> String {
        texts.answered_of(self.answered, self.total)
    }
}

/// What an answer changes on a section already on screen, without touching what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refresh {
    /// Each question of the section.
    pub questions: Vec<QuestionState>,
    /// Answered of shown questions.
    pub progress: Progress,
    /// Whether each response placed in the section shows, in the order of
    /// [`SectionView::support`].
    pub support_shown: Vec<bool>,
}

/// What may change of one question on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionState {
    /// Position of the question.
    pub index: usize,
    /// Whether it is shown.
    pub visible: bool,
    /// Whether "Clear this answer" shows: it has an answer.
    pub answered: bool,
    /// Whether the "something else" text box shows: its box is ticked.
    pub other_open: bool,
}

/// Progress over the whole questionnaire.
pub fn progress(model: &Model, visible: &[bool]) -> Progress {
    let mut progress = Progress {
        answered: 0,
        total: 0,
    };
    for (index, question) in model.questionnaire().questions.iter().enumerate() {
        if question.kind != QuestionKind::Info && is_shown(visible, index) {
            progress.total += 1;
            if model.answers().get(index).is_some() {
                progress.answered += 1;
            }
        }
    }
    progress
}

/// The section screen for the section at `index`.
pub(super) fn section_view<'a>(
    model: &'a Model,
    index: usize,
    section: &'a Section,
) -> SectionView<'a> {
    let questionnaire = model.questionnaire();
    let visible = model.visibility();
    let is_last = !(index + 1..questionnaire.sections.len()).any(|later| {
        questionnaire
            .sections
            .get(later)
            .is_some_and(|s| s.questions.clone().any(|q| is_shown(&visible, q)))
    });
    let next_label = if model.returning_to_review() {
        &model.texts().return_to_review()
    } else if is_last {
        &model.texts().check_answers()
    } else {
        &model.texts().continue_label()
    };
    let support = responses(model, section, &visible)
        .into_iter()
        .map(|(response, after, shown)| InlineSupport {
            response,
            after,
            shown,
            contacts: &model.settings().support,
        })
        .collect();
    SectionView {
        index,
        caption: {
            let (number, count) = model.section_place(index);
            model.texts().section_of(number, count)
        },
        section,
        questions: section
            .questions
            .clone()
            .filter_map(|q| {
                let question = questionnaire.question(q)?;
                Some(QuestionView {
                    index: q,
                    question,
                    hint: hint(model.texts(), question),
                    visible: is_shown(&visible, q),
                    answer: model.answers().get(q),
                    spellcheck: model.settings().spellcheck,
                })
            })
            .collect(),
        progress: progress(model, &visible),
        next_label,
        support,
    }
}

/// The hint a question shows: its own, or for a note without one, the note's general hint.
fn hint<'a>(texts: &'a Texts, question: &'a Question) -> Option<&'a str> {
    match (&question.hint, &question.kind) {
        (Some(hint), _) => Some(hint),
        (None, QuestionKind::Note(_)) => Some(texts.note_hint()),
        (None, _) => None,
    }
}

/// The responses placed in `section`: each with the last question of the section its condition
/// looks at, and whether it shows now.
fn responses(model: &Model, section: &Section, visible: &[bool]) -> Vec<(Response, usize, bool)> {
    let questionnaire = model.questionnaire();
    [
        (
            Response::Support,
            &questionnaire.support_when,
            model.support_needed_with(visible),
        ),
        (
            Response::Safety,
            &questionnaire.safety_when,
            model.safety_needed_with(visible),
        ),
    ]
    .into_iter()
    .filter_map(|(response, condition, shown)| {
        let after = condition
            .as_ref()?
            .questions()
            .into_iter()
            .filter(|q| section.questions.contains(q))
            .max()?;
        Some((response, after, shown))
    })
    .collect()
}

/// What the answers change on the section showing; `None` on any other screen.
pub fn refresh(model: &Model) -> Option<Refresh> {
    let Screen::Section(index) = model.screen() else {
        return None;
    };
    let section = model.questionnaire().sections.get(index)?;
    let visible = model.visibility();
    let questions = section
        .questions
        .clone()
        .map(|q| {
            let answer = model.answers().get(q);
            QuestionState {
                index: q,
                visible: is_shown(&visible, q),
                answered: answer.is_some(),
                other_open: matches!(answer, Some(Answer::Choices { other: Some(_), .. })),
            }
        })
        .collect();
    Some(Refresh {
        questions,
        progress: progress(model, &visible),
        support_shown: responses(model, section, &visible)
            .into_iter()
            .map(|(_, _, shown)| shown)
            .collect(),
    })
}
