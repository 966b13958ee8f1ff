//! Safety: "Need support now?", and quick exit, by the button or by Shift pressed three times,
//! after which nothing the client wrote is kept in the page.

use super::effect::{Effect, Focus};
use super::model::Model;
use super::saving::{Dialog, Saving};
use super::screen::Screen;

/// Shift presses count towards quick exit within this many milliseconds.
const QUICK_EXIT_WINDOW_MS: u64 = 5000;

/// "Need support now?": the clinic's support contacts, in a dialog.
pub(super) fn support(model: &mut Model) -> Vec<Effect> {
    model.open_dialog(Dialog::Support)
}

/// "Using a shared device?": what can be found later on a device others use, and how to clear
/// it, in a dialog.
pub(super) fn shared_device(model: &mut Model) -> Vec<Effect> {
    model.open_dialog(Dialog::SharedDevice)
}

/// Shift pressed on its own: the third within five seconds leaves, as GOV.UK's "Exit this page"
/// does; the others say how many more are needed.
pub(super) fn shift_pressed(model: &mut Model, at: u64) -> Vec<Effect> {
    model
        .shift_presses
        .retain(|&then| then <= at && at - then < QUICK_EXIT_WINDOW_MS);
    model.shift_presses.push(at);
    match model.shift_presses.len() {
        n if n >= 3 => quick_exit(model),
        n => vec![Effect::Announce(model.texts.shift_more(3 - n))],
    }
}

/// "Leave this page": everything the client entered is forgotten, and the page is replaced.
pub(super) fn quick_exit(model: &mut Model) -> Vec<Effect> {
    model.forget_answers();
    model.screen = Screen::Intro;
    let exit = model.settings.quick_exit.clone();
    // A draft stored on the device stays, encrypted, unless the clinic chose otherwise; it is
    // then closed, so nothing more is written to it.
    model.saving = match model.saving {
        Saving::On { .. } | Saving::Kept | Saving::Elsewhere if !exit.delete_draft => Saving::Kept,
        Saving::Unavailable => Saving::Unavailable,
        Saving::On { .. } | Saving::Kept | Saving::Elsewhere | Saving::Off => Saving::Off,
    };
    vec![Effect::QuickExit {
        url: exit.url,
        delete_draft: exit.delete_draft,
    }]
}

/// The page came back from the browser's back-forward cache after quick exit: a fresh start,
/// behind the neutral step, so that nothing of the reflection shows until the client chooses.
pub(super) fn page_restored(model: &mut Model) -> Vec<Effect> {
    model.forget_answers();
    model.paused = true;
    let mut effects = model.go_to(Screen::Intro, Focus::Heading);
    effects.push(Effect::RefreshSaveBar);
    effects
}

/// The page is leaving for the back-forward cache, or came back through history onto one of the
/// widget's entries: the screen is replaced by a neutral step, and any dialog closes, so that
/// Back or Forward shows nobody the answers, "welcome back" or the reflection.
pub(super) fn pause(model: &mut Model) -> Vec<Effect> {
    model.paused = true;
    model.dialog = None;
    vec![
        Effect::ShowDialog,
        Effect::ShowScreen(Focus::Heading),
        Effect::RefreshSaveBar,
    ]
}

/// "Continue" on the neutral step: the screen the client was on, as they left it.
pub(super) fn resume(model: &mut Model) -> Vec<Effect> {
    if !std::mem::take(&mut model.paused) {
        return Vec::new();
    }
    vec![Effect::ShowScreen(Focus::Heading), Effect::RefreshSaveBar]
}
