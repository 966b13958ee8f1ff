//! The two writing aids: a note to the therapist and a note to the client's future self, each
//! starting from a gentle draft made of the client's own answers, which they then change freely.

use crate::definition::NoteFor;
use crate::session::Model;
use crate::summary::{shown, Shown};

/// The client's shown answers to these questions, each as one piece of text.
fn answers_to(model: &Model, questions: &[usize], visible: &[bool]) -> Vec<String> {
    questions
        .iter()
        .filter(|&&q| visible.get(q) == Some(&true))
        .filter_map(|&q| {
            let question = model.questionnaire().question(q)?;
            match shown(question, model.answers().get(q)?, model.texts())? {
                Shown::Text(text) => Some(text),
                Shown::List(items) => Some(items.join(", ")),
            }
        })
        .collect()
}

/// A draft of the note, or an empty string when there is nothing of the client's to start from.
pub fn draft(model: &Model, recipient: NoteFor) -> String {
    let sources = &model.questionnaire().note_sources;
    let plan = &model.questionnaire().plan;
    let visible = model.visibility();
    let parts: Vec<(&str, Vec<String>)> = match recipient {
        NoteFor::Therapist => vec![
            (
                &model.texts().note_helped,
                answers_to(model, &sources.helped, &visible),
            ),
            (
                &model.texts().note_proud,
                answers_to(model, &sources.proud, &visible),
            ),
            (
                &model.texts().note_keep_doing,
                answers_to(model, &sources.keep_doing, &visible),
            ),
            (
                &model.texts().note_to_say,
                answers_to(model, &sources.to_say, &visible),
            ),
        ],
        NoteFor::FutureSelf => vec![
            (
                &model.texts().note_self_helped,
                answers_to(model, &sources.helped, &visible),
            ),
            (
                &model.texts().note_self_proud,
                answers_to(model, &sources.proud, &visible),
            ),
            (
                &model.texts().note_self_keep_doing,
                answers_to(model, &sources.keep_doing, &visible),
            ),
            (
                &model.texts().note_self_setback,
                answers_to(model, &plan.after_setback, &visible),
            ),
        ],
    };
    if parts.iter().all(|(_, answers)| answers.is_empty()) {
        return String::new();
    }
    let (opening, closing) = match recipient {
        NoteFor::Therapist => (
            &model.texts().note_therapist_opening,
            &model.texts().note_therapist_closing,
        ),
        NoteFor::FutureSelf => (
            &model.texts().note_self_opening,
            &model.texts().note_self_closing,
        ),
    };
    let mut note = String::from(opening);
    for (heading, answers) in parts.iter().filter(|(_, answers)| !answers.is_empty()) {
        note.push_str("\n\n");
        note.push_str(heading);
        for answer in answers {
            note.push('\n');
            note.push_str(answer);
        }
    }
    note.push_str("\n\n");
    note.push_str(closing);
    note
}
