//! The two writing aids: a note to the therapist and a note to the client's future self, each
//! starting from a gentle draft made of the client's own answers, which they then change freely.

use crate::definition::NoteFor;
use crate::session::Model;
use crate::summary::{shown, Shown};
use crate::text;

/// The client's shown answers to these questions, each as one piece of text.
fn answers_to(model: &Model, questions: &[usize], visible: &[bool]) -> Vec<String> {
    questions
        .iter()
        .filter(|&&q| visible.get(q) == Some(&true))
        .filter_map(|&q| {
            let question = model.questionnaire().question(q)?;
            match shown(question, model.answers().get(q)?)? {
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
                text::NOTE_HELPED,
                answers_to(model, &sources.helped, &visible),
            ),
            (
                text::NOTE_PROUD,
                answers_to(model, &sources.proud, &visible),
            ),
            (
                text::NOTE_KEEP_DOING,
                answers_to(model, &sources.keep_doing, &visible),
            ),
            (
                text::NOTE_TO_SAY,
                answers_to(model, &sources.to_say, &visible),
            ),
        ],
        NoteFor::FutureSelf => vec![
            (
                text::NOTE_SELF_HELPED,
                answers_to(model, &sources.helped, &visible),
            ),
            (
                text::NOTE_SELF_PROUD,
                answers_to(model, &sources.proud, &visible),
            ),
            (
                text::NOTE_SELF_KEEP_DOING,
                answers_to(model, &sources.keep_doing, &visible),
            ),
            (
                text::NOTE_SELF_SETBACK,
                answers_to(model, &plan.after_setback, &visible),
            ),
        ],
    };
    if parts.iter().all(|(_, answers)| answers.is_empty()) {
        return String::new();
    }
    let (opening, closing) = match recipient {
        NoteFor::Therapist => (text::NOTE_THERAPIST_OPENING, text::NOTE_THERAPIST_CLOSING),
        NoteFor::FutureSelf => (text::NOTE_SELF_OPENING, text::NOTE_SELF_CLOSING),
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
