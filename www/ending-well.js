// Ending Well's loader: starts the WebAssembly module without a network request and mounts the
// widget into every <ending-well> element on the page.
import init, { mount } from "./pkg/ending_well.js";
import { wasmBytes } from "./pkg/ending_well_bytes.js";

/** Resolves once the WebAssembly module is ready. */
export const ready = init({ module_or_path: wasmBytes() });

/** Mounts the widget into `element`; call `destroy()` on the result to remove it. */
export async function mountWidget(element, options = {}) {
  await ready;
  return mount(element, options);
}

/** The widgets mounted into this page's <ending-well> elements, by element. */
export const widgets = new Map();

ready.then(() => {
  for (const element of document.querySelectorAll("ending-well")) {
    widgets.set(element, mount(element, {}));
  }
});
