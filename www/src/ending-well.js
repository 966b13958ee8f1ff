// Ending Well: one script and one element.
//
//   <script type="module" src="/ending-well/ending-well.js"></script>
//   <ending-well></ending-well>
//
// The element renders the reflection in its own shadow root, so the page's CSS cannot break it
// and its CSS cannot leak out. Configuration goes in a child <script type="application/json">,
// or through mount(element, options) from JavaScript. Nothing here makes a network request:
// the WebAssembly module's bytes come from a same-origin script, and the stylesheet is a
// same-origin <link> (allowed by `style-src 'self'`).
//
// Quick exit never depends on the WebAssembly module. The widget leaves by itself and marks its
// root `data-ew-leaving` once it has asked the browser to leave; right after every request to
// leave ("Leave this page" clicked or tapped, or Shift pressed three times), this loader looks for
// that mark and leaves by itself when it is missing: if the module could not start, or the widget
// has stopped after a failure, even halfway through leaving.
import { initSync, mount as mountInto } from "./pkg/ending_well.js";
import { wasmModule } from "./pkg/ending_well_bytes.js";

/* global STYLESHEET_INTEGRITY */
const STYLESHEET = new URL("./ending-well.css", import.meta.url).href;

/**
 * The stylesheet's SHA-384, which the build writes in (scripts/build-web.mjs): the browser then
 * refuses a stylesheet changed since the build. None in the unbuilt source.
 */
const STYLESHEET_HASH = typeof STYLESHEET_INTEGRITY === "string" ? STYLESHEET_INTEGRITY : "";

/** Where quick exit goes when the clinic chose nothing: the widget's own default. */
const NEUTRAL_PAGE = "https://www.bbc.co.uk/weather";

/** Shift presses count towards quick exit within this many milliseconds, as in the widget. */
const SHIFT_WINDOW_MS = 5000;

// The stylesheet starts loading now, while the module compiles, so that the widget can show
// styled at once (a preload is a same-origin stylesheet, allowed by `style-src 'self'`).
const preload = document.createElement("link");
preload.rel = "preload";
preload.as = "style";
preload.href = STYLESHEET;
preload.integrity = STYLESHEET_HASH;
document.head.append(preload);

/** Whether the module started; if not (a policy without 'wasm-unsafe-eval', say), why. */
let started = true;
try {
  initSync({ module: await wasmModule() });
} catch (error) {
  started = false;
  console.error("Ending Well could not start:", error);
}

/**
 * The quick-exit address in the options, read as the widget reads it (an `https://` address or a
 * path on this site); anything else, or nothing, is the neutral default.
 */
function exitAddress(options) {
  let url;
  try {
    url = (typeof options === "string" ? JSON.parse(options) : options)?.quick_exit?.url;
  } catch {
    url = undefined;
  }
  // The widget's own rule (src/format/settings.rs): https:// and a plain site name, or a path.
  const safe =
    /^(https:\/\/([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,}|xn--[A-Za-z0-9-]+)(:\d{1,5})?([/?#][^\s"'<>\\]*)?|\/(?!\/)[^\s"'<>\\]*)$/;
  return typeof url === "string" && safe.test(url) ? url : NEUTRAL_PAGE;
}

/**
 * The "do not record" markers of the common session-replay and analytics tools (FullStory,
 * PostHog, rrweb and the tools built on it such as Sentry and OpenReplay, Amplitude, Hotjar,
 * Microsoft Clarity, LogRocket, Datadog, Smartlook, Heap): a page that carries one of them should
 * not record what a client writes here. Put on the element and inside its shadow root.
 */
const DO_NOT_RECORD = {
  classes: ["fs-exclude", "ph-no-capture", "rr-block", "sentry-block", "amp-block"],
  attributes: {
    "data-hj-suppress": "",
    "data-clarity-mask": "true",
    "data-private": "",
    "data-dd-privacy": "hidden",
    "data-recording-disable": "",
    "data-sentry-block": "",
    "data-heap-redact-text": "",
  },
};

function doNotRecord(element) {
  element.classList.add(...DO_NOT_RECORD.classes);
  for (const [name, value] of Object.entries(DO_NOT_RECORD.attributes)) {
    element.setAttribute(name, value);
  }
}

/** What the loader says when the widget cannot start, in the page's language where it can. */
const STOPPED = {
  en: {
    heading: "This reflection could not open",
    body: "Nothing you write here can be kept. You can leave this page, or try again later.",
    leave: "Leave this page",
  },
  es: {
    heading: "No se pudo abrir esta reflexión",
    body: "Aquí no se puede guardar nada de lo que escribas. Puedes salir de esta página o intentarlo más tarde.",
    leave: "Salir de esta página",
  },
};

/** The loader's own panel, when the module could not start: why, and "Leave this page". */
function stoppedPanel(element) {
  const language = (element.closest("[lang]")?.lang ?? "en").toLowerCase().split("-")[0];
  const words = STOPPED[language] ?? STOPPED.en;
  const panel = document.createElement("div");
  panel.className = "ew";
  const bar = document.createElement("div");
  bar.className = "ew-topbar";
  const leave = document.createElement("button");
  leave.type = "button";
  leave.className = "ew-exit-button";
  leave.dataset.ewAction = "exit";
  leave.textContent = words.leave;
  bar.append(leave);
  const heading = document.createElement("h2");
  heading.className = "ew-heading";
  heading.textContent = words.heading;
  const body = document.createElement("p");
  body.className = "ew-body";
  body.textContent = words.body;
  panel.append(bar, heading, body);
  if (language in STOPPED) panel.lang = language;
  return panel;
}

/**
 * Quick exit by the loader, for a widget that cannot leave by itself: "Leave this page" clicked
 * or tapped, or Shift pressed on its own three times within five seconds. Returns a function that
 * removes its listeners.
 */
function leaveWhenAsked(shadow, container, url) {
  const widgetLeaving = () => container.querySelector(".ew[data-ew-leaving]") !== null;
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    // Hidden and emptied first, in this same task; replace(), so Back does not return here.
    container.hidden = true;
    shadow.replaceChildren();
    location.replace(url);
  };
  // On the shadow root, so it runs after the widget's own listener on its root has had its turn.
  const onClick = (event) => {
    if (event.target.closest?.("[data-ew-action=exit]") && !widgetLeaving()) leave();
  };
  let shiftAlone = false;
  let presses = [];
  const onKeyDown = (event) => {
    shiftAlone = event.key === "Shift" && !event.repeat;
  };
  const onKeyUp = (event) => {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    const now = Date.now();
    presses = [...presses.filter((then) => now - then < SHIFT_WINDOW_MS), now];
    // The widget counts the same presses: it has had its turn by the next task.
    if (presses.length >= 3) setTimeout(() => widgetLeaving() || leave(), 0);
  };
  shadow.addEventListener("click", onClick);
  window.addEventListener("keydown", onKeyDown, true);
  window.addEventListener("keyup", onKeyUp, true);
  return () => {
    shadow.removeEventListener("click", onClick);
    window.removeEventListener("keydown", onKeyDown, true);
    window.removeEventListener("keyup", onKeyUp, true);
  };
}

/**
 * Mounts the reflection into `element`'s shadow root and returns `{ destroy }`.
 * `options`: `{ questionnaire, clinic, support, quick_exit, saving, changes, languages,
 * interface }` (docs/embedding.md#configuration; the types are in ending-well.d.ts), or the same
 * as a JSON string.
 */
export function mount(element, options = {}) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = STYLESHEET;
  stylesheet.integrity = STYLESHEET_HASH;
  const container = document.createElement("div");
  shadow.replaceChildren(stylesheet, container);
  doNotRecord(element);
  doNotRecord(container);
  const stopListening = leaveWhenAsked(shadow, container, exitAddress(options));
  // The widget is built once its stylesheet has loaded, so that a client never sees it
  // unstyled; if the stylesheet cannot load, it is built anyway.
  let widget = null;
  let destroyed = false;
  const build = () => {
    if (destroyed || widget) return;
    try {
      if (!started) throw new Error("the WebAssembly module did not start");
      widget = mountInto(container, options);
    } catch (error) {
      if (started) console.error("Ending Well could not mount:", error);
      container.replaceChildren(stoppedPanel(element));
    }
  };
  stylesheet.addEventListener("load", build, { once: true });
  stylesheet.addEventListener("error", build, { once: true });
  return {
    destroy() {
      destroyed = true;
      stopListening();
      if (widget) {
        widget.destroy();
        widget.free();
        widget = null;
      }
      shadow.replaceChildren();
    },
  };
}

/**
 * The configuration in the element's child <script type="application/json">, as text; without
 * one, no options (the built-in questionnaire and the default settings).
 */
function configuration(element) {
  const script = element.querySelector(':scope > script[type="application/json"]');
  return script ? script.textContent : {};
}

/** `<ending-well>`: mounts when added to the page, cleans up when removed. */
export class EndingWellElement extends HTMLElement {
  connectedCallback() {
    if (!this.widget) this.widget = mount(this, configuration(this));
  }

  disconnectedCallback() {
    this.widget?.destroy();
    this.widget = null;
  }
}

if (!customElements.get("ending-well")) {
  customElements.define("ending-well", EndingWellElement);
}
