// No third party reads over the client's shoulder: no spell checker, autocomplete, writing
// assistant or password manager is offered what they write, no passphrase stays in the page,
// session-replay tools are told not to record, the page hears nothing unless the clinic asks,
// downloads happen inside the widget and their addresses go soon after, and typing loads no font.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { needs, openPage, useHarness, waitForWidget } from "./harness.mjs";

const harness = useHarness();

/** The demo page, or a page whose widget has `settings`, served from the same origin. */
async function widgetPage(t, settings = null, head = "") {
  const opened = await openPage(t, harness.browser);
  const { page } = opened;
  if (settings === null) {
    await page.goto(`${harness.origin}/`);
  } else {
    await page.route(`${harness.origin}/configured.html`, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="en"><head><title>Reflection</title>${head}
<script type="module" src="/ending-well.js"></script></head><body>
<ending-well><script type="application/json">${JSON.stringify(settings)}</script></ending-well>
</body></html>`,
      }),
    );
    await page.goto(`${harness.origin}/configured.html`);
  }
  await page.waitForSelector("ending-well [data-ew-action=start]");
  // The widget itself, not the loader's introduction: these tests click and look at once, and a
  // press on the introduction is carried over to the widget only once it has started
  // (first-screen.test.mjs).
  await waitForWidget(page);
  return opened;
}

/** Every answer field on every section, with the attributes that decide who reads it. */
async function answerFields(page) {
  await page.click("ending-well [data-ew-action=start]");
  const fields = [];
  for (;;) {
    // "Something else" boxes are fields too, though hidden until ticked.
    fields.push(
      ...(await page.evaluate(() =>
        __ew
          .$$("input[data-ew-role=text], input[data-ew-role=other-text], textarea")
          .map((field) =>
            Object.fromEntries(
              [
                "id",
                "autocomplete",
                "spellcheck",
                "data-gramm",
                "data-gramm_editor",
                "data-enable-grammarly",
                "data-lt-active",
                "data-ms-editor",
              ].map((name) => [name, field.getAttribute(name)]),
            ),
          ),
      )),
    );
    if (!(await page.isVisible("ending-well .ew-screen [data-ew-action=next]"))) break;
    await page.click("ending-well .ew-screen [data-ew-action=next]");
  }
  return fields;
}

describe("No third party sees the words", () => {
  it("no answer field is offered to a spell checker, autocomplete or a writing assistant", async (t) => {
    const { page } = await widgetPage(t);
    const fields = await answerFields(page);
    assert.ok(fields.length >= 20, `every section's fields (${fields.length})`);
    for (const field of fields) {
      assert.deepEqual(
        field,
        {
          id: field.id,
          autocomplete: "off",
          spellcheck: "false",
          "data-gramm": "false",
          "data-gramm_editor": "false",
          "data-enable-grammarly": "false",
          "data-lt-active": "false",
          "data-ms-editor": "false",
        },
        field.id,
      );
    }
    t.diagnostic(`${fields.length} answer fields checked`);
  });

  it("a clinic may let the spell checker read the answers, never the passphrase", async (t) => {
    const { page } = await widgetPage(t, { spellcheck: true });
    const fields = await answerFields(page);
    assert.ok(fields.every((field) => field.spellcheck === "true" && field.autocomplete === "off"));
    await page.click("ending-well [data-ew-action=save]");
    assert.equal(
      await page.getAttribute("ending-well dialog input[name=passphrase]", "spellcheck"),
      "false",
    );
  });

  it("passphrases are not offered to password managers and never stay in the page", async (t) => {
    const { page, errors } = await widgetPage(t);
    const before = page.url();
    await page.click("ending-well [data-ew-action=save]");
    const fields = await page.evaluate(() =>
      __ew.$$("dialog input[type=password]").map((field) => ({
        autocomplete: field.getAttribute("autocomplete"),
        spellcheck: field.getAttribute("spellcheck"),
        markers: ["data-1p-ignore", "data-lpignore", "data-bwignore", "data-protonpass-ignore"].map(
          (name) => field.getAttribute(name),
        ),
        formType: field.getAttribute("data-form-type"),
      })),
    );
    assert.equal(fields.length, 2);
    for (const field of fields) {
      assert.deepEqual(field, {
        autocomplete: "off",
        spellcheck: "false",
        markers: ["true", "true", "true", "true"],
        formType: "other",
      });
    }
    // Submitted with a mistake: the fields are empty the moment the passphrase is read.
    const left = await page.evaluate(() => {
      const form = __ew.$("dialog form");
      form.querySelector("input[name=passphrase]").value = "one long passphrase";
      form.querySelector("input[name=confirmation]").value = "another long passphrase";
      form.requestSubmit();
      return [...__ew.$$("dialog input[type=password]")].map((field) => field.value);
    });
    assert.deepEqual(left, ["", ""]);
    await page.waitForSelector("ending-well dialog .ew-error-summary");
    assert.equal(page.url(), before, "the form went nowhere");
    assert.deepEqual(errors, []);
  });

  it("the element and its shadow root tell session-replay tools not to record them", async (t) => {
    const { page } = await widgetPage(t);
    const marked = await page.evaluate(() => {
      const host = document.querySelector("ending-well");
      const container = host.shadowRoot.querySelector(".ew").parentElement;
      const markers = (element) => ({
        classes: ["fs-exclude", "ph-no-capture", "rr-block", "sentry-block", "amp-block"].filter(
          (name) => element.classList.contains(name),
        ).length,
        attributes: [
          "data-hj-suppress",
          "data-clarity-mask",
          "data-private",
          "data-dd-privacy",
          "data-recording-disable",
          "data-sentry-block",
          "data-heap-redact-text",
        ].filter((name) => element.hasAttribute(name)).length,
        clarity: element.getAttribute("data-clarity-mask"),
        datadog: element.getAttribute("data-dd-privacy"),
      });
      return [markers(host), markers(container)];
    });
    for (const element of marked) {
      assert.deepEqual(element, { classes: 5, attributes: 7, clarity: "true", datadog: "hidden" });
    }
  });

  it("the page hears no event unless the clinic asks for them", async (t) => {
    for (const settings of [null, { events: true }]) {
      const { page } = await widgetPage(t, settings);
      await page.evaluate(() => {
        window.__heard = [];
        for (const name of ["ending-well:section-change", "ending-well:complete"]) {
          document.addEventListener(name, (event) => window.__heard.push(event.type));
        }
      });
      await page.click("ending-well [data-ew-action=start]");
      while (await page.isVisible("ending-well .ew-screen [data-ew-action=next]")) {
        await page.click("ending-well .ew-screen [data-ew-action=next]");
      }
      await page.click("ending-well [data-ew-action=summary]");
      await page.waitForSelector("ending-well .ew-summary");
      const heard = await page.evaluate(() => window.__heard);
      if (settings === null) assert.deepEqual(heard, [], "by default, nothing");
      else assert.equal(heard.at(-1), "ending-well:complete", "when asked, where the client is");
    }
  });

  it(
    "downloads happen inside the widget, and their addresses go soon after",
    needs("downloads"),
    async (t) => {
      const { page } = await widgetPage(t);
      await page.clock.install();
      await page.evaluate(() => {
        window.__seen = { addedToPage: [], clicksSeenBy: [], revoked: [] };
        new MutationObserver((changes) => {
          for (const change of changes) {
            for (const node of change.addedNodes) window.__seen.addedToPage.push(node.nodeName);
          }
        }).observe(document.body, { childList: true, subtree: true });
        document.addEventListener("click", (event) =>
          window.__seen.clicksSeenBy.push(event.target.nodeName),
        );
        const revoke = URL.revokeObjectURL;
        URL.revokeObjectURL = (url) => {
          window.__seen.revoked.push(url);
          revoke(url);
        };
      });
      await page.click("ending-well [data-ew-action=start]");
      await page.click("ending-well [data-ew-action=next]");
      await page.click("ending-well [data-ew-action=next]");
      await page.fill("ending-well [id$='-q-what-brought-you-input']", "Words for the file");
      while (await page.isVisible("ending-well .ew-screen [data-ew-action=next]")) {
        await page.click("ending-well .ew-screen [data-ew-action=next]");
      }
      await page.click("ending-well [data-ew-action=summary]");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("ending-well [data-ew-action=download-text]"),
      ]);
      assert.match(download.suggestedFilename(), /\.txt$/);
      assert.ok((await download.path()) !== null, "the file arrived");
      const url = download.url();
      let seen = await page.evaluate(() => window.__seen);
      assert.deepEqual(seen.addedToPage, [], "no link was put into the page itself");
      assert.ok(
        seen.clicksSeenBy.every((name) => name !== "A"),
        `the page saw no link clicked: ${seen.clicksSeenBy}`,
      );
      assert.ok(!seen.revoked.includes(url), "not revoked at once, which cancels it in Firefox");
      await page.clock.runFor(10_000);
      seen = await page.evaluate(() => window.__seen);
      assert.ok(seen.revoked.includes(url), "the file's address is gone ten seconds later");
    },
  );

  it("answer fields use the system's font, so typing never loads a web font", async (t) => {
    // A page whose font would be a web font, split by ranges of characters.
    const head = '<style>ending-well { --ew-font-family: "Clinic Web Font", serif; }</style>';
    const { page } = await widgetPage(t, {}, head);
    await page.click("ending-well [data-ew-action=start]");
    await page.click("ending-well [data-ew-action=next]");
    await page.click("ending-well [data-ew-action=next]");
    const fonts = await page.evaluate(() => ({
      heading: getComputedStyle(__ew.$(".ew-screen h2")).fontFamily,
      field: getComputedStyle(__ew.$("[id$='-q-what-brought-you-input']")).fontFamily,
    }));
    assert.match(fonts.heading, /Clinic Web Font/, "the clinic's font elsewhere");
    assert.match(fonts.field, /^system-ui/);
    assert.doesNotMatch(fonts.field, /Clinic Web Font/);
  });
});
