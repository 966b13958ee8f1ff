//! The reflection on the built-in questionnaire: note drafts from the client's own answers, the
//! staying-well plan, support when the check-in shows distress, and quick exit.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{built_in as model, choose, enter_passphrase, q, send, tick, write};
use ending_well::format::catalog;
use ending_well::format::settings::{Settings, DEFAULT_EXIT_URL};
use ending_well::session::saving::{Dialog, Saving};
use ending_well::view::{save_bar, view, View};
use ending_well::{Answer, Effect, Focus, Model, Msg, Output, Questionnaire, Screen};

fn section_of(model: &Model, id: &str) -> usize {
    model
        .questionnaire()
        .sections
        .iter()
        .position(|s| s.id == id)
        .unwrap()
}

/// Goes to a section the way "Change" from the review does.
fn open_section(model: &mut Model, id: &str) {
    let first = model.questionnaire().sections[section_of(model, id)]
        .questions
        .start;
    send(model, [Msg::StartClicked]);
    while model.screen() != Screen::Review {
        send(model, [Msg::NextClicked]);
    }
    send(model, [Msg::ChangeClicked { question: first }]);
}

fn text(model: &Model, id: &str) -> Option<String> {
    match model.answers().get(q(model, id)) {
        Some(Answer::Text(text)) => Some(text.clone()),
        None => None,
        other => panic!("{id} has {other:?}"),
    }
}

fn answer_the_keeping_questions(model: &mut Model) {
    write(model, "helped-most", "Being listened to without judgement.");
    write(model, "proud-of", "Asking for help");
    tick(model, "skills", "calm-body", true);
    tick(model, "skills", "writing", true);
    write(model, "never-said", "You made a difference.");
    write(model, "warning-signs", "Sleeping badly");
    write(model, "setback-plan", "Call my sister");
    write(model, "first-step", "Walk on Monday");
    write(model, "who-can-help", "Sam, 07700 900123");
    tick(model, "support-people", "friends", true);
}

#[test]
fn the_note_to_the_therapist_starts_plainly_from_the_clients_own_words() {
    let mut model = model();
    answer_the_keeping_questions(&mut model);
    open_section(&mut model, "notes");
    let note = text(&model, "note-therapist").expect("a draft");
    assert_eq!(
        note,
        "To my therapist,\n\n\
         Here are some things I would like you to know before we finish.\n\n\
         What helped me most:\nBeing listened to without judgement.\n\n\
         Something I am proud of:\nAsking for help\n\n\
         What I would like to keep doing:\n\
         - Calming my body, like slow breathing\n\
         - Writing things down"
    );
    // What the client wrote "just for yourself" stays out, and nothing is promised for them.
    assert!(!note.contains("You made a difference."), "{note}");
    for promise in ["Thank you", "you know what to do", "With thanks"] {
        assert!(!note.contains(promise), "{promise} in {note}");
    }
}

#[test]
fn the_note_thanks_the_therapist_only_when_the_client_said_they_feel_grateful() {
    let mut model = model();
    write(&mut model, "helped-most", "Being heard.");
    tick(&mut model, "feelings", "anger", true);
    open_section(&mut model, "notes");
    assert!(!text(&model, "note-therapist").unwrap().contains("Thank"));
    tick(&mut model, "toward-therapist", "gratitude", true);
    open_section(&mut model, "notes");
    let note = text(&model, "note-therapist").unwrap();
    assert!(
        note.starts_with("To my therapist,\n\nThank you for our work together."),
        "{note}"
    );
}

#[test]
fn a_draft_follows_the_answers_until_the_client_writes_in_it() {
    let mut model = model();
    write(&mut model, "proud-of", "Asking for help");
    open_section(&mut model, "notes");
    assert!(text(&model, "note-therapist")
        .unwrap()
        .contains("Asking for help"));
    write(&mut model, "proud-of", "Going back to work");
    open_section(&mut model, "notes");
    let note = text(&model, "note-therapist").unwrap();
    assert!(note.contains("Going back to work"), "{note}");
    assert!(!note.contains("Asking for help"), "{note}");

    write(
        &mut model,
        "note-therapist",
        &format!("{note}\nSee you Tuesday."),
    );
    write(&mut model, "proud-of", "Something else entirely");
    open_section(&mut model, "notes");
    let note = text(&model, "note-therapist").unwrap();
    assert!(note.ends_with("See you Tuesday."), "{note}");
    assert!(note.contains("Going back to work"), "{note}");
}

#[test]
fn a_cleared_note_stays_clear_and_an_empty_session_gets_no_draft() {
    let mut model = model();
    open_section(&mut model, "notes");
    assert_eq!(
        text(&model, "note-therapist"),
        None,
        "nothing to start from"
    );

    let mut model = self::model();
    answer_the_keeping_questions(&mut model);
    open_section(&mut model, "notes");
    let therapist = q(&model, "note-therapist");
    send(
        &mut model,
        [Msg::AnswerCleared {
            question: therapist,
        }],
    );
    write(&mut model, "proud-of", "Something new");
    send(&mut model, [Msg::NextClicked]);
    open_section(&mut model, "notes");
    assert_eq!(
        text(&model, "note-therapist"),
        None,
        "the draft does not come back"
    );
    assert!(text(&model, "note-future-self").is_some());
}

#[test]
fn the_note_to_the_future_self_holds_early_signs_and_who_to_contact() {
    let mut model = model();
    answer_the_keeping_questions(&mut model);
    open_section(&mut model, "notes");
    let note = text(&model, "note-future-self").unwrap();
    for part in [
        "To me, in the months ahead,",
        "Early signs that things are getting harder:\nSleeping badly",
        "Who I can contact:\n- Sam, 07700 900123\n- Friends",
        "If things get harder:\nCall my sister",
    ] {
        assert!(note.contains(part), "{part} in {note}");
    }
    assert!(!note.contains("You did real work"), "{note}");
}

#[test]
fn a_note_to_the_next_therapist_is_offered_only_when_moving_to_one() {
    let mut model = model();
    let next = q(&model, "note-next-therapist");
    assert!(!model.visibility()[next]);
    choose(&mut model, "who-decided", "moving-on");
    assert!(model.visibility()[next]);
    write(&mut model, "next-therapist-know", "I find mornings hard.");
    write(&mut model, "goals-next", "Sleep better");
    open_section(&mut model, "notes");
    let note = text(&model, "note-next-therapist").unwrap();
    assert!(note.starts_with("To my next therapist,"), "{note}");
    assert!(
        note.contains("What I would like you to know:\nI find mornings hard."),
        "{note}"
    );
    assert!(note.contains("Sleep better"), "{note}");
    // It goes into "To bring" like the note to the therapist; the future self's stays out.
    let bring = model.summary(Output::Bring);
    let titles: Vec<&str> = bring.notes.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["My note to my next therapist"]);
}

#[test]
fn the_staying_well_plan_follows_the_blueprint_and_adds_the_clinics_contacts() {
    let settings = Settings::from_value(&serde_json::json!({
        "support": { "resources": [{ "name": "Clinic duty line", "phone": "01632 960 000" }] },
        "coming_back": {
            "intro": "You can come back within a year without a new referral.",
            "resources": [{ "name": "Reception", "email": "reception@clinic.example" }]
        }
    }))
    .unwrap();
    let mut model = Model::with_settings(Questionnaire::default_questionnaire().unwrap(), settings);
    answer_the_keeping_questions(&mut model);
    write(&mut model, "high-risk", "The anniversary in March");
    write(&mut model, "practice-plan", "Breathing every morning");
    open_section(&mut model, "notes");
    write(&mut model, "note-future-self", "Remember the river walks.");
    let summary = model.summary(Output::Mine);
    let plan = summary.plan.expect("a plan");
    let headings: Vec<&str> = plan.parts.iter().map(|p| p.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "What I learned, and what helped",
            "Early signs that things are getting harder",
            "Times that may be harder",
            "What I will keep practising",
            "Who can help, and how",
            "If I have a setback",
        ]
    );
    assert_eq!(
        plan.parts[3].items,
        [
            "Calming my body, like slow breathing",
            "Writing things down",
            "Breathing every morning",
            "Walk on Monday"
        ]
    );
    assert_eq!(plan.support.resources[0].name, "Clinic duty line");
    assert_eq!(
        plan.coming_back.intro.as_deref(),
        Some("You can come back within a year without a new referral.")
    );
    let text =
        ending_well::reflection::export::to_plain_text(&model.summary(Output::Mine), model.texts());
    for part in [
        "My staying-well plan",
        "Support contacts\n  - Clinic duty line\n    Call: 01632 960 000",
        "Coming back\n  - You can come back within a year without a new referral.\n  - Reception\n    Email: reception@clinic.example",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    // It never assumes that therapy worked.
    assert!(!text.to_lowercase().contains("progress"), "{text}");
    let notes: Vec<&str> = summary.notes.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(
        notes,
        ["My note to my therapist", "My note to my future self"]
    );
    assert_eq!(summary.notes[1].text, "Remember the river walks.");
}

#[test]
fn distress_in_the_check_in_brings_support_inline_and_says_so() {
    let mut model = model();
    open_section(&mut model, "check-in");
    let how_hard = q(&model, "how-hard-now");
    let effects = send(
        &mut model,
        [Msg::ScalePointChosen {
            question: how_hard,
            value: 5,
        }],
    );
    assert!(!model.support_needed());
    assert!(!effects.iter().any(|e| matches!(e, Effect::Announce(_))));
    let effects = send(
        &mut model,
        [Msg::ScalePointChosen {
            question: how_hard,
            value: 9,
        }],
    );
    assert!(model.support_needed());
    assert!(effects.contains(&Effect::Announce(
        "Support contacts are shown below.".into()
    )));

    let mut model = self::model();
    choose(&mut model, "feeling-now", "overwhelmed");
    assert!(model.support_needed());
    choose(&mut model, "feeling-now", "calm");
    assert!(!model.support_needed());
}

#[test]
fn quick_exit_forgets_the_answers_and_keeps_the_encrypted_draft_by_default() {
    let mut model = model();
    send(
        &mut model,
        [
            Msg::StorageChecked {
                available: true,
                stored: None,
            },
            Msg::SaveClicked,
        ],
    );
    enter_passphrase(&mut model, "a long phrase");
    write(&mut model, "proud-of", "Private");
    let effects = send(&mut model, [Msg::QuickExitClicked]);
    assert_eq!(
        effects,
        [Effect::QuickExit {
            url: DEFAULT_EXIT_URL.into(),
            delete_draft: false
        }]
    );
    assert_eq!(model.answers().count(), 0);
    assert_eq!(*model.saving(), Saving::Kept, "the draft stays, closed");

    let settings = Settings::from_value(&serde_json::json!({
        "quick_exit": { "url": "/", "delete_draft": true }
    }))
    .unwrap();
    let mut model = Model::with_settings(Questionnaire::default_questionnaire().unwrap(), settings);
    assert_eq!(
        send(&mut model, [Msg::QuickExitClicked]),
        [Effect::QuickExit {
            url: "/".into(),
            delete_draft: true
        }]
    );
}

#[test]
fn shift_three_times_within_five_seconds_leaves() {
    let mut model = model();
    write(&mut model, "proud-of", "Private");
    let press = |model: &mut Model, at: u64| send(model, [Msg::ShiftPressedAlone { at }]);
    assert_eq!(
        press(&mut model, 10_000),
        [Effect::Announce(
            "Press Shift 2 more times to leave this page.".into()
        )]
    );
    assert_eq!(
        press(&mut model, 16_000),
        [Effect::Announce(
            "Press Shift 2 more times to leave this page.".into()
        )],
        "the first press is too old to count"
    );
    assert_eq!(
        press(&mut model, 17_000),
        [Effect::Announce(
            "Press Shift 1 more time to leave this page.".into()
        )]
    );
    assert!(matches!(
        press(&mut model, 20_500)[..],
        [Effect::QuickExit { .. }]
    ));
    assert_eq!(model.answers().count(), 0);
}

#[test]
fn a_page_brought_back_after_quick_exit_is_fresh() {
    let mut model = model();
    write(&mut model, "proud-of", "Private");
    send(&mut model, [Msg::StartClicked, Msg::QuickExitClicked]);
    let effects = send(&mut model, [Msg::PageRestored]);
    assert_eq!(model.screen(), Screen::Intro);
    assert_eq!(model.answers().count(), 0);
    assert!(effects.contains(&Effect::RefreshSaveBar));
    // Not even the introduction shows until the client chooses to continue.
    assert!(matches!(view(&model), View::Paused));
    send(&mut model, [Msg::ContinueClicked]);
    assert!(matches!(view(&model), View::Intro(_)));
}

#[test]
fn a_page_kept_for_back_shows_only_a_neutral_step_until_the_client_continues() {
    let mut model = model();
    send(&mut model, [Msg::StartClicked]);
    write(&mut model, "what-brought-you", "Private words");
    send(&mut model, [Msg::SupportClicked]);
    let effects = send(&mut model, [Msg::PageHidden]);
    assert_eq!(
        effects,
        [
            Effect::ShowDialog,
            Effect::ShowScreen(Focus::Heading),
            Effect::RefreshSaveBar
        ]
    );
    assert!(matches!(view(&model), View::Paused));
    assert_eq!(model.dialog(), None, "the support dialog closed");
    assert!(
        !save_bar(&model).shown,
        "nothing says that someone saved here"
    );
    assert_eq!(
        model.texts().paused_heading(),
        "This page is paused",
        "the step names nothing of what is behind it"
    );

    // Continue: the section as the client left it, with their words.
    let effects = send(&mut model, [Msg::ContinueClicked]);
    assert_eq!(
        effects,
        [Effect::ShowScreen(Focus::Heading), Effect::RefreshSaveBar]
    );
    assert!(matches!(view(&model), View::Section(_)));
    assert!(save_bar(&model).shown);
    let question = q(&model, "what-brought-you");
    assert_eq!(
        model.answers().get(question),
        Some(&Answer::Text("Private words".into()))
    );
    assert_eq!(send(&mut model, [Msg::ContinueClicked]), [], "once only");
}

#[test]
fn forward_onto_a_widget_entry_covers_welcome_back_until_the_client_continues() {
    let mut model = model();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: Some("{\"v\":1}".into()),
        }],
    );
    assert!(matches!(view(&model), View::Resume(_)));
    send(&mut model, [Msg::ReturnedThroughHistory]);
    assert!(matches!(view(&model), View::Paused));
    send(&mut model, [Msg::ContinueClicked]);
    assert!(matches!(view(&model), View::Resume(_)));
}

#[test]
fn the_browser_asks_before_leaving_only_if_the_clinic_chose_it() {
    let mut model = model();
    send(&mut model, [Msg::StartClicked]);
    write(&mut model, "what-brought-you", "Unsaved words");
    assert!(model.has_unsaved_answers());
    assert!(!model.asks_before_leaving(), "off by default");
    let settings =
        Settings::from_value(&serde_json::json!({ "ask_before_leaving": true })).unwrap();
    let mut asking =
        Model::with_settings(Questionnaire::default_questionnaire().unwrap(), settings);
    assert!(!asking.asks_before_leaving(), "nothing to lose yet");
    send(&mut asking, [Msg::StartClicked]);
    write(&mut asking, "what-brought-you", "Unsaved words");
    assert!(asking.asks_before_leaving());
}

#[test]
fn the_shared_device_help_opens_from_anywhere_and_names_what_stays_behind() {
    let mut model = model();
    assert_eq!(
        send(&mut model, [Msg::SharedDeviceClicked]),
        [Effect::ShowDialog]
    );
    assert_eq!(model.dialog(), Some(&Dialog::SharedDevice));
    let texts = model.texts();
    for (what, text) in [
        ("downloads", &texts.shared_downloads()),
        ("clipboard", &texts.shared_clipboard()),
        ("history", &texts.shared_history()),
        ("delete", &texts.shared_saved()),
    ] {
        assert!(text.to_lowercase().contains(what), "{what}: {text}");
    }
    send(&mut model, [Msg::DialogCancelled]);
    assert_eq!(model.dialog(), None);
}

#[test]
fn the_five_minute_version_asks_a_few_questions_and_gives_the_same_outputs() {
    let options = serde_json::json!({ "built_in": "short", "clinic": "Harbour Lane Therapy" });
    let questionnaire = catalog::questionnaire_of(&options).unwrap();
    let catalog = catalog::prepare(questionnaire, options, "options").unwrap();
    let mut model = Model::from_catalog(catalog, 0).unwrap();
    assert_eq!(model.questionnaire().id, "ending-therapy-short");
    let asked = model
        .questionnaire()
        .questions
        .iter()
        .filter(|q| {
            !matches!(
                q.kind,
                ending_well::QuestionKind::Info | ending_well::QuestionKind::Note(_)
            )
        })
        .count();
    assert!(
        (6..=8).contains(&asked),
        "{asked} questions besides the notes"
    );

    choose(&mut model, "who-decided", "together");
    tick(&mut model, "feelings", "gratitude", true);
    write(&mut model, "helped-most", "Being listened to.");
    write(&mut model, "warning-signs", "Sleeping badly");
    open_section(&mut model, "notes");
    let note = text(&model, "note-therapist").expect("a draft");
    assert!(note.contains("Being listened to."), "{note}");
    let bring = model.summary(Output::Bring);
    assert_eq!(bring.clinic.as_deref(), Some("Harbour Lane Therapy"));
    assert!(!bring.last_session.is_empty(), "For my last session");
    assert_eq!(bring.notes.len(), 1, "the note to the therapist");
    let mine = model.summary(Output::Mine);
    assert!(mine.plan.is_some_and(|plan| !plan.parts.is_empty()));
    // The same safe response as the full questionnaire.
    assert!(model.questionnaire().safety_when.is_some());
}
