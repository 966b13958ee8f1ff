// Careless use: a double click on "Start" or "Continue" moves on one screen, not two (the second
// click would land on the next screen's button, in the same place, and skip a screen the client
// never saw). Two deliberate clicks still move on twice.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { builtInQuestionnaire, heading, openPage, startHarness } from "./harness.mjs";

const SECTIONS = builtInQuestionnaire("en").sections;

let harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness?.close());

async function demo(t) {
  const opened = await openPage(t, harness.browser);
  await opened.page.goto(`${harness.origin}/`);
  await opened.page.waitForSelector("ending-well [data-ew-action=start]");
  return opened;
}

describe("Careless use", () => {
  it("a double click moves on one screen only", async (t) => {
    const { page, errors } = await demo(t);
    await page.dblclick("ending-well [data-ew-action=start]");
    await page.waitForTimeout(200);
    assert.equal(await heading(page), SECTIONS[0].title, "Start, double-clicked, opens the first section");
    await page.dblclick("ending-well .ew-screen [data-ew-action=next]");
    await page.waitForTimeout(200);
    assert.equal(await heading(page), SECTIONS[1].title, "Continue, double-clicked, opens the next section only");
    await page.dblclick("ending-well .ew-screen [data-ew-action=back]");
    await page.waitForTimeout(200);
    assert.equal(await heading(page), SECTIONS[0].title, "Back, double-clicked, goes back one section");
    // On a screen where the next "Continue" sits exactly where the last one was, the second
    // click of the double click lands on it: a click with a click count of 2.
    const after = await page.evaluate(() => {
      const click = (detail) =>
        __ew.$(".ew-screen [data-ew-action=next]").dispatchEvent(
          new MouseEvent("click", { detail, bubbles: true, composed: true, cancelable: true }),
        );
      click(1);
      click(2);
      return __ew.$(".ew-screen h2.ew-heading").textContent;
    });
    assert.equal(after, SECTIONS[1].title, "the second click of a double click is not a second Continue");
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
});
