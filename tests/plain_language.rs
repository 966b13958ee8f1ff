//! Plain language, measured: the Flesch-Kincaid grade of every client-facing English string, the
//! built-in questionnaire and the interface text in `locales/`. The whole text stays at grade 8
//! or lower and no single question or hint goes above grade 10 (docs/authoring.md#plain-language).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ending_well::format::questionnaire::BUILT_IN_QUESTIONNAIRES;
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

/// The interface text of a language file, plural forms included, with `{placeholders}` removed.
fn interface_strings(file: &str) -> Vec<String> {
    let file: serde_json::Value = serde_json::from_str(file).unwrap();
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
    for (name, text) in BUILT_IN_QUESTIONNAIRES {
        println!("plain language: the built-in questionnaire \"{name}\"");
        reads_at_grade_8_or_lower(&Questionnaire::from_json(text).unwrap());
    }
}

/// Measures `questionnaire` with the interface text.
fn reads_at_grade_8_or_lower(questionnaire: &Questionnaire) {
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
    for question in &questionnaire.questions {
        if let Some(summary) = &question.summary {
            count(summary, &mut everything);
        }
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
    let interface = interface_strings(include_str!("../locales/en.json"));
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

/// Syllables of a Spanish word: vowel groups, where two strong vowels side by side (a, e, o, or
/// an accented í or ú) are two syllables (hiatus) and a weak one (i, u, ü) joins its neighbour
/// (diphthong). The silent u of "que", "qui", "gue", "gui" joins the next vowel, as it should.
fn spanish_syllables(word: &str) -> usize {
    let strong = |c: char| "aeoáéíóú".contains(c);
    let vowel = |c: char| strong(c) || "iuü".contains(c);
    let mut count = 0;
    let mut previous: Option<char> = None;
    for c in word.to_lowercase().chars() {
        match previous {
            // Two strong vowels side by side: a new syllable (hiatus).
            Some(p) if vowel(c) && vowel(p) && strong(c) && strong(p) => count += 1,
            // A weak vowel beside another: the same syllable (diphthong).
            Some(p) if vowel(c) && vowel(p) => {}
            _ if vowel(c) => count += 1,
            _ => {}
        }
        previous = Some(c);
    }
    count.max(1)
}

/// Fernández Huerta's reading ease for Spanish (the Flesch reading ease, adapted): 206.84 −
/// 0.60 × syllables per 100 words − 1.02 × sentences per 100 words. 80 to 90 reads as easy, 70
/// to 80 as fairly easy, 60 to 70 as normal.
fn spanish_ease(text: &str) -> (f64, usize) {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-')
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect();
    let count = words.len().max(1) as f64;
    let sentences = text
        .matches(['.', '!', '?'])
        .count()
        .max(usize::from(!words.is_empty()));
    let syllables: usize = words.iter().map(|w| spanish_syllables(w)).sum();
    let ease = 206.84
        - 0.60 * (100.0 * syllables as f64 / count)
        - 1.02 * (100.0 * sentences as f64 / count);
    (ease, words.len())
}

#[test]
fn the_spanish_reads_as_fairly_easy_or_easier() {
    for (name, _) in BUILT_IN_QUESTIONNAIRES {
        println!("plain language, Spanish: the built-in questionnaire \"{name}\"");
        spanish_reads_as_fairly_easy(name);
    }
}

/// Measures the Spanish of the built-in questionnaire `name` with the interface text.
fn spanish_reads_as_fairly_easy(name: &str) {
    let options = serde_json::json!({ "built_in": name });
    let questionnaire = ending_well::format::catalog::questionnaire_of(&options).unwrap();
    let versions = ending_well::format::catalog::prepare(questionnaire, options, "options")
        .unwrap()
        .versions();
    let spanish = versions.iter().find(|v| v.language == "es").unwrap();
    let questionnaire = &spanish.questionnaire;
    let mut texts: Vec<String> = vec![questionnaire.title.clone()];
    texts.extend(questionnaire.intro.iter().cloned());
    for section in &questionnaire.sections {
        texts.push(section.title.clone());
        texts.extend(section.intro.iter().cloned());
    }
    let mut questions = Vec::new();
    for question in &questionnaire.questions {
        questions.push(question.text.clone());
        questions.extend(question.hint.iter().cloned());
        texts.extend(question.summary.iter().cloned());
        texts.extend(question.kind.options().iter().map(|o| o.label.clone()));
    }
    texts.extend(questions.iter().cloned());
    let interface = interface_strings(include_str!("../locales/es.json"));
    let (questionnaire_ease, questionnaire_words) = spanish_ease(&texts.join("\n"));
    let (interface_ease, interface_words) = spanish_ease(&interface.join("\n"));
    let (all_ease, _) = spanish_ease(&[texts.join("\n"), interface.join("\n")].join("\n"));
    // The formula needs a few sentences' worth of words: a four-word question swings wildly.
    let hardest = questions
        .iter()
        .filter(|q| spanish_ease(q).1 >= 10)
        .map(|q| (spanish_ease(q).0, q))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap();
    println!(
        "plain language, Spanish (Fernández Huerta ease, higher is easier): questionnaire {} \
         strings, {questionnaire_words} words, {questionnaire_ease:.1}; interface {} strings, \
         {interface_words} words, {interface_ease:.1}; all text {all_ease:.1}; hardest question \
         or hint of 10 words or more {:.1}: {:?}",
        texts.len(),
        interface.len(),
        hardest.0,
        hardest.1
    );
    assert!(all_ease >= 70.0, "all Spanish text reads at {all_ease:.1}");
    assert!(
        hardest.0 >= 50.0,
        "a question or hint reads at {:.1}: {}",
        hardest.0,
        hardest.1
    );
}

#[test]
fn the_spanish_measure_tells_hard_text_from_plain_text() {
    assert_eq!(spanish_syllables("pregunta"), 3);
    assert_eq!(spanish_syllables("terapia"), 3);
    assert_eq!(spanish_syllables("poeta"), 3);
    assert_eq!(spanish_syllables("quiero"), 2);
    assert_eq!(spanish_syllables("día"), 2);
    let plain = spanish_ease("Hoy es tu día. Puedes parar cuando quieras.").0;
    let hard = spanish_ease(
        "La consolidación terapéutica presupone la internalización progresiva de competencias \
         autorregulatorias previamente adquiridas.",
    )
    .0;
    assert!(
        plain > 80.0 && hard < 30.0,
        "plain {plain:.1}, hard {hard:.1}"
    );
}
