//! Layer 7: what each screen shows, as plain data. The web layer only turns it into elements: every
//! decision about what to show is made here, where it is tested natively. Uses
//! [`session`](crate::session) and the layers below it.

use crate::answers::answer::Answer;
use crate::answers::visibility::is_shown;
use crate::format::questionnaire::{Question, QuestionKind, Section};
use crate::languages::interface::Texts;
use crate::reflection::shown::{shown, Shown};
use crate::reflection::summary::Summary;
use crate::session::model::Model;
use crate::session::saving::{Saving, Unlock};
use crate::session::screen::Screen;

/// A screen to show.
#[derive(Debug)]
pub enum View<'a> {
    /// The introduction.
    Intro(IntroView<'a>),
    /// A section of questions.
    Section(SectionView<'a>),
    /// Every shown question with its answer.
    Review(ReviewView<'a>),
    /// The summary.
    Summary(Summary),
    /// Saved answers or a backup waiting for a passphrase, or that cannot be opened.
    Resume(&'a Unlock),
}

/// The saving status and buttons shown under every screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveBar {
    /// What is stored, in words.
    pub status: String,
    /// Whether "Save my answers on this device" is offered.
    pub can_save: bool,
    /// Whether "Save this tab's answers instead" is offered: another tab saved over them.
    pub can_save_here: bool,
}

/// The saving status and buttons for the current state.
pub fn save_bar(model: &Model) -> SaveBar {
    let status = match model.saving() {
        Saving::Off => model.texts().status_off.clone(),
        Saving::Unavailable => model.texts().saving_unavailable.clone(),
        Saving::Kept => model.texts().saving_kept.clone(),
        Saving::Elsewhere => model.texts().saving_elsewhere.clone(),
        Saving::On { saved_at: None, .. } => model.texts().status_saving.clone(),
        Saving::On {
            saved_at: Some(time),
            ..
        } => model.texts().saved_at(time),
    };
    let offered = model.settings().saving;
    SaveBar {
        status: if offered || *model.saving() != Saving::Off {
            status
        } else {
            model.texts().status_off.clone()
        },
        can_save: offered && *model.saving() == Saving::Off,
        can_save_here: *model.saving() == Saving::Elsewhere,
    }
}

/// The introduction.
#[derive(Debug)]
pub struct IntroView<'a> {
    /// The questionnaire's title.
    pub title: &'a str,
    /// Its introduction.
    pub paragraphs: &'a [String],
    /// "11 sections, about 20 minutes. Every question is optional."
    pub meta: String,
}

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
}

/// A question on a section screen.
#[derive(Debug)]
pub struct QuestionView<'a> {
    /// Position of the question.
    pub index: usize,
    /// The question.
    pub question: &'a Question,
    /// Whether it is shown now.
    pub visible: bool,
    /// Its answer, if any.
    pub answer: Option<&'a Answer>,
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

/// What the current screen shows.
pub fn view(model: &Model) -> View<'_> {
    let questionnaire = model.questionnaire();
    match model.screen() {
        Screen::Intro => View::Intro(IntroView {
            title: &questionnaire.title,
            paragraphs: &questionnaire.intro,
            meta: model
                .texts()
                .intro_meta(questionnaire.minutes, questionnaire.sections.len()),
        }),
        Screen::Section(index) => match questionnaire.sections.get(index) {
            Some(section) => View::Section(section_view(model, index, section)),
            None => View::Review(review_view(model)),
        },
        Screen::Review => View::Review(review_view(model)),
        Screen::Summary => View::Summary(model.summary()),
        Screen::Resume => match model.unlock() {
            Some(unlock) => View::Resume(unlock),
            None => View::Review(review_view(model)),
        },
    }
}

fn section_view<'a>(model: &'a Model, index: usize, section: &'a Section) -> SectionView<'a> {
    let questionnaire = model.questionnaire();
    let visible = model.visibility();
    let is_last = !(index + 1..questionnaire.sections.len()).any(|later| {
        questionnaire
            .sections
            .get(later)
            .is_some_and(|s| s.questions.clone().any(|q| is_shown(&visible, q)))
    });
    let next_label = if model.returning_to_review() {
        &model.texts().return_to_review
    } else if is_last {
        &model.texts().check_answers
    } else {
        &model.texts().continue_label
    };
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
                Some(QuestionView {
                    index: q,
                    question: questionnaire.question(q)?,
                    visible: is_shown(&visible, q),
                    answer: model.answers().get(q),
                })
            })
            .collect(),
        progress: progress(model, &visible),
        next_label,
    }
}

fn review_view(model: &Model) -> ReviewView<'_> {
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
