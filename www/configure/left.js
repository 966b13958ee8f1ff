// Says where quick exit would have gone: the address after the "#", set by preview.js, as text.
const address = decodeURIComponent(location.hash.slice(1));
document.querySelector("[data-role=address]").textContent = address || "your neutral page";

// Back to the preview in place of this page, adding nothing to the configuration page's history.
document.querySelector("[data-role=again]").addEventListener("click", (event) => {
  event.preventDefault();
  location.replace("preview.html");
});
