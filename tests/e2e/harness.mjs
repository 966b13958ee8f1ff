// Shared set-up for the end-to-end tests: the dev server on a free port and Debian's Chromium,
// launched so that it makes no connection of its own (TOOLCHAIN.md).
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

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
