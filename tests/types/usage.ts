// The JavaScript API used the way the docs and the examples in www/examples/ use it, checked
// against ending-well.d.ts by `tsc -p tests/types` (in `npm test`). Nothing here runs: if the
// declared types stop fitting a documented use, this file stops compiling.
//
// The package is imported by its name, as an embedder's TypeScript would: package.json's
// "exports" leads to ending-well.d.ts.
import {
  mount,
  EndingWellElement,
  type Condition,
  type EndingWellOptions,
  type EndingWellWidget,
  type Question,
  type QuestionKind,
  type Questionnaire,
  type SectionChangeDetail,
} from "ending-well";

/** Fails to compile unless `A` and `B` are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(proof: Same<A, B>) => proof;

// docs/embedding.md, "Configuration" and "Mounting from JavaScript": `mount` with the settings as an object, a questionnaire of the clinic's
// own given as an object or as the text of a questionnaire file; it returns `{ destroy }`.
const element = document.querySelector<HTMLElement>("#reflection")!;

const myQuestionnaire: Questionnaire = {
  id: "mount-example",
  language: "en",
  title: "A short reflection",
  intro: ["Two short sections, to show the events. Every question is optional."],
  minutes: 5,
  sections: [
    {
      id: "first",
      title: { en: "Looking back", es: "Mirando atrás" },
      intro: "A paragraph under the heading.",
      questions: [
        { id: "helped", kind: "long_text", text: "What helped you most?", hint: "Take your time." },
        {
          id: "who-decided",
          kind: "single_choice",
          text: "Who decided to end?",
          options: [
            { id: "me", label: "I did" },
            { id: "therapist", label: { en: "My therapist", ar: "المعالج" } },
          ],
          not_sure: true,
          prefer_not_to_say: true,
        },
        {
          id: "feelings",
          kind: "multiple_choice",
          text: "How do you feel?",
          options: [{ id: "sadness", label: "Sadness" }],
          other: "Something else",
          not_sure: true,
        },
        {
          id: "how-hard-now",
          kind: "scale",
          text: "How hard is it now?",
          min: 0,
          max: 10,
          min_label: "Not at all",
          max_label: "Very hard",
          show_if: { answered: "helped" },
        },
        {
          id: "keep",
          kind: "short_text",
          text: "What will you keep doing?",
          summary: { en: "What I will keep doing", es: "Lo que seguiré haciendo" },
          private: false,
        },
        { id: "about", kind: "info", text: "The next questions are about what comes after." },
        { id: "note-therapist", kind: "note", text: "A note to your therapist", for: "therapist" },
        { id: "note-future", kind: "note", text: "A note to yourself", for: "future_self" },
        {
          id: "note-next",
          kind: "note",
          text: "A note to your next therapist",
          for: "next_therapist",
        },
      ],
    },
  ],
  last_session: ["how-hard-now"],
  plan: { early_signs: ["keep"], keep_practising: ["helped"], who_can_help: [], after_setback: [] },
  notes: {
    helped: ["helped"],
    proud: [],
    keep_doing: ["keep"],
    to_say: [],
    next_therapist: [],
    grateful_when: { answered: "helped" },
  },
  safety_when: { equals: { question: "how-hard-now", value: 10 } },
  support_when: {
    any: [
      { equals: { question: "how-hard-now", value: 9 } },
      { equals: { question: "who-decided", value: "therapist" } },
      {
        all: [
          { includes: { question: "feelings", value: "sadness" } },
          { not: { answered: "keep" } },
        ],
      },
    ],
  },
};

const widget: EndingWellWidget = mount(element, {
  clinic: "Riverside Counselling",
  questionnaire: myQuestionnaire,
  coming_back: {
    intro: "You can come back within a year.",
    resources: [{ name: "Reception", phone: "01632 960 000" }],
  },
});
const fromText = mount(element, {
  clinic: "Riverside Counselling",
  questionnaire: JSON.stringify(myQuestionnaire),
});
const destroyed: void = widget.destroy();
fromText.destroy();

// docs/embedding.md, "Clinic settings": every documented field, text written once or per language.
const settings: EndingWellOptions = {
  clinic: { en: "Río Claro Clinic", es: "Clínica Río Claro" },
  support: {
    intro: "You can reach us or these services, any time.",
    resources: [
      {
        name: "Riverside duty line",
        phone: "+44 20 7946 0123",
        hours: "Monday to Friday, 9am to 5pm",
      },
      {
        name: { en: "Crisis text line", es: "Línea de texto" },
        text: "07700 900124",
        web: "https://example.org/help",
        email: "help@example.org",
        note: "Free, 24 hours",
      },
    ],
  },
  quick_exit: { url: "https://www.bbc.co.uk/weather", delete_draft: false },
  saving: true,
  ask_before_leaving: false,
  spellcheck: false,
  events: true,
  changes: {
    hide_sections: ["relationship"],
    hide_questions: ["goals"],
    reword: { "proud-of": { text: "What are you proud of?", hint: "Big or small." } },
  },
  languages: ["es"],
  interface: {
    es: { start: "Comenzar" },
    ar: { start: "ابدأ", answered_of: { other: "الإجابات: {answered} من {total}" } },
  },
};
mount(element, settings);
mount(element, { quick_exit: { url: "/" } });

// The same options as JSON text, as the examples' <script type="application/json"> hold them,
// and no options at all: the built-in questionnaire.
mount(element, JSON.stringify(settings)).destroy();
mount(document.createElement("div")).destroy();

// www/examples/mount-destroy.js: a widget kept while mounted, and null after destroy().
let kept: EndingWellWidget | null = null;
kept = mount(element, {
  questionnaire: myQuestionnaire,
  clinic: "Riverside Counselling",
  saving: false,
});
kept?.destroy();
kept = null;

// The <ending-well> element: what the page finds and makes is an EndingWellElement.
const found: EndingWellElement | null = document.querySelector("ending-well");
found?.connectedCallback();
const made = document.createElement("ending-well");
same<typeof made, EndingWellElement>(true);
made.disconnectedCallback();
const isElement: HTMLElement = new EndingWellElement();

// docs/embedding.md, "Events": the events, on the element the page placed and where they bubble to.
for (const target of [made, element]) {
  target.addEventListener("ending-well:ready", (event) => {
    same<typeof event.detail, null>(true);
  });
  target.addEventListener("ending-well:section-change", (event) => {
    same<typeof event.detail, SectionChangeDetail>(true);
    const where: string = `section ${event.detail.index + 1} of ${event.detail.count}`;
    return where;
  });
  target.addEventListener("ending-well:complete", (event) => {
    same<typeof event.detail, null>(true);
  });
}
document.addEventListener("ending-well:section-change", (event) => {
  console.log(`section ${event.detail.index + 1} of ${event.detail.count}`);
});
window.addEventListener("ending-well:complete", (event) => {
  same<typeof event.detail, null>(true);
});
// The events carry no answer: a section change says where, and nothing else.
same<keyof SectionChangeDetail, "index" | "count">(true);

// Every kind of question docs/authoring.md names, and nothing else.
same<
  QuestionKind,
  "single_choice" | "multiple_choice" | "scale" | "short_text" | "long_text" | "info" | "note"
>(true);
const anyQuestion: Question = myQuestionnaire.sections[0].questions[0];
const anyCondition: Condition | undefined = myQuestionnaire.support_when;

// Mistakes the types must refuse.
// @ts-expect-error: the element is required.
mount();
// @ts-expect-error: a misspelt field.
mount(element, { clinc: "Riverside Counselling" });
// @ts-expect-error: a question kind that does not exist.
const wrongKind: Question = { id: "x", kind: "essay", text: "Write" };
// @ts-expect-error: quick exit needs its url.
mount(element, { quick_exit: { delete_draft: true } });
// @ts-expect-error: a plural text needs its `other` form.
mount(element, { interface: { es: { answered_of: { one: "una" } } } });
// @ts-expect-error: a support contact needs its name.
mount(element, { support: { resources: [{ phone: "0161 496 0100" }] } });

export { anyCondition, anyQuestion, destroyed, isElement, same, wrongKind };
