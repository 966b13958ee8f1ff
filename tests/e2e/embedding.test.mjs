// The embedding examples in www/examples/, as a clinic would copy them: each page loads under
// the strict policy with no error, and each shows what it says it shows.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/embedding.test.mjs
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openPage, useHarness, waitForWidget } from "./harness.mjs";

const EXAMPLES = fileURLToPath(new URL("../../www/examples/", import.meta.url));
const BUILT_IN = "Reflecting on the end of your therapy";
const CUSTOM = "Looking back before we finish";
const PROBLEMS = "This questionnaire cannot be shown";

/** Every example page, with the first heading of each <ending-well> on it, in page order. */
const PAGES = {
  "index.html": [],
  "plain.html": [BUILT_IN],
  "custom-questionnaire.html": [CUSTOM],
  "changes.html": [BUILT_IN],
  "theme.html": [BUILT_IN],
  "two-widgets.html": [BUILT_IN, "A quick check-in"],
  "strict-csp.html": [BUILT_IN],
  // Nothing until "Mount" is pressed; see its own test.
  "mount-destroy.html": [],
  "hostile-css.html": [BUILT_IN],
  "broken-config.html": [PROBLEMS],
  // The page is in Spanish, and the widget follows it; see languages.test.mjs.
  "spanish.html": ["Reflexionar sobre el final de tu terapia"],
  // The element says lang="ar"; see languages.test.mjs.
  "right-to-left.html": ["قبل جلستك الأخيرة"],
};

const harness = useHarness();

/** Runs before the page's scripts: records policy violations and every widget event's detail. */
function recorders() {
  window.__violations = [];
  window.__events = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
  });
  for (const name of ["ending-well:ready", "ending-well:section-change", "ending-well:complete"]) {
    document.addEventListener(name, (event) => {
      window.__events.push({ type: event.type, detail: JSON.stringify(event.detail) });
    });
  }
}

/** Opens an example page in a fresh profile; `done()` asserts it logged no error or violation. */
async function openExample(t, name, contextOptions = {}) {
  const opened = await openPage(t, harness.browser, contextOptions);
  await opened.context.addInitScript(recorders);
  const response = await opened.page.goto(`${harness.origin}/examples/${name}`);
  assert.equal(response.status(), 200, `${name} is served`);
  return {
    ...opened,
    async done() {
      const violations = await opened.page.evaluate(() => window.__violations);
      assert.deepEqual(violations, [], `${name}: no Content-Security-Policy violation`);
      assert.deepEqual(opened.errors, [], `${name}: no console or page error`);
    },
  };
}

/** The n-th <ending-well> on the page, or the element matching `host`. */
function widget(page, host = "ending-well", n = 0) {
  return page.locator(host).nth(n);
}

/** Waits for a widget's first heading and returns its text. */
async function firstHeading(host) {
  const heading = host.locator(".ew-heading").first();
  await heading.waitFor({ state: "visible" });
  return (await heading.textContent()).trim();
}

/** Presses a widget's button by its action, e.g. "start", "next". */
function press(host, action) {
  return host.locator(`[data-ew-action=${action}]`).first().click();
}

describe("Embedding examples", () => {
  it("lists every example page in this test", () => {
    const pages = readdirSync(EXAMPLES)
      .filter((file) => file.endsWith(".html"))
      .sort();
    assert.deepEqual(pages, Object.keys(PAGES).sort(), "a new example needs its expectations here");
  });

  for (const [name, headings] of Object.entries(PAGES)) {
    it(`${name} loads under the policy with no error, and every widget shows its first heading`, async (t) => {
      const { page, done } = await openExample(t, name);
      await page.locator("h1").waitFor();
      // Modules have run once the custom element is defined.
      await page.waitForFunction(
        () =>
          customElements.get("ending-well") !== undefined ||
          !document.querySelector("script[type=module]"),
      );
      assert.equal(await page.locator("ending-well").count(), headings.length, "number of widgets");
      for (const [index, expected] of headings.entries()) {
        assert.equal(await firstHeading(widget(page, "ending-well", index)), expected);
      }
      assert.equal(await page.locator("a[href='../']").count(), 1, "links back to the demo");
      await done();
    });
  }

  it("the examples index links to every example, and the demo's footer links to the index", async (t) => {
    const { page, done } = await openExample(t, "index.html");
    const links = await page
      .locator("main li a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const expected = [
      ...Object.keys(PAGES).filter((p) => p !== "index.html"),
      "my-questionnaire.json",
    ];
    assert.deepEqual([...links].sort(), expected.sort());
    await page.goto(`${harness.origin}/`);
    await page.locator("footer a[href='examples/']").click();
    await page.waitForURL(`${harness.origin}/examples/`);
    await done();
  });

  it("custom-questionnaire shows the clinic's own questionnaire and its support contacts", async (t) => {
    const { page, done } = await openExample(t, "custom-questionnaire.html");
    const host = widget(page);
    assert.equal(await firstHeading(host), CUSTOM);
    await press(host, "start");
    assert.equal(await firstHeading(host.locator(".ew-screen")), "Looking back");
    assert.equal(await host.locator(".ew-caption").textContent(), "Section 1 of 3");
    // The follow-up appears only for "Some of it helped, some did not".
    const followUp = host.getByText("What made it hard?");
    assert.equal(await followUp.isVisible(), false);
    await host.getByLabel("Some of it helped, some did not").check();
    await followUp.waitFor({ state: "visible" });

    await press(host, "support");
    const dialog = host.locator("dialog[open]");
    await dialog.waitFor();
    assert.equal((await dialog.locator(".ew-heading").textContent()).trim(), "Need support now?");
    const text = await dialog.textContent();
    assert.ok(
      text.includes("You can reach us, or the evening line, at any time."),
      "the clinic's intro",
    );
    assert.ok(
      text.includes("Harbour Lane duty line") && text.includes("Evening text line"),
      "both contacts",
    );
    const hrefs = await dialog
      .locator("a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const href of [
      "tel:+442079460018",
      "mailto:support@example.org",
      "sms:07700900123",
      "https://example.org/evening-line",
    ]) {
      assert.ok(hrefs.includes(href), `a link to ${href} (links: ${hrefs.join(", ")})`);
    }
    assert.equal(await dialog.locator(".ew-support-placeholder").count(), 0, "no placeholder");
    await done();
  });

  it("changes.html leaves out a section and a question, rewords one, and offers no saving", async (t) => {
    const { page, done } = await openExample(t, "changes.html");
    const host = widget(page);
    assert.equal(await firstHeading(host), BUILT_IN);
    assert.equal(
      await host.getByText("Save my answers on this device").isVisible(),
      false,
      "no save button",
    );
    await press(host, "start");
    const seen = [];
    let reworded = false;
    // 11 sections, 1 hidden: 10 screens, then the review.
    for (let guard = 0; guard < 15; guard++) {
      if (await host.locator(".ew-review").count()) break;
      const caption = (await host.locator(".ew-caption").textContent()).trim();
      const heading = (await host.locator(".ew-screen .ew-heading").textContent()).trim();
      seen.push(`${caption}: ${heading}`);
      // What is rendered to the client: hidden follow-ups are in the DOM but not shown.
      const screen = await host.locator(".ew-screen").evaluate((element) => element.innerText);
      assert.ok(
        !screen.includes("How do you feel about the goals you had for therapy?"),
        "the goals question is left out",
      );
      assert.ok(!screen.includes("What led you to start therapy?"), "the old wording is gone");
      if (screen.includes("What first brought you to Riverside Counselling?")) {
        reworded = true;
        assert.ok(
          await host.getByText("What first brought you to Riverside Counselling?").isVisible(),
        );
        assert.ok(await host.getByText("A few words are enough.").isVisible(), "the new hint");
      }
      assert.equal(
        await host.getByText("Save my answers on this device").isVisible(),
        false,
        "no save button",
      );
      await press(host, "next");
    }
    assert.equal(seen.length, 10, `ten sections shown: ${seen.join(" | ")}`);
    seen.forEach((line, index) => assert.ok(line.startsWith(`Section ${index + 1} of 10: `), line));
    assert.ok(
      !seen.some((line) => line.includes("The relationship and saying goodbye")),
      "the hidden section is never shown",
    );
    assert.ok(reworded, "the reworded question is shown");
    const review = await host.locator(".ew-review").evaluate((element) => element.innerText);
    assert.ok(!review.includes("The relationship and saying goodbye"), "nor listed in the review");
    await done();
  });

  for (const [scheme, accent, text] of [
    ["light", "rgb(91, 42, 134)", "rgb(255, 255, 255)"],
    ["dark", "rgb(210, 180, 242)", "rgb(42, 18, 64)"],
  ]) {
    it(`theme.html colours the widget's primary button with the theme (${scheme} scheme)`, async (t) => {
      const { page, done } = await openExample(t, "theme.html", { colorScheme: scheme });
      const host = widget(page);
      assert.equal(await firstHeading(host), BUILT_IN);
      // The loader draws the same button first; the widget's replaces it when the module has
      // started, and a button read as it is replaced has no style at all.
      await waitForWidget(page);
      const start = host.locator("[data-ew-action=start]");
      // The widget's stylesheet loads inside the shadow root; wait until it applies.
      await page.waitForFunction((accent) => {
        const button = document
          .querySelector("ending-well")
          .shadowRoot.querySelector("[data-ew-action=start]");
        return getComputedStyle(button).backgroundColor === accent;
      }, accent);
      const style = await start.evaluate((button) => {
        const computed = getComputedStyle(button);
        return {
          background: computed.backgroundColor,
          color: computed.color,
          font: computed.fontFamily,
        };
      });
      assert.equal(style.background, accent);
      assert.equal(style.color, text);
      assert.match(style.font, /^Georgia/);
      await done();
    });
  }

  it("two-widgets.html keeps two widgets apart: their own ids and their own answers", async (t) => {
    const { page, done } = await openExample(t, "two-widgets.html");
    const builtIn = widget(page, "#built-in");
    const checkIn = widget(page, "#check-in");
    assert.equal(await firstHeading(builtIn), BUILT_IN);
    assert.equal(await firstHeading(checkIn), "A quick check-in");
    const snapshot = (selector) =>
      page.evaluate((selector) => document.querySelector(selector).shadowRoot.innerHTML, selector);
    const before = await snapshot("#built-in");

    await press(checkIn, "start");
    await checkIn.getByLabel("4", { exact: true }).check();
    await checkIn
      .getByLabel("Anything you want to remember about it?")
      .fill("Checked-in-only words");
    assert.equal(await snapshot("#built-in"), before, "the built-in widget did not change");
    assert.equal(
      await builtIn.locator("[data-ew-action=start]").isVisible(),
      true,
      "still on its first screen",
    );

    const ids = await page.evaluate(() =>
      ["#built-in", "#check-in"].map((selector) =>
        [...document.querySelector(selector).shadowRoot.querySelectorAll("[id]")].map(
          (element) => element.id,
        ),
      ),
    );
    assert.ok(ids[0].length > 0 && ids[1].length > 0, "both widgets have element ids");
    const shared = ids[0].filter((id) => ids[1].includes(id));
    assert.deepEqual(shared, [], "no element id is used by both widgets");

    await press(builtIn, "start");
    await press(builtIn, "next");
    await press(builtIn, "next");
    await builtIn.getByLabel("What led you to start therapy?").fill("Built-in-only words");
    const checkInState = await checkIn.evaluate((host) => ({
      text: host.shadowRoot.querySelector("input[type=text], textarea").value,
      point: host.shadowRoot.querySelector("input[type=radio]:checked")?.value ?? null,
      all: host.shadowRoot.textContent,
    }));
    assert.equal(checkInState.text, "Checked-in-only words", "the check-in kept its own answer");
    assert.ok(checkInState.point !== null, "and its chosen point");
    assert.ok(!checkInState.all.includes("Built-in-only"), "nothing of the other's answers");
    assert.ok(!(await snapshot("#built-in")).includes("Checked-in-only"));
    await done();
  });

  it("mount-destroy.html mounts and destroys 20 times, and its events carry no answers", async (t) => {
    const { page, done } = await openExample(t, "mount-destroy.html");
    const host = widget(page, "#widget-host");
    const mountButton = page.getByRole("button", { name: "Mount" });
    const destroyButton = page.getByRole("button", { name: "Destroy" });
    const shadowChildren = () =>
      host.evaluate((element) => element.shadowRoot?.childNodes.length ?? 0);
    for (let round = 0; round < 20; round++) {
      await mountButton.click();
      assert.equal(await firstHeading(host), "A short reflection", `round ${round + 1}`);
      await destroyButton.click();
      assert.equal(
        await shadowChildren(),
        0,
        `round ${round + 1}: the shadow root is empty after destroy`,
      );
    }

    const SECRET = "Zebra-lantern-4471";
    await mountButton.click();
    await press(host, "start");
    await host.getByLabel("What helped you most?").fill(SECRET);
    await press(host, "next");
    await host.getByLabel("What will you keep doing?").fill(`${SECRET} again`);
    await press(host, "next");
    await host.locator(".ew-review").waitFor();
    assert.ok(
      (await host.locator(".ew-review").textContent()).includes(SECRET),
      "the answer is in the widget",
    );
    await press(host, "summary");
    await host.locator(".ew-summary").waitFor();
    await destroyButton.click();
    assert.equal(await shadowChildren(), 0, "empty after the last destroy");

    const log = await page.locator("#event-log li").allTextContents();
    const events = await page.evaluate(() => window.__events);
    assert.equal(log.length, events.length, "the page logged every event");
    assert.equal(
      events.filter((event) => event.type === "ending-well:ready").length,
      21,
      "one ready per mount",
    );
    assert.deepEqual(log.slice(-4), [
      "ending-well:ready null",
      'ending-well:section-change {"index":0,"count":2}',
      'ending-well:section-change {"index":1,"count":2}',
      "ending-well:complete null",
    ]);
    for (const { type, detail } of events) {
      const parsed = JSON.parse(detail);
      if (type === "ending-well:section-change") {
        assert.deepEqual(Object.keys(parsed).sort(), ["count", "index"], `${type} ${detail}`);
        assert.ok(
          Number.isInteger(parsed.index) && Number.isInteger(parsed.count),
          `${type} ${detail}`,
        );
      } else {
        assert.equal(parsed, null, `${type} ${detail}`);
      }
      assert.ok(!detail.includes("Zebra"), "no answer in any event detail");
    }
    assert.ok(!log.join("\n").includes("Zebra"), "no answer in the log");
    assert.ok(
      !(await page.content()).includes("Zebra"),
      "nothing of the answers is left on the page",
    );
    await done();
  });

  it("hostile-css.html cannot hide, restyle or break the widget", async (t) => {
    // The widget's heading size on a page with no hostile CSS, to compare with.
    const plain = await openExample(t, "plain.html");
    await firstHeading(widget(plain.page));
    const headingStyle = (page) =>
      page
        .waitForFunction(() => {
          const heading = document
            .querySelector("ending-well")
            .shadowRoot.querySelector(".ew-heading");
          const link = document
            .querySelector("ending-well")
            .shadowRoot.querySelector("link[rel=stylesheet]");
          return link?.sheet && heading
            ? { size: getComputedStyle(heading).fontSize, color: getComputedStyle(heading).color }
            : null;
        })
        .then((handle) => handle.jsonValue());
    const expected = await headingStyle(plain.page);
    await plain.done();

    const { page, done } = await openExample(t, "hostile-css.html");
    // The hostile rules are live on the page itself.
    assert.equal(
      await page.locator("main > h2").evaluate((h2) => getComputedStyle(h2).fontSize),
      "64px",
    );
    const host = widget(page);
    assert.equal(await firstHeading(host), BUILT_IN);
    const actual = await headingStyle(page);
    assert.equal(actual.size, expected.size, "the widget's heading keeps its own size");
    assert.notEqual(actual.size, "64px");
    assert.notEqual(actual.color, "rgb(255, 0, 0)", "and its own colour");

    const start = host.locator("[data-ew-action=start]");
    assert.ok(await start.isVisible(), "buttons are visible");
    await start.click();
    await host.locator(".ew-caption").waitFor();
    const radio = host.getByLabel("We planned it together");
    assert.ok(await radio.isVisible(), "radios are visible");
    assert.equal(await radio.evaluate((input) => getComputedStyle(input).opacity), "1");
    await radio.check();
    assert.ok(await radio.isChecked(), "and clickable");
    for (const action of ["next", "back", "skip", "support", "exit"]) {
      assert.ok(
        await host.locator(`[data-ew-action=${action}]`).first().isVisible(),
        `"${action}" is visible`,
      );
    }
    await press(host, "next");
    await press(host, "next");
    const field = host.getByLabel("What led you to start therapy?");
    assert.ok(await field.isVisible(), "text fields are visible");
    await field.fill("Typed on a hostile page");
    assert.equal(await field.inputValue(), "Typed on a hostile page");
    await done();
  });

  it("broken-config.html lists both problems with their paths and shows no form controls", async (t) => {
    const { page, done } = await openExample(t, "broken-config.html");
    const host = widget(page);
    assert.equal(await firstHeading(host), PROBLEMS);
    const problems = await host.locator(".ew-error-list li").allTextContents();
    assert.equal(problems.length, 2, problems.join("\n"));
    assert.ok(
      problems.some(
        (p) =>
          p.startsWith("options.savng ") &&
          p.includes('unknown field "savng"') &&
          p.includes('did you mean "saving"'),
      ),
      problems.join("\n"),
    );
    assert.ok(
      problems.some(
        (p) =>
          p.startsWith("options.support.resources[0].web ") &&
          p.includes("javascript:") &&
          p.includes("https://"),
      ),
      problems.join("\n"),
    );
    // Nothing to fill in or follow; only "Leave this page", which every screen has.
    const controls = await host.evaluate((element) =>
      [...element.shadowRoot.querySelectorAll("input, textarea, select, button, a[href]")].map(
        (control) => control.dataset.ewAction ?? control.tagName,
      ),
    );
    assert.deepEqual(controls, ["exit"], "no form controls and no links, but a way out");
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events, [], "a configuration with problems is never ready");
    await done();
  });
});
