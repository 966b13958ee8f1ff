// Mounts and destroys the widget from JavaScript, and logs the events it sends to the page when
// asked to (`events: true`; by default it sends none).
// The events say where the client is (a section's index and the number of sections) and when
// the summary is reached; they never carry an answer, so the log cannot show one.
//
// The JSDoc types come from ending-well.d.ts, which has the types of the whole API; `npm test`
// checks this file against it (tests/types/).
import { mount } from "../ending-well.js";

/** @import { EndingWellWidget, Questionnaire } from "../ending-well.js" */

const host = /** @type {HTMLElement} */ (document.getElementById("widget-host"));
const log = /** @type {HTMLOListElement} */ (document.getElementById("event-log"));
const mountButton = /** @type {HTMLButtonElement} */ (document.getElementById("mount-button"));
const destroyButton = /** @type {HTMLButtonElement} */ (document.getElementById("destroy-button"));

/**
 * A short questionnaire given as an object (a JSON string works too).
 * @type {Questionnaire}
 */
const questionnaire = {
  id: "mount-example",
  title: "A short reflection",
  intro: ["Two short sections, to show the events. Every question is optional."],
  sections: [
    {
      id: "first",
      title: "Looking back",
      questions: [{ id: "helped", kind: "long_text", text: "What helped you most?" }],
    },
    {
      id: "second",
      title: "Looking ahead",
      questions: [{ id: "keep", kind: "short_text", text: "What will you keep doing?" }],
    },
  ],
};

const EVENTS = /** @type {const} */ ([
  "ending-well:ready",
  "ending-well:section-change",
  "ending-well:complete",
]);

for (const name of EVENTS) {
  host.addEventListener(name, (event) => {
    const item = document.createElement("li");
    item.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
    log.append(item);
  });
}

/** @type {EndingWellWidget | null} */
let widget = null;

function showState() {
  mountButton.disabled = widget !== null;
  destroyButton.disabled = widget === null;
}

mountButton.addEventListener("click", () => {
  if (widget) return;
  // `events: true`: the page is told where the client is only when it asks.
  widget = mount(host, {
    questionnaire,
    clinic: "Riverside Counselling",
    saving: false,
    events: true,
  });
  showState();
});

destroyButton.addEventListener("click", () => {
  widget?.destroy();
  widget = null;
  showState();
  mountButton.focus();
});

// Mount is enabled here, once the widget's module has loaded: a click before now would do nothing.
showState();
