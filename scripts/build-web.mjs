// Builds the two files of the widget that are not WebAssembly, from their commented sources in
// www/src/: the loader (ending-well.js) and the stylesheet (ending-well.css), minified into www/,
// where pages load them. The sources keep their explanations; what a client downloads does not.
//
//   node scripts/build-web.mjs    (scripts/build.sh runs it after the WebAssembly build)
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

const www = fileURLToPath(new URL("../www/", import.meta.url));

for (const file of ["ending-well.js", "ending-well.css"]) {
  buildSync({
    entryPoints: [`${www}src/${file}`],
    outfile: `${www}${file}`,
    // One file each, its imports left as they are: the loader imports pkg/ next to itself.
    bundle: false,
    minify: true,
    legalComments: "none",
    format: file.endsWith(".js") ? "esm" : undefined,
    logLevel: "warning",
  });
}
