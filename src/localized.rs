//! Everything the client sees, once per language offered: the questionnaire, the clinic's
//! settings and the interface text, each read in that language. Switching language swaps one
//! for another; answers are kept by question and option ids, so they carry over.

use std::rc::Rc;

use serde_json::Value;

use crate::changes;
use crate::definition::{Questionnaire, DEFAULT_QUESTIONNAIRE};
use crate::language::{self, Direction};
use crate::problem::{field_path, with_suggestion, Problem};
use crate::settings::Settings;
use crate::text::Texts;
use crate::translation;

/// One language's version of everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    /// The language tag.
    pub language: String,
    /// Which way it is written.
    pub direction: Direction,
    /// The questionnaire, with the clinic's changes applied.
    pub questionnaire: Questionnaire,
    /// The clinic's settings.
    pub settings: Settings,
    /// The interface text.
    /// Shared: every copy of a version points at the same text.
    pub texts: Rc<Texts>,
}

impl Localized {
    /// A single English version, for a questionnaire and settings already read.
    pub fn single(questionnaire: Questionnaire, settings: Settings) -> Self {
        let language = questionnaire.language.clone();
        let texts = Rc::new(Texts::for_language(&language, &settings.interface));
        Self {
            direction: language::direction(&language),
            language,
            questionnaire,
            settings,
            texts,
        }
    }
}

/// The built-in questionnaire, parsed.
pub fn default_questionnaire_value() -> Value {
    serde_json::from_str(DEFAULT_QUESTIONNAIRE).unwrap_or(Value::Null)
}

/// Reads the questionnaire and the settings in every language offered: the settings'
/// `languages`, or every language the questionnaire has text in. Returns every problem of
/// both files at once; the paths of problems in the settings start with `settings_path`.
pub fn prepare(
    questionnaire: &Value,
    settings: &Value,
    settings_path: &str,
) -> Result<Vec<Localized>, Vec<Problem>> {
    let in_settings = |problem: Problem| Problem {
        path: field_path(settings_path, &problem.path)
            .trim_end_matches('.')
            .to_owned(),
        ..problem
    };
    let own = translation::own_language(questionnaire);
    let base = Questionnaire::from_value(questionnaire);
    let base_settings = Settings::from_value_in(settings, own, own);
    let (mut base, base_settings) = match (base, base_settings) {
        (Ok(base), Ok(settings)) => (base, settings),
        (base, settings) => {
            return Err(base
                .err()
                .into_iter()
                .flatten()
                .chain(settings.err().into_iter().flatten().map(in_settings))
                .collect())
        }
    };
    let mut problems = changes::apply(&mut base, &base_settings.changes);
    let offered: Vec<String> = match &base_settings.languages {
        None => base.languages.clone(),
        Some(chosen) => {
            for (tag, path) in chosen {
                let known = base
                    .languages
                    .iter()
                    .any(|has| has.eq_ignore_ascii_case(tag));
                if !known {
                    problems.push(Problem::new(
                        path.clone(),
                        with_suggestion(
                            format!(
                                "the questionnaire has no text in \"{tag}\": it has {}",
                                base.languages.join(", ")
                            ),
                            tag,
                            base.languages.iter().map(String::as_str),
                        ),
                    ));
                }
            }
            chosen.iter().map(|(tag, _)| tag.clone()).collect()
        }
    };
    if !problems.is_empty() {
        return Err(problems.into_iter().map(in_settings).collect());
    }
    let mut versions = Vec::with_capacity(offered.len());
    for tag in offered {
        // The same files read again in another language: the structure is the same, so any
        // problem was reported above already.
        let Ok(mut questionnaire) = Questionnaire::from_value_in(questionnaire, &tag) else {
            continue;
        };
        let Ok(settings) = Settings::from_value_in(settings, &tag, own) else {
            continue;
        };
        if !changes::apply(&mut questionnaire, &settings.changes).is_empty() {
            continue;
        }
        let texts = Texts::for_language(&tag, &settings.interface);
        questionnaire.label_built_in_options(&texts);
        let texts = Rc::new(texts);
        versions.push(Localized {
            direction: language::direction(&tag),
            language: tag,
            questionnaire,
            settings,
            texts,
        });
    }
    Ok(versions)
}
