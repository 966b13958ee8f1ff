// The configuration page's settings, apart from the page: what the form holds, the widget's
// options written from it and read back into it, and the code for a clinic's web page. No DOM
// here, so tests/e2e/configure-settings.test.mjs checks the mapping in Node.

/** The languages the built-in questionnaires have: their names in themselves and in English. */
export const LANGUAGES = [
  { tag: "en", name: "English", english: "English" },
  { tag: "es", name: "Español", english: "Spanish" },
];

/** Quick exit's address when the clinic chooses none (GOV.UK's choice). */
export const NEUTRAL_PAGE = "https://www.bbc.co.uk/weather";

/**
 * The fields of a contact, in the order the widget shows them. Words (`translated`) may be given
 * in each language; numbers and addresses are the same in every language.
 */
export const CONTACT_FIELDS = [
  {
    key: "name",
    label: "Name",
    hint: "Who they are, such as “Riverside duty line”.",
    translated: true,
  },
  { key: "phone", label: "Phone number", type: "tel" },
  { key: "text", label: "Number to text", type: "tel" },
  { key: "web", label: "Web address", type: "url", hint: "Starting with https://" },
  { key: "email", label: "Email address", type: "email" },
  {
    key: "hours",
    label: "Opening hours",
    hint: "Such as “Monday to Friday, 9am to 5pm”.",
    translated: true,
  },
  { key: "note", label: "Note", hint: "Such as “Free, 24 hours”.", translated: true },
];

/** Words with a version per language, empty at first: `{ en: "", es: "" }`. */
export const noWords = () => Object.fromEntries(LANGUAGES.map(({ tag }) => [tag, ""]));

/**
 * Words as the widget reads them: the same text in every language when only the English is
 * given, one text per language when another is given too; `undefined` when there are none.
 */
function writeWords(words) {
  const given = LANGUAGES.map(({ tag }) => [tag, words[tag]?.trim() ?? ""]).filter(
    ([, text]) => text,
  );
  if (given.length === 0) return undefined;
  if (given.length === 1 && given[0][0] === "en") return given[0][1];
  return Object.fromEntries(given);
}

/** Words read back: a text for every language, or one text per language. */
function readWords(value) {
  if (typeof value === "string") return { ...noWords(), en: value };
  const words = noWords();
  if (value !== null && typeof value === "object") {
    for (const tag of Object.keys(words)) {
      if (typeof value[tag] === "string") words[tag] = value[tag];
    }
  }
  return words;
}

/** The settings the form edits; any other in an opened file is kept as it is. */
const EDITED = [
  "built_in",
  "clinic",
  "support",
  "coming_back",
  "quick_exit",
  "saving",
  "ask_before_leaving",
  "spellcheck",
  "events",
  "languages",
  "changes",
  "interface",
];

/** The parts of `changes` the form edits; any other is kept as it is. */
const EDITED_CHANGES = ["hide_sections", "hide_questions", "reword"];

/** What the form holds at first: the widget's defaults. */
export function defaults() {
  return {
    built_in: "full",
    clinic: noWords(),
    support: { intro: noWords(), resources: [] },
    coming_back: { intro: noWords(), resources: [] },
    quick_exit: { url: "", delete_draft: false },
    saving: true,
    ask_before_leaving: false,
    spellcheck: false,
    events: false,
    languages: LANGUAGES.map(({ tag }) => tag),
    hide_sections: [],
    hide_questions: [],
    reword: {},
    interface: {},
    kept: {},
    keptChanges: {},
  };
}

/** A contact with nothing in it yet. */
export const emptyContact = () =>
  Object.fromEntries(
    CONTACT_FIELDS.map(({ key, translated }) => [key, translated ? noWords() : ""]),
  );

/** A text of a questionnaire in `language`: a plain text, or one of a per-language text. */
export const inLanguage = (text, language) =>
  typeof text === "string" ? text : (text?.[language] ?? text?.en ?? "");

/** The question `id` of `questionnaire`. */
export function findQuestion(questionnaire, id) {
  for (const section of questionnaire?.sections ?? []) {
    const question = section.questions.find((question) => question.id === id);
    if (question) return question;
  }
  return undefined;
}

/**
 * The widget's options from what the form holds: only what differs from the defaults.
 * `questionnaires` are the built-in ones by name ("full", "short"), parsed.
 */
export function toOptions(settings, questionnaires) {
  const options = { ...settings.kept };
  if (settings.built_in !== "full") options.built_in = settings.built_in;
  const clinic = writeWords(settings.clinic);
  if (clinic !== undefined) options.clinic = clinic;
  for (const key of ["support", "coming_back"]) {
    const { resources } = settings[key];
    const intro = writeWords(settings[key].intro);
    const given = resources
      .map((contact) =>
        Object.fromEntries(
          CONTACT_FIELDS.map(({ key, translated }) => [
            key,
            translated ? writeWords(contact[key]) : contact[key]?.trim() || undefined,
          ]).filter(([, value]) => value !== undefined),
        ),
      )
      // A contact just added, with nothing in it yet, is not written (nor a problem).
      .filter((contact) => Object.keys(contact).length > 0);
    if (intro !== undefined || given.length) {
      options[key] = {};
      if (intro !== undefined) options[key].intro = intro;
      if (given.length) options[key].resources = given;
    }
  }
  const { url, delete_draft } = settings.quick_exit;
  if (url.trim() || delete_draft) {
    options.quick_exit = {};
    if (url.trim()) options.quick_exit.url = url.trim();
    if (delete_draft) options.quick_exit.delete_draft = true;
  }
  if (!settings.saving) options.saving = false;
  if (settings.ask_before_leaving) options.ask_before_leaving = true;
  if (settings.spellcheck) options.spellcheck = true;
  if (settings.events) options.events = true;
  if (!settings.kept.languages && settings.languages.length !== LANGUAGES.length) {
    options.languages = [...settings.languages];
  }
  const changes = { ...settings.keptChanges };
  if (settings.hide_sections.length) changes.hide_sections = [...settings.hide_sections];
  if (settings.hide_questions.length) changes.hide_questions = [...settings.hide_questions];
  const questionnaire = questionnaires[settings.built_in];
  const reword = {};
  for (const [id, fields] of Object.entries(settings.reword)) {
    const question = findQuestion(questionnaire, id);
    const given = {};
    for (const field of ["text", "hint"]) {
      const texts = fields[field] ?? {};
      if (!LANGUAGES.some(({ tag }) => texts[tag]?.trim())) continue;
      // Each language gets a text: the new one, or the questionnaire's own where none was
      // given, so that a question reworded in English does not show in English to a Spanish
      // reader.
      given[field] = Object.fromEntries(
        LANGUAGES.map(({ tag }) => [tag, texts[tag]?.trim() || inLanguage(question?.[field], tag)]),
      );
    }
    // The short label in the summary is not edited here: it is kept as it was.
    if (fields.summary !== undefined) given.summary = fields.summary;
    if (Object.keys(given).length) reword[id] = given;
  }
  if (Object.keys(reword).length) changes.reword = reword;
  if (Object.keys(changes).length) options.changes = changes;
  // The widget's own words, per language: the ones given, and any plural forms or other
  // languages an opened file had, as they were.
  const words = {};
  for (const [tag, entries] of Object.entries(settings.interface)) {
    const given = Object.entries(entries)
      .map(([key, value]) => [key, typeof value === "string" ? value.trim() : value])
      .filter(([, value]) => value !== "");
    if (given.length) words[tag] = Object.fromEntries(given);
  }
  if (Object.keys(words).length) options.interface = words;
  return options;
}

/**
 * Offers the built-in language `tag`, or not: the list the person ticks replaces a list kept
 * from an opened file (`fromOptions`).
 */
export function offerLanguage(settings, tag, offered) {
  settings.languages = LANGUAGES.map((language) => language.tag).filter((each) =>
    each === tag ? offered : settings.languages.includes(each),
  );
  delete settings.kept.languages;
}

/**
 * What the form holds for the widget's `options` (an object): the inverse of `toOptions`.
 * Settings the form does not edit are kept as they are; `kept` lists their names.
 */
export function fromOptions(options, questionnaires) {
  const settings = defaults();
  const text = (value) => (typeof value === "string" ? value : "");
  settings.built_in = options.built_in === "short" ? "short" : "full";
  settings.clinic = readWords(options.clinic);
  for (const key of ["support", "coming_back"]) {
    settings[key].intro = readWords(options[key]?.intro);
    const resources = Array.isArray(options[key]?.resources) ? options[key].resources : [];
    settings[key].resources = resources.map((contact) =>
      Object.fromEntries(
        CONTACT_FIELDS.map(({ key, translated }) => [
          key,
          translated ? readWords(contact?.[key]) : text(contact?.[key]),
        ]),
      ),
    );
  }
  settings.quick_exit.url = text(options.quick_exit?.url);
  settings.quick_exit.delete_draft = options.quick_exit?.delete_draft === true;
  settings.saving = options.saving !== false;
  settings.ask_before_leaving = options.ask_before_leaving === true;
  settings.spellcheck = options.spellcheck === true;
  settings.events = options.events === true;
  if (Array.isArray(options.languages)) {
    const known = LANGUAGES.map(({ tag }) => tag);
    settings.languages = known.filter((tag) => options.languages.includes(tag));
    // A language the built-in reflections have no text in cannot be ticked here: the list is kept
    // as it was, for the check to say what is wrong, until the person ticks the languages again.
    if (options.languages.some((tag) => !known.includes(tag))) {
      settings.kept.languages = options.languages;
    }
  }
  const changes = options.changes ?? {};
  const ids = (list) => (Array.isArray(list) ? list.filter((id) => typeof id === "string") : []);
  settings.hide_sections = ids(changes.hide_sections);
  settings.hide_questions = ids(changes.hide_questions);
  const questionnaire = questionnaires[settings.built_in];
  for (const [id, fields] of Object.entries(changes.reword ?? {})) {
    const question = findQuestion(questionnaire, id);
    settings.reword[id] = {};
    if (fields?.summary !== undefined) settings.reword[id].summary = fields.summary;
    for (const field of ["text", "hint"]) {
      const given = fields?.[field];
      if (given === undefined) continue;
      settings.reword[id][field] = Object.fromEntries(
        LANGUAGES.map(({ tag }) => {
          // Text written once applies to the questionnaire's own language, English.
          const value = typeof given === "string" ? (tag === "en" ? given : "") : text(given[tag]);
          // The questionnaire's own text, written out by this page, is not a change.
          return [tag, value === inLanguage(question?.[field], tag) ? "" : value];
        }),
      );
    }
  }
  for (const [key, value] of Object.entries(changes)) {
    if (!EDITED_CHANGES.includes(key)) settings.keptChanges[key] = value;
  }
  const words = options.interface;
  if (words !== null && typeof words === "object" && !Array.isArray(words)) {
    for (const [tag, entries] of Object.entries(words)) {
      if (entries !== null && typeof entries === "object") settings.interface[tag] = { ...entries };
    }
  } else if (words !== undefined) {
    // Not words by language: kept as it was, for the check to say what is wrong.
    settings.kept.interface = words;
  }
  for (const [key, value] of Object.entries(options)) {
    if (!EDITED.includes(key)) settings.kept[key] = value;
  }
  return settings;
}

/** The names of the settings kept as they are, for the person to be told. */
export const keptNames = (settings) => [
  ...Object.keys(settings.kept),
  ...Object.keys(settings.keptChanges).map((key) => `changes.${key}`),
];

/** The code for the clinic's web page: the loader and the element with the settings. */
export function snippet(options) {
  // `</` would end the <script> element early, even inside a JSON string.
  const json = JSON.stringify(options, null, 2).replaceAll("</", "<\\/");
  return `<script type="module" src="/ending-well/ending-well.js"></script>
<ending-well><script type="application/json">
${json}
</script></ending-well>
`;
}

/**
 * The settings in `text`: a settings file, or the code of a page (the JSON inside
 * `<script type="application/json">`). `null` when it holds no settings.
 */
export function readSettings(text) {
  const inScript = text.match(/<script type="application\/json">([\s\S]*?)<\/script>/);
  let options;
  try {
    options = JSON.parse(inScript ? inScript[1] : text);
  } catch {
    return null;
  }
  return options !== null && typeof options === "object" && !Array.isArray(options)
    ? options
    : null;
}
