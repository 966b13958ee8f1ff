// The configuration page's mapping between its form and the widget's options
// (www/configure/settings.js), in Node: what the form writes, that reading it back gives the same
// form, that nothing in an opened file is lost, and that the code for a page survives a
// `</script>` in a text. No browser needed.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/configure-settings.test.mjs
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  defaults,
  emptyContact,
  fromOptions,
  keptNames,
  offerLanguage,
  readSettings,
  snippet,
  toOptions,
} from "../../www/configure/settings.js";

const read = (name) =>
  JSON.parse(readFileSync(new URL(`../../questionnaires/${name}`, import.meta.url), "utf8"));
const QUESTIONNAIRES = {
  full: read("ending-therapy.json"),
  short: read("ending-therapy-short.json"),
};

/** A form filled in the way a practice manager would. */
function filled() {
  const settings = defaults();
  settings.clinic = { en: "Riverside Counselling", es: "" };
  settings.support.intro = { en: "You can reach us any time.", es: "Puedes contactarnos siempre." };
  settings.support.resources = [
    {
      ...emptyContact(),
      name: { en: "Riverside duty line", es: "" },
      phone: "+44 20 7946 0018",
    },
    {
      ...emptyContact(),
      name: { en: "Evening text line", es: "" },
      text: "07700 900123",
      hours: { en: "6pm to 11pm", es: "De 18 a 23 h" },
    },
  ];
  settings.quick_exit = { url: "https://www.example.org/news", delete_draft: true };
  settings.saving = false;
  settings.events = true;
  settings.interface = { en: { start: "Begin" }, es: { start: "Comenzar" } };
  settings.hide_sections = ["looking-back"];
  settings.hide_questions = ["goals", "my-choice-feelings"];
  settings.reword = {
    "who-decided": {
      text: {
        en: "Whose decision was it to finish?",
        es: "¿De quién fue la decisión de terminar?",
      },
    },
  };
  return settings;
}

describe("The configuration page's settings", () => {
  it("writes nothing for a form left as it is: the widget's defaults", () => {
    assert.deepEqual(toOptions(defaults(), QUESTIONNAIRES), {});
  });

  it("writes what the form holds, in the widget's format", () => {
    assert.deepEqual(toOptions(filled(), QUESTIONNAIRES), {
      clinic: "Riverside Counselling",
      support: {
        intro: { en: "You can reach us any time.", es: "Puedes contactarnos siempre." },
        resources: [
          { name: "Riverside duty line", phone: "+44 20 7946 0018" },
          {
            name: "Evening text line",
            text: "07700 900123",
            hours: { en: "6pm to 11pm", es: "De 18 a 23 h" },
          },
        ],
      },
      quick_exit: { url: "https://www.example.org/news", delete_draft: true },
      saving: false,
      events: true,
      interface: { en: { start: "Begin" }, es: { start: "Comenzar" } },
      changes: {
        hide_sections: ["looking-back"],
        hide_questions: ["goals", "my-choice-feelings"],
        reword: {
          "who-decided": {
            text: {
              en: "Whose decision was it to finish?",
              es: "¿De quién fue la decisión de terminar?",
            },
          },
        },
      },
    });
  });

  it("reads its own output back into the same form", () => {
    const settings = filled();
    assert.deepEqual(fromOptions(toOptions(settings, QUESTIONNAIRES), QUESTIONNAIRES), settings);
  });

  it("gives a question reworded in one language the questionnaire's own words in the other", () => {
    const settings = defaults();
    settings.reword = { "who-decided": { text: { en: "Whose decision was it?", es: "" } } };
    const question = QUESTIONNAIRES.full.sections[0].questions[0];
    assert.deepEqual(toOptions(settings, QUESTIONNAIRES).changes.reword["who-decided"].text, {
      en: "Whose decision was it?",
      es: question.text.es,
    });
    // Read back, the Spanish is the questionnaire's own again: not a change to edit.
    const back = fromOptions(toOptions(settings, QUESTIONNAIRES), QUESTIONNAIRES);
    assert.deepEqual(back.reword["who-decided"].text, { en: "Whose decision was it?", es: "" });
  });

  it("does not write a contact just added, nor words emptied again", () => {
    const settings = defaults();
    settings.support.resources = [emptyContact()];
    settings.interface = { en: { start: "" } };
    assert.deepEqual(toOptions(settings, QUESTIONNAIRES), {});
  });

  it("keeps settings the form does not edit, and says which", () => {
    const options = {
      clinic: "Riverside Counselling",
      interface: { en: { start: "Begin" }, fr: { start: "Commencer" } },
      ask: "a setting of a later version",
      changes: { hide_questions: ["goals"], reword: { goals: { summary: "Goals" } } },
    };
    const settings = fromOptions(options, QUESTIONNAIRES);
    assert.deepEqual(keptNames(settings), ["ask"]);
    assert.deepEqual(toOptions(settings, QUESTIONNAIRES), options);
  });

  it("keeps a language it cannot offer as it was, until the languages are ticked again", () => {
    const options = { languages: ["en", "fr"] };
    const settings = fromOptions(options, QUESTIONNAIRES);
    assert.deepEqual(settings.languages, ["en"], "English is ticked");
    assert.deepEqual(keptNames(settings), ["languages"], "and the person is told");
    assert.deepEqual(toOptions(settings, QUESTIONNAIRES), options, "nothing is lost");
    // Ticking the languages again replaces the list with what is ticked.
    offerLanguage(settings, "es", false);
    assert.deepEqual(toOptions(settings, QUESTIONNAIRES), { languages: ["en"] });
  });

  it("writes code for a page that a </script> in a text cannot break, and reads it back", () => {
    const options = { clinic: "Riverside </script><script>alert(1)</script>" };
    const code = snippet(options);
    assert.equal(code.match(/<\/script>/g).length, 2, "only the two elements' own ends");
    assert.ok(code.startsWith('<script type="module" src="/ending-well/ending-well.js"></script>'));
    assert.deepEqual(readSettings(code), options);
    assert.deepEqual(readSettings(JSON.stringify(options)), options);
    assert.equal(readSettings("not settings"), null);
    assert.equal(readSettings("[1, 2]"), null);
  });
});
