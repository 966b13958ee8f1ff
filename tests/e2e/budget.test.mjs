// The byte budget: what a client's phone downloads to show Ending Well (every JavaScript,
// WebAssembly and CSS file the page loads, gzip -9, as `npm run bench` counts it) must stay under
// the budget. Bytes only: timings are noisy and belong in the benchmark.
//
// Issue 19's target is a quarter of SurveyJS's payload (issue 8 asked an eighth), measured here from the same npm packages
// the benchmark loads. Ending Well is not there (README, "Performance"), so the budget is a
// ceiling on growth instead: the payload that landed plus about 5%, rounded to 5 KB. It is
// lowered when the payload comes down; a change that makes the widget bigger than this fails
// here, with the figures.
//
// It was 200 KB (190.8 KB landed on 2026-11-26). It was raised once, on 2026-11-29, to 220 KB
// (210.5 KB plus 5%), for issue 16's outputs: "To bring" and "Just for me", three notes, the
// staying-well plan, the reminder, and the summary labels of every question in two languages cost
// 14.6 KB gzip after 3.2 KB of it was won back. The savings that would pay for it (text for other
// languages loaded only when shown, the problems panel's wording kept out of a healthy start) are
// issue 19's, which lowers this budget to its new payload plus 5%. It is never raised otherwise.
// On 2026-11-30 it came down to 200 KB (190.8 KB plus 5%): options given as a JavaScript object
// are read through js-sys instead of serde-wasm-bindgen, which took serde's float formatting out
// of the module (14.3 KB gzip); the module's bytes are deflated by Zopfli rather than zlib
// (11.6 KB); and the module's glue is minified (2.2 KB). Later that day it came down to 195 KB
// (184.3 KB plus 5%, rounded to 5 KB): the Spanish ships apart, loaded only for a client who reads
// it (docs/performance.md, "The Spanish text apart"). Later still it came down to 170 KB (163.9 KB
// plus 4%): the module's bytes ship packed with LZMA, with the small module that unpacks them
// (docs/performance.md, "The module in LZMA"), 20.5 KB less. On 2026-11-30 at 11:00 UTC it came
// down to 163 KB (155.0 KB plus 5%): JSON is read and written by the module's own few lines rather
// than serde_json's, and talc is its allocator (docs/performance.md, "Where the bytes go"), 8.9 KB;
// then to 161 KB (153.3 KB plus 5%): ticked options are kept in order without the slice sort;
// and in the afternoon, to 159 KB (151.6 KB plus 5%): the interface's texts are filled in one loop,
// and the clock is read once and worked out in Rust; then to 153 KB (145.5 KB plus 5%): no string
// slicing that can panic is left, and floats are written in the browser's own digits; then to
// 143 KB (136.6 KB plus 5%): the module's imports and exports have short names, and its
// functions are laid out in the order of their names. That evening the payload rose to 138.2 KB
// when Rust's default allocator came back in place of talc, after a failure in WebKit
// (docs/performance.md, "Where the bytes go"); the budget stayed at 143 KB.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { FILES, KB, payload } from "../../bench/payload.mjs";

/** The most Ending Well may ship, gzip -9, in bytes. */
export const BUDGET = 143 * 1024;
/** Issue 19's target, as a share of SurveyJS's payload. */
const TARGET_SHARE = 1 / 4;

describe("Byte budget", () => {
  it(`ships at most ${KB(BUDGET)} gzip`, (t) => {
    for (const file of Object.values(FILES["ending-well"])) {
      assert.ok(existsSync(file), `${file} is missing: run \`bash scripts/build.sh\` first`);
    }
    const ours = payload("ending-well");
    const lines = ours.files.map((f) => `  ${f.file}: ${KB(f.raw)} raw, ${KB(f.gzip)} gzip`);
    const theirs = Object.values(FILES.surveyjs).every(existsSync) ? payload("surveyjs") : null;
    const target = theirs
      ? `target ${KB(theirs.gzip * TARGET_SHARE)} (1/${1 / TARGET_SHARE} of SurveyJS's ${KB(theirs.gzip)}); ` +
        `Ending Well is ${(ours.gzip / theirs.gzip).toFixed(3)} of it`
      : "SurveyJS is not installed: no target to compare with";
    t.diagnostic(
      `payload ${KB(ours.gzip)} gzip (${KB(ours.raw)} raw), budget ${KB(BUDGET)}; ${target}`,
    );
    assert.ok(
      ours.gzip <= BUDGET,
      `Ending Well ships ${KB(ours.gzip)} gzip, over its budget of ${KB(BUDGET)}:\n${lines.join("\n")}`,
    );
  });
});
