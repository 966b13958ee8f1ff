// Static privacy check of what the demo page ships: no JavaScript in www/ that can make a
// request, and no WebAssembly import that could reach one. No browser needed.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/
// Needs the release build in www/pkg (bash scripts/build.sh). EW_WWW_DIR points the check at
// another copy of www/ (used to prove the check fails on a real violation).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";

const WWW = resolve(
  process.env.EW_WWW_DIR ?? fileURLToPath(new URL("../../www/", import.meta.url)),
);
const PKG = join(WWW, "pkg");
const WASM = join(PKG, "ending_well_bg.wasm");

/** What in shipped JavaScript could make a request, by name and pattern. */
const JS_PATTERNS = [
  ["fetch(", /\bfetch\s*\(/],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/],
  ["sendBeacon", /\bsendBeacon\b/],
  ["WebSocket", /\bWebSocket\b/],
  ["EventSource", /\bEventSource\b/],
  ["new Worker(", /\bnew\s+Worker\s*\(/],
  ["SharedWorker", /\bSharedWorker\b/],
  ["importScripts", /\bimportScripts\b/],
  ["navigator.serviceWorker", /\bserviceWorker\b/],
  // A dynamic import() loads a module from a URL; the static `import ... from` is not matched,
  // nor the loader's import() of a module next to itself, written out ("./pkg/…"): that is the
  // same origin, which the strict policy's `script-src 'self'` allows and nothing else.
  ["dynamic import(", /(?<![\w$.])import\s*\((?!\s*(["'])\.\.?\/[^"'\s:]*\1\s*\))/],
];

/** Words that must not appear in the name of anything the WebAssembly module imports. */
const WASM_WORDS = [
  "fetch",
  "xmlhttprequest",
  "beacon",
  "websocket",
  "eventsource",
  "worker",
  "request",
];

/** The files under `dir` whose names end with one of `extensions`, recursively. */
function filesUnder(dir, extensions) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, extensions));
    else if (extensions.some((extension) => entry.name.endsWith(extension))) found.push(path);
  }
  return found.sort();
}

/** Every request-capable construct in `source`, as "name at line n: text". */
export function jsViolations(source) {
  const found = [];
  const lines = source.split("\n");
  lines.forEach((line, index) => {
    for (const [name, pattern] of JS_PATTERNS) {
      if (pattern.test(line)) {
        const text = line.trim();
        found.push(
          `${name} at line ${index + 1}: ${text.length > 120 ? `${text.slice(0, 120)}…` : text}`,
        );
      }
    }
  });
  return found;
}

/** The imports of a WebAssembly module whose module or name mentions a request word. */
export function wasmViolations(imports) {
  return imports
    .filter(({ module, name }) => {
      const label = `${module} ${name}`.toLowerCase();
      return WASM_WORDS.some((word) => label.includes(word));
    })
    .map(({ module, name, kind }) => `${module}.${name} (${kind})`);
}

/** A minimal WebAssembly module importing one function `module`.`name`. */
function moduleImporting(module, name) {
  const text = (value) => {
    const bytes = [...Buffer.from(value, "utf8")];
    return [bytes.length, ...bytes];
  };
  const section = (id, body) => [id, body.length, ...body];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x00, 0x00]),
    ...section(2, [0x01, ...text(module), ...text(name), 0x00, 0x00]),
  ]);
}

/** Reads a file, waiting a little if a rebuild removed it for a moment. */
function readWithRetry(path, encoding) {
  for (let attempt = 0; ; attempt++) {
    try {
      return readFileSync(path, encoding);
    } catch (error) {
      if (error.code !== "ENOENT" || attempt >= 60) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
    }
  }
}

describe("Ending Well, the shipped package", () => {
  it("the checks themselves catch a violation", () => {
    for (const bad of [
      "const r = fetch(url);",
      "window.fetch (url)",
      "new XMLHttpRequest()",
      "navigator.sendBeacon('/x', data)",
      "new WebSocket('wss://x')",
      "new EventSource('/x')",
      "new Worker('w.js')",
      "new SharedWorker('w.js')",
      "importScripts('x.js')",
      "navigator.serviceWorker.register('/sw.js')",
      "await import('https://example.com/x.js')",
      "import(url)",
      'import("./" + name)',
      'import("//example.com/x.js")',
    ]) {
      assert.notDeepEqual(jsViolations(bad), [], `the JavaScript check catches: ${bad}`);
    }
    for (const fine of [
      'import init, { mount } from "./pkg/ending_well.js";',
      'const glue = import("./pkg/ending_well.js");',
      "const prefetch = 1; // no request here",
      "module_or_path = new URL('x', import.meta.url);",
    ]) {
      assert.deepEqual(jsViolations(fine), [], `the JavaScript check lets through: ${fine}`);
    }
    const module = new WebAssembly.Module(
      moduleImporting("./ending_well_bg.js", "__wbg_fetch_1234"),
    );
    const imports = WebAssembly.Module.imports(module);
    assert.equal(imports.length, 1, "the synthetic module has its one import");
    assert.deepEqual(wasmViolations(imports), ["./ending_well_bg.js.__wbg_fetch_1234 (function)"]);
    const harmless = WebAssembly.Module.imports(
      new WebAssembly.Module(moduleImporting("./ending_well_bg.js", "__wbg_getItem_1")),
    );
    assert.deepEqual(wasmViolations(harmless), []);
  });

  it("ships no JavaScript that can make a request", () => {
    assert.ok(existsSync(PKG), `${PKG} is missing: run \`bash scripts/build.sh\` first`);
    const files = [
      ...new Set([
        ...filesUnder(PKG, [".js", ".mjs"]),
        join(WWW, "ending-well.js"),
        // Any other script the demo page ships is checked too.
        ...filesUnder(WWW, [".js", ".mjs"]),
      ]),
    ];
    assert.ok(
      files.some((file) => file.endsWith("ending_well.js")),
      "the glue is checked",
    );
    assert.ok(
      files.some((file) => file.endsWith("ending_well_bytes.js")),
      "the bytes are checked",
    );
    const problems = [];
    let characters = 0;
    for (const file of files) {
      const source = readWithRetry(file, "utf8");
      characters += source.length;
      for (const violation of jsViolations(source)) {
        problems.push(`${relative(WWW, file)}: ${violation}`);
      }
    }
    console.log(
      `package: ${files.length} JavaScript files checked (${characters} characters): ` +
        files.map((file) => relative(WWW, file)).join(", "),
    );
    assert.deepEqual(problems, [], "no request-capable code in the shipped JavaScript");
  });

  it("imports nothing into the WebAssembly module that can make a request", () => {
    assert.ok(existsSync(WASM), `${WASM} is missing: run \`bash scripts/build.sh\` first`);
    const module = new WebAssembly.Module(readWithRetry(WASM));
    const imports = WebAssembly.Module.imports(module);
    console.log(
      `package: ${imports.length} WebAssembly imports checked ` +
        `(${imports.filter((entry) => entry.kind === "function").length} functions)`,
    );
    assert.ok(imports.length > 0, "the module imports the browser APIs it uses");
    assert.deepEqual(wasmViolations(imports), [], "no import mentions a request API");
  });

  it("ships the module packed, byte for byte, and what unpacks it imports nothing", async () => {
    const bytes = join(PKG, "ending_well_bytes.js");
    assert.ok(existsSync(bytes), `${bytes} is missing: run \`bash scripts/build.sh\` first`);
    // The one other WebAssembly the package runs: the module that unpacks the module's bytes.
    const instantiate = WebAssembly.instantiate;
    const instantiated = [];
    WebAssembly.instantiate = (source, ...rest) => {
      instantiated.push(new WebAssembly.Module(source));
      return instantiate(source, ...rest);
    };
    let unpacked;
    try {
      unpacked = await (await import(pathToFileURL(bytes))).unpacked();
    } finally {
      WebAssembly.instantiate = instantiate;
    }
    assert.ok(Buffer.from(unpacked).equals(readWithRetry(WASM)), "the module, byte for byte");
    assert.equal(instantiated.length, 1);
    assert.deepEqual(
      WebAssembly.Module.imports(instantiated[0]),
      [],
      "the unpacker imports nothing",
    );
    console.log(
      `package: the module's ${readWithRetry(WASM).length} bytes unpacked from ` +
        `${readWithRetry(bytes).length} of JavaScript, by a module that imports nothing`,
    );
  });

  it("packs for npm exactly the files a clinic needs, and its exports resolve", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    for (const field of [
      "name",
      "version",
      "description",
      "license",
      "exports",
      "files",
      "types",
    ]) {
      assert.ok(manifest[field], `package.json has "${field}"`);
    }
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    );
    const paths = packed.files.map((file) => file.path).sort();
    console.log(`package: npm pack has ${paths.length} files, ${packed.size} bytes packed`);
    // The user-facing docs ship with it; the contributor guide does not. The configuration page
    // ships too: clinic staff open it from wherever the widget's files are.
    assert.deepEqual(paths, [
      "LICENSE",
      "README.md",
      "docs/accessibility.md",
      "docs/authoring.md",
      "docs/content.md",
      "docs/embedding.md",
      "docs/performance.md",
      "docs/privacy.md",
      "ending-well.d.ts",
      "package.json",
      "www/configure/configure.css",
      "www/configure/configure.js",
      "www/configure/index.html",
      "www/configure/left.html",
      "www/configure/left.js",
      "www/configure/preview.html",
      "www/configure/preview.js",
      "www/configure/settings.js",
      "www/ending-well.css",
      "www/ending-well.js",
      "www/pkg/ending_well.js",
      "www/pkg/ending_well_bytes.js",
      "www/pkg/ending_well_es.js",
    ]);
    const targets = [
      manifest.types,
      manifest.exports["."].types,
      manifest.exports["."].default,
      manifest.exports["./ending-well.css"],
    ];
    for (const target of targets) {
      assert.ok(paths.includes(target.replace(/^\.\//, "")), `${target} is in the package`);
    }
  });

  it("gives the integrity of every file a clinic copies, as the files are", () => {
    const listed = JSON.parse(readFileSync(join(PKG, "integrity.json"), "utf8"));
    const files = [
      "ending-well.js",
      "ending-well.css",
      "pkg/ending_well.js",
      "pkg/ending_well_bytes.js",
      "pkg/ending_well_es.js",
    ];
    assert.deepEqual(Object.keys(listed).sort(), [...files].sort());
    for (const file of files) {
      const hash = createHash("sha384")
        .update(readFileSync(join(WWW, file)))
        .digest("base64");
      assert.equal(listed[file], `sha384-${hash}`, file);
    }
    // The loader carries the stylesheet's hash, so the browser refuses a changed stylesheet.
    assert.ok(
      readFileSync(join(WWW, "ending-well.js"), "utf8").includes(listed["ending-well.css"]),
      "the loader checks the stylesheet",
    );
  });
});
