//! Layer 8, the edge: the DOM, compiled for WebAssembly only. It mounts the widget into an
//! element, turns DOM events into [`Msg`](crate::session::Msg)s and carries out each
//! [`Effect`](crate::session::Effect). It decides nothing about what to show: screens read only
//! the [`view`](crate::view). Uses every layer.
//!
//! One file a job: the state and message loop (`app`), mounting (`mount`), reading options
//! (`options`), DOM events to messages (`events`), listeners (`listeners`), carrying out effects
//! (`effects`), and the rooms effects go to: `drafts`, `dialogs`, `quick_exit`, `top_bar`,
//! `save_bar`, `history`, `files`; the screens in `screens/` and the question kinds in
//! `questions/`. `checking` is for the configuration page, not the widget.

/// The state behind a widget, and the loop that handles its messages.
mod app;
/// The configuration page's check of a configuration, and the built-in questionnaires.
mod checking;
/// Encryption through the browser's Web Crypto.
mod crypto;
/// The dialog over the screen.
mod dialogs;
/// A small layer over web-sys for building elements, always with text as text.
mod dom;
/// Encrypting and writing drafts, opening them, reading a backup file.
mod drafts;
/// Carrying out effects, each in its room.
mod effects;
/// DOM events turned into messages.
mod events;
/// The calm notice if the widget ever panics.
mod failure;
/// Downloads, the clipboard, reading a chosen file.
mod files;
/// The GOV.UK form parts of the passphrase forms.
mod forms;
/// The browser's Back and Forward between the widget's screens.
mod history;
/// The widget's listeners, on its elements and on the window.
mod listeners;
/// Mounting, and the handle the page keeps.
mod mount;
/// Reading the mount options and the languages the client may want.
mod options;
/// The question kinds and their shared markup.
mod questions;
/// Quick exit.
mod quick_exit;
/// The saving status and buttons under every screen.
mod save_bar;
/// The screens.
mod screens;
/// `localStorage` behind the core's storage trait.
mod storage;
/// The clinic's support contacts.
mod support;
/// `lang` and `dir`, the language switcher, the top bar.
mod top_bar;

pub use checking::{built_in_questionnaire, check, interface_words};
pub use failure::show_failure;
pub use mount::{mount, Widget};

// The module allocates with Rust's default allocator, dlmalloc. talc, 2 KB smaller packed, was
// taken out after rare failures in WebKit that no one could reproduce (docs/performance.md,
// "Where the bytes go"): bring it back only with a reason that outweighs that doubt.
