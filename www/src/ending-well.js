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
//
// The introduction does not wait for the module either. While the module downloads and compiles,
// this loader draws the widget's first screen itself, from the words the build wrote into it
// (`ending-well first-screen`): the same elements, so nothing moves when the widget takes over
// in place. A click or the focus on that screen carries over to the widget.

/* global STYLESHEET_INTEGRITY, FIRST_SCREEN */
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

/** Whether the module has started, or failed to: then the widget is built at once. */
let moduleReady = false;
let module = null;

/**
 * Whether the page is being left: a module still on its way is then cut off by the browser,
 * which is not a failure to report.
 */
let leavingPage = false;
window.addEventListener("pagehide", () => {
  leavingPage = true;
});
window.addEventListener("pageshow", () => {
  leavingPage = false;
});

/**
 * The widget's `mount`, once the module has started; `null` if it could not (a policy without
 * 'wasm-unsafe-eval', say). Imported here rather than above, and only once a widget has drawn
 * its first screen: the loader runs, and the introduction shows, before the module's 200 KB
 * start to share the network and the processor with it; a page with no widget yet loads nothing.
 */
function startModule() {
  module ??= Promise.all([import("./pkg/ending_well.js"), import("./pkg/ending_well_bytes.js")])
    .then(async ([glue, bytes]) => {
      glue.initSync({ module: await bytes.wasmModule() });
      addLanguage = glue.add_language;
      return glue.mount;
    })
    .catch((error) => {
      if (!leavingPage) console.error("Ending Well could not start:", error);
      return null;
    })
    .then((mount) => {
      moduleReady = true;
      return mount;
    });
  return module;
}

/**
 * The languages whose text ships apart from the module, written in by the build: each is a
 * module of its own (pkg/ending_well_es.js), imported only for a client who is to read it, and
 * given to the module before the widget shows it. Same origin, so allowed by `script-src 'self'`.
 */
const LANGUAGE_MODULES = { es: () => import("./pkg/ending_well_es.js") };
const LANGUAGES_APART = Object.keys(LANGUAGE_MODULES);

/** The module's `add_language`, once it has started. */
let addLanguage = null;

/** Each language apart asked for so far: the promise of its having been given to the module. */
const languagesGiven = new Map();

/** The languages apart the module has. */
const languagesHad = new Set();

/**
 * Gives the module the language `tag`, which shipped apart: imports its text once, and resolves
 * once the module has it (after the module has started). Fails if it could not be had.
 */
function giveLanguage(tag) {
  if (!languagesGiven.has(tag)) {
    const text = LANGUAGE_MODULES[tag]().then((pack) => pack.default);
    const given = Promise.all([text, startModule()]).then(([pack, mount]) => {
      if (!mount) throw new Error("the WebAssembly module did not start");
      addLanguage(pack);
      languagesHad.add(tag);
    });
    // A failure is said once, where it happens; asking again tries again.
    given.catch(() => languagesGiven.delete(tag));
    languagesGiven.set(tag, given);
  }
  return languagesGiven.get(tag);
}

/**
 * Holds back the widget's language switcher while a language that shipped apart is on its way:
 * the press goes to the widget once the module has the language. Listens before the widget does;
 * returns what stops it listening.
 */
function switchWhenGiven(shadow) {
  const hold = (event) => {
    const button = event.target.closest?.("[data-ew-action=language]");
    const tag = button?.lang;
    if (!tag || !LANGUAGES_APART.includes(tag) || languagesHad.has(tag)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    giveLanguage(tag).then(
      // The same press, now that the widget can show the language.
      () => button.isConnected && button.click(),
      (error) => console.error(`Ending Well could not load the language "${tag}":`, error),
    );
  };
  shadow.addEventListener("click", hold, true);
  return () => shadow.removeEventListener("click", hold, true);
}

/**
 * The introduction's words in each built-in language (src/view/first_screen.rs), written in by
 * the build; none in the unbuilt source, which then waits for the module as before.
 */
const FIRST_SCREENS = typeof FIRST_SCREEN === "object" ? FIRST_SCREEN : {};

/**
 * The settings the loader can draw the first screen with: those that do not change it, and the
 * clinic's name and saving, which it draws. With any other, it does not draw it.
 */
const DRAWN_WITH = [
  "clinic",
  "saving",
  "support",
  "coming_back",
  "quick_exit",
  "ask_before_leaving",
  "spellcheck",
  "events",
];

/** The options as an object; `null` when they are not (the widget says why). */
function parse(options) {
  try {
    const value = typeof options === "string" ? JSON.parse(options) : options;
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The quick-exit address in the options, read as the widget reads it (an `https://` address or a
 * path on this site); anything else, or nothing, is the neutral default.
 */
function exitAddress(options) {
  const url = parse(options)?.quick_exit?.url;
  // The widget's own rule (src/format/settings.rs): https:// and a plain site name, or a path.
  const safe =
    /^(https:\/\/([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,}|xn--[A-Za-z0-9-]+)(:\d{1,5})?([/?#][^\s"'<>\\]*)?|\/(?!\/)[^\s"'<>\\]*)$/;
  return typeof url === "string" && safe.test(url) ? url : NEUTRAL_PAGE;
}

/** A language tag's first part, "es" of "es-MX", as the widget compares them. */
const primary = (tag) => tag.split(/[-_]/)[0].toLowerCase();

/**
 * The language the widget will choose for `element` among `offered`, by its own rule
 * (src/languages/tag.rs, `choose`): the `lang` of the element or its ancestors, then the
 * browser's languages; each matched exactly, then by its first part; English otherwise.
 */
function chooseLanguage(element, offered) {
  const wanted = [];
  for (let at = element; at; at = at.parentElement) wanted.push(at.getAttribute("lang") ?? "");
  wanted.push(...(navigator.languages ?? []), navigator.language ?? "");
  for (const want of wanted.map((tag) => tag.trim()).filter(Boolean)) {
    const found =
      offered.find((tag) => tag.toLowerCase() === want.toLowerCase()) ??
      offered.find((tag) => primary(tag) === primary(want));
    if (found) return found;
  }
  return offered.find((tag) => primary(tag) === "en") ?? offered[0];
}

/** Whether a draft is saved on this device; `null` when storage cannot be read. */
function draftStored() {
  try {
    for (let index = 0; index < localStorage.length; index += 1) {
      if (localStorage.key(index)?.startsWith("ending-well:draft:")) return true;
    }
    return false;
  } catch {
    return null;
  }
}

/**
 * What the widget's first screen will be, when the loader can know it for sure: the built-in
 * questionnaire's introduction, in the language the widget will choose, with no settings that
 * change it but the clinic's name and whether saving is offered. `null` otherwise: a clinic's own
 * questionnaire or wording, a saved draft (the widget opens on "welcome back"), storage that
 * cannot be read, or a page brought back through history (the widget opens on a neutral step).
 */
function firstScreenFor(element, options) {
  const settings = parse(options);
  const offered = Object.keys(FIRST_SCREENS);
  if (!settings || offered.length === 0) return null;
  const { clinic, saving = true } = settings;
  if (
    Object.keys(settings).some((key) => !DRAWN_WITH.includes(key)) ||
    (clinic !== undefined && (typeof clinic !== "string" || clinic.trim() === "")) ||
    typeof saving !== "boolean" ||
    performance.getEntriesByType?.("navigation")[0]?.type === "back_forward"
  ) {
    return null;
  }
  if (draftStored() !== false) return null;
  const language = chooseLanguage(element, offered);
  return { language, words: FIRST_SCREENS[language], clinic, saving };
}

/**
 * The widget's first screen, element for element as the widget builds it (src/web/mount.rs,
 * top_bar.rs, save_bar.rs, screens/intro.rs), every word set as text. The end-to-end tests
 * compare the two.
 */
function drawFirstScreen({ language, words, clinic, saving }) {
  const make = (name, className, text) => {
    const element = document.createElement(name);
    element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const button = (className, action, text) => {
    const element = make("button", className, text);
    element.type = "button";
    element.dataset.ewAction = action;
    return element;
  };
  const root = make("div", "ew");
  root.lang = language;
  root.dir = words.dir;

  const nav = make("nav", "ew-languages");
  nav.setAttribute("aria-label", words.languageSwitcher);
  nav.hidden = words.languages.length < 2;
  const list = make("ul", "ew-languages-list");
  words.languages.forEach(({ tag, dir, name }, position) => {
    let entry;
    if (tag === language) {
      entry = make("span", "ew-language ew-language--current", name);
      entry.setAttribute("aria-current", "true");
      entry.tabIndex = -1;
    } else {
      entry = button("ew-link-button ew-language", "language", name);
      entry.dataset.ewLanguage = String(position);
    }
    entry.lang = tag;
    entry.dir = dir;
    const item = make("li", "ew-languages-item");
    item.append(entry);
    list.append(item);
  });
  nav.append(list);

  const bar = make("div", "ew-topbar");
  const leave = button("ew-exit-button", "exit", words.leavePage);
  leave.append(make("span", "ew-visually-hidden", words.leavePageHint));
  bar.append(button("ew-link-button ew-support-link", "support", words.needSupport), leave);

  const status = make("div", "ew-status ew-visually-hidden");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  const section = make("section", "ew-intro");
  section.setAttribute("aria-labelledby", "ew0-heading");
  if (clinic !== undefined) section.append(make("p", "ew-caption ew-clinic-name", clinic));
  const heading = make("h2", "ew-heading", words.title);
  heading.id = "ew0-heading";
  heading.tabIndex = -1;
  const actions = make("div", "ew-actions");
  actions.append(button("ew-button", "start", words.start));
  const field = make("div", "ew-field ew-backup");
  const label = make("label", "ew-label", words.openBackup);
  label.htmlFor = "ew0-backup-file";
  const hint = make("p", "ew-hint", words.openBackupHint);
  hint.id = "ew0-backup-file-hint";
  const file = make("input", "ew-file");
  file.type = "file";
  file.accept = ".json,application/json";
  file.dataset.ewRole = "backup-file";
  file.id = "ew0-backup-file";
  file.setAttribute("aria-describedby", hint.id);
  field.append(label, hint, file);
  section.append(
    heading,
    ...words.paragraphs.map((paragraph) => make("p", "ew-body", paragraph)),
    make("p", "ew-meta", words.meta),
    actions,
    field,
  );
  const screen = make("div", "ew-screen");
  screen.append(section);

  const saveBar = make("div", "ew-savebar");
  const saveStatus = make("p", "ew-save-status", words.saveStatus);
  saveStatus.tabIndex = -1;
  const saveActions = make("div", "ew-actions ew-actions--save");
  const save = button("ew-button ew-button--secondary", "save", words.saveOnDevice);
  save.hidden = !saving;
  const saveHere = button("ew-button ew-button--secondary", "save-here", words.saveHere);
  saveHere.hidden = true;
  saveActions.append(
    save,
    saveHere,
    button("ew-link-button", "delete", words.deleteEverything),
    button("ew-link-button", "shared-device", words.sharedDevice),
  );
  saveBar.append(saveStatus, saveActions);

  root.append(nav, bar, status, screen, saveBar, make("dialog", "ew-dialog"));
  return root;
}

/**
 * How to find `element`'s counterpart in the widget: by its action, its role, or its classes.
 */
function counterpart(element) {
  const { ewAction, ewLanguage, ewRole } = element.dataset;
  if (ewAction) {
    const language = ewLanguage === undefined ? "" : `[data-ew-language="${ewLanguage}"]`;
    return `[data-ew-action="${ewAction}"]${language}`;
  }
  if (ewRole) return `[data-ew-role="${ewRole}"]`;
  return [...element.classList].map((name) => `.${name}`).join("");
}

/**
 * Keeps what a client did on the loader's first screen, for the widget that replaces it: the
 * last button pressed (quick exit is the loader's own to do), a press still held, a backup file
 * chosen, and where the focus is. Returns a function that hands them over once the widget is in
 * `container`.
 */
function carryOver(shadow, screen, container) {
  let pressed = null;
  let held = null;
  let handedOver = false;
  const file = screen.querySelector("[data-ew-role=backup-file]");
  const forward = (files) => {
    const input = container.querySelector("[data-ew-role=backup-file]");
    if (!files?.length || !input) return;
    input.files = files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };
  // A file picker opened on this screen can close after the widget has taken over: the file
  // chosen goes to the widget all the same.
  file?.addEventListener("change", () => {
    if (handedOver) forward(file.files);
  });
  screen.addEventListener("pointerdown", (event) => {
    const button = event.isPrimary ? event.target.closest?.("[data-ew-action]") : null;
    held = button ? counterpart(button) : null;
  });
  screen.addEventListener("click", (event) => {
    held = null;
    const button = event.target.closest?.("[data-ew-action]");
    if (button && button.dataset.ewAction !== "exit") pressed = counterpart(button);
  });
  // A press begun here and lifted on the widget's own button, in the same place: the browser
  // clicks neither, as they are two elements, so the widget's button is clicked here, once. A
  // mouse's click comes in the same task as its release; a finger's tap can come a moment later
  // (up to 300 ms on a page a phone may zoom), so it is waited for before the loader clicks.
  const finish = (selector) => {
    const lifted = (event) => {
      container.removeEventListener("pointerup", lifted, true);
      container.removeEventListener("pointercancel", lifted, true);
      const button = event.isPrimary ? event.target.closest?.(selector) : null;
      if (event.type !== "pointerup" || !button) return;
      let timer = 0;
      const click = (clicked) => {
        clearTimeout(timer);
        container.removeEventListener("click", heard, true);
        if (!clicked && button.isConnected) button.click();
      };
      // The browser's own click: on the button, it is the press; elsewhere, it went astray.
      const heard = (event) => click(button.contains(event.target));
      container.addEventListener("click", heard, true);
      timer = setTimeout(() => click(false), event.pointerType === "touch" ? 400 : 0);
    };
    container.addEventListener("pointerup", lifted, true);
    container.addEventListener("pointercancel", lifted, true);
  };
  return () => {
    const focused = shadow.activeElement;
    const focus = focused && screen.contains(focused) ? counterpart(focused) : null;
    return () => {
      handedOver = true;
      if (focus) container.querySelector(focus)?.focus({ preventScroll: true });
      forward(file?.files);
      if (pressed) container.querySelector(pressed)?.click();
      if (held) finish(held);
    };
  };
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
 * Quick exit by the loader, for a widget that cannot leave by itself, or has not yet taken over
 * (`mounted()` tells): "Leave this page" clicked or tapped, or Shift pressed on its own three
 * times within five seconds. Returns a function that removes its listeners.
 */
function leaveWhenAsked(shadow, container, url, mounted) {
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
    if (presses.length < 3) return;
    // Before the widget has taken over, at once; after, the widget counts the same presses and
    // has had its turn by the next task.
    if (mounted()) setTimeout(() => widgetLeaving() || leave(), 0);
    else leave();
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
  let widget = null;
  const stopListening = leaveWhenAsked(shadow, container, exitAddress(options), () => !!widget);
  const stopHolding = switchWhenGiven(shadow);
  let destroyed = false;
  /** Hands what the client did on the loader's first screen to the widget, if it was drawn. */
  let handOver = null;
  const build = (mountInto) => {
    if (destroyed || widget) return;
    const carried = handOver?.();
    try {
      if (!mountInto) throw new Error("the WebAssembly module did not start");
      widget = mountInto(container, options);
      carried?.();
    } catch (error) {
      if (mountInto) console.error("Ending Well could not mount:", error);
      container.replaceChildren(stoppedPanel(element));
    }
  };
  // Nothing is shown before the stylesheet has loaded, so that a client never sees the widget
  // unstyled; if the stylesheet cannot load, the widget is built anyway. The loader draws the
  // first screen if the module has not started by then. (One of the two events comes, once.)
  const show = () => {
    if (destroyed) return;
    const first = moduleReady ? null : firstScreenFor(element, options);
    if (first) {
      const screen = drawFirstScreen(first);
      container.replaceChildren(screen);
      handOver = carryOver(shadow, screen, container);
    }
    // A client who reads a language that shipped apart gets it before the widget is built, so
    // that nothing shows in English first; so does one with saved answers, which may be in it.
    const language = chooseLanguage(element, ["en", ...LANGUAGES_APART]);
    const wanted = draftStored() ? LANGUAGES_APART : [language];
    const given = wanted
      .filter((tag) => LANGUAGES_APART.includes(tag))
      .map((tag) =>
        giveLanguage(tag).catch((error) => {
          console.error(`Ending Well could not load the language "${tag}":`, error);
        }),
      );
    Promise.all([startModule(), ...given]).then(([mountInto]) => build(mountInto));
  };
  stylesheet.addEventListener("load", show, { once: true });
  stylesheet.addEventListener("error", show, { once: true });
  return {
    destroy() {
      destroyed = true;
      stopListening();
      stopHolding();
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
