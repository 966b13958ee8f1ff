//! Answering: choosing, ticking, writing and clearing. Every answer is optional and checked
//! against its question, so an answer never refers to an option or a point that does not exist.
//! The page is told only what changes: questions that appear or hide, progress, and support.

use super::effect::Effect;
use super::model::Model;
use super::screen::Screen;
use crate::answers::answer::{tick, Answer};
use crate::format::questionnaire::{NoteFor, QuestionKind};
use crate::reflection::notes;

/// A radio of a single choice question was chosen.
pub(super) fn choose(model: &mut Model, question: usize, option: usize) -> Vec<Effect> {
    let Some(QuestionKind::SingleChoice { options }) = model.kind_of(question) else {
        return Vec::new();
    };
    if option >= options.len() {
        return Vec::new();
    }
    model.answer(question, Some(Answer::Choice(option)), false)
}

/// A checkbox of a multiple choice question was ticked or unticked.
pub(super) fn toggle(
    model: &mut Model,
    question: usize,
    option: usize,
    checked: bool,
) -> Vec<Effect> {
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
        tick(&mut selected, option);
    } else {
        selected.retain(|&o| o != option);
    }
    model.answer(question, choices_answer(selected, other), sync)
}

/// The "something else" checkbox was ticked or unticked.
pub(super) fn toggle_other(model: &mut Model, question: usize, checked: bool) -> Vec<Effect> {
    let Some(QuestionKind::MultipleChoice { options, other }) = model.kind_of(question) else {
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

/// The "something else" text changed.
pub(super) fn write_other(model: &mut Model, question: usize, text: String) -> Vec<Effect> {
    let Some(QuestionKind::MultipleChoice { other: Some(_), .. }) = model.kind_of(question) else {
        return Vec::new();
    };
    let (selected, other) = current_choices(model.answers.get(question));
    if other.is_none() {
        return Vec::new();
    }
    model.answer(question, choices_answer(selected, Some(text)), false)
}

/// A point of a scale was chosen.
pub(super) fn choose_point(model: &mut Model, question: usize, value: i64) -> Vec<Effect> {
    let Some(QuestionKind::Scale(scale)) = model.kind_of(question) else {
        return Vec::new();
    };
    if !(scale.min..=scale.max).contains(&value) {
        return Vec::new();
    }
    model.answer(question, Some(Answer::Scale(value)), false)
}

/// A text answer changed; blank text is no answer.
pub(super) fn write(model: &mut Model, question: usize, text: String) -> Vec<Effect> {
    match model.kind_of(question) {
        Some(QuestionKind::ShortText | QuestionKind::LongText) => {
            let answer = (!text.trim().is_empty()).then_some(Answer::Text(text));
            model.answer(question, answer, false)
        }
        // The client's own words now: the draft no longer follows the answers.
        Some(QuestionKind::Note(_)) => {
            model.answers.set_edited(question, true);
            let answer = (!text.trim().is_empty()).then_some(Answer::Text(text));
            model.answer(question, answer, false)
        }
        Some(
            QuestionKind::SingleChoice { .. }
            | QuestionKind::MultipleChoice { .. }
            | QuestionKind::Scale(_)
            | QuestionKind::Info,
        )
        | None => Vec::new(),
    }
}

/// "Clear this answer": the answer goes, focus stays in the question.
pub(super) fn clear(model: &mut Model, question: usize) -> Vec<Effect> {
    if model.answers.get(question).is_none() {
        return Vec::new();
    }
    // A note the client cleared stays clear: no new draft fills it again.
    if matches!(model.kind_of(question), Some(QuestionKind::Note(_))) {
        model.answers.set_edited(question, true);
    }
    let mut effects = model.answer(question, None, true);
    effects.push(Effect::FocusQuestion(question));
    effects.push(Effect::Announce(model.texts.answer_cleared().clone()));
    effects
}

fn current_choices(answer: Option<&Answer>) -> (Vec<usize>, Option<String>) {
    match answer {
        Some(Answer::Choices { selected, other }) => (selected.clone(), other.clone()),
        Some(Answer::Choice(_) | Answer::Scale(_) | Answer::Text(_)) | None => (Vec::new(), None),
    }
}

/// No ticks and no "something else" is no answer at all.
fn choices_answer(selected: Vec<usize>, other: Option<String>) -> Option<Answer> {
    (!selected.is_empty() || other.is_some()).then_some(Answer::Choices { selected, other })
}

impl Model {
    /// Sets an answer and reports what the page must update.
    fn answer(&mut self, question: usize, answer: Option<Answer>, sync: bool) -> Vec<Effect> {
        // More typing in a text already answered: no condition looks at the words themselves,
        // so nothing on screen changes but the text box, which the client is typing in.
        let still_text = matches!(
            (self.answers.get(question), &answer),
            (Some(Answer::Text(_)), Some(Answer::Text(_)))
        );
        if still_text {
            self.answers.set(question, answer);
            return self.autosave().into_iter().collect();
        }
        let before = self.visibility();
        let support_before = self.support_needed_with(&before);
        let safety_before = self.safety_needed_with(&before);
        self.answers.set(question, answer);
        let after = self.visibility();
        let mut effects = vec![Effect::Refresh];
        if sync {
            effects.push(Effect::SyncInputs { question });
        }
        effects.extend(self.autosave());
        let revealed = before
            .iter()
            .zip(&after)
            .enumerate()
            .filter(|(index, (was, is))| !**was && **is && self.is_on_screen(*index))
            .count();
        if revealed > 0 {
            effects.push(Effect::Announce(self.texts.questions_revealed(revealed)));
        }
        if !support_before && self.support_needed_with(&after) {
            effects.push(Effect::Announce(self.texts.support_shown().clone()));
        }
        if !safety_before && self.safety_needed_with(&after) {
            effects.push(Effect::Announce(self.texts.safety_shown().clone()));
        }
        effects
    }

    fn is_on_screen(&self, question: usize) -> bool {
        let section = self.questionnaire.question(question).map(|q| q.section);
        matches!(self.screen, Screen::Section(current) if section == Some(current))
    }

    /// Brings the drafts of the notes up to date with the answers, until the client writes in
    /// them: the notes of the section showing (`section`), and every note already drafted. A
    /// note the client wrote in or cleared is left exactly as it is.
    pub(super) fn refresh_notes(&mut self, section: Option<usize>) {
        let showing = section
            .and_then(|section| self.questionnaire.sections.get(section))
            .map(|section| section.questions.clone())
            .unwrap_or_default();
        for question in 0..self.questionnaire.questions.len() {
            let Some(QuestionKind::Note(recipient)) = self.kind_of(question).cloned() else {
                continue;
            };
            let drafted = self.answers.get(question).is_some();
            if self.answers.is_edited(question) || !(drafted || showing.contains(&question)) {
                continue;
            }
            let draft = self.note_draft(recipient);
            let answer = (!draft.is_empty()).then_some(Answer::Text(draft));
            self.answers.set(question, answer);
        }
    }

    /// The draft of a note to `recipient`, from the answers as they stand.
    pub(super) fn note_draft(&self, recipient: NoteFor) -> String {
        notes::draft(&self.questionnaire, &self.answers, &self.texts, recipient)
    }
}
