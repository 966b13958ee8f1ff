// ESLint for the project's JavaScript: the recommended rules, with the globals of where each file
// runs. `npm test` runs `eslint .` (scripts/test.sh). Formatting is Prettier's (.prettierrc.json).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";

/**
 * What the init scripts of the tests, the benchmark and the screenshots define in the page, for
 * the functions they run there (page.evaluate, addInitScript): scripts/browser.mjs's `__ew`,
 * the harness's `__draftKey`, layout.test.mjs's `__layout`, and bench/run.mjs's `__$`, `__$$`
 * `__time` and `__clicks`.
 */
const IN_PAGE = {
  __ew: "readonly",
  __draftKey: "readonly",
  __layout: "readonly",
  __$: "readonly",
  __$$: "readonly",
  __time: "readonly",
  __clicks: "readonly",
  // tests/e2e/webdriver-page.mjs: finding elements as Playwright's selectors do.
  __find: "readonly",
  __visible: "readonly",
};

export default defineConfig([
  // Generated (wasm-bindgen's output), built or installed: not ours to lint. tests/types/examples/
  // holds links to files linted where they are.
  globalIgnores([
    "www/pkg/",
    // Built from www/src/ by scripts/build-web.mjs.
    "www/ending-well.js",
    "pkg/",
    "target/",
    "fuzz/",
    "node_modules/",
    "screenshots/",
    "tests/types/examples/",
  ]),
  js.configs.recommended,
  {
    // The widget's loader and the examples' scripts run in the browser, as modules.
    files: ["www/**/*.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    // Node scripts. Those that drive a browser also hold functions that run in the page, so they
    // know the browser's globals too: `document` in Node code is caught by the tests, not here.
    files: ["**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    files: [
      "tests/e2e/**/*.mjs",
      "bench/**/*.mjs",
      "scripts/browser.mjs",
      "scripts/screenshots.mjs",
    ],
    languageOptions: { globals: { ...globals.browser, ...IN_PAGE } },
  },
]);
