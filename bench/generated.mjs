// The generated questionnaires of `npm run bench`'s scale measurements, apart from bench/run.mjs
// (which runs the whole benchmark when it is imported), so that a script comparing two builds can
// mount the same questionnaires. The function is also sent to the scale page as its source text,
// so it uses nothing from outside itself.

/**
 * A generated questionnaire of `count` questions, ten to a section, every kind in turn, and
 * every seventh question a follow-up of the one before it: for the scale measurements.
 */
export function generated(count) {
  const kinds = ["single_choice", "multiple_choice", "scale", "short_text", "long_text"];
  const options = (n) =>
    Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `Option ${i + 1}` }));
  const sections = [];
  for (let start = 0; start < count; start += 10) {
    const questions = [];
    for (let index = start; index < Math.min(start + 10, count); index += 1) {
      const kind = kinds[index % kinds.length];
      const question = {
        id: `q${index}`,
        kind,
        text: `Question ${index + 1}: how do you feel about this?`,
      };
      if (kind === "single_choice") question.options = options(4);
      if (kind === "multiple_choice")
        Object.assign(question, { options: options(5), other: "Something else" });
      if (kind === "scale")
        Object.assign(question, {
          min: 0,
          max: 10,
          min_label: "Not at all",
          max_label: "Very much",
        });
      if (index % 7 === 6 && index > start) question.show_if = { answered: `q${index - 1}` };
      questions.push(question);
    }
    sections.push({ id: `s${start / 10}`, title: `Section ${start / 10 + 1}`, questions });
  }
  return { id: `generated-${count}`, title: "A generated questionnaire", sections };
}
