//! Saving on this device, opt-in only: the session asks the page to store nothing unless the
//! client chose it, never writes over a draft it could not open, and deletes on request.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{choose, enter_passphrase, q, send, small, write};
use ending_well::answers::draft::{self, DraftProblem, Envelope, ENVELOPE_VERSION, ITERATIONS};
use ending_well::session::saving::{
    Dialog, DraftSource, PassphraseProblem, PassphrasePurpose, Saving, UnlockProblem,
};
use ending_well::view::save_bar;
use ending_well::{update, Effect, Focus, Model, Msg, Output, Screen};

fn stores(effects: &[Effect]) -> bool {
    effects.iter().any(|effect| {
        matches!(
            effect,
            Effect::StartSaving { .. } | Effect::SaveDraft { .. } | Effect::DownloadBackup { .. }
        )
    })
}

fn envelope_json() -> String {
    Envelope {
        version: 1,
        questionnaire: None,
        iterations: ITERATIONS,
        salt: vec![1; 16],
        iv: vec![2; 12],
        ciphertext: vec![3; 48],
    }
    .to_json()
}

/// A session that found nothing stored and chose to save with a good passphrase.
fn saving_model() -> (Model, Vec<Effect>) {
    let mut model = small();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: None,
        }],
    );
    send(&mut model, [Msg::SaveClicked]);
    let effects = enter_passphrase(&mut model, "blue kettle morning");
    (model, effects)
}

#[test]
fn without_opting_in_nothing_is_ever_stored() {
    let mut model = small();
    let mut all = send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: None,
        }],
    );
    all.extend(send(&mut model, [Msg::StartClicked]));
    all.extend(choose(&mut model, "who-decided", "me"));
    all.extend(write(&mut model, "weeks-known", "A month"));
    all.extend(send(
        &mut model,
        [
            Msg::NextClicked,
            Msg::NextClicked,
            Msg::NextClicked,
            Msg::SummaryClicked,
        ],
    ));
    all.extend(send(&mut model, [Msg::DownloadTextClicked(Output::Mine)]));
    assert!(!stores(&all), "{all:#?}");
    assert_eq!(*model.saving(), Saving::Off);
    assert_eq!(
        save_bar(&model).status,
        "Your answers are only in this page. Nothing is stored on this device."
    );
}

#[test]
fn a_new_passphrase_must_be_long_enough_and_typed_twice_alike() {
    let mut model = small();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: None,
        }],
    );
    assert_eq!(send(&mut model, [Msg::SaveClicked]), [Effect::ShowDialog]);
    let submit = |model: &mut Model, a: &str, b: &str| {
        update(
            model,
            Msg::PassphraseSubmitted {
                passphrase: a.into(),
                confirmation: b.into(),
            },
        )
    };
    assert!(!stores(&submit(&mut model, "short", "short")));
    assert_eq!(
        model.dialog(),
        Some(&Dialog::Passphrase {
            purpose: PassphrasePurpose::Save,
            problem: Some(PassphraseProblem::TooShort)
        })
    );
    assert!(!stores(&submit(
        &mut model,
        "long enough one",
        "long enough two"
    )));
    assert!(matches!(
        model.dialog(),
        Some(Dialog::Passphrase {
            problem: Some(PassphraseProblem::Mismatch),
            ..
        })
    ));
    send(&mut model, [Msg::DialogCancelled]);
    assert_eq!(model.dialog(), None);
    assert_eq!(*model.saving(), Saving::Off);
}

#[test]
fn once_opted_in_every_change_is_saved_and_the_time_shown() {
    let (mut model, effects) = saving_model();
    assert_eq!(model.dialog(), None);
    let Some(Effect::StartSaving { passphrase, draft }) = effects
        .iter()
        .find(|e| matches!(e, Effect::StartSaving { .. }))
    else {
        panic!("saving starts: {effects:#?}")
    };
    assert_eq!(passphrase, "blue kettle morning");
    assert!(draft.contains("\"questionnaire\":\"small\""));
    assert_eq!(save_bar(&model).status, "Saving on this device…");
    assert!(!save_bar(&model).can_save);

    let effects = write(&mut model, "weeks-known", "Two weeks");
    let saved = effects.iter().find_map(|e| match e {
        Effect::SaveDraft { draft } => Some(draft.clone()),
        _ => None,
    });
    assert!(saved.unwrap().contains("Two weeks"));
    let effects = send(
        &mut model,
        [Msg::DraftSaved {
            time: "14:32".into(),
        }],
    );
    assert_eq!(save_bar(&model).status, "Saved on this device at 14:32.");
    assert!(effects
        .iter()
        .any(|e| matches!(e, Effect::Announce(m) if m.starts_with("Your answers are now saved"))));
    let effects = send(
        &mut model,
        [Msg::DraftSaved {
            time: "14:33".into(),
        }],
    );
    assert_eq!(
        effects,
        [Effect::RefreshSaveBar],
        "later saves are not spoken"
    );
}

#[test]
fn storage_that_fails_keeps_the_answers_in_the_page() {
    let (mut model, _) = saving_model();
    write(&mut model, "weeks-known", "Two weeks");
    let effects = send(&mut model, [Msg::SaveFailed]);
    assert_eq!(*model.saving(), Saving::Unavailable);
    assert!(effects
        .iter()
        .any(|e| matches!(e, Effect::Announce(m) if m.starts_with("Saving stopped"))));
    assert!(model.answers().get(q(&model, "weeks-known")).is_some());
    assert!(!stores(&write(&mut model, "weeks-known", "Three weeks")));
}

#[test]
fn storage_that_is_blocked_is_said_and_saving_is_not_offered() {
    let mut model = small();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: false,
            stored: None,
        }],
    );
    assert!(!save_bar(&model).can_save);
    let effects = send(&mut model, [Msg::SaveClicked]);
    assert!(!stores(&effects));
    assert!(
        matches!(&effects[..], [Effect::Announce(m)] if m.starts_with("Saving is not available"))
    );
}

#[test]
fn a_stored_draft_asks_for_its_passphrase_and_a_wrong_one_changes_nothing() {
    let mut model = small();
    let stored = envelope_json();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: Some(stored.clone()),
        }],
    );
    assert_eq!(model.screen(), Screen::Resume);
    assert_eq!(*model.saving(), Saving::Kept);
    let effects = send(
        &mut model,
        [Msg::UnlockSubmitted {
            passphrase: "guess".into(),
        }],
    );
    assert_eq!(
        effects,
        [Effect::Decrypt {
            passphrase: "guess".into(),
            envelope: Envelope::from_json(&stored).unwrap(),
            keep_key: true
        }]
    );
    let effects = send(&mut model, [Msg::DecryptFailed]);
    assert_eq!(effects, [Effect::ShowScreen(Focus::Error)]);
    assert_eq!(
        model.unlock().unwrap().problem,
        Some(UnlockProblem::WrongPassphrase)
    );
    assert_eq!(
        *model.saving(),
        Saving::Kept,
        "the draft is still kept as it was"
    );
}

#[test]
fn the_right_passphrase_brings_the_answers_back_where_the_client_was() {
    let mut model = small();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: Some(envelope_json()),
        }],
    );
    let mut earlier = small();
    choose(&mut earlier, "who-decided", "me");
    write(&mut earlier, "weeks-known", "Since May");
    let plaintext = draft::encode(earlier.questionnaire(), earlier.answers(), Some(1));
    let effects = send(&mut model, [Msg::DraftDecrypted { plaintext }]);
    assert_eq!(model.answers(), earlier.answers());
    assert_eq!(model.screen(), Screen::Section(1));
    assert_eq!(
        *model.saving(),
        Saving::On {
            saved_at: None,
            announce_next: false
        },
        "saving carries on"
    );
    assert!(effects.contains(&Effect::Announce(
        "Your saved answers are back. Section 2 of 4: Feelings".into()
    )));
}

#[test]
fn a_damaged_draft_is_never_written_over_until_the_client_deletes_it() {
    for stored in [
        "{\"v\":1,\"kdf\":\"PBKDF2-SHA",
        "{\"v\":9,\"kdf\":\"x\"}",
        "[1,2,3]",
    ] {
        let mut model = small();
        send(
            &mut model,
            [Msg::StorageChecked {
                available: true,
                stored: Some(stored.into()),
            }],
        );
        assert_eq!(model.screen(), Screen::Resume);
        assert!(matches!(
            model.unlock().unwrap().problem,
            Some(UnlockProblem::Draft(_))
        ));
        assert!(send(
            &mut model,
            [Msg::UnlockSubmitted {
                passphrase: "anything".into()
            }]
        )
        .is_empty());

        let mut all = send(&mut model, [Msg::ContinueWithoutOpeningClicked]);
        assert_eq!(model.screen(), Screen::Intro);
        all.extend(send(&mut model, [Msg::StartClicked]));
        all.extend(write(&mut model, "weeks-known", "New words"));
        all.extend(send(&mut model, [Msg::SaveClicked]));
        assert!(!stores(&all), "{stored}: {all:#?}");
        assert!(!all.contains(&Effect::DeleteStored));

        send(&mut model, [Msg::DeleteClicked]);
        let effects = send(&mut model, [Msg::DeleteConfirmed]);
        assert!(effects.contains(&Effect::DeleteStored));
        assert_eq!(*model.saving(), Saving::Off, "saving can start again");
    }
}

#[test]
fn a_draft_from_another_questionnaire_is_refused_after_opening() {
    let mut model = small();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: Some(envelope_json()),
        }],
    );
    let effects = send(
        &mut model,
        [Msg::DraftDecrypted {
            plaintext: r#"{"questionnaire":"other","answers":{}}"#.into(),
        }],
    );
    assert_eq!(effects, [Effect::ShowScreen(Focus::Heading)]);
    assert!(matches!(
        model.unlock().unwrap().problem,
        Some(UnlockProblem::Draft(_))
    ));
    assert_eq!(*model.saving(), Saving::Kept);
}

#[test]
fn delete_everything_works_from_any_screen_and_asks_first() {
    let (mut model, _) = saving_model();
    send(&mut model, [Msg::StartClicked, Msg::NextClicked]);
    write(&mut model, "note-therapist", "Private words");
    assert_eq!(send(&mut model, [Msg::DeleteClicked]), [Effect::ShowDialog]);
    assert_eq!(model.dialog(), Some(&Dialog::ConfirmDelete));
    send(&mut model, [Msg::DialogCancelled]);
    assert!(
        model.answers().get(q(&model, "note-therapist")).is_some(),
        "cancel keeps them"
    );

    send(&mut model, [Msg::DeleteClicked]);
    let effects = send(&mut model, [Msg::DeleteConfirmed]);
    assert!(effects.contains(&Effect::DeleteStored));
    assert_eq!(model.answers().count(), 0);
    assert_eq!(model.screen(), Screen::Intro);
    assert_eq!(*model.saving(), Saving::Off);
    assert!(effects
        .iter()
        .any(|e| matches!(e, Effect::Announce(m) if m.starts_with("Your answers were deleted"))));
}

#[test]
fn a_backup_is_made_without_storing_and_opened_from_a_file() {
    let mut model = small();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: None,
        }],
    );
    write(&mut model, "weeks-known", "Since May");
    send(&mut model, [Msg::BackupClicked]);
    let effects = enter_passphrase(&mut model, "a long phrase");
    assert!(
        matches!(&effects[1], Effect::DownloadBackup { draft, .. } if draft.contains("Since May"))
    );
    assert_eq!(
        *model.saving(),
        Saving::Off,
        "a backup stores nothing on the device"
    );

    let mut other = small();
    send(
        &mut other,
        [Msg::BackupFileRead {
            text: envelope_json(),
        }],
    );
    assert_eq!(other.screen(), Screen::Resume);
    assert_eq!(other.unlock().unwrap().source, DraftSource::File);
    let effects = send(
        &mut other,
        [Msg::UnlockSubmitted {
            passphrase: "a long phrase".into(),
        }],
    );
    assert!(matches!(
        &effects[0],
        Effect::Decrypt {
            keep_key: false,
            ..
        }
    ));
    let plaintext = draft::encode(model.questionnaire(), model.answers(), None);
    send(&mut other, [Msg::DraftDecrypted { plaintext }]);
    assert_eq!(other.answers(), model.answers());
    assert_eq!(*other.saving(), Saving::Off);
}

#[test]
fn each_output_downloads_as_text_and_as_a_web_page() {
    let mut model = small();
    write(&mut model, "weeks-known", "Since May");
    let [Effect::Download {
        filename,
        mime,
        content,
    }] = &send(&mut model, [Msg::DownloadTextClicked(Output::Mine)])[..]
    else {
        panic!("one download")
    };
    assert_eq!(filename, "ending-well-just-for-me.txt");
    assert!(mime.starts_with("text/plain"));
    assert!(content.contains("Since May"));
    let [Effect::Download {
        filename, content, ..
    }] = &send(&mut model, [Msg::DownloadHtmlClicked(Output::Mine)])[..]
    else {
        panic!("one download")
    };
    assert_eq!(filename, "ending-well-just-for-me.html");
    assert!(content.contains("<dd>Since May</dd>"));
    // "To bring" holds only what the client chose: not this answer, until they tick it.
    let [Effect::Download {
        filename, content, ..
    }] = &send(&mut model, [Msg::DownloadTextClicked(Output::Bring)])[..]
    else {
        panic!("one download")
    };
    assert_eq!(filename, "ending-well-to-bring.txt");
    assert!(!content.contains("Since May"), "{content}");
    let weeks = q(&model, "weeks-known");
    send(
        &mut model,
        [Msg::BringChosen {
            question: weeks,
            bring: true,
        }],
    );
    let [Effect::Download { content, .. }] =
        &send(&mut model, [Msg::DownloadHtmlClicked(Output::Bring)])[..]
    else {
        panic!("one download")
    };
    assert!(content.contains("<dd>Since May</dd>"), "{content}");
}

#[test]
fn only_answers_not_saved_on_the_device_make_the_browser_ask_before_leaving() {
    let mut model = small();
    assert!(!model.has_unsaved_answers(), "nothing to lose yet");
    send(&mut model, [Msg::StartClicked]);
    choose(&mut model, "who-decided", "me");
    assert!(model.has_unsaved_answers(), "an answer only in this page");
    send(&mut model, [Msg::DeleteClicked, Msg::DeleteConfirmed]);
    assert!(!model.has_unsaved_answers(), "deleted: nothing to lose");
    let (mut saving, _) = saving_model();
    choose(&mut saving, "who-decided", "me");
    assert!(
        !saving.has_unsaved_answers(),
        "saved on the device as it changes"
    );
    let mut exited = small();
    choose(&mut exited, "who-decided", "me");
    send(&mut exited, [Msg::QuickExitClicked]);
    assert!(
        !exited.has_unsaved_answers(),
        "quick exit forgets the answers"
    );
}

#[test]
fn another_tab_saving_the_same_draft_stops_this_one_writing_until_the_client_chooses() {
    let (mut model, _) = saving_model();
    send(
        &mut model,
        [Msg::DraftSaved {
            time: "14:32".into(),
        }],
    );
    write(&mut model, "weeks-known", "Two weeks");

    let effects = send(
        &mut model,
        [Msg::StoredElsewhere {
            stored: Some(envelope_json()),
        }],
    );
    assert_eq!(*model.saving(), Saving::Elsewhere);
    let bar = save_bar(&model);
    assert_eq!(
        bar.status,
        "Your saved answers were changed in another tab or window. This tab has stopped saving, \
         so nothing is written over them."
    );
    assert!(bar.can_save_here && !bar.can_save);
    assert!(effects.contains(&Effect::Announce(bar.status.clone())));

    // Answering more writes nothing, and the browser asks before the tab closes.
    let effects = write(&mut model, "weeks-known", "Three weeks");
    assert!(!stores(&effects), "{effects:?}");
    assert!(model.has_unsaved_answers());

    // The client chooses to keep this tab's answers.
    let effects = send(&mut model, [Msg::SaveHereClicked]);
    assert!(matches!(model.saving(), Saving::On { .. }));
    assert_eq!(effects[0], Effect::ClaimStored, "claimed before the write");
    assert!(stores(&effects));
    assert!(!save_bar(&model).can_save_here);
}

#[test]
fn another_tab_saving_before_this_one_opened_the_draft_updates_what_opens() {
    let mut model = small();
    send(
        &mut model,
        [Msg::StorageChecked {
            available: true,
            stored: Some(envelope_json()),
        }],
    );
    let newer = Envelope {
        version: 1,
        questionnaire: None,
        iterations: ITERATIONS,
        salt: vec![7; 16],
        iv: vec![8; 12],
        ciphertext: vec![9; 48],
    };
    send(
        &mut model,
        [Msg::StoredElsewhere {
            stored: Some(newer.to_json()),
        }],
    );
    assert_eq!(*model.saving(), Saving::Kept);
    let effects = send(
        &mut model,
        [Msg::UnlockSubmitted {
            passphrase: "blue kettle morning".into(),
        }],
    );
    assert_eq!(
        effects,
        [Effect::Decrypt {
            passphrase: "blue kettle morning".into(),
            envelope: newer,
            keep_key: true
        }],
        "the newest draft is the one opened"
    );
}

#[test]
fn a_draft_deleted_in_another_tab_is_not_brought_back_unasked() {
    let (mut model, _) = saving_model();
    send(&mut model, [Msg::StoredElsewhere { stored: None }]);
    assert_eq!(*model.saving(), Saving::Elsewhere);
    assert!(send(&mut model, [Msg::SaveClicked]).is_empty());
    let effects = write(&mut model, "weeks-known", "Two weeks");
    assert!(!stores(&effects), "{effects:?}");
}

#[test]
fn a_backup_from_another_questionnaire_is_named_as_such_before_any_passphrase() {
    let mut model = small();
    let foreign = Envelope {
        version: ENVELOPE_VERSION,
        questionnaire: Some("another-questionnaire".into()),
        iterations: ITERATIONS,
        salt: vec![1; 16],
        iv: vec![2; 12],
        ciphertext: vec![3; 48],
    };
    send(
        &mut model,
        [Msg::BackupFileRead {
            text: foreign.to_json(),
        }],
    );
    assert_eq!(model.screen(), Screen::Resume);
    let unlock = model.unlock().unwrap();
    assert_eq!(unlock.envelope, None, "no passphrase is asked for");
    assert_eq!(
        unlock.problem,
        Some(UnlockProblem::Draft(DraftProblem::OtherQuestionnaire(
            "another-questionnaire".into()
        )))
    );
    // This questionnaire's own backup asks for its passphrase as before.
    let own = Envelope {
        questionnaire: Some(model.questionnaire().id.clone()),
        ..foreign
    };
    send(&mut model, [Msg::ContinueWithoutOpeningClicked]);
    send(
        &mut model,
        [Msg::BackupFileRead {
            text: own.to_json(),
        }],
    );
    assert_eq!(model.unlock().unwrap().envelope, Some(own));
}
