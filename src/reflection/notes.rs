//! The two writing aids: a note to the therapist and a note to the client's future self, each
//! starting from a gentle draft made of the client's own answers, which they then change freely.

use super::shown::{shown, Shown};
use crate::answers::answer::Answers;
use crate::answers::visibility::{is_shown, visibility};
use crate::format::questionnaire::{NoteFor, Questionnaire};
use crate::languages::interface::Texts;

/// The client's shown answers to these questions, each as one piece of text.
fn answers_to(
    questionnaire: &Questionnaire,
    answers: &Answers,
    texts: &Texts,
    questions: &[usize],
    visible: &[bool],
) -> Vec<String> {
    questions
        .iter()
        .filter(|&&q| is_shown(visible, q))
        .filter_map(|&q| {
            let question = questionnaire.question(q)?;
            match shown(question, answers.get(q)?, texts)? {
                Shown::Text(text) => Some(text),
                Shown::List(items) => Some(items.join(", ")),
            }
        })
        .collect()
}

/// A draft of the note, or an empty string when there is nothing of the client's to start from.
pub fn draft(
    questionnaire: &Questionnaire,
    answers: &Answers,
    texts: &Texts,
    recipient: NoteFor,
) -> String {
    let sources = &questionnaire.note_sources;
    let plan = &questionnaire.plan;
    let visible = visibility(questionnaire, answers);
    let answers_to =
        |questions: &[usize]| answers_to(questionnaire, answers, texts, questions, &visible);
    let parts: Vec<(&str, Vec<String>)> = match recipient {
        NoteFor::Therapist => vec![
            (&texts.note_helped, answers_to(&sources.helped)),
            (&texts.note_proud, answers_to(&sources.proud)),
            (&texts.note_keep_doing, answers_to(&sources.keep_doing)),
            (&texts.note_to_say, answers_to(&sources.to_say)),
        ],
        NoteFor::FutureSelf => vec![
            (&texts.note_self_helped, answers_to(&sources.helped)),
            (&texts.note_self_proud, answers_to(&sources.proud)),
            (&texts.note_self_keep_doing, answers_to(&sources.keep_doing)),
            (&texts.note_self_setback, answers_to(&plan.after_setback)),
        ],
    };
    if parts.iter().all(|(_, answers)| answers.is_empty()) {
        return String::new();
    }
    let (opening, closing) = match recipient {
        NoteFor::Therapist => (&texts.note_therapist_opening, &texts.note_therapist_closing),
        NoteFor::FutureSelf => (&texts.note_self_opening, &texts.note_self_closing),
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
