// The module's bytes by area of the code, from twiggy's CSV of a named build (scripts/size-profile.sh):
// the text compiled in, Rust's formatting and allocation, the reading of files and settings, the
// screens, and so on. Each function goes to the first area whose pattern its name matches.
//
//   node bench/size-areas.mjs target/size-profile/top.csv target/size-profile/shipped.wasm
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const AREAS = [
  ["text compiled in (questionnaires, languages, messages)", /^data segment/],
  ["the names themselves (not shipped)", /function names|data names|custom section/],
  [
    "formatting numbers and text (core::fmt, f64, serde's messages)",
    /fmt|flt2dec|zmij|Unexpected|WithDecimalPoint/,
  ],
  ["allocation and collections", /dlmalloc|alloc::|raw_vec|hashbrown|btree|collections/],
  ["JSON (serde_json)", /serde/],
  ["reading questionnaires, settings and languages", /ending_well::(format|reading|languages)/],
  ["the screens, dialogs and events (web/)", /ending_well::web/],
  ["the core: session, answers, reflection", /ending_well::(session|answers|reflection|view)/],
  [
    "wasm-bindgen, js-sys, web-sys, gloo glue",
    /wasm_bindgen|js_sys|web_sys|gloo|externref|shim|import|export|__wbg|^widget_|^elem\[|^code\[/,
  ],
  [
    "Rust's core and std (iterators, strings, slices, panics)",
    /core(\[|::)|std(\[|::)|__rustc|__multi|^</,
  ],
];

const [csv, shipped] = process.argv.slice(2);
const rows = readFileSync(csv, "utf8").trim().split("\n").slice(1);
const totals = new Map(AREAS.map(([name]) => [name, 0]));
let other = 0;
for (const row of rows) {
  const [, name, bytes] = row.match(/^"?(.*?)"?,(\d+),/) ?? [];
  if (!name) continue;
  const area = AREAS.find(([, pattern]) => pattern.test(name));
  if (area) totals.set(area[0], totals.get(area[0]) + Number(bytes));
  else other += Number(bytes);
}
const module = readFileSync(shipped);
console.log(
  `\nThe shipped module: ${(module.length / 1024).toFixed(1)} KB, ` +
    `${(gzipSync(module, { level: 9 }).length / 1024).toFixed(1)} KB gzip -9. By area, before compression:`,
);
const NAMES = AREAS[1][0];
const shown = [...totals, ["everything else", other]].filter(([name]) => name !== NAMES);
for (const [name, bytes] of shown.sort((a, b) => b[1] - a[1])) {
  console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KB  ${name}`);
}
