//! The saving status and buttons shown under every screen.

use crate::session::model::Model;
use crate::session::saving::Saving;

/// The saving status and buttons shown under every screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveBar {
    /// What is stored, in words.
    pub status: String,
    /// Whether "Save my answers on this device" is offered.
    pub can_save: bool,
    /// Whether "Save this tab's answers instead" is offered: another tab saved over them.
    pub can_save_here: bool,
    /// Whether the bar shows at all: not behind the neutral step, where it would tell the next
    /// person that someone saved here.
    pub shown: bool,
}

/// The saving status and buttons for the current state.
pub fn save_bar(model: &Model) -> SaveBar {
    let status = match model.saving() {
        Saving::Off => model.texts().status_off().clone(),
        Saving::Unavailable => model.texts().saving_unavailable().clone(),
        Saving::Kept => model.texts().saving_kept().clone(),
        Saving::Elsewhere => model.texts().saving_elsewhere().clone(),
        Saving::On { saved_at: None, .. } => model.texts().status_saving().clone(),
        Saving::On {
            saved_at: Some(time),
            ..
        } => model.texts().saved_at(time),
    };
    let offered = model.settings().saving;
    SaveBar {
        status: if offered || *model.saving() != Saving::Off {
            status
        } else {
            model.texts().status_off().clone()
        },
        can_save: offered && *model.saving() == Saving::Off,
        can_save_here: *model.saving() == Saving::Elsewhere,
        shown: !model.paused(),
    }
}
