//! The questionnaire format as validated types: a [`Questionnaire`](crate::format::questionnaire::Questionnaire) of sections and questions that
//! cannot hold a dangling reference. Reading a file into one is in `read`, `read_question` and
//! `read_condition`.

use std::ops::Range;

/// A validated questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    /// Stable id of the questionnaire.
    pub id: String,
    /// The language its text was read in.
    pub language: String,
    /// Every language the file has text in, its own language first.
    pub languages: Vec<String>,
    /// Title, shown as the heading of the introduction.
    pub title: String,
    /// Paragraphs of the introduction.
    pub intro: Vec<String>,
    /// Rough time it takes, in minutes.
    pub minutes: Option<u32>,
    /// Sections, in order.
    pub sections: Vec<Section>,
    /// Every question of every section, in order; sections refer to ranges of this list.
    pub questions: Vec<Question>,
    /// The questions of the page "For my last session", in the order it reads: they open "To
    /// bring", and are in it until the client takes them out.
    pub last_session: Vec<usize>,
    /// Which answers make up the staying-well plan.
    pub plan: Plan,
    /// Which answers the note drafts start from.
    pub note_sources: NoteSources,
    /// When the answers show distress: support contacts then appear inline.
    pub support_when: Option<Condition>,
    /// When the client says they have thoughts of suicide or self-harm: a response of its own,
    /// with the contacts, then appears inline right after the question.
    pub safety_when: Option<Condition>,
}

/// The parts of the staying-well plan, each a list of question positions, in the order the plan
/// reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// What the client learned, and what helped change.
    pub learned: Vec<usize>,
    /// Early signs that things are getting harder: thoughts, body, behaviour.
    pub early_signs: Vec<usize>,
    /// Times and situations that may be harder.
    pub high_risk: Vec<usize>,
    /// What the client will keep practising, and how often.
    pub keep_practising: Vec<usize>,
    /// Goals for the next months.
    pub goals: Vec<usize>,
    /// Who can help, and how to reach them.
    pub who_can_help: Vec<usize>,
    /// What to do after a setback.
    pub after_setback: Vec<usize>,
}

/// The names of the plan's parts in a file, in the order of [`Plan`]'s fields.
pub const PLAN_PARTS: [&str; 7] = [
    "learned",
    "early_signs",
    "high_risk",
    "keep_practising",
    "goals",
    "who_can_help",
    "after_setback",
];

impl Plan {
    /// The parts' lists, in the order of [`PLAN_PARTS`].
    pub fn parts(&self) -> [&[usize]; 7] {
        [
            &self.learned,
            &self.early_signs,
            &self.high_risk,
            &self.keep_practising,
            &self.goals,
            &self.who_can_help,
            &self.after_setback,
        ]
    }
}

/// The answers the note drafts start from, each a list of question positions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteSources {
    /// What helped.
    pub helped: Vec<usize>,
    /// What the client is proud of.
    pub proud: Vec<usize>,
    /// What they want to keep doing.
    pub keep_doing: Vec<usize>,
    /// What they want to say.
    pub to_say: Vec<usize>,
    /// What they would like a next therapist to know.
    pub next_therapist: Vec<usize>,
    /// When the note to the therapist opens with thanks: only when the client said they feel
    /// grateful. Never without one.
    pub grateful_when: Option<Condition>,
}

/// Who a note is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteFor {
    /// The therapist, to read aloud or hand over in the last session.
    Therapist,
    /// The client, later.
    FutureSelf,
    /// The therapist or service the client is moving to.
    NextTherapist,
}

impl NoteFor {
    /// Whether a note to this reader is in "To bring" until the client takes it out. A note to
    /// the future self is the client's own.
    pub fn brought_by_default(self) -> bool {
        match self {
            Self::Therapist | Self::NextTherapist => true,
            Self::FutureSelf => false,
        }
    }
}

/// A section: one screen of questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable id, unique among sections.
    pub id: String,
    /// Title, shown as the screen's heading.
    pub title: String,
    /// A short paragraph under the heading.
    pub intro: Option<String>,
    /// Positions of this section's questions in [`Questionnaire::questions`].
    pub questions: Range<usize>,
}

/// A question (or a piece of information text) within a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable id, unique among all questions.
    pub id: String,
    /// Position of the section it belongs to.
    pub section: usize,
    /// The question, or the information text.
    pub text: String,
    /// A few words that stand for the question in summaries, e.g. "How I feel about ending".
    pub summary: Option<String>,
    /// Whether the answer is the client's alone (the hint promised so): it never goes into a
    /// note draft or "To bring" unless the client puts it there.
    pub private: bool,
    /// Extra guidance under the question.
    pub hint: Option<String>,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// When it is shown; always shown without one.
    pub show_if: Option<Condition>,
}

/// The kinds of question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// Choose one option.
    SingleChoice {
        /// The options, including "not sure" and "prefer not to say" when offered.
        options: Vec<ChoiceOption>,
    },
    /// Choose any number of options.
    MultipleChoice {
        /// The options, including "not sure" and "prefer not to say" when offered.
        options: Vec<ChoiceOption>,
        /// The label of a "something else" option that opens a text box.
        other: Option<String>,
    },
    /// Choose a point on a numbered scale.
    Scale(Scale),
    /// A line of text.
    ShortText,
    /// Paragraphs of text.
    LongText,
    /// Information text; nothing to answer.
    Info,
    /// A note the client writes, starting from a draft made of their own answers.
    Note(NoteFor),
}

impl QuestionKind {
    /// The kind's name as written in the file.
    pub fn name(&self) -> &'static str {
        match self {
            Self::SingleChoice { .. } => "single_choice",
            Self::MultipleChoice { .. } => "multiple_choice",
            Self::Scale(_) => "scale",
            Self::ShortText => "short_text",
            Self::LongText => "long_text",
            Self::Info => "info",
            Self::Note(_) => "note",
        }
    }

    /// The options of a choice question; empty for other kinds.
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            Self::SingleChoice { options } | Self::MultipleChoice { options, .. } => options,
            _ => &[],
        }
    }
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    /// Stable id, unique within the question.
    pub id: String,
    /// What the client sees.
    pub label: String,
    /// "Not sure" and "prefer not to say": choosing one clears the others in a multiple choice.
    pub exclusive: bool,
}

/// A numbered scale with labelled ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// The lowest point.
    pub min: i64,
    /// The highest point.
    pub max: i64,
    /// What the lowest point means.
    pub min_label: String,
    /// What the highest point means.
    pub max_label: String,
}

/// A validated condition. Questions are referred to by their position in
/// [`Questionnaire::questions`], always an earlier question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// The question is shown and has an answer.
    Answered(usize),
    /// The option is chosen: `equals` on a single choice, `includes` on a multiple choice.
    Chosen {
        /// The question.
        question: usize,
        /// The option's position in the question's options.
        option: usize,
    },
    /// The scale question's answer is this point.
    ScaleIs {
        /// The question.
        question: usize,
        /// The point on the scale.
        value: i64,
    },
    /// At least one of these holds.
    Any(Vec<Condition>),
    /// All of these hold.
    All(Vec<Condition>),
    /// This does not hold.
    Not(Box<Condition>),
}

impl Condition {
    /// The questions this condition refers to.
    pub fn questions(&self) -> Vec<usize> {
        let mut found = Vec::new();
        self.collect_questions(&mut found);
        found
    }

    fn collect_questions(&self, found: &mut Vec<usize>) {
        match self {
            Self::Answered(question)
            | Self::Chosen { question, .. }
            | Self::ScaleIs { question, .. } => found.push(*question),
            Self::Any(conditions) | Self::All(conditions) => {
                for condition in conditions {
                    condition.collect_questions(found);
                }
            }
            Self::Not(condition) => condition.collect_questions(found),
        }
    }
}

/// The id of the "not sure" option added by `"not_sure": true`.
pub const NOT_SURE_ID: &str = "not-sure";
/// The id of the "prefer not to say" option added by `"prefer_not_to_say": true`.
pub const PREFER_NOT_TO_SAY_ID: &str = "prefer-not-to-say";
/// Scales have at most this many points, so they fit on a phone.
pub const MAX_SCALE_POINTS: i64 = 11;

/// The kinds of question, as written in a file.
pub(crate) const KINDS: [&str; 7] = [
    "single_choice",
    "multiple_choice",
    "scale",
    "short_text",
    "long_text",
    "info",
    "note",
];

impl Question {
    /// The words that stand for the question in summaries: its summary label, or the question.
    pub fn label(&self) -> &str {
        self.summary.as_deref().unwrap_or(&self.text)
    }
}

impl Questionnaire {
    /// Labels the built-in "not sure" and "prefer not to say" options.
    pub fn label_built_in_options(&mut self, not_sure: &str, prefer_not_to_say: &str) {
        for question in &mut self.questions {
            let options = match &mut question.kind {
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options, .. } => options,
                _ => continue,
            };
            for option in options {
                if option.id == NOT_SURE_ID {
                    not_sure.clone_into(&mut option.label);
                } else if option.id == PREFER_NOT_TO_SAY_ID {
                    prefer_not_to_say.clone_into(&mut option.label);
                }
            }
        }
    }

    /// The question at `index`.
    pub fn question(&self, index: usize) -> Option<&Question> {
        self.questions.get(index)
    }

    /// The position of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|question| question.id == id)
    }
}

/// The built-in questionnaire, compiled in (minified by `build.rs`).
pub const DEFAULT_QUESTIONNAIRE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/ending-therapy.json"));

/// The five-minute built-in questionnaire, chosen with `"built_in": "short"`.
pub const SHORT_QUESTIONNAIRE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/ending-therapy-short.json"));

/// The built-in questionnaires, by the name the `built_in` setting gives them.
pub const BUILT_IN_QUESTIONNAIRES: [(&str, &str); 2] = [
    ("full", DEFAULT_QUESTIONNAIRE),
    ("short", SHORT_QUESTIONNAIRE),
];
