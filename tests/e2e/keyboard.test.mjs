// End-to-end keyboard test of the Ending Well demo page, in Debian's Chromium.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/
// Needs the release build in www/pkg (bash scripts/build.sh) and /usr/bin/chromium.
//
// The questionnaire test drives the widget with page.keyboard alone: no clicks, no focus(),
// no check(). page.evaluate only reads the DOM (to decide when to stop pressing Tab).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  builtInQuestionnaire,
  CRYPTO_WAIT_MS,
  loadDemo,
  needs,
  openPage,
  poll,
  useHarness,
  widgetPrefix,
} from "./harness.mjs";

const MAX_TABS = 200;

const questionnaire = builtInQuestionnaire("en");
const SECTION_COUNT = questionnaire.sections.length;
/** Every question by id, with its section's position and its position in the questionnaire. */
const QUESTIONS = new Map();
questionnaire.sections.forEach((section, sectionIndex) => {
  for (const question of section.questions) {
    QUESTIONS.set(question.id, { ...question, section: sectionIndex, index: QUESTIONS.size });
  }
});
const question = (id) => {
  const found = QUESTIONS.get(id);
  assert.ok(found, `the questionnaire has no question "${id}"`);
  return found;
};

const harness = useHarness();

/** poll(), saying where focus is on a timeout. */
async function pollFocus(page, fn, arg, what, timeout) {
  try {
    return await poll(page, fn, arg, what, timeout);
  } catch (error) {
    const focus = await describeFocus(page);
    error.message += ` (focus is on ${focus.label})`;
    throw error;
  }
}

/**
 * What has focus, as plain data; `matches` tells whether it matches `selector`. Only reads the
 * DOM.
 */
function describeFocus(page, selector = null) {
  return page.evaluate((selector) => {
    const el = __ew.focused();
    if (!el || el === document.body || el === document.documentElement) {
      return { label: "<body>", matches: false, tag: "body" };
    }
    const data = el.dataset ?? {};
    const bits = [el.tagName.toLowerCase()];
    if (el.id) bits.push(`#${el.id}`);
    if (data.ewAction) bits.push(`[data-ew-action=${data.ewAction}]`);
    if (data.ewRole) bits.push(`[data-ew-role=${data.ewRole}]`);
    if (el.type && el.tagName === "INPUT") bits.push(`[type=${el.type}]`);
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    if (text && el.tagName !== "TEXTAREA") bits.push(`"${text}"`);
    return {
      label: bits.join(""),
      matches: selector ? __ew.matches(el, selector) : false,
      tag: el.tagName.toLowerCase(),
      id: el.id,
      action: data.ewAction ?? null,
      role: data.ewRole ?? null,
      question: data.ewQuestion ?? null,
      type: el.type ?? null,
      value: "value" in el ? el.value : null,
      checked: "checked" in el ? el.checked : null,
      text,
      selectionStart: "selectionStart" in el ? el.selectionStart : null,
    };
  }, selector);
}

/**
 * Whether the first element matching `selector` comes before the focused element, in the same
 * document or shadow root: a person goes back to it with Shift+Tab rather than round the page.
 */
function isBehindFocus(page, selector) {
  return page.evaluate((selector) => {
    const target = __ew.$(selector);
    const focused = __ew.focused();
    if (!target || !focused || target.getRootNode() !== focused.getRootNode()) return false;
    return Boolean(target.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, selector);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `predicate`: a CSS selector, or
 * a function given describeFocus()'s result. Checks the current focus first, so it presses
 * nothing when focus is already there. Fails after `max` presses, listing where focus went.
 * Without `shift`, a selector behind the focus is reached with Shift+Tab, as a person would,
 * rather than by tabbing out of the page and back in (which WebDriver cannot do in Firefox: keys
 * sent after focus has left for the browser's own controls reach a page that is not focused).
 */
async function tabUntil(page, predicate, { shift, max = MAX_TABS, what } = {}) {
  const selector = typeof predicate === "string" ? predicate : null;
  const test = selector ? (focus) => focus.matches : predicate;
  shift ??= selector !== null && (await isBehindFocus(page, selector));
  const trail = [];
  for (let presses = 0; ; presses++) {
    const focus = await describeFocus(page, selector);
    if (test(focus)) return focus;
    trail.push(focus.label);
    if (presses >= max) {
      const recent = trail.slice(-15).join("\n  ");
      assert.fail(
        `pressed ${shift ? "Shift+Tab" : "Tab"} ${max} times without reaching ` +
          `${what ?? selector ?? predicate.toString()}; focus was last on:\n  ${recent}`,
      );
    }
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
  }
}

/** Waits for a new screen: its heading has focus and reads `title`. */
async function expectHeadingFocused(page, title) {
  const heading = await pollFocus(
    page,
    (title) => {
      const el = __ew.focused();
      if (!el || !__ew.matches(el, "ending-well h2.ew-heading")) return null;
      const text = el.textContent.trim();
      return title === null || text === title ? text : null;
    },
    title,
    `focus on the heading "${title}"`,
  );
  return heading;
}

/** Waits for a section screen: focused heading, live region "Section n of N". */
async function expectSection(page, sectionIndex) {
  const section = questionnaire.sections[sectionIndex];
  await expectHeadingFocused(page, section.title);
  const expected = `Section ${sectionIndex + 1} of ${SECTION_COUNT}`;
  const status = await pollFocus(
    page,
    (expected) => {
      const text = __ew.$("ending-well .ew-status[role=status]")?.textContent;
      return text && text.includes(expected) ? text : null;
    },
    expected,
    `the live region to say "${expected}"`,
  );
  assert.ok(status.includes(section.title), `the live region names the section: "${status}"`);
}

async function isHidden(page, selector) {
  return page.evaluate((selector) => {
    const el = __ew.$(selector);
    if (!el) return "missing";
    return el.closest("[hidden]") !== null || el.getClientRects().length === 0;
  }, selector);
}

/** Tabs to the main button of the screen and presses Enter. */
async function pressAction(page, action) {
  await tabUntil(page, `ending-well button[data-ew-action="${action}"]`);
  await page.keyboard.press("Enter");
}

/**
 * Chooses a radio of a single choice question: Tab into the group, then ArrowDown until the
 * option is chosen (Space if focus lands on it unchosen).
 */
async function chooseRadio(page, prefix, questionId, optionId, key = "ArrowDown") {
  const group = `#${prefix}-q-${questionId} input[type=radio]`;
  await tabUntil(page, group);
  for (let presses = 0; presses < 30; presses++) {
    const focus = await describeFocus(page, group);
    assert.ok(focus.matches, `focus left the radios of ${questionId}: ${focus.label}`);
    if (focus.value === optionId && focus.checked) return;
    await page.keyboard.press(focus.value === optionId ? "Space" : key);
  }
  assert.fail(`could not choose "${optionId}" on ${questionId} with ${key}`);
}

/** Ticks a checkbox with Space. */
async function tick(page, selector) {
  const before = await tabUntil(page, selector);
  assert.equal(before.checked, false, `${selector} starts unticked`);
  await page.keyboard.press("Space");
  const after = await describeFocus(page, selector);
  assert.ok(after.matches, `focus stays on ${selector} after Space`);
  assert.equal(after.checked, true, `Space ticks ${selector}`);
}

/** Types into a text box, checking that focus stayed and the whole text arrived. */
async function typeInto(page, selector, text) {
  await tabUntil(page, selector);
  await page.keyboard.type(text);
  const after = await describeFocus(page, selector);
  assert.ok(after.matches, `focus stays in ${selector} while typing (now ${after.label})`);
  assert.equal(after.value, text, `${selector} holds what was typed`);
}

/** Ticks the "something else" box of a question and types into the text box it reveals. */
async function tickOtherAndType(page, prefix, questionId, text) {
  const wrapper = `#${prefix}-q-${questionId}-other-wrap`;
  assert.equal(await isHidden(page, wrapper), true, `${questionId}: the other text starts hidden`);
  await tick(page, `#${prefix}-q-${questionId}-option-other`);
  await pollFocus(
    page,
    (wrapper) => !__ew.$(wrapper)?.closest("[hidden]"),
    wrapper,
    `${questionId}: the other text box to appear`,
  );
  await typeInto(page, `#${prefix}-q-${questionId}-other-text`, text);
}

/** Chooses a scale point with the arrow keys (ArrowRight from the first point). */
async function chooseScalePoint(page, prefix, questionId, value) {
  const group = `#${prefix}-q-${questionId} input[data-ew-role=point]`;
  await tabUntil(page, group);
  for (let presses = 0; presses < 30; presses++) {
    const focus = await describeFocus(page, group);
    assert.ok(focus.matches, `focus left the scale ${questionId}: ${focus.label}`);
    if (focus.value === String(value) && focus.checked) return;
    await page.keyboard.press(focus.value === String(value) ? "Space" : "ArrowRight");
  }
  assert.fail(`could not choose ${value} on the scale ${questionId}`);
}

/** The data-ew-question of a question's block inputs agrees with the questionnaire order. */
async function checkQuestionIndex(page, prefix, questionId) {
  const index = await page.evaluate(
    (selector) => __ew.$(selector)?.getAttribute("data-ew-question"),
    `#${prefix}-q-${questionId} [data-ew-question]`,
  );
  assert.equal(index, String(question(questionId).index), `${questionId} has the expected index`);
}

describe("Ending Well, keyboard only", () => {
  it("completes the whole questionnaire, changes an answer and shows the summary", async (t) => {
    const { page, errors } = await openPage(t, harness.browser);
    await loadDemo(page, harness.origin);
    const prefix = await widgetPrefix(page);
    const q = (id) => `#${prefix}-q-${id}`;

    /** Texts the summary must contain. */
    const typed = [];
    const type = async (id, text, other = false) => {
      if (other) await tickOtherAndType(page, prefix, id, text);
      else await typeInto(page, `${q(id)}-input`, text);
      typed.push(text);
    };
    /** Shown questions deliberately left unanswered. */
    const skipped = [
      "how-long-known",
      "right-time",
      "goals-next",
      "unhelpful",
      "never-said",
      "warning-signs",
      "professional-support",
      "goodbyes-usual",
      "last-topics",
    ];

    // Introduction.
    await pressAction(page, "start");

    // 1. How the ending came about: a radio that reveals a follow-up.
    await expectSection(page, 0);
    await checkQuestionIndex(page, prefix, "who-decided");
    assert.equal(await isHidden(page, q("not-my-choice")), true, "the follow-up starts hidden");
    await chooseRadio(page, prefix, "who-decided", "therapist-choice");
    await pollFocus(
      page,
      (selector) => !__ew.$(selector)?.hasAttribute("hidden"),
      q("not-my-choice"),
      "the follow-up not-my-choice to appear",
    );
    assert.equal(await isHidden(page, q("not-my-choice")), false, "the follow-up is shown");
    const revealed = await page.evaluate(() => __ew.$("ending-well .ew-status").textContent);
    assert.match(revealed, /follow-up question appeared/i, "the reveal is announced");
    const followUp = "E2E-followup-how-it-ended";
    await type("not-my-choice", followUp);
    assert.equal(await isHidden(page, q("right-time-help")), true, "other follow-ups stay hidden");
    await pressAction(page, "next");

    // 2. Feelings: checkboxes, "something else" and a scale.
    await expectSection(page, 1);
    await tick(page, `${q("feelings")}-option-sadness`);
    await type("feelings", "E2E-other-feelings", true);
    await chooseScalePoint(page, prefix, "feelings-strength", 3);
    await pressAction(page, "next");

    // 3. Looking back: long and short text, a radio, another "something else".
    await expectSection(page, 2);
    await type("what-brought-you", "E2E-typed-looking-back");
    await chooseRadio(page, prefix, "goals", "partly");
    const oldProud = "E2E-short-looking-back";
    await typeInto(page, `${q("proud-of")}-input`, oldProud); // Changed from the review below.
    // What helped change is asked once some change was noticed.
    await tick(page, `${q("what-changed")}-option-actions`);
    await type("change-credit", "E2E-other-looking-back", true);
    await pressAction(page, "next");

    // 4. What helped: long text.
    await expectSection(page, 3);
    await type("helped-most", "E2E-typed-helped-hindered");
    await pressAction(page, "next");

    // 5. What remains: long text, a radio and the follow-up it reveals.
    await expectSection(page, 4);
    await type("unfinished", "E2E-typed-what-remains");
    assert.equal(await isHidden(page, q("return-questions")), true);
    await chooseRadio(page, prefix, "ask-return", "maybe");
    await pollFocus(
      page,
      (selector) => !__ew.$(selector)?.hasAttribute("hidden"),
      q("return-questions"),
      "the follow-up return-questions to appear",
    );
    await type("return-questions", "E2E-followup-what-remains");
    await pressAction(page, "next");

    // 6. Keeping gains: a checkbox, short text, a 1 to 5 scale.
    await expectSection(page, 5);
    await tick(page, `${q("skills")}-option-routine`);
    await type("first-step", "E2E-typed-keeping-gains");
    await chooseScalePoint(page, prefix, "confidence", 4);
    await pressAction(page, "next");

    // 7. Support: checkboxes only, so the typing goes into "someone else".
    await expectSection(page, 6);
    await tick(page, `${q("support-people")}-option-friends`);
    await type("support-people", "E2E-other-support", true);
    await pressAction(page, "next");

    // 8. The relationship: long text, checkbox and radio.
    await expectSection(page, 7);
    await type("relationship-meant", "E2E-typed-relationship");
    await tick(page, `${q("toward-therapist")}-option-gratitude`);
    await chooseRadio(page, prefix, "echoes", "no");
    await pressAction(page, "next");

    // 9. The last session: radio and short text.
    await expectSection(page, 8);
    await chooseRadio(page, prefix, "goodbye-style", "take-time");
    await type("ask-or-hear", "E2E-typed-last-session");
    await pressAction(page, "next");

    // 10. Check-in: a scale and a radio.
    await expectSection(page, 9);
    await chooseScalePoint(page, prefix, "how-hard-now", 2);
    await chooseRadio(page, prefix, "feeling-now", "calm");
    await pressAction(page, "next");

    // 11. Notes: each starts from a draft made of the client's own answers, which they can
    // keep or replace; the last section's main button leads to the review.
    await expectSection(page, 10);
    const draft = await tabUntil(page, `${q("note-therapist")}-input`);
    assert.ok(draft.value.startsWith("To my therapist,"), `a draft: ${draft.value}`);
    assert.ok(draft.value.includes("E2E-typed-helped-hindered"), "it quotes what helped");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("E2E-typed-notes");
    assert.equal((await describeFocus(page)).value, "E2E-typed-notes", "the draft was replaced");
    typed.push("E2E-typed-notes");
    const futureDraft = await tabUntil(page, `${q("note-future-self")}-input`);
    assert.ok(futureDraft.value.startsWith("To me, in the months ahead,"), "kept as drafted");
    const lastButton = await tabUntil(page, 'ending-well button[data-ew-action="next"]');
    assert.equal(lastButton.text, "Check your answers");
    await page.keyboard.press("Enter");

    // Review.
    await expectHeadingFocused(page, "Check your answers");
    const reviewRow = (id) =>
      page.evaluate(
        ({ index }) => {
          const button = __ew.$(
            `ending-well button[data-ew-action=change][data-ew-question="${index}"]`,
          );
          return button?.closest(".ew-summary-row")?.querySelector(".ew-summary-value")
            ?.textContent;
        },
        { index: question(id).index },
      );
    assert.equal(await reviewRow("how-long-known"), "Skipped");
    assert.equal(await reviewRow("proud-of"), oldProud);
    assert.equal(await reviewRow("not-my-choice"), followUp);

    // "Change" on "proud-of": focus goes to its text box in section 3.
    const change = await tabUntil(
      page,
      `ending-well button[data-ew-action=change][data-ew-question="${question("proud-of").index}"]`,
    );
    assert.match(change.text, /^Change/);
    await page.keyboard.press("Enter");
    const inInput = await pollFocus(
      page,
      (selector) => (__ew.focused() ? __ew.matches(__ew.focused(), selector) : false),
      `${q("proud-of")}-input`,
      "focus in the proud-of text box",
    );
    assert.ok(inInput);
    const section3 = await page.evaluate(() => __ew.$("ending-well h2.ew-heading")?.textContent);
    assert.equal(section3, questionnaire.sections[2].title);
    await pollFocus(
      page,
      () => __ew.$("ending-well .ew-status")?.textContent.includes("Section 3 of "),
      null,
      'the live region to say "Section 3 of"',
    );
    const inputState = await describeFocus(page);
    assert.equal(inputState.value, oldProud, "the box holds the old answer");
    // Replace the answer: select all, then type over it.
    await page.keyboard.press("ControlOrMeta+A");
    const newProud = "E2E-changed-looking-back";
    await page.keyboard.type(newProud);
    const changed = await describeFocus(page, `${q("proud-of")}-input`);
    assert.ok(changed.matches, "focus stays in the box");
    assert.equal(changed.value, newProud);
    typed.push(newProud);
    const back = await tabUntil(page, 'ending-well button[data-ew-action="next"]');
    assert.equal(back.text, "Save and return to your answers");
    await page.keyboard.press("Enter");
    // Back on the review, focus is on the "Change" button the client used, not at the top.
    await pollFocus(
      page,
      (selector) => (__ew.focused() ? __ew.matches(__ew.focused(), selector) : false),
      `ending-well button[data-ew-action=change][data-ew-question="${question("proud-of").index}"]`,
      "focus back on the proud-of Change button",
    );
    assert.equal(
      await page.evaluate(() => __ew.$("ending-well h2.ew-heading")?.textContent),
      "Check your answers",
    );
    assert.equal(await reviewRow("proud-of"), newProud);

    // Summary.
    await pressAction(page, "summary");
    await expectHeadingFocused(page, "Your summary");
    const summary = await page.evaluate(() => {
      const section = __ew.$("ending-well .ew-summary");
      return {
        text: section.textContent,
        answers: [...section.querySelectorAll(".ew-summary-value")].map((v) => v.textContent),
        keys: [...section.querySelectorAll(".ew-summary-key")].map((key) => key.textContent),
      };
    });
    for (const text of typed) {
      assert.ok(summary.text.includes(text), `the summary contains "${text}"`);
    }
    assert.ok(summary.text.includes(newProud), "the summary has the changed answer");
    // (The note to the future self was drafted before the change, so it may quote the old
    // words; the answers themselves must not.)
    assert.ok(
      !summary.answers.some((answer) => answer.includes(oldProud)),
      "the summary's answers do not have the old answer",
    );
    assert.ok(summary.text.includes(followUp), "the summary has the follow-up's answer");
    // The summary names each question by its short label.
    const label = (id) => question(id).summary ?? question(id).text;
    assert.ok(summary.keys.includes(label("not-my-choice")), "and its question");
    for (const id of skipped) {
      assert.ok(!summary.keys.includes(label(id)), `skipped ${id} is not in the summary`);
    }
    for (const id of ["right-time-help", "anger-about", "echoes-more"]) {
      assert.ok(!summary.keys.includes(label(id)), `hidden ${id} is not in the summary`);
    }
    for (const [label, text] of [
      ["sadness", "Sadness"],
      ["scale", "3, on a scale from 0"],
      [
        "radio",
        question("who-decided").options.find((option) => option.id === "therapist-choice").label,
      ],
    ]) {
      assert.ok(summary.text.includes(text), `the summary shows the ${label} answer "${text}"`);
    }
    assert.deepEqual(errors, [], "no page or console errors");
  });

  it("keeps focus and the caret in a long text box while typing", async (t) => {
    const { page, errors } = await openPage(t, harness.browser);
    await loadDemo(page, harness.origin);
    const prefix = await widgetPrefix(page);
    await pressAction(page, "start");
    await expectSection(page, 0);
    // Skip to "What helped", whose questions are all long text.
    for (const section of [0, 1, 2]) {
      await pressAction(page, "skip");
      await expectSection(page, section + 1);
    }
    const selector = `#${prefix}-q-helped-most-input`;
    const box = await tabUntil(page, selector);
    assert.equal(box.tag, "textarea");
    // Remember the element itself, to tell a re-rendered copy from the original.
    await page.evaluate(() => {
      window.__ewBox = __ew.focused();
    });
    await page.keyboard.type("abc");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("X");
    const state = await page.evaluate(() => {
      const el = __ew.focused();
      return {
        same: el === window.__ewBox,
        connected: window.__ewBox.isConnected,
        value: el.value,
        caret: [el.selectionStart, el.selectionEnd],
      };
    });
    assert.equal(state.value, "aXbc");
    assert.ok(state.same, "the same textarea still has focus");
    assert.ok(state.connected, "the textarea was not replaced");
    assert.deepEqual(state.caret, [2, 2], "the caret is just after the X");
    // The answer reached the widget: the progress counts it.
    const progress = await page.evaluate(
      () => __ew.$("ending-well .ew-progress-text")?.textContent,
    );
    assert.match(progress ?? "", /^1 of \d+ questions answered$/);
    assert.deepEqual(errors, [], "no page or console errors");
  });

  it("opens, uses and leaves the dialogs with the keyboard alone", async (t) => {
    const { page, errors } = await openPage(t, harness.browser);
    await loadDemo(page, harness.origin);
    const focusInDialog = () =>
      page.evaluate(() => Boolean(__ew.focused()?.closest("dialog.ew-dialog[open]")));

    // The support dialog: focus goes in, stays in while tabbing round, and comes back on Escape.
    await pressAction(page, "support");
    await pollFocus(page, () => __ew.$("dialog.ew-dialog")?.open, null, "the support dialog");
    for (let i = 0; i < 6; i++) {
      assert.ok(await focusInDialog(), `focus stays in the dialog (Tab ${i})`);
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Escape");
    await pollFocus(page, () => !__ew.$("dialog.ew-dialog").open, null, "the dialog to close");
    const back = await describeFocus(page);
    assert.equal(back.action, "support", "focus returns to the button that opened it");

    // Saving: the passphrase dialog, filled in and confirmed with Enter.
    await pressAction(page, "save");
    const first = await describeFocus(page);
    assert.equal(first.type, "password", "focus starts in the passphrase field");
    await page.keyboard.type("blue kettle morning");
    await page.keyboard.press("Tab");
    await page.keyboard.type("blue kettle morning");
    await page.keyboard.press("Enter");
    await pollFocus(
      page,
      () => __ew.$(".ew-status")?.textContent.startsWith("Your answers are now saved"),
      null,
      "the first save to be announced",
      CRYPTO_WAIT_MS,
    );
    // "Save my answers on this device" is gone once they are saved: focus is not lost to the
    // page but goes to the words beside it that say what happened.
    const saved = await describeFocus(page, "ending-well .ew-save-status");
    assert.ok(saved.matches, `focus goes to the save status after saving (on ${saved.label})`);
    assert.match(saved.text, /^(Saving|Saved on this device)/);
    assert.deepEqual(errors, [], "no page or console errors");
  });

  it("downloads the summary with the keyboard alone", needs("downloads"), async (t) => {
    const { page, errors } = await openPage(t, harness.browser);
    await loadDemo(page, harness.origin);
    await pressAction(page, "start");
    for (let section = 0; section < SECTION_COUNT; section++) {
      await expectSection(page, section);
      await pressAction(page, "next");
    }
    await expectHeadingFocused(page, "Check your answers");
    await pressAction(page, "summary");
    await expectHeadingFocused(page, "Your summary");
    await tabUntil(page, 'ending-well button[data-ew-action="download-text"]');
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.keyboard.press("Enter"),
    ]);
    assert.equal(download.suggestedFilename(), "ending-well-to-bring.txt", "the first: To bring");
    assert.deepEqual(errors, [], "no page or console errors");
  });

  it(
    "loads with no console errors, no CSP violations and no outside requests",
    needs("requests"),
    async (t) => {
      const { origin } = harness;
      const { page, errors } = await openPage(t, harness.browser);
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", (event) => {
          window.__cspViolations.push(
            `${event.violatedDirective} blocked ${event.blockedURI || "(inline)"}`,
          );
        });
      });
      const requests = [];
      const failed = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("requestfailed", (request) => failed.push(request.url()));
      const response = await page.goto(`${origin}/`, { waitUntil: "load" });
      assert.equal(response.status(), 200);
      assert.ok(response.headers()["content-security-policy"], "the server sends its CSP");
      await pollFocus(
        page,
        () => __ew.$("ending-well h2.ew-heading") !== null,
        null,
        "the widget to mount",
      );
      // Show one section too, so its styles and scripts run under the policy.
      await pressAction(page, "start");
      await expectSection(page, 0);
      await page.waitForLoadState("networkidle");
      const violations = await page.evaluate(() => window.__cspViolations);
      assert.deepEqual(violations, [], "no securitypolicyviolation events");
      assert.deepEqual(errors, [], "no page or console errors");
      assert.ok(requests.length > 0);
      const outside = requests.filter(
        (url) => !url.startsWith("data:") && new URL(url).origin !== origin,
      );
      assert.deepEqual(outside, [], `only ${origin} is asked for anything`);
      assert.deepEqual(failed, [], "no request failed");
    },
  );
});
