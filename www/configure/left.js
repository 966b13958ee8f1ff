// Says where quick exit would have gone: the address after the "#", set by preview.js, as text.
const address = decodeURIComponent(location.hash.slice(1));
document.querySelector("[data-role=address]").textContent = address || "your neutral page";
