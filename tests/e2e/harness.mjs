// Shared set-up for the end-to-end tests: the dev server on a free port and Debian's Chromium,
// launched so that it makes no connection of its own (TOOLCHAIN.md).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

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

export const CHROMIUM = "/usr/bin/chromium";
export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Runs in every test page before the page's scripts: `__ew` reads inside the widget's shadow
 * root, which `document.querySelector` does not enter. A leading "ending-well " in a selector is
 * dropped; `__ew.focused()` is the focused element inside the shadow root.
 */
export function shadowHelpers() {
  const root = () => document.querySelector("ending-well")?.shadowRoot ?? document;
  const inside = (selector) => selector.replace(/^ending-well\s+/, "");
  window.__ew = {
    root,
    $: (selector) => root().querySelector(inside(selector)),
    $$: (selector) => [...root().querySelectorAll(inside(selector))],
    matches: (element, selector) => element.matches(inside(selector)),
    focused() {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element;
    },
  };
}

/** Starts the server and the browser; `close()` stops both. */
export async function startHarness() {
  const pkg = fileURLToPath(new URL("../../www/pkg/ending_well_bytes.js", import.meta.url));
  assert.ok(existsSync(pkg), "www/pkg is missing: run `bash scripts/build.sh` first");
  const server = await serve(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
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

/** A fresh context (a fresh profile: no storage) and a page that records errors. */
export async function openPage(t, browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...contextOptions });
  t.after(() => context.close());
  await context.addInitScript(shadowHelpers);
  const page = await context.newPage();
  page.setDefaultTimeout(5_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  return { context, page, errors };
}

// Getting around the widget from a test or a script, reading inside its shadow root.

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

/** Evaluates `fn(arg)` in the page until it is truthy; returns its value. */
export async function poll(page, fn, arg, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

/** Clicks an element of the widget from script. */
export async function click(page, selector) {
  const found = await page.evaluate((selector) => {
    const el = __ew.$(selector);
    el?.click();
    return Boolean(el);
  }, selector);
  if (!found) throw new Error(`no element matches ${selector}`);
}

/** Types into a text field of the widget, as the input event would report it. */
export async function type(page, selector, text) {
  const found = await page.evaluate(
    ([selector, text]) => {
      const el = __ew.$(selector);
      if (!el) return false;
      el.value = text;
      el.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      return true;
    },
    [selector, text],
  );
  if (!found) throw new Error(`no text field matches ${selector}`);
}

/** Waits until an element of the widget is shown: in the page, not hidden, with a box. */
export const shows = (page, selector) =>
  poll(
    page,
    (selector) => {
      const el = __ew.$(selector);
      return el && !el.closest("[hidden]") && el.getClientRects().length > 0;
    },
    selector,
    `${selector} to show`,
  );

/** The heading of the widget's current screen. */
export const heading = (page) =>
  page.evaluate(() => __ew.$(".ew-screen h2.ew-heading")?.textContent ?? "");

/** Clicks a button of the screen and waits for another screen. */
export async function act(page, action) {
  const before = await heading(page);
  await click(page, `.ew-screen button[data-ew-action="${action}"]`);
  await poll(
    page,
    (before) => (__ew.$(".ew-screen h2.ew-heading")?.textContent ?? before) !== before,
    before,
    `a new screen after "${action}" on "${before}"`,
  );
}
