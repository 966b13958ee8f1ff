//! Where a draft is kept, behind a small trait, and the rule that keeps two tabs or windows from
//! writing over each other's saved answers: a tab writes only over the draft it last read or
//! wrote. The widget keeps its draft in the browser's `localStorage` (`web::storage`); tests use
//! [`MemoryStorage`](crate::answers::store::MemoryStorage), so the rule is checked natively as
//! well as in the browser.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// Storage the browser refuses: disabled, private mode, blocked by policy, or full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

/// A place that keeps text by key, shared by every tab of one browser.
pub trait Storage {
    /// The text stored under `key`, if any, read without writing anything.
    fn read(&self, key: &str) -> Result<Option<String>, Unavailable>;
    /// Stores `text` under `key`; fails when storage is blocked or full.
    fn write(&self, key: &str, text: &str) -> Result<(), Unavailable>;
    /// Removes what is stored under `key`, if storage allows it.
    fn remove(&self, key: &str);
}

impl<S: Storage + ?Sized> Storage for Rc<S> {
    fn read(&self, key: &str) -> Result<Option<String>, Unavailable> {
        (**self).read(key)
    }

    fn write(&self, key: &str, text: &str) -> Result<(), Unavailable> {
        (**self).write(key, text)
    }

    fn remove(&self, key: &str) {
        (**self).remove(key);
    }
}

/// Storage in memory, for tests: share one between two [`DraftSlot`]s (through an `Rc`) to play
/// two tabs of one browser. It can be made to refuse everything, or to refuse writes as a full
/// storage does.
#[derive(Debug, Default)]
pub struct MemoryStorage {
    items: RefCell<BTreeMap<String, String>>,
    blocked: Cell<bool>,
    full: Cell<bool>,
}

impl MemoryStorage {
    /// Empty storage that accepts everything.
    pub fn new() -> Self {
        Self::default()
    }

    /// Refuses every read and write from now on, or accepts them again.
    pub fn set_blocked(&self, blocked: bool) {
        self.blocked.set(blocked);
    }

    /// Refuses writes from now on, as a full storage does, or accepts them again.
    pub fn set_full(&self, full: bool) {
        self.full.set(full);
    }

    /// What is stored under `key`, whatever the mode.
    pub fn peek(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }
}

impl Storage for MemoryStorage {
    fn read(&self, key: &str) -> Result<Option<String>, Unavailable> {
        if self.blocked.get() {
            return Err(Unavailable);
        }
        Ok(self.peek(key))
    }

    fn write(&self, key: &str, text: &str) -> Result<(), Unavailable> {
        if self.blocked.get() || self.full.get() {
            return Err(Unavailable);
        }
        self.items
            .borrow_mut()
            .insert(key.to_owned(), text.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        if !self.blocked.get() {
            self.items.borrow_mut().remove(key);
        }
    }
}

/// What became of a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Stored.
    Stored,
    /// Not written: another tab or window saved or deleted since this one last read or wrote.
    /// What is stored now.
    ChangedElsewhere(Option<String>),
    /// The storage refused it (blocked or full).
    Refused,
}

/// The one slot a questionnaire's draft is kept in, as this tab sees it.
#[derive(Debug)]
pub struct DraftSlot<S> {
    storage: S,
    key: String,
    /// The stored draft as this tab last read or wrote it.
    seen: Option<String>,
}

impl<S: Storage> DraftSlot<S> {
    /// The slot of the questionnaire with this id, in `storage`; nothing is read yet.
    pub fn new(storage: S, questionnaire_id: &str) -> Self {
        Self {
            storage,
            key: format!("ending-well:draft:{questionnaire_id}"),
            seen: None,
        }
    }

    /// The storage key, as `storage` events from other tabs name it.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Reads what is stored, without writing anything, and takes it as this tab's own.
    pub fn open(&mut self) -> Result<Option<String>, Unavailable> {
        let stored = self.storage.read(&self.key)?;
        self.seen.clone_from(&stored);
        Ok(stored)
    }

    /// Another tab or window stored `stored` before this tab opened anything: it is what this
    /// tab will open, and may then save over.
    pub fn saw(&mut self, stored: Option<String>) {
        self.seen = stored;
    }

    /// Takes what is stored now as this tab's own: the client chose to save this tab's answers
    /// over what another tab saved.
    pub fn claim(&mut self) {
        self.seen = self.storage.read(&self.key).ok().flatten();
    }

    /// Stores `text`, unless another tab or window saved or deleted since this tab last read or
    /// wrote: then nothing is written, and the client chooses.
    pub fn write(&mut self, text: String) -> Written {
        let now = self.storage.read(&self.key).ok().flatten();
        if now != self.seen {
            return Written::ChangedElsewhere(now);
        }
        match self.storage.write(&self.key, &text) {
            Ok(()) => {
                self.seen = Some(text);
                Written::Stored
            }
            Err(Unavailable) => Written::Refused,
        }
    }

    /// Removes the stored draft.
    pub fn remove(&mut self) {
        self.storage.remove(&self.key);
        self.seen = None;
    }
}
