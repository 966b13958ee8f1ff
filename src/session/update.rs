//! [`update`]: every message, matched without a wildcard, handed to the function of its
//! concern. Read it as the table of what each thing the client or the page does leads to.

use super::answering;
use super::effect::Effect;
use super::keeping;
use super::language;
use super::model::Model;
use super::msg::Msg;
use super::navigation;
use super::safety;

/// Applies what happened to the model and says what the page must do.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        // ── Moving between screens
        Msg::StartClicked => navigation::start(model),
        Msg::NextClicked | Msg::SkipClicked => model.forward(),
        Msg::BackClicked => model.back(),
        Msg::ChangeClicked { question } => navigation::change(model, question),
        Msg::SummaryClicked => navigation::to_summary(model),
        Msg::ReviewClicked => navigation::to_review(model),
        Msg::HistoryMoved { screen } => navigation::history_moved(model, screen),

        // ── Answering
        Msg::OptionChosen { question, option } => answering::choose(model, question, option),
        Msg::OptionToggled {
            question,
            option,
            checked,
        } => answering::toggle(model, question, option, checked),
        Msg::OtherToggled { question, checked } => {
            answering::toggle_other(model, question, checked)
        }
        Msg::OtherTextChanged { question, text } => answering::write_other(model, question, text),
        Msg::ScalePointChosen { question, value } => {
            answering::choose_point(model, question, value)
        }
        Msg::TextChanged { question, text } => answering::write(model, question, text),
        Msg::AnswerCleared { question } => answering::clear(model, question),

        // ── Keeping the outputs: choosing what to bring, printing, files and the clipboard
        Msg::BringChosen { question, bring } => keeping::choose_bring(model, question, bring),
        Msg::PrintClicked(output) => keeping::print(model, output),
        Msg::DownloadTextClicked(output) => keeping::download_text(model, output),
        Msg::DownloadHtmlClicked(output) => keeping::download_html(model, output),
        Msg::CopyClicked(output) => keeping::copy(model, output),
        Msg::ReminderClicked { title, months } => keeping::reminder(model, title, months),
        Msg::CopyFinished { copied } => keeping::copy_finished(model, copied),

        // ── Saving on this device, backups, opening and deleting
        Msg::StorageChecked { available, stored } => {
            keeping::storage_checked(model, available, stored)
        }
        Msg::SaveClicked => keeping::save(model),
        Msg::BackupClicked => keeping::backup(model),
        Msg::PassphraseSubmitted {
            passphrase,
            confirmation,
        } => keeping::passphrase_submitted(model, passphrase, confirmation),
        Msg::DraftSaved { time } => keeping::draft_saved(model, time),
        Msg::SaveFailed => keeping::save_failed(model),
        Msg::StoredElsewhere { stored } => keeping::stored_elsewhere(model, stored),
        Msg::SaveHereClicked => keeping::save_here(model),
        Msg::UnlockSubmitted { passphrase } => keeping::unlock(model, passphrase),
        Msg::DraftDecrypted { plaintext } => keeping::draft_decrypted(model, &plaintext),
        Msg::DecryptFailed => keeping::decrypt_failed(model),
        Msg::BackupFileRead { text } => keeping::backup_file_read(model, &text),
        Msg::ContinueWithoutOpeningClicked => keeping::continue_without_opening(model),
        Msg::DeleteClicked => keeping::delete(model),
        Msg::DeleteConfirmed => keeping::delete_confirmed(model),

        // ── Safety and dialogs
        Msg::SupportClicked => safety::support(model),
        Msg::SharedDeviceClicked => safety::shared_device(model),
        Msg::DialogCancelled => model.close_dialog(),
        Msg::QuickExitClicked => safety::quick_exit(model),
        Msg::ShiftPressedAlone { at } => safety::shift_pressed(model, at),
        Msg::PageRestored => safety::page_restored(model),
        Msg::PageHidden | Msg::ReturnedThroughHistory => safety::pause(model),
        Msg::ContinueClicked => safety::resume(model),

        // ── Languages
        Msg::LanguageChosen { language } => language::choose(model, language),
    }
}
