// The first screen does not wait for WebAssembly: while the module is still on its way, the
// loader draws the introduction itself, from the words the build wrote into it. A client can read
// it, press "Start" or "Need support now?", and leave, before the module has started; then the
// widget takes over in place, with nothing moved, and what the client did carries over.
//
// Each test holds back the module's bytes (pkg/ending_well_bytes.js) until it lets them go, as a
// slow phone network would, and so opens its page without waiting for the load event, which
// Firefox and WebKit hold back with them.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/first-screen.test.mjs
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { locale, needs, openPage, PHONE, sleep, useHarness, waitForWidget } from "./harness.mjs";

const harness = useHarness();
const EXIT_URL = "https://www.bbc.co.uk/weather";

/**
 * A fresh page whose module is held back: `release()` lets it load. `init`, if given, runs in the
 * page before its scripts; `options` are the context's.
 */
async function heldBack(t, init = null, options = {}) {
  let release;
  const released = new Promise((done) => {
    release = done;
  });
  // Let go before the context closes (hooks run in the order given), even when the test failed
  // before it let go itself: a page left with a request held open can keep a driver waiting.
  t.after(() => release());
  const opened = await openPage(t, harness.browser, { ...options, holdsRequests: true });
  if (init) await opened.context.addInitScript(init);
  await opened.context.route("**/pkg/ending_well_bytes.js", async (route) => {
    await released;
    await route.continue();
  });
  await opened.context.route(`${EXIT_URL}**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
  );
  return { ...opened, release };
}

/**
 * Every element of the widget, in order: its tag, its attributes (ids without the widget's
 * number), its own text and its box on screen. Two screens with the same list look the same and
 * read the same to a screen reader.
 */
function drawn() {
  const elements = [];
  const visit = (element) => {
    const box = element.getBoundingClientRect();
    elements.push({
      tag: element.localName,
      attributes: [...element.attributes]
        .map(({ name, value }) => `${name}=${value.replace(/\bew\d+-/g, "ew#-")}`)
        .sort(),
      text: [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join(""),
      box: [box.x, box.y, box.width, box.height].map((value) => Math.round(value * 10) / 10),
    });
    for (const child of element.children) visit(child);
  };
  visit(__ew.$(".ew"));
  return elements;
}

/**
 * A press at (`x`, `y`) that goes down and up when told: the mouse's button, or a finger as a
 * phone sends it (Chromium's DevTools protocol, on a page with touch).
 */
async function presser(page, how, x, y) {
  if (how === "mouse") {
    await page.mouse.move(x, y);
    return { down: () => page.mouse.down(), up: () => page.mouse.up() };
  }
  const touch = await page.context().newCDPSession(page);
  const send = (type, touchPoints) => touch.send("Input.dispatchTouchEvent", { type, touchPoints });
  return { down: () => send("touchStart", [{ x, y }]), up: () => send("touchEnd", []) };
}

/** Waits for the loader's first screen: the introduction, drawn before the module started. */
async function loaderScreen(page) {
  await page.waitForFunction(() => __ew.$(".ew-screen #ew0-heading"));
}

/** Opens a plain page in `language` whose widget is configured by `settings`, as a clinic writes it. */
async function openPlain(page, language, settings) {
  const path = `/plain-${language}.html`;
  await page.route(`${harness.origin}${path}`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="${language}"><head><title>Reflection</title>
<script type="module" src="/ending-well.js"></script></head><body>
<ending-well><script type="application/json">${JSON.stringify(settings)}</script></ending-well>
</body></html>`,
    }),
  );
  await page.goto(`${harness.origin}${path}`, { waitUntil: "commit" });
}

describe("The first screen, before the module has started", () => {
  for (const { name, language, open } of [
    {
      name: "the demo",
      language: "en",
      open: (page) => page.goto(`${harness.origin}/`, { waitUntil: "commit" }),
    },
    {
      name: "a page in Spanish, with the clinic's name and without saving",
      language: "es",
      clinic: "Clínica del Río",
      open: (page) =>
        openPlain(page, "es", {
          clinic: "Clínica del Río",
          saving: false,
          quick_exit: { url: EXIT_URL },
        }),
    },
  ]) {
    it(`is the widget's own, element for element and pixel for pixel: ${name}`, async (t) => {
      const { page, release, errors } = await heldBack(t);
      await open(page);
      await loaderScreen(page);
      const before = await page.evaluate(drawn);
      const words = locale(language);
      const shown = (text) => before.find((element) => element.text === text);
      assert.ok(shown(words.start), `"${words.start}" is there`);
      if (language === "es") {
        assert.ok(shown("Clínica del Río"), "the clinic's name is there");
        assert.ok(shown(words.save_on_device).attributes.includes("hidden="), "no saving");
      }
      release();
      await waitForWidget(page);
      assert.deepEqual(await page.evaluate(drawn), before);
      assert.deepEqual(errors, []);
    });
  }

  // One test each, so that each has the only browser open: two MiniBrowsers at once have left
  // WebKit's driver unanswering on this machine.
  for (const how of ["the button", "Shift three times"]) {
    it(`can be left by ${how}`, async (t) => {
      const { page, release } = await heldBack(t);
      await page.goto(`${harness.origin}/`, { waitUntil: "commit" });
      await loaderScreen(page);
      if (how === "the button") await page.locator("ending-well [data-ew-action=exit]").click();
      else for (let press = 0; press < 3; press++) await page.keyboard.press("Shift");
      // No request left waiting behind the page that was left (WebKit's driver can wait on it).
      release();
      // The neutral page, answered by the test: the loader left by itself.
      await page.waitForURL(EXIT_URL);
    });
  }

  it('"Start" pressed before the module has started opens the first section once it has', async (t) => {
    const { page, release } = await heldBack(t);
    await page.goto(`${harness.origin}/`, { waitUntil: "commit" });
    await loaderScreen(page);
    await page.locator("ending-well [data-ew-action=start]").click();
    // Held as long as a slow phone would: the press is not lost.
    await sleep(300);
    release();
    await page.waitForFunction(
      () => __ew.$(".ew-screen h2")?.textContent === "How your therapy is ending",
    );
    const focused = await page.evaluate(() => __ew.focused()?.textContent);
    assert.equal(focused, "How your therapy is ending", "focus moves to the section's heading");
  });

  it('"Need support now?" pressed before the module has started opens the support dialog', async (t) => {
    const { page, release } = await heldBack(t);
    await page.goto(`${harness.origin}/`, { waitUntil: "commit" });
    await loaderScreen(page);
    await page.locator("ending-well [data-ew-action=support]").click();
    release();
    await page.waitForFunction(() => __ew.$("dialog.ew-dialog")?.open);
  });

  // A mouse button or a finger pressed on the loader's button and lifted once the widget is
  // there: the browser clicks neither button, as they are two elements, so the loader clicks the
  // widget's, once, unless the browser already has (a phone's tap can come after the touch ends).
  for (const how of ["mouse", "finger"]) {
    for (const action of ["save", "exit"]) {
      it(
        `a ${how} on "${action}" as the widget takes over, lifted after, counts once`,
        how === "finger" ? needs("touch") : {},
        async (t) => {
          const { page, release } = await heldBack(t, null, how === "finger" ? PHONE : {});
          await page.goto(`${harness.origin}/`, { waitUntil: "commit" });
          await loaderScreen(page);
          const { x, y } = await page.evaluate((action) => {
            const button = __ew.$(`[data-ew-action=${action}]`);
            button.scrollIntoView({ block: "center" });
            const box = button.getBoundingClientRect();
            return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
          }, action);
          const press = await presser(page, how, x, y);
          await press.down();
          release();
          await waitForWidget(page);
          await page.evaluate(() => {
            window.__clicks = 0;
            __ew.$(".ew").addEventListener("click", () => window.__clicks++, true);
          });
          await press.up();
          if (action === "exit") return page.waitForURL(EXIT_URL);
          await page.waitForFunction(() => __ew.$("dialog.ew-dialog input[name=passphrase]"));
          await sleep(300);
          assert.deepEqual(
            await page.evaluate(() => ({
              clicks: window.__clicks,
              open: __ew.$("dialog.ew-dialog").open,
              problems: __ew.$("dialog.ew-dialog .ew-error-summary") !== null,
            })),
            { clicks: 1, open: true, problems: false },
          );
        },
      );
    }
  }

  it("keeps the keyboard's place when the widget takes over", async (t) => {
    const { page, release } = await heldBack(t);
    await page.goto(`${harness.origin}/`, { waitUntil: "commit" });
    await loaderScreen(page);
    await page.locator("ending-well [data-ew-action=start]").focus();
    release();
    await waitForWidget(page);
    const focused = await page.evaluate(() => ({
      action: __ew.focused()?.dataset.ewAction,
      widgets: /^ew[1-9]/.test(__ew.$(".ew-screen h2").id),
    }));
    assert.deepEqual(focused, { action: "start", widgets: true });
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => __ew.$(".ew-screen h2")?.textContent === "How your therapy is ending",
    );
  });

  it("gives the widget a file chosen in a picker opened before it took over", async (t) => {
    const { page, release } = await heldBack(t);
    await page.goto(`${harness.origin}/`, { waitUntil: "commit" });
    await loaderScreen(page);
    // The picker is opened on the loader's screen; the module arrives while it is open.
    await page.evaluate(() => {
      window.__picker = __ew.$("[data-ew-role=backup-file]");
    });
    release();
    await waitForWidget(page);
    await page.evaluate(() => {
      const chosen = new DataTransfer();
      chosen.items.add(new File(["x".repeat(6 * 1024 * 1024)], "ending-well-backup.json"));
      window.__picker.files = chosen.files;
      window.__picker.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await page.waitForFunction(() =>
      __ew.$(".ew-status")?.textContent.startsWith("That file is too large"),
    );
  });

  it("is not drawn when the widget will open on something else: a saved draft", async (t) => {
    const { page, release } = await heldBack(t, () => {
      localStorage.setItem("ending-well:draft:ending-therapy", "not a draft");
    });
    await page.goto(`${harness.origin}/`, { waitUntil: "commit" });
    await sleep(500);
    assert.equal(
      await page.evaluate(() => __ew.$(".ew-intro") === null),
      true,
      "no introduction before the widget",
    );
    release();
    await waitForWidget(page).catch(() => {});
    await page.waitForFunction(() => __ew.$(".ew-screen h2"));
    assert.equal(
      await page.evaluate(() => __ew.$(".ew-intro")),
      null,
      "the widget opens elsewhere",
    );
  });
});
