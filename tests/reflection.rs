//! The reflection on the built-in questionnaire: note drafts from the client's own answers, the
//! "keeping what I gained" plan, support when the check-in shows distress, and quick exit.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, enter_passphrase, q, send, tick, write};
use ending_well::format::settings::{Settings, DEFAULT_EXIT_URL};
use ending_well::session::saving::{Dialog, Saving};
use ending_well::view::{save_bar, view, View};
use ending_well::{Answer, Effect, Focus, Model, Msg, Questionnaire, Screen};

fn model() -> Model {
    Model::new(Questionnaire::default_questionnaire().unwrap())
}

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
    write(model, "never-said", "You made a difference.");
    write(model, "warning-signs", "Sleeping badly");
    write(model, "setback-plan", "Call my sister");
    write(model, "first-step", "Walk on Monday");
    tick(model, "support-people", "friends", true);
}

#[test]
fn the_note_to_the_therapist_starts_from_the_clients_own_words() {
    let mut model = model();
    answer_the_keeping_questions(&mut model);
    open_section(&mut model, "notes");
    let note = text(&model, "note-therapist").expect("a draft");
    assert!(note.starts_with("To my therapist,"), "{note}");
    for words in [
        "Being listened to without judgement.",
        "Asking for help",
        "You made a difference.",
        "Walk on Monday",
    ] {
        assert!(note.contains(words), "{words} in {note}");
    }
    let future = text(&model, "note-future-self").expect("a draft");
    assert!(
        future.contains("If things get hard:\nCall my sister"),
        "{future}"
    );
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
    write(&mut model, "note-therapist", "");
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
fn the_summary_has_a_plan_and_the_notes_apart() {
    let mut model = model();
    answer_the_keeping_questions(&mut model);
    open_section(&mut model, "notes");
    write(&mut model, "note-future-self", "Remember the river walks.");
    let summary = model.summary();
    let plan: Vec<(&str, Vec<&str>)> = summary
        .plan
        .iter()
        .map(|part| {
            (
                part.heading.as_str(),
                part.items.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        plan[0],
        ("Early signs to watch for", vec!["Sleeping badly"])
    );
    assert_eq!(plan[1].0, "What helps me");
    assert!(plan[1].1.contains(&"Walk on Monday"));
    assert_eq!(plan[2].0, "Who I can contact");
    assert_eq!(plan[3], ("If I have a setback", vec!["Call my sister"]));
    let notes: Vec<&str> = summary.notes.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(
        notes,
        ["A note to your therapist", "A note to your future self"]
    );
    assert_eq!(summary.notes[1].text, "Remember the river walks.");
    assert!(summary
        .sections
        .iter()
        .all(|s| s.items.iter().all(|i| !i.text.starts_with("A note"))));
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
    choose(&mut model, "feeling-now", "harm-thoughts");
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
        model.texts().paused_heading,
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
        ("downloads", &texts.shared_downloads),
        ("clipboard", &texts.shared_clipboard),
        ("history", &texts.shared_history),
        ("delete", &texts.shared_saved),
    ] {
        assert!(text.to_lowercase().contains(what), "{what}: {text}");
    }
    send(&mut model, [Msg::DialogCancelled]);
    assert_eq!(model.dialog(), None);
}
