//! Moving between screens: "Start", the main button, "Back", "Skip", "Change" on the review, the
//! summary, and the browser's own Back and Forward. A screen the client moves to is announced,
//! recorded in the browser's history, told to the host page and, when saving, saved as the place
//! to come back to.

use super::effect::{Effect, Focus, Notice};
use super::model::Model;
use super::screen::Screen;

/// "Start" on the introduction: the first section with something to show.
pub(super) fn start(model: &mut Model) -> Vec<Effect> {
    if model.screen != Screen::Intro {
        return Vec::new();
    }
    match model.next_section_after(None) {
        Some(first) => model.go_to(Screen::Section(first), Focus::Heading),
        None => model.go_to(Screen::Review, Focus::Heading),
    }
}

/// "Change" next to a question on the review: its section, with focus on the question.
pub(super) fn change(model: &mut Model, question: usize) -> Vec<Effect> {
    if model.screen != Screen::Review {
        return Vec::new();
    }
    let Some(section) = model.questionnaire.question(question).map(|q| q.section) else {
        return Vec::new();
    };
    model.returning_to_review = Some(question);
    model.go_to(Screen::Section(section), Focus::Question(question))
}

/// "See my summary" on the review.
pub(super) fn to_summary(model: &mut Model) -> Vec<Effect> {
    if model.screen != Screen::Review {
        return Vec::new();
    }
    model.go_to(Screen::Summary, Focus::Heading)
}

/// "Change my answers" on the summary.
pub(super) fn to_review(model: &mut Model) -> Vec<Effect> {
    if model.screen != Screen::Summary {
        return Vec::new();
    }
    model.go_to(Screen::Review, Focus::Heading)
}

/// The browser's Back or Forward reached a screen the widget recorded.
pub(super) fn history_moved(model: &mut Model, screen: Screen) -> Vec<Effect> {
    let exists = match screen {
        Screen::Section(index) => index < model.questionnaire.sections.len(),
        Screen::Resume => false,
        Screen::Intro | Screen::Review | Screen::Summary => true,
    };
    // Not before the client has opened or set aside what was saved, and not to where they are
    // already.
    if !exists || model.screen == Screen::Resume || model.screen == screen {
        return Vec::new();
    }
    model.returning_to_review = None;
    // The browser has its entry already.
    model.show_screen(screen, Focus::Heading, false)
}

impl Model {
    /// The main button of a section, or "Skip this section": the next section with something to
    /// show, the review after the last, or back to the review after "Change".
    pub(super) fn forward(&mut self) -> Vec<Effect> {
        let Screen::Section(current) = self.screen else {
            return Vec::new();
        };
        if let Some(question) = self.returning_to_review.take() {
            return self.go_to(Screen::Review, Focus::ChangeButton(question));
        }
        match self.next_section_after(Some(current)) {
            Some(next) => self.go_to(Screen::Section(next), Focus::Heading),
            None => self.go_to(Screen::Review, Focus::Heading),
        }
    }

    /// "Back": the section before with something to show, or the introduction.
    pub(super) fn back(&mut self) -> Vec<Effect> {
        if let (Screen::Section(_), Some(question)) = (self.screen, self.returning_to_review) {
            self.returning_to_review = None;
            return self.go_to(Screen::Review, Focus::ChangeButton(question));
        }
        match self.screen {
            Screen::Intro | Screen::Resume => Vec::new(),
            Screen::Section(current) => match self.previous_section_before(current) {
                Some(previous) => self.go_to(Screen::Section(previous), Focus::Heading),
                None => self.go_to(Screen::Intro, Focus::Heading),
            },
            Screen::Review => match self.last_section() {
                Some(last) => self.go_to(Screen::Section(last), Focus::Heading),
                None => self.go_to(Screen::Intro, Focus::Heading),
            },
            Screen::Summary => self.go_to(Screen::Review, Focus::Heading),
        }
    }

    fn next_section_after(&self, after: Option<usize>) -> Option<usize> {
        let visible = self.visibility();
        let start = after.map_or(0, |index| index + 1);
        (start..self.questionnaire.sections.len())
            .find(|&section| self.section_has_content(section, &visible))
    }

    fn previous_section_before(&self, before: usize) -> Option<usize> {
        let visible = self.visibility();
        (0..before)
            .rev()
            .find(|&section| self.section_has_content(section, &visible))
    }

    fn last_section(&self) -> Option<usize> {
        self.previous_section_before(self.questionnaire.sections.len())
    }

    /// Moves to `screen` as the client asked, adding a browser history entry for it.
    pub(super) fn go_to(&mut self, screen: Screen, focus: Focus) -> Vec<Effect> {
        self.show_screen(screen, focus, true)
    }

    /// Moves to `screen`; with `record`, a browser history entry is added for it (not when the
    /// browser's own Back or Forward brought the client there).
    fn show_screen(&mut self, screen: Screen, focus: Focus, record: bool) -> Vec<Effect> {
        self.screen = screen;
        self.refresh_notes(screen.section());
        let announcement = match screen {
            Screen::Intro => self.questionnaire.title.clone(),
            Screen::Section(index) => {
                let title = self
                    .questionnaire
                    .sections
                    .get(index)
                    .map(|s| s.title.as_str());
                let (number, count) = self.section_place(index);
                let place = self.texts.section_of(number, count);
                format!("{place}: {}", title.unwrap_or_default())
            }
            Screen::Review => self.texts.review_heading().clone(),
            Screen::Summary => self.texts.summary_heading().clone(),
            Screen::Resume => self.texts.resume_heading().clone(),
        };
        let mut effects = vec![Effect::ShowScreen(focus), Effect::Announce(announcement)];
        if record && screen != Screen::Resume {
            effects.push(Effect::RecordPlace(screen));
        }
        // The host page hears where the client is only when the clinic asked for it.
        let notice = match screen {
            Screen::Section(index) => {
                let (number, count) = self.section_place(index);
                Some(Notice::SectionChanged { number, count })
            }
            Screen::Summary => Some(Notice::Complete),
            Screen::Intro | Screen::Review | Screen::Resume => None,
        };
        effects.extend(notice.filter(|_| self.settings.events).map(Effect::Notify));
        // The place is part of the draft, so the client comes back to the section they were on.
        effects.extend(self.autosave());
        effects
    }
}
