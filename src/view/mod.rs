//! Layer 7: what each screen shows, as plain data. The web layer only turns it into elements:
//! every decision about what to show (which questions, which hint, where support goes, what an
//! answer changes on screen) is made here, where it is tested natively. Uses
//! [`session`](crate::session) and the layers below it.

/// The review screen.
pub mod review;
/// The saving status and buttons under every screen.
pub mod save_bar;
/// A section screen, and what an answer changes on it.
pub mod section;

pub use review::{ReviewRow, ReviewSection, ReviewView};
pub use save_bar::{save_bar, SaveBar};
pub use section::{progress, refresh, InlineSupport, Progress, QuestionView, Refresh, SectionView};

use crate::reflection::summary::Summary;
use crate::session::model::Model;
use crate::session::saving::Unlock;
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
    /// The neutral step that covers everything after the page came back through the browser's
    /// history, until the client chooses to continue.
    Paused,
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

/// What the current screen shows.
pub fn view(model: &Model) -> View<'_> {
    if model.paused() {
        return View::Paused;
    }
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
            Some(section) => View::Section(section::section_view(model, index, section)),
            None => View::Review(review::review_view(model)),
        },
        Screen::Review => View::Review(review::review_view(model)),
        Screen::Summary => View::Summary(model.summary()),
        Screen::Resume => match model.unlock() {
            Some(unlock) => View::Resume(unlock),
            None => View::Review(review::review_view(model)),
        },
    }
}
