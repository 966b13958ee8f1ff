// Gives the module's imports and exports short names, in the module and in its glue, and drops
// the module's two custom sections that no browser reads (its producers and target features).
//
// wasm-bindgen names each import after what it calls and a hash ("__wbg_getItem_49556a3e59cfb688",
// in the module "./ending_well_bg.js"), and some exports the same way. Each name is written
// twice, in the module and in the glue, and its hash packs no smaller than random bytes: 190
// imports and 22 exports cost about 3 KB of the packed module and more of the glue. wasm-opt's
// pass for this (the one Emscripten uses) renames them "a", "b", ... "$a" and writes what became
// of each name; the glue is then rewritten to match: an import's key in the object the glue
// hands the module, every `wasm.name` by which the glue calls an export, and the exports' names
// in the types wasm-bindgen writes beside the glue. Nothing else in the module changes: each
// function's code is checked to keep its length (wasm-opt may number a function's locals in
// another order when it writes the module again, which changes no instruction's size). The names of functions a size profile keeps (`-g`) stay as they were.
//
//   node scripts/short-names.mjs <module.wasm> [<glue.js>] [--keep-names]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseModule } from "./wasm-module.mjs";

const args = process.argv.slice(2);
const keepNames = args.includes("--keep-names");
const [wasmPath, gluePath] = args.filter((arg) => arg !== "--keep-names");
if (!wasmPath) {
  console.error("usage: node scripts/short-names.mjs <module.wasm> [<glue.js>] [--keep-names]");
  process.exit(2);
}
const fail = (message) => {
  console.error(`short-names: ${message}; wasm-bindgen or wasm-opt changed: update this script`);
  process.exit(1);
};

/** The length of each function body of the module, in order. */
const bodies = (bytes) =>
  parseModule(bytes)
    .bodies.map(({ start, end }) => end - start)
    .join(" ");

const before = readFileSync(wasmPath);
// wasm-opt takes the module's features from its target_features section, then drops that
// section and the producers section, which no browser reads (265 bytes). The StackIR flags
// write the code as compactly as the release's -Oz wrote it; without them it comes out 340
// bytes longer.
const mapping = JSON.parse(
  execFileSync(
    "wasm-opt",
    [
      "--optimize-level=2",
      "--shrink-level=2",
      "--generate-stack-ir",
      "--optimize-stack-ir",
      "--strip-producers",
      "--strip-target-features",
      ...(keepNames ? ["-g"] : []),
      "--minify-imports-and-exports-and-modules",
      wasmPath,
      "-o",
      wasmPath,
    ],
    { encoding: "utf8" },
  ),
);
const after = readFileSync(wasmPath);
if (bodies(after) !== bodies(before)) fail("the module's code changed while renaming");

if (gluePath) {
  let glue = readFileSync(gluePath, "utf8");
  const modules = new Set(
    WebAssembly.Module.imports(new WebAssembly.Module(after)).map((i) => i.module),
  );
  if (modules.size !== 1) fail(`expected the module's imports from one module`);
  const [module] = modules;
  const from = '"./ending_well_bg.js": import0';
  if (glue.split(from).length !== 2) fail(`expected the glue to name the module's imports once`);
  glue = glue.replace(from, `${JSON.stringify(module)}: import0`);
  // wasm-bindgen's names are plain identifiers, so each goes into a pattern as it is; a match is
  // a whole identifier, not part of a longer one.
  const token = (pattern) => new RegExp(`(?<![\\w$])${pattern}(?![\\w$])`, "g");
  for (const [, name, short] of mapping.imports) {
    const key = token(name); // the import's key in the object the glue hands the module
    if ((glue.match(key) ?? []).length !== 1) fail(`expected the import ${name} once in the glue`);
    glue = glue.replace(key, () => short);
  }
  for (const [name, short] of mapping.exports) {
    glue = glue.replace(token(`wasm\\.${name}`), () => `wasm.${short}`);
  }
  const shorts = new Set(mapping.exports.map(([, short]) => short));
  const unknown = [...glue.matchAll(/(?<![\w$])wasm\.([\w$]+)/g)].filter(
    ([, name]) => !shorts.has(name),
  );
  if (unknown.length > 0) fail(`the glue calls ${unknown[0][0]}, which the module does not export`);
  writeFileSync(gluePath, glue);
  // The types wasm-bindgen writes beside the glue name the exports too: in the object `init`
  // gives back (`ending_well.d.ts`) and as the module's own (`ending_well_bg.wasm.d.ts`).
  for (const types of [
    gluePath.replace(/\.js$/, ".d.ts"),
    gluePath.replace(/\.js$/, "_bg.wasm.d.ts"),
  ]) {
    if (!existsSync(types)) continue;
    let text = readFileSync(types, "utf8");
    for (const [name, short] of mapping.exports) {
      text = text.replace(
        new RegExp(`(readonly |export const )${name}(?=: )`, "g"),
        (_, before) => `${before}${short}`,
      );
    }
    writeFileSync(types, text);
  }
}
console.log(
  `short-names: ${wasmPath}: ${mapping.imports.length} imports and ${mapping.exports.length} ` +
    `exports renamed, ${before.length} to ${after.length} bytes`,
);
