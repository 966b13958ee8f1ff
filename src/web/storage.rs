//! The one place the widget stores anything: the browser's `localStorage`, behind the core's
//! [`Storage`] trait, holding an encrypted draft written only after the client chose to save.
//! Every failure is reported, never thrown.

use web_sys::Storage as WebStorage;

use crate::answers::store::{Storage, Unavailable};

/// The page's `localStorage`.
pub(super) struct LocalStorage;

impl LocalStorage {
    /// `window.localStorage` throws a SecurityError when storage is disabled (Firefox with
    /// cookies blocked, Chromium with site data blocked) and may be missing entirely.
    fn storage() -> Result<WebStorage, Unavailable> {
        web_sys::window()
            .ok_or(Unavailable)?
            .local_storage()
            .map_err(|_| Unavailable)?
            .ok_or(Unavailable)
    }
}

impl Storage for LocalStorage {
    fn read(&self, key: &str) -> Result<Option<String>, Unavailable> {
        Self::storage()?.get_item(key).map_err(|_| Unavailable)
    }

    /// Fails when storage is blocked or full (QuotaExceededError).
    fn write(&self, key: &str, text: &str) -> Result<(), Unavailable> {
        Self::storage()?
            .set_item(key, text)
            .map_err(|_| Unavailable)
    }

    fn remove(&self, key: &str) {
        if let Ok(storage) = Self::storage() {
            // Nothing more can be done if the browser refuses: the draft is encrypted anyway.
            let _ = storage.remove_item(key);
        }
    }
}
