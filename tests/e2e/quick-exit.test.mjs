// Quick exit on the demo page: the button and Shift pressed three times hide everything at once,
// forget the answers and replace the page, so Back does not return to them. From every dialog too,
// by click and by touch, and even when the widget has stopped or its module could not start.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { needs, openPage, PHONE, sleep, useHarness, waitForWidget } from "./harness.mjs";
import { launchChromium } from "../../scripts/browser.mjs";

const EXIT_URL = "https://www.bbc.co.uk/weather";
const SECRET = "E2E-private-words";

const harness = useHarness();

/**
 * A page on which the neutral exit address is answered locally: nothing leaves the machine.
 * `init`, if given, runs in the page before its scripts.
 */
async function demoPage(t, exitStatus = 200, contextOptions = {}, init = null) {
  const opened = await openPage(t, harness.browser, contextOptions);
  if (init) await opened.context.addInitScript(init);
  await opened.context.route(`${EXIT_URL}**`, (route) =>
    exitStatus === 204
      ? route.fulfill({ status: 204 })
      : route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
  );
  const { page } = opened;
  // The widget itself, not the loader's introduction before it, on each page: a page left while
  // its module is still arriving is not what these tests are about.
  await page.goto(`${harness.origin}/?before`);
  await waitForWidget(page);
  await page.goto(`${harness.origin}/`);
  await waitForWidget(page);
  await page.click("ending-well [data-ew-action=start]");
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

  it(
    "keeps an encrypted draft by default, and a page brought back shows a fresh widget",
    needs("staying after a 204"),
    async (t) => {
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
      // Not even the introduction shows until the client chooses to continue.
      assert.equal(await page.textContent("ending-well h2"), "This page is paused");
      assert.ok(!(await page.textContent("ending-well")).includes(SECRET));
      await page.click("ending-well [data-ew-action=continue]");
      await page.waitForSelector("ending-well [data-ew-action=start]");
      assert.equal(
        await page.textContent("ending-well h2"),
        "Reflecting on the end of your therapy",
      );
      assert.ok(!(await page.textContent("ending-well")).includes(SECRET));
    },
  );
});

/** Opens a dialog from the section showing: support, saving, or deleting. */
const DIALOGS = {
  support: "ending-well .ew-topbar [data-ew-action=support]",
  save: "ending-well .ew-savebar [data-ew-action=save]",
  delete: "ending-well .ew-savebar [data-ew-action=delete]",
  shared: "ending-well .ew-savebar [data-ew-action=shared-device]",
};

/** Walks from the section showing to the summary, where "Download an encrypted backup" is. */
async function toSummary(page) {
  while (await page.isVisible("ending-well .ew-screen [data-ew-action=next]")) {
    await page.click("ending-well .ew-screen [data-ew-action=next]");
  }
  await page.click("ending-well [data-ew-action=summary]");
  await page.waitForSelector("ending-well .ew-screen [data-ew-action=backup]");
}

describe("Quick exit from a dialog, by click and by touch", () => {
  for (const [how, contextOptions] of [
    ["click", {}],
    ["tap", PHONE],
  ]) {
    for (const dialog of ["support", "save", "delete", "shared", "backup"]) {
      it(
        `leaves from the ${dialog} dialog by its own button, by ${how}`,
        how === "tap" ? needs("narrow window") : {},
        async (t) => {
          const { page, errors } = await demoPage(t, 200, contextOptions);
          if (dialog === "backup") await toSummary(page);
          const historyBefore = await page.evaluate(() => history.length);
          if (dialog === "backup") {
            await page.click("ending-well .ew-screen [data-ew-action=backup]");
          } else {
            await page.click(DIALOGS[dialog]);
          }
          await page.waitForSelector(
            "ending-well dialog[open] .ew-dialog-exit [data-ew-action=exit]",
          );
          // The page behind a modal dialog is inert: the top bar's button cannot be reached.
          const behind = await page.evaluate(() => {
            const exit = __ew.$(".ew-topbar [data-ew-action=exit]").getBoundingClientRect();
            const hit = __ew
              .root()
              .elementFromPoint(exit.x + exit.width / 2, exit.y + exit.height / 2);
            return (
              hit?.closest?.(".ew-topbar") !== null && hit?.closest?.(".ew-topbar") !== undefined
            );
          });
          assert.equal(behind, false, "the top bar is covered while the dialog is open");
          const exit = "ending-well dialog[open] .ew-dialog-exit [data-ew-action=exit]";
          if (how === "tap") await page.tap(exit);
          else await page.click(exit);
          await expectLeftForGood(page, historyBefore);
          assert.deepEqual(errors, []);
        },
      );
    }
  }

  it("leaves by the top bar's button tapped on a phone", needs("narrow window"), async (t) => {
    const { page } = await demoPage(t, 200, PHONE);
    const historyBefore = await page.evaluate(() => history.length);
    await page.tap("ending-well .ew-topbar [data-ew-action=exit]");
    await expectLeftForGood(page, historyBefore);
  });

  it("leaves when Shift is pressed three times while typing a passphrase in a dialog", async (t) => {
    const { page } = await demoPage(t);
    const historyBefore = await page.evaluate(() => history.length);
    await page.click(DIALOGS.save);
    await page.fill("ending-well dialog input[name=passphrase]", "half a passphr");
    await page.focus("ending-well dialog input[name=confirmation]");
    for (let press = 0; press < 3; press += 1) await page.keyboard.press("Shift");
    await expectLeftForGood(page, historyBefore);
  });
});

describe("Quick exit when the widget cannot leave by itself", () => {
  it("the loader leaves for a widget that no longer answers its buttons", async (t) => {
    const { page, errors } = await demoPage(t);
    const historyBefore = await page.evaluate(() => history.length);
    // The worst a failure can do: the widget's root stays on screen, but nothing it listens to
    // answers any more (a copy of its elements has none of its listeners).
    await page.evaluate(() => {
      const root = __ew.$(".ew");
      root.replaceWith(root.cloneNode(true));
    });
    await page.click("ending-well .ew-topbar [data-ew-action=exit]");
    await page.waitForURL(EXIT_URL);
    assert.equal(await page.evaluate(() => history.length), historyBefore, "the page was replaced");
    assert.deepEqual(errors, []);
  });

  it(
    "the loader leaves for a widget whose module has crashed, by the button or Shift three times",
    needs("errors while leaving"),
    async (t) => {
      for (const how of ["button", "shift"]) {
        // Keeps the module's memory, so that the test can wreck it.
        const keepMemory = () => {
          const Instance = WebAssembly.Instance;
          WebAssembly.Instance = function (module, imports) {
            const instance = new Instance(module, imports);
            window.__memory = Object.values(instance.exports).find(
              (e) => e instanceof WebAssembly.Memory,
            );
            return instance;
          };
          WebAssembly.Instance.prototype = Instance.prototype;
        };
        const { page, errors } = await demoPage(t, 200, {}, keepMemory);
        const historyBefore = await page.evaluate(() => history.length);
        // What a panic leaves behind, and worse: every call into the module now traps, as a
        // panic does in the release build (panic = "abort").
        await page.evaluate(() => new Uint8Array(window.__memory.buffer).fill(0xff));
        if (how === "button") await page.click("ending-well .ew-topbar [data-ew-action=exit]");
        else for (let press = 0; press < 3; press += 1) await page.keyboard.press("Shift");
        await page.waitForURL(EXIT_URL);
        assert.equal(
          await page.evaluate(() => history.length),
          historyBefore,
          "the page was replaced",
        );
        assert.ok(errors.length > 0, "the module did trap, so the loader was the one to leave");
      }
    },
  );

  it("the loader leaves when the module could not start, by its own button or Shift three times", async (t) => {
    for (const how of ["button", "shift"]) {
      const { page, errors } = await openPage(t, harness.browser);
      await page
        .context()
        .route("https://example.org/**", (route) =>
          route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Elsewhere</h1>" }),
        );
      // A clinic page whose policy forgot 'wasm-unsafe-eval': the module cannot compile.
      await page.route(`${harness.origin}/no-webassembly.html`, (route) =>
        route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><html lang="en"><head>
<meta http-equiv="Content-Security-Policy" content="script-src 'self'">
<script type="module" src="/ending-well.js"></script></head><body>
<ending-well><script type="application/json">{"quick_exit": {"url": "https://example.org/news"}}</script></ending-well>
</body></html>`,
        }),
      );
      await page.goto(`${harness.origin}/no-webassembly.html`);
      // The loader's own introduction may show first, until the module has failed to start.
      await page.waitForFunction(
        () => __ew.$("h2")?.textContent === "This reflection could not open",
      );
      await page.waitForSelector("ending-well .ew [data-ew-action=exit]");
      if (how === "button") await page.click("ending-well [data-ew-action=exit]");
      else for (let press = 0; press < 3; press += 1) await page.keyboard.press("Shift");
      await page.waitForURL("https://example.org/news");
      assert.ok(
        errors.some((error) => error.includes("could not start")),
        "the reason is in the console for the clinic's developer",
      );
    }
  });

  it("leaves from the panel of a broken configuration, by its button or Shift three times", async (t) => {
    for (const how of ["button", "shift"]) {
      const { page } = await openPage(t, harness.browser);
      await page
        .context()
        .route(`${EXIT_URL}**`, (route) =>
          route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
        );
      await page.goto(`${harness.origin}/examples/broken-config.html`);
      await page.waitForSelector("ending-well .ew-error-panel");
      if (how === "button") await page.click("ending-well [data-ew-action=exit]");
      else for (let press = 0; press < 3; press += 1) await page.keyboard.press("Shift");
      await page.waitForURL(EXIT_URL);
    }
  });
});

describe("Nothing comes back through the browser's history", () => {
  // Playwright turns the back-forward cache off by default; a client's browser has it on.
  let browser;
  before(async () => {
    browser = await launchChromium({ ignoreDefaultArgs: ["--disable-back-forward-cache"] });
  });
  after(() => browser?.close());

  /** The demo page on a browser that keeps pages for Back, with a section's answer typed. */
  async function withCache(t) {
    const opened = await openPage(t, browser);
    await opened.context.route(`${EXIT_URL}**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
    );
    const { page } = opened;
    await page.goto(`${harness.origin}/?before`);
    await waitForWidget(page);
    await page.goto(`${harness.origin}/`);
    await waitForWidget(page);
    await page.click("ending-well [data-ew-action=start]");
    await page.click("ending-well [data-ew-action=next]");
    await page.click("ending-well [data-ew-action=next]");
    await page.fill("ending-well [id$='-q-what-brought-you-input']", SECRET);
    // A mark that only a page kept in the cache still has when it comes back.
    await page.evaluate(() => (window.__kept = true));
    return opened;
  }

  /**
   * Back or Forward, as the browser's buttons do it. With the back-forward cache on, Playwright
   * sometimes asks for the history while the page is between two renderers, and is told the page
   * is "Not attached"; nothing has moved then (the step is taken only after that answer), so it
   * asks again.
   */
  async function step(page, direction) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const options = { waitUntil: "commit" };
        return await (direction === "back" ? page.goBack(options) : page.goForward(options));
      } catch (error) {
        const between = /Page\.getNavigationHistory.*Not attached/.test(error.message);
        if (!between || attempt === 5) throw error;
        await sleep(100);
      }
    }
  }

  /** What of the client's words is in the widget: shown text, or a value in a field. */
  const wordsInWidget = (page) =>
    page.evaluate(
      (secret) =>
        __ew.root().textContent.includes(secret) ||
        __ew.$$("input, textarea").some((field) => field.value.includes(secret)),
      SECRET,
    );

  it("leaving another way, then Back, shows a neutral step until the client continues", async (t) => {
    const { page, errors } = await withCache(t);
    await page.goto(`${harness.origin}/examples/`);
    await step(page, "back");
    await page.waitForFunction(() => __ew.$("h2")?.textContent === "This page is paused");
    assert.equal(await page.evaluate(() => window.__kept), true, "the page came from the cache");
    assert.equal(await wordsInWidget(page), false, "the words are not on the page");
    assert.equal(await page.isVisible("ending-well .ew-savebar"), false, "nor the save bar");
    assert.ok(await page.isVisible("ending-well .ew-topbar [data-ew-action=exit]"), "a way out");
    await page.click("ending-well [data-ew-action=continue]");
    await page.waitForSelector("ending-well [id$='-q-what-brought-you-input']");
    assert.equal(await wordsInWidget(page), true, "continuing brings the client's words back");
    assert.deepEqual(errors, []);
  });

  it("after quick exit, neither Back nor Forward shows the answers, welcome back or the reflection", async (t) => {
    const { page, errors } = await withCache(t);
    // A draft kept on the device would greet whoever opens the page again.
    await page.click("ending-well [data-ew-action=save]");
    await page.fill("ending-well dialog input[name=passphrase]", "blue kettle morning");
    await page.fill("ending-well dialog input[name=confirmation]", "blue kettle morning");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      __ew.$(".ew-save-status").textContent.startsWith("Saved on this device"),
    );
    await page.click("ending-well .ew-topbar [data-ew-action=exit]");
    await page.waitForURL(EXIT_URL);

    await step(page, "forward");
    assert.equal(page.url(), `${harness.origin}/`, "Forward reaches the clinic's page again");
    await page.waitForFunction(() => __ew.$("h2")?.textContent === "This page is paused");
    assert.equal(await wordsInWidget(page), false);
    assert.equal(await page.isVisible("ending-well .ew-savebar"), false);

    await step(page, "back");
    assert.equal(page.url(), EXIT_URL, "Back is the neutral page again");
    await step(page, "back");
    assert.equal(page.url(), `${harness.origin}/?before`, "Back skips the answers' page");
    await page.waitForSelector("ending-well .ew-heading");
    assert.equal(await wordsInWidget(page), false);
    assert.deepEqual(errors, []);
  });
});
