// The configuration page: a form for clinic staff that writes the widget's settings, checks each
// change with the widget's own reader (the WebAssembly module's `check`), shows every problem
// next to its field, previews the real widget, and gives the code for the clinic's web page and
// the settings as a file. Nothing is sent anywhere or stored: the settings live in this page
// until they are downloaded. Every word from a person is set as text, never as HTML.
import {
  initSync,
  add_language as addLanguage,
  check,
  built_in_questionnaire as builtInQuestionnaire,
  interface_words as interfaceWordsIn,
} from "../pkg/ending_well.js";
import { wasmModule } from "../pkg/ending_well_bytes.js";
import spanish from "../pkg/ending_well_es.js";
import {
  CONTACT_FIELDS,
  LANGUAGES,
  NEUTRAL_PAGE,
  defaults,
  emptyContact,
  fromOptions,
  inLanguage,
  keptNames,
  offerLanguage,
  readSettings,
  snippet,
  toOptions,
} from "./settings.js";

initSync({ module: await wasmModule() });
// The Spanish ships apart from the module; the page offers it, so it takes it at once.
addLanguage(spanish);

/** The widget's own words in each built-in language, by key, parsed. */
const interfaceWords = Object.fromEntries(
  LANGUAGES.map(({ tag }) => [tag, JSON.parse(interfaceWordsIn(tag) || "{}")]),
);

/** The built-in questionnaires, whose sections and questions the form offers, parsed. */
const questionnaires = {
  full: JSON.parse(builtInQuestionnaire("full")),
  short: JSON.parse(builtInQuestionnaire("short")),
};

const form = document.querySelector("#settings");
const preview = document.querySelector("[data-role=preview]");
const previewFrame = document.querySelector("[data-role=preview-frame]");

/** The settings that are on or off, under "Saving and privacy". */
const SWITCHES = [
  {
    key: "saving",
    label: "Offer “Save my answers on this device”",
    hint: "Saved answers are locked with a passphrase the client chooses.",
  },
  {
    key: "ask_before_leaving",
    label: "Ask before a tab with unsaved answers is closed",
    hint: "Off by default: the question can hold a client who needs to close the tab quickly.",
  },
  {
    key: "spellcheck",
    label: "Let the browser check the spelling of answers",
    hint: "Off by default: some browsers send what is typed to a spelling service.",
  },
  {
    key: "events",
    label: "Tell the web page where the client is in the reflection",
    hint: "For your web developer: events with the section and counts, never an answer. Off by default.",
  },
];

/** What the form holds (settings.js). */
let state = defaults();

// Building the form. Every field carries the path the widget's reader gives its problems
// (data-path), so that a problem is shown next to it.

let nextId = 0;
const uid = (name) => `f${++nextId}-${name}`;

function make(name, attributes = {}, text) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue;
    if (key === "className") element.className = value;
    else element.setAttribute(key, value === true ? "" : value);
  }
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A labelled text field, with a hint and a place for its error, GOV.UK's form group. */
function textField({
  label,
  hint,
  path,
  value,
  onInput,
  type = "text",
  multiline = false,
  lang,
  setting = true,
}) {
  const id = uid("field");
  const group = make("div", { className: "form-group", "data-path": path });
  group.append(make("label", { className: "label", for: id }, label));
  const described = [];
  if (hint) {
    const hintId = `${id}-hint`;
    group.append(make("p", { className: "hint", id: hintId }, hint));
    described.push(hintId);
  }
  group.append(make("p", { className: "error-message", id: `${id}-error`, hidden: true }));
  const input = make(multiline ? "textarea" : "input", {
    className: multiline ? "textarea" : "input",
    id,
    type: multiline ? undefined : type,
    rows: multiline ? 3 : undefined,
    lang,
    spellcheck: "false",
    autocomplete: "off",
    "aria-describedby": described.join(" ") || undefined,
    "data-hint-ids": described.join(" "),
  });
  input.value = value ?? "";
  input.addEventListener("input", () => {
    onInput(input.value);
    // Only a setting's field changes the settings: the paste box waits for its button.
    if (setting) changed();
  });
  group.append(input);
  return group;
}

/**
 * Words a client reads, in English and, if the clinic gives it, in Spanish: two fields. Without
 * the Spanish, Spanish readers see the English.
 */
function wordsFields({ label, hint, path, words, multiline = false }) {
  return LANGUAGES.map(({ tag, english }) =>
    textField({
      label: tag === "en" ? label : `${label} in ${english}`,
      hint:
        tag === "en"
          ? hint
          : `Optional. Leave it empty to show the English to ${english} readers too.`,
      path: tag === "en" ? path : `${path}.${tag}`,
      value: words[tag],
      multiline,
      lang: tag,
      onInput: (value) => {
        words[tag] = value;
      },
    }),
  );
}

/** A checkbox with its label and an optional hint. */
function checkbox({ label, hint, path, checked, onChange, context }) {
  const id = uid("check");
  const item = make("div", { className: "checkbox", "data-path": path });
  const input = make("input", { type: "checkbox", id, checked });
  input.checked = Boolean(checked);
  input.addEventListener("change", () => {
    onChange(input.checked);
    changed();
  });
  const labelElement = make("label", { for: id }, label);
  // Words a screen reader's list of fields needs, which the eye gets from around the box.
  if (context) labelElement.append(make("span", { className: "visually-hidden" }, context));
  item.append(input, labelElement);
  if (hint) {
    const hintId = `${id}-hint`;
    item.append(make("p", { className: "hint", id: hintId }, hint));
    input.setAttribute("aria-describedby", hintId);
  }
  item.append(make("p", { className: "error-message", id: `${id}-error`, hidden: true }));
  return item;
}

/** A fieldset with a legend as its heading. */
function fieldset(legend, path, ...children) {
  const set = make("fieldset", { className: "fieldset", "data-path": path });
  set.append(make("legend", { className: "legend" }, legend));
  set.append(make("p", { className: "error-message", hidden: true }));
  set.append(...children);
  return set;
}

function button(text, className, onClick, attributes = {}) {
  const element = make("button", { type: "button", className, ...attributes }, text);
  element.addEventListener("click", onClick);
  return element;
}

/** The list of contacts under `key` ("support" or "coming_back"), with add, remove and move. */
function contactsList(key, what) {
  const list = make("div", { className: "contacts" });
  const contacts = state[key].resources;
  const redraw = (focus) => {
    list.replaceChildren(...contacts.map((contact, index) => contactFields(index)), addButton);
    if (focus) focus();
    changed();
  };
  const contactFields = (index) => {
    const contact = contacts[index];
    const path = `options.${key}.resources[${index}]`;
    const set = fieldset(
      `${what} ${index + 1}`,
      path,
      ...CONTACT_FIELDS.flatMap((field) =>
        field.translated
          ? wordsFields({ ...field, path: `${path}.${field.key}`, words: contact[field.key] })
          : [
              textField({
                ...field,
                path: `${path}.${field.key}`,
                value: contact[field.key],
                onInput: (value) => {
                  contact[field.key] = value;
                },
              }),
            ],
      ),
    );
    const actions = make("div", { className: "button-group" });
    const name = (text) => `${text} (${what.toLowerCase()} ${index + 1})`;
    if (index > 0) {
      actions.append(
        button(
          "Move up",
          "button button--secondary",
          () => {
            contacts.splice(index - 1, 0, ...contacts.splice(index, 1));
            redraw(() =>
              list.querySelectorAll("fieldset")[index - 1].querySelector("input").focus(),
            );
          },
          { "aria-label": name("Move up") },
        ),
      );
    }
    if (index < contacts.length - 1) {
      actions.append(
        button(
          "Move down",
          "button button--secondary",
          () => {
            contacts.splice(index + 1, 0, ...contacts.splice(index, 1));
            redraw(() =>
              list.querySelectorAll("fieldset")[index + 1].querySelector("input").focus(),
            );
          },
          { "aria-label": name("Move down") },
        ),
      );
    }
    actions.append(
      button(
        "Remove",
        "button button--warning",
        () => {
          contacts.splice(index, 1);
          redraw(() => addButton.focus());
        },
        { "aria-label": name("Remove") },
      ),
    );
    set.append(actions);
    return set;
  };
  const addButton = button(`Add a ${what.toLowerCase()}`, "button button--secondary", () => {
    contacts.push(emptyContact());
    redraw(() =>
      list.querySelectorAll("fieldset")[contacts.length - 1].querySelector("input").focus(),
    );
  });
  list.append(...contacts.map((contact, index) => contactFields(index)), addButton);
  return list;
}

/** The sections and questions of the chosen built-in questionnaire: leave out, or reword. */
function questionsPart() {
  const part = make("div", { className: "questions" });
  // Problems with hidden sections and questions come only from an opened file (the form offers
  // only what the questionnaire has): they are shown here.
  part.append(make("p", { className: "error-message", hidden: true }));
  const questionnaire = questionnaires[state.built_in];
  for (const section of questionnaire.sections) {
    const title = inLanguage(section.title, "en");
    const set = fieldset(title, undefined);
    set.append(
      checkbox({
        label: `Include the section “${title}”`,
        path: undefined,
        checked: !state.hide_sections.includes(section.id),
        onChange: (included) => {
          state.hide_sections = state.hide_sections.filter((id) => id !== section.id);
          if (!included) state.hide_sections.push(section.id);
        },
      }),
    );
    for (const question of section.questions) {
      const text = inLanguage(question.text, "en");
      const details = make("details", { className: "question", "data-question": question.id });
      details.append(make("summary", {}, text));
      details.append(
        checkbox({
          label: "Include this question",
          context: `: “${text}”`,
          hint: "Follow-up questions that depend on it are left out with it.",
          path: undefined,
          checked: !state.hide_questions.includes(question.id),
          onChange: (included) => {
            state.hide_questions = state.hide_questions.filter((id) => id !== question.id);
            if (!included) state.hide_questions.push(question.id);
          },
        }),
      );
      for (const field of ["text", "hint"]) {
        for (const { tag, english } of LANGUAGES) {
          const current = state.reword[question.id]?.[field]?.[tag] ?? "";
          const original = inLanguage(question[field], tag);
          if (field === "hint" && !original && !current) continue;
          details.append(
            textField({
              label: `${field === "text" ? "New wording" : "New hint"} in ${english}`,
              hint: original
                ? `Now: “${original}”. Leave empty to keep it.`
                : "Leave empty for none.",
              path: `options.changes.reword.${question.id}.${field}.${tag}`,
              value: current,
              lang: tag,
              onInput: (value) => {
                state.reword[question.id] ??= {};
                state.reword[question.id][field] ??= {};
                state.reword[question.id][field][tag] = value;
              },
            }),
          );
        }
      }
      set.append(details);
    }
    part.append(set);
  }
  return part;
}

/** The whole form, from `state`. */
function drawForm() {
  const languages = LANGUAGES.map(({ tag, name }) =>
    checkbox({
      label: name,
      path: undefined,
      checked: state.languages.includes(tag),
      onChange: (offered) => offerLanguage(state, tag, offered),
    }),
  );
  const builtIn = make("div", { className: "radios" });
  for (const [value, label, hint] of [
    ["full", "The full reflection", "11 sections, about 20 minutes."],
    ["short", "The short reflection", "Eight questions and the notes, about 5 minutes."],
  ]) {
    const id = uid("built-in");
    const item = make("div", { className: "radio" });
    const input = make("input", { type: "radio", name: "built_in", id, value });
    input.checked = state.built_in === value;
    input.addEventListener("change", () => {
      state.built_in = value;
      // Changes to sections and questions the other reflection does not have are dropped, and
      // the person is told how many; the rest stay.
      const chosen = questionnaires[value];
      const sections = new Set(chosen.sections.map((section) => section.id));
      const questionIds = new Set(
        chosen.sections.flatMap((section) => section.questions.map((question) => question.id)),
      );
      const before = state.hide_sections.length + state.hide_questions.length;
      const reworded = Object.keys(state.reword).length;
      state.hide_sections = state.hide_sections.filter((id) => sections.has(id));
      state.hide_questions = state.hide_questions.filter((id) => questionIds.has(id));
      state.reword = Object.fromEntries(
        Object.entries(state.reword).filter(([id]) => questionIds.has(id)),
      );
      const dropped =
        before +
        reworded -
        state.hide_sections.length -
        state.hide_questions.length -
        Object.keys(state.reword).length;
      const questions = form.querySelector("[data-role=questions]");
      questions.replaceChildren(questionsPart());
      changed();
      form.querySelector("[data-role=status]").textContent =
        dropped === 0
          ? ""
          : `${dropped} ${dropped === 1 ? "change" : "changes"} to questions that this reflection does not have ${dropped === 1 ? "was" : "were"} removed.`;
    });
    item.append(input, make("label", { for: id }, label), make("p", { className: "hint" }, hint));
    builtIn.append(item);
  }
  const questions = make("div", { "data-role": "questions", "data-path": "options.changes" });
  questions.append(questionsPart());

  form.replaceChildren(
    make("div", {
      className: "error-summary",
      "data-role": "summary",
      tabindex: "-1",
      hidden: true,
    }),
    make("h2", {}, "Your clinic"),
    ...wordsFields({
      label: "Your clinic's name",
      hint: "Shown above the reflection's title and at the top of what clients print.",
      path: "options.clinic",
      words: state.clinic,
    }),
    make("h2", {}, "Support contacts"),
    make(
      "p",
      { className: "hint" },
      "Shown by “Need support now?” on every screen, and when a client says they are struggling. Without any, clients see general advice instead.",
    ),
    make("p", { className: "warning", "data-role": "warnings", hidden: true }),
    ...wordsFields({
      label: "A few words before the contacts",
      hint: "Such as “You can reach us or these services, any time.”",
      path: "options.support.intro",
      words: state.support.intro,
      multiline: true,
    }),
    contactsList("support", "Contact"),
    make("h2", {}, "Coming back after therapy"),
    make(
      "p",
      { className: "hint" },
      "How a client can come back after their last session, for the plan they keep.",
    ),
    ...wordsFields({
      label: "A few words about coming back",
      hint: "Such as “You can come back within a year without a new referral.”",
      path: "options.coming_back.intro",
      words: state.coming_back.intro,
      multiline: true,
    }),
    contactsList("coming_back", "Way back"),
    make("h2", {}, "Leaving quickly"),
    textField({
      label: "Where “Leave this page” goes",
      hint: `A neutral page, starting with https://, or a page on your own site such as /news. Leave empty for ${NEUTRAL_PAGE}.`,
      path: "options.quick_exit.url",
      value: state.quick_exit.url,
      type: "url",
      onInput: (value) => {
        state.quick_exit.url = value;
      },
    }),
    checkbox({
      label: "Also delete answers the client saved on the device",
      hint: "By default they stay, locked with the client's passphrase.",
      path: "options.quick_exit.delete_draft",
      checked: state.quick_exit.delete_draft,
      onChange: (checked) => {
        state.quick_exit.delete_draft = checked;
      },
    }),
    make("h2", {}, "Saving and privacy"),
    ...SWITCHES.map(({ key, label, hint }) =>
      checkbox({
        label,
        hint,
        path: `options.${key}`,
        checked: state[key],
        onChange: (checked) => {
          state[key] = checked;
        },
      }),
    ),
    make("h2", {}, "Languages"),
    fieldset("Languages offered", "options.languages", ...languages),
    make("h2", {}, "Questions"),
    fieldset("Which reflection", "options.built_in", builtIn),
    make(
      "p",
      { className: "hint" },
      "Open a question to leave it out or change its words. Leave a wording empty to keep the reflection's own.",
    ),
    questions,
    make("h2", {}, "The reflection's own words"),
    make(
      "p",
      { className: "hint" },
      "Change any of the reflection's own words: its buttons, messages and headings. Words in {curly brackets} are filled in by the reflection: keep them as they are.",
    ),
    wordsPart(),
    outputPart(),
  );
}

/**
 * The widget's own words, one entry per text, each with a field per language: drawn when the
 * entry is first opened (there are nearly two hundred), and found by what they say.
 */
function wordsPart() {
  const part = make("div", { className: "words", "data-path": "options.interface" });
  part.append(make("p", { className: "error-message", hidden: true }));
  const searchId = uid("find");
  const find = make("div", { className: "form-group" });
  const search = make("input", {
    className: "input",
    id: searchId,
    type: "search",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": `${searchId}-hint`,
  });
  find.append(
    make("label", { className: "label", for: searchId }, "Find words"),
    make("p", { className: "hint", id: `${searchId}-hint` }, "Such as “Start” or “Leave”."),
    search,
  );
  const list = make("div");
  const texts = Object.entries(interfaceWords.en).filter(([, text]) => typeof text === "string");
  for (const [key, english] of texts) {
    const details = make("details", { className: "question", "data-key": key });
    details.append(make("summary", {}, english));
    let drawn = false;
    details.render = () => {
      if (drawn) return;
      drawn = true;
      for (const { tag, english: language } of LANGUAGES) {
        const given = state.interface[tag]?.[key];
        details.append(
          textField({
            label: `New words in ${language}`,
            hint: `Now: “${interfaceWords[tag]?.[key] ?? ""}”. Leave empty to keep it.`,
            path: `options.interface.${tag}.${key}`,
            value: typeof given === "string" ? given : "",
            lang: tag,
            onInput: (value) => {
              state.interface[tag] ??= {};
              state.interface[tag][key] = value;
            },
          }),
        );
      }
    };
    details.addEventListener("toggle", () => details.open && details.render());
    list.append(details);
  }
  search.addEventListener("input", () => {
    const query = search.value.trim().toLowerCase();
    for (const details of list.children) {
      const key = details.dataset.key;
      const said = LANGUAGES.map(({ tag }) => interfaceWords[tag]?.[key] ?? "").join(" ");
      details.hidden = query !== "" && !said.toLowerCase().includes(query);
    }
  });
  part.append(find, list);
  return part;
}

// What the person takes away: the code for the page and the settings file; reading one back.

function outputPart() {
  const part = make("section", { className: "output", "aria-labelledby": "output-heading" });
  part.append(
    make("h2", { id: "output-heading" }, "Put it on your website"),
    make(
      "p",
      { className: "blocked", "data-role": "blocked", hidden: true },
      "Fix the problems above first: then the code and the file are ready.",
    ),
    make(
      "p",
      { className: "hint", id: "snippet-hint" },
      "Give this code to whoever looks after your website. They also need the reflection's four files, as the embedding guide says.",
    ),
    make("pre", {
      className: "snippet",
      "data-role": "snippet",
      tabindex: "0",
      "aria-describedby": "snippet-hint",
      "aria-label": "Code for your web page",
    }),
    button("Copy the code", "button", copySnippet, { "data-role": "copy" }),
    button("Download the settings file", "button button--secondary", downloadSettings, {
      "data-role": "download",
    }),
    make("p", { className: "status", role: "status", "data-role": "status" }),
    make("h2", {}, "Start from a settings file"),
    make(
      "p",
      { className: "hint" },
      "Open last year's settings file, or paste the settings from your web page, to change them here.",
    ),
  );
  const fileId = uid("file");
  const fileGroup = make("div", { className: "form-group" });
  const file = make("input", {
    type: "file",
    id: fileId,
    accept: ".json,application/json",
    className: "file",
  });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (chosen) readBack(await chosen.text(), chosen.name);
    file.value = "";
  });
  fileGroup.append(
    make("label", { className: "label", for: fileId }, "Open a settings file"),
    file,
  );
  const pasteGroup = textField({
    label: "Or paste settings",
    hint: 'The text between <script type="application/json"> and </script>, or the whole code.',
    value: "",
    multiline: true,
    onInput: () => {},
    setting: false,
  });
  const paste = pasteGroup.querySelector("textarea");
  part.append(
    fileGroup,
    pasteGroup,
    button(
      "Use these settings",
      "button button--secondary",
      () => readBack(paste.value, "the pasted settings"),
      { "data-role": "use-pasted" },
    ),
    make("p", {
      className: "error-message",
      "data-role": "read-error",
      role: "alert",
      hidden: true,
    }),
  );
  return part;
}

let current = { options: {}, problems: [] };

async function copySnippet() {
  if (current.problems.length) return;
  const status = form.querySelector("[data-role=status]");
  try {
    await navigator.clipboard.writeText(snippet(current.options));
    status.textContent = "Copied.";
  } catch {
    status.textContent = "Your browser did not allow copying: select the code and copy it.";
  }
}

function downloadSettings() {
  if (current.problems.length) return;
  const blob = new Blob([`${JSON.stringify(current.options, null, 2)}\n`], {
    type: "application/json",
  });
  const link = make("a", {
    href: URL.createObjectURL(blob),
    download: "ending-well-settings.json",
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  form.querySelector("[data-role=status]").textContent = "Downloaded ending-well-settings.json.";
}

/** Reads settings back into the form: a settings file, or the code of a page. */
function readBack(text, from) {
  const error = form.querySelector("[data-role=read-error]");
  const options = readSettings(text);
  if (!options) {
    const what = from.charAt(0).toUpperCase() + from.slice(1);
    error.textContent = `${what} could not be read: it is not a settings file. Nothing in the form has changed.`;
    error.hidden = false;
    return;
  }
  error.hidden = true;
  state = fromOptions(options, questionnaires);
  drawForm();
  changed({ now: true });
  const kept = keptNames(state);
  form.querySelector("[data-role=status]").textContent =
    `Read ${from}.` +
    (kept.length
      ? ` It also has settings this page cannot change (${kept.join(", ")}): they are kept as they are.`
      : "");
  form.querySelector("h2")?.scrollIntoView({ block: "start" });
}

// Checking, showing problems where the person is looking, and the preview.

/** The field a problem at `path` belongs to: the one with the longest path that starts it. */
function fieldFor(path) {
  let best = null;
  for (const element of form.querySelectorAll("[data-path]")) {
    const own = element.dataset.path;
    const starts = path === own || path.startsWith(`${own}.`) || path.startsWith(`${own}[`);
    if (starts && (!best || own.length > best.dataset.path.length)) best = element;
  }
  return best;
}

/** Writes a problem in words for someone who has never seen the settings file. */
function plainWords(message, field) {
  const label = field?.querySelector(":scope > label, :scope > legend")?.textContent;
  // The reader's "missing "name": add some text", as GOV.UK words it: what to do.
  if (label && /^missing "/.test(message)) {
    return `Enter the ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  }
  // The reader speaks of the file; here the person fills in the form.
  const words = message.replace(/; add them under "support"$/, ": add them below.");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The fields marked with a problem last time: only they are cleared on the next change. */
let marked = [];

/** Takes a field's problem away: its message, its mark, and `aria-invalid`. */
function unmark(field) {
  field.classList.remove("form-group--error");
  const message = field.querySelector(":scope > .error-message");
  if (message) {
    message.hidden = true;
    message.textContent = "";
  }
  const input = field.querySelector(":scope > input, :scope > textarea");
  if (input) {
    input.removeAttribute("aria-invalid");
    if (input.dataset.hintIds) input.setAttribute("aria-describedby", input.dataset.hintIds);
    else input.removeAttribute("aria-describedby");
  }
}

function showProblems(problems) {
  // A problem with the widget's own words: its entry is drawn, so that it can be shown there.
  for (const { path } of problems) {
    const [, key] = path.match(/^options\.interface\.[^.]+\.([^.]+)$/) ?? [];
    if (key) form.querySelector(`details[data-key="${CSS.escape(key)}"]`)?.render?.();
  }
  marked.forEach(unmark);
  marked = [];
  const summary = form.querySelector("[data-role=summary]");
  summary.replaceChildren();
  summary.hidden = problems.length === 0;
  if (problems.length) {
    summary.append(make("h2", { className: "error-summary-title" }, "There is a problem"));
    const list = make("ul", { className: "error-summary-list" });
    for (const problem of problems) {
      const field = fieldFor(problem.path);
      const words = plainWords(problem.message, field);
      const item = make("li");
      const input = field?.querySelector("input, textarea");
      if (input) {
        const link = make("a", { href: `#${input.id}` }, words);
        link.addEventListener("click", (event) => {
          event.preventDefault();
          field.closest("details")?.setAttribute("open", "");
          input.focus();
        });
        item.append(link);
      } else item.textContent = words;
      list.append(item);
      if (!field) continue;
      marked.push(field);
      field.classList.add("form-group--error");
      field.closest("details")?.setAttribute("open", "");
      const message = field.querySelector(":scope > .error-message");
      if (message) {
        message.hidden = false;
        message.textContent = message.textContent ? `${message.textContent} ${words}` : words;
        const own = field.querySelector(":scope > input, :scope > textarea");
        if (own) {
          own.setAttribute("aria-invalid", "true");
          own.setAttribute(
            "aria-describedby",
            [message.id, own.dataset.hintIds].filter(Boolean).join(" "),
          );
        }
      }
    }
    summary.append(list);
  }
  const blocked = problems.length > 0;
  form.querySelector("[data-role=blocked]").hidden = !blocked;
  form.querySelector("[data-role=snippet]").hidden = blocked;
  for (const role of ["copy", "download"]) {
    form.querySelector(`[data-role=${role}]`).disabled = blocked;
  }
}

let timer = 0;

/** After every change: check, show the problems and the code, and remount the preview. */
function changed({ now = false } = {}) {
  const options = toOptions(state, questionnaires);
  const found = check(JSON.stringify(options));
  const problems = found.filter((problem) => !problem.warning);
  current = { options, problems };
  showProblems(problems);
  // What works but a client would miss (no support contacts): said, without blocking anything.
  const warnings = form.querySelector("[data-role=warnings]");
  const said = found.filter((problem) => problem.warning).map(({ message }) => plainWords(message));
  warnings.textContent = said.join(" ");
  warnings.hidden = said.length === 0;
  form.querySelector("[data-role=snippet]").textContent = snippet(options);
  clearTimeout(timer);
  timer = setTimeout(sendToPreview, now ? 0 : 300);
}

function sendToPreview() {
  preview.contentWindow?.postMessage({ options: JSON.stringify(current.options) }, location.origin);
}

window.addEventListener("message", (event) => {
  if (event.origin === location.origin && event.source === preview.contentWindow) {
    if (event.data?.preview === "ready") sendToPreview();
  }
});

const phoneWidth = document.querySelector("[data-role=phone-width]");
phoneWidth.addEventListener("change", () => {
  previewFrame.classList.toggle("preview-frame--phone", phoneWidth.checked);
});

drawForm();
changed({ now: true });
