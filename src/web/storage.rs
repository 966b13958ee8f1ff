//! The one place the widget stores anything: an encrypted draft in `localStorage`, written only
//! after the client chose to save. Every failure is reported, never thrown.

use web_sys::Storage;

/// The draft's storage slot for one questionnaire.
pub(crate) struct DraftStore {
    key: String,
}

/// Storage the browser refuses: disabled, private mode, or blocked by policy.
#[derive(Debug)]
pub(crate) struct Unavailable;

impl DraftStore {
    pub(crate) fn new(questionnaire_id: &str) -> Self {
        Self {
            key: format!("ending-well:draft:{questionnaire_id}"),
        }
    }

    /// The storage key, as `storage` events from other tabs name it.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }

    /// `window.localStorage` throws a SecurityError when storage is disabled (Firefox with
    /// cookies blocked, Chromium with site data blocked) and may be missing entirely.
    fn storage() -> Result<Storage, Unavailable> {
        web_sys::window()
            .ok_or(Unavailable)?
            .local_storage()
            .map_err(|_| Unavailable)?
            .ok_or(Unavailable)
    }

    /// The stored draft, read without writing anything.
    pub(crate) fn read(&self) -> Result<Option<String>, Unavailable> {
        Self::storage()?
            .get_item(&self.key)
            .map_err(|_| Unavailable)
    }

    /// Stores the draft; fails when storage is blocked or full (QuotaExceededError).
    pub(crate) fn write(&self, envelope: &str) -> Result<(), Unavailable> {
        Self::storage()?
            .set_item(&self.key, envelope)
            .map_err(|_| Unavailable)
    }

    /// Removes the stored draft, if there is one and storage allows it.
    pub(crate) fn remove(&self) {
        if let Ok(storage) = Self::storage() {
            // Nothing more can be done if the browser refuses: the draft is encrypted anyway.
            let _ = storage.remove_item(&self.key);
        }
    }
}
