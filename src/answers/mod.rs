//! Layer 4: the client's answers, which questions they make shown, and drafts of them kept on the
//! device. Uses [`format`](crate::format) and the layers below it; knows nothing of screens or
//! of the session.

/// The client's answers, one slot per question.
pub mod answer;
/// Saved drafts and their encrypted envelope's format.
pub mod draft;
/// Where a draft is kept, and the rule that keeps two tabs from writing over each other.
pub mod store;
/// Which questions show, from the questionnaire and the answers.
pub mod visibility;
