// The heart of the product in every engine clients use: Chromium, Firefox and WebKit (the engine
// of every iPhone and iPad browser), each driven through its own W3C WebDriver (chromedriver,
// geckodriver, WebKitGTK's WebKitWebDriver with its MiniBrowser on a virtual display) by one
// client, Selenium's `selenium-webdriver` from npm, with one set of steps:
//
//   - a whole reflection, start to summary, by the engine's own clicks and keys (WebDriver finds
//     the controls in the widget's shadow root): a radio, the follow-up it reveals, typed text;
//     "Just for me" holds the words and "To bring" does not;
//   - the response to thoughts of suicide appears right after its question on "Yes, sometimes",
//     and goes again on "No";
//   - nothing is requested after the page's own files have loaded: the dev server's own log of
//     every request it served is the evidence, since WebDriver gives no request log; the strict
//     policy reports no violation; and nothing is stored (local and session storage, IndexedDB,
//     cookies, Cache Storage, service workers), since the client did not choose to save;
//   - quick exit, tapped with WebDriver's touch pointer, leaves for the clinic's neutral address,
//     and what the client wrote is not on the page left behind;
//   - in a window as narrow as the engine allows (360 CSS px; headless Firefox keeps its
//     window at least 500 px wide), the introduction, a section, the review and the summary do not scroll
//     sideways and every control is at least 24 × 24 CSS px, measured as the layout tests do.
//
// The rest of the end-to-end suite runs in Firefox and WebKit through the same client, with a
// Playwright-like page over it (tests/e2e/webdriver-page.mjs, scripts/test-engines.sh).
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/engines.test.mjs
// Needs the release build in www/pkg (bash scripts/build.sh), and chromium, chromedriver,
// firefox-esr, geckodriver, webkit2gtk-driver and xvfb (scripts/setup.sh installs them).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { By } from "selenium-webdriver";
import { shadowHelpers, sleep, WAIT_MS } from "../../scripts/browser.mjs";
import { ENGINES, openEngine, tap } from "./drivers.mjs";
import { serve } from "../../scripts/serve.mjs";
import { builtInQuestionnaire, locale, TEST_TIMEOUT } from "./harness.mjs";
import { layoutHelpers } from "./layout-helpers.mjs";

const EN = locale("en");
const QUESTIONNAIRE = builtInQuestionnaire("en");

/**
 * Runs `body` (a function, sent as its source, taking `args`) in the page, where `__$` finds an
 * element inside the widget's shadow root.
 */
function inPage(client, body, ...args) {
  return client.executeScript(
    `const root = document.querySelector("ending-well")?.shadowRoot;
     const __$ = (selector) => root?.querySelector(selector);
     return (${body})(...arguments);`,
    ...args,
  );
}

/** Waits until `body` returns something truthy in the page. */
async function until(client, body, what, ...args) {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const value = await inPage(client, body, ...args).catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited ${WAIT_MS} ms for ${what}`);
    await sleep(50);
  }
}

const heading = (client) =>
  inPage(client, () => __$(".ew-screen h2.ew-heading")?.textContent ?? "");

/** The element of the widget that `selector` finds, inside its shadow root. */
async function control(client, selector) {
  const root = await (await client.findElement(By.css("ending-well"))).getShadowRoot();
  return root.findElement(By.css(selector));
}

/** The narrowest window asked for: a phone's width. */
const NARROW = 360;

/**
 * On the screen showing: what scrolls sideways, and controls under 24 × 24 CSS px, measured in
 * the page with the layout tests' own measures.
 */
async function layoutProblems(client, screen) {
  const { problems } = await client.executeScript(
    `(${shadowHelpers})(); (${layoutHelpers})();
     return __layout.smallScreenProblems(arguments[0]);`,
    screen,
  );
  return problems;
}

/**
 * On the section with the question on thoughts of suicide: the response, before an answer,
 * after "Yes, sometimes" (where it is, and its heading), and after "No".
 */
async function safetyResponse(client) {
  const shown = () =>
    inPage(client, () => {
      const panel = __$(".ew-safety");
      return Boolean(panel) && !panel.hidden && panel.checkVisibility();
    });
  const before = await shown();
  await (await control(client, '[id$="-q-harm-thoughts-option-sometimes"]')).click();
  await until(client, () => __$(".ew-safety")?.checkVisibility(), "the response");
  const placed = await inPage(client, () => ({
    afterTheQuestion: __$('[id$="-q-harm-thoughts"]').nextElementSibling === __$(".ew-safety"),
    heading: __$(".ew-safety h3").textContent,
  }));
  const yes = await shown();
  await (await control(client, '[id$="-q-harm-thoughts-option-no"]')).click();
  await until(client, () => __$(".ew-safety").hidden, "the response to go");
  return { before, yes, ...placed, no: await shown() };
}

/** Clicks a button of the widget, by its action, and waits for the next screen. */
async function act(client, action) {
  const before = await heading(client);
  await (await control(client, `.ew-screen [data-ew-action="${action}"]`)).click();
  await until(
    client,
    (before) => __$(".ew-screen h2.ew-heading")?.textContent !== before,
    action,
    before,
  );
}

describe("Every engine: a whole reflection, nothing sent, quick exit", () => {
  let server;
  let origin;
  const served = [];
  before(async () => {
    server = await serve(0);
    server.on("request", (request) => served.push(request.url));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((done) => server.close(done)));

  for (const name of Object.keys(ENGINES)) {
    it(name, { timeout: TEST_TIMEOUT }, async (t) => {
      const engine = await openEngine(name);
      t.after(() => engine.close());
      const { client } = engine;

      await client.manage().window().setRect({ width: NARROW, height: 740 });
      const first = served.length;
      await client.get(`${origin}/`);
      // The widget's own introduction, not the loader's drawn before the module (ew0): the
      // module is requested once that is drawn, so "loaded" is when the widget has started.
      await until(
        client,
        (title) => {
          const heading = __$(".ew-screen h2.ew-heading");
          return heading?.textContent === title && heading.id !== "ew0-heading";
        },
        "the widget",
        QUESTIONNAIRE.title,
      );
      const loaded = served.length;
      // Violations of the strict policy from here on, as the page itself hears them.
      await client.executeScript(
        `window.__violations = [];
         document.addEventListener("securitypolicyviolation", (event) =>
           window.__violations.push(event.violatedDirective + " " + event.blockedURI));`,
      );

      // A whole reflection: a radio and the follow-up it reveals, then typed text.
      const words = `E2E-${name}-words`;
      const layout = await layoutProblems(client, "introduction");
      await act(client, "start");
      await (await control(client, '[id$="-q-who-decided-option-therapist-choice"]')).click();
      await until(client, () => !__$('[id$="-q-not-my-choice"]').hidden, "the follow-up");
      await (await control(client, '[id$="-q-not-my-choice-input"]')).sendKeys(words);
      layout.push(...(await layoutProblems(client, "a section with a follow-up")));
      let safety = null;
      while ((await heading(client)) !== EN.review_heading) {
        await act(client, "next");
        if (await inPage(client, () => Boolean(__$('[id$="-q-harm-thoughts"]')))) {
          safety = await safetyResponse(client);
        }
      }
      assert.deepEqual(
        safety,
        { before: false, yes: true, afterTheQuestion: true, heading: EN.safety_heading, no: false },
        "the response to thoughts of suicide: shown right after its question, and hidden again",
      );
      layout.push(...(await layoutProblems(client, "the review")));
      assert.ok(
        (await inPage(client, () => __$(".ew-screen").textContent)).includes(words),
        "the review shows the words",
      );
      await act(client, "summary");
      layout.push(...(await layoutProblems(client, "the summary")));
      assert.deepEqual(layout, [], "no sideways scrolling, no control under 24 × 24 px");
      const width = await client.executeScript("return document.documentElement.clientWidth");
      const outputs = await inPage(client, () => ({
        mine: __$(".ew-output--mine").textContent,
        bring: __$(".ew-output--bring").textContent,
      }));
      assert.ok(outputs.mine.includes(words), '"Just for me" holds the words');
      assert.ok(!outputs.bring.includes(words), '"To bring" holds only what was chosen');

      await sleep(300);
      assert.deepEqual(served.slice(loaded), [], "nothing was requested after the page loaded");
      assert.deepEqual(await client.executeScript("return window.__violations"), []);
      // Nothing stored: the client did not choose to save.
      const stored = await client.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         (async () => ({
           localStorage: localStorage.length,
           sessionStorage: sessionStorage.length,
           indexedDB: indexedDB.databases ? (await indexedDB.databases()).length : 0,
           cookie: document.cookie,
           caches: self.caches ? (await caches.keys()).length : 0,
           serviceWorkers: navigator.serviceWorker
             ? (await navigator.serviceWorker.getRegistrations()).length
             : 0,
         }))().then(done, (error) => done(String(error)));`,
      );
      assert.deepEqual(
        stored,
        {
          localStorage: 0,
          sessionStorage: 0,
          indexedDB: 0,
          cookie: "",
          caches: 0,
          serviceWorkers: 0,
        },
        "nothing stored without the client's choice",
      );

      // Quick exit, from a page whose clinic leaves for "/".
      await client.get(`${origin}/examples/custom-questionnaire.html`);
      await until(client, () => __$('.ew-screen [data-ew-action="start"]'), "the clinic's widget");
      await act(client, "start");
      const box = await inPage(
        client,
        () =>
          [...__$(".ew-screen").querySelectorAll("textarea, input[type=text]")].find((field) =>
            field.checkVisibility(),
          )?.id,
      );
      await (await control(client, `#${box}`)).sendKeys(words);
      // As on a phone: a tap.
      await tap(client, await control(client, '[data-ew-action="exit"]'));
      const end = Date.now() + WAIT_MS;
      while (!(await client.getCurrentUrl()).endsWith("/") && Date.now() < end) await sleep(50);
      assert.equal(
        new URL(await client.getCurrentUrl()).pathname,
        "/",
        "left for the clinic's address",
      );
      const left = await client.executeScript("return document.documentElement.textContent");
      assert.ok(!left.includes(words), "what the client wrote is not on the page");
      t.diagnostic(
        `${name}: ${loaded - first} files at load, none after; layout at ${width} px: ` +
          `4 screens, no sideways scrolling, controls 24×24 or more; quick exit by tap to /`,
      );
    });
  }
});
