//! The draft's slot over storage shared by two tabs of one browser: a tab writes only over the
//! draft it last read or wrote, so neither ever silently writes over the other's saved answers.
//! The same rule runs in the browser over `localStorage` (tests/e2e/careless.test.mjs).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::rc::Rc;

use ending_well::answers::store::{DraftSlot, MemoryStorage, Unavailable, Written};

const KEY: &str = "ending-well:draft:ending-therapy";

/// Two tabs of one browser, with nothing stored yet.
fn two_tabs() -> (
    Rc<MemoryStorage>,
    DraftSlot<Rc<MemoryStorage>>,
    DraftSlot<Rc<MemoryStorage>>,
) {
    let storage = Rc::new(MemoryStorage::new());
    let first = DraftSlot::new(Rc::clone(&storage), "ending-therapy");
    let second = DraftSlot::new(Rc::clone(&storage), "ending-therapy");
    (storage, first, second)
}

#[test]
fn a_tab_writes_only_over_the_draft_it_last_read_or_wrote() {
    let (storage, mut first, mut second) = two_tabs();
    assert_eq!(first.key(), KEY);
    assert_eq!(first.open(), Ok(None));
    assert_eq!(first.write("first 1".into()), Written::Stored);

    assert_eq!(second.open(), Ok(Some("first 1".into())));
    assert_eq!(second.write("second 1".into()), Written::Stored);

    // The first tab has not seen the second tab's save: it writes nothing and is told.
    assert_eq!(
        first.write("first 2".into()),
        Written::ChangedElsewhere(Some("second 1".into()))
    );
    assert_eq!(storage.peek(KEY).as_deref(), Some("second 1"));

    // The client chose this tab's answers: it takes what is stored as its own, then writes.
    first.claim();
    assert_eq!(first.write("first 3".into()), Written::Stored);
    assert_eq!(storage.peek(KEY).as_deref(), Some("first 3"));
    assert_eq!(
        second.write("second 2".into()),
        Written::ChangedElsewhere(Some("first 3".into()))
    );
    assert_eq!(storage.peek(KEY).as_deref(), Some("first 3"));
}

#[test]
fn a_draft_deleted_in_another_tab_is_not_brought_back() {
    let (storage, mut first, mut second) = two_tabs();
    first.open().unwrap();
    assert_eq!(first.write("first 1".into()), Written::Stored);
    second.open().unwrap();
    second.remove();
    assert_eq!(
        first.write("first 2".into()),
        Written::ChangedElsewhere(None)
    );
    assert_eq!(storage.peek(KEY), None);
}

#[test]
fn a_save_seen_before_opening_is_what_this_tab_may_write_over() {
    let (storage, mut first, mut second) = two_tabs();
    first.open().unwrap();
    second.open().unwrap();
    assert_eq!(second.write("second 1".into()), Written::Stored);
    // The first tab was still on "welcome back": the newest draft is the one it opens.
    first.saw(storage.peek(KEY));
    assert_eq!(first.write("first 1".into()), Written::Stored);
    assert_eq!(storage.peek(KEY).as_deref(), Some("first 1"));
}

#[test]
fn storage_that_is_blocked_or_full_refuses_and_keeps_what_was_stored() {
    let (storage, mut first, _) = two_tabs();
    storage.set_blocked(true);
    assert_eq!(first.open(), Err(Unavailable));
    storage.set_blocked(false);
    assert_eq!(first.open(), Ok(None));
    assert_eq!(first.write("first 1".into()), Written::Stored);

    storage.set_full(true);
    assert_eq!(first.write("first 2".into()), Written::Refused);
    assert_eq!(storage.peek(KEY).as_deref(), Some("first 1"));

    // Room again: the tab still holds what is stored as its own, and writes.
    storage.set_full(false);
    assert_eq!(first.write("first 3".into()), Written::Stored);
    assert_eq!(storage.peek(KEY).as_deref(), Some("first 3"));
}
