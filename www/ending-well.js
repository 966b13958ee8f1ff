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
import { initSync, mount as mountInto } from "./pkg/ending_well.js";
import { wasmModule } from "./pkg/ending_well_bytes.js";

const STYLESHEET = new URL("./ending-well.css", import.meta.url).href;

// The stylesheet starts loading now, while the module compiles, so that the widget can show
// styled at once (a preload is a same-origin stylesheet, allowed by `style-src 'self'`).
const preload = document.createElement("link");
preload.rel = "preload";
preload.as = "style";
preload.href = STYLESHEET;
document.head.append(preload);

initSync({ module: await wasmModule() });

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
  const container = document.createElement("div");
  shadow.replaceChildren(stylesheet, container);
  // The widget is built once its stylesheet has loaded, so that a client never sees it
  // unstyled; if the stylesheet cannot load, it is built anyway.
  let widget = null;
  let destroyed = false;
  const build = () => {
    if (!destroyed && !widget) widget = mountInto(container, options);
  };
  stylesheet.addEventListener("load", build, { once: true });
  stylesheet.addEventListener("error", build, { once: true });
  return {
    destroy() {
      destroyed = true;
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
