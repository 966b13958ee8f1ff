//! Layer 7: what each screen shows, as plain data. The web layer only turns it into elements:
//! every decision about what to show (which questions, which hint, where support goes, what an
//! answer changes on screen) is made here, where it is tested natively. Uses
//! [`session`](crate::session) and the layers below it.

/// The introduction's words, for the loader to draw before the module has started.
pub mod first_screen;
/// The review screen.
pub mod review;
/// The saving status and buttons under every screen.
pub mod save_bar;
/// A section screen, and what an answer changes on it.
pub mod section;

pub use review::{ReviewRow, ReviewSection, ReviewView};
pub use save_bar::{save_bar, SaveBar};
pub use section::{
    progress, refresh, InlineSupport, Progress, QuestionView, Refresh, Response, SectionView,
};

use crate::reflection::summary::{Output, Summary};
use crate::session::model::Model;
use crate::session::saving::Unlock;
use crate::session::screen::Screen;
use crate::session::REMINDER_MONTHS;

/// A screen to show.
#[derive(Debug)]
pub enum View<'a> {
    /// The introduction.
    Intro(IntroView<'a>),
    /// A section of questions.
    Section(SectionView<'a>),
    /// Every shown question with its answer.
    Review(ReviewView<'a>),
    /// The two outputs and the reminder.
    Summary(Box<SummaryView>),
    /// Saved answers or a backup waiting for a passphrase, or that cannot be opened.
    Resume(&'a Unlock),
    /// The neutral step that covers everything after the page came back through the browser's
    /// history, until the client chooses to continue.
    Paused,
}

/// The summary screen: "To bring", "Just for me", and when a reminder can be set.
#[derive(Debug)]
pub struct SummaryView {
    /// What the client chose to bring.
    pub bring: Summary,
    /// Everything, with the plan.
    pub mine: Summary,
    /// The choices of when a reminder comes, in months.
    pub reminder_months: &'static [u32],
    /// Whether the browser's spell checker may read the reminder's title.
    pub spellcheck: bool,
}

/// The introduction.
#[derive(Debug)]
pub struct IntroView<'a> {
    /// The clinic's name, above the title.
    pub clinic: Option<&'a str>,
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
            clinic: model.settings().clinic.as_deref(),
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
        Screen::Summary => View::Summary(Box::new(SummaryView {
            bring: model.summary(Output::Bring),
            mine: model.summary(Output::Mine),
            reminder_months: &REMINDER_MONTHS,
            spellcheck: model.settings().spellcheck,
        })),
        Screen::Resume => match model.unlock() {
            Some(unlock) => View::Resume(unlock),
            None => View::Review(review::review_view(model)),
        },
    }
}
