// Crypto hygiene, checked with Web Crypto independently of the widget: a draft is bound to its
// format and questionnaire (AES-GCM associated data), the passphrase is taken in Unicode's
// composed form (NFC), and drafts saved in the first format still open.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CRYPTO_WAIT_MS,
  draftKeyHelper,
  openPage,
  poll,
  saveWith,
  useHarness,
  waitForHeading,
} from "./harness.mjs";

const harness = useHarness();
const STORAGE_KEY = "ending-well:draft:ending-therapy";

/** The demo page in a fresh profile, on its first screen. */
async function demo(t) {
  const opened = await openPage(t, harness.browser);
  await opened.context.addInitScript(draftKeyHelper);
  await opened.page.goto(`${harness.origin}/`);
  await opened.page.waitForSelector("ending-well [data-ew-action=start]");
  return opened;
}

/** Loads the page again and opens the stored draft with `passphrase`, as a client would. */
async function reopenWith(page, passphrase) {
  await page.reload();
  await waitForHeading(page, "Answers saved on this device");
  await page.fill("ending-well form[data-ew-form=unlock] input[name=passphrase]", passphrase);
  await page.click("ending-well form[data-ew-form=unlock] button[type=submit]");
  await poll(
    page,
    () => __ew.$(".ew-status")?.textContent.includes("are back"),
    null,
    "the answers back",
    CRYPTO_WAIT_MS,
  );
}

/**
 * Decrypts the stored draft with Web Crypto, as told: with or without the associated data, with
 * the passphrase as given. Returns the plaintext, or null when the tag does not match.
 */
function decryptStored(page, { passphrase, associatedData }) {
  return page.evaluate(
    async ({ key, passphrase, associatedData }) => {
      const envelope = JSON.parse(localStorage.getItem(key));
      const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      const aes = await __draftKey(passphrase, bytes(envelope.salt), envelope.iter, ["decrypt"]);
      const params = { name: "AES-GCM", iv: bytes(envelope.iv) };
      if (associatedData !== null) params.additionalData = new TextEncoder().encode(associatedData);
      try {
        return new TextDecoder().decode(
          await crypto.subtle.decrypt(params, aes, bytes(envelope.ct)),
        );
      } catch {
        return null;
      }
    },
    { key: STORAGE_KEY, passphrase, associatedData },
  );
}

describe("Crypto hygiene", () => {
  it("binds a draft to its format and questionnaire, and takes the passphrase in NFC", async (t) => {
    const { page, errors } = await demo(t);
    // "Café" typed with a combining accent: the same passphrase as "Café" typed in one piece.
    const decomposed = "Cafe\u0301 by the river";
    const composed = decomposed.normalize("NFC");
    assert.notEqual(decomposed, composed);
    await saveWith(page, decomposed);
    const bound = "ending-well draft 2: ending-therapy";
    const plaintext = await decryptStored(page, { passphrase: composed, associatedData: bound });
    assert.ok(plaintext?.trimEnd().startsWith("{"), "opens with the composed form and the binding");
    assert.equal(plaintext.length % 4096, 0, "padded");
    assert.equal(
      await decryptStored(page, { passphrase: composed, associatedData: null }),
      null,
      "without the binding, the tag does not match",
    );
    assert.equal(
      await decryptStored(page, {
        passphrase: composed,
        associatedData: "ending-well draft 2: another",
      }),
      null,
      "bound to another questionnaire, the tag does not match",
    );
    assert.equal(
      await decryptStored(page, { passphrase: decomposed, associatedData: bound }),
      null,
      "the key comes from the composed form",
    );

    // The next visit opens it with the passphrase typed in one piece.
    await reopenWith(page, composed);
    assert.deepEqual(errors, []);
  });

  it("a draft saved in the first format, without the binding, still opens", async (t) => {
    const { page, errors } = await demo(t);
    const passphrase = "an older passphrase";
    // A draft as the first version wrote it: no questionnaire named, nothing bound, the
    // passphrase as typed; the answer "Since the spring" to "weeks-known".
    await page.evaluate(
      async ({ key, passphrase }) => {
        const draft = JSON.stringify({
          questionnaire: "ending-therapy",
          answers: { "weeks-known": "Since the spring" },
        });
        const salt = crypto.getRandomValues(new Uint8Array(16));
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const aes = await __draftKey(passphrase, salt, 600000, ["encrypt"]);
        const ct = new Uint8Array(
          await crypto.subtle.encrypt(
            { name: "AES-GCM", iv },
            aes,
            new TextEncoder().encode(draft),
          ),
        );
        const base64 = (bytes) => btoa(String.fromCharCode(...bytes));
        localStorage.setItem(
          key,
          JSON.stringify({
            v: 1,
            kdf: "PBKDF2-SHA256",
            iter: 600000,
            salt: base64(salt),
            iv: base64(iv),
            ct: base64(ct),
          }),
        );
      },
      { key: STORAGE_KEY, passphrase },
    );
    await reopenWith(page, passphrase);
    assert.deepEqual(errors, []);
  });
});
