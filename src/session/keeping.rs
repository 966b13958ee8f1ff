//! Keeping what the client wrote: printing, files and the clipboard; saving on this device,
//! encrypted, with a passphrase; a backup file; opening saved answers on the "welcome back"
//! screen; and deleting them. Encryption and storage are the web layer's, asked for by effects;
//! nothing here is stored unless the client chose it.

use super::effect::{Effect, Focus};
use super::model::Model;
use super::saving::{
    check_new_passphrase, forget, Dialog, DraftSource, PassphrasePurpose, Saving, Unlock,
    UnlockProblem,
};
use super::screen::Screen;
use crate::answers::draft::{self, DraftProblem, Envelope};
use crate::reflection::export;
use crate::reflection::summary::Output;

/// "To bring" ticked or unticked on the review: the choice is kept with the answers (and saved
/// with them), and the row's box already shows it.
pub(super) fn choose_bring(model: &mut Model, question: usize, bring: bool) -> Vec<Effect> {
    if model.questionnaire.question(question).is_none() {
        return Vec::new();
    }
    model.answers.set_bring(question, Some(bring));
    model.autosave().into_iter().collect()
}

/// "Print", for one output, on the summary.
pub(super) fn print(model: &Model, output: Output) -> Vec<Effect> {
    if model.screen != Screen::Summary {
        return Vec::new();
    }
    vec![Effect::Print(output)]
}

/// The file name of an output, without its extension.
fn file_stem(model: &Model, output: Output) -> &str {
    match output {
        Output::Bring => model.texts.bring_file(),
        Output::Mine => model.texts.mine_file(),
    }
}

/// "Download as a text file", for one output.
pub(super) fn download_text(model: &Model, output: Output) -> Vec<Effect> {
    vec![Effect::Download {
        filename: format!("{}.txt", file_stem(model, output)),
        mime: "text/plain;charset=utf-8",
        content: export::to_plain_text(&model.summary(output), &model.texts),
    }]
}

/// "Download as a web page", for one output.
pub(super) fn download_html(model: &Model, output: Output) -> Vec<Effect> {
    vec![Effect::Download {
        filename: format!("{}.html", file_stem(model, output)),
        mime: "text/html;charset=utf-8",
        content: export::to_html(&model.summary(output), &model.texts),
    }]
}

/// "Copy to clipboard", for one output.
pub(super) fn copy(model: &Model, output: Output) -> Vec<Effect> {
    vec![Effect::Copy(export::to_plain_text(
        &model.summary(output),
        &model.texts,
    ))]
}

/// "Download the reminder": a calendar file made on the device, under the client's own title or
/// a neutral one.
pub(super) fn reminder(model: &Model, title: String, months: u32) -> Vec<Effect> {
    if !REMINDER_MONTHS.contains(&months) {
        return Vec::new();
    }
    let title = title.trim();
    vec![Effect::DownloadReminder {
        filename: format!("{}.ics", model.texts.reminder_file()),
        title: if title.is_empty() {
            model.texts.reminder_default_title().clone()
        } else {
            title.to_owned()
        },
        description: model.texts.reminder_description().clone(),
        months,
    }]
}

/// When a reminder can be set: in one, three or six months.
pub const REMINDER_MONTHS: [u32; 3] = [1, 3, 6];

/// The clipboard took the text, or refused it.
pub(super) fn copy_finished(model: &Model, copied: bool) -> Vec<Effect> {
    vec![Effect::Announce(
        if copied {
            model.texts.copied()
        } else {
            model.texts.copy_refused()
        }
        .to_owned(),
    )]
}

/// At start: whether the browser stores anything, and what it has stored. A stored draft is
/// offered on the "welcome back" screen and left exactly as it is until the client chooses.
pub(super) fn storage_checked(
    model: &mut Model,
    available: bool,
    stored: Option<String>,
) -> Vec<Effect> {
    if !available {
        model.saving = Saving::Unavailable;
        return vec![Effect::RefreshSaveBar];
    }
    let Some(stored) = stored else {
        return Vec::new();
    };
    model.saving = Saving::Kept;
    model.unlock = Some(unlock_for(
        DraftSource::Device,
        &stored,
        &model.questionnaire.id,
    ));
    let mut effects = model.go_to(Screen::Resume, Focus::Heading);
    effects.push(Effect::RefreshSaveBar);
    effects
}

/// "Save my answers on this device": the passphrase dialog, when saving is offered and off.
pub(super) fn save(model: &mut Model) -> Vec<Effect> {
    if !model.settings.saving {
        return Vec::new();
    }
    match model.saving {
        Saving::Off => model.open_dialog(Dialog::Passphrase {
            purpose: PassphrasePurpose::Save,
            problem: None,
        }),
        Saving::Unavailable => vec![Effect::Announce(model.texts.saving_unavailable().clone())],
        Saving::Kept => vec![Effect::Announce(model.texts.saving_kept().clone())],
        Saving::On { .. } | Saving::Elsewhere => Vec::new(),
    }
}

/// "Save this tab's answers instead", after another tab or window saved.
pub(super) fn save_here(model: &mut Model) -> Vec<Effect> {
    if model.saving != Saving::Elsewhere {
        return Vec::new();
    }
    model.saving = Saving::On {
        saved_at: None,
        announce_next: true,
    };
    vec![
        Effect::ClaimStored,
        Effect::SaveDraft {
            draft: model.draft(),
        },
        Effect::RefreshSaveBar,
    ]
}

/// Another tab or window changed or removed the stored draft.
pub(super) fn stored_elsewhere(model: &mut Model, stored: Option<String>) -> Vec<Effect> {
    match model.saving {
        Saving::On { .. } => {
            model.saving = Saving::Elsewhere;
            vec![
                Effect::RefreshSaveBar,
                Effect::Announce(model.texts.saving_elsewhere().clone()),
            ]
        }
        // Not opened here yet: the "welcome back" screen opens the newest.
        Saving::Kept => {
            if let (Some(unlock), Some(stored)) = (&mut model.unlock, stored) {
                if unlock.source == DraftSource::Device {
                    *unlock = unlock_for(DraftSource::Device, &stored, &model.questionnaire.id);
                }
            }
            Vec::new()
        }
        Saving::Off | Saving::Unavailable | Saving::Elsewhere => Vec::new(),
    }
}

/// "Download an encrypted backup": the passphrase dialog.
pub(super) fn backup(model: &mut Model) -> Vec<Effect> {
    model.open_dialog(Dialog::Passphrase {
        purpose: PassphrasePurpose::Backup,
        problem: None,
    })
}

/// A new passphrase, twice, in the passphrase dialog: start saving, or make the backup file.
pub(super) fn passphrase_submitted(
    model: &mut Model,
    passphrase: String,
    confirmation: String,
) -> Vec<Effect> {
    let Some(Dialog::Passphrase { purpose, .. }) = model.dialog else {
        return Vec::new();
    };
    let problem = check_new_passphrase(&passphrase, &confirmation);
    forget(confirmation);
    if let Some(problem) = problem {
        forget(passphrase);
        return model.open_dialog(Dialog::Passphrase {
            purpose,
            problem: Some(problem),
        });
    }
    model.dialog = None;
    let draft = model.draft();
    match purpose {
        PassphrasePurpose::Save if model.saving == Saving::Off => {
            model.saving = Saving::On {
                saved_at: None,
                announce_next: true,
            };
            // The save bar first: the dialog, closing, gives focus back to its opener only if
            // that is still there ("Save my answers on this device" is not, once saving is on).
            vec![
                Effect::RefreshSaveBar,
                Effect::ShowDialog,
                Effect::StartSaving { passphrase, draft },
            ]
        }
        PassphrasePurpose::Save => {
            forget(passphrase);
            vec![Effect::ShowDialog]
        }
        PassphrasePurpose::Backup => vec![
            Effect::ShowDialog,
            Effect::DownloadBackup { passphrase, draft },
        ],
    }
}

/// The web layer stored the encrypted draft.
pub(super) fn draft_saved(model: &mut Model, time: String) -> Vec<Effect> {
    match &mut model.saving {
        Saving::On {
            saved_at,
            announce_next,
        } => {
            // The first save after choosing to save is announced; later ones only update the
            // visible status, or a screen reader would speak on every keystroke.
            *saved_at = Some(time);
            let mut effects = vec![Effect::RefreshSaveBar];
            if std::mem::take(announce_next) {
                effects.push(Effect::Announce(model.texts.saving_started().clone()));
            }
            effects
        }
        Saving::Off | Saving::Unavailable | Saving::Kept | Saving::Elsewhere => Vec::new(),
    }
}

/// The browser refused to store the draft: saving stops, and the client is told.
pub(super) fn save_failed(model: &mut Model) -> Vec<Effect> {
    match model.saving {
        Saving::On { .. } => {
            model.saving = Saving::Unavailable;
            vec![
                Effect::RefreshSaveBar,
                Effect::Announce(model.texts.save_failed().clone()),
            ]
        }
        Saving::Off | Saving::Unavailable | Saving::Kept | Saving::Elsewhere => Vec::new(),
    }
}

/// A passphrase on the "welcome back" screen: decrypt what waits there.
pub(super) fn unlock(model: &Model, passphrase: String) -> Vec<Effect> {
    if model.screen != Screen::Resume {
        return Vec::new();
    }
    let Some(Unlock {
        source,
        envelope: Some(envelope),
        ..
    }) = &model.unlock
    else {
        return Vec::new();
    };
    vec![Effect::Decrypt {
        passphrase,
        envelope: envelope.clone(),
        keep_key: *source == DraftSource::Device,
    }]
}

/// The passphrase did not decrypt it: try again.
pub(super) fn decrypt_failed(model: &mut Model) -> Vec<Effect> {
    match &mut model.unlock {
        Some(unlock) => {
            unlock.problem = Some(UnlockProblem::WrongPassphrase);
            vec![Effect::ShowScreen(Focus::Error)]
        }
        None => Vec::new(),
    }
}

/// The draft or backup was decrypted: its answers come back, in the language and at the place
/// the client left them, or it is refused with the reason and left alone.
pub(super) fn draft_decrypted(model: &mut Model, plaintext: &str) -> Vec<Effect> {
    let Some(unlock) = model.unlock.take() else {
        return Vec::new();
    };
    match draft::decode(&model.questionnaire, plaintext) {
        Ok(restored) => {
            // Back in the language the client was reading in, when it is offered; switched
            // before the answers come back, so no note is drafted again.
            let language = restored.language.as_deref().and_then(|tag| {
                model
                    .languages
                    .iter()
                    .position(|language| language.tag.eq_ignore_ascii_case(tag))
            });
            let switched = language.is_some_and(|language| model.switch_language(language));
            model.answers = restored.answers;
            model.returning_to_review = None;
            if unlock.source == DraftSource::Device {
                model.saving = Saving::On {
                    saved_at: None,
                    announce_next: false,
                };
            }
            let screen = restored.section.map_or(Screen::Intro, Screen::Section);
            let mut effects = model.go_to(screen, Focus::Heading);
            prefix_announcement(
                &mut effects,
                &model.texts.restored_announcement(restored.left_out),
            );
            if switched {
                effects.insert(0, Effect::LanguageChanged);
            }
            effects.push(Effect::RefreshSaveBar);
            effects
        }
        Err(problem) => {
            model.unlock = Some(Unlock {
                envelope: None,
                problem: Some(UnlockProblem::Draft(problem)),
                ..unlock
            });
            vec![Effect::ShowScreen(Focus::Heading)]
        }
    }
}

/// A backup file was chosen and read: it waits on the "welcome back" screen.
pub(super) fn backup_file_read(model: &mut Model, text: &str) -> Vec<Effect> {
    model.unlock = Some(unlock_for(DraftSource::File, text, &model.questionnaire.id));
    model.go_to(Screen::Resume, Focus::Heading)
}

/// "Continue without opening them": a draft on this device stays exactly as it was; a file is
/// simply not opened.
pub(super) fn continue_without_opening(model: &mut Model) -> Vec<Effect> {
    if model.screen != Screen::Resume {
        return Vec::new();
    }
    model.unlock = None;
    let mut effects = model.go_to(Screen::Intro, Focus::Heading);
    effects.push(Effect::RefreshSaveBar);
    effects
}

/// "Delete everything from this device" or "Start fresh": the confirmation.
pub(super) fn delete(model: &mut Model) -> Vec<Effect> {
    model.open_dialog(Dialog::ConfirmDelete)
}

/// "Yes, delete everything": the answers and the stored draft go.
pub(super) fn delete_confirmed(model: &mut Model) -> Vec<Effect> {
    if model.dialog != Some(Dialog::ConfirmDelete) {
        return Vec::new();
    }
    model.forget_answers();
    if model.saving != Saving::Unavailable {
        model.saving = Saving::Off;
    }
    let mut effects = vec![Effect::ShowDialog, Effect::DeleteStored];
    effects.extend(model.go_to(Screen::Intro, Focus::Heading));
    prefix_announcement(&mut effects, model.texts.deleted());
    effects.push(Effect::RefreshSaveBar);
    effects
}

/// What the "welcome back" screen shows for a stored draft or a backup file's text. One saved from
/// another questionnaire is named as such at once, before any passphrase is asked for.
fn unlock_for(source: DraftSource, stored: &str, questionnaire: &str) -> Unlock {
    match Envelope::from_json(stored) {
        Ok(Envelope {
            questionnaire: Some(other),
            ..
        }) if other != questionnaire => Unlock {
            source,
            envelope: None,
            problem: Some(UnlockProblem::Draft(DraftProblem::OtherQuestionnaire(
                other,
            ))),
        },
        Ok(envelope) => Unlock {
            source,
            envelope: Some(envelope),
            problem: None,
        },
        Err(problem) => Unlock {
            source,
            envelope: None,
            problem: Some(UnlockProblem::Draft(problem)),
        },
    }
}

/// Puts `first` before what a screen change announces, so both are heard together.
fn prefix_announcement(effects: &mut [Effect], first: &str) {
    for effect in effects.iter_mut() {
        if let Effect::Announce(message) = effect {
            *message = format!("{first} {message}");
        }
    }
}
