// Builds the two files of the widget that are not WebAssembly, from their commented sources in
// www/src/: the stylesheet (ending-well.css) and the loader (ending-well.js), minified into www/,
// where pages load them, and minifies the module's glue (www/pkg/ending_well.js) in place. The
// sources keep their explanations; what a client downloads does not.
// Then prints the subresource-integrity hash of each file a clinic copies, and writes them to
// www/pkg/integrity.json: the loader checks the stylesheet against its hash, and a clinic can
// check the loader and the module against theirs (docs/embedding.md#subresource-integrity).
//
//   node scripts/build-web.mjs    (scripts/build.sh runs it after the WebAssembly build)
import { buildSync } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const www = fileURLToPath(new URL("../www/", import.meta.url));

/** The `integrity` value of a file: its SHA-384, in base64. */
const integrity = (file) =>
  `sha384-${createHash("sha384")
    .update(readFileSync(`${www}${file}`))
    .digest("base64")}`;

/** Minifies `source` into `file` (both under www/); `source` is www/src/'s `file` by default. */
const build = (file, options = {}, source = `src/${file}`) =>
  buildSync({
    entryPoints: [`${www}${source}`],
    outfile: `${www}${file}`,
    allowOverwrite: source === file,
    // One file each, its imports left as they are: the loader imports pkg/ next to itself.
    bundle: false,
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    ...options,
  });

build("ending-well.css");
// The loader carries the stylesheet's hash, so the browser refuses a stylesheet changed since,
// and the introduction's words (`ending-well first-screen`, run by scripts/build.sh), so that it
// can show them before the module has started.
// The languages that ship apart from the module (`ending-well language-pack`, run by
// scripts/build.sh): each becomes a module of its own, which the loader imports only for a
// client who reads that language (its LANGUAGE_MODULES names the same).
const apart = ["es"];
for (const tag of apart) {
  const pack = readFileSync(`${www}pkg/language-${tag}.json`, "utf8").trim();
  JSON.parse(pack);
  writeFileSync(`${www}pkg/ending_well_${tag}.js`, `export default ${JSON.stringify(pack)};\n`);
}

build("ending-well.js", {
  format: "esm",
  define: {
    STYLESHEET_INTEGRITY: JSON.stringify(integrity("ending-well.css")),
    FIRST_SCREEN: readFileSync(`${www}pkg/first-screen.json`, "utf8").trim(),
  },
});

// The module's JavaScript glue, written by wasm-bindgen, minified in place: 2.2 KB less gzip.
build("pkg/ending_well.js", { format: "esm" }, "pkg/ending_well.js");

const files = [
  "ending-well.js",
  "ending-well.css",
  "pkg/ending_well.js",
  "pkg/ending_well_bytes.js",
  ...apart.map((tag) => `pkg/ending_well_${tag}.js`),
];
const hashes = Object.fromEntries(files.map((file) => [file, integrity(file)]));
writeFileSync(`${www}pkg/integrity.json`, `${JSON.stringify(hashes, null, 2)}\n`);
for (const [file, hash] of Object.entries(hashes)) console.log(`integrity: ${file} ${hash}`);
