// Languages in Ending Well, in Debian's Chromium: what a person notices when the widget speaks
// their language, and when they change it.
//
//   - the demo page opens in English and offers "Español"; switching half-way through keeps
//     every answer (a chosen radio, typed text on this section and on an earlier one), puts the
//     screen, the caption and the top bar into Spanish, moves focus to the current language,
//     and the review and the summary follow in Spanish, then back in English;
//   - a page in Spanish (<html lang="es">) gets the widget in Spanish without a click, with the
//     clinic's support contacts in Spanish;
//   - a page in a language the widget does not offer falls back to the browser's languages,
//     and to English when none of those is offered either;
//   - right to left: an Arabic widget mirrors its layout (top bar, language switcher, scale,
//     buttons, progress bar), shows English where the clinic gave no Arabic text, and turns
//     back to left to right in English, keeping the chosen point;
//   - at 320 CSS px wide the right-to-left page does not scroll sideways, and nothing is cut
//     off at either edge.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/languages.test.mjs
// Needs the release build in www/pkg (bash scripts/build.sh) and /usr/bin/chromium.
//
// Interface text comes from locales/*.json and questionnaire text from the built-in
// questionnaire, so that a change of wording changes the expectations with it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  act,
  builtInQuestionnaire,
  click,
  CRYPTO_WAIT_MS,
  heading,
  needs,
  openPage,
  poll,
  saveWith,
  TEST_TIMEOUT,
  type,
  useHarness,
} from "./harness.mjs";

/** Sub-pixel rounding allowed when comparing boxes with edges. */
const TOLERANCE = 0.5;

const readJson = (relative) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), "utf8"));
const EN = readJson("../../locales/en.json");
const ES = readJson("../../locales/es.json");
const PLAIN_HTML = readFileSync(
  fileURLToPath(new URL("../../www/examples/plain.html", import.meta.url)),
  "utf8",
);

/** Fills `{name}` placeholders of an interface text. */
const fill = (template, values) =>
  template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

const QUESTIONNAIRE = { en: builtInQuestionnaire("en"), es: builtInQuestionnaire("es") };
const SECTION_COUNT = QUESTIONNAIRE.en.sections.length;

/** A question of the built-in questionnaire: its position (data-ew-question) and section. */
function question(id) {
  let position = 0;
  for (const [section, { questions }] of QUESTIONNAIRE.en.sections.entries()) {
    for (const [index, q] of questions.entries()) {
      if (q.id === id) {
        return {
          position,
          section,
          es: QUESTIONNAIRE.es.sections[section].questions[index],
          en: q,
        };
      }
      position += 1;
    }
  }
  throw new Error(`the built-in questionnaire has no question "${id}"`);
}

// The answers given on the demo page: a radio that reveals a text area on the first section, and
// a text area on a later one.
const WHO_DECIDED = question("who-decided");
const CHOSEN_OPTION = "therapist-choice";
const CHOSEN_POSITION = WHO_DECIDED.en.options.findIndex((o) => o.id === CHOSEN_OPTION);
const CHOSEN_LABEL = {
  en: WHO_DECIDED.en.options[CHOSEN_POSITION].label,
  es: WHO_DECIDED.es.options[CHOSEN_POSITION].label,
};
const NOT_MY_CHOICE = question("not-my-choice");
const WHAT_BROUGHT_YOU = question("what-brought-you");
const FIRST_TEXT = "It felt sudden, but I understand the reasons.";
const LATER_TEXT = "Panic attacks on the train to work.";

const SELECTORS = {
  radio: `input[type=radio][data-ew-question="${WHO_DECIDED.position}"][data-ew-value="${CHOSEN_POSITION}"]`,
  firstText: `textarea[data-ew-question="${NOT_MY_CHOICE.position}"][data-ew-role=text]`,
  laterText: `textarea[data-ew-question="${WHAT_BROUGHT_YOU.position}"][data-ew-role=text]`,
};

const harness = useHarness();

// ---------------------------------------------------------------------------------------------
// Reading the widget

/** Waits for the widget's first screen; returns its heading. */
async function widgetReady(page) {
  return poll(
    page,
    () => __ew.$(".ew-screen h2.ew-heading")?.textContent,
    undefined,
    "the widget's first screen",
  );
}

/** Presses the language switcher on the first section and waits for it in `language`. */
async function switchOnFirstSection(page, language) {
  await click(page, "[data-ew-action=language]");
  await poll(
    page,
    (title) => __ew.$(".ew-screen h2")?.textContent === title,
    QUESTIONNAIRE[language].sections[0].title,
    `the first section in "${language}"`,
  );
}

/** `lang` and `dir` of the widget's root. */
const rootLanguage = (page) =>
  page.evaluate(() => {
    const root = __ew.$(".ew");
    return { lang: root?.getAttribute("lang"), dir: root?.getAttribute("dir") };
  });

/** The language switcher as a person sees it: hidden or not, the current one and the buttons. */
const switcher = (page) =>
  page.evaluate(() => {
    const nav = __ew.$("nav.ew-languages");
    const current = __ew.$$("nav.ew-languages .ew-language--current");
    return {
      hidden: nav?.hidden ?? true,
      label: nav?.getAttribute("aria-label") ?? null,
      current: current.map((el) => ({
        text: el.textContent,
        lang: el.getAttribute("lang"),
        ariaCurrent: el.getAttribute("aria-current"),
        tabindex: el.getAttribute("tabindex"),
        tag: el.tagName,
      })),
      buttons: __ew
        .$$("nav.ew-languages button.ew-language[data-ew-action=language]")
        .map((el) => ({
          text: el.textContent,
          lang: el.getAttribute("lang"),
          language: el.dataset.ewLanguage,
        })),
    };
  });

/** Presses the switcher's button for the language named `name` and waits for the switch. */
async function switchTo(page, name, lang) {
  const found = await page.evaluate((name) => {
    const button = __ew
      .$$("nav.ew-languages button.ew-language")
      .find((b) => b.textContent === name);
    button?.click();
    return Boolean(button);
  }, name);
  assert.ok(found, `the language switcher has a button named "${name}"`);
  await poll(
    page,
    (lang) => __ew.$(".ew")?.getAttribute("lang") === lang,
    lang,
    `the widget in "${lang}"`,
  );
}

/** What the focused element inside the widget is. */
const focused = (page) =>
  page.evaluate(() => {
    const el = __ew.focused();
    return el
      ? {
          tag: el.tagName,
          className: el.className,
          text: el.textContent,
          lang: el.getAttribute("lang"),
        }
      : null;
  });

/** The answers of the demo page that are on this screen: checked radio and text values. */
const shownAnswers = (page) =>
  page.evaluate((selectors) => {
    const radio = __ew.$(selectors.radio);
    const first = __ew.$(selectors.firstText);
    const later = __ew.$(selectors.laterText);
    return {
      radio: radio ? radio.checked : null,
      firstText: first ? first.value : null,
      firstTextShown: first ? first.checkVisibility() : null,
      laterText: later ? later.value : null,
    };
  }, SELECTORS);

/** The box of the first element matching `selector`, in viewport pixels. */
async function box(page, selector) {
  const rect = await page.evaluate((selector) => {
    const el = __ew.$(selector);
    if (!el) return null;
    const { left, right, top, bottom, width, height } = el.getBoundingClientRect();
    return { left, right, top, bottom, width, height, center: (left + right) / 2 };
  }, selector);
  assert.ok(rect, `no element matches ${selector}`);
  return rect;
}

/** The text of the screen, as rendered (hidden parts left out). */
const screenText = (page) => page.evaluate(() => __ew.$(".ew-screen").innerText);

/** Presses "next" until the review's heading shows; returns the section headings passed. */
async function nextUntil(page, reviewHeading) {
  const passed = [];
  for (let guard = 0; guard <= SECTION_COUNT; guard++) {
    const now = await heading(page);
    if (now === reviewHeading) return passed;
    passed.push(now);
    await act(page, "next");
  }
  throw new Error(
    `no "${reviewHeading}" after ${SECTION_COUNT + 1} presses of next: ${passed.join(" | ")}`,
  );
}

// ---------------------------------------------------------------------------------------------

describe("Languages", () => {
  it(
    "the Spanish is downloaded only for a client who reads it: on choosing it, or at once on a Spanish page",
    { timeout: TEST_TIMEOUT, ...needs("requests") },
    async (t) => {
      const SPANISH = "/pkg/ending_well_es.js";
      const { page, context, errors } = await openPage(t, harness.browser);
      const requested = [];
      context.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${harness.origin}/`);
      assert.equal(await widgetReady(page), QUESTIONNAIRE.en.title);
      await act(page, "start");
      assert.ok(!requested.includes(SPANISH), "an English reader never downloads the Spanish");
      await switchOnFirstSection(page, "es");
      assert.equal(requested.filter((path) => path === SPANISH).length, 1, "downloaded once");
      assert.equal(await page.evaluate(() => __ew.focused()?.lang), "es", "focus stays put");
      // And back, and to Spanish again: nothing more to download.
      await switchOnFirstSection(page, "en");
      await switchOnFirstSection(page, "es");
      assert.equal(requested.filter((path) => path === SPANISH).length, 1);

      // A page in Spanish: downloaded with the module, and the widget is Spanish from the start.
      requested.length = 0;
      await page.route(`${harness.origin}/examples/spanish-page.html`, (route) =>
        route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: PLAIN_HTML.replace(/<html lang="en"/, '<html lang="es"'),
        }),
      );
      await page.goto(`${harness.origin}/examples/spanish-page.html`);
      assert.equal(await widgetReady(page), QUESTIONNAIRE.es.title);
      assert.ok(requested.includes(SPANISH));
      assert.deepEqual(errors, []);
    },
  );

  it(
    "answers saved in Spanish come back in Spanish, on a page in English",
    { timeout: TEST_TIMEOUT },
    async (t) => {
      const { page, errors } = await openPage(t, harness.browser);
      await page.goto(`${harness.origin}/`);
      assert.equal(await widgetReady(page), QUESTIONNAIRE.en.title);
      await act(page, "start");
      await switchOnFirstSection(page, "es");
      const passphrase = "un río tranquilo por la mañana";
      await saveWith(page, passphrase);
      // The next visit: the page is in English, and the Spanish comes with the module, since
      // answers are saved on the device.
      await page.reload();
      await poll(page, () => __ew.$("form[data-ew-form=unlock]") !== null, null, "welcome back");
      await type(page, "form[data-ew-form=unlock] input[name=passphrase]", passphrase);
      await click(page, "form[data-ew-form=unlock] button[type=submit]");
      await poll(
        page,
        (title) => __ew.$(".ew-screen h2")?.textContent === title,
        QUESTIONNAIRE.es.sections[0].title,
        "the answers back, in Spanish",
        CRYPTO_WAIT_MS,
      );
      assert.deepEqual(await rootLanguage(page), { lang: "es", dir: "ltr" });
      assert.deepEqual(errors, []);
    },
  );

  it(
    "on the demo page, switching to Spanish half-way keeps every answer, and back again",
    { timeout: TEST_TIMEOUT },
    async (t) => {
      const { page, errors } = await openPage(t, harness.browser);
      await page.goto(`${harness.origin}/`);
      assert.equal(await widgetReady(page), QUESTIONNAIRE.en.title, "the English intro heading");
      assert.deepEqual(await rootLanguage(page), { lang: "en", dir: "ltr" });

      const english = await switcher(page);
      assert.equal(english.hidden, false, "the switcher shows: two languages are offered");
      assert.equal(english.label, EN.language_switcher);
      assert.equal(english.current.length, 1, "one current language");
      assert.deepEqual(english.current[0], {
        text: EN.language_name,
        lang: "en",
        ariaCurrent: "true",
        tabindex: "-1",
        tag: "SPAN",
      });
      assert.deepEqual(
        english.buttons.map(({ text, lang }) => ({ text, lang })),
        [{ text: ES.language_name, lang: "es" }],
        "one button, for Spanish, named in Spanish",
      );

      // First section: a radio that reveals a text area, and text typed into it.
      await act(page, "start");
      assert.equal(await heading(page), QUESTIONNAIRE.en.sections[WHO_DECIDED.section].title);
      assert.equal(
        (await shownAnswers(page)).firstTextShown,
        false,
        "the follow-up waits for its answer",
      );
      await click(page, SELECTORS.radio);
      await poll(
        page,
        (s) => __ew.$(s)?.checkVisibility(),
        SELECTORS.firstText,
        "the revealed text area",
      );
      await type(page, SELECTORS.firstText, FIRST_TEXT);

      // A later section: more text.
      while ((await heading(page)) !== QUESTIONNAIRE.en.sections[WHAT_BROUGHT_YOU.section].title) {
        await act(page, "next");
      }
      await type(page, SELECTORS.laterText, LATER_TEXT);
      assert.equal(
        await page.evaluate(() => __ew.$(".ew-caption").textContent),
        fill(EN.section_of, { number: WHAT_BROUGHT_YOU.section + 1, count: SECTION_COUNT }),
      );

      // Español.
      await switchTo(page, ES.language_name, "es");
      assert.deepEqual(await rootLanguage(page), { lang: "es", dir: "ltr" });
      assert.equal(
        await heading(page),
        QUESTIONNAIRE.es.sections[WHAT_BROUGHT_YOU.section].title,
        "the same section, in Spanish",
      );
      assert.equal(
        await page.evaluate(() => __ew.$(".ew-caption").textContent),
        fill(ES.section_of, { number: WHAT_BROUGHT_YOU.section + 1, count: SECTION_COUNT }),
      );
      assert.equal(
        await page.evaluate(() => __ew.$(".ew-topbar button[data-ew-action=support]").textContent),
        ES.need_support,
        "the top bar is in Spanish",
      );
      assert.ok(
        (await screenText(page)).includes(WHAT_BROUGHT_YOU.es.text),
        `the question reads "${WHAT_BROUGHT_YOU.es.text}"`,
      );
      const spanish = await switcher(page);
      assert.equal(spanish.label, ES.language_switcher);
      assert.deepEqual(
        spanish.current.map(({ text, lang }) => ({ text, lang })),
        [{ text: ES.language_name, lang: "es" }],
      );
      assert.deepEqual(
        spanish.buttons.map(({ text, lang }) => ({ text, lang })),
        [{ text: EN.language_name, lang: "en" }],
      );
      const focus = await focused(page);
      assert.ok(
        focus?.className.includes("ew-language--current"),
        `focus is on the current language, not ${JSON.stringify(focus)}`,
      );
      assert.equal(focus.lang, "es");
      assert.equal(
        (await shownAnswers(page)).laterText,
        LATER_TEXT,
        "the text typed on this section is still there",
      );

      // Back to the first section: its answers are still there too.
      while ((await heading(page)) !== QUESTIONNAIRE.es.sections[WHO_DECIDED.section].title) {
        await act(page, "back");
      }
      assert.equal(
        await page.evaluate(() => __ew.$(".ew-screen button[data-ew-action=back]").textContent),
        ES.back,
      );
      const first = await shownAnswers(page);
      assert.equal(first.radio, true, "the chosen radio is still checked");
      assert.equal(first.firstTextShown, true, "its follow-up is still shown");
      assert.equal(first.firstText, FIRST_TEXT, "with its text");
      assert.ok(
        (await screenText(page)).includes(CHOSEN_LABEL.es),
        `the option reads "${CHOSEN_LABEL.es}"`,
      );

      // On to the review and the summary, in Spanish.
      const passed = await nextUntil(page, ES.review_heading);
      assert.equal(passed.length, SECTION_COUNT, `every section on the way: ${passed.join(" | ")}`);
      assert.deepEqual(
        passed,
        QUESTIONNAIRE.es.sections.map((s) => s.title),
        "every section title in Spanish",
      );
      const review = await screenText(page);
      for (const text of [FIRST_TEXT, LATER_TEXT, CHOSEN_LABEL.es]) {
        assert.ok(review.includes(text), `the review shows "${text}"`);
      }
      await act(page, "summary");
      assert.equal(await heading(page), ES.summary_heading);
      const summary = await screenText(page);
      for (const text of [FIRST_TEXT, LATER_TEXT, CHOSEN_LABEL.es, WHAT_BROUGHT_YOU.es.summary]) {
        assert.ok(summary.includes(text), `the Spanish summary shows "${text}"`);
      }
      assert.ok(!summary.includes(CHOSEN_LABEL.en), "and not the English label");

      // And back to English, on the summary.
      await switchTo(page, EN.language_name, "en");
      assert.equal(await heading(page), EN.summary_heading);
      assert.equal(
        await page.evaluate(() => __ew.$(".ew-topbar button[data-ew-action=support]").textContent),
        EN.need_support,
      );
      const englishSummary = await screenText(page);
      for (const text of [FIRST_TEXT, LATER_TEXT, CHOSEN_LABEL.en, WHAT_BROUGHT_YOU.en.summary]) {
        assert.ok(englishSummary.includes(text), `the English summary shows "${text}"`);
      }
      assert.ok(
        (await focused(page))?.className.includes("ew-language--current"),
        "focus on the current language again",
      );
      assert.deepEqual(errors, [], "no console or page error");
    },
  );

  it(
    "spanish.html opens in Spanish without a click, with the clinic's contacts in Spanish",
    { timeout: TEST_TIMEOUT },
    async (t) => {
      const { page, errors } = await openPage(t, harness.browser);
      await page.goto(`${harness.origin}/examples/spanish.html`);
      assert.equal(await widgetReady(page), QUESTIONNAIRE.es.title, "the Spanish intro heading");
      assert.deepEqual(await rootLanguage(page), { lang: "es", dir: "ltr" });
      assert.equal(
        await page.evaluate(() => __ew.$(".ew-screen button[data-ew-action=start]").textContent),
        ES.start,
      );
      const languages = await switcher(page);
      assert.deepEqual(
        languages.current.map((c) => c.text),
        [ES.language_name],
      );
      assert.deepEqual(
        languages.buttons.map((b) => b.text),
        [EN.language_name],
        "English is one click away",
      );

      await click(page, ".ew-topbar button[data-ew-action=support]");
      await poll(page, () => __ew.$("dialog[open]"), undefined, "the support dialog");
      const dialog = await page.evaluate(() => {
        const dialog = __ew.$("dialog[open]");
        return {
          heading: dialog.querySelector(".ew-heading")?.textContent,
          text: dialog.innerText,
        };
      });
      assert.equal(dialog.heading, ES.support_heading);
      for (const text of [
        "Recepción de la Clínica Río Claro",
        "Nuestro equipo está aquí para ti en el horario de atención.",
      ]) {
        assert.ok(dialog.text.includes(text), `the dialog shows "${text}"`);
      }
      assert.ok(!dialog.text.includes("Río Claro Clinic reception"), "not the English name");
      assert.deepEqual(errors, [], "no console or page error");
    },
  );

  describe("a page in a language the widget does not offer (French)", () => {
    for (const [locale, expected] of [
      ["es-ES", "es"],
      ["de-DE", "en"],
    ]) {
      it(
        `with the browser in ${locale}, the widget opens in ${expected === "es" ? "Spanish" : "English, the fallback"}`,
        { timeout: TEST_TIMEOUT, ...needs("locale") },
        async (t) => {
          const { page, errors } = await openPage(t, harness.browser, { locale });
          const url = `${harness.origin}/examples/french-page.html`;
          // plain.html, with its policy, as a French page.
          const html = PLAIN_HTML.replace('<html lang="en">', '<html lang="fr">');
          assert.notEqual(html, PLAIN_HTML, 'plain.html says <html lang="en">');
          await page.route(url, (route) =>
            route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
          );
          await page.goto(url);
          assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
          assert.equal(
            await page.evaluate(() => navigator.language),
            locale,
            "the browser's language",
          );
          assert.equal(await widgetReady(page), QUESTIONNAIRE[expected].title);
          assert.deepEqual(await rootLanguage(page), { lang: expected, dir: "ltr" });
          const texts = expected === "es" ? ES : EN;
          assert.equal(
            await page.evaluate(
              () => __ew.$(".ew-topbar button[data-ew-action=support]").textContent,
            ),
            texts.need_support,
          );
          assert.deepEqual(
            (await switcher(page)).current.map((c) => c.lang),
            [expected],
          );
          assert.deepEqual(errors, [], "no console or page error");
        },
      );
    }
  });

  describe("right to left", () => {
    const RTL_PAGE = "/examples/right-to-left.html";
    const point = (value) => `input[data-ew-role=point][data-ew-value="${value}"]`;

    it(
      "an Arabic widget mirrors its layout, falls back to English text, and turns back in English",
      { timeout: TEST_TIMEOUT },
      async (t) => {
        const { page, errors } = await openPage(t, harness.browser);
        await page.goto(`${harness.origin}${RTL_PAGE}`);
        assert.equal(await widgetReady(page), "قبل جلستك الأخيرة", "the Arabic intro heading");
        assert.deepEqual(await rootLanguage(page), { lang: "ar", dir: "rtl" });

        // The top bar: "leave this page" at the inline end, which is the left.
        const support = await box(page, ".ew-topbar button[data-ew-action=support]");
        const exit = await box(page, ".ew-topbar button[data-ew-action=exit]");
        t.diagnostic(
          `support ${support.left.toFixed(1)}–${support.right.toFixed(1)} px, exit ${exit.left.toFixed(1)}–${exit.right.toFixed(1)} px`,
        );
        assert.ok(
          exit.right <= support.left + TOLERANCE,
          "the exit button is left of the support button",
        );
        assert.equal(
          await page.evaluate(
            () => __ew.$(".ew-topbar button[data-ew-action=support]").textContent,
          ),
          "هل تحتاج إلى دعم الآن؟",
          "the clinic's Arabic text",
        );

        // The language switcher: at the inline end, the left edge of the widget.
        const widget = await box(page, ".ew");
        const items = await page.evaluate(() =>
          __ew.$$("nav.ew-languages li").map((li) => {
            const { left, right } = li.getBoundingClientRect();
            return { text: li.textContent, left, right };
          }),
        );
        assert.equal(items.length, 2, "Arabic and English");
        for (const item of items) {
          const fromLeft = item.left - widget.left;
          const fromRight = widget.right - item.right;
          t.diagnostic(
            `"${item.text}": ${fromLeft.toFixed(1)} px from the widget's left, ${fromRight.toFixed(1)} px from its right`,
          );
          assert.ok(fromLeft < fromRight, `"${item.text}" sits at the widget's left`);
        }
        const languages = await switcher(page);
        assert.deepEqual(
          languages.current.map(({ text, lang }) => ({ text, lang })),
          [{ text: "العربية", lang: "ar" }],
        );
        assert.deepEqual(
          languages.buttons.map(({ text, lang }) => ({ text, lang })),
          [{ text: EN.language_name, lang: "en" }],
        );

        // No Arabic for the save button in the settings: it shows in English, set apart with
        // Unicode isolates (U+2068 ... U+2069) so that it reads left to right inside the Arabic.
        assert.equal(
          await page.evaluate(() => __ew.$(".ew-savebar button[data-ew-action=save]").textContent),
          `\u2068${EN.save_on_device}\u2069`,
        );

        await act(page, "start");
        assert.equal(await heading(page), "ما تشعر به");
        assert.equal(await page.evaluate(() => __ew.$(".ew-caption").textContent), "القسم 1 من 2");

        // The scale runs from the right.
        const zero = await box(page, point(0));
        const four = await box(page, point(4));
        t.diagnostic(
          `rtl scale: point 0 at ${zero.center.toFixed(1)} px, point 4 at ${four.center.toFixed(1)} px`,
        );
        assert.ok(zero.left > four.right, "point 0 is right of point 4");

        // The primary button comes first, at the right.
        const next = await box(page, ".ew-screen button[data-ew-action=next]");
        const back = await box(page, ".ew-screen button[data-ew-action=back]");
        t.diagnostic(
          `next ${next.left.toFixed(1)}–${next.right.toFixed(1)} px, back ${back.left.toFixed(1)}–${back.right.toFixed(1)} px`,
        );
        assert.ok(next.left >= back.right - TOLERANCE, "next is right of back");
        assert.equal(
          await page.evaluate(() => __ew.$(".ew-screen button[data-ew-action=back]").textContent),
          "رجوع",
        );

        // The progress bar fills from the right.
        assert.equal(
          await page.evaluate(() => getComputedStyle(__ew.$("progress")).direction),
          "rtl",
        );

        // Choose a point, then switch to English.
        await click(page, point(3));
        assert.equal(await page.evaluate((s) => __ew.$(s).checked, point(3)), true);
        await switchTo(page, EN.language_name, "en");
        assert.deepEqual(await rootLanguage(page), { lang: "en", dir: "ltr" });
        assert.equal(await heading(page), "How you feel");
        assert.equal(
          await page.evaluate(() => __ew.$(".ew-caption").textContent),
          fill(EN.section_of, { number: 1, count: 2 }),
        );
        const ltrZero = await box(page, point(0));
        const ltrFour = await box(page, point(4));
        t.diagnostic(
          `ltr scale: point 0 at ${ltrZero.center.toFixed(1)} px, point 4 at ${ltrFour.center.toFixed(1)} px`,
        );
        assert.ok(ltrZero.right < ltrFour.left, "point 0 is left of point 4");
        const checked = await page.evaluate(() =>
          __ew
            .$$("input[data-ew-role=point]")
            .filter((i) => i.checked)
            .map((i) => i.dataset.ewValue),
        );
        assert.deepEqual(checked, ["3"], "the chosen point stays checked");
        assert.equal(
          await page.evaluate(() => getComputedStyle(__ew.$("progress")).direction),
          "ltr",
        );
        const ltrSupport = await box(page, ".ew-topbar button[data-ew-action=support]");
        const ltrExit = await box(page, ".ew-topbar button[data-ew-action=exit]");
        assert.ok(
          ltrSupport.right <= ltrExit.left + TOLERANCE,
          "in English the exit button is on the right",
        );
        const focus = await focused(page);
        assert.ok(
          focus?.className.includes("ew-language--current") && focus.lang === "en",
          `focus on "English", not ${JSON.stringify(focus)}`,
        );
        assert.deepEqual(errors, [], "no console or page error");
      },
    );

    it(
      "at 320 CSS px wide, nothing scrolls sideways or is cut off, on the intro and the first section",
      { timeout: TEST_TIMEOUT, ...needs("narrow window") },
      async (t) => {
        const { page, errors } = await openPage(t, harness.browser, {
          viewport: { width: 320, height: 640 },
        });
        await page.goto(`${harness.origin}${RTL_PAGE}`);
        await widgetReady(page);
        assert.equal((await rootLanguage(page)).dir, "rtl");

        /**
         * The page's scroll width, and every drawn element of the widget that reaches past either
         * edge of the viewport: in right to left, what overflows goes off the left edge, where
         * the page cannot scroll to it.
         */
        const measure = () =>
          page.evaluate((tolerance) => {
            const width = document.documentElement.clientWidth;
            const outside = [];
            for (const el of __ew.$$("*")) {
              if (
                el.closest(".ew-visually-hidden") ||
                !el.checkVisibility({ visibilityProperty: true })
              )
                continue;
              const rect = el.getBoundingClientRect();
              if (rect.width === 0 && rect.height === 0) continue;
              if (rect.left < -tolerance || rect.right > width + tolerance) {
                const name = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
                outside.push(`${name}: ${rect.left.toFixed(1)}–${rect.right.toFixed(1)} px`);
              }
            }
            return {
              scrollWidth: document.documentElement.scrollWidth,
              clientWidth: width,
              outside,
            };
          }, TOLERANCE);

        for (const screen of ["intro", "first section"]) {
          if (screen === "first section") await act(page, "start");
          const { scrollWidth, clientWidth, outside } = await measure();
          t.diagnostic(`${screen}: scrollWidth ${scrollWidth} px, clientWidth ${clientWidth} px`);
          assert.equal(clientWidth, 320);
          assert.ok(
            scrollWidth <= clientWidth,
            `${screen}: the page scrolls sideways (${scrollWidth} > ${clientWidth} px)`,
          );
          assert.deepEqual(outside, [], `${screen}: elements past the viewport's edges`);
        }
        assert.equal(
          await page.evaluate(() => __ew.$$("input[data-ew-role=point]").length),
          5,
          "the scale is on screen",
        );
        assert.deepEqual(errors, [], "no console or page error");
      },
    );
  });
});
