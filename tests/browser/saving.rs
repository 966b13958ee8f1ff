//! Saving on this device in a real browser, with the real Web Crypto and storage: opt-in only,
//! encrypted, and nothing lost or overwritten when storage fails or a draft cannot be opened.

use ending_well::web::{mount, Widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlInputElement};

use crate::helpers::*;

#[wasm_bindgen(inline_js = "
let saved;
let methods;
const insecure = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
// Storage blocked as browsers block it: the getter throws. WebKit can keep using a getter it has
// already looked up, so its methods throw too, as they do when storage is switched off there.
export function block_storage() {
  saved = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', { configurable: true, get: insecure });
  methods = ['getItem', 'setItem', 'removeItem'].map((name) => [name, Storage.prototype[name]]);
  for (const [name] of methods) Storage.prototype[name] = insecure;
}
export function unblock_storage() {
  Object.defineProperty(window, 'localStorage', saved);
  for (const [name, method] of methods) Storage.prototype[name] = method;
}
let setItem;
export function fill_storage() {
  setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}
export function unfill_storage() { Storage.prototype.setItem = setItem; }
")]
extern "C" {
    fn block_storage();
    fn unblock_storage();
    fn fill_storage();
    fn unfill_storage();
}

const PASSPHRASE: &str = "blue kettle morning";

/// The small fixture under its own id, so each test has its own storage slot.
fn questionnaire(id: &str) -> String {
    SMALL.replacen("\"id\": \"small\"", &format!("\"id\": \"{id}\""), 1)
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn stored(id: &str) -> Option<String> {
    storage()
        .get_item(&format!("ending-well:draft:{id}"))
        .unwrap()
}

fn mount_as(id: &str) -> (Element, Widget) {
    let host = new_host();
    let widget = mount(&host, options(&questionnaire(id))).unwrap();
    (host, widget)
}

fn save_status(host: &Element) -> String {
    text_of(host, ".ew-save-status")
}

async fn opt_in(host: &Element) {
    click(host, "[data-ew-action=save]");
    let dialog = find(host, "dialog");
    assert!(dialog.has_attribute("open"), "the passphrase dialog opens");
    fill(host, "dialog input[name=passphrase]", PASSPHRASE);
    fill(host, "dialog input[name=confirmation]", PASSPHRASE);
    submit(host, "dialog form");
    until("the first save", || {
        save_status(host).starts_with("Saved on this device at")
    })
    .await;
}

fn field_value(host: &Element, selector: &str) -> String {
    find(host, selector)
        .unchecked_into::<HtmlInputElement>()
        .value()
}

#[wasm_bindgen_test]
async fn opting_in_stores_only_ciphertext_and_the_next_visit_asks_for_the_passphrase() {
    let id = "saving-opt-in";
    let (host, mut widget) = mount_as(id);
    assert_eq!(stored(id), None);
    click(&host, "[data-ew-action=start]");
    fill(
        &host,
        "[id$='-q-weeks-known-input']",
        "Since the first frost",
    );
    assert_eq!(stored(id), None, "nothing is stored before opting in");

    opt_in(&host).await;
    let first = stored(id).unwrap();
    let envelope: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(envelope["v"], 2);
    assert_eq!(
        envelope["q"], id,
        "the questionnaire it belongs to, bound in"
    );
    assert_eq!(envelope["kdf"], "PBKDF2-SHA256");
    assert!(envelope["iter"].as_u64().unwrap() >= 600_000);
    assert_eq!(
        envelope["iv"].as_str().unwrap().len(),
        16,
        "12 bytes of IV in base64"
    );
    assert!(!first.contains("first frost"), "only ciphertext is stored");

    fill(
        &host,
        "[id$='-q-weeks-known-input']",
        "Since the first snow",
    );
    until("the next save", || {
        stored(id).is_some_and(|now| now != first)
    })
    .await;
    let second: serde_json::Value = serde_json::from_str(&stored(id).unwrap()).unwrap();
    assert_ne!(second["iv"], envelope["iv"], "a fresh IV on every save");
    assert_eq!(second["salt"], envelope["salt"]);
    widget.destroy();

    // The next visit: the draft is offered, and a wrong passphrase changes nothing.
    let (host, _widget) = mount_as(id);
    assert_eq!(text_of(&host, "h2"), "Answers saved on this device");
    let before = stored(id);
    fill(&host, "input[name=passphrase]", "not my passphrase");
    submit(&host, "form[data-ew-form=unlock]");
    until("the wrong passphrase message", || {
        host.query_selector(".ew-error-summary").unwrap().is_some()
    })
    .await;
    assert_eq!(focused(), Some(find(&host, ".ew-error-summary")));
    let input = find(&host, "input[name=passphrase]");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(stored(id), before, "the draft is untouched");

    fill(&host, "input[name=passphrase]", PASSPHRASE);
    submit(&host, "form[data-ew-form=unlock]");
    until("the answers to come back", || {
        host.query_selector("[id$='-q-weeks-known-input']")
            .unwrap()
            .is_some()
    })
    .await;
    assert_eq!(
        field_value(&host, "[id$='-q-weeks-known-input']"),
        "Since the first snow"
    );
    assert!(status(&host).starts_with("Your saved answers are back."));
    storage()
        .remove_item(&format!("ending-well:draft:{id}"))
        .unwrap();
}

#[wasm_bindgen_test]
async fn blocked_storage_keeps_everything_working_in_memory() {
    block_storage();
    let (host, _widget) = mount_as("saving-blocked");
    unblock_storage();
    assert!(save_status(&host).starts_with("Saving is not available in this browser."));
    assert!(find(&host, "[data-ew-action=save]").has_attribute("hidden"));
    click(&host, "[data-ew-action=start]");
    fill(&host, "[id$='-q-weeks-known-input']", "Still here");
    click(&host, "[data-ew-action=next]");
    click(&host, "[data-ew-action=back]");
    assert_eq!(
        field_value(&host, "[id$='-q-weeks-known-input']"),
        "Still here"
    );
}

#[wasm_bindgen_test]
async fn full_storage_stops_saving_says_so_and_loses_nothing() {
    let id = "saving-full";
    let (host, _widget) = mount_as(id);
    click(&host, "[data-ew-action=start]");
    fill(&host, "[id$='-q-weeks-known-input']", "Words to keep");
    fill_storage();
    click(&host, "[data-ew-action=save]");
    fill(&host, "dialog input[name=passphrase]", PASSPHRASE);
    fill(&host, "dialog input[name=confirmation]", PASSPHRASE);
    submit(&host, "dialog form");
    until("saving to stop", || {
        save_status(&host).starts_with("Saving is not available")
    })
    .await;
    unfill_storage();
    assert!(status(&host).starts_with("Saving stopped"));
    assert_eq!(stored(id), None);
    assert_eq!(
        field_value(&host, "[id$='-q-weeks-known-input']"),
        "Words to keep"
    );
}

#[wasm_bindgen_test]
async fn damaged_foreign_and_future_drafts_are_never_overwritten() {
    let cases = [
        (
            "saving-truncated",
            "{\"v\":1,\"kdf\":\"PBKDF2-SHA256\",\"iter\":600000,\"sa",
        ),
        ("saving-foreign", "{\"theme\":\"dark\",\"fontSize\":18}"),
        (
            "saving-future",
            "{\"v\":7,\"kdf\":\"argon2id\",\"ct\":\"AAAA\"}",
        ),
        ("saving-garbage", "\u{1}\u{2} not json"),
    ];
    for (id, bytes) in cases {
        let key = format!("ending-well:draft:{id}");
        storage().set_item(&key, bytes).unwrap();
        let (host, _widget) = mount_as(id);
        assert_eq!(
            text_of(&host, "h2"),
            "Your saved answers cannot be opened",
            "{id}"
        );
        let reason = text_of(&host, ".ew-resume");
        if id == "saving-future" {
            assert!(reason.contains("newer version"), "{reason}");
        }
        click(&host, "[data-ew-action=skip-unlock]");
        click(&host, "[data-ew-action=start]");
        fill(&host, "[id$='-q-weeks-known-input']", "New words");
        click(&host, "[data-ew-action=save]");
        assert!(
            !find(&host, "dialog").has_attribute("open"),
            "saving cannot start over it"
        );
        sleep(50).await;
        assert_eq!(
            stored(id).as_deref(),
            Some(bytes),
            "{id}: the stored bytes are untouched"
        );

        // Only deleting, confirmed, removes them.
        click(&host, "[data-ew-action=delete]");
        assert_eq!(
            focused(),
            Some(find(&host, "dialog [data-ew-action=cancel]"))
        );
        submit(&host, "dialog form");
        assert_eq!(stored(id), None, "{id}");
        assert_eq!(text_of(&host, "h2"), "A short reflection");
    }
}

#[wasm_bindgen_test]
async fn delete_everything_clears_the_answers_and_the_draft() {
    let id = "saving-delete";
    let (host, _widget) = mount_as(id);
    opt_in(&host).await;
    click(&host, "[data-ew-action=start]");
    fill(&host, "[id$='-q-weeks-known-input']", "Private words");
    until("the answer to be saved", || stored(id).is_some()).await;

    // A person reaches the button first (a programmatic click does not move focus).
    let delete = find(&host, "[data-ew-action=delete]");
    delete
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    click(&host, "[data-ew-action=delete]");
    click(&host, "dialog [data-ew-action=cancel]");
    assert!(!find(&host, "dialog").has_attribute("open"));
    assert_eq!(
        focused(),
        Some(delete),
        "focus returns to the button that opened the dialog"
    );
    assert!(stored(id).is_some(), "cancel deletes nothing");

    click(&host, "[data-ew-action=delete]");
    submit(&host, "dialog form");
    assert_eq!(stored(id), None);
    assert!(
        status(&host).starts_with("Your answers were deleted from this page and from this device.")
    );
    assert_eq!(
        save_status(&host),
        "Your answers are only in this page. Nothing is stored on this device."
    );
    click(&host, "[data-ew-action=start]");
    assert_eq!(field_value(&host, "[id$='-q-weeks-known-input']"), "");
    sleep(100).await;
    assert_eq!(stored(id), None, "no save under way writes it back");
}

#[wasm_bindgen_test]
async fn a_short_or_mismatched_passphrase_is_explained_in_the_dialog() {
    let (host, _widget) = mount_as("saving-passphrase");
    click(&host, "[data-ew-action=save]");
    fill(&host, "dialog input[name=passphrase]", "short");
    fill(&host, "dialog input[name=confirmation]", "short");
    submit(&host, "dialog form");
    assert_eq!(focused(), Some(find(&host, "dialog .ew-error-summary")));
    assert!(text_of(&host, "dialog .ew-error-summary").contains("at least 8 characters"));
    let input = find(&host, "dialog input[name=passphrase]");
    let described = input.get_attribute("aria-describedby").unwrap();
    assert!(
        described.split(' ').any(|id| id.ends_with("-error")),
        "{described}"
    );
    fill(&host, "dialog input[name=passphrase]", "long enough one");
    fill(&host, "dialog input[name=confirmation]", "long enough two");
    submit(&host, "dialog form");
    assert!(text_of(&host, "dialog .ew-error-summary").contains("different"));
    click(&host, "dialog [data-ew-action=cancel]");
    assert_eq!(stored("saving-passphrase"), None);
}
