//! An answer in words, as the review, the summary, the plan and the note drafts show it.

use crate::answers::answer::Answer;
use crate::format::questionnaire::{Question, QuestionKind};
use crate::languages::interface::Texts;

/// An answer in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// One piece of text, possibly several paragraphs.
    Text(String),
    /// Several chosen options.
    List(Vec<String>),
}

/// Puts an answer into words; `None` if it says nothing (e.g. an unticked "something else").
pub fn shown(question: &Question, answer: &Answer, texts: &Texts) -> Option<Shown> {
    match (&question.kind, answer) {
        (QuestionKind::SingleChoice { options }, Answer::Choice(option)) => options
            .get(*option)
            .map(|option| Shown::Text(option.label.clone())),
        (
            QuestionKind::MultipleChoice { options, other },
            Answer::Choices {
                selected,
                other: text,
            },
        ) => {
            let mut items: Vec<String> = selected
                .iter()
                .filter_map(|&o| options.get(o).map(|option| option.label.clone()))
                .collect();
            if let Some(text) = text {
                let label = other.as_deref().unwrap_or(texts.other_prefix());
                let text = text.trim();
                items.push(if text.is_empty() {
                    label.to_owned()
                } else {
                    format!("{label}: {text}")
                });
            }
            match items.len() {
                0 => None,
                1 => items.pop().map(Shown::Text),
                _ => Some(Shown::List(items)),
            }
        }
        (QuestionKind::Scale(scale), Answer::Scale(value)) => {
            Some(Shown::Text(texts.scale_answer(
                *value,
                scale.min,
                &scale.min_label,
                scale.max,
                &scale.max_label,
            )))
        }
        (
            QuestionKind::ShortText | QuestionKind::LongText | QuestionKind::Note(_),
            Answer::Text(text),
        ) => Some(Shown::Text(text.trim().to_owned())),
        _ => None,
    }
}
