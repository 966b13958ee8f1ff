//! Languages: every shipped language complete, a Spanish-speaking client's whole reflection in
//! Spanish, switching language mid-way, clinic translations and right-to-left.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{option, q, send, write};
use ending_well::format::catalog::{self, Catalog, Version};
use ending_well::languages::interface::{self, Texts, KEYS};
use ending_well::languages::multilingual::{self, FileKind};
use ending_well::languages::tag::Direction;
use ending_well::reflection::export::{to_html, to_plain_text};
use ending_well::view::{self, View};
use ending_well::{update, Effect, Model, Msg, Output, Screen};
use serde_json::{json, Value};

/// The built-in questionnaire with no settings: every shipped language.
fn catalog() -> Catalog {
    catalog::prepare(catalog::default_questionnaire_value(), json!({}), "options").unwrap()
}

/// Every shipped language's version.
fn shipped() -> Vec<Version> {
    catalog().versions()
}

/// A fresh session in `tag`, as the widget chooses it for a client who wants that language.
fn session_in(tag: &str) -> Model {
    let catalog = catalog();
    let chosen = catalog.choose(&[tag]);
    Model::from_catalog(catalog, chosen).unwrap()
}

fn heading(model: &Model) -> String {
    match view::view(model) {
        View::Intro(intro) => intro.title.to_owned(),
        View::Section(section) => section.section.title.clone(),
        View::Review(_) => model.texts().review_heading().clone(),
        View::Summary(summary) => summary.mine.title,
        View::Resume(_) => model.texts().resume_heading().clone(),
        View::Paused => model.texts().paused_heading().clone(),
    }
}

#[test]
fn every_shipped_language_has_every_interface_text() {
    assert_eq!(interface::BUILT_IN.len(), 2, "English and Spanish ship");
    for (tag, file) in interface::BUILT_IN {
        let problems = interface::check_language(tag, file);
        assert!(problems.is_empty(), "{tag}: {problems:#?}");
    }
    // English has exactly the keys the code uses, in the file's own order.
    let english: serde_json::Map<String, Value> =
        serde_json::from_str(interface::BUILT_IN[0].1).unwrap();
    let keys: Vec<&str> = english.keys().map(String::as_str).collect();
    let known: Vec<&str> = KEYS.iter().map(|(key, _)| *key).collect();
    let mut sorted_keys = keys.clone();
    sorted_keys.sort_unstable();
    let mut sorted_known = known.clone();
    sorted_known.sort_unstable();
    assert_eq!(sorted_keys, sorted_known);
    let plural = KEYS
        .iter()
        .filter(|(_, kind)| *kind == interface::Kind::Plural)
        .count();
    println!(
        "interface text: {} keys ({plural} with plural forms) in each of {}",
        KEYS.len(),
        interface::BUILT_IN.map(|(tag, _)| tag).join(", ")
    );
}

#[test]
fn the_completeness_check_finds_what_a_language_file_lacks() {
    let mut spanish: serde_json::Map<String, Value> =
        serde_json::from_str(interface::BUILT_IN[1].1).unwrap();
    spanish.remove("print");
    spanish.insert("saved_at".into(), json!("Guardado a las {hora}."));
    spanish.insert("reminder_months".into(), json!({ "one": "{count} mes" }));
    spanish.insert("strat".into(), json!("Empezar"));
    let problems = interface::check_language("es", &Value::Object(spanish).to_string());
    let found: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for expected in [
        "print: missing: shows in English",
        "saved_at: {hora} is not filled in here: use only {time}",
        "reminder_months.other: missing \"other\"",
        "reminder_months.other: missing the \"other\" form",
        "strat: unknown interface text \"strat\" (did you mean \"start\"?)",
    ] {
        assert!(
            found.iter().any(|problem| problem.starts_with(expected)),
            "nothing like {expected:?} in {found:#?}"
        );
    }
    let dropped = interface::check_language("es", r#"{"saved_at": "Guardado."}"#);
    assert!(dropped
        .iter()
        .any(|p| p.to_string() == "saved_at: leaves out {time}: the English text shows it"));
}

#[test]
fn the_built_in_questionnaire_is_complete_in_english_and_spanish() {
    let value = catalog::default_questionnaire_value();
    let (_, found, problems) = multilingual::localize(&value, "es", FileKind::Questionnaire);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(found.languages, ["en", "es"]);
    assert!(found.count() > 200, "{} texts", found.count());
    assert_eq!(found.missing("es"), Vec::<&str>::new());
    assert_eq!(found.missing("en"), Vec::<&str>::new());
    let versions = shipped();
    let spanish = &versions[1];
    let english = &versions[0];
    // Same structure, different words: no Spanish text is left in English.
    assert_eq!(
        spanish.questionnaire.questions.len(),
        english.questionnaire.questions.len()
    );
    for (es, en) in spanish
        .questionnaire
        .questions
        .iter()
        .zip(&english.questionnaire.questions)
    {
        assert_eq!(es.id, en.id);
        assert_ne!(es.text, en.text, "{} is not translated", es.id);
    }
    println!(
        "questionnaire text: {} texts, in {}",
        found.count(),
        found.languages.join(", ")
    );
}

#[test]
fn a_spanish_speaking_client_goes_through_the_whole_reflection_in_spanish() {
    let mut model = session_in("es-MX");
    assert_eq!(model.texts().language, "es");
    assert_eq!(
        model.languages()[model.language()].direction,
        Direction::Ltr
    );
    let View::Intro(intro) = view::view(&model) else {
        panic!("intro first")
    };
    assert!(
        intro
            .meta
            .starts_with("11 secciones, alrededor de 20 minutos."),
        "{}",
        intro.meta
    );
    update(&mut model, Msg::StartClicked);
    let View::Section(section) = view::view(&model) else {
        panic!("a section")
    };
    assert_eq!(section.caption, "Sección 1 de 11");
    assert_eq!(section.next_label, "Continuar");
    assert_eq!(
        section.progress.text(model.texts()),
        "0 de 40 preguntas respondidas"
    );
    common::choose(&mut model, "who-decided", "together");
    write(&mut model, "helped-most", "Hablar sin prisa.");
    write(&mut model, "proud-of", "Volví a salir a caminar.");
    common::tick(&mut model, "skills", "calm-body", true);
    // On to the notes, section by section.
    while model.screen() != Screen::Section(10) {
        update(&mut model, Msg::NextClicked);
    }
    let note = model.answers().get(q(&model, "note-therapist")).cloned();
    let Some(ending_well::Answer::Text(note)) = note else {
        panic!("a drafted note")
    };
    assert!(note.starts_with("A mi terapeuta:"), "{note}");
    assert!(note.contains("Hablar sin prisa."), "{note}");
    update(&mut model, Msg::NextClicked);
    assert_eq!(heading(&model), "Revisa tus respuestas");
    update(&mut model, Msg::SummaryClicked);
    let summary = model.summary(Output::Mine);
    assert_eq!(summary.title, "Reflexionar sobre el final de tu terapia");
    assert_eq!(summary.heading, "Solo para mí");
    assert_eq!(summary.sections[0].title, "Cómo termina tu terapia");
    let plain = to_plain_text(&summary, model.texts());
    assert!(
        plain.contains("Seguir bien después de la terapia"),
        "{plain}"
    );
    assert!(plain.contains("Hablar sin prisa."), "{plain}");
    assert!(!plain.contains("Just for me"), "{plain}");
    let html = to_html(&summary, model.texts());
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"));
    let effects = update(&mut model, Msg::DownloadTextClicked(Output::Bring));
    assert!(
        matches!(&effects[..], [Effect::Download { filename, content, .. }] if filename == "ending-well-para-llevar.txt" && content.starts_with("Para llevar: "))
    );
}

#[test]
fn plural_forms_follow_the_count_in_each_language() {
    let english = Texts::english();
    let spanish = Texts::for_language("es", &interface::Interface::new());
    assert_eq!(english.reminder_months(1), "In 1 month");
    assert_eq!(english.reminder_months(3), "In 3 months");
    assert_eq!(spanish.reminder_months(1), "Dentro de 1 mes");
    assert_eq!(spanish.reminder_months(6), "Dentro de 6 meses");
    assert_eq!(
        english.intro_meta(Some(1), 1),
        "1 section, about 1 minute. Every question is optional. You can stop at any time."
    );
    assert_eq!(
        english.shift_more(1),
        "Press Shift 1 more time to leave this page."
    );
    assert_eq!(
        english.restored_announcement(1),
        "Your saved answers are back. 1 answer no longer matches the questions and was left out."
    );
    assert_ne!(
        spanish.shift_more(1),
        spanish.shift_more(2).replace('2', "1")
    );
}

#[test]
fn switching_language_mid_way_keeps_every_answer() {
    let mut model = session_in("en");
    update(&mut model, Msg::StartClicked);
    common::choose(&mut model, "who-decided", "my-choice");
    write(&mut model, "helped-most", "Being listened to.");
    common::tick(&mut model, "skills", "calm-body", true);
    let before = model.answers().clone();
    let effects = update(&mut model, Msg::LanguageChosen { language: 1 });
    assert_eq!(effects, [Effect::LanguageChanged]);
    assert_eq!(model.texts().language, "es");
    assert_eq!(model.screen(), Screen::Section(0));
    assert_eq!(model.answers(), &before);
    let View::Section(section) = view::view(&model) else {
        panic!("same section")
    };
    assert_eq!(section.caption, "Sección 1 de 11");
    // The answer shows with the Spanish label of the same option.
    let who = q(&model, "who-decided");
    let chosen = option(&model, "who-decided", "my-choice");
    let label = &model.questionnaire().questions[who].kind.options()[chosen].label;
    assert_eq!(label, "Fue sobre todo decisión mía");
    // Choosing the language showing does nothing.
    assert!(update(&mut model, Msg::LanguageChosen { language: 1 }).is_empty());
    assert!(update(&mut model, Msg::LanguageChosen { language: 7 }).is_empty());
}

#[test]
fn a_note_as_drafted_follows_the_language_and_a_changed_one_stays() {
    let mut model = session_in("en");
    update(&mut model, Msg::StartClicked);
    write(&mut model, "helped-most", "Being listened to.");
    while model.screen() != Screen::Section(10) {
        update(&mut model, Msg::NextClicked);
    }
    let future = q(&model, "note-future-self");
    write(&mut model, "note-future-self", "My own words.");
    update(&mut model, Msg::LanguageChosen { language: 1 });
    let therapist = model.answers().get(q(&model, "note-therapist")).cloned();
    let Some(ending_well::Answer::Text(therapist)) = therapist else {
        panic!("a note")
    };
    assert!(therapist.starts_with("A mi terapeuta:"), "{therapist}");
    assert!(
        therapist.contains("Being listened to."),
        "the client's words stay as written"
    );
    assert_eq!(
        model.answers().get(future),
        Some(&ending_well::Answer::Text("My own words.".into()))
    );
}

/// The name the switcher gives the Arabic version.
fn arabic_name(versions: &[Version]) -> &str {
    versions
        .iter()
        .find(|v| v.language == "ar")
        .unwrap()
        .texts
        .language_name()
}

/// A small questionnaire in English with part of it in French and Arabic.
fn clinic_questionnaire() -> Value {
    json!({
        "id": "clinic",
        "title": { "en": "Before we finish", "fr": "Avant de finir", "ar": "قبل أن ننتهي" },
        "sections": [{
            "id": "one",
            "title": { "en": "How you feel", "fr": "Ce que vous ressentez", "ar": "ما تشعر به" },
            "questions": [
                {
                    "id": "mood",
                    "kind": "scale",
                    "text": { "en": "How are you today?", "ar": "كيف حالك اليوم؟" },
                    "min": 0, "max": 4,
                    "min_label": { "en": "Low", "fr": "Bas", "ar": "منخفض" },
                    "max_label": { "en": "Good", "fr": "Bien", "ar": "جيد" }
                },
                { "id": "more", "kind": "long_text", "text": "Anything else?", "hint": { "en": "Optional.", "fr": "Facultatif." } }
            ]
        }]
    })
}

#[test]
fn a_clinic_translation_falls_back_to_english_and_lists_what_is_missing() {
    let value = clinic_questionnaire();
    let (_, found, problems) = multilingual::localize(&value, "en", FileKind::Questionnaire);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(found.languages, ["en", "ar", "fr"]);
    assert_eq!(
        found.missing("fr"),
        [
            "sections[0].questions[0].text",
            "sections[0].questions[1].text"
        ]
    );
    assert_eq!(
        found.missing("ar"),
        [
            "sections[0].questions[1].text",
            "sections[0].questions[1].hint"
        ]
    );
    let settings =
        json!({ "interface": { "fr": { "start": "Commencer", "language_name": "Français" } } });
    let versions = catalog::prepare(value.clone(), settings, "options")
        .unwrap()
        .versions();
    let tags: Vec<&str> = versions.iter().map(|v| v.language.as_str()).collect();
    assert_eq!(tags, ["en", "ar", "fr"]);
    let french = &versions[2];
    assert_eq!(french.questionnaire.title, "Avant de finir");
    assert_eq!(french.questionnaire.questions[0].text, "How are you today?");
    assert_eq!(french.texts.start(), "Commencer");
    assert_eq!(
        arabic_name(&versions),
        "العربية",
        "a language without its name in the settings still has one"
    );
    assert_eq!(
        french.texts.back(),
        "Back",
        "interface text without French falls back to English"
    );
    let arabic = &versions[1];
    assert_eq!(arabic.direction, Direction::Rtl);
    assert_eq!(
        arabic.questionnaire.questions[1].hint.as_deref(),
        Some("\u{2068}Optional.\u{2069}")
    );
    // English standing in for Arabic is set apart for direction, so its punctuation stays put.
    assert_eq!(arabic.texts.back(), "\u{2068}Back\u{2069}");
    assert_eq!(
        arabic.texts.reminder_months(2),
        "\u{2068}In 2 months\u{2069}"
    );
}

#[test]
fn the_checker_lists_missing_translations_per_language() {
    let dir = std::env::temp_dir().join(format!("ending-well-languages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("clinic.json");
    std::fs::write(&file, clinic_questionnaire().to_string()).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ending-well"))
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "missing translations are not problems: {out}"
    );
    let name = file.to_string_lossy();
    for expected in [
        format!("{name}: ok (1 section, 2 questions, 0 conditional; languages: en, ar, fr)"),
        format!("{name}: \"fr\": 2 of 7 texts not translated (they show in \"en\"):"),
        format!("{name}:   sections[0].questions[0].text"),
        format!("{name}: \"ar\": 2 of 7 texts not translated (they show in \"en\"):"),
        format!("{name}:   sections[0].questions[1].hint"),
    ] {
        assert!(
            out.lines().any(|line| line == expected),
            "no line {expected:?} in\n{out}"
        );
    }
    assert!(out.contains("\"fr\": the buttons and messages have no built-in text"));
    assert!(!out.contains("\"es\""));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn bad_language_text_is_reported_with_its_path() {
    let mut value = clinic_questionnaire();
    value["sections"][0]["title"] = json!({ "english": "How you feel", "fr": "" });
    value["sections"][0]["questions"][1]["text"] = json!({});
    value["language"] = json!("English");
    let problems = ending_well::Questionnaire::from_value(&value).unwrap_err();
    let found: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for expected in [
        "sections[0].title.english: \"english\" is not a language code",
        "sections[0].title.fr: is empty",
        "sections[0].questions[1].text: has no text",
        "language: \"English\" is not a language code",
    ] {
        assert!(
            found.iter().any(|p| p.starts_with(expected)),
            "no {expected:?} in {found:#?}"
        );
    }
    let settings = json!({
        "languages": ["en", "de"],
        "interface": { "es": { "saved_at": "Guardado a las {hora}." }, "klingon": {} }
    });
    let problems = catalog::prepare(clinic_questionnaire(), settings, "options").unwrap_err();
    let found: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for expected in [
        "options.interface.es.saved_at: {hora} is not filled in here: use only {time}",
        "options.interface.klingon: \"klingon\" is not a language code",
    ] {
        assert!(
            found.iter().any(|p| p.starts_with(expected)),
            "no {expected:?} in {found:#?}"
        );
    }
    let settings = json!({ "languages": ["en", "de"] });
    let problems = catalog::prepare(clinic_questionnaire(), settings, "options").unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "options.languages[1]: the questionnaire has no text in \"de\": it has en, ar, fr"
    );
}

#[test]
fn a_clinic_can_offer_fewer_languages_and_reword_per_language() {
    let settings = json!({
        "languages": ["es"],
        "changes": { "reword": { "proud-of": { "text": { "es": "¿Qué te hace sentir bien de ti?" }, "hint": "English only." } } }
    });
    let catalog =
        catalog::prepare(catalog::default_questionnaire_value(), settings, "options").unwrap();
    let versions = catalog.versions();
    assert_eq!(versions.len(), 1);
    let spanish = &versions[0];
    let proud = spanish.questionnaire.question_index("proud-of").unwrap();
    let question = &spanish.questionnaire.questions[proud];
    assert_eq!(question.text, "¿Qué te hace sentir bien de ti?");
    // A rewording written once, without languages, is in the questionnaire's own language, so
    // the Spanish hint stays Spanish.
    assert_ne!(question.hint.as_deref(), Some("English only."));
    let model = Model::from_catalog(catalog, 0).unwrap();
    assert_eq!(model.languages().len(), 1);
    assert_eq!(model.texts().language, "es");
}

#[test]
fn right_to_left_languages_are_marked_in_the_summary_file() {
    let catalog = catalog::prepare(clinic_questionnaire(), json!({}), "options").unwrap();
    let mut model = Model::from_catalog(catalog, 1).unwrap();
    assert_eq!(model.languages()[1].direction.attribute(), "rtl");
    send(&mut model, [Msg::StartClicked]);
    let html = to_html(&model.summary(Output::Mine), model.texts());
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("قبل أن ننتهي"));
}

#[test]
fn saved_answers_come_back_in_the_language_they_were_written_in() {
    let mut spanish = session_in("es");
    update(&mut spanish, Msg::StartClicked);
    write(&mut spanish, "helped-most", "Hablar sin prisa.");
    let plaintext =
        ending_well::answers::draft::encode(spanish.questionnaire(), spanish.answers(), Some(0));
    assert!(plaintext.contains("\"language\":\"es\""), "{plaintext}");

    // Another day, on an English page: the welcome back screen is in English.
    let mut model = session_in("en");
    let envelope = ending_well::answers::draft::Envelope {
        version: 1,
        questionnaire: None,
        iterations: ending_well::answers::draft::ITERATIONS,
        salt: vec![1; 16],
        iv: vec![2; 12],
        ciphertext: vec![3; 48],
    }
    .to_json();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: Some(envelope),
        }],
    );
    assert_eq!(heading(&model), "Answers saved on this device");
    let effects = send(&mut model, [Msg::DraftDecrypted { plaintext }]);
    assert_eq!(effects.first(), Some(&Effect::LanguageChanged));
    assert_eq!(model.texts().language, "es");
    assert_eq!(heading(&model), "Cómo termina tu terapia");
    assert_eq!(
        model.answers().get(q(&model, "helped-most")),
        Some(&ending_well::Answer::Text("Hablar sin prisa.".into()))
    );
}

#[test]
fn one_language_taken_out_of_a_file_and_put_back() {
    use ending_well::languages::split::{put_back, take_out};
    let whole = json!({
        "title": {"en": "Ending", "es": "Final"},
        "intro": [{"en": "Hello", "es": "Hola"}, "plain text stays"],
        "odd/key~": {"text": {"en": "Odd", "es": "Raro"}},
        "only_spanish": {"es": "Solo"},
        "not_text": {"en": "A", "es": 2},
        "options": [{"id": "es", "label": {"en": "Yes", "es": "Sí"}}]
    });
    let mut without = whole.clone();
    let taken = take_out(&mut without, "es");
    assert_eq!(
        taken,
        [
            ("/intro/0", "Hola"),
            ("/odd~1key~0/text", "Raro"),
            ("/options/0/label", "Sí"),
        ]
        .map(|(at, text)| (at.to_owned(), text.to_owned()))
    );
    // The title keeps its Spanish; what is not a text object in two languages is left alone.
    assert_eq!(without["title"], whole["title"]);
    assert_eq!(without["intro"][0], json!({"en": "Hello"}));
    assert_eq!(without["only_spanish"], whole["only_spanish"]);
    assert_eq!(without["not_text"], whole["not_text"]);
    assert_eq!(without["options"][0]["id"], "es");
    assert!(put_back(&mut without, "es", &taken).is_empty());
    assert_eq!(without, whole);
    // Texts for another file: the pointers that lead nowhere are named, nothing else changes.
    let mut other = json!({"intro": "plain"});
    assert_eq!(
        put_back(&mut other, "es", &taken),
        ["/intro/0", "/odd~1key~0/text", "/options/0/label"]
    );
    assert_eq!(other, json!({"intro": "plain"}));
}
