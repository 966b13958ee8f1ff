// Driving the widget in Debian's Chromium, shared by the end-to-end tests (tests/e2e/harness.mjs),
// the benchmark (bench/run.mjs) and the screenshots (scripts/screenshots.mjs): which browser,
// launched so that it makes no connection of its own, helpers that read inside the widget's
// shadow root, and how to get around the widget and wait for it.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

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

/** How long to wait for something to happen in the page, by default. */
export const WAIT_MS = 10_000;
/** Saving and opening derive a key with 600,000 PBKDF2 iterations, on purpose: they take a moment. */
export const CRYPTO_WAIT_MS = 30_000;

/** The release build's package; the widget cannot mount without it. */
export const PKG = fileURLToPath(new URL("../www/pkg/ending_well_bytes.js", import.meta.url));

/** Launches Debian's headless Chromium with LAUNCH_ARGS; `options` are Playwright's. */
export function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    ...options,
  });
}

/** The same browser with its own profile in `folder`, as another device would be. */
export function launchChromiumProfile(folder, options = {}) {
  return chromium.launchPersistentContext(folder, {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    ...options,
  });
}

/**
 * Runs in every page before the page's scripts (add it with `context.addInitScript`): `__ew`
 * reads inside the widget's shadow root, which `document.querySelector` does not enter. A leading
 * "ending-well " in a selector is dropped; `__ew.focused()` is the focused element inside the
 * shadow root.
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

/**
 * A fresh context (a fresh profile: no storage) with the shadow-root helpers, and a page that
 * records its errors and console errors in `errors`. Close `context` when done.
 */
export async function openWidgetPage(browser, contextOptions = {}) {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 800 },
    ...contextOptions,
  });
  await context.addInitScript(shadowHelpers);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  return { context, page, errors };
}

// Getting around the widget, reading inside its shadow root.

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Evaluates `fn(arg)` in the page until it is truthy; returns its value. */
export async function poll(page, fn, arg, what, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
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

/** Waits until the heading of the widget's current screen reads `title`. */
export async function waitForHeading(page, title, timeout = WAIT_MS) {
  await poll(
    page,
    (title) => __ew.$(".ew-screen h2.ew-heading")?.textContent === title,
    title,
    `the heading "${title}"`,
    timeout,
  );
}

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

/** Waits until the save bar says the answers are saved on this device (encryption takes a while). */
export function waitForSaved(page) {
  return poll(
    page,
    () => /^Saved on this device at /.test(__ew.$(".ew-save-status")?.textContent ?? ""),
    null,
    "the answers to be saved",
    CRYPTO_WAIT_MS,
  );
}

/** Clicks `opener` and waits for the dialog to be open, with the form `form` when given. */
export async function openDialog(page, opener, form = null) {
  await click(page, opener);
  await poll(
    page,
    (form) => {
      const dialog = __ew.$("dialog.ew-dialog");
      return dialog?.open && (!form || dialog.querySelector(`form[data-ew-form="${form}"]`));
    },
    form,
    `the dialog opened by ${opener}`,
  );
}

/** Cancels the open dialog and waits for it to close. */
export async function closeDialog(page) {
  await click(page, 'dialog.ew-dialog [data-ew-action="cancel"]');
  await poll(page, () => !__ew.$("dialog.ew-dialog").open, null, "the dialog to close");
}

/**
 * On the feelings section of the built-in questionnaire, reveals everything it can show: ticks
 * "anger", "sadness" and "something else" and types into the box that reveals, sets the scale to
 * 7, and types `angerAbout` into the question that anger reveals.
 */
export async function revealFeelings(page, angerAbout) {
  for (const option of ["anger", "sadness", "other"]) {
    await click(page, `[id$="-q-feelings-option-${option}"]`);
  }
  await shows(page, '[id$="-q-feelings-other-wrap"]');
  await type(page, '[id$="-q-feelings-other-text"]', "Something I cannot name yet");
  await click(page, '[id$="-q-feelings-strength-option-7"]');
  await shows(page, '[id$="-q-anger-about"]');
  await type(page, '[id$="-q-anger-about-input"]', angerAbout);
}

/**
 * Loads the demo page at `origin` and waits until the widget has mounted. If it does not mount
 * (a rebuild, such as the package test's, removed www/pkg while the page loaded), waits for
 * www/pkg, calls `onRetry()` and loads once more.
 */
export async function loadDemo(page, origin, { onRetry = () => {} } = {}) {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${origin}/`, { waitUntil: "load" });
    try {
      await poll(
        page,
        () => __ew.$(".ew-screen h2.ew-heading") !== null,
        null,
        "the widget to mount",
      );
      return;
    } catch (error) {
      if (attempt > 1) throw error;
      for (let waited = 0; !existsSync(PKG) && waited < 60_000; waited += 500) await sleep(500);
      await sleep(1_000);
      onRetry();
    }
  }
}
