// End-to-end privacy tests of the Ending Well demo page, in Debian's Chromium: nothing leaves
// the device, nothing is stored without consent, and what is stored is encrypted.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/
// Needs the release build in www/pkg (bash scripts/build.sh) and /usr/bin/chromium.
//
// These tests click (page.click, page.fill): the keyboard is covered by keyboard.test.mjs.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createDecipheriv, pbkdf2Sync, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  closeEarlierContext,
  CRYPTO_WAIT_MS,
  draftKeyHelper,
  heading,
  launchChromiumProfile,
  loadDemo,
  needs,
  ownedBy,
  poll,
  shadowHelpers,
  sleep,
  startHarness,
  TEST_TIMEOUT,
  WAIT_MS,
  waitForHeading,
  widgetPrefix,
} from "./harness.mjs";

const STORAGE_KEY = "ending-well:draft:ending-therapy";
const PASSPHRASE = "quiet river in the morning";
const WRONG_PASSPHRASE = "loud river in the evening";
const MIN_ITERATIONS = 600_000;

/** The only files the page may ask its own server for, by path. */
const STATIC_FILES = new Set([
  "/",
  "/index.html",
  "/clinic.css",
  "/ending-well.css",
  "/ending-well.js",
  "/pkg/ending_well.js",
  "/pkg/ending_well_bytes.js",
  "/favicon.ico",
]);
/** URL schemes that never reach the network (object URLs of downloads, inline data). */
const LOCAL_SCHEMES = new Set(["blob:", "data:", "about:"]);

/** A token that makes each run's answers unique, so nothing passes by accident. */
const RUN = randomBytes(4).toString("hex");

let harness;
let origin;
let browser;
let downloadsDir;
/** The encrypted backup downloaded by the first test, reused by the backup test. */
let sharedBackup = null;

before(async () => {
  harness = await startHarness();
  ({ origin, browser } = harness);
  downloadsDir = mkdtempSync(join(tmpdir(), "ending-well-downloads-"));
});

after(async () => {
  await harness?.close();
  if (downloadsDir) rmSync(downloadsDir, { recursive: true, force: true });
});

/**
 * Runs in every document before the page's own scripts: records CSP violations and counts
 * window.print() calls (the real print still runs; headless Chromium returns at once).
 */
function initScript() {
  window.__ewViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__ewViolations.push(
      `${event.effectiveDirective || event.violatedDirective} blocked ` +
        `${event.blockedURI || "(inline)"} at ${event.sourceFile || "?"}:${event.lineNumber}`,
    );
  });
  window.__ewPrints = 0;
  const print = window.print.bind(window);
  window.print = () => {
    window.__ewPrints += 1;
    return print();
  };
}

/** Records everything the context asks for and every error on the page. */
function record(context, page) {
  const seen = {
    requests: [],
    failed: [],
    problems: [],
    downloads: [],
    websockets: [],
    workers: [],
    clear() {
      for (const list of [this.requests, this.failed, this.problems, this.downloads]) {
        list.length = 0;
      }
    },
  };
  context.on("request", (request) =>
    seen.requests.push({
      url: request.url(),
      scheme: new URL(request.url()).protocol,
      type: request.resourceType(),
      method: request.method(),
    }),
  );
  context.on("requestfailed", (request) =>
    seen.failed.push(`${request.url()}: ${request.failure()?.errorText}`),
  );
  context.on("serviceworker", (worker) => seen.workers.push(`service worker ${worker.url()}`));
  page.on("worker", (worker) => seen.workers.push(`worker ${worker.url()}`));
  page.on("websocket", (socket) => seen.websockets.push(socket.url()));
  page.on("pageerror", (error) => seen.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") seen.problems.push(`console error: ${message.text()}`);
  });
  page.on("download", (download) => seen.downloads.push(download.url()));
  return seen;
}

/**
 * A fresh context (its own storage, like a new private window) and a recorded page; the test's
 * context before it is closed first (harness.mjs, `closeEarlierContext`).
 */
async function openPage(t, { clipboard = false } = {}) {
  await closeEarlierContext(t);
  const context = await browser.newContext({
    viewport: { width: 1000, height: 800 },
    acceptDownloads: true,
  });
  ownedBy(t, context);
  if (clipboard) {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  }
  await context.addInitScript(initScript);
  await context.addInitScript(shadowHelpers);
  await context.addInitScript(draftKeyHelper);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const seen = record(context, page);
  return { context, page, seen };
}

/**
 * Loads the demo page and waits for the widget; returns its id prefix ("ew1"). If a rebuild
 * removed the package while the page loaded, waits for it and loads again (once), forgetting
 * what `seen` recorded of the first load.
 */
async function openDemo(page, seen) {
  await loadDemo(page, origin, {
    onRetry() {
      console.log("privacy: the widget did not mount; waiting for www/pkg and loading again");
      seen?.clear();
    },
  });
  return widgetPrefix(page);
}

/** Clicks a button of the current screen and waits for the next screen's heading. */
async function clickToNextScreen(page, action) {
  const before = await heading(page);
  await page.click(`ending-well .ew-screen button[data-ew-action="${action}"]`);
  await poll(
    page,
    (before) => (__ew.$("ending-well .ew-screen h2.ew-heading")?.textContent ?? before) !== before,
    before,
    `a new screen after "${action}" on "${before}"`,
  );
}

/** From the introduction or any section, moves forward to the section with `questionId`. */
async function goToQuestion(page, prefix, questionId) {
  const block = `#${prefix}-q-${questionId}`;
  for (let steps = 0; steps < 30; steps++) {
    if ((await page.locator(block).count()) > 0) return;
    const onIntro =
      (await page.locator('ending-well .ew-screen button[data-ew-action="start"]').count()) > 0;
    await clickToNextScreen(page, onIntro ? "start" : "next");
  }
  assert.fail(`never reached the section with ${questionId}`);
}

/** The value of a text question's box. */
function fieldValue(page, prefix, questionId) {
  return page.inputValue(`#${prefix}-q-${questionId}-input`);
}

/**
 * Answers the whole questionnaire by clicking: a radio in the first section, a checkbox in the
 * second, the given texts wherever their questions are; then the review and the summary.
 */
async function completeQuestionnaire(page, prefix, texts) {
  await clickToNextScreen(page, "start");
  const radio = `#${prefix}-q-who-decided-option-therapist-choice`;
  if ((await page.locator(radio).count()) > 0) await page.check(radio);
  const filled = new Set();
  for (let steps = 0; steps < 30; steps++) {
    const feelings = `#${prefix}-q-feelings-option-sadness`;
    if ((await page.locator(feelings).count()) > 0) await page.check(feelings);
    for (const [id, text] of Object.entries(texts)) {
      const box = page.locator(`#${prefix}-q-${id}-input`);
      if ((await box.count()) > 0 && (await box.isVisible())) {
        await box.fill(text);
        filled.add(id);
      }
    }
    if ((await heading(page)) === "Check your answers") break;
    await clickToNextScreen(page, "next");
  }
  assert.equal(await heading(page), "Check your answers", "the review follows the last section");
  assert.deepEqual([...filled].sort(), Object.keys(texts).sort(), "every answer was typed");
  const review = await page.textContent("ending-well .ew-screen");
  for (const text of Object.values(texts)) {
    assert.ok(review.includes(text), `the review shows "${text}"`);
  }
  await clickToNextScreen(page, "summary");
  assert.equal(await heading(page), "Your summary");
  const summary = await page.textContent("ending-well .ew-summary");
  for (const text of Object.values(texts)) {
    assert.ok(summary.includes(text), `the summary shows "${text}"`);
  }
}

/** The actions that act on one of the summary's two outputs. */
const OUTPUT_ACTIONS = new Set(["print", "download-text", "download-html", "copy"]);

/**
 * Clicks the widget's own button for `action`; for an output's button, the one of "Just for
 * me", which holds every answer.
 */
async function clickAction(page, action) {
  const output = OUTPUT_ACTIONS.has(action) ? '[data-ew-output="mine"]' : "";
  await page.click(`ending-well button[data-ew-action="${action}"]${output}`);
}

/** Clicks `action` and saves the file it downloads into the downloads folder. */
async function downloadVia(page, action, name) {
  const [download] = await Promise.all([page.waitForEvent("download"), clickAction(page, action)]);
  const path = join(downloadsDir, `${RUN}-${name}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { path, filename: download.suggestedFilename(), url: download.url() };
}

/** Fills the new passphrase dialog (saving or backup) and submits it. */
async function submitNewPassphrase(page, passphrase = PASSPHRASE) {
  const form = 'ending-well dialog.ew-dialog form[data-ew-form="new-passphrase"]';
  await page.waitForSelector(form, { state: "visible" });
  await page.fill(`${form} input[name="passphrase"]`, passphrase);
  await page.fill(`${form} input[name="confirmation"]`, passphrase);
  await page.click(`${form} button[type="submit"]`);
}

/** Downloads an encrypted backup through the passphrase dialog. */
async function downloadBackup(page, name) {
  await clickAction(page, "backup");
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: CRYPTO_WAIT_MS }),
    submitNewPassphrase(page),
  ]);
  const path = join(downloadsDir, `${RUN}-${name}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  await poll(
    page,
    () => !__ew.$("ending-well dialog.ew-dialog")?.open,
    null,
    "the backup dialog to close",
  );
  return { path, filename: download.suggestedFilename(), url: download.url() };
}

/** Opts in to saving on this device and waits for the first save. */
async function startSaving(page) {
  await page.click('ending-well .ew-savebar button[data-ew-action="save"]');
  await submitNewPassphrase(page);
  await poll(
    page,
    () => !__ew.$("ending-well dialog.ew-dialog")?.open,
    null,
    "the saving dialog to close",
  );
  await waitForSaved(page);
}

/**
 * Waits for "Saved on this device at HH:MM.", and checks that the time is the page's own clock's:
 * the minute now, or the one before if the minute turned meanwhile.
 */
async function waitForSaved(page) {
  const text = await poll(
    page,
    () => {
      const text = __ew.$("ending-well .ew-save-status")?.textContent ?? "";
      return /^Saved on this device at \d\d:\d\d\.$/.test(text) ? text : null;
    },
    null,
    'the save status "Saved on this device at HH:MM."',
    CRYPTO_WAIT_MS,
  );
  const clock = await page.evaluate(() =>
    [Date.now(), Date.now() - 60_000].map((ms) => {
      const at = new Date(ms);
      return `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
    }),
  );
  assert.ok(
    clock.some((time) => text.endsWith(` ${time}.`)),
    `"${text}" tells the time on the page's clock (${clock.join(" or ")})`,
  );
  return text;
}

/**
 * The stored draft and, with the passphrase, what it decrypts to (null if it does not). The
 * test decrypts with Web Crypto itself, independently of the widget.
 */
function readStored(page, passphrase = PASSPHRASE) {
  return page.evaluate(
    async ({ key, passphrase }) => {
      const raw = localStorage.getItem(key);
      if (raw === null) return { raw: null, plaintext: null };
      try {
        const envelope = JSON.parse(raw);
        const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
        window.__ewTestKeys ??= new Map();
        const cacheKey = `${envelope.salt}|${envelope.iter}|${passphrase}`;
        let aes = window.__ewTestKeys.get(cacheKey);
        if (!aes) {
          // From version 2 the passphrase is taken in Unicode's composed form (NFC).
          const typed = envelope.v >= 2 ? passphrase.normalize("NFC") : passphrase;
          aes = await __draftKey(typed, bytes(envelope.salt), envelope.iter, ["decrypt"]);
          window.__ewTestKeys.set(cacheKey, aes);
        }
        // From version 2 the questionnaire is bound in as associated data.
        const bound =
          envelope.v >= 2
            ? {
                additionalData: new TextEncoder().encode(
                  `ending-well draft ${envelope.v}: ${envelope.q}`,
                ),
              }
            : {};
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv: bytes(envelope.iv), ...bound },
          aes,
          bytes(envelope.ct),
        );
        return { raw, plaintext: new TextDecoder().decode(plain) };
      } catch (error) {
        return { raw, plaintext: null, error: String(error) };
      }
    },
    { key: STORAGE_KEY, passphrase },
  );
}

/** Waits until the stored draft decrypts to text containing `text`. */
async function waitForStoredText(page, text) {
  const deadline = Date.now() + CRYPTO_WAIT_MS;
  for (;;) {
    const stored = await readStored(page);
    if (stored.plaintext?.includes(text)) return stored;
    if (Date.now() > deadline) {
      assert.fail(
        `the stored draft never held "${text}" (${JSON.stringify(stored).slice(0, 300)})`,
      );
    }
    await sleep(100);
  }
}

/** Checks the shape of an encrypted envelope and that `secrets` are not readable in it. */
function checkEnvelope(raw, secrets, what) {
  const envelope = JSON.parse(raw);
  assert.deepEqual(
    Object.keys(envelope).sort(),
    ["ct", "iter", "iv", "kdf", "q", "salt", "v"],
    `${what}: exactly the envelope's fields`,
  );
  assert.equal(envelope.v, 2, `${what}: v is 2`);
  assert.equal(envelope.q, "ending-therapy", `${what}: the questionnaire it belongs to`);
  assert.equal(envelope.kdf, "PBKDF2-SHA256", `${what}: kdf`);
  assert.ok(Number.isInteger(envelope.iter) && envelope.iter >= MIN_ITERATIONS, `${what}: iter`);
  const salt = Buffer.from(envelope.salt, "base64");
  const iv = Buffer.from(envelope.iv, "base64");
  const ct = Buffer.from(envelope.ct, "base64");
  assert.ok(salt.length >= 16, `${what}: a salt of at least 16 bytes`);
  assert.equal(envelope.iv.length, 16, `${what}: the IV is 16 base64 characters`);
  assert.equal(iv.length, 12, `${what}: the IV is 12 bytes`);
  assert.ok(ct.length > 16, `${what}: a ciphertext longer than the GCM tag`);
  // The draft is padded to a power of two, at least 4 KiB, so its size says little.
  const padded = ct.length - 16;
  assert.ok(padded >= 4096 && (padded & (padded - 1)) === 0, `${what}: padded (${padded} bytes)`);
  for (const secret of secrets) {
    assert.ok(!raw.includes(secret), `${what}: "${secret}" is not in the stored text`);
    assert.ok(!ct.includes(Buffer.from(secret, "utf8")), `${what}: "${secret}" is not in ct`);
  }
  return envelope;
}

/** Decrypts an envelope in Node, independently of the browser. */
function decryptInNode(envelope, passphrase) {
  // From version 2: the passphrase in Unicode's composed form, the questionnaire bound in.
  const key = pbkdf2Sync(
    envelope.v >= 2 ? passphrase.normalize("NFC") : passphrase,
    Buffer.from(envelope.salt, "base64"),
    envelope.iter,
    32,
    "sha256",
  );
  const sealed = Buffer.from(envelope.ct, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(envelope.iv, "base64"));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  if (envelope.v >= 2)
    decipher.setAAD(Buffer.from(`ending-well draft ${envelope.v}: ${envelope.q}`));
  return Buffer.concat([
    decipher.update(sealed.subarray(0, sealed.length - 16)),
    decipher.final(),
  ]).toString("utf8");
}

/** Everything the page could have stored, as the page sees it. */
function storageInPage(page) {
  return page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
    cookie: document.cookie,
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
}

function escapeHtml(text) {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

describe("Ending Well, privacy", () => {
  it(
    "makes no request beyond its own static files",
    { timeout: TEST_TIMEOUT, ...needs("requests") },
    async (t) => {
      const { page, seen } = await openPage(t, { clipboard: true });
      const prefix = await openDemo(page, seen);
      const special = `E2E-${RUN} <private> & "quoted" 'single'`;
      const helped = `E2E-helped-${RUN}`;
      const texts = { "what-brought-you": special, "helped-most": helped };
      await completeQuestionnaire(page, prefix, texts);

      // The text file has the answer as typed; the web page has it escaped.
      const text = await downloadVia(page, "download-text", "run");
      assert.equal(text.filename, "ending-well-just-for-me.txt");
      const textContent = readFileSync(text.path, "utf8");
      assert.ok(textContent.includes(special), "the text file holds the typed answer");
      assert.ok(textContent.includes(helped), "the text file holds the other answer");

      const html = await downloadVia(page, "download-html", "run");
      assert.equal(html.filename, "ending-well-just-for-me.html");
      const htmlContent = readFileSync(html.path, "utf8");
      assert.ok(
        htmlContent.includes(escapeHtml(special)),
        "the web page holds the answer, escaped",
      );
      assert.ok(!htmlContent.includes("<private>"), "the answer's markup is not live in the page");
      assert.ok(htmlContent.includes(helped));
      assert.ok(
        !/<script|<link|\bsrc=|https?:\/\//i.test(htmlContent),
        "the web page loads nothing",
      );

      // The encrypted backup: the envelope, with nothing readable in it.
      const backup = await downloadBackup(page, "run");
      assert.equal(backup.filename, "ending-well-backup.json");
      const backupRaw = readFileSync(backup.path, "utf8");
      const envelope = checkEnvelope(
        backupRaw,
        [special, helped, `E2E-${RUN}`, "<private>"],
        "backup",
      );
      const opened = decryptInNode(envelope, PASSPHRASE);
      assert.ok(opened.includes(helped), "the backup decrypts (in Node) to the answers");
      assert.ok(opened.includes(JSON.stringify(special).slice(1, -1)), "with the special answer");
      sharedBackup = { path: backup.path, answer: helped, special };

      // The clipboard.
      await clickAction(page, "copy");
      await poll(
        page,
        () => __ew.$("ending-well .ew-status")?.textContent.includes("copied"),
        null,
        'the live region to say "Your summary was copied."',
      );
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(clipboard.includes(special), "the clipboard holds the summary with the answer");

      // Print.
      await clickAction(page, "print");
      await poll(page, () => window.__ewPrints === 1, null, "window.print() to be called");
      await sleep(300);
      assert.equal(await page.evaluate(() => window.__ewPrints), 1, "print was called once");

      await page.waitForLoadState("networkidle");
      const violations = await page.evaluate(() => window.__ewViolations);
      const network = seen.requests.filter((request) => !LOCAL_SCHEMES.has(request.scheme));
      const local = seen.requests.filter((request) => LOCAL_SCHEMES.has(request.scheme));
      const localDownloads = seen.downloads.map((url) => new URL(url).protocol);
      const outside = network.filter((request) => new URL(request.url).origin !== origin);
      const unknown = network.filter(
        (request) =>
          new URL(request.url).origin === origin &&
          !STATIC_FILES.has(new URL(request.url).pathname),
      );
      const files = [...new Set(network.map((request) => new URL(request.url).pathname))];
      console.log(
        `privacy: ${seen.requests.length} requests seen, ${network.length} over the network to ` +
          `${files.length} static files (${files.join(", ")}); ${local.length} blob:/data: requests; ` +
          `${seen.downloads.length} downloads from ${[...new Set(localDownloads)].join(", ")} URLs; ` +
          `${violations.length} CSP violations; ${seen.problems.length} console/page errors`,
      );
      assert.deepEqual(outside, [], `nothing is asked of any origin but ${origin}`);
      assert.deepEqual(unknown, [], "only the page's own static files are asked for");
      assert.ok(
        !seen.requests.some((request) => /\.wasm(\?|$)/.test(request.url)),
        "the .wasm file itself is never requested",
      );
      assert.ok(
        network.every((request) => request.method === "GET"),
        "nothing but GET: no form posts, no beacons",
      );
      assert.ok(
        localDownloads.every((scheme) => scheme === "blob:"),
        "downloads come from object URLs",
      );
      assert.deepEqual(seen.failed, [], "no request failed");
      assert.deepEqual(seen.websockets, [], "no WebSocket");
      assert.deepEqual(seen.workers, [], "no worker or service worker");
      assert.deepEqual(violations, [], "no securitypolicyviolation events");
      assert.equal(page.frames().length, 1, "no frames were added");
      assert.deepEqual(seen.problems, [], "no console or page errors");
    },
  );

  it(
    "stores nothing without consent",
    { timeout: TEST_TIMEOUT, ...needs("requests") },
    async (t) => {
      const { context, page, seen } = await openPage(t);
      const prefix = await openDemo(page, seen);
      const answer = `E2E-nothing-stored-${RUN}`;
      await completeQuestionnaire(page, prefix, { "helped-most": answer, "proud-of": answer });
      await downloadVia(page, "download-text", "consent");
      await downloadVia(page, "download-html", "consent");
      await downloadBackup(page, "consent");
      const status = await page.textContent("ending-well .ew-save-status");
      assert.equal(
        status,
        "Your answers are only in this page. Nothing is stored on this device.",
        "the save status says nothing is stored",
      );
      const stored = await storageInPage(page);
      console.log(`privacy: storage after a full run without saving: ${JSON.stringify(stored)}`);
      assert.deepEqual(stored, {
        localStorage: 0,
        sessionStorage: 0,
        indexedDB: [],
        cookie: "",
        caches: [],
        serviceWorkers: 0,
      });
      assert.deepEqual(await context.cookies(), [], "no cookies in the context");
      const state = await context.storageState();
      assert.ok(
        state.origins.every((entry) => entry.localStorage.length === 0),
        `no origin has localStorage: ${JSON.stringify(state.origins)}`,
      );
      // Errors on the page are the first test's business; here they are only reported.
      for (const problem of seen.problems) t.diagnostic(problem);
    },
  );

  it(
    "saves encrypted when asked, and a wrong passphrase leaves the draft alone",
    { timeout: TEST_TIMEOUT, ...needs("requests") },
    async (t) => {
      const { page, seen } = await openPage(t);
      const prefix = await openDemo(page, seen);
      await goToQuestion(page, prefix, "helped-most");
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null);

      await startSaving(page);
      const answer = `E2E-secret-${RUN}`;
      await page.fill(`#${prefix}-q-helped-most-input`, answer);
      const first = await waitForStoredText(page, answer);
      await waitForSaved(page);
      const envelope = checkEnvelope(first.raw, [answer, "E2E-secret"], "the first save");

      // Another change is sealed with a fresh IV (and the same key).
      const more = `${answer} and-more-${RUN}`;
      await page.fill(`#${prefix}-q-helped-most-input`, more);
      const second = await waitForStoredText(page, "and-more-");
      const envelope2 = checkEnvelope(second.raw, [answer, "and-more-"], "the second save");
      assert.notEqual(envelope2.iv, envelope.iv, "each save has a new IV");
      assert.equal(envelope2.salt, envelope.salt, "the same key (salt) while saving continues");
      assert.notEqual(envelope2.ct, envelope.ct);
      // Let any write still under way finish, so the reload sees the newest draft.
      await sleep(500);
      const settled = await waitForStoredText(page, more);

      // Reload: the draft waits behind a passphrase.
      await page.reload({ waitUntil: "load" });
      await waitForHeading(page, "Answers saved on this device");
      const before = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
      assert.equal(before, settled.raw, "reloading did not change the draft");
      const unlock = 'ending-well form[data-ew-form="unlock"]';

      await page.fill(`${unlock} input[name="passphrase"]`, WRONG_PASSPHRASE);
      await page.click(`${unlock} button[type="submit"]`);
      await page.waitForSelector("ending-well .ew-error-summary", {
        state: "visible",
        timeout: CRYPTO_WAIT_MS,
      });
      const error = await page.textContent("ending-well .ew-error-summary");
      assert.match(error, /did not open/, "the error says the passphrase did not open it");
      assert.equal(
        await heading(page),
        "Answers saved on this device",
        "still on the welcome back screen",
      );
      await sleep(500);
      assert.equal(
        await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY),
        before,
        "the stored draft is byte-for-byte unchanged after a wrong passphrase",
      );

      await page.fill(`${unlock} input[name="passphrase"]`, PASSPHRASE);
      await page.click(`${unlock} button[type="submit"]`);
      await poll(
        page,
        () => {
          const heading = __ew.$("ending-well .ew-screen h2.ew-heading");
          return heading && heading.textContent !== "Answers saved on this device";
        },
        null,
        "the draft to open",
        CRYPTO_WAIT_MS,
      );
      await poll(
        page,
        () => __ew.$("ending-well .ew-status")?.textContent.includes("are back"),
        null,
        'the live region to say "Your saved answers are back."',
      );
      await goToQuestion(page, prefix, "helped-most");
      assert.equal(await fieldValue(page, prefix, "helped-most"), more, "the answer is back");

      // Saving carries on with the same passphrase.
      const changed = `${more} changed-after-reopening`;
      await page.fill(`#${prefix}-q-helped-most-input`, changed);
      const third = await waitForStoredText(page, "changed-after-reopening");
      await waitForSaved(page);
      const envelope3 = checkEnvelope(
        third.raw,
        [answer, "changed-after-reopening"],
        "after reopening",
      );
      assert.notEqual(envelope3.iv, envelope2.iv);
      assert.deepEqual(seen.problems, [], "no console or page errors");
    },
  );

  it(
    "a backup file opens on another device",
    { timeout: TEST_TIMEOUT, ...needs("requests") },
    async (t) => {
      let backup = sharedBackup;
      if (!backup) {
        // The first test did not leave a backup: make one here.
        const { page, seen } = await openPage(t);
        const prefix = await openDemo(page, seen);
        const answer = `E2E-backup-${RUN}`;
        await goToQuestion(page, prefix, "helped-most");
        await page.fill(`#${prefix}-q-helped-most-input`, answer);
        const made = await downloadBackup(page, "device");
        backup = { path: made.path, answer };
      }

      // Another device: a separate browser with its own, new profile.
      const profile = mkdtempSync(join(tmpdir(), "ending-well-other-device-"));
      const context = await launchChromiumProfile(profile, {
        viewport: { width: 1000, height: 800 },
      });
      t.after(async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      });
      await context.addInitScript(initScript);
      await context.addInitScript(shadowHelpers);
      await context.addInitScript(draftKeyHelper);
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(WAIT_MS);
      const seen = record(context, page);
      const prefix = await openDemo(page, seen);
      assert.equal(
        await page.evaluate(() => localStorage.length),
        0,
        "the new device stores nothing",
      );

      await page.setInputFiles(
        'ending-well input[type="file"][data-ew-role="backup-file"]',
        backup.path,
      );
      await waitForHeading(page, "Open your backup");
      const unlock = 'ending-well form[data-ew-form="unlock"]';
      await page.fill(`${unlock} input[name="passphrase"]`, PASSPHRASE);
      await page.click(`${unlock} button[type="submit"]`);
      await poll(
        page,
        () => __ew.$("ending-well .ew-status")?.textContent.includes("are back"),
        null,
        'the live region to say "Your saved answers are back."',
        CRYPTO_WAIT_MS,
      );
      await goToQuestion(page, prefix, "helped-most");
      assert.equal(
        await fieldValue(page, prefix, "helped-most"),
        backup.answer,
        "the answer is back",
      );
      assert.equal(
        await page.evaluate(() => localStorage.length),
        0,
        "opening a backup stores nothing on this device",
      );
      assert.equal(
        await page.textContent("ending-well .ew-save-status"),
        "Your answers are only in this page. Nothing is stored on this device.",
      );

      // Only choosing to save stores anything, and then encrypted.
      await startSaving(page);
      const stored = await waitForStoredText(page, backup.answer);
      checkEnvelope(stored.raw, [backup.answer], "saved on the other device");
      assert.deepEqual(
        await page.evaluate(() => Object.keys(localStorage)),
        [STORAGE_KEY],
        "one key, the draft's",
      );
      assert.deepEqual(await page.evaluate(() => window.__ewViolations), [], "no CSP violations");
      assert.deepEqual(seen.problems, [], "no console or page errors");
    },
  );

  it(
    "delete everything removes the draft and the answers",
    { timeout: TEST_TIMEOUT, ...needs("requests") },
    async (t) => {
      const { page, seen } = await openPage(t);
      const prefix = await openDemo(page, seen);
      const introTitle = await heading(page);
      await goToQuestion(page, prefix, "helped-most");
      await startSaving(page);
      const answer = `E2E-to-delete-${RUN}`;
      await page.fill(`#${prefix}-q-helped-most-input`, answer);
      await waitForStoredText(page, answer);

      // Change the answer and delete at once, while that change may still be being encrypted.
      await page.fill(`#${prefix}-q-helped-most-input`, `${answer} late-change`);
      await page.click('ending-well .ew-savebar button[data-ew-action="delete"]');
      const confirm = 'ending-well dialog.ew-dialog form[data-ew-form="delete"]';
      await page.waitForSelector(confirm, { state: "visible" });
      await page.click(`${confirm} button[type="submit"]`);
      await waitForHeading(page, introTitle);
      await poll(
        page,
        () => __ew.$("ending-well .ew-status")?.textContent.includes("deleted"),
        null,
        'the live region to say "Your answers were deleted from this page and from this device."',
      );
      const keys = () =>
        page.evaluate(() =>
          Object.keys(localStorage).filter((key) => key.startsWith("ending-well")),
        );
      assert.deepEqual(await keys(), [], "no ending-well key right after deleting");
      // A save under way when deleting must not write the draft back.
      await sleep(2_500);
      assert.deepEqual(await keys(), [], "no ending-well key a moment later either");
      assert.equal(
        await page.textContent("ending-well .ew-save-status"),
        "Your answers are only in this page. Nothing is stored on this device.",
      );
      assert.ok(
        (await page.locator('ending-well .ew-screen button[data-ew-action="start"]').count()) > 0,
        "the introduction shows",
      );

      await goToQuestion(page, prefix, "helped-most");
      assert.equal(await fieldValue(page, prefix, "helped-most"), "", "the answer is gone");
      await page.reload({ waitUntil: "load" });
      await poll(
        page,
        () => __ew.$("ending-well .ew-screen h2.ew-heading") !== null,
        null,
        "the widget to mount again",
      );
      assert.equal(await heading(page), introTitle, "no welcome back after a reload");
      assert.deepEqual(await keys(), []);
      assert.deepEqual(seen.problems, [], "no console or page errors");
    },
  );

  it(
    "the print stylesheet shows only the output asked for",
    { timeout: TEST_TIMEOUT, ...needs("requests") },
    async (t) => {
      const { page, seen } = await openPage(t);
      const prefix = await openDemo(page, seen);
      const answer = `E2E-on-paper-${RUN}`;
      await completeQuestionnaire(page, prefix, { "helped-most": answer });
      // "Print" for "Just for me", which holds every answer.
      await clickAction(page, "print");
      await page.emulateMedia({ media: "print" });
      const report = await page.evaluate(() => {
        const shown = (el) => {
          const rect = el.getBoundingClientRect();
          return (
            el.checkVisibility({ visibilityProperty: true }) && rect.width > 0 && rect.height > 0
          );
        };
        const describe = (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}` +
          `${el.dataset.ewAction ? `[${el.dataset.ewAction}]` : ""}`;
        // The page's own elements and the widget's, inside its shadow root.
        const both = (selector) => [...document.querySelectorAll(selector), ...__ew.$$(selector)];
        const visible = (selector) => both(selector).filter(shown).map(describe);
        const values = [...__ew.$$("ending-well .ew-output--mine .ew-summary-value")];
        const others = [...__ew.$$("ending-well .ew-output--bring .ew-summary-value")];
        return {
          matchesPrint: matchMedia("print").matches,
          buttons: both("button").length,
          visibleButtons: visible("button"),
          visibleOther: visible(
            ".ew-savebar, .clinic-header, .clinic-footer, .clinic-skip-link, .ew-dialog, .ew-status",
          ),
          headers: both(".clinic-header, .clinic-footer, .ew-savebar").length,
          values: values.length,
          hiddenValues: values.filter((el) => !shown(el)).map((el) => el.textContent.slice(0, 40)),
          othersShown: others.filter(shown).length,
          heading: shown(__ew.$("ending-well .ew-output--mine .ew-output-heading")),
          answerShown: values.some((el) => shown(el) && el.textContent.includes("E2E-on-paper-")),
        };
      });
      await page.emulateMedia({ media: null });
      console.log(
        `privacy: print: ${report.buttons} buttons, ${report.visibleButtons.length} visible; ` +
          `${report.values} summary answers, ${report.values - report.hiddenValues.length} visible`,
      );
      assert.ok(report.matchesPrint, "print media is emulated");
      assert.ok(report.buttons > 0 && report.headers === 3, "there is something to hide");
      assert.deepEqual(report.visibleButtons, [], "no button shows on paper");
      assert.deepEqual(report.visibleOther, [], "no save bar, page header or footer on paper");
      assert.ok(report.values > 0, "the summary has answers");
      assert.deepEqual(report.hiddenValues, [], "every answer of the summary shows on paper");
      assert.equal(report.othersShown, 0, "nothing of To bring shows on paper with it");
      assert.ok(report.heading, "the output's heading shows on paper");
      assert.ok(report.answerShown, "the typed answer shows on paper");
      assert.deepEqual(seen.problems, [], "no console or page errors");
    },
  );

  it(
    "the summary offers the downloads, copy and backup buttons",
    { timeout: TEST_TIMEOUT, ...needs("requests") },
    async (t) => {
      const { page, seen } = await openPage(t);
      const prefix = await openDemo(page, seen);
      await completeQuestionnaire(page, prefix, { "helped-most": `E2E-buttons-${RUN}` });
      const offered = await page.evaluate(() =>
        [...__ew.$$("ending-well button[data-ew-action]")]
          .filter((button) => button.checkVisibility())
          .map((button) => button.dataset.ewAction),
      );
      console.log(`privacy: buttons on the summary screen: ${offered.join(", ")}`);
      const missing = ["download-text", "download-html", "copy", "backup"].filter(
        (action) => !offered.includes(action),
      );
      assert.deepEqual(
        missing,
        [],
        `the summary screen shows no button with data-ew-action ${missing.join(", ")} ` +
          `(it shows: ${offered.join(", ")})`,
      );
    },
  );

  it(
    "reports how long the key derivation takes (informational)",
    { timeout: TEST_TIMEOUT, ...needs("requests") },
    async (t) => {
      const { page, seen } = await openPage(t);
      await openDemo(page, seen);
      const times = await page.evaluate(async () => {
        const times = [];
        for (let run = 0; run < 5; run++) {
          const start = performance.now();
          await __draftKey(
            "a passphrase to time",
            crypto.getRandomValues(new Uint8Array(16)),
            600_000,
            ["encrypt", "decrypt"],
          );
          times.push(performance.now() - start);
        }
        return times;
      });
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      console.log(
        `privacy: PBKDF2-SHA256 600000 iterations to AES-GCM-256 in this Chromium: median ` +
          `${median.toFixed(0)} ms (runs: ${times.map((ms) => ms.toFixed(0)).join(", ")} ms)`,
      );
      assert.equal(times.length, 5);
    },
  );
});
