// Hostile files and settings are refused with a clear message, and quick exit keeps working: a
// support link that hides where it goes, an odd e-mail address, a quick-exit address that is the
// page itself, a backup asking for absurd work or with an odd salt, and a file far too large to
// be a backup; and settings nested as deep as allowed, and deeper.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openConfigured, openPage, poll, useHarness, waitForHeading } from "./harness.mjs";

const harness = useHarness();
const EXIT_URL = "https://www.bbc.co.uk/weather";

/** A page at `path` whose widget has `settings`, with the neutral exit page answered locally. */
async function configured(t, settings, path = "/configured.html") {
  const opened = await openPage(t, harness.browser);
  const { page } = opened;
  await opened.context.route(`${EXIT_URL}**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
  );
  await openConfigured(page, harness.origin, settings, path);
  return opened;
}

/** The problems listed on the panel, as "path message". */
async function problems(page) {
  await poll(page, () => __ew.$(".ew-error-list"), null, "the problems panel");
  return page.evaluate(() => __ew.$$(".ew-error-list li").map((li) => li.textContent));
}

/** A backup file's text, as the widget writes one, with `change` made to it. */
function backup(change) {
  const envelope = {
    v: 1,
    kdf: "PBKDF2-SHA256",
    iter: 600000,
    salt: Buffer.alloc(16, 1).toString("base64"),
    iv: Buffer.alloc(12, 2).toString("base64"),
    ct: Buffer.alloc(48, 3).toString("base64"),
  };
  change(envelope);
  return JSON.stringify(envelope);
}

describe("Hostile files and settings", () => {
  // The release module is optimised on the promise that the lowest kilobyte of its memory, the far
  // end of its stack, is never reached (Cargo.toml, --low-memory-unused): settings nested as deep
  // as allowed, read on that stack, are reported calmly, and deeper ones refused.
  for (const [depth, expected] of [
    [63, (p) => p.startsWith("options.extra ") && p.includes("unknown field")],
    [5_000, (p) => p.includes("nested more than 64 levels deep")],
  ]) {
    it(`reports settings nested ${depth} levels deep calmly, and quick exit works`, async (t) => {
      const opened = await openPage(t, harness.browser);
      const { page } = opened;
      await opened.context.route(`${EXIT_URL}**`, (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
      );
      const settings = `{"clinic": "A", "extra": ${"[".repeat(depth)}1${"]".repeat(depth)}}`;
      await page.route(`${harness.origin}/nested.html`, (route) =>
        route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><html lang="en"><head><title>Reflection</title>
<script type="module" src="/ending-well.js"></script></head><body>
<ending-well><script type="application/json">${settings}</script></ending-well></body></html>`,
        }),
      );
      await page.goto(`${harness.origin}/nested.html`);
      const listed = await problems(page);
      assert.ok(listed.some(expected), listed.join("\n"));
      await page.click("ending-well [data-ew-action=exit]");
      await page.waitForURL(EXIT_URL);
    });
  }

  it("refuses a support link that hides where it goes, and an odd e-mail address", async (t) => {
    const { page } = await configured(t, {
      support: {
        resources: [
          { name: "Help", web: "https://good.example@evil.example/help" },
          { name: "Mail", email: "help@example.org,other@evil.example" },
        ],
      },
    });
    const listed = await problems(page);
    assert.ok(
      listed.some(
        (p) =>
          p.startsWith("options.support.resources[0].web ") &&
          p.includes("does not plainly name the site it goes to"),
      ),
      listed.join("\n"),
    );
    assert.ok(
      listed.some(
        (p) => p.startsWith("options.support.resources[1].email ") && p.includes("is not an email"),
      ),
      listed.join("\n"),
    );
    assert.equal(await page.evaluate(() => __ew.$$("a[href]").length), 0, "no link is made");
    await page.click("ending-well [data-ew-action=exit]");
    await page.waitForURL(EXIT_URL);
  });

  it("refuses a quick-exit address that is the page itself", async (t) => {
    const { page } = await configured(
      t,
      { quick_exit: { url: "/reflection.html" } },
      "/reflection.html",
    );
    const listed = await problems(page);
    assert.deepEqual(listed.length, 1, listed.join("\n"));
    assert.match(listed[0], /^options\.quick_exit\.url "\/reflection\.html" is this page itself/);
  });

  for (const [what, change] of [
    ["asks for billions of key-derivation rounds", (e) => (e.iter = 4_000_000_000)],
    ["has a salt of the wrong length", (e) => (e.salt = Buffer.alloc(40, 1).toString("base64"))],
  ]) {
    it(`refuses at once a backup that ${what}, and quick exit still works`, async (t) => {
      const { page, errors } = await configured(t, {});
      await page.waitForSelector("ending-well [data-ew-action=start]");
      await page.setInputFiles('ending-well input[type="file"][data-ew-role="backup-file"]', {
        name: "ending-well-backup.json",
        mimeType: "application/json",
        buffer: Buffer.from(backup(change)),
      });
      await waitForHeading(page, "Your saved answers cannot be opened");
      assert.equal(
        await page.evaluate(() => __ew.$$("input[type=password]").length),
        0,
        "no passphrase is asked for",
      );
      await page.click("ending-well .ew-topbar [data-ew-action=exit]");
      await page.waitForURL(EXIT_URL);
      assert.deepEqual(errors, []);
    });
  }

  it("does not read a file far too large to be a backup, says so, and quick exit still works", async (t) => {
    const { page, errors } = await configured(t, {});
    await page.waitForSelector("ending-well [data-ew-action=start]");
    await page.setInputFiles('ending-well input[type="file"][data-ew-role="backup-file"]', {
      name: "ending-well-backup.json",
      mimeType: "application/json",
      buffer: Buffer.alloc(6 * 1024 * 1024, 0x20),
    });
    await poll(
      page,
      () => __ew.$(".ew-status")?.textContent.startsWith("That file is too large"),
      null,
      "the announcement",
    );
    assert.ok(await page.isVisible("ending-well [data-ew-action=start]"), "still the introduction");
    await page.click("ending-well .ew-topbar [data-ew-action=exit]");
    await page.waitForURL(EXIT_URL);
    assert.deepEqual(errors, []);
  });

  it("a stylesheet changed since the build is refused, and the widget still works", async (t) => {
    const opened = await openPage(t, harness.browser);
    const { page, errors } = opened;
    await opened.context.route(`${EXIT_URL}**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
    );
    // Someone changed the stylesheet on the server: it would hide the way out.
    await page.route(`${harness.origin}/ending-well.css`, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/css; charset=utf-8",
        body: ".ew-exit-button { display: none !important; }",
      }),
    );
    await page.goto(`${harness.origin}/`);
    await page.waitForSelector("ending-well [data-ew-action=start]");
    assert.ok(
      errors.some((error) => /integrity/i.test(error)),
      `the browser refused it: ${errors.join(" | ")}`,
    );
    assert.ok(await page.isVisible("ending-well .ew-topbar [data-ew-action=exit]"), "not hidden");
    await page.click("ending-well .ew-topbar [data-ew-action=exit]");
    await page.waitForURL(EXIT_URL);
  });
});
