// The configuration page's preview: the real widget, mounted with the settings the page sends
// (postMessage, from the same origin only), and mounted again each time they change. Quick exit
// stops on left.html here, which says where it would go, instead of leaving for another site.
import { mount } from "../ending-well.js";

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
