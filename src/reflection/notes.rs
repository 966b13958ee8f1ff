//! The notes: to the therapist, to the client's future self, and to a next therapist. Each starts
//! from a draft made of the client's own answers, never a private one, which they then change
//! freely. A draft opens plainly (with thanks only when the client said they feel grateful),
//! promises nothing, and lists several answers as a list rather than joining them with commas.

use super::shown::{shown, Shown};
use crate::answers::answer::Answers;
use crate::answers::visibility::{holds, is_shown, visibility};
use crate::format::questionnaire::{NoteFor, Questionnaire};
use crate::languages::interface::Texts;

/// The client's shown, not private answers to these questions, one item per answer or chosen
/// option.
pub(crate) fn items(
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
            if question.private {
                return None;
            }
            shown(question, answers.get(q)?, texts)
        })
        .flat_map(|answer| match answer {
            Shown::Text(text) => vec![text],
            Shown::List(items) => items,
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
    let items = |questions: &[usize]| items(questionnaire, answers, texts, questions, &visible);
    let (opening, parts): (&str, Vec<(&str, Vec<String>)>) = match recipient {
        NoteFor::Therapist => {
            let grateful = sources
                .grateful_when
                .as_ref()
                .is_some_and(|condition| holds(condition, answers, &visible));
            (
                if grateful {
                    texts.note_therapist_thanks()
                } else {
                    texts.note_therapist_opening()
                },
                vec![
                    (texts.note_helped(), items(&sources.helped)),
                    (texts.note_proud(), items(&sources.proud)),
                    (texts.note_keep_doing(), items(&sources.keep_doing)),
                    (texts.note_to_say(), items(&sources.to_say)),
                ],
            )
        }
        NoteFor::FutureSelf => (
            texts.note_self_opening(),
            vec![
                (texts.note_self_helped(), items(&sources.helped)),
                (texts.note_self_proud(), items(&sources.proud)),
                (texts.note_self_keep_doing(), items(&sources.keep_doing)),
                (texts.note_self_signs(), items(&plan.early_signs)),
                (texts.note_self_contact(), items(&plan.who_can_help)),
                (texts.note_self_setback(), items(&plan.after_setback)),
            ],
        ),
        NoteFor::NextTherapist => (
            texts.note_next_opening(),
            vec![
                (texts.note_next_know(), items(&sources.next_therapist)),
                (texts.note_next_helped(), items(&sources.helped)),
                (texts.note_next_goals(), items(&plan.goals)),
            ],
        ),
    };
    if parts.iter().all(|(_, items)| items.is_empty()) {
        return String::new();
    }
    let mut note = String::from(opening);
    for (heading, items) in parts.iter().filter(|(_, items)| !items.is_empty()) {
        note.push_str("\n\n");
        note.push_str(heading);
        push_items(&mut note, items);
    }
    note
}

/// One answer as a paragraph under its heading; several as a list, one per line.
fn push_items(note: &mut String, items: &[String]) {
    match items {
        [only] => {
            note.push('\n');
            note.push_str(only);
        }
        _ => {
            for item in items {
                note.push_str("\n- ");
                note.push_str(item);
            }
        }
    }
}
