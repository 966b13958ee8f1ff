//! Properties over generated input: any sequence of messages keeps a session sound, any file is
//! read or refused with its problems, and drafts and backups give back what was saved.
//!
//! Questionnaires are generated small, with follow-ups that depend on earlier answers, and the
//! built-in one is used as it ships (English and Spanish). Text answers are written as
//! `answer-<question>-<n>-end` so that an answer can be looked for in a download.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::fmt;

use ending_well::answers::draft::{
    self, DraftProblem, Envelope, ENVELOPE_VERSION, ITERATIONS, IV_BYTES, MAX_ITERATIONS,
    MIN_ITERATIONS, SALT_BYTES,
};
use ending_well::format::catalog;
use ending_well::format::changes;
use ending_well::format::questionnaire::{QuestionKind, MAX_SCALE_POINTS};
use ending_well::format::settings::Settings;
use ending_well::reflection::export::{to_html, to_plain_text};
use ending_well::view::{self, View};
use ending_well::Condition;
use ending_well::{
    update, Answer, Answers, Effect, Model, Msg, Output, Question, Questionnaire, Screen,
};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::TestCaseError;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------------
// Files, printed as JSON text when a property fails.

/// A JSON file; shown as its text in a failure report.
#[derive(Clone)]
struct File(Value);

impl fmt::Debug for File {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_string())
    }
}

fn built_in() -> Value {
    catalog::default_questionnaire_value()
}

/// A session as the widget starts one: the file and no settings, in the file's own language.
fn session(file: &Value) -> Model {
    let catalog = catalog::prepare(file.clone(), json!({}), "options")
        .unwrap_or_else(|problems| panic!("refused: {problems:#?}\n{file}"));
    Model::from_catalog(catalog, 0).expect("at least one language")
}

// ---------------------------------------------------------------------------------------------
// Generated questionnaires: a few sections of every kind of question, follow-ups on earlier
// answers, a plan, notes and `support_when`. Built from seeds, so that every one is valid.

#[derive(Debug, Clone)]
enum KindSeed {
    Single,
    Multiple,
    Scale,
    Short,
    Long,
    Info,
    Note,
}

#[derive(Debug, Clone)]
struct QuestionSeed {
    kind: KindSeed,
    options: usize,
    not_sure: bool,
    prefer_not_to_say: bool,
    other: bool,
    min: i64,
    points: i64,
    show_if: Option<ConditionSeed>,
}

#[derive(Debug, Clone)]
enum ConditionSeed {
    /// Refers to an earlier question picked by `question`, with a value picked by `value`.
    Leaf {
        question: Index,
        value: Index,
        answered: bool,
    },
    Any(Vec<ConditionSeed>),
    All(Vec<ConditionSeed>),
    Not(Box<ConditionSeed>),
}

/// A question as built, for conditions and lists that refer to it.
struct Built {
    id: String,
    kind: KindSeed,
    options: Vec<String>,
    min: i64,
    points: i64,
}

fn condition_seed() -> impl Strategy<Value = ConditionSeed> {
    let leaf = (any::<Index>(), any::<Index>(), prop::bool::weighted(0.2)).prop_map(
        |(question, value, answered)| ConditionSeed::Leaf {
            question,
            value,
            answered,
        },
    );
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..=3).prop_map(ConditionSeed::Any),
            prop::collection::vec(inner.clone(), 1..=3).prop_map(ConditionSeed::All),
            inner.prop_map(|c| ConditionSeed::Not(Box::new(c))),
        ]
    })
}

fn question_seed() -> impl Strategy<Value = QuestionSeed> {
    let kind = prop_oneof![
        3 => Just(KindSeed::Single),
        3 => Just(KindSeed::Multiple),
        2 => Just(KindSeed::Scale),
        2 => Just(KindSeed::Short),
        1 => Just(KindSeed::Long),
        1 => Just(KindSeed::Info),
        1 => Just(KindSeed::Note),
    ];
    (
        kind,
        1..=4_usize,
        any::<(bool, bool, bool)>(),
        -3..=3_i64,
        2..=MAX_SCALE_POINTS,
        prop::option::weighted(0.5, condition_seed()),
    )
        .prop_map(
            |(kind, options, (not_sure, prefer_not_to_say, other), min, points, show_if)| {
                QuestionSeed {
                    kind,
                    options,
                    not_sure,
                    prefer_not_to_say,
                    other,
                    min,
                    points,
                    show_if,
                }
            },
        )
}

/// Text in one language, or in English and Spanish.
fn text(words: String, bilingual: bool) -> Value {
    if bilingual {
        json!({ "en": words, "es": format!("{words} (es)") })
    } else {
        Value::String(words)
    }
}

fn condition(seed: &ConditionSeed, earlier: &[&Built]) -> Option<Value> {
    match seed {
        ConditionSeed::Leaf {
            question,
            value,
            answered,
        } => {
            if earlier.is_empty() {
                return None;
            }
            let target = earlier[question.index(earlier.len())];
            let id = &target.id;
            Some(match target.kind {
                _ if *answered => json!({ "answered": id }),
                KindSeed::Single => {
                    let option = &target.options[value.index(target.options.len())];
                    json!({ "equals": { "question": id, "value": option } })
                }
                KindSeed::Multiple => {
                    let option = &target.options[value.index(target.options.len())];
                    json!({ "includes": { "question": id, "value": option } })
                }
                KindSeed::Scale => {
                    let point = target.min + value.index(target.points as usize) as i64;
                    json!({ "equals": { "question": id, "value": point } })
                }
                _ => json!({ "answered": id }),
            })
        }
        ConditionSeed::Any(seeds) | ConditionSeed::All(seeds) => {
            let inner: Vec<Value> = seeds.iter().filter_map(|s| condition(s, earlier)).collect();
            let name = if matches!(seed, ConditionSeed::Any(_)) {
                "any"
            } else {
                "all"
            };
            (!inner.is_empty()).then(|| json!({ name: inner }))
        }
        ConditionSeed::Not(seed) => condition(seed, earlier).map(|c| json!({ "not": c })),
    }
}

fn build(
    sections: &[Vec<QuestionSeed>],
    lists: &[(usize, Index)],
    support_when: Option<&ConditionSeed>,
    bilingual: bool,
) -> Value {
    let mut built: Vec<Built> = Vec::new();
    let mut section_values = Vec::new();
    for (s, seeds) in sections.iter().enumerate() {
        let mut questions = Vec::new();
        for seed in seeds {
            let n = built.len();
            let id = format!("q{n}");
            let answerable: Vec<&Built> = built
                .iter()
                .filter(|b| !matches!(b.kind, KindSeed::Info))
                .collect();
            let mut question = Map::new();
            question.insert("id".into(), json!(id));
            question.insert("text".into(), text(format!("Question {n}"), bilingual));
            if let Some(show_if) = seed
                .show_if
                .as_ref()
                .and_then(|c| condition(c, &answerable))
            {
                question.insert("show_if".into(), show_if);
            }
            let mut options: Vec<String> = (0..seed.options).map(|o| format!("o{o}")).collect();
            let kind = match seed.kind {
                KindSeed::Single | KindSeed::Multiple => {
                    let labels: Vec<Value> = options
                        .iter()
                        .map(|o| json!({ "id": o, "label": text(format!("Option {o} of {n}"), bilingual) }))
                        .collect();
                    question.insert("options".into(), Value::Array(labels));
                    if seed.not_sure {
                        question.insert("not_sure".into(), json!(true));
                        options.push("not-sure".into());
                    }
                    if seed.prefer_not_to_say {
                        question.insert("prefer_not_to_say".into(), json!(true));
                        options.push("prefer-not-to-say".into());
                    }
                    if matches!(seed.kind, KindSeed::Multiple) && seed.other {
                        question.insert("other".into(), text("Something else".into(), bilingual));
                    }
                    if matches!(seed.kind, KindSeed::Single) {
                        "single_choice"
                    } else {
                        "multiple_choice"
                    }
                }
                KindSeed::Scale => {
                    question.insert("min".into(), json!(seed.min));
                    question.insert("max".into(), json!(seed.min + seed.points - 1));
                    question.insert("min_label".into(), text("Low".into(), bilingual));
                    question.insert("max_label".into(), text("High".into(), bilingual));
                    "scale"
                }
                KindSeed::Short => "short_text",
                KindSeed::Long => "long_text",
                KindSeed::Info => "info",
                KindSeed::Note => {
                    let recipient = if n % 2 == 0 {
                        "therapist"
                    } else {
                        "future_self"
                    };
                    question.insert("for".into(), json!(recipient));
                    "note"
                }
            };
            question.insert("kind".into(), json!(kind));
            questions.push(Value::Object(question));
            built.push(Built {
                id,
                kind: seed.kind.clone(),
                options,
                min: seed.min,
                points: seed.points,
            });
        }
        section_values.push(json!({
            "id": format!("s{s}"),
            "title": text(format!("Section {s}"), bilingual),
            "questions": questions,
        }));
    }
    let answerable: Vec<&Built> = built
        .iter()
        .filter(|b| !matches!(b.kind, KindSeed::Info))
        .collect();
    let mut file = json!({
        "id": "generated",
        "title": text("A generated reflection".into(), bilingual),
        "intro": [text("Every question is optional.".into(), bilingual)],
        "sections": section_values,
    });
    if !answerable.is_empty() {
        let names = [
            ("plan", "learned"),
            ("plan", "early_signs"),
            ("plan", "high_risk"),
            ("plan", "keep_practising"),
            ("plan", "goals"),
            ("plan", "who_can_help"),
            ("plan", "after_setback"),
            ("notes", "helped"),
            ("notes", "proud"),
            ("notes", "keep_doing"),
            ("notes", "to_say"),
            ("notes", "next_therapist"),
        ];
        for (list, pick) in lists {
            let (field, name) = names[list % names.len()];
            let id = &answerable[pick.index(answerable.len())].id;
            let entry = file
                .as_object_mut()
                .unwrap()
                .entry(field)
                .or_insert_with(|| json!({}));
            entry
                .as_object_mut()
                .unwrap()
                .entry(name)
                .or_insert_with(|| json!([]))
                .as_array_mut()
                .unwrap()
                .push(json!(id));
        }
    }
    if let Some(support) = support_when.and_then(|c| condition(c, &answerable)) {
        file["support_when"] = support;
    }
    file
}

/// A valid questionnaire of one to four sections of one to four questions.
fn questionnaire_file() -> impl Strategy<Value = File> {
    (
        prop::collection::vec(prop::collection::vec(question_seed(), 1..=4), 1..=4),
        prop::collection::vec((0..8_usize, any::<Index>()), 0..6),
        prop::option::of(condition_seed()),
        any::<bool>(),
    )
        .prop_map(|(sections, lists, support_when, bilingual)| {
            File(build(&sections, &lists, support_when.as_ref(), bilingual))
        })
}

// ---------------------------------------------------------------------------------------------
// Messages: everything a client can cause, and what the web layer reports back, with valid and
// invalid positions and values.

/// What messages need to know about a session.
#[derive(Debug, Clone)]
struct Shape {
    id: String,
    questions: usize,
    sections: usize,
    options: usize,
    languages: usize,
    kinds: Vec<QuestionKind>,
    question_ids: Vec<String>,
    /// Each question's option ids, and one it lacks.
    option_ids: Vec<Vec<String>>,
}

impl Shape {
    fn of(model: &Model) -> Self {
        let questionnaire = model.questionnaire();
        Self {
            id: questionnaire.id.clone(),
            questions: questionnaire.questions.len(),
            sections: questionnaire.sections.len(),
            options: questionnaire
                .questions
                .iter()
                .map(|q| q.kind.options().len())
                .max()
                .unwrap_or(0),
            languages: model.languages().len(),
            kinds: questionnaire
                .questions
                .iter()
                .map(|q| q.kind.clone())
                .collect(),
            question_ids: questionnaire
                .questions
                .iter()
                .map(|q| q.id.clone())
                .collect(),
            option_ids: questionnaire
                .questions
                .iter()
                .map(|q| {
                    let ids = q.kind.options().iter().map(|o| o.id.clone());
                    ids.chain(["no-such-option".to_owned()]).collect()
                })
                .collect(),
        }
    }
}

fn marker(question: usize, n: u32) -> String {
    format!("answer-{question}-{n}-end")
}

fn other_marker(question: usize, n: u32) -> String {
    format!("other-{question}-{n}-end")
}

/// Text a client types into question `question`: blank, or words that can be looked for.
fn typed(question: usize, words: fn(usize, u32) -> String) -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        1 => Just(" \n ".to_owned()),
        4 => (0..50_u32).prop_map(move |n| words(question, n)),
    ]
}

fn envelope_text() -> String {
    Envelope {
        version: 1,
        questionnaire: None,
        iterations: draft::ITERATIONS,
        salt: vec![1; SALT_BYTES],
        iv: vec![2; IV_BYTES],
        ciphertext: vec![3; 32],
    }
    .to_json()
}

/// Text of a stored draft or a backup file: an envelope, one from the future, or anything.
fn stored_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(envelope_text()),
        1 => Just(envelope_text().replace("\"v\":1", "\"v\":2")),
        1 => ".{0,30}",
    ]
}

/// Decrypted draft JSON: for this questionnaire or another, with answers to its questions and
/// to questions it lacks, of fitting and unfitting values.
fn draft_text(shape: &Shape) -> BoxedStrategy<String> {
    let ids = shape.question_ids.clone();
    let option_ids = shape.option_ids.clone();
    let entry = (
        0..shape.questions + 2,
        any::<Index>(),
        any::<Index>(),
        0..8_u8,
        0..50_u32,
    )
        .prop_map(move |(q, a, b, selector, n)| {
            let key = ids.get(q).cloned().unwrap_or_else(|| format!("gone-{q}"));
            let options = option_ids.get(q).map_or(&[][..], Vec::as_slice);
            let pick = |i: &Index| match options {
                [] => json!("no-such-option"),
                _ => json!(options[i.index(options.len())]),
            };
            let value = match selector {
                0 => pick(&a),
                1 => json!({ "selected": [pick(&a)], "other": other_marker(q, n) }),
                2 => json!({ "selected": [pick(&a), pick(&b)] }),
                3 => json!(i64::from(n) - 5),
                4 => json!(marker(q, n)),
                5 => json!("   "),
                6 => Value::Null,
                _ => json!([pick(&b)]),
            };
            (key, value)
        });
    let own = shape.id.clone();
    (
        prop_oneof![4 => Just(own), 1 => Just("another".to_owned())],
        select(vec![None, Some("en"), Some("es"), Some("ES"), Some("fr")]),
        prop_oneof![
            (0..shape.sections + 2).prop_map(|s| json!(s)),
            Just(json!(-1)),
            Just(json!("1")),
        ],
        prop::collection::vec(entry, 0..24),
    )
        .prop_map(|(id, language, section, entries)| {
            let answers: Map<String, Value> = entries.into_iter().collect();
            let mut value = json!({ "questionnaire": id, "section": section, "answers": answers });
            if let Some(language) = language {
                value["language"] = json!(language);
            }
            value.to_string()
        })
        .boxed()
}

/// A question position: mostly one of `fitting`, sometimes any, or one past the last.
fn aimed(fitting: &[usize], count: usize) -> BoxedStrategy<usize> {
    if fitting.is_empty() {
        (0..count + 2).boxed()
    } else {
        prop_oneof![4 => select(fitting.to_vec()), 1 => 0..count + 2].boxed()
    }
}

fn message(shape: &Shape) -> BoxedStrategy<Msg> {
    let count = shape.questions;
    let kinds = &shape.kinds;
    let of_kind = |wanted: fn(&QuestionKind) -> bool| -> Vec<usize> {
        (0..count).filter(|&q| wanted(&kinds[q])).collect()
    };
    let single = aimed(
        &of_kind(|k| matches!(k, QuestionKind::SingleChoice { .. })),
        count,
    );
    let multiple = aimed(
        &of_kind(|k| matches!(k, QuestionKind::MultipleChoice { .. })),
        count,
    );
    let scale = aimed(&of_kind(|k| matches!(k, QuestionKind::Scale(_))), count);
    let text = aimed(
        &of_kind(|k| {
            matches!(
                k,
                QuestionKind::ShortText | QuestionKind::LongText | QuestionKind::Note(_)
            )
        }),
        count,
    );
    let any_question = 0..count + 2;
    let option = prop_oneof![4 => 0..shape.options.max(1), 1 => 0..shape.options + 2];
    let moving = prop_oneof![
        6 => Just(Msg::StartClicked),
        2 => Just(Msg::ContinueWithoutOpeningClicked),
        8 => Just(Msg::NextClicked),
        1 => Just(Msg::BackClicked),
        1 => Just(Msg::SkipClicked),
        2 => Just(Msg::SummaryClicked),
        1 => Just(Msg::ReviewClicked),
        2 => any_question.clone().prop_map(|question| Msg::ChangeClicked { question }),
        1 => (any_question.clone(), any::<bool>())
            .prop_map(|(question, bring)| Msg::BringChosen { question, bring }),
        // The browser's Back and Forward, to any screen, existing or not.
        2 => prop_oneof![
            Just(Screen::Intro),
            Just(Screen::Review),
            Just(Screen::Summary),
            Just(Screen::Resume),
            (0..shape.sections + 2).prop_map(Screen::Section),
        ]
        .prop_map(|screen| Msg::HistoryMoved { screen }),
    ];
    let buttons = select(vec![
        Msg::PrintClicked(Output::Bring),
        Msg::DownloadTextClicked(Output::Mine),
        Msg::DownloadHtmlClicked(Output::Bring),
        Msg::CopyClicked(Output::Mine),
        Msg::SaveClicked,
        Msg::BackupClicked,
        Msg::DialogCancelled,
        Msg::SaveFailed,
        Msg::DecryptFailed,
        Msg::DeleteClicked,
        Msg::SupportClicked,
        Msg::DraftSaved {
            time: "14:32".into(),
        },
    ]);
    let endings = select(vec![
        Msg::DeleteConfirmed,
        Msg::QuickExitClicked,
        Msg::PageRestored,
        Msg::PageHidden,
        Msg::ReturnedThroughHistory,
        Msg::ContinueClicked,
    ]);
    let answers = prop_oneof![
        1 => (single, option.clone())
            .prop_map(|(question, option)| Msg::OptionChosen { question, option }),
        3 => (multiple.clone(), option, any::<bool>()).prop_map(|(question, option, checked)| {
            Msg::OptionToggled {
                question,
                option,
                checked,
            }
        }),
        1 => (multiple.clone(), any::<bool>())
            .prop_map(|(question, checked)| Msg::OtherToggled { question, checked }),
        1 => multiple.prop_flat_map(|question| typed(question, other_marker)
            .prop_map(move |text| Msg::OtherTextChanged { question, text })),
        1 => (
            scale,
            prop_oneof![8 => -3..14_i64, 1 => Just(i64::MIN), 1 => Just(i64::MAX)]
        )
            .prop_map(|(question, value)| Msg::ScalePointChosen { question, value }),
        2 => text.prop_flat_map(|question| typed(question, marker)
            .prop_map(move |text| Msg::TextChanged { question, text })),
        1 => any_question.prop_map(|question| Msg::AnswerCleared { question }),
    ];
    let others = prop_oneof![
        (0..shape.languages + 1).prop_map(|language| Msg::LanguageChosen { language }),
        any::<bool>().prop_map(|copied| Msg::CopyFinished { copied }),
        prop_oneof![0..12_000_u64, any::<u64>()].prop_map(|at| Msg::ShiftPressedAlone { at }),
    ];
    let passphrase = select(vec!["short", "a long enough phrase"]);
    let keeping = prop_oneof![
        1 => (any::<bool>(), prop::option::weighted(0.3, stored_text()))
            .prop_map(|(available, stored)| Msg::StorageChecked { available, stored }),
        1 => (passphrase.clone(), any::<bool>()).prop_map(|(passphrase, same)| {
            Msg::PassphraseSubmitted {
                passphrase: passphrase.to_owned(),
                confirmation: if same { passphrase } else { "something else" }.to_owned(),
            }
        }),
        1 => passphrase.prop_map(|p| Msg::UnlockSubmitted {
            passphrase: p.to_owned()
        }),
        2 => prop_oneof![3 => draft_text(shape), 1 => ".{0,30}"]
            .prop_map(|plaintext| Msg::DraftDecrypted { plaintext }),
        1 => stored_text().prop_map(|text| Msg::BackupFileRead { text }),
        // Another tab saved or deleted; this tab's client chooses to save over it.
        1 => prop::option::weighted(0.7, stored_text())
            .prop_map(|stored| Msg::StoredElsewhere { stored }),
        1 => Just(Msg::SaveHereClicked),
    ];
    prop_oneof![
        24 => moving,
        8 => buttons,
        1 => endings,
        48 => answers,
        3 => others,
        6 => keeping,
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// What must hold of a session after every message.

/// Whether an answer fits its question: an existing option, a point on the scale, text that
/// is not blank, "something else" only where it is offered, nothing for information text.
fn fits(question: &Question, answer: &Answer) -> Result<(), String> {
    let ok = match (&question.kind, answer) {
        (QuestionKind::SingleChoice { options }, Answer::Choice(option)) => *option < options.len(),
        (
            QuestionKind::MultipleChoice { options, other },
            Answer::Choices {
                selected,
                other: text,
            },
        ) => {
            selected.windows(2).all(|pair| pair[0] < pair[1])
                && selected.iter().all(|o| *o < options.len())
                && (text.is_none() || other.is_some())
                && (!selected.is_empty() || text.is_some())
        }
        (QuestionKind::Scale(scale), Answer::Scale(point)) => {
            (scale.min..=scale.max).contains(point)
        }
        (
            QuestionKind::ShortText | QuestionKind::LongText | QuestionKind::Note(_),
            Answer::Text(text),
        ) => !text.trim().is_empty(),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{answer:?} does not fit question {:?} ({:?})",
            question.id, question.kind
        ))
    }
}

/// Every answer is to an existing question and fits it.
fn answers_fit(questionnaire: &Questionnaire, answers: &Answers) -> Result<(), TestCaseError> {
    let count = questionnaire.questions.len();
    for index in 0..count + 3 {
        match (questionnaire.question(index), answers.get(index)) {
            (None, Some(answer)) => {
                return Err(TestCaseError::fail(format!(
                    "answer {answer:?} to question {index}, but there are only {count}"
                )))
            }
            (Some(question), Some(answer)) => {
                fits(question, answer).map_err(TestCaseError::fail)?
            }
            _ => {}
        }
    }
    prop_assert!(answers.count() <= count);
    Ok(())
}

/// The words of answers to hidden questions that no shown answer repeats (a note drafted from
/// an answer while it was shown keeps its words), with the question.
fn hidden_words(model: &Model, visible: &[bool]) -> Vec<(usize, String)> {
    let words = |answer: &Answer| -> Vec<String> {
        match answer {
            Answer::Text(text) => vec![text.trim().to_owned()],
            Answer::Choices {
                other: Some(text), ..
            } => vec![text.trim().to_owned()],
            _ => Vec::new(),
        }
    };
    let shown: Vec<String> = (0..visible.len())
        .filter(|&q| visible[q])
        .filter_map(|q| model.answers().get(q))
        .flat_map(words)
        .collect();
    (0..visible.len())
        .filter(|&q| !visible[q])
        .filter_map(|q| Some((q, model.answers().get(q)?)))
        .flat_map(|(q, answer)| words(answer).into_iter().map(move |w| (q, w)))
        .filter(|(_, word)| !word.is_empty() && !shown.iter().any(|s| s.contains(word.as_str())))
        .collect()
}

fn check_session(model: &Model, effects: &[Effect]) -> Result<(), TestCaseError> {
    let questionnaire = model.questionnaire();
    let visible = model.visibility();
    prop_assert_eq!(visible.len(), questionnaire.questions.len());
    prop_assert!(model.language() < model.languages().len());

    // The screen showing is the screen the model is on, or the neutral step over it.
    match (model.screen(), view::view(model)) {
        (_, View::Paused) => prop_assert!(model.paused(), "the neutral step shows unasked"),
        (Screen::Section(index), View::Section(section)) => {
            prop_assert!(index < questionnaire.sections.len());
            prop_assert_eq!(section.index, index);
            let (number, count) = model.section_place(index);
            prop_assert!(
                (1..=count).contains(&number),
                "\"Section {} of {}\"",
                number,
                count
            );
        }
        (Screen::Section(index), _) => prop_assert!(
            false,
            "on section {} of {}, but it is not what shows",
            index,
            questionnaire.sections.len()
        ),
        (Screen::Resume, View::Resume(_)) | (Screen::Intro, View::Intro(_)) => {}
        (Screen::Review, View::Review(_)) | (Screen::Summary, View::Summary(_)) => {}
        (screen, shown) => prop_assert!(false, "on {:?}, but {:?} shows", screen, shown),
    }

    answers_fit(questionnaire, model.answers())?;

    // "x of y questions answered".
    let progress = view::progress(model, &visible);
    let answerable = questionnaire
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::Info)
        .count();
    prop_assert!(
        progress.answered <= progress.total && progress.total <= answerable,
        "{:?} with {} questions to answer",
        progress,
        answerable
    );

    // "Just for me" has shown questions only, and counts what the progress bar counts.
    let summary = model.summary(Output::Mine);
    let mut items = 0;
    for section in &summary.sections {
        for item in &section.items {
            prop_assert!(
                visible[item.question],
                "the answer to hidden question {} is in the summary",
                questionnaire.questions[item.question].id
            );
            items += 1;
        }
    }
    prop_assert_eq!(
        items + summary.notes.len(),
        progress.answered,
        "answers in the summary, and answered in the progress bar"
    );

    // Answers to hidden questions are kept, in case the client changes their mind, but change
    // nothing: without them the same questions show and the summary is the same.
    let mut without_hidden = model.clone();
    for question in (0..visible.len()).filter(|&q| !visible[q]) {
        update(&mut without_hidden, Msg::AnswerCleared { question });
    }
    prop_assert_eq!(
        &without_hidden.visibility(),
        &visible,
        "clearing hidden answers changed what shows"
    );
    prop_assert_eq!(
        &without_hidden.summary(Output::Mine),
        &summary,
        "clearing hidden answers changed the summary"
    );

    // Nor are hidden answers in the files a client downloads or copies.
    let bring = model.summary(Output::Bring);
    let mut files = vec![
        to_plain_text(&summary, model.texts()),
        to_html(&summary, model.texts()),
        to_plain_text(&bring, model.texts()),
        to_html(&bring, model.texts()),
    ];
    for effect in effects {
        match effect {
            Effect::Download { content, .. } | Effect::Copy(content) => {
                files.push(content.clone());
            }
            _ => {}
        }
    }
    for (question, word) in hidden_words(model, &visible) {
        for file in &files {
            prop_assert!(
                !file.contains(&word),
                "{:?}, the answer to hidden question {}, is in a download",
                word,
                questionnaire.questions[question].id
            );
        }
    }
    Ok(())
}

/// Sends every message, checking the session after each.
fn run_session(mut model: Model, messages: Vec<Msg>) -> Result<(), TestCaseError> {
    check_session(&model, &[])?;
    for (step, msg) in messages.into_iter().enumerate() {
        let leaving = matches!(msg, Msg::QuickExitClicked | Msg::PageRestored);
        let shown = format!("{msg:?}");
        let effects = update(&mut model, msg);
        let exited = effects
            .iter()
            .any(|effect| matches!(effect, Effect::QuickExit { .. }));
        let result = check_session(&model, &effects).and_then(|()| {
            if leaving || exited {
                // Quick exit, by the button or Shift three times, forgets everything at once.
                prop_assert_eq!(model.answers().count(), 0, "answers kept after leaving");
                prop_assert_eq!(model.screen(), Screen::Intro);
                prop_assert!(model.dialog().is_none());
            }
            Ok(())
        });
        result.map_err(|error| {
            TestCaseError::fail(format!("after message {step}, {shown}: {error}"))
        })?;
    }
    Ok(())
}

/// Up to `chunks` messages, some of them runs of "Continue" that walk through many sections.
fn message_runs(shape: &Shape, chunks: usize) -> impl Strategy<Value = Vec<Msg>> {
    let chunk = prop_oneof![
        9 => message(shape).prop_map(|msg| vec![msg]),
        1 => (1..12_usize).prop_map(|count| vec![Msg::NextClicked; count]),
    ];
    prop::collection::vec(chunk, 0..chunks).prop_map(|chunks| chunks.concat())
}

fn built_in_session() -> impl Strategy<Value = Vec<Msg>> {
    message_runs(&Shape::of(&session(&built_in())), 100)
}

fn generated_session() -> impl Strategy<Value = (File, Vec<Msg>)> {
    questionnaire_file().prop_flat_map(|file| {
        let shape = Shape::of(&session(&file.0));
        (Just(file), message_runs(&shape, 50))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_session_on_the_built_in_questionnaire_stays_sound(messages in built_in_session()) {
        run_session(session(&built_in()), messages)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn any_session_on_a_generated_questionnaire_stays_sound(
        (file, messages) in generated_session()
    ) {
        run_session(session(&file.0), messages)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// "Not sure" and "Prefer not to say" stand alone, however a client ticks and unticks.
    #[test]
    fn an_exclusive_option_stands_alone_whatever_is_ticked(
        ticks in prop::collection::vec((0..4_usize, 0..8_usize, any::<bool>()), 1..30)
    ) {
        let mut model = session(&built_in());
        let multiple: Vec<usize> = (0..model.questionnaire().questions.len())
            .filter(|&q| matches!(
                model.questionnaire().questions[q].kind,
                QuestionKind::MultipleChoice { .. }
            ))
            .take(4)
            .collect();
        for (which, option, checked) in ticks {
            let question = multiple[which % multiple.len()];
            let options = model.questionnaire().questions[question].kind.options().len();
            let msg = if option == options {
                Msg::OtherToggled { question, checked }
            } else {
                Msg::OptionToggled { question, option: option % options, checked }
            };
            update(&mut model, msg);
            let options = model.questionnaire().questions[question].kind.options();
            if let Some(Answer::Choices { selected, other }) = model.answers().get(question) {
                let exclusive = selected.iter().filter(|&&o| options[o].exclusive).count();
                prop_assert!(
                    exclusive == 0 || (selected.len() == 1 && other.is_none()),
                    "{:?} ticked together on {}",
                    selected.iter().map(|&o| &options[o].id).collect::<Vec<_>>(),
                    model.questionnaire().questions[question].id
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading files: anything is read or refused with its problems, never a panic.

/// Words the readers look for, so that generated values reach past the first check.
const FORMAT_WORDS: [&str; 24] = [
    "id",
    "title",
    "intro",
    "sections",
    "questions",
    "kind",
    "text",
    "options",
    "label",
    "show_if",
    "single_choice",
    "multiple_choice",
    "scale",
    "min",
    "max",
    "note",
    "for",
    "any",
    "not",
    "equals",
    "en",
    "es",
    "support",
    "changes",
];

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6..1e6_f64).prop_map(Value::from),
        select(FORMAT_WORDS.to_vec()).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    let key = prop_oneof![3 => select(FORMAT_WORDS.to_vec()).prop_map(String::from), 1 => ".{0,8}"];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|map: BTreeMap<String, Value>| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// One change to a file: a value replaced by anything, a value removed, an unknown field added.
#[derive(Debug, Clone)]
enum Edit {
    Replace(Index, Value),
    Remove(Index),
    Add(Index, String, Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), any_json()).prop_map(|(at, with)| Edit::Replace(at, with)),
        2 => any::<Index>().prop_map(Edit::Remove),
        1 => (any::<Index>(), select(FORMAT_WORDS.to_vec()), any_json())
            .prop_map(|(at, key, with)| Edit::Add(at, key.to_owned(), with)),
    ]
}

fn count_values(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_values).sum(),
        Value::Object(fields) => fields.values().map(count_values).sum(),
        _ => 0,
    }
}

/// Applies `edit` to the value at position `at` of a walk through `value` (the root is 0).
fn apply_at(value: &mut Value, at: &mut usize, edit: &Edit) -> bool {
    if *at == 0 {
        match edit {
            Edit::Replace(_, with) => *value = with.clone(),
            Edit::Remove(_) => *value = Value::Null,
            Edit::Add(_, key, with) => match value {
                Value::Object(fields) => {
                    fields.insert(key.clone(), with.clone());
                }
                Value::Array(items) => items.push(with.clone()),
                other => *other = with.clone(),
            },
        }
        return true;
    }
    *at -= 1;
    match value {
        Value::Array(items) => {
            for i in 0..items.len() {
                if *at == 0 && matches!(edit, Edit::Remove(_)) {
                    items.remove(i);
                    return true;
                }
                if apply_at(&mut items[i], at, edit) {
                    return true;
                }
            }
        }
        Value::Object(fields) => {
            let keys: Vec<String> = fields.keys().cloned().collect();
            for key in keys {
                if *at == 0 && matches!(edit, Edit::Remove(_)) {
                    fields.remove(&key);
                    return true;
                }
                if apply_at(fields.get_mut(&key).unwrap(), at, edit) {
                    return true;
                }
            }
        }
        _ => {}
    }
    false
}

fn edited(mut value: Value, edits: &[Edit]) -> Value {
    for edit in edits {
        let (Edit::Replace(at, _) | Edit::Remove(at) | Edit::Add(at, _, _)) = edit;
        let mut at = at.index(count_values(&value));
        apply_at(&mut value, &mut at, edit);
    }
    value
}

/// A file to edit: the built-in questionnaire, or a generated one.
#[derive(Debug, Clone)]
enum Base {
    BuiltIn,
    Generated(File),
}

impl Base {
    fn value(&self) -> Value {
        match self {
            Self::BuiltIn => built_in(),
            Self::Generated(file) => file.0.clone(),
        }
    }
}

/// The question at `q`, if a condition or list of question `owner` may refer to it: an earlier
/// question that can be answered.
fn answerable(questions: &[Question], q: usize, owner: usize) -> Result<&Question, String> {
    match questions.get(q) {
        Some(question) if q < owner && question.kind != QuestionKind::Info => Ok(question),
        _ => Err(format!("question {owner} refers to question {q}")),
    }
}

/// Whether a condition of question `owner` refers only to what it may.
fn refers(condition: &Condition, owner: usize, questions: &[Question]) -> Result<(), String> {
    match condition {
        Condition::Answered(q) => answerable(questions, *q, owner).map(|_| ()),
        Condition::Chosen { question, option } => {
            let target = answerable(questions, *question, owner)?;
            match &target.kind {
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options, .. }
                    if *option < options.len() =>
                {
                    Ok(())
                }
                _ => Err(format!("option {option} of {:?}", target.kind)),
            }
        }
        Condition::ScaleIs { question, value } => {
            match &answerable(questions, *question, owner)?.kind {
                QuestionKind::Scale(scale) if (scale.min..=scale.max).contains(value) => Ok(()),
                other => Err(format!("point {value} of {other:?}")),
            }
        }
        Condition::Any(conditions) | Condition::All(conditions) if !conditions.is_empty() => {
            conditions
                .iter()
                .try_for_each(|c| refers(c, owner, questions))
        }
        Condition::Any(_) | Condition::All(_) => Err("an empty list of conditions".into()),
        Condition::Not(condition) => refers(condition, owner, questions),
    }
}

/// What a validated questionnaire promises: sections cover the questions in order, ids are
/// unique, conditions refer to earlier questions and existing options and points, the plan,
/// notes and support refer to questions that can be answered.
fn sound(questionnaire: &Questionnaire) -> Result<(), String> {
    let questions = &questionnaire.questions;
    let mut next = 0;
    for (s, section) in questionnaire.sections.iter().enumerate() {
        if section.questions.start != next || section.questions.is_empty() {
            return Err(format!("section {s} has questions {:?}", section.questions));
        }
        for q in section.questions.clone() {
            let question = questions
                .get(q)
                .ok_or(format!("section {s} has question {q}, past the last"))?;
            if question.section != s {
                return Err(format!(
                    "question {q} is in section {s}, not {}",
                    question.section
                ));
            }
        }
        next = section.questions.end;
    }
    if next != questions.len() || questions.is_empty() {
        return Err(format!(
            "sections cover {next} of {} questions",
            questions.len()
        ));
    }
    let mut ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    ids.sort_unstable();
    if ids.windows(2).any(|pair| pair[0] == pair[1]) {
        return Err(format!("question ids repeat: {ids:?}"));
    }
    for (q, question) in questions.iter().enumerate() {
        // A question the clinic left out has a condition that never holds.
        match &question.show_if {
            Some(condition) if !changes::is_left_out(question) => refers(condition, q, questions)?,
            _ => {}
        }
        match &question.kind {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. } => {
                let mut ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                ids.sort_unstable();
                if ids.is_empty() || ids.windows(2).any(|pair| pair[0] == pair[1]) {
                    return Err(format!("question {q} has options {ids:?}"));
                }
            }
            QuestionKind::Scale(scale)
                if scale.min >= scale.max || scale.max - scale.min + 1 > MAX_SCALE_POINTS =>
            {
                return Err(format!("question {q} has the scale {scale:?}"));
            }
            _ => {}
        }
    }
    let plan = &questionnaire.plan;
    let notes = &questionnaire.note_sources;
    for list in [
        &plan.learned,
        &plan.early_signs,
        &plan.high_risk,
        &plan.keep_practising,
        &plan.goals,
        &plan.who_can_help,
        &plan.after_setback,
        &notes.helped,
        &notes.proud,
        &notes.keep_doing,
        &notes.to_say,
        &notes.next_therapist,
        &questionnaire.last_session,
    ] {
        for &q in list {
            answerable(questions, q, questions.len())?;
        }
    }
    if let Some(condition) = &questionnaire.support_when {
        refers(condition, questions.len(), questions)?;
    }
    Ok(())
}

/// A file read as a questionnaire is sound, or refused with at least one problem.
fn read_or_refused(value: &Value) -> Result<(), TestCaseError> {
    match Questionnaire::from_value(value) {
        Ok(questionnaire) => sound(&questionnaire).map_err(TestCaseError::fail),
        Err(problems) => {
            prop_assert!(!problems.is_empty(), "refused without a problem");
            Ok(())
        }
    }
}

/// Settings a clinic might give, using every field.
fn clinic_settings() -> Value {
    json!({
        "clinic": { "en": "Riverside Counselling", "es": "Consejería Ribera" },
        "support": {
            "intro": "You can reach us any time.",
            "resources": [{
                "name": "Duty line", "phone": "+44 20 7946 0018", "text": "07700 900123",
                "web": "https://example.org/help", "email": "help@example.org",
                "hours": "9am to 5pm", "note": "Free"
            }]
        },
        "quick_exit": { "url": "/", "delete_draft": false },
        "saving": true,
        "changes": {
            "hide_sections": ["relationship"],
            "hide_questions": ["goals"],
            "reword": { "proud-of": { "text": "What are you proud of?", "hint": "Big or small." } }
        },
        "languages": ["en", "es"],
        "interface": { "es": { "start": "Comenzar" } }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_json_value_is_read_or_refused_with_problems(value in any_json()) {
        read_or_refused(&value)?;
        if let Err(problems) = Settings::from_value(&value) {
            prop_assert!(!problems.is_empty(), "settings refused without a problem");
        }
        if let Err(problems) = catalog::prepare(value.clone(), value.clone(), "options") {
            prop_assert!(!problems.is_empty(), "options refused without a problem");
        }
    }

    #[test]
    fn any_text_is_read_or_refused_with_problems(
        text in prop_oneof![
            any::<String>(),
            prop::collection::vec(any::<u8>(), 0..256)
                .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        ]
    ) {
        if let Err(problems) = Questionnaire::from_json(&text) {
            prop_assert!(!problems.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn an_edited_questionnaire_is_read_sound_or_refused_with_problems(
        base in prop_oneof![1 => Just(Base::BuiltIn), 3 => questionnaire_file().prop_map(Base::Generated)],
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let value = edited(base.value(), &edits);
        read_or_refused(&value)?;
        // The text of the file goes through the parser first, as a clinic's file does.
        if let Ok(questionnaire) = Questionnaire::from_json(&value.to_string()) {
            sound(&questionnaire).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn edited_settings_are_read_or_refused_and_every_language_offered_opens(
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let settings = edited(clinic_settings(), &edits);
        if let Err(problems) = Settings::from_value(&settings) {
            prop_assert!(!problems.is_empty());
        }
        match catalog::prepare(built_in(), settings, "options") {
            Ok(catalog) => {
                // `Catalog::version` trusts `prepare` to have checked every language.
                let versions = catalog.versions();
                prop_assert_eq!(versions.len(), catalog.languages.len(), "a language offered does not open");
                for version in &versions {
                    sound(&version.questionnaire).map_err(TestCaseError::fail)?;
                }
            }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }
}

#[test]
fn json_nested_ten_thousand_deep_is_refused_not_a_stack_overflow() {
    let deep = |open: &str, close: &str| format!("{}{}", open.repeat(10_000), close.repeat(10_000));
    let inputs = [
        deep("[", "]"),
        deep("{\"a\":", "}"),
        "[".repeat(10_000),
        format!(
            r#"{{"id":"x","title":{}1{}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    ];
    let model = session(&built_in());
    for text in &inputs {
        let problems = Questionnaire::from_json(text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].message, "nested more than 64 levels deep, or more than 1000000 values",
            "the parser stops at its own limit first, and says the same"
        );
        assert_eq!(Envelope::from_json(text), Err(draft::DraftProblem::Damaged));
        assert_eq!(
            draft::decode(model.questionnaire(), text),
            Err(draft::DraftProblem::Damaged)
        );
    }
}

/// Values built in Rust, not parsed, can be deeper than the parser allows; the widget refuses
/// options deeper than 64 before it reads them, so 1,000 is well past what it meets.
#[test]
fn values_nested_a_thousand_deep_are_refused() {
    let mut deep = json!("text");
    for _ in 0..1_000 {
        deep = Value::Array(vec![deep]);
    }
    assert!(Questionnaire::from_value(&deep).is_err());
    let mut file = built_in();
    file["title"] = deep.clone();
    let problems = Questionnaire::from_value(&file).unwrap_err();
    assert!(problems.iter().any(|p| p.path == "title"), "{problems:#?}");
    let mut settings = json!({});
    settings["clinic"] = deep;
    let problems = catalog::prepare(built_in(), settings, "options").unwrap_err();
    assert!(
        problems.iter().any(|p| p.path == "options.clinic"),
        "{problems:#?}"
    );
}

#[test]
fn conditions_nested_past_the_limit_are_refused_with_their_path() {
    // Past the conditions' own limit, well within the JSON nesting limit.
    let mut condition = json!({ "answered": "first" });
    for _ in 0..30 {
        condition = json!({ "not": condition });
    }
    let file = json!({
        "id": "deep",
        "title": "Deep",
        "sections": [{ "id": "s", "title": "S", "questions": [
            { "id": "first", "kind": "short_text", "text": "First" },
            { "id": "second", "kind": "short_text", "text": "Second", "show_if": condition },
        ]}],
    });
    let problems = Questionnaire::from_json(&file.to_string()).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.path.starts_with("sections[0].questions[1].show_if")
                && p.message.contains("nested more than")),
        "{problems:#?}"
    );
}

#[test]
fn a_megabyte_of_text_is_refused_with_its_problem_and_the_longest_allowed_is_kept_whole() {
    use ending_well::reading::limits::MAX_TEXT_CHARS;
    let huge = "a".repeat(1 << 20);
    let longest = "a".repeat(MAX_TEXT_CHARS);
    let file = |title: &str, text: &str, first: &str, later_shown_if: &str| {
        json!({
            "id": "huge",
            "title": title,
            "sections": [{ "id": "s", "title": "S", "questions": [
                { "id": first, "kind": "short_text", "text": text },
                { "id": "later", "kind": "short_text", "text": "Later",
                  "show_if": { "answered": later_shown_if } },
            ]}],
        })
        .to_string()
    };
    let questionnaire =
        Questionnaire::from_json(&file(&longest, &longest, "first", "first")).unwrap();
    assert_eq!(questionnaire.title, longest);
    assert_eq!(questionnaire.questions[0].text, longest);

    let problems = Questionnaire::from_json(&file(&huge, &huge, "first", "first")).unwrap_err();
    for path in ["title", "sections[0].questions[0].text"] {
        assert!(
            problems
                .iter()
                .any(|p| p.path == path && p.message.contains("1048576 characters long")),
            "{path}: {problems:#?}"
        );
    }
    let problems = Questionnaire::from_json(&file("T", "T", &huge, "first")).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.path == "sections[0].questions[0].id"),
        "{problems:#?}"
    );
    let problems = Questionnaire::from_json(&file("T", "T", "first", &huge)).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.path == "sections[0].questions[1].show_if.answered"),
        "{problems:#?}"
    );

    // An unknown field with a very long name is reported (the "did you mean" search skips
    // names too far apart in length, so this takes no time).
    let mut unknown = json!({ "id": "t", "title": "T", "sections": [] });
    unknown[huge.as_str()] = json!(true);
    let problems = Questionnaire::from_value(&unknown).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.path == huge && p.message.starts_with("unknown field")),
        "an unknown field is reported"
    );

    let mut settings = clinic_settings();
    settings["clinic"] = json!(huge);
    settings["support"]["intro"] = json!(longest);
    let problems = catalog::prepare(built_in(), settings.clone(), "options").unwrap_err();
    assert_eq!(
        problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
        ["options.clinic"],
        "{problems:#?}"
    );
    settings["clinic"] = json!(longest);
    let catalog = catalog::prepare(built_in(), settings, "options").unwrap();
    for version in catalog.versions() {
        assert_eq!(
            version.settings.support.intro.as_deref(),
            Some(longest.as_str())
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Drafts and backups: what was saved comes back; anything else is refused or restores only
// answers that fit.

/// Whether notes are among the answers generated.
#[derive(Debug, Clone, Copy)]
enum Notes {
    Written,
    LeftOut,
}

/// A valid answer, or none, for every question.
fn answers_for(questionnaire: &Questionnaire, notes: Notes) -> BoxedStrategy<Answers> {
    let words = prop_oneof![
        "[a-zA-Z0-9]{1,12}",
        ("(?s).{0,20}", "[^\\s]", "(?s).{0,20}").prop_map(|(a, b, c)| format!("{a}{b}{c}")),
    ];
    let slots: Vec<BoxedStrategy<Option<Answer>>> = questionnaire
        .questions
        .iter()
        .map(|question| {
            let answer: BoxedStrategy<Answer> = match &question.kind {
                QuestionKind::SingleChoice { options } => {
                    (0..options.len()).prop_map(Answer::Choice).boxed()
                }
                QuestionKind::MultipleChoice { options, other } => {
                    let plain: Vec<usize> = (0..options.len())
                        .filter(|&o| !options[o].exclusive)
                        .collect();
                    let exclusive: Vec<usize> = (0..options.len())
                        .filter(|&o| options[o].exclusive)
                        .collect();
                    let has_other = other.is_some();
                    let ticked = (
                        prop::sample::subsequence(plain.clone(), 0..=plain.len()),
                        prop::option::of(prop_oneof![Just(String::new()), words.clone()]),
                    )
                        .prop_filter_map(
                            "nothing ticked",
                            move |(selected, other)| {
                                let other = other.filter(|_| has_other);
                                (!selected.is_empty() || other.is_some())
                                    .then_some(Answer::Choices { selected, other })
                            },
                        );
                    if exclusive.is_empty() {
                        ticked.boxed()
                    } else {
                        prop_oneof![
                            3 => ticked,
                            1 => select(exclusive).prop_map(|o| Answer::Choices {
                                selected: vec![o],
                                other: None
                            }),
                        ]
                        .boxed()
                    }
                }
                QuestionKind::Scale(scale) => {
                    (scale.min..=scale.max).prop_map(Answer::Scale).boxed()
                }
                QuestionKind::ShortText | QuestionKind::LongText => {
                    words.clone().prop_map(Answer::Text).boxed()
                }
                QuestionKind::Note(_) if matches!(notes, Notes::Written) => {
                    words.clone().prop_map(Answer::Text).boxed()
                }
                QuestionKind::Note(_) | QuestionKind::Info => return Just(None).boxed(),
            };
            prop::option::weighted(0.7, answer).boxed()
        })
        .collect();
    let count = questionnaire.questions.len();
    slots
        .prop_map(move |slots| {
            let mut answers = Answers::new(count);
            for (question, answer) in slots.into_iter().enumerate() {
                answers.set(question, answer);
            }
            answers
        })
        .boxed()
}

/// A questionnaire in one of its languages, answers to it, and a section to be on.
fn saved(notes: Notes) -> impl Strategy<Value = (File, String, Answers, Option<usize>)> {
    prop_oneof![
        1 => Just(File(built_in())),
        3 => questionnaire_file(),
    ]
    .prop_flat_map(move |file| {
        let questionnaire = Questionnaire::from_value(&file.0).unwrap();
        let languages = questionnaire.languages.clone();
        let sections = questionnaire.sections.len();
        (
            Just(file),
            select(languages),
            answers_for(&questionnaire, notes),
            prop::option::of(0..sections),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Saved in one language and opened in the file's own: answers are kept by ids.
    #[test]
    fn a_draft_gives_back_its_answers_section_and_language(
        (file, language, answers, section) in saved(Notes::LeftOut)
    ) {
        let written = Questionnaire::from_value_in(&file.0, &language).unwrap();
        let text = draft::encode(&written, &answers, section);
        let read = Questionnaire::from_value(&file.0).unwrap();
        let restored = draft::decode(&read, &text).unwrap();
        prop_assert_eq!(&restored.answers, &answers, "draft: {}", text);
        prop_assert_eq!(restored.section, section);
        prop_assert_eq!(restored.left_out, 0);
        prop_assert_eq!(restored.language, Some(language));
    }

    /// A backup made from any answers, on any section, opens on another device to the same
    /// answers, on the same section, in the same language.
    #[test]
    fn a_backup_opens_elsewhere_to_the_same_answers_and_place(
        (file, language, answers, section) in saved(Notes::LeftOut),
        passphrase in "[a-z ]{8,20}",
    ) {
        let mut model = session(&file.0);
        let language = model.languages().iter().position(|l| l.tag == language).unwrap();
        update(&mut model, Msg::LanguageChosen { language });
        for question in 0..model.questionnaire().questions.len() {
            for msg in entering(question, answers.get(question)) {
                update(&mut model, msg);
            }
        }
        prop_assert_eq!(model.answers(), &answers, "what was entered is what is kept");
        update(&mut model, Msg::StartClicked);
        while let Screen::Section(on) = model.screen() {
            if section.is_some_and(|wanted| on >= wanted) {
                break;
            }
            update(&mut model, Msg::NextClicked);
        }

        update(&mut model, Msg::BackupClicked);
        let effects = update(&mut model, Msg::PassphraseSubmitted {
            passphrase: passphrase.clone(),
            confirmation: passphrase.clone(),
        });
        let draft = effects.iter().find_map(|effect| match effect {
            Effect::DownloadBackup { draft, .. } => Some(draft.clone()),
            _ => None,
        });
        let draft = draft.expect("a backup to download");

        // The envelope is the web layer's; its text is what the file holds.
        let envelope = Envelope { version: 1, questionnaire: None, iterations: MIN_ITERATIONS, salt: vec![5; 16], iv: vec![6; 12], ciphertext: vec![7; 48] };
        let mut elsewhere = session(&file.0);
        update(&mut elsewhere, Msg::BackupFileRead { text: envelope.to_json() });
        prop_assert_eq!(elsewhere.screen(), Screen::Resume);
        let effects = update(&mut elsewhere, Msg::UnlockSubmitted { passphrase: passphrase.clone() });
        prop_assert_eq!(effects, vec![Effect::Decrypt { passphrase, envelope, keep_key: false }]);
        update(&mut elsewhere, Msg::DraftDecrypted { plaintext: draft.clone() });
        // Notes are compared by `a_note_survives_a_draft`; one on the section opened is drafted
        // there, as on a first arrival.
        prop_assert_eq!(
            without_notes(&elsewhere),
            without_notes(&model),
            "backup: {}",
            draft
        );
        let place = match model.screen() {
            Screen::Section(index) => Screen::Section(index),
            _ => Screen::Intro,
        };
        prop_assert_eq!(elsewhere.screen(), place);
        prop_assert_eq!(elsewhere.language(), model.language());
    }
}

/// The session's answers, less those to notes.
fn without_notes(model: &Model) -> Answers {
    let questions = &model.questionnaire().questions;
    let mut answers = model.answers().clone();
    for (index, question) in questions.iter().enumerate() {
        if matches!(question.kind, QuestionKind::Note(_)) {
            answers.set(index, None);
        }
    }
    answers
}

/// The messages a client sends to give `answer` to `question`.
fn entering(question: usize, answer: Option<&Answer>) -> Vec<Msg> {
    match answer {
        None => Vec::new(),
        Some(Answer::Choice(option)) => vec![Msg::OptionChosen {
            question,
            option: *option,
        }],
        Some(Answer::Choices { selected, other }) => {
            let mut msgs: Vec<Msg> = selected
                .iter()
                .map(|&option| Msg::OptionToggled {
                    question,
                    option,
                    checked: true,
                })
                .collect();
            if let Some(text) = other {
                msgs.push(Msg::OtherToggled {
                    question,
                    checked: true,
                });
                msgs.push(Msg::OtherTextChanged {
                    question,
                    text: text.clone(),
                });
            }
            msgs
        }
        Some(Answer::Scale(value)) => vec![Msg::ScalePointChosen {
            question,
            value: *value,
        }],
        Some(Answer::Text(text)) => vec![Msg::TextChanged {
            question,
            text: text.clone(),
        }],
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A note the client wrote comes back from a draft like any other answer.
    #[test]
    fn a_note_survives_a_draft((file, _language, answers, section) in saved(Notes::Written)) {
        let questionnaire = Questionnaire::from_value(&file.0).unwrap();
        let text = draft::encode(&questionnaire, &answers, section);
        let restored = draft::decode(&questionnaire, &text).unwrap();
        prop_assert_eq!(&restored.answers, &answers, "draft: {}", text);
        prop_assert_eq!(restored.left_out, 0);
    }
}

/// Text that might be a draft: anything, draft-shaped JSON, or a real draft cut or changed.
fn any_draft_text(shape: &Shape) -> impl Strategy<Value = String> {
    let real = draft::encode(
        session(&built_in()).questionnaire(),
        &Answers::new(0),
        Some(2),
    );
    prop_oneof![
        1 => any::<String>(),
        3 => draft_text(shape),
        1 => (any::<Index>(), ".{0,3}").prop_map(move |(at, insert)| {
            let mut text = real.clone();
            let at = at.index(text.len() + 1);
            text.truncate(at);
            text.push_str(&insert);
            text
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A draft is refused, or every saved answer is either restored, fitting its question, or
    /// counted as left out: none is silently dropped or given to another question.
    #[test]
    fn any_draft_text_is_refused_or_restores_only_answers_that_fit(
        text in any_draft_text(&Shape::of(&session(&built_in())))
    ) {
        let model = session(&built_in());
        let questionnaire = model.questionnaire();
        if let Ok(restored) = draft::decode(questionnaire, &text) {
            answers_fit(questionnaire, &restored.answers)?;
            let saved: Value = serde_json::from_str(&text).unwrap();
            let entries = saved["answers"].as_object().unwrap();
            prop_assert_eq!(restored.answers.count() + restored.left_out, entries.len());
            for (index, question) in questionnaire.questions.iter().enumerate() {
                if restored.answers.get(index).is_some() {
                    prop_assert!(entries.contains_key(&question.id), "{} was not saved", question.id);
                }
            }
            prop_assert!(restored.section.is_none_or(|s| s < questionnaire.sections.len()));
        }
    }

    /// An envelope read back is the one written; text that is not one is refused, and one that
    /// is read has a full IV, salt and tag, and a sane number of iterations.
    #[test]
    fn an_envelope_round_trips_and_anything_else_is_refused(
        version in 1..=ENVELOPE_VERSION,
        iterations in MIN_ITERATIONS..=MAX_ITERATIONS,
        salt in prop::collection::vec(any::<u8>(), SALT_BYTES),
        iv in prop::collection::vec(any::<u8>(), IV_BYTES),
        ciphertext in prop::collection::vec(any::<u8>(), 16..256),
        text in prop_oneof![any::<String>(), stored_text()],
    ) {
        // From version 2 an envelope names its questionnaire.
        let questionnaire = (version > 1).then(|| "ending-therapy".to_owned());
        let envelope = Envelope { version, questionnaire, iterations, salt, iv, ciphertext };
        prop_assert_eq!(Envelope::from_json(&envelope.to_json()), Ok(envelope));
        if let Ok(read) = Envelope::from_json(&text) {
            prop_assert!((MIN_ITERATIONS..=MAX_ITERATIONS).contains(&read.iterations));
            prop_assert_eq!(read.salt.len(), SALT_BYTES);
            prop_assert_eq!(read.iv.len(), IV_BYTES);
            prop_assert!(read.ciphertext.len() >= 16);
        }
    }

    /// An envelope no draft of this reflection could be is refused before any key is derived:
    /// an absurd number of iterations, or a salt of the wrong length.
    #[test]
    fn an_envelope_asking_for_absurd_work_or_odd_salt_is_refused_at_once(
        iterations in prop_oneof![MAX_ITERATIONS + 1..=u32::MAX, 0..MIN_ITERATIONS],
        odd_salt in prop_oneof![0..SALT_BYTES, SALT_BYTES + 1..64],
        ciphertext in prop::collection::vec(any::<u8>(), 16..64),
    ) {
        let absurd = Envelope {
            version: 1,
            questionnaire: None,
            iterations,
            salt: vec![1; SALT_BYTES],
            iv: vec![2; IV_BYTES],
            ciphertext: ciphertext.clone(),
        };
        prop_assert_eq!(Envelope::from_json(&absurd.to_json()), Err(DraftProblem::Damaged));
        let odd = Envelope {
            version: 1,
            questionnaire: None,
            iterations: ITERATIONS,
            salt: vec![1; odd_salt],
            iv: vec![2; IV_BYTES],
            ciphertext,
        };
        prop_assert_eq!(Envelope::from_json(&odd.to_json()), Err(DraftProblem::Damaged));
    }
}
