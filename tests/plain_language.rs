//! Plain language, measured: the Flesch-Kincaid grade of every client-facing English string, the
//! built-in questionnaire and the interface text in `src/text.rs`. The whole text stays at grade
//! 8 or lower and no single question or hint goes above grade 10 (CONTENT.md).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ending_well::{QuestionKind, Questionnaire};

/// Words, sentences and syllables of a piece of text.
#[derive(Default, Clone, Copy)]
struct Counts {
    words: usize,
    sentences: usize,
    syllables: usize,
}

impl Counts {
    fn of(text: &str) -> Self {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == '/' || c == '-')
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphabetic() || *c == '\'')
                    .collect::<String>()
            })
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let ends = text.matches(['.', '!', '?']).count();
        Self {
            words: words.len(),
            // A label or a question without a full stop is still one sentence.
            sentences: ends.max(usize::from(!words.is_empty())),
            syllables: words.iter().map(|w| syllables(w)).sum(),
        }
    }

    fn add(self, other: Self) -> Self {
        Self {
            words: self.words + other.words,
            sentences: self.sentences + other.sentences,
            syllables: self.syllables + other.syllables,
        }
    }

    /// Flesch-Kincaid grade level.
    fn grade(self) -> f64 {
        let words = self.words.max(1) as f64;
        0.39 * words / self.sentences.max(1) as f64 + 11.8 * self.syllables as f64 / words - 15.59
    }
}

/// Syllables by vowel groups, less a silent final "e": the usual heuristic for English.
fn syllables(word: &str) -> usize {
    let word = word.to_lowercase().replace('\'', "");
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous = false;
    for c in word.chars() {
        let is_vowel = vowel(c);
        if is_vowel && !previous {
            count += 1;
        }
        previous = is_vowel;
    }
    if word.ends_with('e') && !word.ends_with("le") && !word.ends_with("ee") && count > 1 {
        count -= 1;
    }
    count.max(1)
}

/// The English interface text of `locales/en.json`, plural forms included, with
/// `{placeholders}` removed.
fn interface_strings() -> Vec<String> {
    let file: serde_json::Value = serde_json::from_str(include_str!("../locales/en.json")).unwrap();
    let mut strings = Vec::new();
    for value in file.as_object().unwrap().values() {
        let forms: Vec<&str> = match value {
            serde_json::Value::Object(forms) => forms.values().filter_map(|v| v.as_str()).collect(),
            other => other.as_str().into_iter().collect(),
        };
        for form in forms {
            let mut text = String::new();
            let mut depth = 0;
            for c in form.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    c if depth == 0 => text.push(c),
                    _ => {}
                }
            }
            if text.chars().any(char::is_alphabetic) {
                strings.push(text);
            }
        }
    }
    strings
}

#[test]
fn the_reflection_reads_at_grade_8_or_lower() {
    let questionnaire = Questionnaire::default_questionnaire().unwrap();
    let mut everything = Counts::default();
    let mut strings = 0;
    let mut count = |text: &str, everything: &mut Counts| {
        *everything = everything.add(Counts::of(text));
        strings += 1;
    };
    let mut too_hard = Vec::new();
    let mut hardest: (f64, String) = (f64::MIN, String::new());
    count(&questionnaire.title, &mut everything);
    for paragraph in &questionnaire.intro {
        count(paragraph, &mut everything);
    }
    for section in &questionnaire.sections {
        count(&section.title, &mut everything);
        if let Some(intro) = &section.intro {
            count(intro, &mut everything);
        }
    }
    for question in &questionnaire.questions {
        for text in std::iter::once(&question.text).chain(&question.hint) {
            count(text, &mut everything);
            let grade = Counts::of(text).grade();
            if grade > hardest.0 {
                hardest = (grade, text.clone());
            }
            if grade > 10.0 {
                too_hard.push(format!("{grade:.1}: {text}"));
            }
        }
        for option in question.kind.options() {
            count(&option.label, &mut everything);
        }
        match &question.kind {
            QuestionKind::Scale(scale) => {
                count(&scale.min_label, &mut everything);
                count(&scale.max_label, &mut everything);
            }
            QuestionKind::MultipleChoice {
                other: Some(other), ..
            } => count(other, &mut everything),
            _ => {}
        }
    }
    let questionnaire_grade = everything.grade();
    let interface = interface_strings();
    let mut interface_counts = Counts::default();
    for text in &interface {
        interface_counts = interface_counts.add(Counts::of(text));
    }
    let whole = everything.add(interface_counts);
    println!(
        "plain language: questionnaire {strings} strings, {} words, grade {questionnaire_grade:.1}; \
         interface {} strings, {} words, grade {:.1}; all text grade {:.1}; hardest question or \
         hint grade {:.1}: {:?}",
        everything.words,
        interface.len(),
        interface_counts.words,
        interface_counts.grade(),
        whole.grade(),
        hardest.0,
        hardest.1
    );
    assert!(interface.len() > 100, "the interface strings were found");
    assert!(
        whole.grade() <= 8.0,
        "all text reads at grade {:.1}",
        whole.grade()
    );
    assert!(
        too_hard.is_empty(),
        "questions or hints above grade 10: {too_hard:#?}"
    );
}

#[test]
fn the_measure_tells_hard_text_from_plain_text() {
    let plain = Counts::of("You can stop at any time. Nothing is sent.").grade();
    let hard = Counts::of(
        "Therapeutic termination necessitates comprehensive consideration of interpersonal \
         relationship dynamics and anticipatory psychological consequences.",
    )
    .grade();
    assert!(plain < 4.0, "{plain}");
    assert!(hard > 16.0, "{hard}");
    assert_eq!(syllables("therapy"), 3);
    assert_eq!(syllables("ending"), 2);
    assert_eq!(syllables("alone"), 2);
}
