// Phones and tablets, by touch alone: a whole reflection from the introduction to the summary,
// every dialog, saving and coming back, another language, and quick exit, each done by tapping, on a phone (375 × 667 CSS px) and a tablet
// (768 × 1024), in Chromium with touch emulated and in Firefox and WebKit with WebDriver's touch
// pointer (harness.mjs, PHONE and TABLET). On every screen and dialog the test measures what a
// person holding the device would notice: nothing scrolls sideways, and every control is at least
// 24 × 24 CSS px (the layout tests' own measures). Text is typed after tapping into its box, as
// with an on-screen keyboard. Choices are made by tapping their words, which is what a finger aims
// at.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/touch.test.mjs
// (EW_ENGINE=firefox or webkit for the other engines). Needs the release build in www/pkg.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  builtInQuestionnaire,
  CRYPTO_WAIT_MS,
  heading,
  loadDemo,
  needs,
  openPage,
  PHONE,
  poll,
  shows,
  sleep,
  TABLET,
  TEST_TIMEOUT,
  useHarness,
  waitForSaved,
  widgetPrefix,
} from "./harness.mjs";
import { layoutHelpers } from "./layout-helpers.mjs";

const harness = useHarness();
const questionnaire = builtInQuestionnaire("en");
const EXIT_URL = "https://www.bbc.co.uk/weather";
const FOLLOW_UP = "E2E-tapped-then-typed";

const DEVICES = [
  ["phone", PHONE, needs("narrow window")],
  ["tablet", TABLET, {}],
];

/**
 * Two taps on one spot within this time are a double tap: the browser reports the second as a
 * double click, which the widget ignores (a double tap on "Continue" must not skip a section).
 * A person reads between taps; the test waits this long between two taps on the same spot,
 * since "Continue" on one screen and the next, scrolled to the middle, are often on one spot.
 */
const DOUBLE_TAP_MS = 600;
/** How far apart two taps must be not to make a double tap, in CSS px (generously). */
const SAME_SPOT_PX = 40;
const lastTap = new WeakMap();

/** A finger's tap on the middle of what `selector` finds, scrolled to the middle of the screen. */
async function tap(page, selector) {
  const spot = await page.locator(selector).evaluate((el) => {
    el.scrollIntoView({ block: "center", behavior: "instant" });
    const box = el.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  const last = lastTap.get(page);
  if (last && Math.hypot(spot.x - last.x, spot.y - last.y) < SAME_SPOT_PX) {
    const wait = last.at + DOUBLE_TAP_MS - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await page.tap(selector);
  lastTap.set(page, { ...spot, at: Date.now() });
}

/** The demo on a touch screen, with the layout measures in the page and a neutral exit page. */
async function openTouch(t, device) {
  const opened = await openPage(t, harness.browser, device);
  await opened.context.addInitScript(layoutHelpers);
  await opened.context.route(`${EXIT_URL}**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
  );
  await loadDemo(opened.page, harness.origin);
  return { ...opened, prefix: await widgetPrefix(opened.page), problems: [] };
}

/**
 * What a person would notice on the screen or dialog showing, added to `problems`: the page
 * scrolling sideways, and controls smaller than 24 × 24 CSS px. Returns how many controls it
 * measured.
 */
async function measure(page, problems, where) {
  const found = await page.evaluate((where) => __layout.smallScreenProblems(where), where);
  problems.push(...found.problems);
  return found.measured;
}

/** Taps a button of the screen and waits for the next screen. */
async function tapAction(page, action) {
  const before = await heading(page);
  await tap(page, `ending-well .ew-screen [data-ew-action="${action}"]`);
  await poll(
    page,
    (before) => (__ew.$(".ew-screen h2.ew-heading")?.textContent ?? before) !== before,
    before,
    `a new screen after tapping "${action}" on "${before}"`,
  );
  return heading(page);
}

/** Taps the words of an option; returns whether its box or circle is now chosen. */
async function tapOption(page, id) {
  await tap(page, `ending-well label[for="${id}"]`);
  return poll(page, (id) => __ew.$(`#${id}`)?.checked, id, `${id} to be chosen by a tap`);
}

/** Taps into a text box and types, as with an on-screen keyboard; returns what the box holds. */
async function tapAndType(page, selector, text) {
  await tap(page, `ending-well ${selector}`);
  await poll(
    page,
    (selector) => __ew.focused() === __ew.$(selector),
    selector,
    `focus in ${selector} after a tap`,
  );
  await page.keyboard.type(text);
  return page.evaluate((selector) => __ew.$(selector).value, selector);
}

/** Taps what opens a dialog; waits for it to be open. */
async function tapOpen(page, opener) {
  await tap(page, opener);
  await poll(page, () => __ew.$("dialog.ew-dialog")?.open, null, `the dialog of ${opener}`);
}

/** Taps the dialog's "Close" or "Cancel"; waits for it to close. */
async function tapClose(page) {
  await tap(page, 'ending-well dialog.ew-dialog [data-ew-action="cancel"]');
  await poll(page, () => !__ew.$("dialog.ew-dialog").open, null, "the dialog to close");
}

const questionIndex = (id) =>
  questionnaire.sections.flatMap((section) => section.questions).findIndex((q) => q.id === id);

describe("Phones and tablets, by touch alone", () => {
  for (const [name, device, marks] of DEVICES) {
    it(
      `a whole reflection by taps, on a ${name}`,
      { timeout: TEST_TIMEOUT, ...marks },
      async (t) => {
        const { page, errors, prefix, problems } = await openTouch(t, device);
        const q = (id) => `#${prefix}-q-${id}`;
        let measured = await measure(page, problems, "introduction");
        const first = await tapAction(page, "start");
        assert.equal(first, questionnaire.sections[0].title);

        // A radio by its words reveals its follow-up, typed into after a tap.
        assert.ok(await tapOption(page, `${prefix}-q-who-decided-option-therapist-choice`));
        await shows(page, q("not-my-choice"));
        assert.equal(await tapAndType(page, `${q("not-my-choice")}-input`, FOLLOW_UP), FOLLOW_UP);
        measured += await measure(page, problems, "section 1");
        assert.equal(await tapAction(page, "next"), questionnaire.sections[1].title);

        // A checkbox and a point of a scale, each by its words.
        assert.ok(await tapOption(page, `${prefix}-q-feelings-option-sadness`));
        assert.ok(await tapOption(page, `${prefix}-q-feelings-strength-option-3`));
        measured += await measure(page, problems, "section 2");

        // Every other section, by "Continue".
        for (let section = 2; section <= questionnaire.sections.length; section++) {
          const shown = await tapAction(page, "next");
          const expected = questionnaire.sections[section]?.title ?? "Check your answers";
          assert.equal(shown, expected, `"Continue" leads to ${expected}`);
          measured += await measure(page, problems, shown);
        }

        // "Change" on the review goes back to the answer, and its button comes back.
        const change = `ending-well .ew-screen [data-ew-action=change][data-ew-question="${questionIndex("not-my-choice")}"]`;
        await tap(page, change);
        await poll(
          page,
          (title) => __ew.$(".ew-screen h2.ew-heading")?.textContent === title,
          questionnaire.sections[0].title,
          "the first section again",
        );
        const kept = await page.evaluate((id) => __ew.$(id).value, `${q("not-my-choice")}-input`);
        assert.equal(kept, FOLLOW_UP, "the typed answer is still there");
        assert.equal(await tapAction(page, "next"), "Check your answers");

        assert.equal(await tapAction(page, "summary"), "Your summary");
        measured += await measure(page, problems, "summary");
        const outputs = await page.evaluate(() => ({
          mine: __ew.$(".ew-output--mine")?.textContent ?? "",
          bring: __ew.$(".ew-output--bring")?.textContent ?? "",
        }));
        assert.ok(outputs.mine.includes(FOLLOW_UP), "“Just for me” holds the tapped-in words");
        assert.ok(outputs.mine.includes("Sadness"), "“Just for me” holds the tapped choice");
        assert.ok(!outputs.bring.includes(FOLLOW_UP), "“To bring” leaves them out");
        console.log(
          `touch: a whole reflection by taps on a ${name} ` +
            `(${device.viewport.width}×${device.viewport.height}): ` +
            `${questionnaire.sections.length + 3} screens, ${measured} controls measured; ` +
            `${problems.length} problem(s)`,
        );
        assert.deepEqual(problems, [], "nothing scrolls sideways; every control is 24 × 24");
        assert.deepEqual(errors, [], "no page or console errors");
      },
    );

    it(
      `every dialog, coming back, another language and quick exit, by taps, on a ${name}`,
      { timeout: TEST_TIMEOUT, ...marks },
      async (t) => {
        const { page, errors, prefix, problems } = await openTouch(t, device);
        const chosen = `${prefix}-q-who-decided-option-therapist-choice`;
        let measured = 0;

        // Support, and the shared-device advice: open, read, close.
        for (const [opener, what] of [
          ["ending-well .ew-topbar [data-ew-action=support]", "support"],
          ["ending-well .ew-savebar [data-ew-action=shared-device]", "shared device"],
        ]) {
          await tapOpen(page, opener);
          measured += await measure(page, problems, `the ${what} dialog`);
          await tapClose(page);
        }

        // Saving an answer: a passphrase typed twice after tapping each box, confirmed by a tap.
        await tapAction(page, "start");
        assert.ok(await tapOption(page, chosen));
        await tapOpen(page, "ending-well .ew-savebar [data-ew-action=save]");
        measured += await measure(page, problems, "the save dialog");
        const passphrase = "blue kettle morning";
        for (const field of ["passphrase", "confirmation"]) {
          const typed = await tapAndType(page, `dialog input[name=${field}]`, passphrase);
          assert.equal(typed, passphrase, `the ${field} box holds what was typed`);
        }
        await tap(page, "ending-well dialog button[type=submit]");
        await waitForSaved(page);

        // Coming back: the passphrase tapped in on the welcome-back screen opens the answers.
        await page.goto(`${harness.origin}/`);
        await shows(page, "form[data-ew-form=unlock]");
        measured += await measure(page, problems, "welcome back");
        await tapAndType(page, "form[data-ew-form=unlock] input[name=passphrase]", passphrase);
        await tap(page, "ending-well form[data-ew-form=unlock] button[type=submit]");
        await poll(
          page,
          (id) => __ew.$(`#${id}`)?.checked,
          chosen,
          "the answer back after unlocking",
          CRYPTO_WAIT_MS,
        );

        // Another language, by a tap: the same answer, the section in Spanish.
        await tap(page, "ending-well nav.ew-languages button[lang=es]");
        await poll(
          page,
          (title) => __ew.$(".ew-screen h2.ew-heading")?.textContent === title,
          builtInQuestionnaire("es").sections[0].title,
          "the section in Spanish",
        );
        assert.ok(await page.evaluate((id) => __ew.$(`#${id}`).checked, chosen), "still chosen");
        measured += await measure(page, problems, "a section in Spanish");

        // Deleting (the dialog in Spanish now): the confirmation, cancelled by a tap; then quick exit from inside it.
        await tapOpen(page, "ending-well .ew-savebar [data-ew-action=delete]");
        measured += await measure(page, problems, "the delete dialog");
        await tapClose(page);
        await tapOpen(page, "ending-well .ew-savebar [data-ew-action=delete]");
        const historyBefore = await page.evaluate(() => history.length);
        await tap(page, "ending-well dialog[open] .ew-dialog-exit [data-ew-action=exit]");
        await page.waitForURL(EXIT_URL);
        assert.equal(
          await page.evaluate(() => history.length),
          historyBefore,
          "quick exit replaced the page",
        );
        console.log(
          `touch: the support, shared-device, save and delete dialogs, welcome back, Spanish ` +
            `and quick exit by taps on a ${name}: ${measured} controls measured; ` +
            `${problems.length} problem(s)`,
        );
        assert.deepEqual(problems, [], "nothing scrolls sideways; every control is 24 × 24");
        assert.deepEqual(errors, [], "no page or console errors");
      },
    );
  }
});
