//! Layer 5: what the reflection gives the client, made from the questionnaire, the answers and
//! the interface text (never from the session): the summary, the plan, the note drafts, and the
//! summary as files. Uses [`answers`](crate::answers) and the layers below it.

/// The summary as files: plain text and self-contained HTML.
pub mod export;
/// The note drafts, made from the client's own answers.
pub mod notes;
/// The "keeping what I gained" plan.
pub mod plan;
/// A reminder to reread the note and the plan, as a calendar file.
pub mod reminder;
/// An answer in words.
pub mod shown;
/// The summary a client may print and bring.
pub mod summary;
