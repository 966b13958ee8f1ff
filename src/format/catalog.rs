//! The catalogue: the questionnaire and the clinic's settings, checked once, and read again in
//! each language offered when it is first shown, as a [`Version`](crate::format::catalog::Version) with that language's interface
//! text. Switching language swaps one version for another; answers are kept by question and
//! option ids, so they carry over.

use std::rc::Rc;

use serde_json::Value;

use super::changes;
use super::pack;
use super::questionnaire::{Questionnaire, BUILT_IN_QUESTIONNAIRES, DEFAULT_QUESTIONNAIRE};
use super::settings::Settings;
use crate::languages::interface::{language_name, Texts};
use crate::languages::multilingual::own_language;
use crate::languages::tag::{self, direction, Direction};
use crate::reading::json;
use crate::reading::problem::{field_path, with_suggestion, Problem};

/// One language's version of everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
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

impl Version {
    /// A version from a questionnaire and settings read in one language: its interface text,
    /// the clinic's over the built-in, and the built-in options labelled in it.
    pub fn single(mut questionnaire: Questionnaire, settings: Settings) -> Self {
        let language = questionnaire.language.clone();
        let texts = Texts::for_language(&language, &settings.interface);
        questionnaire.label_built_in_options(texts.not_sure(), texts.prefer_not_to_say());
        Self {
            direction: direction(&language),
            language,
            questionnaire,
            settings,
            texts: Rc::new(texts),
        }
    }
}

/// The built-in questionnaire, parsed.
pub fn default_questionnaire_value() -> Value {
    json::parse(DEFAULT_QUESTIONNAIRE).unwrap_or(Value::Null)
}

/// The questionnaire the options ask for: their own (an object, or JSON text), or the built-in
/// one their `built_in` names (the full one without). A wrong `built_in` is the settings' to
/// report; the full one stands in meanwhile.
pub fn questionnaire_of(options: &Value) -> Result<Value, Vec<Problem>> {
    Ok(match built_in_of(options) {
        Some(name) => {
            let text = BUILT_IN_QUESTIONNAIRES
                .iter()
                .find(|(built_in, _)| *built_in == name)
                .map_or(DEFAULT_QUESTIONNAIRE, |(_, text)| text);
            let mut value = json::parse(text).unwrap_or(Value::Null);
            pack::put_back_added(&mut value, name);
            value
        }
        None => match options.get("questionnaire") {
            Some(Value::String(text)) => json::parse_file(text, "questionnaire")?,
            // A copy: taking it out of the options would bring in the map's removal code.
            given => given.cloned().unwrap_or(Value::Null),
        },
    })
}

/// The name of the built-in questionnaire the options ask for, or `None` when they give their
/// own: "full" unless `built_in` names another.
pub fn built_in_of(options: &Value) -> Option<&'static str> {
    match options.get("questionnaire") {
        None | Some(Value::Null) => {
            let name = options.get("built_in").and_then(Value::as_str);
            Some(
                BUILT_IN_QUESTIONNAIRES
                    .iter()
                    .find(|(built_in, _)| Some(*built_in) == name)
                    .map_or("full", |(built_in, _)| built_in),
            )
        }
        Some(_) => None,
    }
}

/// A language offered to the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// Its tag, such as "es".
    pub tag: String,
    /// Its name in itself, such as "Español", for the language switcher.
    pub name: String,
    /// Which way it is written.
    pub direction: Direction,
}

/// The questionnaire and settings, checked, with the languages they offer. Each language's
/// version is read only when it is first shown: a client who never switches never pays for the
/// others.
#[derive(Debug)]
pub struct Catalog {
    questionnaire: Value,
    settings: Value,
    /// The questionnaire's own language.
    own: String,
    /// The languages offered, in order.
    pub languages: Vec<Language>,
    /// The version in the questionnaire's own language, read while checking the files.
    own_version: Version,
    /// The built-in questionnaire's name, when it is one: the text of a language that shipped
    /// apart is put back into it when that language is read.
    built_in: Option<&'static str>,
}

/// Checks the questionnaire and the settings, reading them in the questionnaire's own language,
/// and works out the languages offered: the settings' `languages`, or every language the
/// questionnaire has text in. Returns every problem of both files at once (a problem with text
/// in any language shows up here); the paths of problems in the settings start with
/// `settings_path`.
pub fn prepare(
    questionnaire: Value,
    settings: Value,
    settings_path: &str,
) -> Result<Catalog, Vec<Problem>> {
    let in_settings = |problem: Problem| Problem {
        path: field_path(settings_path, &problem.path)
            .trim_end_matches('.')
            .to_owned(),
        ..problem
    };
    let own = own_language(&questionnaire).to_owned();
    let base = Questionnaire::from_value(&questionnaire);
    let base_settings = Settings::from_value_in(&settings, &own, &own);
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
    let languages = offered
        .into_iter()
        .map(|tag| Language {
            name: language_name(&tag, &base_settings.interface),
            direction: direction(&tag),
            tag,
        })
        .collect();
    let own_version = Version::single(base, base_settings);
    Ok(Catalog {
        questionnaire,
        settings,
        own,
        languages,
        own_version,
        built_in: None,
    })
}

impl Catalog {
    /// The catalogue of the built-in questionnaire `name`, when it is one (see [`built_in_of`]).
    #[must_use]
    pub fn with_built_in(mut self, name: Option<&'static str>) -> Self {
        self.built_in = name;
        self
    }

    /// The clinic's settings, as read in the questionnaire's own language.
    pub fn settings(&self) -> &Settings {
        &self.own_version.settings
    }

    /// The questionnaire, with the clinic's changes, in its own language.
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.own_version.questionnaire
    }

    /// The position of the language to show first, for a client who wants `wanted`, most
    /// wanted first (see [`tag::choose`]).
    pub fn choose(&self, wanted: &[&str]) -> usize {
        let tags: Vec<&str> = self.languages.iter().map(|l| l.tag.as_str()).collect();
        tag::choose(&tags, wanted)
    }

    /// Everything in the language at `index` of [`Catalog::languages`].
    pub fn version(&self, index: usize) -> Option<Version> {
        let tag = &self.languages.get(index)?.tag;
        if tag.eq_ignore_ascii_case(&self.own) {
            return Some(self.own_version.clone());
        }
        // The files were checked in `prepare`: read again in another language, they have the
        // same structure, so a problem here cannot happen.
        let merged = self.built_in.map(|name| {
            let mut value = self.questionnaire.clone();
            pack::put_back_added(&mut value, name);
            value
        });
        let value = merged.as_ref().unwrap_or(&self.questionnaire);
        let mut questionnaire = Questionnaire::from_value_in(value, tag).ok()?;
        let settings = Settings::from_value_in(&self.settings, tag, &self.own).ok()?;
        if !changes::apply(&mut questionnaire, &settings.changes).is_empty() {
            return None;
        }
        Some(Version::single(questionnaire, settings))
    }

    /// Every language's version, in order: for tests and tools (the widget reads them lazily).
    pub fn versions(&self) -> Vec<Version> {
        (0..self.languages.len())
            .filter_map(|index| self.version(index))
            .collect()
    }
}
