//! A client's answers, one slot per question.

/// One answer. Options are referred to by their position in the question's options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The chosen option of a single choice question.
    Choice(usize),
    /// The chosen options of a multiple choice question, in the order of the options, and the
    /// "something else" text when that box is ticked (possibly still empty).
    Choices {
        /// Positions of the ticked options, ascending.
        selected: Vec<usize>,
        /// `Some` when "something else" is ticked.
        other: Option<String>,
    },
    /// The chosen point of a scale.
    Scale(i64),
    /// Written text, never blank.
    Text(String),
}

impl Answer {
    /// Whether this answer has option `option` chosen.
    pub fn has_option(&self, option: usize) -> bool {
        match self {
            Self::Choice(chosen) => *chosen == option,
            Self::Choices { selected, .. } => selected.contains(&option),
            Self::Scale(_) | Self::Text(_) => false,
        }
    }

    /// The chosen point, for a scale answer.
    pub fn scale_point(&self) -> Option<i64> {
        match self {
            Self::Scale(point) => Some(*point),
            _ => None,
        }
    }
}

/// The answers to every question of one questionnaire, by question position. Answers to
/// questions that are hidden now are kept, in case the client changes their mind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    slots: Vec<Option<Answer>>,
}

impl Answers {
    /// No answers yet, for a questionnaire of `count` questions.
    pub fn new(count: usize) -> Self {
        Self {
            slots: vec![None; count],
        }
    }

    /// The answer to question `question`, if any.
    pub fn get(&self, question: usize) -> Option<&Answer> {
        self.slots.get(question).and_then(Option::as_ref)
    }

    /// Sets or clears the answer to `question`; a position past the end is ignored.
    pub fn set(&mut self, question: usize, answer: Option<Answer>) {
        if let Some(slot) = self.slots.get_mut(question) {
            *slot = answer;
        }
    }

    /// How many questions have an answer, shown or not.
    pub fn count(&self) -> usize {
        self.slots.iter().flatten().count()
    }
}
