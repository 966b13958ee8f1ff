// The module's bytes by area of the code, from twiggy's CSV of a named build (scripts/size-profile.sh):
// the text compiled in, Rust's formatting and allocation, the reading of files and settings, the
// screens, and so on. Each function goes to the first area whose pattern its name matches.
//
// Beside each area's bytes, what it costs once packed with LZMA as the module ships: how much
// smaller the packed module gets when that area's function bodies (or, for the text, the data
// section) are cut out of it. Repetitive code packs far smaller than its bytes suggest, so this
// is the column to read when choosing what to make smaller. The costs add up to less than the
// whole: the module's tables of types, imports and exports belong to no area. Then the 20
// modules of the crate and other crates that cost the most, measured the same way.
//
//   node bench/size-areas.mjs target/size-profile/top.csv target/size-profile/named.wasm \
//     target/size-profile/shipped.wasm
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { packLzma } from "../scripts/lzma.mjs";
import { parseModule } from "../scripts/wasm-module.mjs";

const AREAS = [
  ["text compiled in (questionnaires, languages, messages)", /^data segment/],
  ["the names themselves (not shipped)", /function names|data names|custom section/],
  [
    "formatting numbers and text (core::fmt, f64, serde's messages)",
    /fmt|flt2dec|zmij|Unexpected|WithDecimalPoint/,
  ],
  ["allocation and collections", /dlmalloc|talc|alloc::|raw_vec|hashbrown|btree|collections/],
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

/** `bytes` without the byte ranges in `cuts`. */
function without(bytes, cuts) {
  const parts = [];
  let from = 0;
  for (const { start, end } of cuts.sort((a, b) => a.start - b.start)) {
    parts.push(bytes.subarray(from, start));
    from = end;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

const [csv, named, shipped] = process.argv.slice(2);
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
const parsed = parseModule(readFileSync(named));
// The names are not shipped: the module is measured without them. They come after the code and
// the data, so every body keeps its place.
const lastBody = Math.max(...parsed.bodies.map(({ end }) => end));
const nameSection = parsed.sections.filter(({ id, start }) => id === 0 && start >= lastBody);
const base = without(readFileSync(named), nameSection);
const packedSize = packLzma(base).length;
const cutsOf = new Map(AREAS.map(([area]) => [area, []]));
const cutsElse = [];
for (const body of parsed.bodies) {
  const area = AREAS.find(([, pattern]) => pattern.test(body.name ?? ""));
  (area ? cutsOf.get(area[0]) : cutsElse).push(body);
}
cutsOf.set(
  AREAS[0][0],
  parsed.sections.filter(({ id }) => id === 11).map(({ body, end }) => ({ start: body, end })),
);
cutsOf.set("everything else", cutsElse);
const packedCost = (area) => packedSize - packLzma(without(base, cutsOf.get(area) ?? [])).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(6)} KB`;
console.log(
  `\nThe shipped module: ${kb(module.length).trim()}, ` +
    `${kb(gzipSync(module, { level: 9 }).length).trim()} gzip -9, ` +
    `${kb(packLzma(module).length).trim()} packed with LZMA. By area:`,
);
console.log("    before    packed  area");
const NAMES = AREAS[1][0];
const shown = [...totals, ["everything else", other]].filter(([name]) => name !== NAMES);
for (const [name, bytes] of shown.sort((a, b) => b[1] - a[1])) {
  console.log(`${kb(bytes)} ${kb(packedCost(name))}  ${name}`);
}

// Then the same, finer: each module of the crate (`web::app`, `format::read`, ...) and each
// other crate (`core`, `alloc`, `js_sys`, ...), the largest packed costs first. Functions that
// were inlined count where they ended up: `web::app` holds the session's update, which its
// dispatch inlines.
const modules = new Map();
for (const body of parsed.bodies) {
  const name = body.name ?? "";
  const owner =
    name.match(/ending_well::([a-z_]+(?:::[a-z_]+)?)/)?.[1] ??
    name.match(/^<?([a-z_]+)/)?.[1] ??
    "unnamed";
  if (!modules.has(owner)) modules.set(owner, { bytes: 0, cuts: [] });
  modules.get(owner).bytes += body.end - body.start;
  modules.get(owner).cuts.push(body);
}
const MODULES_SHOWN = 20;
const costs = [...modules]
  // Only those over 1 KB before compression are packed again, each once: it takes a while.
  .filter(([, { bytes }]) => bytes >= 1024)
  .map(([module, { bytes, cuts }]) => [
    module,
    bytes,
    packedSize - packLzma(without(base, [...cuts])).length,
  ])
  .sort((a, b) => b[2] - a[2])
  .slice(0, MODULES_SHOWN);
console.log(`\nThe ${MODULES_SHOWN} modules and crates that cost the most packed:`);
console.log("    before    packed  module");
for (const [module, bytes, packed] of costs) console.log(`${kb(bytes)} ${kb(packed)}  ${module}`);
