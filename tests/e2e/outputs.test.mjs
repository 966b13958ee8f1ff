// What a client takes away, in Debian's Chromium, after answering every question of the built-in
// questionnaire the way a client might:
//
//   - the review has a "To bring" box beside every answer: ticked for the answers for the last
//     session and the note to the therapist, unticked for everything else, and never ticked for
//     an answer whose hint promised privacy; ticking and unticking changes "To bring" and
//     nothing else;
//   - "To bring" opens with "For my last session" and the clinic's name, has no skip counts,
//     and printed (the widget's own Print button, then the page as PDF) fits one A4 page and one
//     Letter page; "Just for me" holds everything, and its staying-well plan fits a page of its
//     own;
//   - the calendar reminder downloads as a valid iCalendar file (read with ical.js) with the
//     client's own title, on the day chosen, with nothing in it that names or contacts anyone.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/outputs.test.mjs
// Needs the release build in www/pkg (bash scripts/build.sh) and /usr/bin/chromium.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import {
  act,
  builtInQuestionnaire,
  heading,
  locale,
  needs,
  openConfigured,
  openPage,
  TEST_TIMEOUT,
  useHarness,
  widgetPrefix,
} from "./harness.mjs";

const harness = useHarness();

const EN = locale("en");

/** The built-in questionnaire's questions, in order: their position is `data-ew-question`. */
const QUESTIONS = builtInQuestionnaire("en").sections.flatMap((section) => section.questions);
const position = (id) => QUESTIONS.findIndex((question) => question.id === id);
const label = (id) => QUESTIONS[position(id)].text;

const CLINIC = "Harbour Lane Therapy";
const SETTINGS = {
  clinic: CLINIC,
  support: {
    resources: [{ name: "Harbour Lane duty line", phone: "01632 960 000", hours: "9am to 5pm" }],
  },
  coming_back: {
    intro: "You can come back within a year without a new referral.",
    resources: [{ name: "Reception", email: "reception@harbour-lane.example" }],
  },
};

/**
 * One client's answers to the whole built-in questionnaire, by question id: text, an option, a
 * list of options, or a point of a scale. The numbers are the ones set aside for drama.
 */
const ANSWERS = {
  "who-decided": "together",
  "how-long-known": "weeks",
  "right-time": "mostly",
  "right-time-help": "Knowing that I can come back if I need to.",
  feelings: ["gratitude", "sadness", "worry"],
  "feelings-strength": 6,
  "what-brought-you": "Panic attacks on the way to work, and not sleeping.",
  "what-changed": ["thoughts", "actions"],
  goals: "partly",
  "proud-of": "Taking the bus to work again.",
  learned: "That my thoughts are not facts, and that I can ask for help.",
  "change-credit": ["me", "therapy"],
  "helped-most": "When you drew the panic cycle on paper. It made the fear make sense.",
  unhelpful: "Sometimes the homework felt like too much.",
  "never-said": "I was scared you would give up on me.",
  unfinished: "Being in crowds. Feeling less tired.",
  "ask-return": "maybe",
  "return-questions": "How long is the wait if I need to come back?",
  skills: ["notice-thoughts", "calm-body", "small-steps"],
  "practice-plan": "Breathing every morning, and a thought record on Sundays.",
  "warning-signs": "Thinking everyone is judging me. Worrying at night.",
  "signs-body": "A tight chest, and waking at four.",
  "signs-behaviour": "Taking taxis instead of the bus. Cancelling plans.",
  "high-risk": "Starting the new job in January, and the anniversary in March.",
  "setback-plan": "Use the breathing, tell my partner, and read this plan again.",
  "first-step": "Take the bus to the market on Saturday.",
  "goals-next": "Go to a concert by the summer.",
  confidence: 3,
  "support-people": ["partner", "friends"],
  "professional-support": ["doctor", "clinic"],
  "who-can-help": "Alex, 07700 900461. My doctor's surgery, 01632 960 123.",
  "relationship-meant": "It was the first place I could say things without being judged.",
  "toward-therapist": ["gratitude", "trust", "missing"],
  echoes: "a-little",
  "echoes-more": "It reminds me of when my dad died.",
  "goodbyes-usual": ["avoid"],
  "last-topics": ["progress", "plans", "returning"],
  "goodbye-style": "take-time",
  "ask-or-hear": "I would like to hear what you noticed change in me.",
  "contact-after": "yes",
  "contact-question": "Can I send a short email to say how the new job went?",
  "how-hard-now": 4,
  "feeling-now": "sad-but-okay",
};

/** A page whose widget has the clinic's settings, downloads allowed; `requests` lists every
 * request after the widget's own files. */
async function clinicPage(t, contextOptions = {}) {
  const opened = await openPage(t, harness.browser, { acceptDownloads: true, ...contextOptions });
  opened.requests = [];
  opened.page.on("request", (request) => opened.requests.push(request.url()));
  await openConfigured(opened.page, harness.origin, SETTINGS, "/outputs.html");
  return opened;
}

/** Answers every question of `ANSWERS` shown on the current screen, as a client would. */
async function answerScreen(page, prefix, answered) {
  for (const [id, value] of Object.entries(ANSWERS)) {
    if (answered.has(id)) continue;
    const block = page.locator(`#${prefix}-q-${id}`);
    if ((await block.count()) === 0 || !(await block.isVisible())) continue;
    if (typeof value === "string" && (await page.locator(`#${prefix}-q-${id}-input`).count())) {
      await page.fill(`#${prefix}-q-${id}-input`, value);
    } else {
      for (const option of [value].flat()) {
        await page.check(`#${prefix}-q-${id}-option-${option}`);
      }
    }
    answered.add(id);
  }
}

/** Answers everything, section by section, up to the review. */
async function answerEverything(page) {
  const prefix = await widgetPrefix(page);
  await act(page, "start");
  const answered = new Set();
  for (let steps = 0; steps < 20 && (await heading(page)) !== EN.review_heading; steps++) {
    // Twice: an answer can reveal a follow-up on the same screen.
    await answerScreen(page, prefix, answered);
    await answerScreen(page, prefix, answered);
    await act(page, "next");
  }
  assert.equal(await heading(page), EN.review_heading);
  assert.deepEqual(
    Object.keys(ANSWERS).filter((id) => !answered.has(id)),
    [],
    "every question was shown and answered",
  );
  return prefix;
}

/** The "To bring" boxes of the review: question label to ticked. */
function bringBoxes(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      __ew.$$(".ew-review .ew-summary-row").flatMap((row) => {
        const box = row.querySelector('input[data-ew-role="bring"]');
        const key = row.querySelector(".ew-summary-key").textContent;
        return box ? [[key, box.checked]] : [];
      }),
    ),
  );
}

/** Margins like a browser's print dialog's default ones (Chromium's are about 10 mm). */
const PRINT_MARGINS = { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" };

/** An A4 page inside those margins, in CSS pixels (96 to the inch): 186 by 273 mm. */
const A4_INSIDE = { width: Math.floor((186 / 25.4) * 96), height: Math.floor((273 / 25.4) * 96) };

/** The pages of a PDF Chromium made: one `/Type /Page` object each. */
const pageCount = (pdf) => (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

/** The text of one output on the summary. */
const outputText = (page, name) => page.textContent(`ending-well .ew-output--${name}`);

describe("What I bring and what I keep", () => {
  it(
    "the client chooses on the review what goes into To bring, and it prints on one page",
    { timeout: TEST_TIMEOUT, ...needs("requests", "print media") },
    async (t) => {
      const { page } = await clinicPage(t);
      assert.equal(
        await page.textContent("ending-well .ew-clinic-name"),
        CLINIC,
        "the clinic is named on the introduction",
      );
      const prefix = await answerEverything(page);

      const boxes = await bringBoxes(page);
      for (const id of [
        "feelings",
        "last-topics",
        "ask-or-hear",
        "goodbye-style",
        "note-therapist",
      ]) {
        assert.equal(boxes[label(id)], true, `${id} is in To bring until taken out`);
      }
      for (const id of [
        "never-said",
        "unhelpful",
        "echoes-more",
        "who-can-help",
        "note-future-self",
      ]) {
        assert.equal(boxes[label(id)], false, `${id} stays out until the client puts it in`);
      }
      const ticked = Object.values(boxes).filter(Boolean).length;
      t.diagnostic(`review: ${Object.keys(boxes).length} answers, ${ticked} ticked "To bring"`);

      // The client takes one out and puts one in.
      await page.uncheck(`#${prefix}-bring-${position("goodbye-style")}`);
      await page.check(`#${prefix}-bring-${position("proud-of")}`);
      await act(page, "summary");

      const bring = await outputText(page, "bring");
      assert.ok(bring.startsWith(CLINIC), bring.slice(0, 80));
      assert.ok(bring.includes(EN.last_session_heading));
      assert.ok(bring.includes("I would like to hear what you noticed change in me."));
      assert.ok(bring.includes("Taking the bus to work again."), "the answer put in");
      assert.ok(!bring.includes("How I'd like to say goodbye"), "the answer taken out");
      assert.ok(!bring.includes("I was scared you would give up on me."), "the private answer");
      assert.ok(!bring.includes("07700 900461"), "the numbers the client typed for themselves");
      assert.ok(!/skipped/i.test(bring), "no skip counts");
      const mine = await outputText(page, "mine");
      for (const words of [
        "I was scared you would give up on me.",
        "07700 900461",
        EN.plan_heading,
        "Harbour Lane duty line",
        "You can come back within a year without a new referral.",
      ]) {
        assert.ok(mine.includes(words), `Just for me has "${words}"`);
      }

      // The widget's own Print for "To bring", then the page as paper.
      await page.evaluate(() => {
        window.print = () => {};
      });
      await page.click('ending-well button[data-ew-action="print"][data-ew-output="bring"]');
      const counts = {};
      for (const format of ["A4", "Letter"]) {
        counts[format] = pageCount(await page.pdf({ format, margin: PRINT_MARGINS }));
      }
      await page.click('ending-well button[data-ew-action="print"][data-ew-output="mine"]');
      counts.mine = pageCount(await page.pdf({ format: "A4", margin: PRINT_MARGINS }));
      // The plan, laid out for paper across an A4 page inside the margins, is no taller than
      // the page: it prints on a page of its own.
      await page.emulateMedia({ media: "print" });
      await page.setViewportSize({ width: A4_INSIDE.width, height: A4_INSIDE.height });
      const planHeight = await page.evaluate(
        () => __ew.$(".ew-plan").getBoundingClientRect().height,
      );
      await page.emulateMedia({ media: null });
      t.diagnostic(
        `printed: To bring ${counts.A4} A4 page(s), ${counts.Letter} Letter page(s); ` +
          `Just for me ${counts.mine} A4 pages`,
      );
      assert.equal(counts.A4, 1, "To bring fits one A4 page");
      assert.equal(counts.Letter, 1, "To bring fits one Letter page");
      assert.ok(
        counts.mine > counts.A4,
        "Just for me holds more, with its plan on a page of its own",
      );
      t.diagnostic(
        `the staying-well plan on paper: ${Math.round(planHeight)} of ${A4_INSIDE.height} CSS px`,
      );
      assert.ok(planHeight > 0 && planHeight <= A4_INSIDE.height, "the plan fits one A4 page");
    },
  );

  it(
    "the calendar reminder is a valid iCalendar file with the client's title, made on the device",
    { timeout: TEST_TIMEOUT, ...needs("requests", "downloads") },
    async (t) => {
      // Kiritimati's clocks are 14 hours ahead of UTC: from 10:00 UTC its day is the next one,
      // so "today" must be the client's own calendar's and the file's time stamp UTC's.
      const { page, requests } = await clinicPage(t, { timezoneId: "Pacific/Kiritimati" });
      await widgetPrefix(page);
      const loaded = requests.length;
      await act(page, "start");
      for (let steps = 0; steps < 20 && (await heading(page)) !== EN.review_heading; steps++) {
        await act(page, "next");
      }
      await act(page, "summary");
      const title = "Café, tea; and a walk";
      const made = Date.now();
      await page.fill('ending-well input[data-ew-role="reminder-title"]', title);
      await page.check('ending-well input[data-ew-role="reminder-months"][value="3"]');
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('ending-well button[data-ew-action="reminder"]'),
      ]);
      assert.equal(download.suggestedFilename(), `${EN.reminder_file}.ics`);
      assert.match(download.url(), /^blob:/, "made in the page, not fetched");
      const path = await download.path();
      const text = readFileSync(path, "utf8");
      const calendar = new ICAL.Component(ICAL.parse(text));
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent"));
      assert.equal(event.summary, title);
      assert.equal(event.startDate.isDate, true, "an all-day event");
      const expected = await page.evaluate(() => {
        const today = new Date();
        const day = new Date(today.getFullYear(), today.getMonth() + 3, 1);
        const last = new Date(day.getFullYear(), day.getMonth() + 1, 0).getDate();
        day.setDate(Math.min(today.getDate(), last));
        return [day.getFullYear(), day.getMonth() + 1, day.getDate()];
      });
      assert.deepEqual(
        [event.startDate.year, event.startDate.month, event.startDate.day],
        expected,
        "three months from today",
      );
      const stamp = calendar.getFirstSubcomponent("vevent").getFirstPropertyValue("dtstamp");
      assert.equal(stamp.zone, ICAL.Timezone.utcTimezone, "the time stamp is in UTC");
      const stampMs = stamp.toUnixTime() * 1000;
      assert.ok(
        stampMs > made - 2_000 && stampMs < Date.now() + 1_000,
        `the time stamp ${stamp.toString()} is when the file was made`,
      );
      for (const field of ["ATTENDEE", "ORGANIZER", "URL", "LOCATION"]) {
        assert.ok(!text.includes(field), `${field} is not in the file`);
      }
      assert.deepEqual(requests.slice(loaded), [], "nothing was requested after load");
      t.diagnostic(`reminder: ${text.length} bytes, on ${event.startDate.toString()}`);
    },
  );
});
