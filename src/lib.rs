//! Ending Well: a private reflection for people finishing therapy, before their last session.
//!
//! The core (format, validation, conditions, session, view, summary) is plain Rust and runs
//! natively in tests; the web layer, compiled only for `wasm32`, turns it into an accessible
//! widget. Nothing is sent anywhere.
//!
//! Embedding, from JavaScript:
//!
//! ```js
//! import init, { mount } from "./pkg/ending_well.js";
//! import { wasmModule } from "./pkg/ending_well_bytes.js";
//! await init({ module_or_path: await wasmModule() });
//! const widget = mount(document.querySelector("ending-well"), {});
//! // later: widget.destroy();
//! ```

/// Client's answers, one slot per question.
pub mod answer;
/// A clinic's changes to the built-in questionnaire.
pub mod changes;
/// When a question is shown: a typed tree of conditions.
pub mod condition;
/// The questionnaire format and its validation.
pub mod definition;
/// Saved drafts and their encrypted envelope.
pub mod draft;
/// The summary as files: plain text and self-contained HTML.
pub mod export;
/// Reading JSON text and JavaScript objects, with one nesting limit.
pub mod json;
/// Languages: choosing one, its direction, its plural forms.
pub mod language;
/// Everything the client sees, once per language offered.
pub mod localized;
/// The note drafts, made from the client's own answers.
pub mod notes;
/// Problems found in a questionnaire file, with paths.
pub mod problem;
/// Field-by-field JSON reading that collects every problem.
mod reader;
/// Saving on this device: its state and dialogs.
pub mod saving;
/// A JSON Schema of the questionnaire format, for editors.
pub mod schema;
/// The session: model, messages, effects and `update`.
pub mod session;
/// The clinic's settings: support contacts, quick exit, saving.
pub mod settings;
/// The summary a client may print and bring.
pub mod summary;
/// Every interface string, read from the language files.
pub mod text;
/// Text in several languages inside one questionnaire or settings file.
pub mod translation;
/// What each screen shows, as plain data.
pub mod view;
/// The DOM layer: mounting, rendering, events (WebAssembly only).
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use answer::{Answer, Answers};
pub use condition::Condition;
pub use definition::{ChoiceOption, Question, QuestionKind, Questionnaire, Scale, Section};
pub use problem::Problem;
pub use session::{update, Effect, Focus, Model, Msg, Notice, Screen};
pub use summary::{summarise, Shown, Summary};
pub use view::{view, View};
