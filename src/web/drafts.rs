//! Encrypting and writing drafts: the key derived when saving starts, one write at a time and
//! always the newest, nothing written over what another tab saved, deletion that drops a write
//! already under way; opening a draft or a backup with its passphrase; and reading a chosen
//! backup file.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;

use super::app::App;
use super::crypto::DraftKey;
use super::files::{self, NotRead};
use crate::answers::draft::Envelope;
use crate::answers::store::Written;
use crate::session::saving::forget;
use crate::session::Msg;

impl App {
    /// Derives a new key from the passphrase with a fresh salt, keeps it, and writes the first
    /// draft.
    pub(super) fn start_saving(self: &Rc<Self>, passphrase: String, draft: String) {
        self.keeper.writing.set(true);
        let app = Rc::clone(self);
        let generation = self.keeper.generation.get();
        spawn_local(async move {
            let derived = DraftKey::new(&passphrase).await;
            forget(passphrase);
            match derived {
                Ok(key) if generation == app.keeper.generation.get() => {
                    *app.keeper.key.borrow_mut() = Some(key);
                    app.write_drafts(draft).await;
                }
                Ok(_) => app.keeper.writing.set(false),
                Err(_) => {
                    app.keeper.writing.set(false);
                    app.dispatch(Msg::SaveFailed);
                }
            }
        });
    }

    /// Writes the draft with the kept key, or keeps it waiting while another write is under way.
    pub(super) fn save_draft(self: &Rc<Self>, draft: String) {
        if self.keeper.writing.get() || self.keeper.key.borrow().is_none() {
            *self.keeper.pending.borrow_mut() = Some(draft);
        } else {
            self.keeper.writing.set(true);
            let app = Rc::clone(self);
            spawn_local(async move { app.write_drafts(draft).await });
        }
    }

    /// Encrypts and stores drafts one at a time, always the newest, until none waits.
    async fn write_drafts(self: Rc<Self>, first: String) {
        let mut draft = first;
        loop {
            let key = self.keeper.key.borrow().clone();
            let Some(key) = key else { break };
            let generation = self.keeper.generation.get();
            let sealed = key.seal(&draft, &self.questionnaire).await;
            if generation != self.keeper.generation.get() {
                break;
            }
            let (Ok(envelope), Some(store)) = (sealed, &self.store) else {
                self.dispatch(Msg::SaveFailed);
                break;
            };
            let written = store.borrow_mut().write(envelope.to_json());
            let stored = match written {
                Written::Stored => true,
                Written::Refused => false,
                // Another tab or window saved or deleted since this one last did: nothing was
                // written, and the client chooses.
                Written::ChangedElsewhere(now) => {
                    self.keeper.pending.replace(None);
                    self.dispatch(Msg::StoredElsewhere { stored: now });
                    break;
                }
            };
            self.dispatch(if stored {
                Msg::DraftSaved { time: local_time() }
            } else {
                Msg::SaveFailed
            });
            let next = self.keeper.pending.borrow_mut().take();
            match next {
                Some(next) if stored => draft = next,
                _ => break,
            }
        }
        self.keeper.writing.set(false);
    }

    /// Takes the draft stored now as this tab's own, before the next write.
    pub(super) fn claim_stored(&self) {
        if let Some(store) = &self.store {
            store.borrow_mut().claim();
        }
    }

    /// Derives the key from the envelope's salt and decrypts; with `keep_key`, the key is kept
    /// to go on saving.
    pub(super) fn decrypt(self: &Rc<Self>, passphrase: String, envelope: Envelope, keep_key: bool) {
        self.announce(self.texts().opening());
        let app = Rc::clone(self);
        spawn_local(async move {
            let derived = DraftKey::for_envelope(&passphrase, &envelope).await;
            forget(passphrase);
            let opened = match derived {
                Ok(key) => key.open(&envelope).await.map(|plaintext| (key, plaintext)),
                Err(error) => Err(error),
            };
            match opened {
                Ok((key, plaintext)) => {
                    if keep_key {
                        *app.keeper.key.borrow_mut() = Some(key);
                    }
                    app.dispatch(Msg::DraftDecrypted { plaintext });
                }
                Err(_) => app.dispatch(Msg::DecryptFailed),
            }
        });
    }

    /// Encrypts the draft under a new key and offers it as a backup file; keeps nothing.
    pub(super) fn download_backup(self: &Rc<Self>, passphrase: String, draft: String) {
        let app = Rc::clone(self);
        spawn_local(async move {
            let derived = DraftKey::new(&passphrase).await;
            forget(passphrase);
            let sealed = match derived {
                Ok(key) => key.seal(&draft, &app.questionnaire).await,
                Err(error) => Err(error),
            };
            let texts = app.texts();
            let downloaded = sealed.and_then(|envelope| {
                app.download(
                    texts.backup_filename(),
                    "application/json",
                    &envelope.to_json(),
                )
            });
            app.announce(if downloaded.is_ok() {
                texts.backup_ready()
            } else {
                texts.backup_failed()
            });
        });
    }

    /// Removes the stored draft and forgets the key.
    pub(super) fn delete_stored(&self) {
        self.drop_secrets();
        if let Some(store) = &self.store {
            store.borrow_mut().remove();
        }
    }

    /// Drops the key and any draft waiting to be written; a write under way is discarded (its
    /// generation no longer matches). Called by quick exit, so it never waits on a borrow.
    pub(super) fn drop_secrets(&self) {
        self.keeper
            .generation
            .set(self.keeper.generation.get().wrapping_add(1));
        if let Ok(mut key) = self.keeper.key.try_borrow_mut() {
            *key = None;
        }
        if let Ok(mut pending) = self.keeper.pending.try_borrow_mut() {
            *pending = None;
        }
        let download = self
            .last_download
            .try_borrow_mut()
            .ok()
            .and_then(|mut url| url.take());
        if let Some(url) = download {
            files::revoke(&url);
        }
    }

    /// Reads the backup file chosen in `input` and hands its text to the session.
    pub(super) fn read_backup(self: &Rc<Self>, input: HtmlInputElement) {
        let app = Rc::clone(self);
        spawn_local(async move {
            match files::chosen_text(&input).await {
                Ok(text) => app.dispatch(Msg::BackupFileRead { text }),
                Err(NotRead::Unreadable) => app.announce(app.texts().backup_unreadable()),
                Err(NotRead::TooLarge) => app.announce(app.texts().backup_too_large()),
            }
            // Choosing the same file again should read it again.
            input.set_value("");
        });
    }
}

/// The local time as "14:32", for "Saved on this device at 14:32".
fn local_time() -> String {
    let local = files::now().local;
    format!("{:02}:{:02}", local.hour, local.minute)
}
