//! The two outputs a client keeps: "To bring", only what they chose to share, opening with the
//! page "For my last session"; and "Just for me", everything they wrote with the staying-well
//! plan. Each answer stands under its short summary label; nothing counts what was skipped.

use super::plan::{plan, PlanPart};
use super::shown::{shown, Shown};
use crate::answers::answer::Answers;
use crate::answers::visibility::{is_shown, visibility};
use crate::format::questionnaire::{QuestionKind, Questionnaire};
use crate::format::settings::{Resource, Settings, Support};
use crate::languages::interface::Texts;

/// Which output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// "To bring": only what the client chose to share.
    Bring,
    /// "Just for me": everything, with the staying-well plan.
    Mine,
}

/// One output, ready to show, print or save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Which output this is.
    pub output: Output,
    /// The output's heading: "To bring" or "Just for me".
    pub heading: String,
    /// The clinic's name, at the top.
    pub clinic: Option<String>,
    /// The questionnaire's title.
    pub title: String,
    /// "For my last session", in "To bring": the chosen answers of the questionnaire's
    /// `last_session`, in its order.
    pub last_session: Vec<SummaryItem>,
    /// The other answers: in "To bring" the chosen ones, under one heading; in "Just for me"
    /// every answer, by section.
    pub sections: Vec<SummarySection>,
    /// The notes: in "To bring" the chosen ones; in "Just for me" all.
    pub notes: Vec<SummaryNote>,
    /// The staying-well plan, in "Just for me".
    pub plan: Option<StayingWell>,
}

impl Summary {
    /// Whether the notes come before the other answers: in "To bring", right after "For my last
    /// session"; in "Just for me", after the sections, where the questionnaire has them.
    pub fn notes_first(&self) -> bool {
        self.output == Output::Bring
    }

    /// The words under the output's heading, or what it says when it is empty.
    pub fn lead<'a>(&self, texts: &'a Texts) -> &'a str {
        match (self.output, self.is_empty()) {
            (Output::Bring, false) => texts.bring_intro(),
            (Output::Bring, true) => texts.bring_empty(),
            (Output::Mine, false) => texts.mine_intro(),
            (Output::Mine, true) => texts.summary_empty(),
        }
    }

    /// Whether there is nothing of the client's in it.
    pub fn is_empty(&self) -> bool {
        self.last_session.is_empty() && self.sections.is_empty() && self.notes.is_empty()
    }
}

/// The staying-well plan: the client's answers, then the clinic's contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StayingWell {
    /// The parts that have answers.
    pub parts: Vec<PlanPart>,
    /// The clinic's support contacts.
    pub support: Support,
    /// How to come back to the clinic.
    pub coming_back: Support,
}

impl StayingWell {
    /// Every part in the order the plan reads: the client's, then the clinic's support contacts
    /// and how to come back, each contact one item of lines (its name, then each way to reach
    /// it).
    pub fn all_parts(&self, texts: &Texts) -> Vec<PlanPart> {
        let clinic = [
            (texts.plan_support(), &self.support),
            (texts.plan_coming_back(), &self.coming_back),
        ]
        .into_iter()
        .filter_map(|(heading, contacts)| {
            let items: Vec<String> = contacts
                .intro
                .iter()
                .cloned()
                .chain(
                    contacts
                        .resources
                        .iter()
                        .map(|resource| contact_lines(resource, texts).join("\n")),
                )
                .collect();
            (!items.is_empty()).then(|| PlanPart {
                heading: heading.clone(),
                items,
            })
        });
        self.parts.iter().cloned().chain(clinic).collect()
    }

    /// Whether the plan has anything to show.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
            && self.support.resources.is_empty()
            && self.coming_back.resources.is_empty()
            && self.coming_back.intro.is_none()
    }
}

/// A note in an output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryNote {
    /// Position of the note's question.
    pub question: usize,
    /// The note's label, e.g. "My note to my therapist".
    pub title: String,
    /// What the client wrote.
    pub text: String,
}

/// A group of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummarySection {
    /// The group's heading.
    pub title: String,
    /// Its answered questions, in order.
    pub items: Vec<SummaryItem>,
}

/// One answered question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryItem {
    /// Position of the question.
    pub question: usize,
    /// The question's summary label, or the question.
    pub text: String,
    /// The answer as the client would read it.
    pub answer: Shown,
}

/// A contact as lines of text: the name, then each way to reach it.
pub fn contact_lines(resource: &Resource, texts: &Texts) -> Vec<String> {
    let mut lines = vec![resource.name.clone()];
    let labelled = [
        (&texts.call(), &resource.phone),
        (&texts.text_us(), &resource.text),
        (&texts.email(), &resource.email),
        (&texts.hours(), &resource.hours),
    ];
    for (label, value) in labelled {
        if let Some(value) = value {
            lines.push(format!("{label}: {value}"));
        }
    }
    lines.extend(resource.web.iter().cloned());
    lines.extend(resource.note.iter().cloned());
    lines
}

/// Whether an answer goes into "To bring": the client's choice, or until they choose, the notes
/// to a therapist and the questions for the last session, unless the question is private.
pub fn brings(questionnaire: &Questionnaire, answers: &Answers, question: usize) -> bool {
    answers.bring(question).unwrap_or_else(|| {
        questionnaire.question(question).is_some_and(|q| {
            !q.private
                && match q.kind {
                    QuestionKind::Note(recipient) => recipient.brought_by_default(),
                    _ => questionnaire.last_session.contains(&question),
                }
        })
    })
}

/// Builds one output: shown questions only, hidden answers left out.
pub fn summarise(
    questionnaire: &Questionnaire,
    answers: &Answers,
    texts: &Texts,
    settings: &Settings,
    output: Output,
) -> Summary {
    let visible = visibility(questionnaire, answers);
    let wanted = |q: usize| output == Output::Mine || brings(questionnaire, answers, q);
    let item = |q: usize| {
        let question = questionnaire.question(q)?;
        let answer = shown(question, answers.get(q)?, texts)?;
        Some(SummaryItem {
            question: q,
            text: question.label().to_owned(),
            answer,
        })
    };
    let answered = |q: usize| {
        is_shown(&visible, q)
            && wanted(q)
            && questionnaire
                .question(q)
                .is_some_and(|question| !matches!(question.kind, QuestionKind::Info))
    };
    let is_note = |q: usize| {
        questionnaire
            .question(q)
            .is_some_and(|question| matches!(question.kind, QuestionKind::Note(_)))
    };
    let last_session: Vec<SummaryItem> = match output {
        Output::Bring => questionnaire
            .last_session
            .iter()
            .filter(|&&q| answered(q) && !is_note(q))
            .filter_map(|&q| item(q))
            .collect(),
        Output::Mine => Vec::new(),
    };
    let elsewhere = |q: usize| last_session.iter().any(|item| item.question == q);
    let others = |range: std::ops::Range<usize>| -> Vec<SummaryItem> {
        range
            .filter(|&q| answered(q) && !is_note(q) && !elsewhere(q))
            .filter_map(item)
            .collect()
    };
    let sections = match output {
        Output::Bring => {
            let items = others(0..questionnaire.questions.len());
            (!items.is_empty())
                .then(|| SummarySection {
                    title: texts.bring_more_heading().clone(),
                    items,
                })
                .into_iter()
                .collect()
        }
        Output::Mine => questionnaire
            .sections
            .iter()
            .filter_map(|section| {
                let items = others(section.questions.clone());
                (!items.is_empty()).then(|| SummarySection {
                    title: section.title.clone(),
                    items,
                })
            })
            .collect(),
    };
    let notes = (0..questionnaire.questions.len())
        .filter(|&q| answered(q) && is_note(q))
        .filter_map(|q| {
            let item = item(q)?;
            let Shown::Text(text) = item.answer else {
                return None;
            };
            Some(SummaryNote {
                question: q,
                title: item.text,
                text,
            })
        })
        .collect();
    let plan = (output == Output::Mine)
        .then(|| StayingWell {
            parts: plan(questionnaire, answers, texts, &visible),
            support: settings.support.clone(),
            coming_back: settings.coming_back.clone(),
        })
        .filter(|plan| !plan.is_empty());
    Summary {
        output,
        heading: match output {
            Output::Bring => texts.bring_heading().clone(),
            Output::Mine => texts.mine_heading().clone(),
        },
        clinic: settings.clinic.clone(),
        title: questionnaire.title.clone(),
        last_session,
        sections,
        notes,
        plan,
    }
}
