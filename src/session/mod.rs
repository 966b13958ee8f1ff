//! Layer 6: the client's session in the Elm style. [`Model`] holds where the client is and what
//! they answered; a [`Msg`] says what happened; [`update`] changes the model and returns the
//! [`Effect`]s the page must carry out. Nothing here touches the browser: time and stored text
//! come in as messages. Uses [`reflection`](crate::reflection) and the layers below it.

/// Answering: choosing, ticking, writing and clearing.
mod answering;
/// What the page must do.
pub mod effect;
/// Keeping what the client wrote: files, saving on this device, opening, deleting.
mod keeping;
/// Switching language.
mod language;
/// The session's state.
pub mod model;
/// What can happen.
pub mod msg;
/// Moving between screens.
mod navigation;
/// Safety: support contacts and quick exit.
mod safety;
/// Saving on this device: its state and dialogs.
pub mod saving;
/// Which screen is showing.
pub mod screen;
/// Every message to its handler.
mod update;

pub use effect::{Effect, Focus, Notice};
pub use keeping::REMINDER_MONTHS;
pub use model::Model;
pub use msg::Msg;
pub use screen::Screen;
pub use update::update;
