//! Ending Well: a private reflection for people finishing therapy, before their last session.
//!
//! The crate is built in layers, lowest first; each may use only the layers below it, and each
//! folder's own documentation says what it holds. Everything but `web` is plain Rust with no
//! web dependency and is tested natively; the web layer, compiled only for `wasm32`, turns it
//! into an accessible widget. Nothing is sent anywhere.
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

/// 1. Reading JSON, with every problem and its path, within the limits.
pub mod reading;

/// 2. Languages: tags, plural forms, text per language in a file, the interface text.
pub mod languages;

/// 3. The clinic's files: the questionnaire format, the settings, the catalogue of languages.
pub mod format;

/// 4. The client's answers, which questions they make shown, and drafts of them.
pub mod answers;

/// 5. What the client takes away: summary, plan, note drafts, files.
pub mod reflection;

/// 6. The session: model, messages, effects and `update`.
pub mod session;

/// 7. What each screen shows, as plain data.
pub mod view;

/// 8. The DOM layer: mounting, rendering, events (WebAssembly only).
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use answers::answer::{Answer, Answers};
pub use format::questionnaire::{
    ChoiceOption, Condition, Question, QuestionKind, Questionnaire, Scale, Section,
};
pub use reading::problem::Problem;
pub use reflection::shown::Shown;
pub use reflection::summary::{summarise, Output, Summary};
pub use session::{update, Effect, Focus, Model, Msg, Notice, Screen};
pub use view::{view, View};
