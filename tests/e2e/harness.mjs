// Shared set-up for the end-to-end tests: the dev server on a free port and Debian's Chromium,
// launched so that it makes no connection of its own (scripts/browser.mjs, which the benchmark
// and the screenshots share), and the one set of timeouts every test file uses.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import {
  CRYPTO_WAIT_MS,
  launchChromium,
  openWidgetPage,
  PKG,
  poll,
} from "../../scripts/browser.mjs";
import { serve } from "../../scripts/serve.mjs";
import { createRouter, launchWebDriver } from "./webdriver-page.mjs";

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
  waitForSaved,
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

/**
 * The engine the tests run in: EW_ENGINE=chromium (the default, through Playwright), firefox or
 * webkit (through their WebDriver, tests/e2e/webdriver-page.mjs).
 */
export const ENGINE = { chromium: "Chromium", firefox: "Firefox", webkit: "WebKit" }[
  process.env.EW_ENGINE ?? "chromium"
];
if (!ENGINE) throw new Error(`EW_ENGINE=${process.env.EW_ENGINE}: chromium, firefox or webkit`);

/**
 * What an engine's driver cannot do for a test, and why; the README lists the tests so marked.
 * Use as a test's options: `it("…", needs("downloads"), async (t) => …)`.
 */
const LACKS = {
  downloads: "WebDriver reports no downloads",
  requests: "WebDriver reports no requests (the engines test reads the server's log instead)",
  "print media": "WebDriver cannot emulate print media or print to PDF with page sizes",
  touch: "the desktop engine cannot emulate a phone's touch screen and coarse pointer",
  "narrow window": "headless Firefox keeps its window at least 500 CSS px wide",
  locale: "WebKitGTK's WebDriver cannot set the browser's language",
  "Chromium profile": "the test starts Chromium itself, with a profile folder of its own",
  frames: "the WebDriver page does not enter frames (the configuration page's preview)",
  tabs: "the WebDriver pages open one tab per context",
  zoom: "WebDriver cannot set a device scale factor (400% zoom)",
  "forced colours": "WebKitGTK's WebDriver cannot turn on forced colours",
  "closing a tab": "WebDriver closes a tab without the page's beforeunload prompt",
  "errors while leaving":
    "the page's errors are read from the page itself, and this page leaves at once, taking them",
  "staying after a 204":
    "WebKit swaps processes for a navigation to another site and shows an empty page when that site answers 204 No Content",
};
const LACKED = {
  Chromium: [],
  Firefox: [
    "downloads",
    "requests",
    "print media",
    "touch",
    "narrow window",
    "zoom",
    "Chromium profile",
    "tabs",
    "closing a tab",
    "errors while leaving",
    "frames",
  ],
  WebKit: [
    "downloads",
    "requests",
    "print media",
    "touch",
    "locale",
    "Chromium profile",
    "tabs",
    "zoom",
    "forced colours",
    "closing a tab",
    "errors while leaving",
    "staying after a 204",
    "frames",
  ],
};
/**
 * A touch screen of `viewport`'s size, as a context's options. In Chromium, touch is emulated: a
 * coarse pointer, touch events, a phone's viewport rules. Firefox and WebKit get a window of that
 * size, where a tap is WebDriver's own touch pointer (`page.tap`) and the pointer media queries
 * stay a desktop's (so the 44 px targets for a coarse pointer are measured in Chromium only).
 * Headless Firefox cannot be narrower than 500 px: a test on a phone there needs("narrow window").
 */
function touchScreen(viewport) {
  return ENGINE === "Chromium" ? { viewport, hasTouch: true, isMobile: true } : { viewport };
}
/** A phone: an iPhone SE's or a small Android phone's 375 × 667 CSS px. */
export const PHONE = touchScreen({ width: 375, height: 667 });
/** A tablet: an iPad's 768 × 1024 CSS px, upright. */
export const TABLET = touchScreen({ width: 768, height: 1024 });

export function needs(...features) {
  const lacked = features.filter((feature) => LACKED[ENGINE].includes(feature));
  for (const feature of features) assert.ok(LACKS[feature], `unknown feature ${feature}`);
  return lacked.length === 0
    ? {}
    : { skip: `${ENGINE}: ${lacked.map((feature) => LACKS[feature]).join("; ")}` };
}

/** Starts the server and the browser; `close()` stops both. */
export async function startHarness() {
  assert.ok(existsSync(PKG), "www/pkg is missing: run `bash scripts/build.sh` first");
  const router = ENGINE === "Chromium" ? null : createRouter();
  const server = await serve(0, "127.0.0.1", router?.hooks);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = router
    ? await launchWebDriver(ENGINE, router, router.attach(server))
    : await launchChromium();
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

/** Each test's open context, which its next one replaces. */
const openContexts = new WeakMap();

/**
 * Closes the context test `t` opened last, if any, before it opens another: one browser at a
 * time for each test (two MiniBrowsers at once have left WebKit's driver unanswering on this
 * machine). With `ownedBy`, every way a test opens a context.
 */
export async function closeEarlierContext(t) {
  await openContexts.get(t)?.close();
}

/** Makes `context` test `t`'s: closed after the test, or when it opens another. */
export function ownedBy(t, context) {
  openContexts.set(t, context);
  t.after(() => context.close());
}

/**
 * A fresh context (a fresh profile: no storage), closed after the test or when it opens another,
 * and a page that records errors.
 */
export async function openPage(t, browser, contextOptions = {}) {
  await closeEarlierContext(t);
  // `holdsRequests: true`: the test holds a request of the page back; a WebDriver must then not
  // wait for the page's load event before each command (webdriver-page.mjs). Playwright never
  // does, and takes no such option.
  const options = { ...contextOptions };
  if (!browser.engine) delete options.holdsRequests;
  const opened = await openWidgetPage(browser, options);
  ownedBy(t, opened.context);
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

/**
 * Waits for the widget itself, not the loader's introduction drawn before the module has
 * started: the loader's ids begin "ew0", the widget's count from "ew1".
 */
export async function waitForWidget(page) {
  await poll(
    page,
    () => /^ew[1-9]\d*-/.test(__ew.$(".ew-screen h2.ew-heading")?.id ?? ""),
    null,
    "the widget to mount",
  );
}

/** Waits for the widget's first screen; returns its id prefix ("ew1") from the heading's id. */
export async function widgetPrefix(page) {
  await waitForWidget(page);
  const id = await page.evaluate(() => __ew.$(".ew-screen h2.ew-heading").id);
  assert.match(id, /^ew[1-9]\d*-heading$/, "the heading has a prefixed id");
  return id.replace(/-heading$/, "");
}

/** Saves the answers on the device with `passphrase`, as a client would, and waits for it. */
export async function saveWith(page, passphrase) {
  await page.click("ending-well [data-ew-action=save]");
  await page.fill("ending-well dialog input[name=passphrase]", passphrase);
  await page.fill("ending-well dialog input[name=confirmation]", passphrase);
  await page.click("ending-well dialog button[type=submit]");
  await poll(
    page,
    () => /\d\d:\d\d/.test(__ew.$(".ew-save-status")?.textContent ?? ""),
    null,
    "the first save",
    CRYPTO_WAIT_MS,
  );
}
