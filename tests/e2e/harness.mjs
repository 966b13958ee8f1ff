// Shared set-up for the end-to-end tests: the dev server on a free port and Debian's Chromium,
// launched so that it makes no connection of its own (scripts/browser.mjs, which the benchmark
// and the screenshots share), and the one set of timeouts every test file uses.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium, openWidgetPage, PKG, poll } from "../../scripts/browser.mjs";
import { serve } from "../../scripts/serve.mjs";

export {
  act,
  click,
  closeDialog,
  CRYPTO_WAIT_MS,
  heading,
  launchChromiumProfile,
  loadDemo,
  openDialog,
  poll,
  revealFeelings,
  shadowHelpers,
  shows,
  sleep,
  type,
  waitForHeading,
  WAIT_MS,
} from "../../scripts/browser.mjs";

/** How long one test may take at the most; the slowest walk every screen or save several times. */
export const TEST_TIMEOUT = 180_000;

/**
 * The built-in questionnaire with its text in one language: every `{"en": ..., "es": ...}` text
 * becomes the text of `language`.
 */
export function builtInQuestionnaire(language) {
  const file = fileURLToPath(new URL("../../questionnaires/ending-therapy.json", import.meta.url));
  const isText = (value) =>
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    typeof value.en === "string";
  const pick = (value) => {
    if (isText(value)) return value[language] ?? value.en;
    if (Array.isArray(value)) return value.map(pick);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pick(item)]));
    }
    return value;
  };
  return pick(JSON.parse(readFileSync(file, "utf8")));
}

/** The widget's interface text in `language`, as `locales/` ships it. */
export function locale(language) {
  const file = fileURLToPath(new URL(`../../locales/${language}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Starts the server and the browser; `close()` stops both. */
export async function startHarness() {
  assert.ok(existsSync(PKG), "www/pkg is missing: run `bash scripts/build.sh` first");
  const server = await serve(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections?.();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * Starts the harness before the file's tests and stops it after them. Returns an object that
 * has `origin`, `browser` and `close` once the tests run.
 */
export function useHarness() {
  const harness = {};
  before(async () => {
    Object.assign(harness, await startHarness());
  });
  after(() => harness.close?.());
  return harness;
}

/** A fresh context (a fresh profile: no storage), closed after the test, and a page that records errors. */
export async function openPage(t, browser, contextOptions = {}) {
  const opened = await openWidgetPage(browser, contextOptions);
  t.after(() => opened.context.close());
  return opened;
}

/**
 * Runs in the page before its scripts (add it with `context.addInitScript`):
 * `__draftKey(passphrase, salt, iterations, usages)` derives a draft's AES-GCM-256 key as the
 * envelope says (PBKDF2-SHA256), with Web Crypto: the tests' own derivation, apart from the
 * widget's.
 */
export function draftKeyHelper() {
  window.__draftKey = async (passphrase, salt, iterations, usages) => {
    const base = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(passphrase),
      "PBKDF2",
      false,
      ["deriveKey"],
    );
    return crypto.subtle.deriveKey(
      { name: "PBKDF2", hash: "SHA-256", salt, iterations },
      base,
      { name: "AES-GCM", length: 256 },
      false,
      usages,
    );
  };
}

/**
 * Opens `path` on the dev server as a plain page whose widget is configured by `settings`, in the
 * JSON inside the element, as a clinic writes it.
 */
export async function openConfigured(page, origin, settings, path = "/configured.html") {
  await page.route(`${origin}${path}`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><title>Reflection</title>
<script type="module" src="/ending-well.js"></script></head><body>
<ending-well><script type="application/json">${JSON.stringify(settings)}</script></ending-well>
</body></html>`,
    }),
  );
  await page.goto(`${origin}${path}`);
}

/** Waits for the widget's first screen; returns its id prefix ("ew1") from the heading's id. */
export async function widgetPrefix(page) {
  const id = await poll(
    page,
    () => __ew.$(".ew-screen h2.ew-heading")?.id,
    null,
    "the widget to mount",
  );
  assert.match(id, /^ew\d+-heading$/, "the heading has a prefixed id");
  return id.replace(/-heading$/, "");
}
