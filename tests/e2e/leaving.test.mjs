// Leaving the page with answers only in it. By default the browser does not ask: a "Leave site?"
// prompt would hold a client who closes the tab in a hurry with their words on screen. A clinic
// may choose `"ask_before_leaving": true`; then the browser asks first (a `beforeunload` prompt),
// so a tab closed or reloaded by mistake does not lose a client's words, and it never asks when
// there is nothing to lose, when the answers are saved on the device, or after quick exit.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { needs, openPage, saveWith, sleep, useHarness } from "./harness.mjs";

const harness = useHarness();

/**
 * A page with the widget configured to ask before leaving (or, with `asking` false, the demo page
 * as it ships), with every dialog the browser raises recorded and answered with `answer`.
 */
async function demo(t, answer = "dismiss", asking = true) {
  const opened = await openPage(t, harness.browser);
  await opened.page.route(`${harness.origin}/asking.html`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><title>Reflection</title>
<script type="module" src="/ending-well.js"></script></head><body>
<ending-well><script type="application/json">{"ask_before_leaving": true}</script></ending-well>
</body></html>`,
    }),
  );
  await opened.context.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
  );
  const dialogs = [];
  opened.page.on("dialog", async (dialog) => {
    dialogs.push(dialog.type());
    await (answer === "accept" ? dialog.accept() : dialog.dismiss());
  });
  await opened.page.goto(`${harness.origin}/${asking ? "asking.html" : ""}`);
  await opened.page.waitForSelector("ending-well [data-ew-action=start]");
  return { ...opened, dialogs };
}

/** Answers the first question with a real click, which also counts as the person using the page. */
async function answerOne(page) {
  await page.click("ending-well [data-ew-action=start]");
  await page.locator("ending-well input[data-ew-role=option]").first().check();
}

/** Tries to close the tab as a person would, running the page's `beforeunload`. */
async function tryToClose(page) {
  await page.close({ runBeforeUnload: true });
  // The prompt, if any, comes asynchronously.
  await sleep(500);
}

describe("Leaving the page", () => {
  it("does not ask by default, even with unsaved answers", async (t) => {
    const { page, dialogs } = await demo(t, "dismiss", false);
    await answerOne(page);
    await tryToClose(page);
    assert.deepEqual(dialogs, []);
    assert.equal(page.isClosed(), true);
  });

  it(
    "asks before a tab with unsaved answers closes, and staying keeps them",
    needs("closing a tab"),
    async (t) => {
      const { page, dialogs, errors } = await demo(t);
      await answerOne(page);
      await tryToClose(page);
      assert.deepEqual(dialogs, ["beforeunload"], "the browser asked");
      assert.equal(page.isClosed(), false, "staying keeps the page");
      assert.equal(
        await page.locator("ending-well input[data-ew-role=option]").first().isChecked(),
        true,
      );
      assert.deepEqual(errors, []);
    },
  );

  it("does not ask when nothing was answered", async (t) => {
    const { page, dialogs } = await demo(t);
    await page.click("ending-well [data-ew-action=start]");
    await tryToClose(page);
    assert.deepEqual(dialogs, []);
    assert.equal(page.isClosed(), true);
  });

  it("does not ask when the answers are saved on the device", async (t) => {
    const { page, dialogs } = await demo(t);
    await answerOne(page);
    await saveWith(page, "a long enough phrase");
    await tryToClose(page);
    assert.deepEqual(dialogs, []);
    assert.equal(page.isClosed(), true);
  });

  it("does not ask on quick exit", async (t) => {
    const { page, dialogs, errors } = await demo(t);
    await answerOne(page);
    await page.click("ending-well [data-ew-action=exit]");
    await page.waitForURL("https://www.bbc.co.uk/weather");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  });
});
