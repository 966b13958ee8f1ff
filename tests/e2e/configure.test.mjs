// The configuration page (www/configure/), used as a practice manager would: settings made
// through the form alone, the code it gives pasted into a blank page, errors next to their
// fields, a settings file read back, and the page itself accessible under the strict policy.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/configure.test.mjs
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { needs, openPage, useHarness } from "./harness.mjs";
import { POLICY } from "../../scripts/serve.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const harness = useHarness();

const EXIT_URL = "https://www.example.org/news";
const DRAFT = "ending-well:draft:ending-therapy";
const SPANISH_HOURS = "De lunes a viernes, de 9 a 17 h";
/** Two questions of the first section, left out. */
const HIDDEN_QUESTIONS = ["how-long-known", "right-time"];
const REWORDED = {
  en: "Whose decision was it to finish?",
  es: "¿De quién fue la decisión de terminar?",
};

/** Runs before the page's scripts: records policy violations. */
function recordViolations() {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
  });
}

/** The configuration page in a fresh profile. */
async function openConfigure(t, contextOptions = {}) {
  const opened = await openPage(t, harness.browser, contextOptions);
  await opened.context.addInitScript(recordViolations);
  await opened.page.goto(`${harness.origin}/configure/`);
  await opened.page.getByLabel("Your clinic's name", { exact: true }).waitFor();
  return opened;
}

/** The code the page gives, as a person would copy it. */
const code = (page) => page.locator("[data-role=snippet]").textContent();

/** Fills in a whole set-up through the form: nothing typed but words and addresses. */
async function setUp(page) {
  await page.getByLabel("Your clinic's name", { exact: true }).fill("Riverside Counselling");
  await page.getByRole("button", { name: "Add a contact" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Riverside duty line");
  await page.getByLabel("Phone number", { exact: true }).fill("+44 20 7946 0018");
  await page.getByLabel("Opening hours", { exact: true }).fill("Monday to Friday, 9am to 5pm");
  await page.getByLabel("Opening hours in Spanish").fill(SPANISH_HOURS);
  await page.getByLabel("Where “Leave this page” goes").fill(EXIT_URL);
  await page.getByLabel("Include the section “Looking back”").uncheck();
  for (const id of HIDDEN_QUESTIONS) {
    const question = page.locator(`details[data-question=${id}]`);
    await question.locator("summary").click();
    await question.getByLabel("Include this question").uncheck();
  }
  const question = page.locator("details[data-question=who-decided]");
  await question.locator("summary").click();
  await question.getByLabel("New wording in English").fill(REWORDED.en);
  await question.getByLabel("New wording in Spanish").fill(REWORDED.es);
}

describe("The configuration page", () => {
  it("builds a set-up through the form alone, whose code works on a blank page", async (t) => {
    const { page, errors } = await openConfigure(t);
    // Until there is a contact, the page says what a client would see instead, without blocking.
    assert.match(
      await page.locator("[data-role=warnings]").textContent(),
      /^No support contacts yet: a client who needs support sees general advice/,
    );
    await setUp(page);
    assert.equal(await page.locator("[data-role=warnings]").isVisible(), false);
    const snippet = await code(page);

    assert.ok(snippet.includes('"clinic": "Riverside Counselling"'), snippet);
    assert.equal(await page.getByRole("button", { name: "Copy the code" }).isDisabled(), false);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);

    // Pasted into a blank page, as a web developer would, with the files where this server
    // keeps them (the code says /ending-well/, where the embedding guide puts them).
    const body = snippet.replace("/ending-well/ending-well.js", "/ending-well.js");
    await page.route(`${harness.origin}/blank.html`, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        // Under the strict policy the widget promises to run under.
        headers: { "Content-Security-Policy": POLICY },
        body: `<!doctype html><html lang="en"><head><title>Our clinic</title></head><body>${body}</body></html>`,
      }),
    );
    await page.route(`${EXIT_URL}**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<h1>News</h1>" }),
    );
    await page.goto(`${harness.origin}/blank.html`);
    const widget = page.locator("ending-well");
    await widget.locator(".ew-clinic-name").waitFor();
    assert.equal(await widget.locator(".ew-clinic-name").textContent(), "Riverside Counselling");
    assert.deepEqual(
      await page.evaluate(() => window.__violations),
      [],
      "nothing the policy refused",
    );
    await widget.locator("[data-ew-action=support]").click();
    await widget.getByText("Riverside duty line").waitFor();
    assert.equal(
      await widget.locator("dialog a[href^='tel:']").first().getAttribute("href"),
      "tel:+442079460018",
    );
    await widget.locator("dialog [data-ew-action=cancel]").click();
    await widget.locator("[data-ew-action=start]").click();
    // "Looking back" is left out: ten sections, not eleven.
    await widget.locator("[data-ew-action=next]").waitFor();
    assert.equal(await widget.locator(".ew-caption").textContent(), "Section 1 of 10");
    const legends = () => widget.locator(".ew-screen legend").allTextContents();
    assert.ok((await legends()).includes(REWORDED.en), "the question has the clinic's words");
    const ids = await widget
      .locator(".ew-screen [id]")
      // Shown to the client: a question left out is kept in the page, hidden, as a follow-up is.
      .evaluateAll((elements) =>
        elements
          .filter((element) => !element.closest("[hidden]") && element.getClientRects().length)
          .map((element) => element.id),
      );
    for (const id of HIDDEN_QUESTIONS) {
      assert.ok(!ids.some((shown) => shown.includes(`-q-${id}`)), `${id} is left out`);
    }
    assert.ok(
      ids.some((shown) => shown.includes("-q-who-decided")),
      "the others are there",
    );
    await widget.locator("[data-ew-action=language]").click();
    // In Spanish, the clinic's Spanish.
    await page.waitForFunction(
      (text) => __ew.$$(".ew-screen legend").some((legend) => legend.textContent === text),
      REWORDED.es,
    );
    // The contact's hours in Spanish, where the clinic gave them.
    await widget.locator("[data-ew-action=support]").click();
    await widget.getByText(SPANISH_HOURS).waitFor();
    await widget.locator("dialog [data-ew-action=exit]").click();
    await page.waitForURL(EXIT_URL);
  });

  it(
    "previews the real widget with the settings, at a phone's width when asked",
    needs("frames"),
    async (t) => {
      // A client's saved answers on this device, as on a clinic's shared tablet.
      const { page, context } = await openPage(t, harness.browser);
      await context.addInitScript((key) => {
        if (!localStorage.getItem(key)) localStorage.setItem(key, "a client's draft");
      }, DRAFT);
      await page.goto(`${harness.origin}/configure/`);
      const preview = page.frameLocator("iframe[data-role=preview]");
      // The preview does not see them: it opens on the introduction, not on "welcome back".
      await preview.locator(".ew-intro .ew-heading").waitFor();
      const entries = await page.evaluate(() => history.length);
      await page.getByLabel("Where “Leave this page” goes").fill(EXIT_URL);
      await page.getByLabel("Your clinic's name", { exact: true }).fill("Riverside Counselling");
      // The clinic's name in the preview: it has been mounted again with both settings.
      await preview.locator(".ew-clinic-name").waitFor();
      assert.equal(await preview.locator(".ew-clinic-name").textContent(), "Riverside Counselling");
      // Two screens on in the preview.
      await preview.locator("[data-ew-action=start]").click();
      await preview.locator(".ew-screen [data-ew-action=next]").click();
      await preview.locator(".ew-caption", { hasText: "Section 2 of 11" }).waitFor();
      await page.getByLabel("Show at a phone's width").check();
      const width = await page
        .locator("iframe[data-role=preview]")
        .evaluate((frame) => frame.getBoundingClientRect().width);
      assert.equal(width, 375);
      // Quick exit in the preview stops on a page of the preview's own, saying where it would go.
      await preview.locator("[data-ew-action=exit]").click();
      await preview.getByText(EXIT_URL).waitFor();
      assert.equal(
        await page.getByLabel("Your clinic's name", { exact: true }).inputValue(),
        "Riverside Counselling",
      );
      await preview.getByRole("link", { name: "Show the preview again" }).click();
      await preview.locator(".ew-clinic-name").waitFor();
      assert.equal(
        await page.evaluate((key) => localStorage.getItem(key), DRAFT),
        "a client's draft",
        "the client's saved answers are untouched",
      );
      assert.equal(
        await page.evaluate(() => history.length),
        entries,
        "the preview's screens are not in the page's history: Back leaves the page",
      );
    },
  );

  it("shows a broken value's problem next to its field, and gives no code until it is fixed", async (t) => {
    const { page } = await openConfigure(t);
    const field = page.getByLabel("Where “Leave this page” goes");
    await field.fill("http://neutral.example.org");
    const group = page.locator(".form-group--error");
    await group.waitFor();
    const message = await group.locator(".error-message").textContent();
    assert.match(message, /https:\/\//, "the message says what an address must be");
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    const describedBy = await field.getAttribute("aria-describedby");
    const messageId = await group.locator(".error-message").getAttribute("id");
    assert.ok(describedBy.split(" ").includes(messageId), "a screen reader hears the problem");
    // The summary at the top lists it, with a link to the field.
    assert.equal(await page.locator(".error-summary li").count(), 1);
    assert.equal(await page.getByRole("button", { name: "Copy the code" }).isDisabled(), true);
    assert.equal(
      await page.getByRole("button", { name: "Download the settings file" }).isDisabled(),
      true,
    );
    assert.equal(await page.locator("[data-role=snippet]").isVisible(), false);
    await field.fill("https://www.bbc.co.uk/weather");
    await page.locator(".form-group--error").waitFor({ state: "detached" });
    assert.equal(await page.getByRole("button", { name: "Copy the code" }).isDisabled(), false);
  });

  it("changes the reflection's own words, found by what they say, with a problem at its field", async (t) => {
    const { page } = await openConfigure(t);
    await page.getByLabel("Find words").fill("start");
    await page.locator("details[data-key=check_answers]").waitFor({ state: "hidden" });
    const start = page.locator("details[data-key=start]");
    assert.equal(await start.isVisible(), true);
    await start.locator("summary").click();
    await start.getByLabel("New words in English").fill("Begin");
    await page.getByLabel("Find words").fill("");
    const sectionOf = page.locator("details[data-key=section_of]");
    await sectionOf.locator("summary").click();
    const field = sectionOf.getByLabel("New words in English");
    await field.fill("Part {numbr} of {count}");
    await sectionOf.locator(".form-group--error").waitFor();
    assert.match(
      await sectionOf.locator(".form-group--error .error-message").textContent(),
      /\{numbr\}/,
    );
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    await field.fill("Part {number} of {count}");
    await sectionOf.locator(".form-group--error").waitFor({ state: "detached" });
    const options = JSON.parse((await code(page)).split("\n").slice(2, -2).join("\n"));
    assert.deepEqual(options.interface, {
      en: { start: "Begin", section_of: "Part {number} of {count}" },
    });
  });

  it("reads pasted settings back into the same form", async (t) => {
    const { page } = await openConfigure(t);
    await setUp(page);
    const before = await code(page);
    await page.reload();
    await page.getByLabel("Your clinic's name", { exact: true }).waitFor();
    assert.equal(await page.getByLabel("Your clinic's name", { exact: true }).inputValue(), "");
    await page.getByLabel("Or paste settings").fill(before);
    await page.getByRole("button", { name: "Use these settings" }).click();
    await page.getByText("Read the pasted settings.").waitFor();
    assert.equal(await code(page), before);
    assert.equal(
      await page.getByLabel("Your clinic's name", { exact: true }).inputValue(),
      "Riverside Counselling",
    );
    assert.equal(
      await page.getByLabel("Name", { exact: true }).inputValue(),
      "Riverside duty line",
    );
    assert.equal(await page.getByLabel("Include the section “Looking back”").isChecked(), false);
    const question = page.locator("details[data-question=who-decided]");
    assert.equal(await question.getByLabel("New wording in Spanish").inputValue(), REWORDED.es);
  });

  it(
    "saves the settings as a file that reopens into the same form",
    needs("downloads"),
    async (t) => {
      const { page } = await openConfigure(t, { acceptDownloads: true });
      await setUp(page);
      const before = await code(page);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download the settings file" }).click(),
      ]);
      assert.equal(download.suggestedFilename(), "ending-well-settings.json");
      const buffer = readFileSync(await download.path());
      assert.ok(JSON.parse(buffer.toString("utf8")).clinic, "the file holds the settings");
      await page.reload();
      await page.getByLabel("Open a settings file").setInputFiles({
        name: download.suggestedFilename(),
        mimeType: "application/json",
        buffer,
      });
      await page.getByText("Read ending-well-settings.json.").waitFor();
      assert.equal(await code(page), before);
    },
  );

  it("keeps the keyboard's place when contacts are added, moved and removed, and at a problem", async (t) => {
    const { page } = await openConfigure(t);
    /** The focused field: its label's words and its value; or a button's words. */
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        const label = element.labels?.[0]?.textContent ?? element.textContent;
        return {
          label,
          value: element.value ?? "",
          legend: element.closest("fieldset")?.querySelector("legend")?.textContent ?? "",
        };
      });
    await page.getByRole("button", { name: "Add a contact" }).focus();
    await page.keyboard.press("Enter");
    assert.deepEqual(await focused(), { label: "Name", value: "", legend: "Contact 1" });
    await page.keyboard.type("Duty line");
    await page.getByRole("button", { name: "Add a contact" }).focus();
    await page.keyboard.press("Enter");
    assert.deepEqual(await focused(), { label: "Name", value: "", legend: "Contact 2" });
    await page.keyboard.type("Text line");
    await page.getByRole("button", { name: "Move up (contact 2)" }).focus();
    await page.keyboard.press("Enter");
    assert.deepEqual(await focused(), { label: "Name", value: "Text line", legend: "Contact 1" });
    await page.getByRole("button", { name: "Remove (contact 1)" }).focus();
    await page.keyboard.press("Enter");
    assert.equal((await focused()).label, "Add a contact");
    assert.equal(await page.getByLabel("Name", { exact: true }).inputValue(), "Duty line");
    // A problem's link in the summary takes the keyboard to its field.
    await page.getByLabel("Web address", { exact: true }).fill("http://bad.example.org");
    await page.locator(".error-summary a").focus();
    await page.keyboard.press("Enter");
    assert.deepEqual(await focused(), {
      label: "Web address",
      value: "http://bad.example.org",
      legend: "Contact 1",
    });
  });

  it("keeps the changes the short reflection can take when it is chosen, and says what went", async (t) => {
    const { page } = await openConfigure(t);
    await setUp(page);
    await page.getByLabel("The short reflection").check();
    // "Looking back" is in both; the two questions left out are not in the short one.
    await page
      .getByText("2 changes to questions that this reflection does not have were removed.")
      .waitFor();
    const options = JSON.parse((await code(page)).split("\n").slice(2, -2).join("\n"));
    assert.equal(options.built_in, "short");
    assert.deepEqual(options.changes.hide_sections, ["looking-back"]);
    assert.equal(options.changes.hide_questions, undefined);
    assert.equal(options.changes.reword["who-decided"].text.es, REWORDED.es);
    assert.equal(await page.locator(".error-summary").isVisible(), false, "nothing to fix");
  });

  it("keeps a language it cannot offer, says what is wrong, until the languages are ticked", async (t) => {
    const { page } = await openConfigure(t);
    await page.getByLabel("Or paste settings").fill('{"languages": ["en", "fr"]}');
    await page.getByRole("button", { name: "Use these settings" }).click();
    await page.getByText("Read the pasted settings.").waitFor();
    assert.match(
      await page.locator("[data-role=status]").textContent(),
      /cannot change \(languages\): they are kept as they are/,
    );
    // The widget's own check says what is wrong with it, and there is no code to copy meanwhile.
    await page.locator(".error-summary").waitFor();
    assert.match(await page.locator(".error-summary li").first().textContent(), /"fr"/);
    assert.equal(await page.getByLabel("English", { exact: true }).isChecked(), true);
    assert.equal(await page.getByLabel("Español", { exact: true }).isChecked(), false);
    // Ticking the languages replaces the list with what is ticked: both, the default.
    await page.getByLabel("Español", { exact: true }).check();
    await page.locator(".error-summary").waitFor({ state: "hidden" });
    assert.doesNotMatch(await code(page), /languages/);
  });

  it("says it could not read a file that holds no settings, and keeps the form", async (t) => {
    const { page } = await openConfigure(t);
    await page.getByLabel("Your clinic's name", { exact: true }).fill("Riverside Counselling");
    await page.getByLabel("Or paste settings").fill("this is not a settings file");
    await page.getByRole("button", { name: "Use these settings" }).click();
    const error = page.locator("[data-role=read-error]");
    await error.waitFor();
    assert.match(await error.textContent(), /^The pasted settings could not be read/);
    assert.equal(
      await page.getByLabel("Your clinic's name", { exact: true }).inputValue(),
      "Riverside Counselling",
    );
  });

  for (const scheme of ["light", "dark"]) {
    it(`has no accessibility violations (axe-core), ${scheme}, with a problem showing`, async (t) => {
      const { page } = await openConfigure(t, { colorScheme: scheme });
      await page.getByRole("button", { name: "Add a contact" }).click();
      await page.getByLabel("Web address", { exact: true }).fill("http://bad.example.org");
      await page.locator(".error-summary").waitFor();
      await page.locator("details[data-question=who-decided] summary").click();
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const results = await window.axe.run(document, {
          runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
          iframes: false,
        });
        return results.violations.map(({ id, nodes }) => `${id}: ${nodes[0].html}`);
      });
      assert.deepEqual(violations, []);
    });
  }

  it("fits a 320 px screen with no sideways scrolling", needs("narrow window"), async (t) => {
    const { page } = await openConfigure(t, { viewport: { width: 320, height: 640 } });
    await page.getByRole("button", { name: "Add a contact" }).click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0);
  });
});
