//! Saved drafts: the answers as JSON keyed by stable ids, and the versioned envelope that
//! carries them encrypted. The encryption itself is the browser's (Web Crypto); this module only
//! shapes and checks the data, so it can be tested natively.

use serde_json::{Map, Value};

use super::answer::{in_order, Answer, Answers};
use crate::format::questionnaire::{QuestionKind, Questionnaire};
use crate::reading::limits::check_size;
use crate::reading::object::is_valid_id;
use crate::reading::{base64, json};

/// The envelope format this build writes. It reads this one and every one before it.
pub const ENVELOPE_VERSION: u64 = 2;
/// The first envelope format, before the questionnaire was bound into the encryption: still
/// opened, with the passphrase as it was typed.
pub const FIRST_VERSION: u64 = 1;
/// The key derivation named in the envelope.
pub const KDF: &str = "PBKDF2-SHA256";
/// PBKDF2 iterations for new drafts: OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
pub const ITERATIONS: u32 = 600_000;
/// Fewer iterations than this in a stored envelope is refused as not ours.
pub const MIN_ITERATIONS: u32 = 600_000;
/// More iterations than this is refused at once, before any key is derived: a file asking for
/// billions would keep a phone busy for hours, and Ending Well never writes more than a few times
/// today's figure.
pub const MAX_ITERATIONS: u32 = 5_000_000;
/// Bytes of salt for the key derivation.
pub const SALT_BYTES: usize = 16;
/// Bytes of AES-GCM initialisation vector, fresh on every save.
pub const IV_BYTES: usize = 12;

/// An encrypted draft as stored: `{"v":2,"kdf":"PBKDF2-SHA256","iter":600000,"q":"ending-therapy",
/// "salt":..,"iv":..,"ct":..}` with the byte fields in base64. Version 1 had no `q`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The format it was written in.
    pub version: u64,
    /// The id of the questionnaire it was saved from (from version 2): stated openly, so that a
    /// draft from another questionnaire is named as such before any passphrase is asked for, and
    /// bound into the encryption as associated data, so that it cannot be changed unnoticed.
    pub questionnaire: Option<String>,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// PBKDF2 salt.
    pub salt: Vec<u8>,
    /// AES-GCM initialisation vector.
    pub iv: Vec<u8>,
    /// AES-GCM ciphertext with its tag.
    pub ciphertext: Vec<u8>,
}

/// Why a stored draft cannot be used. The stored bytes are left alone in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    /// Not a draft at all, or cut short: not JSON, or fields missing or malformed.
    Damaged,
    /// Written by a newer version of Ending Well.
    NewerVersion(u64),
    /// Decrypted, but saved from another questionnaire.
    OtherQuestionnaire(String),
}

impl Envelope {
    /// The envelope as stored.
    pub fn to_json(&self) -> String {
        let mut fields = Map::new();
        fields.insert("v".into(), Value::from(self.version));
        fields.insert("kdf".into(), Value::from(KDF));
        fields.insert("iter".into(), Value::from(self.iterations));
        fields.insert("salt".into(), Value::from(base64::encode(&self.salt)));
        fields.insert("iv".into(), Value::from(base64::encode(&self.iv)));
        fields.insert("ct".into(), Value::from(base64::encode(&self.ciphertext)));
        if let Some(questionnaire) = &self.questionnaire {
            fields.insert("q".into(), Value::String(questionnaire.clone()));
        }
        json::to_text(&Value::Object(fields))
    }

    /// What AES-GCM binds to the ciphertext besides the key: the format and the questionnaire,
    /// from version 2; nothing for version 1, which bound nothing.
    pub fn associated_data(&self) -> Option<Vec<u8>> {
        let questionnaire = self.questionnaire.as_deref()?;
        Some(format!("ending-well draft {}: {questionnaire}", self.version).into_bytes())
    }

    /// Whether the passphrase is put into Unicode's composed form (NFC) before the key is derived,
    /// so that "é" typed as one character or as "e" and an accent opens the same draft: from
    /// version 2. Version 1 used the passphrase exactly as typed, and still does.
    pub fn normalises_passphrase(&self) -> bool {
        self.version > FIRST_VERSION
    }

    /// Reads a stored envelope, refusing anything damaged, foreign or from the future, and
    /// anything no draft of this reflection could be: too large a file, too many iterations,
    /// salt or IV of the wrong length.
    pub fn from_json(text: &str) -> Result<Self, DraftProblem> {
        check_size(text, "draft").map_err(|_| DraftProblem::Damaged)?;
        let value = json::parse(text).map_err(|_| DraftProblem::Damaged)?;
        let object = value.as_object().ok_or(DraftProblem::Damaged)?;
        let version = object
            .get("v")
            .and_then(Value::as_u64)
            .ok_or(DraftProblem::Damaged)?;
        if version > ENVELOPE_VERSION {
            return Err(DraftProblem::NewerVersion(version));
        }
        if version < FIRST_VERSION || object.get("kdf").and_then(Value::as_str) != Some(KDF) {
            return Err(DraftProblem::Damaged);
        }
        // From version 2 the questionnaire is named, as an id the reader would accept.
        let questionnaire = match (version, object.get("q").and_then(Value::as_str)) {
            (FIRST_VERSION, _) => None,
            (_, Some(id)) if is_valid_id(id) => Some(id.to_owned()),
            (_, _) => return Err(DraftProblem::Damaged),
        };
        let bytes = |field: &str| {
            object
                .get(field)
                .and_then(Value::as_str)
                .and_then(base64::decode)
                .ok_or(DraftProblem::Damaged)
        };
        let iterations = object
            .get("iter")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(n))
            .ok_or(DraftProblem::Damaged)?;
        let envelope = Self {
            version,
            questionnaire,
            iterations,
            salt: bytes("salt")?,
            iv: bytes("iv")?,
            ciphertext: bytes("ct")?,
        };
        // AES-GCM's tag alone is 16 bytes: anything shorter was cut off.
        if envelope.salt.len() != SALT_BYTES
            || envelope.iv.len() != IV_BYTES
            || envelope.ciphertext.len() < 16
        {
            return Err(DraftProblem::Damaged);
        }
        Ok(envelope)
    }
}

/// Pads a draft's JSON with spaces to the next power of two, and at least 4 KiB, before it is
/// encrypted, so that the size of what is stored says little about how much was written.
/// Spaces after JSON are part of it: a padded draft reads back as it was.
pub fn pad(draft: &str) -> String {
    let size = draft.len().max(MIN_PADDED_BYTES).next_power_of_two();
    let mut padded = String::with_capacity(size);
    padded.push_str(draft);
    padded.extend(std::iter::repeat_n(' ', size - draft.len()));
    padded
}

/// The smallest padded draft.
const MIN_PADDED_BYTES: usize = 4096;

/// What a draft gives back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The answers that still fit the questionnaire.
    pub answers: Answers,
    /// The section the client was on, if any.
    pub section: Option<usize>,
    /// Saved answers that no longer fit (the questionnaire changed since).
    pub left_out: usize,
    /// The language the client was reading in, if the draft says.
    pub language: Option<String>,
}

/// The answers as the JSON that gets encrypted, keyed by question and option ids so that a
/// draft survives reordering.
pub fn encode(questionnaire: &Questionnaire, answers: &Answers, section: Option<usize>) -> String {
    let mut saved = Map::new();
    for (index, question) in questionnaire.questions.iter().enumerate() {
        let Some(answer) = answers.get(index) else {
            continue;
        };
        let options = question.kind.options();
        let option_id = |o: &usize| options.get(*o).map(|option| option.id.clone());
        let value = match answer {
            Answer::Choice(option) => option_id(option).map(Value::String),
            Answer::Choices { selected, other } => {
                let ids: Vec<Value> = selected
                    .iter()
                    .filter_map(option_id)
                    .map(Value::String)
                    .collect();
                let mut entry = Map::new();
                entry.insert("selected".into(), Value::Array(ids));
                if let Some(other) = other {
                    entry.insert("other".into(), Value::String(other.clone()));
                }
                Some(Value::Object(entry))
            }
            Answer::Scale(point) => Some(Value::from(*point)),
            Answer::Text(text) => Some(Value::String(text.clone())),
        };
        if let Some(value) = value {
            saved.insert(question.id.clone(), value);
        }
    }
    let mut bring = Map::new();
    let mut edited = Vec::new();
    for (index, question) in questionnaire.questions.iter().enumerate() {
        if let Some(choice) = answers.bring(index) {
            bring.insert(question.id.clone(), Value::Bool(choice));
        }
        if answers.is_edited(index) {
            edited.push(Value::String(question.id.clone()));
        }
    }
    // Built field by field, not with `json!`, which converts through serde's `to_value` and
    // brings its serializer into the module.
    let mut draft = Map::new();
    draft.insert(
        "questionnaire".into(),
        Value::from(questionnaire.id.clone()),
    );
    draft.insert(
        "language".into(),
        Value::from(questionnaire.language.clone()),
    );
    draft.insert("section".into(), Value::from(section));
    draft.insert("answers".into(), Value::Object(saved));
    draft.insert("bring".into(), Value::Object(bring));
    draft.insert("edited".into(), Value::Array(edited));
    json::to_text(&Value::Object(draft))
}

/// Reads decrypted draft JSON back into answers for `questionnaire`.
pub fn decode(questionnaire: &Questionnaire, text: &str) -> Result<Restored, DraftProblem> {
    let value = json::parse(text).map_err(|_| DraftProblem::Damaged)?;
    let id = value
        .get("questionnaire")
        .and_then(Value::as_str)
        .ok_or(DraftProblem::Damaged)?;
    if id != questionnaire.id {
        return Err(DraftProblem::OtherQuestionnaire(id.to_owned()));
    }
    let saved = value
        .get("answers")
        .and_then(Value::as_object)
        .ok_or(DraftProblem::Damaged)?;
    let mut answers = Answers::new(questionnaire.questions.len());
    let mut left_out = 0;
    for (question_id, value) in saved {
        let restored = questionnaire
            .question_index(question_id)
            .and_then(|index| Some((index, restore(questionnaire, index, value)?)));
        match restored {
            Some((index, answer)) => answers.set(index, Some(answer)),
            None => left_out += 1,
        }
    }
    if let Some(bring) = value.get("bring").and_then(Value::as_object) {
        for (question_id, choice) in bring {
            if let (Some(index), Some(choice)) =
                (questionnaire.question_index(question_id), choice.as_bool())
            {
                answers.set_bring(index, Some(choice));
            }
        }
    }
    match value.get("edited").and_then(Value::as_array) {
        Some(edited) => {
            for index in edited
                .iter()
                .filter_map(|id| questionnaire.question_index(id.as_str()?))
            {
                answers.set_edited(index, true);
            }
        }
        // Saved before drafts followed the answers: a note with text may hold the client's own
        // words, and is never written over.
        None => {
            for (index, question) in questionnaire.questions.iter().enumerate() {
                if matches!(question.kind, QuestionKind::Note(_)) && answers.get(index).is_some() {
                    answers.set_edited(index, true);
                }
            }
        }
    }
    let section = value
        .get("section")
        .and_then(Value::as_u64)
        .and_then(|s| usize::try_from(s).ok())
        .filter(|s| *s < questionnaire.sections.len());
    let language = value
        .get("language")
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(Restored {
        answers,
        section,
        left_out,
        language,
    })
}

fn restore(questionnaire: &Questionnaire, index: usize, value: &Value) -> Option<Answer> {
    let question = questionnaire.question(index)?;
    let options = question.kind.options();
    let option = |id: &Value| {
        options
            .iter()
            .position(|o| Some(o.id.as_str()) == id.as_str())
    };
    match (&question.kind, value) {
        (QuestionKind::SingleChoice { .. }, id) => option(id).map(Answer::Choice),
        (QuestionKind::MultipleChoice { other: label, .. }, Value::Object(entry)) => {
            let selected = in_order(
                entry
                    .get("selected")?
                    .as_array()?
                    .iter()
                    .map(option)
                    .collect::<Option<Vec<_>>>()?,
            );
            // "Not sure" and "Prefer not to say" stand alone; a draft saying otherwise was not
            // written by the widget.
            let alone = |o: &usize| options.get(*o).is_some_and(|option| option.exclusive);
            if selected.len() > 1 && selected.iter().any(alone) {
                return None;
            }
            let other = match entry.get("other") {
                None => None,
                Some(Value::String(text)) if label.is_some() => Some(text.clone()),
                Some(_) => return None,
            };
            (!selected.is_empty() || other.is_some()).then_some(Answer::Choices { selected, other })
        }
        (QuestionKind::Scale(scale), point) => point
            .as_i64()
            .filter(|p| (scale.min..=scale.max).contains(p))
            .map(Answer::Scale),
        (
            QuestionKind::ShortText | QuestionKind::LongText | QuestionKind::Note(_),
            Value::String(text),
        ) => (!text.trim().is_empty()).then(|| Answer::Text(text.clone())),
        _ => None,
    }
}
