//! The client's session: where they are and what they answered, changed only by [`update`].

use crate::answer::{Answer, Answers};
use crate::definition::{QuestionKind, Questionnaire};
use crate::text;

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// What this is, before the first section.
    Intro,
    /// A section, by position.
    Section(usize),
    /// Every shown question with its answer, each with a way to change it.
    Review,
    /// What the client may print and bring.
    Summary,
}

/// Everything the session knows.
#[derive(Debug, Clone)]
pub struct Model {
    questionnaire: Questionnaire,
    answers: Answers,
    screen: Screen,
    /// Set when a section was opened with "Change" on the review: the question changed. The
    /// section's main button leads back there, to that question's "Change" button.
    returning_to_review: Option<usize>,
}

/// Something that happened, named as the client would say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// "Start" on the introduction.
    StartClicked,
    /// The main button of a section.
    NextClicked,
    /// "Back".
    BackClicked,
    /// "Skip this section".
    SkipClicked,
    /// A radio of a single choice question was chosen.
    OptionChosen {
        /// The question.
        question: usize,
        /// The option's position.
        option: usize,
    },
    /// A checkbox of a multiple choice question was ticked or unticked.
    OptionToggled {
        /// The question.
        question: usize,
        /// The option's position.
        option: usize,
        /// Ticked or not.
        checked: bool,
    },
    /// The "something else" checkbox was ticked or unticked.
    OtherToggled {
        /// The question.
        question: usize,
        /// Ticked or not.
        checked: bool,
    },
    /// The "something else" text changed.
    OtherTextChanged {
        /// The question.
        question: usize,
        /// The whole text now.
        text: String,
    },
    /// A point of a scale was chosen.
    ScalePointChosen {
        /// The question.
        question: usize,
        /// The point.
        value: i64,
    },
    /// A text answer changed.
    TextChanged {
        /// The question.
        question: usize,
        /// The whole text now.
        text: String,
    },
    /// "Clear this answer".
    AnswerCleared {
        /// The question.
        question: usize,
    },
    /// "Change" next to a question on the review screen.
    ChangeClicked {
        /// The question.
        question: usize,
    },
    /// "See my summary" on the review screen.
    SummaryClicked,
    /// "Change my answers" on the summary screen.
    ReviewClicked,
    /// "Print my summary".
    PrintClicked,
}

/// An instruction to the page, carried out by the web layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Build the new screen and move focus.
    ShowScreen(Focus),
    /// Answers changed: update what is shown or hidden and the progress, leaving inputs alone.
    Refresh,
    /// Set the ticked state of this question's radios and checkboxes from the answers.
    SyncInputs {
        /// The question.
        question: usize,
    },
    /// Move focus to the first input of a question.
    FocusQuestion(usize),
    /// Say this in the polite live region.
    Announce(String),
    /// Open the browser's print dialog.
    Print,
}

/// Where focus goes on a new screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The screen's heading, so a screen reader reads it first.
    Heading,
    /// The first input of a question, after "Change" on the review.
    Question(usize),
    /// The "Change" button of a question on the review, on the way back from changing it.
    ChangeButton(usize),
}

impl Model {
    /// A fresh session on the introduction.
    pub fn new(questionnaire: Questionnaire) -> Self {
        let answers = Answers::new(questionnaire.questions.len());
        Self {
            questionnaire,
            answers,
            screen: Screen::Intro,
            returning_to_review: None,
        }
    }

    /// The questionnaire.
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.questionnaire
    }

    /// The answers, including those to questions hidden now.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The current screen.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Whether the current section was opened from the review.
    pub fn returning_to_review(&self) -> bool {
        self.returning_to_review.is_some()
    }

    /// Which questions are shown, by position. A question whose condition refers to a hidden
    /// question sees no answer there. Conditions only look backwards, so one pass suffices.
    pub fn visibility(&self) -> Vec<bool> {
        let mut visible = Vec::with_capacity(self.questionnaire.questions.len());
        for question in &self.questionnaire.questions {
            let shown = question
                .show_if
                .as_ref()
                .is_none_or(|condition| condition.holds(&self.answers, &visible));
            visible.push(shown);
        }
        visible
    }

    /// Whether a section has anything to show now.
    fn section_has_content(&self, section: usize, visible: &[bool]) -> bool {
        self.questionnaire
            .sections
            .get(section)
            .is_some_and(|s| s.questions.clone().any(|q| visible.get(q) == Some(&true)))
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

    fn go_to(&mut self, screen: Screen, focus: Focus) -> Vec<Effect> {
        self.screen = screen;
        let announcement = match screen {
            Screen::Intro => self.questionnaire.title.clone(),
            Screen::Section(index) => {
                let title = self
                    .questionnaire
                    .sections
                    .get(index)
                    .map(|s| s.title.as_str());
                let place = text::section_of(index + 1, self.questionnaire.sections.len());
                format!("{place}: {}", title.unwrap_or_default())
            }
            Screen::Review => text::REVIEW_HEADING.to_owned(),
            Screen::Summary => text::SUMMARY_HEADING.to_owned(),
        };
        vec![Effect::ShowScreen(focus), Effect::Announce(announcement)]
    }

    fn forward(&mut self) -> Vec<Effect> {
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

    fn back(&mut self) -> Vec<Effect> {
        if let (Screen::Section(_), Some(question)) = (self.screen, self.returning_to_review) {
            self.returning_to_review = None;
            return self.go_to(Screen::Review, Focus::ChangeButton(question));
        }
        match self.screen {
            Screen::Intro => Vec::new(),
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

    /// Sets an answer and reports what the page must update.
    fn answer(&mut self, question: usize, answer: Option<Answer>, sync: bool) -> Vec<Effect> {
        let before = self.visibility();
        self.answers.set(question, answer);
        let after = self.visibility();
        let mut effects = vec![Effect::Refresh];
        if sync {
            effects.push(Effect::SyncInputs { question });
        }
        let revealed = before
            .iter()
            .zip(&after)
            .enumerate()
            .filter(|(index, (was, is))| !**was && **is && self.is_on_screen(*index))
            .count();
        if revealed > 0 {
            effects.push(Effect::Announce(text::questions_revealed(revealed)));
        }
        effects
    }

    fn is_on_screen(&self, question: usize) -> bool {
        let section = self.questionnaire.question(question).map(|q| q.section);
        matches!(self.screen, Screen::Section(current) if section == Some(current))
    }

    fn kind_of(&self, question: usize) -> Option<&QuestionKind> {
        self.questionnaire.question(question).map(|q| &q.kind)
    }
}

/// Applies what happened to the model and says what the page must do.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::StartClicked if model.screen == Screen::Intro => {
            match model.next_section_after(None) {
                Some(first) => model.go_to(Screen::Section(first), Focus::Heading),
                None => model.go_to(Screen::Review, Focus::Heading),
            }
        }
        Msg::NextClicked | Msg::SkipClicked => model.forward(),
        Msg::BackClicked => model.back(),
        Msg::SummaryClicked if model.screen == Screen::Review => {
            model.go_to(Screen::Summary, Focus::Heading)
        }
        Msg::ReviewClicked if model.screen == Screen::Summary => {
            model.go_to(Screen::Review, Focus::Heading)
        }
        Msg::ChangeClicked { question } if model.screen == Screen::Review => {
            let Some(section) = model.questionnaire.question(question).map(|q| q.section) else {
                return Vec::new();
            };
            model.returning_to_review = Some(question);
            model.go_to(Screen::Section(section), Focus::Question(question))
        }
        Msg::PrintClicked if model.screen == Screen::Summary => vec![Effect::Print],
        Msg::OptionChosen { question, option } => match model.kind_of(question) {
            Some(QuestionKind::SingleChoice { options }) if option < options.len() => {
                model.answer(question, Some(Answer::Choice(option)), false)
            }
            _ => Vec::new(),
        },
        Msg::OptionToggled {
            question,
            option,
            checked,
        } => toggle_option(model, question, option, checked),
        Msg::OtherToggled { question, checked } => {
            let Some(QuestionKind::MultipleChoice { options, other }) = model.kind_of(question)
            else {
                return Vec::new();
            };
            if other.is_none() {
                return Vec::new();
            }
            let (mut selected, old_other) = current_choices(model.answers.get(question));
            let other = if checked {
                // Ticking "something else" means the "not sure" kind of options no longer fit.
                selected.retain(|&o| options.get(o).is_some_and(|opt| !opt.exclusive));
                Some(old_other.unwrap_or_default())
            } else {
                None
            };
            let sync = checked;
            model.answer(question, choices_answer(selected, other), sync)
        }
        Msg::OtherTextChanged { question, text } => {
            let Some(QuestionKind::MultipleChoice { other: Some(_), .. }) = model.kind_of(question)
            else {
                return Vec::new();
            };
            let (selected, other) = current_choices(model.answers.get(question));
            if other.is_none() {
                return Vec::new();
            }
            model.answer(question, choices_answer(selected, Some(text)), false)
        }
        Msg::ScalePointChosen { question, value } => match model.kind_of(question) {
            Some(QuestionKind::Scale(scale)) if (scale.min..=scale.max).contains(&value) => {
                model.answer(question, Some(Answer::Scale(value)), false)
            }
            _ => Vec::new(),
        },
        Msg::TextChanged { question, text } => match model.kind_of(question) {
            Some(QuestionKind::ShortText | QuestionKind::LongText) => {
                let answer = (!text.trim().is_empty()).then_some(Answer::Text(text));
                model.answer(question, answer, false)
            }
            _ => Vec::new(),
        },
        Msg::AnswerCleared { question } => {
            if model.answers.get(question).is_none() {
                return Vec::new();
            }
            let mut effects = model.answer(question, None, true);
            effects.push(Effect::FocusQuestion(question));
            effects.push(Effect::Announce(text::ANSWER_CLEARED.to_owned()));
            effects
        }
        Msg::StartClicked
        | Msg::SummaryClicked
        | Msg::ReviewClicked
        | Msg::ChangeClicked { .. }
        | Msg::PrintClicked => Vec::new(),
    }
}

fn current_choices(answer: Option<&Answer>) -> (Vec<usize>, Option<String>) {
    match answer {
        Some(Answer::Choices { selected, other }) => (selected.clone(), other.clone()),
        _ => (Vec::new(), None),
    }
}

/// No ticks and no "something else" is no answer at all.
fn choices_answer(selected: Vec<usize>, other: Option<String>) -> Option<Answer> {
    (!selected.is_empty() || other.is_some()).then_some(Answer::Choices { selected, other })
}

fn toggle_option(model: &mut Model, question: usize, option: usize, checked: bool) -> Vec<Effect> {
    let Some(QuestionKind::MultipleChoice { options, .. }) = model.kind_of(question) else {
        return Vec::new();
    };
    let Some(exclusive) = options.get(option).map(|o| o.exclusive) else {
        return Vec::new();
    };
    let (mut selected, mut other) = current_choices(model.answers.get(question));
    let mut sync = false;
    if checked {
        // "Not sure" and "prefer not to say" stand alone, as GOV.UK's "none of these" does.
        let before = selected.len() + usize::from(other.is_some());
        if exclusive {
            selected.clear();
            other = None;
        } else {
            selected.retain(|&o| options.get(o).is_some_and(|opt| !opt.exclusive));
        }
        sync = selected.len() + usize::from(other.is_some()) != before;
        selected.push(option);
        selected.sort_unstable();
        selected.dedup();
    } else {
        selected.retain(|&o| o != option);
    }
    model.answer(question, choices_answer(selected, other), sync)
}
