// The configuration page's preview: the real widget, mounted with the settings the page sends
// (postMessage, from the same origin only), and mounted again each time they change. Quick exit
// stops on left.html here, which says where it would go, instead of leaving for another site.
//
// The preview never touches what is stored on this device: on a clinic's shared computer or
// tablet, a client's saved answers may be there, under the same site. The widget here gets a
// storage of its own that lives in memory, in this page only: it does not see a saved draft,
// and "Save" or "Delete" in the preview reach nothing else.

/** `localStorage`'s methods over a Map, for this page only. */
function storageInMemory() {
  const items = new Map();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => (items.has(String(key)) ? items.get(String(key)) : null),
    setItem: (key, value) => void items.set(String(key), String(value)),
    removeItem: (key) => void items.delete(String(key)),
    clear: () => items.clear(),
  };
}
Object.defineProperty(window, "localStorage", { value: storageInMemory(), configurable: true });

// The widget puts each screen in the browser's history, so that Back moves between them. In this
// frame that history is the configuration page's too, and its Back would step through the
// preview's screens before leaving the page: here the screens add nothing to it. (Not turned into
// replaceState: the widget would then count steps back that are not there, and quick exit would
// go back through the configuration page's own history.)
history.pushState = () => {};

// Imported only now, after the storage is in place.
const { mount } = await import("../ending-well.js");

const host = document.querySelector("[data-role=widget]");
let widget = null;

window.addEventListener("message", (event) => {
  if (event.origin !== location.origin || event.source !== window.parent) return;
  const { options } = event.data ?? {};
  if (typeof options !== "string") return;
  let settings;
  try {
    settings = JSON.parse(options);
  } catch {
    return;
  }
  const goingTo = settings.quick_exit?.url ?? "https://www.bbc.co.uk/weather";
  const quickExit = {
    ...settings.quick_exit,
    url: `/configure/left.html#${encodeURIComponent(goingTo)}`,
  };
  widget?.destroy();
  host.replaceChildren();
  widget = mount(host, { ...settings, quick_exit: quickExit });
});

// Asks for the settings: at first, and when the preview comes back after quick exit.
window.parent.postMessage({ preview: "ready" }, location.origin);
