//! The widget in a real browser (Chromium and Firefox through wasm-pack): mounted into a fresh
//! element, driven by real click and input events, checked in the DOM, focus and ARIA. All but
//! one test: the panic test is `tests/browser_failure.rs`, with a WebAssembly instance of its own.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

/// Finding, clicking, typing and waiting in the page; the fixtures; the hosts to mount into.
mod helpers;

/// The widget in a shadow root, configured by JSON text, and what it tells the page.
mod embedding;
/// The element's language, switching language mid-way, and right-to-left layout.
mod languages;
/// A questionnaire shown and answered: focus, labels, follow-ups, the review, refusals.
mod questionnaire;
/// Support contacts, quick exit and the notes to the therapist.
mod reflection;
/// Saving on this device with the real Web Crypto and storage.
mod saving;
