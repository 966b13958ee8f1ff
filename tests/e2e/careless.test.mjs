// Careless use, as clients really use a page: a double click on "Start" or "Continue" moves on one
// screen, not two (the second click would land on the next screen's button, in the same place,
// and skip a screen the client never saw); the browser's Back and Forward buttons move between
// sections and keep the answers out of the history; Enter in a text box loses nothing; two tabs
// on one saved draft never write over each other unasked; a very long answer is kept whole.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  act,
  builtInQuestionnaire,
  CRYPTO_WAIT_MS,
  heading,
  needs,
  openPage,
  poll,
  saveWith,
  useHarness,
  waitForHeading,
  waitForWidget,
} from "./harness.mjs";

const QUESTIONNAIRE = builtInQuestionnaire("en");
const SECTIONS = QUESTIONNAIRE.sections;
const PASSPHRASE = "a long enough phrase";

const harness = useHarness();

async function demo(t) {
  const opened = await openPage(t, harness.browser);
  await opened.page.goto(`${harness.origin}/`);
  await opened.page.waitForSelector("ending-well [data-ew-action=start]");
  // The widget itself, not the loader's introduction: these tests are about how it takes clicks.
  await waitForWidget(opened.page);
  return opened;
}

describe("Careless use", () => {
  it("a double click moves on one screen only", async (t) => {
    const { page, errors } = await demo(t);
    await page.dblclick("ending-well [data-ew-action=start]");
    await page.waitForTimeout(200);
    assert.equal(
      await heading(page),
      SECTIONS[0].title,
      "Start, double-clicked, opens the first section",
    );
    await page.dblclick("ending-well .ew-screen [data-ew-action=next]");
    await page.waitForTimeout(200);
    assert.equal(
      await heading(page),
      SECTIONS[1].title,
      "Continue, double-clicked, opens the next section only",
    );
    await page.dblclick("ending-well .ew-screen [data-ew-action=back]");
    await page.waitForTimeout(200);
    assert.equal(
      await heading(page),
      SECTIONS[0].title,
      "Back, double-clicked, goes back one section",
    );
    // On a screen where the next "Continue" sits exactly where the last one was, the second
    // click of the double click lands on it: a click with a click count of 2.
    const after = await page.evaluate(() => {
      const click = (detail) =>
        __ew
          .$(".ew-screen [data-ew-action=next]")
          .dispatchEvent(
            new MouseEvent("click", { detail, bubbles: true, composed: true, cancelable: true }),
          );
      click(1);
      click(2);
      return __ew.$(".ew-screen h2.ew-heading").textContent;
    });
    assert.equal(
      after,
      SECTIONS[1].title,
      "the second click of a double click is not a second Continue",
    );
    // Where the second click lands on an answer or a dialog's button instead (as it did in
    // WebKit, where "Continue" double-clicked opened the save dialog), it changes nothing.
    const landed = await page.evaluate(() => {
      const click = (element, detail) =>
        element.dispatchEvent(
          new MouseEvent("click", { detail, bubbles: true, composed: true, cancelable: true }),
        );
      const label = __ew.$(".ew-screen input[type=checkbox] + label, .ew-screen input + label");
      const option = __ew.root().getElementById(label.htmlFor);
      click(label, 2);
      const save = __ew.$(".ew-savebar [data-ew-action=save]");
      click(save, 2);
      const seen = { ticked: option.checked, dialog: __ew.$("dialog.ew-dialog")?.open ?? false };
      click(label, 1);
      return { ...seen, tickedByOneClick: option.checked };
    });
    assert.deepEqual(
      landed,
      { ticked: false, dialog: false, tickedByOneClick: true },
      "a second click chooses no answer and opens no dialog; a single click still chooses",
    );
    assert.deepEqual(errors, []);
  });

  it("two deliberate clicks move on twice", async (t) => {
    const { page, errors } = await demo(t);
    await page.click("ending-well [data-ew-action=start]");
    await page.click("ending-well .ew-screen [data-ew-action=next]");
    await page.waitForTimeout(600);
    await page.click("ending-well .ew-screen [data-ew-action=next]");
    await page.waitForTimeout(200);
    assert.equal(await heading(page), SECTIONS[2].title);
    assert.deepEqual(errors, []);
  });

  it("Back and Forward move between sections, keep the answers, and put none in the history", async (t) => {
    const { page, errors } = await demo(t);
    const address = page.url();
    const words = "What brought me here was a hard winter";
    // The browser's own clicks, as a client's: WebKit's Back skips a history entry that a page
    // added without the user's activation, and a click from a script gives none.
    const step = async (action, title) => {
      await page.click(`ending-well .ew-screen [data-ew-action=${action}]`);
      await waitForHeading(page, title);
    };
    await step("start", SECTIONS[0].title);
    await step("next", SECTIONS[1].title);
    await step("next", SECTIONS[2].title);
    await page.locator("ending-well .ew-screen textarea").first().fill(words);
    await step("next", SECTIONS[3].title);

    const states = [];
    const back = async (title) => {
      await page.goBack();
      await waitForHeading(page, title);
      states.push(await page.evaluate(() => JSON.stringify(history.state)));
    };
    await back(SECTIONS[2].title);
    assert.equal(await page.locator("ending-well .ew-screen textarea").first().inputValue(), words);
    await back(SECTIONS[1].title);
    await back(SECTIONS[0].title);
    await back(QUESTIONNAIRE.title);
    for (const title of [SECTIONS[0].title, SECTIONS[1].title, SECTIONS[2].title]) {
      await page.goForward();
      await waitForHeading(page, title);
      states.push(await page.evaluate(() => JSON.stringify(history.state)));
    }
    assert.equal(
      await page.locator("ending-well .ew-screen textarea").first().inputValue(),
      words,
      "the words are kept",
    );
    assert.equal(page.url(), address, "the address never changes");
    for (const state of states) {
      assert.doesNotMatch(state, /winter/, "no answer is in the history");
    }
    assert.match(states[0], /"screen":"section-2"/);
    assert.deepEqual(errors, []);
  });

  it("Enter in a text box neither moves on nor loses the words", async (t) => {
    const { page, errors } = await demo(t);
    await act(page, "start");
    await act(page, "next");
    await act(page, "next");
    const short = page.locator("ending-well .ew-screen input[id$=q-proud-of-input]");
    await short.fill("Getting back to work");
    await short.press("Enter");
    const long = page.locator("ending-well .ew-screen textarea").first();
    await long.fill("First line");
    await long.press("Enter");
    await long.pressSequentially("second line");
    await page.waitForTimeout(200);
    assert.equal(await heading(page), SECTIONS[2].title, "still on the same section");
    assert.equal(await short.inputValue(), "Getting back to work");
    assert.equal(
      await long.inputValue(),
      "First line\nsecond line",
      "Enter starts a new line in a long answer",
    );
    assert.deepEqual(errors, []);
  });

  it(
    "two tabs on one saved draft: each is told when the other saves, and nothing is written over unasked",
    needs("tabs"),
    async (t) => {
      const { context, page: first, errors } = await demo(t);
      await first.click("ending-well [data-ew-action=start]");
      await first.locator("ending-well input[data-ew-role=option]").first().check();
      await saveWith(first, PASSPHRASE);
      const status = (page) => page.evaluate(() => __ew.$(".ew-save-status")?.textContent ?? "");
      const stored = () =>
        first.evaluate(
          () =>
            Object.entries(localStorage).find(([key]) => key.startsWith("ending-well:draft:"))?.[1],
        );

      // The same draft opened in a second tab, which goes on saving there.
      const second = await context.newPage();
      second.on("pageerror", (error) => errors.push(`second tab: ${error.message}`));
      await second.goto(`${harness.origin}/`);
      await second.fill("ending-well form[data-ew-form=unlock] input[name=passphrase]", PASSPHRASE);
      await second.click("ending-well form[data-ew-form=unlock] button[type=submit]");
      await waitForHeading(second, SECTIONS[0].title, CRYPTO_WAIT_MS);
      await second.locator("ending-well input[data-ew-role=option]").nth(1).check();
      await poll(
        second,
        () => /\d\d:\d\d/.test(__ew.$(".ew-save-status")?.textContent ?? ""),
        null,
        "saved",
        CRYPTO_WAIT_MS,
      );

      // The first tab is told at once, and stops writing.
      await poll(
        first,
        () => /another tab/.test(__ew.$(".ew-save-status")?.textContent ?? ""),
        null,
        "told",
        5_000,
      );
      assert.match(await status(first), /This tab has stopped saving/);
      assert.equal(await first.locator("ending-well [data-ew-action=save-here]").isVisible(), true);
      // The second tab writes twice, once as it opens the draft and once for the ticked option, and
      // the first tab is told at the first: wait until the store has been quiet for 750 ms, so
      // that what is stored is the second tab's last word.
      let secondsDraft = await stored();
      for (let quiet = 0; quiet < 3;) {
        await first.waitForTimeout(250);
        const now = await stored();
        quiet = now === secondsDraft ? quiet + 1 : 0;
        secondsDraft = now;
      }
      await first.locator("ending-well input[data-ew-role=option]").nth(2).check();
      await first.waitForTimeout(1_000);
      assert.equal(
        await stored(),
        secondsDraft,
        "the first tab wrote nothing over the second's draft",
      );

      // Asked, the first tab saves its answers, and now the second tab is told.
      await first.click("ending-well [data-ew-action=save-here]");
      await poll(
        first,
        (before) => {
          const now = Object.entries(localStorage).find(([key]) =>
            key.startsWith("ending-well:draft:"),
          )?.[1];
          return now !== before;
        },
        secondsDraft,
        "the first tab's save",
        CRYPTO_WAIT_MS,
      );
      await poll(
        second,
        () => /another tab/.test(__ew.$(".ew-save-status")?.textContent ?? ""),
        null,
        "second told",
        5_000,
      );
      assert.equal(
        await first.locator("ending-well [data-ew-action=save-here]").isVisible(),
        false,
      );
      assert.deepEqual(errors, []);
    },
  );

  it(
    "a 100 KB answer is kept whole in the summary and both downloads",
    needs("downloads"),
    async (t) => {
      const { page, errors } = await demo(t);
      const words = "I learned to notice what I feel before it grows. ";
      const answer = words
        .repeat(Math.ceil(100_000 / words.length))
        .slice(0, 100_000)
        .trim();
      await act(page, "start");
      await act(page, "next");
      await act(page, "next");
      await page.locator("ending-well .ew-screen textarea").first().fill(answer);
      while ((await heading(page)) !== "Check your answers") await act(page, "next");
      assert.ok(
        (await page.evaluate(() => __ew.root().textContent)).includes(answer),
        "shown whole on the review",
      );
      // Put into "To bring" too, so that both outputs carry it.
      await page
        .locator("ending-well .ew-summary-row", { hasText: words })
        .locator('input[data-ew-role="bring"]')
        .check();
      await act(page, "summary");
      for (const output of ["bring", "mine"]) {
        assert.ok(
          (await page.textContent(`ending-well .ew-output--${output}`)).includes(answer),
          `shown whole in the summary (${output})`,
        );
        for (const action of ["download-text", "download-html"]) {
          const [download] = await Promise.all([
            page.waitForEvent("download"),
            page.click(`ending-well [data-ew-action=${action}][data-ew-output=${output}]`),
          ]);
          const content = readFileSync(await download.path(), "utf8");
          assert.ok(
            content.includes(answer),
            `${action} (${output}): the answer is in the file whole`,
          );
        }
      }
      assert.deepEqual(errors, []);
    },
  );
});
