// Injection: a clinic's configuration and a client's answers are text, never markup or code.
// A corpus of hostile strings goes into every piece of text the widget shows (the questionnaire,
// the clinic's settings and interface words, the support contacts) and into every answer, through
// every screen, the review, the summary and both downloads. The page that carries the widget has
// no Content-Security-Policy, so a string that became markup would run: only the widget's own
// escaping stands in the way. Links from the configuration are only https:, tel:, sms: and mailto:,
// and the widget runs on a page that enforces Trusted Types.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/injection.test.mjs
// Needs the release build in www/pkg (bash scripts/build.sh) and /usr/bin/chromium.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { POLICY } from "../../scripts/serve.mjs";
import {
  act,
  click,
  heading,
  needs,
  openPage,
  poll,
  startHarness,
  TEST_TIMEOUT,
  type,
} from "./harness.mjs";

/** What every payload does if it ever runs. */
const RUN = "window.__pwned=1";

/** The corpus. Each one sets `window.__pwned`, opens a dialog, or hides the page if it runs. */
const PAYLOADS = [
  `<img src=x onerror=${RUN}>`,
  `<script>${RUN}</script>`,
  `"><svg onload=${RUN}>`,
  `'><svg/onload=${RUN}>`,
  `" onmouseover="${RUN}" autofocus onfocus="${RUN}" x="`,
  `javascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `</title><script>${RUN}</script>`,
  `</style><script>${RUN}</script>`,
  `<style>*{display:none!important}</style>`,
  `<link rel=stylesheet href="data:text/css,*{display:none!important}">`,
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `<a href="javascript:${RUN}">a link</a>`,
  `&lt;b&gt;not bold&lt;/b&gt; &amp;amp; &#60;img src=x onerror=${RUN}&#62;`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
  `<iframe src="javascript:parent.__pwned=1"></iframe>`,
  `<object data="data:text/html,<script>parent.__pwned=1</script>"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<details open ontoggle=${RUN}>`,
  `<input autofocus onfocus=${RUN}>`,
  `<body onload=${RUN}>`,
  `<!--<img src="--><img src=x onerror=${RUN}//">`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<svg><script>${RUN}</script></svg>`,
  `<svg><animate onbegin=alert(1) attributeName=x dur=1s>`,
  `<img src=x onerror=alert(1)>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="javascript:${RUN}//">`,
  `<form action="javascript:${RUN}"><button>Send</button></form>`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `%3Cscript%3E${RUN}%3C%2Fscript%3E`,
  `<x onclick=${RUN}>click me</x>`,
  // Bidirectional override and zero-width characters around markup.
  `\u202Egpj.exe<img src=x onerror=${RUN}>\u202C!`,
  `<scr\u200Bipt>${RUN}</scr\u200Dipt>\u2060<img\u00A0src=x onerror=${RUN}>`,
  // Placeholders of the interface text, which are never filled in a clinic's or client's text.
  `{count} {time} {answer} {sections}`,
  `A very long text ${"with many words ".repeat(350)}<img src=x onerror=${RUN}>${" and more".repeat(350)}`,
];

/**
 * Every payload but the very long one, in one text: a single text is at most 10,000 characters
 * (a longer one is a problem in the panel), and the long payload has places of its own.
 */
const IN_ONE_TEXT = PAYLOADS.slice(0, -1);
const JOINED = IN_ONE_TEXT.join(" | ");

/** The tags the widget itself builds; anything else in its shadow root came from a payload. */
const WIDGET_TAGS = new Set([
  "link",
  "div",
  "nav",
  "ul",
  "li",
  "button",
  "span",
  "section",
  "h2",
  "h3",
  "h4",
  "h5",
  "p",
  "progress",
  "fieldset",
  "legend",
  "input",
  "label",
  "textarea",
  "dl",
  "dt",
  "dd",
  "dialog",
  "form",
  "a",
  "code",
]);
/** The tags of the test's host page. */
const PAGE_TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "script",
  "link",
  "body",
  "main",
  "h1",
  "ending-well",
]);
/** The tags of the summary downloaded as a web page. */
const DOWNLOAD_TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "main",
  "h1",
  "h2",
  "h3",
  "p",
  "dl",
  "dt",
  "dd",
  "ul",
  "li",
  "section",
  "span",
]);

/** Six questions a section, one of each kind the client sees: the place of each in the file. */
const KINDS = ["choice", "many", "scale", "short", "long", "info"];
const questionIndex = (section, kind) => section * KINDS.length + KINDS.indexOf(kind);

/** One section per payload, with the payload in every piece of text a section can hold. */
function corpusQuestionnaire() {
  return {
    id: "injection-corpus",
    title: JOINED,
    intro: PAYLOADS,
    sections: [
      ...PAYLOADS.map((p, i) => ({
        id: `s${i}`,
        title: p,
        intro: p,
        questions: [
          {
            id: `s${i}-choice`,
            kind: "single_choice",
            text: p,
            hint: p,
            options: [
              { id: "payload", label: p },
              { id: "plain", label: "A plain option" },
            ],
          },
          {
            id: `s${i}-many`,
            kind: "multiple_choice",
            text: p,
            options: [
              { id: "payload", label: p },
              { id: "plain", label: "A plain option" },
            ],
            other: p,
          },
          { id: `s${i}-scale`, kind: "scale", text: p, min: 1, max: 5, min_label: p, max_label: p },
          { id: `s${i}-short`, kind: "short_text", text: p, hint: p },
          { id: `s${i}-long`, kind: "long_text", text: p },
          { id: `s${i}-info`, kind: "info", text: p },
        ],
      })),
      {
        id: "notes",
        title: "Notes",
        questions: [
          {
            id: "note-therapist",
            kind: "note",
            text: "A note to your therapist",
            for: "therapist",
          },
          {
            id: "note-future",
            kind: "note",
            text: "A note to your future self",
            for: "future_self",
          },
        ],
      },
    ],
    plan: {
      early_signs: PAYLOADS.map((_, i) => `s${i}-long`),
      what_helps: PAYLOADS.map((_, i) => `s${i}-choice`),
    },
    notes: {
      helped: PAYLOADS.map((_, i) => `s${i}-short`),
      to_say: PAYLOADS.map((_, i) => `s${i}-many`),
    },
    support_when: { answered: "s0-choice" },
  };
}

/** The interface words a clinic may override, each given a payload without placeholders. */
const INTERFACE = {
  start: PAYLOADS[0],
  need_support: PAYLOADS[2],
  support_heading: PAYLOADS[7],
  summary_intro: PAYLOADS[8],
  plan_heading: PAYLOADS[9],
  export_note: PAYLOADS[16],
};

/** The clinic's settings with the payloads in every text field a contact can hold. */
function corpusSettings() {
  return {
    clinic: JOINED,
    support: {
      intro: JOINED,
      resources: PAYLOADS.map((p) => ({ name: p, hours: p, note: p })),
    },
    quick_exit: { url: "/" },
    interface: { en: INTERFACE },
  };
}

/**
 * A page with the widget and its configuration in the element's JSON, as a clinic writes it. `<`
 * is written `\u003c` in the JSON, as a JSON serializer for HTML does: `</script>` in a string
 * would otherwise end the element early (in the clinic's own page, before the widget sees it).
 */
function widgetPage(config) {
  const json = JSON.stringify(config, null, 1).replaceAll("<", "\\u003c");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Injection corpus</title>
<link rel="icon" href="data:,">
<script type="module" src="/ending-well.js"></script>
</head>
<body>
<main>
<h1>Injection corpus</h1>
<ending-well><script type="application/json">${json}</script></ending-well>
</main>
</body>
</html>
`;
}

let harness;
let downloads;
before(async () => {
  harness = await startHarness();
  downloads = mkdtempSync(join(tmpdir(), "ending-well-injection-"));
});
after(async () => {
  await harness?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/** Runs before any script of every page: records Content-Security-Policy and Trusted Types violations. */
function recorders() {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(
      `${event.effectiveDirective || event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile || "?"}:${event.lineNumber}: ${event.sample}`,
    );
  });
}

/**
 * Opens `html` at `path` on the test server's origin, with `headers` (no policy unless given),
 * in a fresh profile. Dialogs (alert, confirm, prompt) are recorded and dismissed.
 */
async function openHtml(t, path, html, headers = {}) {
  const opened = await openPage(t, harness.browser, { acceptDownloads: true });
  await opened.context.addInitScript(recorders);
  const dialogs = [];
  const watch = (page) =>
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
  watch(opened.page);
  await opened.page.route(`${harness.origin}${path}`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers, body: html }),
  );
  await opened.page.goto(`${harness.origin}${path}`);
  return { ...opened, dialogs, watch };
}

/** Waits for the widget's first screen and returns its id prefix ("ew1"). */
async function widgetPrefix(page) {
  const id = await poll(
    page,
    () => __ew.$(".ew-screen h2.ew-heading")?.id,
    null,
    "the widget to mount",
  );
  return id.replace(/-heading$/, "");
}

/**
 * What a payload that ran or became markup would leave behind, anywhere in the page or in the
 * widget: `__pwned`, a tag the widget never builds, an event-handler or style attribute, a URL
 * in an attribute that is not the widget's own, the widget hidden.
 */
function traces({ widgetTags, pageTags }) {
  const found = [];
  if (window.__pwned !== undefined) found.push(`window.__pwned is ${window.__pwned}`);
  const host = document.querySelector("ending-well");
  const page = [...document.querySelectorAll("*")];
  const widget = host?.shadowRoot ? [...host.shadowRoot.querySelectorAll("*")] : [];
  for (const [elements, allowed, where] of [
    [page, pageTags, "page"],
    [widget, widgetTags, "widget"],
  ]) {
    for (const element of elements) {
      const tag = element.localName;
      if (!allowed.includes(tag)) found.push(`${where}: a <${tag}> element`);
      for (const { name, value } of element.attributes) {
        if (/^on/i.test(name) || name === "style" || name === "srcdoc") {
          found.push(`${where}: <${tag} ${name}="${value.slice(0, 60)}">`);
        }
        const ownScript = where === "page" && tag === "script" && value === "/ending-well.js";
        if (
          ["src", "action", "formaction", "data", "xlink:href", "background", "poster"].includes(
            name,
          ) &&
          !ownScript
        ) {
          found.push(`${where}: <${tag} ${name}="${value.slice(0, 60)}">`);
        }
        if (name === "href" && tag === "a" && !/^(https:|tel:|sms:|mailto:)/.test(value)) {
          found.push(`${where}: <a href="${value.slice(0, 60)}">`);
        }
      }
    }
  }
  const scripts = document.querySelectorAll("script");
  if (scripts.length !== 2) found.push(`the page has ${scripts.length} script elements, not 2`);
  const links = widget.filter((element) => element.localName === "link");
  if (links.length !== 1 || !links[0].href.endsWith("/ending-well.css")) {
    found.push(`the widget has ${links.length} link elements, not its one stylesheet`);
  }
  const root = host?.shadowRoot?.querySelector(".ew");
  if (root && !root.hidden && !root.checkVisibility()) found.push("the widget is not visible");
  if (!host?.checkVisibility()) found.push("the <ending-well> element is not visible");
  return found;
}

/** Asserts that nothing ran and no markup appeared, at `where`. */
async function assertNothingRan(page, dialogs, where) {
  const found = await page.evaluate(traces, {
    widgetTags: [...WIDGET_TAGS],
    pageTags: [...PAGE_TAGS],
  });
  assert.deepEqual(found, [], `${where}: nothing of a payload ran or became markup`);
  assert.deepEqual(dialogs, [], `${where}: no dialog opened`);
}

/** Counts the payload × place combinations checked, by place. */
class Checked {
  constructor() {
    this.places = new Map();
  }

  /** Asserts `actual === expected` (or, with `includes`, that `actual` contains it) and counts. */
  check(place, index, actual, expected, { includes = false } = {}) {
    const what = `${place}, payload ${index} (${JSON.stringify(PAYLOADS[index]?.slice(0, 50))})`;
    if (includes) {
      assert.ok(
        typeof actual === "string" && actual.includes(expected),
        `${what}: shown as text, got ${JSON.stringify(actual?.slice(0, 200))}`,
      );
    } else {
      assert.equal(actual, expected, `${what}: shown exactly as written`);
    }
    this.count(place, index);
  }

  /** Counts a combination whose assertion the caller made. */
  count(place, index) {
    const seen = this.places.get(place) ?? new Set();
    seen.add(index);
    this.places.set(place, seen);
  }

  get total() {
    return [...this.places.values()].reduce((sum, seen) => sum + seen.size, 0);
  }
}

/** Every text of section `i`'s screen, by place. */
function sectionTexts(page, prefix, i) {
  return page.evaluate(
    ({ prefix, i }) => {
      const q = (id) => __ew.$(`#${prefix}-q-s${i}-${id}`);
      const text = (element) => (element ? element.textContent : null);
      const section = __ew.$(".ew-screen > section");
      return {
        "section title": text(section.querySelector("h2.ew-heading")),
        "section intro": text(section.querySelector(":scope > p.ew-body")),
        "single choice: question": text(q("choice")?.querySelector("legend")),
        "single choice: hint": text(q("choice")?.querySelector(".ew-hint")),
        "single choice: option": text(
          __ew.$(`label[for="${prefix}-q-s${i}-choice-option-payload"]`),
        ),
        "multiple choice: question": text(q("many")?.querySelector("legend")),
        "multiple choice: option": text(
          __ew.$(`label[for="${prefix}-q-s${i}-many-option-payload"]`),
        ),
        "multiple choice: other": text(__ew.$(`label[for="${prefix}-q-s${i}-many-option-other"]`)),
        "scale: question": text(q("scale")?.querySelector("legend")),
        "scale: lowest label": text(q("scale")?.querySelector(".ew-scale-ends span:first-child")),
        "scale: highest label": text(q("scale")?.querySelector(".ew-scale-ends span:last-child")),
        "short text: question": text(q("short")?.querySelector("label.ew-label")),
        "short text: hint": text(q("short")?.querySelector(".ew-hint")),
        "long text: question": text(q("long")?.querySelector("label.ew-label")),
        information: text(q("info")?.querySelector(".ew-info p")),
      };
    },
    { prefix, i },
  );
}

/** Answers section `i` with its payload: the option, the other box, a point, both text boxes. */
async function answerSection(page, prefix, i) {
  const q = `#${prefix}-q-s${i}`;
  await click(page, `${q}-choice-option-payload`);
  await click(page, `${q}-many-option-payload`);
  await click(page, `${q}-many-option-other`);
  await type(page, `${q}-many-other-text`, PAYLOADS[i]);
  await click(page, `${q}-scale-option-3`);
  await type(page, `${q}-short-input`, PAYLOADS[i]);
  await type(page, `${q}-long-input`, PAYLOADS[i]);
}

/** The support contacts inside `selector`: the intro, and each contact's name and lines. */
function contactsIn(page, selector) {
  return page.evaluate((selector) => {
    const box = __ew.$(selector);
    return {
      intro: box?.querySelector(".ew-support > p.ew-body")?.textContent ?? null,
      contacts: [...(box?.querySelectorAll(".ew-contact") ?? [])].map((contact) => ({
        name: contact.querySelector(".ew-contact-name")?.textContent ?? null,
        // The line's own text, without its label ("Hours").
        lines: [...contact.querySelectorAll(".ew-contact-line")].map(
          (line) => line.lastChild?.textContent ?? null,
        ),
      })),
    };
  }, selector);
}

function checkContacts(checked, where, found) {
  checked.check(`support intro (${where})`, 0, found.intro, JOINED);
  for (const [i, p] of IN_ONE_TEXT.entries())
    checked.check(`support intro (${where})`, i, found.intro, p, { includes: true });
  assert.equal(found.contacts.length, PAYLOADS.length, `${where}: one contact per payload`);
  for (const [i, p] of PAYLOADS.entries()) {
    checked.check(`contact name (${where})`, i, found.contacts[i].name, p);
    checked.check(`contact hours (${where})`, i, found.contacts[i].lines[0], p);
    checked.check(`contact note (${where})`, i, found.contacts[i].lines[1], p);
  }
}

/** The review's or the summary's groups: each section title with its rows. */
function summaryGroups(page, selector) {
  return page.evaluate((selector) => {
    const screen = __ew.$(selector);
    return [...screen.querySelectorAll(".ew-subheading")]
      .filter((h3) => h3.nextElementSibling?.matches("dl.ew-summary-list"))
      .map((h3) => ({
        title: h3.textContent,
        rows: [...h3.nextElementSibling.querySelectorAll(".ew-summary-row")].map((row) => ({
          key: row.querySelector("dt").textContent,
          value: row.querySelector("dd.ew-summary-value").textContent,
          items: [...row.querySelectorAll("dd.ew-summary-value li")].map((li) => li.textContent),
        })),
      }));
  }, selector);
}

/** Checks the review's or summary's rows of the payload sections. */
function checkGroups(checked, where, groups) {
  for (const [i, p] of PAYLOADS.entries()) {
    const group = groups[i];
    checked.check(`section title (${where})`, i, group?.title, p);
    const keys = group.rows.map((row) => row.key);
    // Information is not answered, so it is in neither list.
    assert.deepEqual(
      keys,
      [p, p, p, p, p],
      `${where}: the five answered questions of section ${i}`,
    );
    for (const [row, kind] of [
      "single choice",
      "multiple choice",
      "scale",
      "short text",
      "long text",
    ].entries()) {
      checked.check(`${kind}: question (${where})`, i, keys[row], p);
    }
    const [choice, many, , short, long] = group.rows;
    checked.check(`single choice: answer (${where})`, i, choice.value, p);
    checked.check(`multiple choice: option answer (${where})`, i, many.items[0], p);
    checked.check(`multiple choice: other answer (${where})`, i, many.items[1], p, {
      includes: true,
    });
    checked.check(`short text: answer (${where})`, i, short.value, p);
    checked.check(`long text: answer (${where})`, i, long.value, p);
  }
}

/** Clicks a download button and returns the file's text. */
async function download(page, action) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    // "Just for me": everything the client wrote.
    click(page, `.ew-screen button[data-ew-action="${action}"][data-ew-output="mine"]`),
  ]);
  const path = join(downloads, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return readFileSync(path, "utf8");
}

/** The text of every element of the downloaded web page, by tag, and its traces. */
function downloadedPage(tags) {
  const found = [];
  if (window.__pwned !== undefined) found.push(`window.__pwned is ${window.__pwned}`);
  for (const element of document.querySelectorAll("*")) {
    if (!tags.includes(element.localName)) found.push(`a <${element.localName}> element`);
    for (const { name } of element.attributes) {
      if (
        /^on/i.test(name) ||
        ["style", "src", "href", "srcdoc", "action", "data"].includes(name)
      ) {
        found.push(`<${element.localName} ${name}>`);
      }
    }
  }
  const texts = (selector) =>
    [...document.querySelectorAll(selector)].map((element) => element.textContent);
  return {
    found,
    title: document.title,
    styles: document.querySelectorAll("style").length,
    h1: texts("h1"),
    h2: texts("h2"),
    h3: texts("h3"),
    dt: texts("dt"),
    dd: texts("dd"),
    li: texts("li"),
    p: texts("p"),
  };
}

describe("Injection", () => {
  it(
    "shows every payload as text, in every place, from the first screen to the downloads, and runs none",
    { timeout: TEST_TIMEOUT, ...needs("downloads") },
    async (t) => {
      const started = Date.now();
      const checked = new Checked();
      const config = { ...corpusSettings(), questionnaire: corpusQuestionnaire() };
      const { page, context, errors, dialogs, watch } = await openHtml(
        t,
        "/injection.html",
        widgetPage(config),
      );
      const prefix = await widgetPrefix(page);
      await assertNothingRan(page, dialogs, "the introduction");

      // The introduction: the title, a paragraph per payload, the clinic's "Start".
      const intro = await page.evaluate(() => ({
        title: __ew.$(".ew-screen h2.ew-heading").textContent,
        paragraphs: __ew.$$(".ew-screen .ew-intro > p.ew-body").map((p) => p.textContent),
        start: __ew.$(".ew-screen [data-ew-action=start]").textContent,
        support: __ew.$("[data-ew-action=support]").textContent,
      }));
      for (const [i, p] of PAYLOADS.entries()) {
        if (i < IN_ONE_TEXT.length)
          checked.check("questionnaire title", i, intro.title, p, { includes: true });
        checked.check("questionnaire introduction", i, intro.paragraphs[i], p);
      }
      assert.equal(intro.title, JOINED);
      checked.check("interface: start", 0, intro.start, INTERFACE.start);
      checked.check("interface: need support", 2, intro.support, INTERFACE.need_support);

      await act(page, "start");
      for (const [i, p] of PAYLOADS.entries()) {
        const texts = await sectionTexts(page, prefix, i);
        for (const [place, text] of Object.entries(texts)) checked.check(place, i, text, p);
        await answerSection(page, prefix, i);
        if (i === 0) {
          // The inline support, shown once the first question is answered, and the dialog.
          await poll(
            page,
            () => __ew.$(".ew-support-inline:not([hidden])"),
            null,
            "the inline support",
          );
          checkContacts(checked, "inline", await contactsIn(page, ".ew-support-inline"));
          await click(page, "[data-ew-action=support]");
          await poll(page, () => __ew.$("dialog[open]"), null, "the support dialog");
          const dialogHeading = await page.evaluate(() => __ew.$("dialog[open] h2").textContent);
          checked.check("interface: support heading", 7, dialogHeading, INTERFACE.support_heading);
          checkContacts(checked, "dialog", await contactsIn(page, "dialog[open]"));
          await assertNothingRan(page, dialogs, "the support dialog");
          await click(page, "dialog[open] [data-ew-action=cancel]");
          await poll(page, () => !__ew.$("dialog[open]"), null, "the dialog to close");
        }
        await assertNothingRan(page, dialogs, `section ${i}`);
        await act(page, "next");
      }

      // The notes: the therapist's is drafted from the answers; the future self's is typed.
      assert.equal(await heading(page), "Notes");
      const draft = await page.inputValue(`#${prefix}-q-note-therapist-input`);
      for (const [i, p] of PAYLOADS.entries())
        checked.check("note drafted from the answers", i, draft, p, { includes: true });
      const future = PAYLOADS.join("\n");
      await type(page, `#${prefix}-q-note-future-input`, future);
      await assertNothingRan(page, dialogs, "the notes");
      await act(page, "next");

      // The review, then "Change" for each section: the answers come back into the fields as typed.
      assert.equal(await heading(page), "Check your answers");
      checkGroups(checked, "review", await summaryGroups(page, ".ew-review"));
      await assertNothingRan(page, dialogs, "the review");
      for (const [i, p] of PAYLOADS.entries()) {
        await click(
          page,
          `.ew-review [data-ew-action=change][data-ew-question="${questionIndex(i, "short")}"]`,
        );
        await poll(
          page,
          (id) => __ew.$(`#${id}`),
          `${prefix}-q-s${i}-short-input`,
          `section ${i} again`,
        );
        const fields = await page.evaluate(
          (q) => ({
            short: __ew.$(`${q}-short-input`).value,
            long: __ew.$(`${q}-long-input`).value,
            other: __ew.$(`${q}-many-other-text`).value,
            choice: __ew.$(`${q}-choice-option-payload`).checked,
          }),
          `#${prefix}-q-s${i}`,
        );
        checked.check("short text: answer shown again in its box", i, fields.short, p);
        checked.check("long text: answer shown again in its box", i, fields.long, p);
        checked.check("multiple choice: other answer shown again in its box", i, fields.other, p);
        assert.ok(fields.choice, `section ${i}: the chosen option is still chosen`);
        await assertNothingRan(page, dialogs, `section ${i}, changing an answer`);
        await act(page, "next");
      }

      await act(page, "summary");
      assert.equal(await heading(page), "Your summary");
      checkGroups(checked, "summary", await summaryGroups(page, ".ew-output--mine"));
      const summary = await page.evaluate(() => ({
        intro: __ew.$(".ew-summary > p.ew-body").textContent,
        planHeading: __ew.$(".ew-plan .ew-subheading").textContent,
        plan: __ew.$$(".ew-plan ul").map((ul) => [...ul.children].map((li) => li.textContent)),
        notes: __ew.$$(".ew-output--mine .ew-letter-text").map((p) => p.textContent),
      }));
      checked.check("interface: summary introduction", 8, summary.intro, INTERFACE.summary_intro);
      checked.check("interface: plan heading", 9, summary.planHeading, INTERFACE.plan_heading);
      for (const [i, p] of PAYLOADS.entries()) {
        checked.check("plan: early signs (summary)", i, summary.plan[0][i], p);
        checked.check("plan: what helps (summary)", i, summary.plan[1][i], p);
        checked.check("note to the therapist (summary)", i, summary.notes[0], p, {
          includes: true,
        });
        checked.check("note to the future self (summary)", i, summary.notes[1], p, {
          includes: true,
        });
      }
      assert.equal(summary.notes[1], future, "the typed note, exactly");
      await assertNothingRan(page, dialogs, "the summary");

      // The text file holds every payload as typed.
      const text = await download(page, "download-text");
      for (const [i, p] of PAYLOADS.entries())
        checked.check("text download", i, text, p, { includes: true });

      // The web page: escaped in its source, and text when a browser opens it. It carries its own
      // policy, which would block scripts anyway; it is opened without it too, so that the escaping
      // alone is what is tested.
      const html = await download(page, "download-html");
      const policy = /<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/g;
      assert.equal(html.match(policy)?.length, 1, "the web page carries its own policy");
      for (const [i, p] of PAYLOADS.entries()) {
        if (p.includes("<"))
          assert.ok(!html.includes(p), `payload ${i} is not in the web page's source unescaped`);
      }
      for (const [variant, body] of [
        ["with its policy", html],
        ["without its policy", html.replace(policy, "")],
      ]) {
        const viewer = await context.newPage();
        watch(viewer);
        await viewer.route(`${harness.origin}/downloaded-summary.html`, (route) =>
          route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }),
        );
        await viewer.goto(`${harness.origin}/downloaded-summary.html`);
        await viewer.waitForLoadState("load");
        // An image that failed to load would have fired its error handler by now.
        await viewer.waitForTimeout(200);
        const opened = await viewer.evaluate(downloadedPage, [...DOWNLOAD_TAGS]);
        assert.deepEqual(
          opened.found,
          [],
          `the downloaded web page ${variant}: nothing ran or became markup`,
        );
        assert.deepEqual(dialogs, [], `the downloaded web page ${variant}: no dialog`);
        assert.equal(opened.styles, 1, "only the page's own style element");
        const where = `web page download, ${variant}`;
        for (const [i, p] of PAYLOADS.entries()) {
          if (i < IN_ONE_TEXT.length) {
            checked.check(`${where}: title`, i, opened.title, p, { includes: true });
            checked.check(`${where}: heading`, i, opened.h1[0], p, { includes: true });
          }
          checked.check(`${where}: section title`, i, opened.h2[i], p);
          // Five questions, three answers as they are (the option, the short and the long text),
          // the ticked option and the plan's entries in lists, both notes.
          const count = (list) => list.filter((text) => text === p).length;
          for (const [place, list, least] of [
            ["questions", opened.dt, 5],
            ["answers", opened.dd, 3],
            ["lists", opened.li, 3],
          ]) {
            assert.ok(
              count(list) >= least,
              `${where}: ${place} of payload ${i}: ${count(list)} of ${least} shown exactly`,
            );
            checked.count(`${where}: ${place}`, i);
          }
          checked.check(`${where}: notes`, i, opened.p.join("\n"), p, { includes: true });
        }
        checked.check(
          `${where}: export note (interface)`,
          16,
          opened.p.at(-1),
          INTERFACE.export_note,
        );
        assert.ok(opened.h2.includes(INTERFACE.plan_heading), `${where}: the plan's heading`);
        checked.count(`${where}: plan heading (interface)`, 9);
        if (variant === "without its policy") {
          // The control: without its policy, this page does run markup put into it as markup.
          await viewer.evaluate(() =>
            document.body.insertAdjacentHTML("beforeend", "<img src=x onerror=window.__control=1>"),
          );
          await poll(viewer, () => window.__control === 1, null, "the control payload to run");
        }
        await viewer.close();
      }

      // A moment for any late handler (a failed image, a focus, a toggle), then the last look.
      await page.waitForTimeout(200);
      await assertNothingRan(page, dialogs, "the end");
      assert.deepEqual(await page.evaluate(() => window.__violations), [], "no policy violation");
      assert.deepEqual(errors, [], "no console or page error");
      // The control: a payload put into the widget as markup does run on this page, and these
      // checks see it; so they would have failed had the widget ever done that.
      await page.evaluate((payload) => {
        __ew.$(".ew-screen h2.ew-heading").innerHTML = payload;
      }, PAYLOADS[0]);
      await poll(
        page,
        () => window.__pwned === 1,
        null,
        "the control payload to run in the widget",
      );
      const seen = await page.evaluate(traces, {
        widgetTags: [...WIDGET_TAGS],
        pageTags: [...PAGE_TAGS],
      });
      for (const trace of [
        "window.__pwned is 1",
        "widget: a <img> element",
        'widget: <img onerror="window.__pwned=1">',
      ]) {
        assert.ok(seen.includes(trace), `the control is seen: ${trace} (seen: ${seen.join("; ")})`);
      }

      const places = checked.places.size;
      t.diagnostic(
        `${PAYLOADS.length} payloads in ${places} places: ${checked.total} payload × place combinations ` +
          `checked, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      assert.ok(checked.total >= PAYLOADS.length * 60, `${checked.total} combinations checked`);
    },
  );

  it("a clinic's rewording of a built-in question shows as text", async (t) => {
    const words = JOINED;
    const config = { changes: { reword: { "what-brought-you": { text: words, hint: words } } } };
    const { page, dialogs, errors } = await openHtml(t, "/reword.html", widgetPage(config));
    const prefix = await widgetPrefix(page);
    for (
      let step = 0;
      step < 5 && !(await page.evaluate((id) => __ew.$(`#${id}`), `${prefix}-q-what-brought-you`));
      step++
    ) {
      await act(page, step === 0 ? "start" : "next");
    }
    const shown = await page.evaluate(
      (q) => ({
        text: __ew.$(`${q} label.ew-label`).textContent,
        hint: __ew.$(`${q} .ew-hint`).textContent,
      }),
      `#${prefix}-q-what-brought-you`,
    );
    assert.equal(shown.text, words, "the reworded question, exactly");
    assert.equal(shown.hint, words, "the reworded hint, exactly");
    await page.waitForTimeout(100);
    await assertNothingRan(page, dialogs, "a reworded question");
    assert.deepEqual(errors, []);
  });

  it("makes links only as https:, tel:, sms: and mailto:, each to what the clinic wrote", async (t) => {
    const config = {
      support: {
        resources: [
          { name: "Duty line", phone: "+44 (0)20 7946 0018", text: "07700 900124" },
          { name: "Email us", email: "help+ending@example.org" },
          { name: "Web help", web: "https://example.org/help?lang=en&x=1#top" },
        ],
      },
      quick_exit: { url: "https://example.org/weather" },
    };
    const { page, dialogs, errors } = await openHtml(t, "/links.html", widgetPage(config));
    await widgetPrefix(page);
    await click(page, "[data-ew-action=support]");
    await poll(page, () => __ew.$("dialog[open]"), null, "the support dialog");
    const links = await page.evaluate(() =>
      __ew.$$("dialog[open] a").map((a) => ({
        href: a.getAttribute("href"),
        protocol: a.protocol,
        text: a.textContent,
        target: a.getAttribute("target"),
        rel: a.getAttribute("rel"),
      })),
    );
    assert.deepEqual(
      links.map(({ href, protocol, target, rel }) => ({ href, protocol, target, rel })),
      [
        { href: "tel:+4402079460018", protocol: "tel:", target: null, rel: null },
        { href: "sms:07700900124", protocol: "sms:", target: null, rel: null },
        { href: "mailto:help+ending@example.org", protocol: "mailto:", target: null, rel: null },
        // A web page opens in a new tab, so the client's answers stay.
        {
          href: "https://example.org/help?lang=en&x=1#top",
          protocol: "https:",
          target: "_blank",
          rel: "noopener noreferrer",
        },
      ],
    );
    assert.deepEqual(
      links.map((link) => link.text),
      [
        "+44 (0)20 7946 0018",
        "07700 900124",
        "help+ending@example.org",
        "https://example.org/help?lang=en&x=1#top (opens in a new tab)",
      ],
      "each link shows what the clinic wrote",
    );
    await assertNothingRan(page, dialogs, "the links");
    assert.deepEqual(errors, []);
  });

  it("lists every other scheme as a problem with its path, and makes no link of it", async (t) => {
    /** Values a link must refuse, by field. */
    const refused = [
      ["web", `javascript:${RUN}`],
      ["web", `JavaScript:${RUN}`],
      ["web", `java\tscript:${RUN}`],
      ["web", `\u0001javascript:${RUN}`],
      ["web", `data:text/html,<script>${RUN}</script>`],
      ["web", "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+"],
      ["web", "vbscript:msgbox(1)"],
      ["web", "file:///etc/passwd"],
      ["web", "http://example.org/help"],
      ["web", "ftp://example.org/help"],
      ["web", "blob:https://example.org/6c5d0b0e"],
      ["web", "//evil.example/help"],
      ["web", "https:evil.example"],
      ["web", "https:///evil.example"],
      ["web", `https://example.org/"onmouseover="${RUN}`],
      ["web", `https://example.org/<img src=x onerror=${RUN}>`],
      ["web", "https://exa mple.org"],
      ["web", "mailto:help@example.org"],
      ["web", "tel:+442079460018"],
      ["email", `javascript:${RUN}//@example.org`],
      ["email", `help@example.org?body=<script>${RUN}</script>`],
      ["email", `"><img src=x onerror=${RUN}>@example.org`],
      ["email", "mailto:help@example.org"],
      ["phone", `javascript:${RUN}`],
      ["phone", "tel:+44 20 7946 0018"],
      ["phone", `+44 20 7946 0018<img src=x onerror=${RUN}>`],
      ["text", "sms:07700900123"],
      ["text", "data:text/plain,07700900123"],
    ];
    /** Unknown field names are echoed in the panel: payloads there too. */
    const fieldNames = PAYLOADS.slice(0, 8);
    const config = {
      support: {
        resources: refused.map(([field, value], n) => ({ name: `Contact ${n}`, [field]: value })),
      },
      quick_exit: { url: `javascript:${RUN}` },
      ...Object.fromEntries(fieldNames.map((name) => [name, true])),
    };
    const { page, dialogs, errors } = await openHtml(t, "/refused.html", widgetPage(config));
    await poll(page, () => __ew.$(".ew-error-list"), null, "the problems panel");
    const problems = await page.evaluate(() =>
      __ew.$$(".ew-error-list li").map((li) => ({
        path: li.querySelector("code.ew-path")?.textContent,
        text: li.textContent,
      })),
    );
    const expected = [
      ...refused.map(([field, value], n) => ({
        path: `options.support.resources[${n}].${field}`,
        value,
      })),
      { path: "options.quick_exit.url", value: `javascript:${RUN}` },
    ];
    for (const { path, value } of expected) {
      const problem = problems.find((p) => p.path === path);
      assert.ok(
        problem,
        `a problem at ${path} (problems: ${problems.map((p) => p.path).join(", ")})`,
      );
      assert.ok(
        problem.text.includes(`"${value}"`),
        `${path}: the problem shows ${JSON.stringify(value)} as text: ${problem.text}`,
      );
    }
    for (const name of fieldNames) {
      assert.ok(
        problems.some((p) => p.text.includes(`unknown field "${name}"`)),
        `the unknown field ${JSON.stringify(name)} is named as text`,
      );
    }
    assert.equal(
      problems.length,
      expected.length + fieldNames.length,
      "one problem each, nothing else",
    );
    const inWidget = await page.evaluate(() => ({
      hrefs: __ew
        .$$("[href]")
        .map((e) => e.getAttribute("href"))
        .filter((h) => !h.endsWith("/ending-well.css")),
      controls: __ew.$$("input, textarea, button, a").map((e) => e.dataset.ewAction ?? e.tagName),
    }));
    assert.deepEqual(
      inWidget,
      { hrefs: [], controls: ["exit"] },
      "no link and no control in the panel, but a way out",
    );
    await page.waitForTimeout(100);
    await assertNothingRan(page, dialogs, "the problems panel");
    assert.deepEqual(errors, []);
  });

  it(
    "works on a page that enforces Trusted Types under the strict policy",
    needs("downloads"),
    async (t) => {
      const policy = `${POLICY}; require-trusted-types-for 'script'; trusted-types 'none'`;
      const config = {
        support: {
          resources: [
            { name: "Duty line", phone: "+44 20 7946 0018", web: "https://example.org/help" },
          ],
        },
        questionnaire: {
          id: "trusted-types",
          title: "Trusted Types",
          sections: [
            {
              id: "first",
              title: "First",
              questions: [
                {
                  id: "how",
                  kind: "single_choice",
                  text: "How was it?",
                  options: [
                    { id: "good", label: "Good" },
                    { id: "hard", label: "Hard" },
                  ],
                },
                {
                  id: "why",
                  kind: "long_text",
                  text: "Why?",
                  show_if: { equals: { question: "how", value: "hard" } },
                },
              ],
            },
            {
              id: "second",
              title: "Second",
              questions: [
                { id: "note", kind: "note", text: "A note to your therapist", for: "therapist" },
              ],
            },
          ],
          notes: { helped: ["why"] },
        },
      };
      const { page, dialogs, errors } = await openHtml(
        t,
        "/trusted-types.html",
        widgetPage(config),
        {
          "Content-Security-Policy": policy,
        },
      );
      const prefix = await widgetPrefix(page);
      assert.equal(await heading(page), "Trusted Types", "the widget mounts");
      await act(page, "start");
      await click(page, `#${prefix}-q-how-option-hard`);
      await poll(
        page,
        (id) => !__ew.$(`#${id}`).hidden,
        `${prefix}-q-why`,
        "the follow-up question",
      );
      await type(page, `#${prefix}-q-why-input`, "Words typed under Trusted Types");
      await click(page, "[data-ew-action=support]");
      await poll(page, () => __ew.$("dialog[open] a[href^='tel:']"), null, "the support dialog");
      await click(page, "dialog[open] [data-ew-action=cancel]");
      await act(page, "next");
      assert.equal(await heading(page), "Second");
      assert.ok(
        (await page.inputValue(`#${prefix}-q-note-input`)).includes(
          "Words typed under Trusted Types",
        ),
        "the note's draft",
      );
      await act(page, "back");
      assert.equal(await heading(page), "First", "Back works");
      assert.equal(
        await page.inputValue(`#${prefix}-q-why-input`),
        "Words typed under Trusted Types",
      );
      await act(page, "next");
      await act(page, "next");
      assert.equal(await heading(page), "Check your answers");
      await act(page, "summary");
      assert.equal(await heading(page), "Your summary");
      const summary = await page.evaluate(() => __ew.$(".ew-summary").textContent);
      assert.ok(
        summary.includes("Words typed under Trusted Types") && summary.includes("Hard"),
        "the summary shows the answers",
      );
      assert.match(await download(page, "download-html"), /Words typed under Trusted Types/);

      assert.deepEqual(
        await page.evaluate(() => window.__violations),
        [],
        "no policy or Trusted Types violation",
      );
      assert.deepEqual(errors, [], "no console or page error");
      assert.deepEqual(dialogs, []);
      // The control: the page does enforce Trusted Types, and a violation would have been seen.
      const refused = await page.evaluate(() => {
        try {
          document.createElement("div").innerHTML = "<b>x</b>";
          return "allowed";
        } catch (error) {
          return error.name;
        }
      });
      assert.equal(refused, "TypeError", "innerHTML with a string is refused on this page");
      await poll(
        page,
        () => window.__violations.some((v) => v.startsWith("require-trusted-types-for")),
        null,
        "the violation to be reported",
      );
    },
  );
});
