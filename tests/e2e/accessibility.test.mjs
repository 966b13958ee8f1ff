// Accessibility of every screen and state of Ending Well, checked with axe-core in
// every engine, in the light colour scheme with every rule and in the dark one for what colours
// can break (contrast), GOV.UK-style: the introduction, each
// section, revealed questions, the inline support panel and the response to thoughts of suicide,
// drafted notes, the review, the summary,
// every dialog with and without its error summary, "welcome back" with and without a wrong
// passphrase, a draft that cannot be opened, the problems panel and a clinic's own questionnaire.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/accessibility.test.mjs
// Needs the release build in www/pkg (bash scripts/build.sh), /usr/bin/chromium and axe-core
// (a dev dependency).
//
// axe-core enters open shadow roots by itself. The page's policy is `script-src 'self'`, so axe
// is not added as a <script> element (an inline script would be blocked): its source is
// evaluated through the DevTools protocol, which the page's policy does not apply to.
//
// Nothing is excluded from axe. A violation on the demo page (www/index.html) outside
// <ending-well> is the clinic's chrome, not the widget: it is reported as a page problem and
// does not fail the test. Everything else does.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  builtInQuestionnaire,
  closeDialog,
  CRYPTO_WAIT_MS,
  openPage,
  poll,
  TEST_TIMEOUT,
  useHarness,
  waitForHeading,
  waitForSaved,
  widgetPrefix,
} from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The colour schemes checked, in every engine. */
const SCHEMES = ["light", "dark"];

/**
 * What each scheme is checked for. The dark scheme changes colours and nothing else (the
 * stylesheet's dark rules set only colours and `color-scheme`), so in it axe checks what colours
 * can break; the light scheme gets every rule.
 */
const RULES = {
  light: AXE_TAGS,
  dark: { type: "rule", values: ["color-contrast", "link-in-text-block"] },
};

const STORAGE_KEY = "ending-well:draft:ending-therapy";
const PASSPHRASE = "quiet river in the morning";
const WRONG_PASSPHRASE = "loud river in the evening";
const TOO_SHORT = "short";

const INTRO_TITLE = "Reflecting on the end of your therapy";
const REVIEW_TITLE = "Check your answers";
const SUMMARY_TITLE = "Your summary";
const RESUME_TITLE = "Answers saved on this device";
const UNUSABLE_TITLE = "Your saved answers cannot be opened";
const PROBLEMS_TITLE = "This questionnaire cannot be shown";
const CUSTOM_TITLE = "Looking back before we finish";

const questionnaire = builtInQuestionnaire("en");
const SPANISH = builtInQuestionnaire("es");
const SECTIONS = questionnaire.sections;

/** Answers typed on the way, so that the notes are drafted and the summary has a plan. */
const TEXTS = {
  "proud-of": "Asking for help when I needed it",
  "helped-most": "Being listened to without judgement",
  "never-said": "Thank you for staying with me",
  "warning-signs": "Sleeping badly and skipping meals",
  "setback-plan": "Go back to my morning walks",
  "first-step": "Call a friend",
};
/** Boxes ticked on the way, by question: option ids. */
const TICKS = {
  skills: ["calm-body", "moving"],
  "support-people": ["friends"],
};

const harness = useHarness();

/** Every state checked: { scheme, state, page, violations: [...] }. */
const checked = [];

// ---------------------------------------------------------------------------------------------
// Waiting

/** Clicks a button of the current screen and waits for the screen titled `title`. */
async function clickTo(page, action, title) {
  await page.click(`ending-well .ew-screen button[data-ew-action="${action}"]`);
  await waitForHeading(page, title);
}

/** Waits for the dialog to be open with its heading, and the form `form` when given. */
async function waitForDialog(page, title, form = null) {
  await poll(
    page,
    ({ title, form }) => {
      const dialog = __ew.$("dialog.ew-dialog");
      return (
        dialog?.open &&
        dialog.querySelector("h2.ew-heading")?.textContent === title &&
        (!form || dialog.querySelector(`form[data-ew-form="${form}"]`) !== null)
      );
    },
    { title, form },
    `the dialog "${title}"`,
  );
}

/**
 * Waits until the page looks finished: every stylesheet, the page's and the shadow root's,
 * loaded (the widget's <link> loads after it mounts), fonts ready and animations (the dialog
 * fades in) finished, so that colour contrast is measured on what a person sees.
 */
async function settle(page) {
  await poll(
    page,
    () =>
      [
        ...document.querySelectorAll('link[rel="stylesheet"]'),
        ...__ew.$$('link[rel="stylesheet"]'),
      ].every((link) => link.sheet !== null),
    null,
    "the stylesheets to load",
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    const root = __ew.root();
    const animations = [
      ...document.getAnimations(),
      ...(root !== document && root.getAnimations ? root.getAnimations() : []),
    ];
    await Promise.all(animations.map((animation) => animation.finished.catch(() => {})));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

// ---------------------------------------------------------------------------------------------
// axe

/** Adds axe to the document if it is not there yet (a navigation or reload removes it). */
async function ensureAxe(page) {
  if (await page.evaluate(() => typeof window.axe?.run === "function")) return;
  await page.evaluate(AXE_SOURCE);
  assert.ok(
    await page.evaluate(() => typeof window.axe?.run === "function"),
    "axe-core is in the page",
  );
}

/** Runs axe on the whole document; each node says whether it is inside <ending-well>. */
async function runAxe(page, scheme) {
  await ensureAxe(page);
  return page.evaluate(async (rules) => {
    const results = await window.axe.run(document, {
      runOnly: rules,
      resultTypes: ["violations", "incomplete"],
      elementRef: true,
    });
    const inWidget = (element) => {
      for (let node = element; node;) {
        if (node.nodeType === 1 && node.localName === "ending-well") return true;
        node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
      }
      return false;
    };
    const compact = (result) => ({
      id: result.id,
      impact: result.impact,
      help: result.help,
      helpUrl: result.helpUrl,
      nodes: result.nodes.map((node) => ({
        target: node.target,
        html: node.html,
        failureSummary:
          node.failureSummary ?? [...node.any, ...node.all, ...node.none][0]?.message ?? "",
        inWidget: node.element ? inWidget(node.element) : true,
      })),
    });
    return {
      violations: results.violations.map(compact),
      incomplete: results.incomplete.map(compact),
    };
  }, RULES[scheme]);
}

/** "ending-well >>> .ew-button" for a selector into a shadow root. */
function targetText(target) {
  return target.map((part) => (Array.isArray(part) ? part.join(" >>> ") : part)).join(", ");
}

/** Checks the page as it is now and records the result under `state`. */
async function check(page, scheme, state) {
  await settle(page);
  const { violations, incomplete } = await runAxe(page, scheme);
  const path = new URL(page.url()).pathname;
  const demoPage = path === "/" || path === "/index.html";
  const widget = [];
  const pageProblems = [];
  for (const violation of violations) {
    // Only the demo page's own chrome is set apart; anything else counts.
    const inside = violation.nodes.filter((node) => node.inWidget || !demoPage);
    const outside = violation.nodes.filter((node) => !node.inWidget && demoPage);
    if (inside.length) widget.push({ ...violation, nodes: inside });
    if (outside.length) pageProblems.push({ ...violation, nodes: outside });
  }
  checked.push({ scheme, state, page: path, violations: widget, pageProblems, incomplete });
  const rules = widget.map((v) => `${v.id}×${v.nodes.length}`).join(", ");
  const extra =
    (pageProblems.length
      ? `; page problems outside the widget: ${pageProblems.map((v) => v.id).join(", ")}`
      : "") +
    (incomplete.length
      ? `; needs review: ${incomplete.map((v) => `${v.id}×${v.nodes.length}`).join(", ")}`
      : "");
  console.log(
    `accessibility: [${scheme}] ${state}: ${widget.length} violation${widget.length === 1 ? "" : "s"}` +
      `${rules ? ` (${rules})` : ""}${extra}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The walk through every screen

/** Loads a page of the site and waits for the screen titled `title`. */
async function load(page, path, title) {
  await page.goto(`${harness.origin}${path}`, { waitUntil: "load" });
  await waitForHeading(page, title);
}

/** Types and ticks the answers of TEXTS and TICKS that are on this screen. */
async function answerHere(page, prefix) {
  for (const [question, text] of Object.entries(TEXTS)) {
    const box = page.locator(`#${prefix}-q-${question}-input`);
    if ((await box.count()) > 0) await box.fill(text);
  }
  for (const [question, options] of Object.entries(TICKS)) {
    for (const option of options) {
      const input = page.locator(`#${prefix}-q-${question}-option-${option}`);
      if ((await input.count()) > 0) await input.check();
    }
  }
}

async function waitShown(page, id, what) {
  await poll(
    page,
    (id) => {
      const element = __ew.root().getElementById?.(id) ?? __ew.$(`#${id}`);
      return element !== null && element.checkVisibility();
    },
    id,
    what,
  );
}

/** The demo page from the introduction to the draft that cannot be opened. */
async function walkDemo(page, scheme) {
  const at = (state) => check(page, scheme, state);
  await load(page, "/", INTRO_TITLE);
  const prefix = await widgetPrefix(page);
  await at("introduction");

  await clickTo(page, "start", SECTIONS[0].title);
  for (const [index, section] of SECTIONS.entries()) {
    if (index > 0) await clickTo(page, "next", section.title);
    const name = `section ${index + 1}/${SECTIONS.length} "${section.title}"`;
    if (section.id === "notes") {
      // The answers typed on the way give the notes their drafts on arrival.
      await poll(
        page,
        (id) => (__ew.$(`#${id}`)?.value ?? "") !== "",
        `${prefix}-q-note-therapist-input`,
        "the note to the therapist to be drafted",
      );
      await at(`${name}, notes drafted`);
    } else {
      await at(name);
    }

    if (section.id === "how-it-ended") {
      await page.check(`#${prefix}-q-who-decided-option-therapist-choice`);
      await waitShown(page, `${prefix}-q-not-my-choice`, 'the question "not my choice"');
      await at(`${name}, conditional question revealed`);
    } else if (section.id === "feelings") {
      await page.check(`#${prefix}-q-feelings-option-sadness`);
      await page.check(`#${prefix}-q-feelings-option-other`);
      await waitShown(page, `${prefix}-q-feelings-other-wrap`, 'the "something else" box');
      await page.fill(`#${prefix}-q-feelings-other-text`, "Tired");
      await at(`${name}, "something else" box revealed`);
      await page.check(`#${prefix}-q-harm-thoughts-option-sometimes`);
      await poll(
        page,
        () => __ew.$(".ew-safety")?.checkVisibility() === true,
        null,
        "the response to thoughts of suicide",
      );
      await at(`${name}, the response to thoughts of suicide shown`);
      await page.check(`#${prefix}-q-harm-thoughts-option-no`);
    } else if (section.id === "check-in") {
      await page.check(`#${prefix}-q-how-hard-now-option-9`);
      await poll(
        page,
        () => __ew.$(".ew-support-inline")?.checkVisibility() === true,
        null,
        "the inline support panel",
      );
      await at(`${name}, how hard = 9, inline support shown`);
    }
    await answerHere(page, prefix);
  }

  await clickTo(page, "next", REVIEW_TITLE);
  await at("review");
  await clickTo(page, "summary", SUMMARY_TITLE);
  const summary = await page.evaluate(() => ({
    plan: __ew.$$(".ew-summary .ew-plan li").length,
    notes: __ew.$$(".ew-summary .ew-letter").length,
  }));
  assert.ok(
    summary.plan > 0 && summary.notes > 0,
    `the summary has a plan and notes (${JSON.stringify(summary)})`,
  );
  await at("summary with plan and notes");

  await page.click('ending-well .ew-topbar button[data-ew-action="support"]');
  await waitForDialog(page, "Need support now?");
  await at("support dialog");
  await closeDialog(page);

  await page.click('ending-well .ew-screen button[data-ew-action="shared-device"]');
  await waitForDialog(page, "Using a shared device");
  await at("shared device help");
  await closeDialog(page);

  await page.click('ending-well .ew-screen button[data-ew-action="backup"]');
  await waitForDialog(page, "Download an encrypted backup", "new-passphrase");
  await at("backup dialog");
  await closeDialog(page);

  await page.click('ending-well .ew-savebar button[data-ew-action="delete"]');
  await waitForDialog(page, "Delete your answers from this device?", "delete");
  await at("delete confirmation dialog");
  await closeDialog(page);

  const form = 'ending-well dialog.ew-dialog form[data-ew-form="new-passphrase"]';
  await page.click('ending-well .ew-savebar button[data-ew-action="save"]');
  await waitForDialog(page, "Save your answers on this device", "new-passphrase");
  await at("save dialog");
  await page.fill(`${form} input[name="passphrase"]`, TOO_SHORT);
  await page.fill(`${form} input[name="confirmation"]`, TOO_SHORT);
  await page.click(`${form} button[type="submit"]`);
  await poll(
    page,
    () => __ew.$("dialog.ew-dialog .ew-error-summary") !== null,
    null,
    "the error summary in the save dialog",
  );
  await at("save dialog, passphrase too short (error summary)");
  await page.fill(`${form} input[name="passphrase"]`, PASSPHRASE);
  await page.fill(`${form} input[name="confirmation"]`, PASSPHRASE);
  await page.click(`${form} button[type="submit"]`);
  await waitForSaved(page);

  await page.reload({ waitUntil: "load" });
  await waitForHeading(page, RESUME_TITLE);
  await at("welcome back");
  const unlock = 'ending-well .ew-screen form[data-ew-form="unlock"]';
  await page.fill(`${unlock} input[name="passphrase"]`, WRONG_PASSPHRASE);
  await page.click(`${unlock} button[type="submit"]`);
  await poll(
    page,
    () => __ew.$(".ew-screen .ew-error-summary") !== null,
    null,
    "the error summary after a wrong passphrase",
    CRYPTO_WAIT_MS,
  );
  await at("welcome back, wrong passphrase (error summary)");

  await page.evaluate((key) => localStorage.setItem(key, "{ this is not a draft"), STORAGE_KEY);
  await page.reload({ waitUntil: "load" });
  await waitForHeading(page, UNUSABLE_TITLE);
  await at("a saved draft that cannot be opened");

  // Back onto one of the widget's own entries from another page: the neutral step.
  await page.evaluate((key) => localStorage.removeItem(key), STORAGE_KEY);
  await page.reload({ waitUntil: "load" });
  await clickTo(page, "start", SECTIONS[0].title);
  await page.goto(`${harness.origin}/examples/`);
  await page.goBack({ waitUntil: "load" });
  await waitForHeading(page, "This page is paused");
  await at("paused after Back");
}

/** The examples: the problems panel and a clinic's own questionnaire. */
async function walkExamples(page, scheme) {
  await load(page, "/examples/broken-config.html", PROBLEMS_TITLE);
  await check(page, scheme, "problems panel (examples/broken-config.html)");
  await load(page, "/examples/custom-questionnaire.html", CUSTOM_TITLE);
  await check(
    page,
    scheme,
    "introduction of a clinic's own questionnaire (examples/custom-questionnaire.html)",
  );
  // Spanish, with the language switcher, and right to left with English standing in.
  await load(page, "/examples/spanish.html", SPANISH.title);
  await check(page, scheme, "introduction in Spanish (examples/spanish.html)");
  await clickTo(page, "start", SPANISH.sections[0].title);
  await check(page, scheme, "first section in Spanish (examples/spanish.html)");
  await load(page, "/examples/right-to-left.html", "قبل جلستك الأخيرة");
  await check(page, scheme, "introduction right to left (examples/right-to-left.html)");
  await clickTo(page, "start", "ما تشعر به");
  await check(page, scheme, "a section with a scale, right to left (examples/right-to-left.html)");
}

// ---------------------------------------------------------------------------------------------
// The report

function report() {
  const byRule = new Map();
  const pageByRule = new Map();
  const reviewByRule = new Map();
  const collect = (map, entry, violation) => {
    const rule = map.get(violation.id) ?? {
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      states: new Map(),
      targets: new Set(),
      nodes: 0,
      failureSummary: violation.nodes[0]?.failureSummary ?? "",
      html: violation.nodes[0]?.html ?? "",
    };
    rule.states.set(entry.state, [...(rule.states.get(entry.state) ?? []), entry.scheme]);
    for (const node of violation.nodes) {
      rule.targets.add(
        `${targetText(node.target)}${node.inWidget ? "" : " (outside <ending-well>)"}`,
      );
    }
    rule.nodes += violation.nodes.length;
    map.set(violation.id, rule);
  };
  for (const entry of checked) {
    for (const violation of entry.violations) collect(byRule, entry, violation);
    for (const violation of entry.pageProblems) collect(pageByRule, entry, violation);
    for (const result of entry.incomplete) collect(reviewByRule, entry, result);
  }
  const allStates = new Set(checked.map((entry) => entry.state));
  const statesText = (states) => {
    if (
      states.size === allStates.size &&
      [...states.values()].every((s) => s.length === SCHEMES.length)
    ) {
      return `every state, light and dark`;
    }
    const list = [...states].map(([state, schemes]) => `${state} (${schemes.join(", ")})`);
    return list.slice(0, 10).join("; ") + (list.length > 10 ? `; … ${list.length - 10} more` : "");
  };
  const print = (rule) => {
    const targets = [...rule.targets];
    const shown = targets.slice(0, 6).join(" | ");
    const more = targets.length > 6 ? ` | … ${targets.length - 6} more` : "";
    const summary = rule.failureSummary.replace(/\s*\n\s*/g, " / ");
    console.log(
      `  ${rule.id} (${rule.impact}): ${rule.help}\n` +
        `    ${rule.helpUrl}\n` +
        `    ${rule.nodes} node${rule.nodes === 1 ? "" : "s"} in ${rule.states.size} state${rule.states.size === 1 ? "" : "s"}: ${statesText(rule.states)}\n` +
        `    targets: ${shown}${more}\n` +
        `    first node: ${rule.html.slice(0, 160)}\n` +
        `    ${summary}`,
    );
  };
  if (byRule.size) {
    console.log(
      `accessibility: ${byRule.size} distinct violations (the widget, and the example pages):`,
    );
    for (const rule of byRule.values()) print(rule);
  }
  if (pageByRule.size) {
    console.log(
      `accessibility: page problems, in www/index.html outside <ending-well> (not the widget; ` +
        `not counted):`,
    );
    for (const rule of pageByRule.values()) print(rule);
  }
  if (reviewByRule.size) {
    console.log(
      "accessibility: needs review (axe could not decide, a person should look; not counted):",
    );
    for (const rule of reviewByRule.values()) print(rule);
  }
  return { byRule, pageByRule };
}

describe("Accessibility (axe-core, WCAG 2.2 AA and best practice)", () => {
  for (const scheme of SCHEMES) {
    it(
      `every screen and state of the demo page, ${scheme} colour scheme`,
      { timeout: TEST_TIMEOUT },
      async (t) => {
        const { page } = await openPage(t, harness.browser, { colorScheme: scheme });
        await walkDemo(page, scheme);
        assert.equal(
          await page.evaluate(() => matchMedia(`(prefers-color-scheme: dark)`).matches),
          scheme === "dark",
          `the page is in the ${scheme} colour scheme`,
        );
      },
    );

    it(
      `the examples' problems panel and own questionnaire, ${scheme} colour scheme`,
      { timeout: TEST_TIMEOUT },
      async (t) => {
        const { page } = await openPage(t, harness.browser, { colorScheme: scheme });
        await walkExamples(page, scheme);
      },
    );
  }

  it("no violations in any of them", () => {
    const states = new Set(checked.map((entry) => entry.state));
    const total = checked.reduce((sum, entry) => sum + entry.violations.length, 0);
    const { byRule, pageByRule } = report();
    console.log(
      `accessibility: ${states.size} screens and states checked in light and dark ` +
        `(${checked.length} checks), ${total} violations` +
        (byRule.size ? ` (${byRule.size} distinct rules)` : "") +
        (pageByRule.size
          ? `; page problems outside the widget: ${[...pageByRule.keys()].join(", ")}`
          : ""),
    );
    assert.equal(
      checked.length,
      states.size * SCHEMES.length,
      `every state was checked in ${SCHEMES.join(" and ")}`,
    );
    assert.equal(
      total,
      0,
      `axe found ${total} violations (${[...byRule.keys()].join(", ")}): see the list above`,
    );
  });
});
