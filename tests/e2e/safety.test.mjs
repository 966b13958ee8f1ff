// A safe answer to thoughts of suicide, in Debian's Chromium, on the demo page with the built-in
// questionnaire, as a client meets it:
//
//   - the question on thoughts of harming oneself or of suicide is asked early, in the section on
//     feelings about ending, not only at the end;
//   - answering "Yes, sometimes" or "Yes, and they feel strong right now" shows a response of its
//     own right after the question: this page cannot alert anyone, please tell someone today,
//     the contacts (here the fallback in the client's own words: the clinic gives none), telling
//     the therapist before the last session, the timing of the ending; screen readers hear that
//     it appeared; it never says "whenever you are ready";
//   - "No" or "Prefer not to say" hides it again; nothing is blocked: the client moves on;
//   - a clinic's own contacts show inside it, as links.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/safety.test.mjs
// Needs the release build in www/pkg (bash scripts/build.sh) and /usr/bin/chromium.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  act,
  builtInQuestionnaire,
  heading,
  loadDemo,
  locale,
  openConfigured,
  openPage,
  poll,
  TEST_TIMEOUT,
  useHarness,
  widgetPrefix,
} from "./harness.mjs";

const harness = useHarness();

const EN = locale("en");
const QUESTIONNAIRE = builtInQuestionnaire("en");
const SECTION = QUESTIONNAIRE.sections.findIndex((section) =>
  section.questions.some((question) => question.id === "harm-thoughts"),
);

/** Goes from the introduction to the section with the question. */
async function toTheQuestion(page) {
  const prefix = await widgetPrefix(page);
  await act(page, "start");
  while ((await heading(page)) !== QUESTIONNAIRE.sections[SECTION].title) {
    await act(page, "next");
  }
  return prefix;
}

/** What the page shows of the response, and where. */
function response(page, prefix) {
  return page.evaluate((prefix) => {
    const panel = __ew.$(".ew-safety");
    const block = __ew.root().getElementById(`${prefix}-q-harm-thoughts`);
    return {
      shown: Boolean(panel) && !panel.hidden && panel.checkVisibility(),
      afterTheQuestion: block?.nextElementSibling === panel,
      text: panel?.textContent ?? "",
      links: [...(panel?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href")),
      status: __ew.$(".ew-status")?.textContent ?? "",
    };
  }, prefix);
}

describe("A safe answer to thoughts of suicide", () => {
  it(
    "is asked early, answered right below the question, and never blocks",
    {
      timeout: TEST_TIMEOUT,
    },
    async (t) => {
      const { page, errors } = await openPage(t, harness.browser);
      await loadDemo(page, harness.origin);
      assert.ok(
        SECTION >= 0 && SECTION < QUESTIONNAIRE.sections.length / 2,
        `asked in the first half of the questionnaire (section ${SECTION + 1})`,
      );
      const prefix = await toTheQuestion(page);
      assert.equal((await response(page, prefix)).shown, false, "not before an answer");

      for (const answer of ["sometimes", "now"]) {
        await page.check(`#${prefix}-q-harm-thoughts-option-${answer}`);
        const shown = await response(page, prefix);
        assert.ok(shown.shown, `${answer}: the response shows`);
        assert.ok(shown.afterTheQuestion, `${answer}: right after the question`);
        for (const key of [
          "safety_heading",
          "safety_cannot_alert",
          "safety_tell_someone",
          "safety_therapist",
          "safety_timing",
          "support_placeholder",
        ]) {
          assert.ok(shown.text.includes(EN[key]), `${answer}: it says ${key}: "${EN[key]}"`);
        }
        assert.ok(!/whenever you are ready/i.test(shown.text), "never 'whenever you are ready'");
        assert.ok(!/score|risk level/i.test(shown.text), "never a score or a label");
      }
      await poll(
        page,
        (said) => __ew.$(".ew-status")?.textContent.includes(said),
        EN.safety_shown,
        "screen readers to hear that it appeared",
      );

      for (const answer of ["no", "prefer-not-to-say"]) {
        await page.check(`#${prefix}-q-harm-thoughts-option-${answer}`);
        assert.equal((await response(page, prefix)).shown, false, `${answer}: hidden again`);
      }
      await page.check(`#${prefix}-q-harm-thoughts-option-now`);
      await act(page, "next");
      assert.equal(
        await heading(page),
        QUESTIONNAIRE.sections[SECTION + 1].title,
        "the client moves on: nothing is blocked",
      );
      assert.deepEqual(errors, []);
    },
  );

  it("shows a clinic's own contacts inside it, as links", { timeout: TEST_TIMEOUT }, async (t) => {
    const opened = await openPage(t, harness.browser);
    const { page } = opened;
    await openConfigured(page, harness.origin, {
      support: {
        resources: [{ name: "Harbour Lane duty line", phone: "01632 960 000" }],
      },
    });
    const prefix = await toTheQuestion(page);
    await page.check(`#${prefix}-q-harm-thoughts-option-sometimes`);
    const shown = await response(page, prefix);
    assert.ok(shown.text.includes("Harbour Lane duty line"));
    assert.ok(!shown.text.includes(EN.support_placeholder), "no fallback beside real contacts");
    assert.deepEqual(shown.links, ["tel:01632960000"]);
  });
});
