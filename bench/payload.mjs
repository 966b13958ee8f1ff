// What each product ships to a client's browser: every JavaScript, WebAssembly and CSS file its
// page loads, by URL path, with where it is on disk, and their bytes raw and gzip -9. Shared by
// the benchmark (`npm run bench`) and the byte budget in `npm test`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
// The packages' "exports" hide package.json: they sit in node_modules like any other.
export const SURVEY_CORE = join(ROOT, "node_modules/survey-core");
export const SURVEY_UI = join(ROOT, "node_modules/survey-js-ui");

/** The files each page loads, by URL path, with where they are on disk. */
export const FILES = {
  "ending-well": {
    "/ew/ending-well.js": join(ROOT, "www/ending-well.js"),
    "/ew/ending-well.css": join(ROOT, "www/ending-well.css"),
    "/ew/pkg/ending_well.js": join(ROOT, "www/pkg/ending_well.js"),
    "/ew/pkg/ending_well_bytes.js": join(ROOT, "www/pkg/ending_well_bytes.js"),
  },
  surveyjs: {
    "/sjs/survey.core.min.js": join(SURVEY_CORE, "survey.core.min.js"),
    "/sjs/survey-js-ui.min.js": join(SURVEY_UI, "survey-js-ui.min.js"),
    "/sjs/survey-core.min.css": join(SURVEY_CORE, "survey-core.min.css"),
  },
};

/** Raw and gzip -9 bytes of each file `product` ships, and their totals. */
export function payload(product) {
  const rows = Object.entries(FILES[product]).map(([path, file]) => {
    const body = readFileSync(file);
    return {
      file: path.replace(/^\/(ew|sjs)\//, ""),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
    };
  });
  return {
    files: rows,
    raw: rows.reduce((sum, row) => sum + row.raw, 0),
    gzip: rows.reduce((sum, row) => sum + row.gzip, 0),
  };
}

/** Bytes as kilobytes of 1,024, one decimal: "183.1 KB". */
export const KB = (n) => `${(n / 1024).toFixed(1)} KB`;
