// Quick exit on the demo page: the button and Shift pressed three times hide everything at once,
// forget the answers and replace the page, so Back does not return to them.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openPage, useHarness } from "./harness.mjs";

const EXIT_URL = "https://www.bbc.co.uk/weather";
const SECRET = "E2E-private-words";

const harness = useHarness();

/** A page on which the neutral exit address is answered locally: nothing leaves the machine. */
async function demoPage(t, exitStatus = 200) {
  const opened = await openPage(t, harness.browser);
  await opened.context.route(`${EXIT_URL}**`, (route) =>
    exitStatus === 204
      ? route.fulfill({ status: 204 })
      : route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
  );
  const { page } = opened;
  await page.goto(`${harness.origin}/?before`);
  await page.waitForSelector("ending-well .ew-heading");
  await page.goto(`${harness.origin}/`);
  await page.waitForSelector("ending-well [data-ew-action=start]");
  await page.click("[data-ew-action=start]");
  await page.click("[data-ew-action=next]");
  await page.click("[data-ew-action=next]");
  await page.fill("ending-well [id$='-q-what-brought-you-input']", SECRET);
  return opened;
}

async function expectLeftForGood(page, historyBefore) {
  await page.waitForURL(EXIT_URL);
  assert.equal(await page.evaluate(() => history.length), historyBefore, "the page was replaced");
  await page.goBack();
  assert.equal(page.url(), `${harness.origin}/?before`, "Back skips the answers' page");
  await page.waitForSelector("ending-well .ew-heading");
  const text = await page.textContent("ending-well");
  assert.ok(!text.includes(SECRET), "nothing typed before is on the page");
}

describe("Quick exit", () => {
  it("leaves by the button, and Back does not return to the answers", async (t) => {
    const { page, errors } = await demoPage(t);
    const historyBefore = await page.evaluate(() => history.length);
    // The widget hides in the same task as the click, before the next page arrives.
    const hiddenAtOnce = await page.evaluate(() => {
      __ew.$("ending-well [data-ew-action=exit]").click();
      const root = __ew.$("ending-well .ew");
      return root.hidden && !__ew.root().textContent.includes("E2E");
    });
    assert.ok(hiddenAtOnce, "content is hidden and gone at once");
    await expectLeftForGood(page, historyBefore);
    assert.deepEqual(errors, []);
  });

  it("leaves when Shift is pressed three times, with spoken progress", async (t) => {
    const { page } = await demoPage(t);
    const historyBefore = await page.evaluate(() => history.length);
    await page.keyboard.press("Shift");
    assert.equal(
      await page.textContent("ending-well .ew-status"),
      "Press Shift 2 more times to leave this page.",
    );
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await expectLeftForGood(page, historyBefore);
  });

  it("keeps an encrypted draft by default, and a page brought back shows a fresh widget", async (t) => {
    // The exit address answers 204, so the browser stays on the page as a back-forward cache
    // restore would show it.
    const { page } = await demoPage(t, 204);
    await page.click("[data-ew-action=save]");
    await page.fill("dialog input[name=passphrase]", "blue kettle morning");
    await page.fill("dialog input[name=confirmation]", "blue kettle morning");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      __ew.$(".ew-save-status").textContent.startsWith("Saved on this device"),
    );
    await page.click("[data-ew-action=exit]");
    await page.waitForTimeout(200);
    assert.equal(await page.isVisible("ending-well .ew"), false, "hidden while leaving");
    const stored = await page.evaluate(() =>
      localStorage.getItem("ending-well:draft:ending-therapy"),
    );
    assert.ok(stored && !stored.includes(SECRET), "the encrypted draft stays on the device");

    await page.evaluate(() =>
      window.dispatchEvent(new PageTransitionEvent("pageshow", { persisted: true })),
    );
    await page.waitForSelector("ending-well .ew:not([hidden])");
    assert.equal(await page.textContent("ending-well h2"), "Reflecting on the end of your therapy");
    assert.ok(!(await page.textContent("ending-well")).includes(SECRET));
  });
});
