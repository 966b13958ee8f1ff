// Layout accessibility of Ending Well in Debian's Chromium: the WCAG 2.2 AA things a person
// notices on the screen, measured on the main screens of the demo page (the introduction, a
// section with radios and a revealed question, a section with checkboxes, a revealed "something
// else" box, a revealed text area and the 0 to 10 scale, the check-in with the inline support
// panel, the review, the summary, the support dialog and the save dialog):
//
//   - reflow (1.4.10): nothing scrolls sideways at 320 CSS px, nor at 400% zoom;
//   - text spacing (1.4.12): with more space between lines, paragraphs, letters and words,
//     nothing overflows and no text is cut off;
//   - target size (2.5.8): every control is at least 24 × 24 CSS px, and 44 px tall for a
//     finger (pointer: coarse);
//   - focus visible (2.4.7, 1.4.11): every focused control shows an indicator of 3:1 or more
//     against what is next to it;
//   - reduced motion: nothing animates or transitions under prefers-reduced-motion: reduce;
//   - forced colours: controls keep their edges, and focus still shows.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/layout.test.mjs
// Needs the release build in www/pkg (bash scripts/build.sh) and /usr/bin/chromium.
//
// The screens are reached by clicking the widget's own buttons from script (element.click(),
// which fires the same events as a click): this test measures layout, keyboard.test.mjs covers
// getting there. Measurements are made in the page and judged here; each failure names the
// screen, the element, the measured value and the required one.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  act,
  builtInQuestionnaire,
  click,
  closeDialog,
  heading,
  loadDemo,
  needs,
  openDialog,
  openPage,
  revealFeelings,
  shows,
  TEST_TIMEOUT,
  useHarness,
  waitForHeading,
} from "./harness.mjs";
import { layoutHelpers } from "./layout-helpers.mjs";

/** How far past an edge a box may reach before it counts: sub-pixel rounding. */
const TOLERANCE = 0.5;
/** Failures listed per check before "and N more". */
const MAX_LISTED = 40;

const questionnaire = builtInQuestionnaire("en");
/** The title of the section that holds `questionId`. */
function sectionTitle(questionId) {
  const section = questionnaire.sections.find((s) => s.questions.some((q) => q.id === questionId));
  assert.ok(section, `the questionnaire has no question "${questionId}"`);
  return section.title;
}
const RADIOS_TITLE = sectionTitle("who-decided");
const FEELINGS_TITLE = sectionTitle("feelings-strength");
const CHECK_IN_TITLE = sectionTitle("how-hard-now");
const REVIEW_TITLE = "Check your answers";
const SUMMARY_TITLE = "Your summary";

/** The screens every check visits, in order (see walkScreens). */
const SCREENS = [
  "intro",
  "section with radios and a revealed question",
  "section with checkboxes, something else, text area and scale",
  "check-in with inline support",
  "review",
  "summary",
  "support dialog",
  "save dialog",
];

/**
 * Answers typed on the way through the sections, so that the review and the summary have text,
 * a plan and drafted notes; one is a long address pasted without spaces, as people do.
 */
const TEXTS = {
  "what-brought-you": "I was not sleeping and I could not stop worrying about work.",
  "proud-of": "https://www.example.org/my-own-notes/keeping-what-i-gained-after-therapy-ends",
  "helped-most": "Being listened to without judgement, and writing things down.",
  "never-said": "Thank you for staying with me when I wanted to give up.",
  "warning-signs": "Sleeping badly, skipping meals and not answering messages.",
  "setback-plan": "Call my sister, go for a walk and look at this plan again.",
  "first-step": "Book a walk with a friend for Saturday morning.",
};

/** WCAG 1.4.12's minimums, as a constructed stylesheet for the shadow root. */
const TEXT_SPACING_CSS = `
  *, *::before, *::after {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p { margin-bottom: 2em !important; }
`;

const harness = useHarness();

// ---------------------------------------------------------------------------------------------
// In the page

// ---------------------------------------------------------------------------------------------
// Colours and contrast (WCAG 2 relative luminance)

/** Parses a computed colour: rgb(), rgba(), color(srgb …), #rgb, #rrggbb, transparent. */
function parseColor(text) {
  const value = (text ?? "").trim().toLowerCase();
  if (value === "transparent") return { r: 0, g: 0, b: 0, a: 0 };
  let match = value.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/);
  if (match) {
    const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
    return {
      r: parseInt(hex.slice(0, 2), 16),
      g: parseInt(hex.slice(2, 4), 16),
      b: parseInt(hex.slice(4, 6), 16),
      a: 1,
    };
  }
  match = value.match(/^rgba?\(([^)]*)\)$/);
  if (match) {
    const parts = match[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts[3] ?? 1 };
  }
  match = value.match(/^color\(srgb\s+([^)]*)\)$/);
  if (match) {
    const parts = match[1]
      .split(/[\s/]+/)
      .filter(Boolean)
      .map(Number);
    return { r: parts[0] * 255, g: parts[1] * 255, b: parts[2] * 255, a: parts[3] ?? 1 };
  }
  return null;
}

/** `top` painted over the opaque `bottom`. */
function over(top, bottom) {
  if (!top) return bottom;
  const a = top.a;
  return {
    r: top.r * a + bottom.r * (1 - a),
    g: top.g * a + bottom.g * (1 - a),
    b: top.b * a + bottom.b * (1 - a),
    a: 1,
  };
}

/** The opaque colour behind an element, from its ancestors' backgrounds (innermost first). */
function behind(layers, canvasDark) {
  let colour = canvasDark ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
  for (const layer of [...layers].reverse()) colour = over(parseColor(layer), colour);
  return colour;
}

function luminance({ r, g, b }) {
  const channel = (value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const hex = ({ r, g, b }) =>
  `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
const sameColour = (a, b) =>
  Boolean(a && b) && Math.abs(a.r - b.r) < 2 && Math.abs(a.g - b.g) < 2 && Math.abs(a.b - b.b) < 2;

/** Splits a computed box-shadow into layers: colour, offsets, blur, spread, inset. */
function parseShadows(text) {
  if (!text || text === "none") return [];
  const layers = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (char === "," && depth === 0) {
      layers.push(current);
      current = "";
    } else current += char;
  }
  layers.push(current);
  return layers.map((layer) => {
    const colourText = layer.match(/(rgba?\([^)]*\)|color\([^)]*\)|#[0-9a-f]+|transparent)/i)?.[0];
    const rest = layer.replace(colourText ?? "", " ");
    const lengths = [...rest.matchAll(/(-?[\d.]+)px/g)].map((m) => Number(m[1]));
    const [x = 0, y = 0, blur = 0, spread = 0] = lengths;
    return {
      colour: parseColor(colourText),
      colourText,
      inset: /\binset\b/.test(rest),
      thickness: Math.max(Math.abs(x), Math.abs(y)) + spread + blur / 2,
    };
  });
}

/** Whether a computed style draws a focus indicator (an outline or a box shadow). */
function drawsIndicator(style) {
  if (!style) return false;
  const outline =
    !["none", "hidden"].includes(style.outlineStyle) &&
    style.outlineWidth > 0 &&
    (parseColor(style.outlineColor)?.a ?? 1) > 0;
  const shadow = parseShadows(style.boxShadow).some(
    (s) => (s.colour?.a ?? 1) > 0 && s.thickness > 0,
  );
  return outline || shadow;
}

/**
 * Judges one focused element: is there an outline of 2px or more, or a box shadow, and does some
 * part of the indicator reach 3:1 against what is next to it? Returns failure lines.
 */
function judgeFocus(report, screen, { forced = false } = {}) {
  if (report.pseudo && !report.pseudoReported && !drawsIndicator(report.own)) {
    console.log(
      `layout: ${screen}: ${report.what}: this engine does not report the styles of ` +
        "::file-selector-button, where the ring is drawn, so it is not measured here",
    );
    return { lines: [], best: null };
  }
  const usePseudo = report.pseudo && !drawsIndicator(report.own) && drawsIndicator(report.pseudo);
  const style = usePseudo ? report.pseudo : report.own;
  const what = `${screen}: ${report.what}${usePseudo ? " (ring on ::file-selector-button)" : ""}`;
  const outlineColour = parseColor(style.outlineColor);
  const outlineDrawn =
    !["none", "hidden"].includes(style.outlineStyle) && (outlineColour?.a ?? 1) > 0;
  const shadows = parseShadows(style.boxShadow).filter(
    (s) => (s.colour?.a ?? 1) > 0 && s.thickness > 0,
  );
  const described =
    `outline ${style.outlineStyle} ${style.outlineWidth}px ${style.outlineColor}, ` +
    `box-shadow ${style.boxShadow}, background ${style.backgroundColor}`;
  if (forced) {
    // Box shadows are not drawn in forced colours mode: only an outline shows.
    if (outlineDrawn && style.outlineWidth >= 2) return { lines: [], best: null };
    return {
      lines: [
        `${what}: no visible focus outline in forced colours (${described}); needs an outline of 2px or more`,
      ],
      best: null,
    };
  }
  if (!((outlineDrawn && style.outlineWidth >= 2) || shadows.length > 0)) {
    return {
      lines: [
        `${what}: no focus indicator (${described}); needs an outline of 2px or more or a box-shadow`,
      ],
      best: null,
    };
  }
  const adjacent = behind(
    usePseudo ? [report.own.backgroundColor, ...report.parentLayers] : report.parentLayers,
    report.canvasDark,
  );
  const ownBackground = over(parseColor(style.backgroundColor), adjacent);
  const parts = [];
  if (outlineDrawn && style.outlineWidth > 0 && outlineColour) {
    const colour = over(outlineColour, adjacent);
    parts.push({
      part: `outline ${style.outlineWidth}px ${hex(colour)} against ${hex(adjacent)}`,
      ratio: contrast(colour, adjacent),
    });
  }
  for (const shadow of shadows) {
    if (!shadow.colour) continue;
    const against = shadow.inset ? ownBackground : adjacent;
    const colour = over(shadow.colour, against);
    parts.push({
      part: `${shadow.inset ? "inset " : ""}box-shadow ${hex(colour)} against ${hex(against)}`,
      ratio: contrast(colour, against),
    });
  }
  const focusColour = parseColor(report.focusColor);
  if (sameColour(ownBackground, focusColour)) {
    parts.push({
      part: `background ${hex(ownBackground)} against ${hex(adjacent)}`,
      ratio: contrast(ownBackground, adjacent),
    });
  }
  if (parts.length === 0) {
    return {
      lines: [`${what}: focus indicator colours could not be read (${described})`],
      best: null,
    };
  }
  const best = parts.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  if (best.ratio >= 3) return { lines: [], best };
  return {
    lines: [
      `${what}: focus indicator contrast ${best.ratio.toFixed(2)}:1 at best ` +
        `(${parts.map((p) => `${p.part} ${p.ratio.toFixed(2)}:1`).join("; ")}); needs 3:1`,
    ],
    best,
  };
}

// ---------------------------------------------------------------------------------------------
// Getting around

/** A fresh context with the helpers, and the demo page loaded. */
async function openDemo(t, contextOptions = {}) {
  const opened = await openPage(t, harness.browser, contextOptions);
  await opened.context.addInitScript(layoutHelpers);
  await loadDemo(opened.page, harness.origin);
  return opened;
}

/** Types TEXTS into those of their questions that are on the screen. */
async function typeTexts(page) {
  await page.evaluate((texts) => {
    for (const [id, text] of Object.entries(texts)) {
      const el = __ew.$(`[id$="-q-${id}-input"]`);
      if (!el || el.closest("[hidden]") || el.value === text) continue;
      el.value = text;
      el.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    }
  }, TEXTS);
}

/** Presses the screen's "next" button, typing TEXTS on the way, until the heading is `title`. */
async function nextUntil(page, title) {
  for (let steps = 0; steps < 20; steps++) {
    await typeTexts(page);
    if ((await heading(page)) === title) return;
    await act(page, "next");
  }
  assert.fail(`never reached "${title}"`);
}

/** Moves to the first section and answers so that its follow-up question shows. */
async function toRadiosSection(page) {
  await act(page, "start");
  await waitForHeading(page, RADIOS_TITLE);
  await click(page, '[id$="-q-who-decided-option-therapist-choice"]');
  await shows(page, '[id$="-q-not-my-choice"]');
}

/** Moves to the feelings section and reveals everything it can show. */
async function toFeelingsSection(page) {
  await nextUntil(page, FEELINGS_TITLE);
  await revealFeelings(
    page,
    "That it was decided for me, and that I only heard about it last month.",
  );
}

/**
 * Visits SCREENS in order from a freshly loaded demo page; `visit(screen)` measures each.
 */
async function walkScreens(page, visit) {
  await visit(SCREENS[0]);
  await toRadiosSection(page);
  await visit(SCREENS[1]);
  await toFeelingsSection(page);
  await visit(SCREENS[2]);
  await nextUntil(page, CHECK_IN_TITLE);
  await click(page, '[id$="-q-how-hard-now-option-9"]');
  await shows(page, ".ew-support-inline");
  await visit(SCREENS[3]);
  await nextUntil(page, REVIEW_TITLE);
  await visit(SCREENS[4]);
  await act(page, "summary");
  await waitForHeading(page, SUMMARY_TITLE);
  await visit(SCREENS[5]);
  await openDialog(page, '.ew-topbar [data-ew-action="support"]', null);
  await visit(SCREENS[6]);
  await closeDialog(page);
  await openDialog(page, '.ew-savebar [data-ew-action="save"]', "new-passphrase");
  await visit(SCREENS[7]);
  await closeDialog(page);
}

/** Fails with every line, or passes when there are none. */
function expectNone(lines, what) {
  if (lines.length === 0) return;
  const listed = lines.slice(0, MAX_LISTED);
  const more = lines.length > MAX_LISTED ? `\n  … and ${lines.length - MAX_LISTED} more` : "";
  assert.fail(`${what}: ${lines.length} problem(s)\n  ${listed.join("\n  ")}${more}`);
}

/** Walks the screens at a size and checks that nothing sticks out to the right. */
async function checkReflow(t, contextOptions, label, { textSpacing = false } = {}) {
  const { page, errors } = await openDemo(t, contextOptions);
  const width = contextOptions.viewport.width;
  const failures = [];
  const totals = { screens: 0, elements: 0, texts: 0, clipping: 0 };
  let spacing = null;
  if (textSpacing) {
    spacing = await page.evaluate((css) => __layout.addTextSpacing(css), TEXT_SPACING_CSS);
  }
  await walkScreens(page, async (screen) => {
    // Let the dialog's opening animation (if any) and layout settle.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const result = await page.evaluate(
      ([width, tolerance]) => __layout.overflow(width, tolerance),
      [width, TOLERANCE],
    );
    totals.screens += 1;
    totals.elements += result.elements;
    totals.texts += result.texts;
    if (result.pageWidth > width) {
      failures.push(
        `${screen}: the page is ${result.pageWidth} px wide (document.documentElement.scrollWidth); ` +
          `must be <= ${width} px`,
      );
    }
    for (const line of result.offenders) failures.push(`${screen}: ${line}`);
    if (textSpacing) {
      const clip = await page.evaluate(() => __layout.clipped());
      totals.clipping += clip.clipping;
      for (const line of clip.offenders) failures.push(`${screen}: ${line}`);
    }
  });
  console.log(
    `layout: ${label}: ${totals.screens} screens, ${totals.elements} elements and ` +
      `${totals.texts} text runs measured` +
      (textSpacing ? `, ${totals.clipping} clipping boxes checked` : "") +
      `; ${failures.length} problem(s)`,
  );
  if (spacing) {
    // The sheet applied: a paragraph's spacing is now what WCAG asks for.
    assert.ok(
      Math.abs(spacing.letterSpacing - 0.12) < 0.01 &&
        Math.abs(spacing.wordSpacing - 0.16) < 0.01 &&
        Math.abs(spacing.lineHeight - 1.5) < 0.01 &&
        Math.abs(spacing.marginBottom - 2) < 0.01,
      `the text spacing sheet did not apply: ${JSON.stringify(spacing)}`,
    );
  }
  assert.deepEqual(errors, [], "no console or page errors");
  expectNone(failures, label);
}

// ---------------------------------------------------------------------------------------------

describe("Ending Well, layout", () => {
  it(
    "reflows at 320 CSS px: no sideways scrolling (1.4.10)",
    { timeout: TEST_TIMEOUT, ...needs("narrow window") },
    async (t) => {
      await checkReflow(t, { viewport: { width: 320, height: 640 } }, "reflow at 320×640");
    },
  );

  // 400% zoom of a 1280 px wide window lays the page out at 1280 / 4 = 320 CSS px: the check
  // above is the 400% zoom check. This one draws those 320 CSS px with 4 device pixels each, in
  // a window 256 CSS px tall (1.4.10's height for content that scrolls sideways).
  it(
    "reflows at 400% zoom: 320×256 CSS px, device scale factor 4",
    { timeout: TEST_TIMEOUT, ...needs("zoom") },
    async (t) => {
      await checkReflow(
        t,
        { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
        "400% zoom, 320×256 at device scale factor 4",
      );
    },
  );

  it(
    "keeps all text with more text spacing at 320 CSS px (1.4.12)",
    { timeout: TEST_TIMEOUT, ...needs("narrow window") },
    async (t) => {
      await checkReflow(
        t,
        { viewport: { width: 320, height: 640 } },
        "text spacing (line 1.5, paragraphs 2em, letters 0.12em, words 0.16em) at 320×640",
        { textSpacing: true },
      );
    },
  );

  it(
    "every control is at least 24 × 24 CSS px (2.5.8)",
    { timeout: TEST_TIMEOUT, ...needs("narrow window") },
    async (t) => {
      const failures = [];
      const counts = {};
      let measured = 0;
      for (const width of [1280, 320]) {
        const { page } = await openDemo(t, { viewport: { width, height: 800 } });
        assert.ok(await page.evaluate(() => __layout.media("(pointer: fine)")), "a fine pointer");
        await walkScreens(page, async (screen) => {
          for (const target of await page.evaluate(() => __layout.targets())) {
            measured += 1;
            counts[target.kind] = (counts[target.kind] ?? 0) + 1;
            if (target.width < 24 - 0.01 || target.height < 24 - 0.01) {
              failures.push(
                `${width} px, ${screen}: ${target.what} (${target.kind}` +
                  `${target.labelled ? " with its label" : ""}): ` +
                  `${target.width.toFixed(1)}×${target.height.toFixed(1)} px; needs 24×24`,
              );
            }
          }
        });
      }
      console.log(
        `layout: target size 24×24 at 1280 and 320 px wide: ${measured} targets measured ` +
          `(${Object.entries(counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(", ")}); ${failures.length} too small`,
      );
      expectNone(failures, "targets smaller than 24×24 CSS px");
    },
  );

  it(
    "controls are at least 44 px tall for a finger (pointer: coarse)",
    { timeout: TEST_TIMEOUT, ...needs("touch") },
    async (t) => {
      const { page } = await openDemo(t, {
        viewport: { width: 375, height: 740 },
        hasTouch: true,
        isMobile: true,
      });
      assert.ok(
        await page.evaluate(() => __layout.media("(pointer: coarse)")),
        "pointer: coarse matches",
      );
      const failures = [];
      const counts = {};
      let measured = 0;
      await walkScreens(page, async (screen) => {
        for (const target of await page.evaluate(() => __layout.targets())) {
          measured += 1;
          counts[target.kind] = (counts[target.kind] ?? 0) + 1;
          if (target.height < 44 - 0.01 || target.width < 24 - 0.01) {
            failures.push(
              `${screen}: ${target.what} (${target.kind}${target.labelled ? " with its label" : ""}): ` +
                `${target.width.toFixed(1)}×${target.height.toFixed(1)} px; needs 44 px tall ` +
                `(and 24 px wide)`,
            );
          }
        }
      });
      console.log(
        `layout: touch targets 44 px tall at 375 px, pointer: coarse: ${measured} targets measured ` +
          `(${Object.entries(counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(", ")}); ${failures.length} too small`,
      );
      expectNone(failures, "touch targets shorter than 44 px");
    },
  );

  /**
   * Presses Tab until focus has been inside the widget and leaves it again (or comes back to an
   * element already seen); returns the focus report of each stop inside the widget.
   */
  async function tabThrough(
    page,
    {
      includeCurrent = false,
      max = 120,
      key = "Tab",
      measure = "focusStyle",
      painted = false,
    } = {},
  ) {
    const stops = [];
    const seen = new Set();
    let entered = false;
    for (let presses = 0; presses <= max; presses++) {
      if (presses > 0 || !includeCurrent) await page.keyboard.press(key);
      // `painted`: measured in the next frame drawn, as a person sees it. WebKit scrolls a text
      // field that Tab reached into view as it next draws the page (with the caret), not at once;
      // measured at once, under load, the field was still below the screen.
      const report = await page.evaluate(
        ([measure, painted]) =>
          painted
            ? new Promise((done) =>
                requestAnimationFrame(() => requestAnimationFrame(() => done(__layout[measure]()))),
              )
            : __layout[measure](),
        [measure, painted],
      );
      if (!report.inside) {
        if (entered) return stops;
        continue;
      }
      entered = true;
      if (seen.has(report.key)) return stops;
      seen.add(report.key);
      stops.push(report);
    }
    assert.fail(`focus did not leave the widget after ${max} presses of ${key}`);
  }

  /** Tabs through the intro, the feelings section (everything revealed) and the save dialog. */
  async function focusWalk(t, contextOptions, judge) {
    const { page } = await openDemo(t, contextOptions);
    const failures = [];
    const stops = {};
    const record = (screen, reports) => {
      stops[screen] = 0;
      for (const report of reports) {
        if (report.heading) continue; // a programmatic target, not in the tab order
        stops[screen] += 1;
        failures.push(...judge(report, screen));
      }
    };
    await page.evaluate(() => document.activeElement?.blur());
    record(SCREENS[0], await tabThrough(page));
    await toRadiosSection(page);
    await toFeelingsSection(page);
    await page.evaluate(() => __ew.$(".ew-screen h2.ew-heading").focus());
    record(SCREENS[2], await tabThrough(page));
    await openDialog(page, '.ew-savebar [data-ew-action="save"]', "new-passphrase");
    record(SCREENS[7], await tabThrough(page, { includeCurrent: true }));
    return { failures, stops };
  }

  for (const scheme of ["light", "dark"]) {
    it(
      `focus is always visible, 3:1 against its surroundings (2.4.7), ${scheme}`,
      { timeout: TEST_TIMEOUT },
      async (t) => {
        let lowest = null;
        const { failures, stops } = await focusWalk(
          t,
          { viewport: { width: 1280, height: 800 }, colorScheme: scheme },
          (report, screen) => {
            const judged = judgeFocus(report, screen);
            if (judged.best && (!lowest || judged.best.ratio < lowest.ratio)) {
              lowest = { ...judged.best, what: `${screen}: ${report.what}` };
            }
            return judged.lines;
          },
        );
        const total = Object.values(stops).reduce((a, b) => a + b, 0);
        console.log(
          `layout: focus visible, ${scheme}: ${total} focus stops (` +
            `${Object.entries(stops)
              .map(([s, n]) => `${n} on ${s}`)
              .join(", ")}); lowest best ` +
            `contrast ${lowest ? `${lowest.ratio.toFixed(2)}:1 (${lowest.what}: ${lowest.part})` : "n/a"}; ` +
            `${failures.length} problem(s)`,
        );
        assert.ok(total >= 10, `Tab reached only ${total} controls`);
        expectNone(failures, `focus indicators, ${scheme}`);
      },
    );
  }

  it("focus moves in the order things are seen (2.4.3)", { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await openDemo(t, { viewport: { width: 1000, height: 800 } });
    await toRadiosSection(page);
    await toFeelingsSection(page);
    await page.evaluate(() => __ew.$(".ew-screen h2.ew-heading").focus());
    const stops = [];
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const element = __ew.focused();
        if (!element || !element.closest(".ew")) return null;
        const box = element.getBoundingClientRect();
        return {
          what:
            `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}` +
            `${element.dataset.ewAction ? `[${element.dataset.ewAction}]` : ""}`,
          top: box.top + window.scrollY,
          left: box.left + window.scrollX,
          action: element.dataset.ewAction ?? null,
        };
      });
      if (!stop) break;
      stops.push(stop);
      if (stop.action === "delete") break;
    }
    const backwards = [];
    stops.forEach((stop, index) => {
      const before = stops[index - 1];
      if (!before) return;
      const sameLine = Math.abs(stop.top - before.top) < 8;
      const onward = sameLine ? stop.left > before.left : stop.top > before.top;
      if (!onward)
        backwards.push(
          `${before.what} (${before.left}, ${before.top}) then ${stop.what} (${stop.left}, ${stop.top})`,
        );
    });
    console.log(
      `layout: focus order on the feelings section: ${stops.length} stops, ${backwards.length} out of reading order`,
    );
    assert.ok(stops.length > 10, "Tab reaches the controls");
    assert.equal(stops.at(-1).action, "delete", "Tab ends at the save bar below the screen");
    expectNone(backwards, "focus stops out of reading order");
  });

  it(
    "focus is not hidden under the sticky top bar at 320 px (2.4.11)",
    { timeout: TEST_TIMEOUT, ...needs("narrow window") },
    async (t) => {
      const { page } = await openDemo(t, { viewport: { width: 320, height: 640 } });
      const failures = [];
      let stops = 0;
      let partly = 0;
      const check = async (screen) => {
        await page.evaluate(() => __ew.$(".ew-screen h2.ew-heading").focus());
        for (const key of ["Tab", "Shift+Tab"]) {
          for (const report of await tabThrough(page, {
            key,
            measure: "obscured",
            includeCurrent: key !== "Tab",
            painted: true,
          })) {
            if (report.heading) continue;
            stops += 1;
            if (report.showing < report.height - 0.5) partly += 1;
            if (report.showing <= 0) {
              failures.push(
                `${screen}, ${key}: ${report.what}: none of its ${report.height.toFixed(1)} px ` +
                  `shows (top at ${report.top.toFixed(1)} px, the sticky bar ends at ` +
                  `${report.barBottom.toFixed(1)} px); it must not be entirely hidden`,
              );
            }
          }
        }
      };
      await toRadiosSection(page);
      await toFeelingsSection(page);
      await check(SCREENS[2]);
      await nextUntil(page, REVIEW_TITLE);
      await check(SCREENS[4]);
      console.log(
        `layout: focus not obscured at 320×640: ${stops} focus stops, Tab and Shift+Tab, on the ` +
          `feelings section and the review; ${partly} partly under the bar; ${failures.length} entirely hidden`,
      );
      expectNone(failures, "focused controls hidden under the sticky bar");
    },
  );

  it("nothing moves with prefers-reduced-motion: reduce", { timeout: TEST_TIMEOUT }, async (t) => {
    const { page } = await openDemo(t, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: "reduce",
    });
    assert.ok(
      await page.evaluate(() => __layout.media("(prefers-reduced-motion: reduce)")),
      "prefers-reduced-motion: reduce matches",
    );
    const failures = [];
    let measured = 0;
    await walkScreens(page, async (screen) => {
      const result = await page.evaluate(() => __layout.motion());
      measured += result.measured;
      for (const line of result.offenders) failures.push(`${screen}: ${line}`);
    });
    console.log(
      `layout: reduced motion: ${measured} elements and pseudo-elements on ${SCREENS.length} ` +
        `screens (dialogs open) measured; ${failures.length} moving`,
    );
    expectNone(failures, "motion under prefers-reduced-motion: reduce");
  });

  it(
    "controls keep their edges, and focus shows, in forced colours",
    { timeout: TEST_TIMEOUT, ...needs("forced colours") },
    async (t) => {
      const options = { viewport: { width: 1280, height: 800 }, forcedColors: "active" };
      const { page } = await openDemo(t, options);
      assert.ok(
        await page.evaluate(() => __layout.media("(forced-colors: active)")),
        "forced colours",
      );
      const failures = [];
      const counts = { bordered: 0, native: 0, outlined: 0, underlined: 0 };
      const visible = (side) =>
        side.width > 0 &&
        !["none", "hidden"].includes(side.style) &&
        (parseColor(side.color)?.a ?? 1) > 0;
      await walkScreens(page, async (screen) => {
        for (const control of await page.evaluate(() => __layout.edges())) {
          const sides = control.pseudoSides ?? control.sides;
          const outline = control.outline;
          if (sides.every(visible)) counts.bordered += 1;
          else if (control.native && control.appearance !== "none") counts.native += 1;
          else if (
            !["none", "hidden"].includes(outline.outlineStyle) &&
            outline.outlineWidth > 0 &&
            (parseColor(outline.outlineColor)?.a ?? 1) > 0
          ) {
            counts.outlined += 1;
          } else if (control.kind === "link-style button" && control.underline) {
            // Styled as a link: like a link, it is known by its underline, not by a border.
            counts.underlined += 1;
          } else {
            const missing = sides
              .filter((side) => !visible(side))
              .map((side) => `${side.side} ${side.width}px ${side.style} ${side.color}`);
            failures.push(
              `${screen}: ${control.what} (${control.kind}${control.pseudoSides ? ", its button" : ""}): ` +
                `no visible edge (border ${missing.join(", ")}; outline ${outline.outlineStyle} ` +
                `${outline.outlineWidth}px; appearance ${control.appearance}); needs a border or ` +
                `outline wider than 0 in a visible colour`,
            );
          }
        }
      });
      console.log(
        `layout: forced colours, edges: ${Object.values(counts).reduce((a, b) => a + b, 0) + failures.length} ` +
          `controls (${counts.bordered} bordered, ${counts.native} native, ${counts.outlined} outlined, ` +
          `${counts.underlined} link-style with an underline); ${failures.length} without an edge`,
      );
      const focus = await focusWalk(
        t,
        options,
        (report, screen) => judgeFocus(report, screen, { forced: true }).lines,
      );
      const total = Object.values(focus.stops).reduce((a, b) => a + b, 0);
      console.log(
        `layout: forced colours, focus: ${total} focus stops; ${focus.failures.length} without an outline`,
      );
      expectNone([...failures, ...focus.failures], "forced colours");
    },
  );
});
