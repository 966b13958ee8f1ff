// Converts an Ending Well questionnaire into a SurveyJS survey with the same questions, options,
// scales and conditions, so that the benchmark compares like with like. Run on its own, it
// prints the survey: `node bench/to-surveyjs.mjs [questionnaire.json] [language]`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BUILT_IN = fileURLToPath(new URL("../questionnaires/ending-therapy.json", import.meta.url));

/** The text of `value` in `language`: Ending Well text may be given per language. */
function text(value, language) {
  if (value === undefined || typeof value === "string") return value;
  return value[language] ?? value.en ?? Object.values(value)[0];
}

/** A SurveyJS expression for an Ending Well condition. */
export function expression(condition) {
  const [[kind, body]] = Object.entries(condition);
  const quote = (value) =>
    typeof value === "number" ? String(value) : `'${String(value).replaceAll("'", "\\'")}'`;
  switch (kind) {
    case "answered":
      return `{${body}} notempty`;
    case "equals":
      return `{${body.question}} = ${quote(body.value)}`;
    case "includes":
      return `{${body.question}} contains ${quote(body.value)}`;
    case "any":
      return body.length ? body.map((c) => `(${expression(c)})`).join(" or ") : "false";
    case "all":
      return body.length ? body.map((c) => `(${expression(c)})`).join(" and ") : "true";
    case "not":
      return `!(${expression(body)})`;
    default:
      throw new Error(`unknown condition "${kind}"`);
  }
}

/** The built-in "not sure" and "prefer not to say" options, as Ending Well adds them. */
function builtInChoices(question) {
  const extra = [];
  if (question.not_sure) extra.push({ value: "not-sure", text: "Not sure" });
  if (question.prefer_not_to_say)
    extra.push({ value: "prefer-not-to-say", text: "Prefer not to say" });
  return extra;
}

function element(question, language) {
  const common = {
    name: question.id,
    title: text(question.text, language),
    description: text(question.hint, language),
    ...(question.show_if ? { visibleIf: expression(question.show_if) } : {}),
  };
  const choices = () => [
    ...(question.options ?? []).map((o) => ({ value: o.id, text: text(o.label, language) })),
    ...builtInChoices(question),
  ];
  switch (question.kind) {
    case "single_choice":
      return { type: "radiogroup", ...common, choices: choices(), showClearButton: true };
    case "multiple_choice":
      return {
        type: "checkbox",
        ...common,
        choices: choices(),
        ...(question.other
          ? { showOtherItem: true, otherText: text(question.other, language) }
          : {}),
      };
    case "scale":
      return {
        type: "rating",
        ...common,
        rateMin: question.min,
        rateMax: question.max,
        minRateDescription: text(question.min_label, language),
        maxRateDescription: text(question.max_label, language),
      };
    case "short_text":
      return { type: "text", ...common };
    case "long_text":
    case "note":
      return { type: "comment", ...common };
    case "info":
      return {
        type: "html",
        name: question.id,
        html: `<p>${escapeHtml(text(question.text, language))}</p>`,
        ...(question.show_if ? { visibleIf: expression(question.show_if) } : {}),
      };
    default:
      throw new Error(`unknown kind "${question.kind}"`);
  }
}

function escapeHtml(value) {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The SurveyJS survey for `questionnaire` (parsed JSON), with its text in `language`. */
export function toSurveyJs(questionnaire, language = "en") {
  return {
    title: text(questionnaire.title, language),
    description: (questionnaire.intro ?? []).map((p) => text(p, language)).join("\n\n"),
    showProgressBar: "top",
    progressBarType: "questions",
    showQuestionNumbers: "off",
    pages: questionnaire.sections.map((section) => ({
      name: section.id,
      title: text(section.title, language),
      description: text(section.intro, language),
      elements: section.questions.map((question) => element(question, language)),
    })),
  };
}

/** The built-in questionnaire, parsed. */
export function builtIn() {
  return JSON.parse(readFileSync(BUILT_IN, "utf8"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, language = "en"] = process.argv.slice(2);
  const questionnaire = file ? JSON.parse(readFileSync(file, "utf8")) : builtIn();
  console.log(JSON.stringify(toSurveyJs(questionnaire, language), null, 2));
}
