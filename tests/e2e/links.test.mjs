// Links in the documentation resolve: every relative link and image in the project's Markdown
// (README.md, CONTRIBUTING.md, docs/*.md) points at a file that exists, and every #anchor at a
// heading of that file, named as GitHub names it. A "file.md#anchor" written in the code (a
// comment in src/, www/, scripts/, bench/, tests/ or ending-well.d.ts) resolves too, from the
// repository's root. Links to other sites are not followed.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/links.test.mjs
// No build or browser needed.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/** Folders whose files may name a Markdown anchor, and folders never looked in. */
const CODE_PLACES = [
  "src",
  "www",
  "scripts",
  "bench",
  "tests",
  "fuzz",
  ".ci",
  "ending-well.d.ts",
  "build.rs",
];
const SKIPPED = new Set([
  "node_modules",
  "target",
  "pkg",
  "corpus",
  "artifacts",
  "coverage",
  ".git",
]);
const CODE_EXTENSIONS = [".rs", ".js", ".mjs", ".ts", ".html", ".css", ".json", ".sh", ".toml", ""];

/** The Markdown files of the documentation under `root`, relative to it. */
export function markdownFiles(root) {
  const files = ["README.md", "CONTRIBUTING.md"].filter((file) => existsSync(join(root, file)));
  const docs = join(root, "docs");
  if (existsSync(docs)) {
    for (const name of readdirSync(docs).sort()) {
      if (name.endsWith(".md")) files.push(join("docs", name));
    }
  }
  return files;
}

/** Markdown without its fenced code blocks, each line kept (blank) so line numbers stay. */
function withoutFences(text) {
  let fence = null;
  return text.split("\n").map((line) => {
    const marker = line.match(/^\s*(`{3,}|~{3,})/);
    if (fence) {
      if (marker && marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = null;
      return "";
    }
    if (marker) {
      fence = marker[1];
      return "";
    }
    return line;
  });
}

/** The anchor GitHub gives a heading's text. */
export function slug(heading) {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link's text only
    .replace(/<[^>]+>/g, "") // HTML tags
    .replace(/[`*]/g, "") // code and emphasis marks
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown text offers: its headings, numbered as GitHub numbers repeats, and ids. */
export function anchors(text) {
  const found = new Set();
  const seen = new Map();
  for (const line of withoutFences(text)) {
    const heading = line.match(/^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/);
    if (heading) {
      const base = slug(heading[1]);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      found.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const id of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) found.add(id[1]);
  }
  return found;
}

/** The relative link targets in a Markdown text, with their line numbers; code is left out. */
export function links(text) {
  const found = [];
  withoutFences(text).forEach((line, index) => {
    const prose = line.replace(/`[^`]*`/g, "code");
    for (const link of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      found.push({ target: link[1], line: index + 1 });
    }
    const definition = prose.match(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/);
    if (definition) found.push({ target: definition[1], line: index + 1 });
  });
  return found.filter(({ target }) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** Why `target`, written in `from` (a file under `root`), does not resolve; null when it does. */
export function problemWith(root, from, target) {
  const hash = target.indexOf("#");
  const path = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
  const file = path === "" ? resolve(root, from) : resolve(dirname(resolve(root, from)), path);
  if (file !== resolve(root) && !file.startsWith(resolve(root) + sep)) {
    return `${target}: outside the repository`;
  }
  if (!existsSync(file)) return `${target}: no such file`;
  if (anchor === null) return null;
  if (statSync(file).isDirectory() || !file.endsWith(".md")) {
    return `${target}: an anchor on something that is not a Markdown file`;
  }
  if (!anchors(readFileSync(file, "utf8")).has(anchor)) {
    return `${target}: ${relative(root, file)} has no heading "#${anchor}"`;
  }
  return null;
}

/** Every broken link in the documentation under `root`, as "file:line: problem". */
export function brokenLinks(root) {
  const problems = [];
  let checked = 0;
  for (const file of markdownFiles(root)) {
    for (const { target, line } of links(readFileSync(join(root, file), "utf8"))) {
      checked += 1;
      const problem = problemWith(root, file, target);
      if (problem) problems.push(`${file}:${line}: ${problem}`);
    }
  }
  return { problems, checked };
}

/** The files under `root` where code may name a Markdown anchor, relative to `root`. */
function codeFiles(root, places, skip) {
  const found = [];
  const walk = (path) => {
    const full = join(root, path);
    if (!existsSync(full) || full === skip) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) {
        if (!SKIPPED.has(name)) walk(join(path, name));
      }
    } else if (
      CODE_EXTENSIONS.some((extension) =>
        extension ? path.endsWith(extension) : !basename(path).includes("."),
      )
    ) {
      found.push(path);
    }
  };
  places.forEach(walk);
  return found;
}

/** Every "file.md#anchor" in the code under `root` that does not resolve from the root. */
export function brokenCodeReferences(root, places = CODE_PLACES, skip = SELF) {
  const problems = [];
  let checked = 0;
  for (const file of codeFiles(root, places, skip)) {
    readFileSync(join(root, file), "utf8")
      .split("\n")
      .forEach((text, index) => {
        for (const reference of text.matchAll(/(?<![\w./-])((?:[\w.-]+\/)*[\w.-]+\.md#[\w-]+)/g)) {
          checked += 1;
          const problem = problemWith(root, "README.md", reference[1]);
          if (problem) problems.push(`${file}:${index + 1}: ${problem}`);
        }
      });
  }
  return { problems, checked };
}

describe("Links in the documentation", () => {
  it("the checks themselves catch a broken link and a broken anchor", () => {
    assert.equal(slug("The `check` tool"), "the-check-tool");
    assert.equal(slug("Privacy, reliability and security"), "privacy-reliability-and-security");
    assert.equal(slug("The layers of `src/`"), "the-layers-of-src");
    assert.equal(slug("What `npm test` runs, in order"), "what-npm-test-runs-in-order");
    assert.deepEqual(
      [...anchors("# A\n## B\n```\n## Not a heading\n```\n## B\n")],
      ["a", "b", "b-1"],
    );

    const root = mkdtempSync(join(tmpdir(), "ending-well-links-"));
    try {
      mkdirSync(join(root, "docs"));
      mkdirSync(join(root, "src"));
      writeFileSync(join(root, "LICENSE"), "MIT\n");
      writeFileSync(
        join(root, "docs", "guide.md"),
        "# Guide\n\n## Clinic settings\n\nBack to [the start](../README.md#start).\n",
      );
      writeFileSync(
        join(root, "README.md"),
        [
          "# Start",
          "",
          "[good file](LICENSE), [good anchor](docs/guide.md#clinic-settings), [here](#start),",
          "[web](https://example.org/#x), [mail](mailto:a@example.org).",
          "[missing file](docs/nothing.md)",
          "[missing anchor](docs/guide.md#clinic-setting)",
          "[missing here](#nowhere)",
          "`[in code](docs/nothing.md)` is not a link.",
          "```",
          "[in a fence](docs/nothing.md)",
          "```",
          "[outside](../elsewhere.md)",
        ].join("\n"),
      );
      const { problems, checked } = brokenLinks(root);
      assert.equal(checked, 8, "every link outside code is checked once, other sites left out");
      assert.deepEqual(problems, [
        "README.md:5: docs/nothing.md: no such file",
        'README.md:6: docs/guide.md#clinic-setting: docs/guide.md has no heading "#clinic-setting"',
        'README.md:7: #nowhere: README.md has no heading "#nowhere"',
        "README.md:12: ../elsewhere.md: outside the repository",
      ]);

      writeFileSync(
        join(root, "src", "lib.rs"),
        "//! See docs/guide.md#clinic-settings and docs/guide.md#clinic-setting.\n",
      );
      const code = brokenCodeReferences(root, ["src"], null);
      assert.equal(code.checked, 2);
      assert.deepEqual(code.problems, [
        'src/lib.rs:1: docs/guide.md#clinic-setting: docs/guide.md has no heading "#clinic-setting"',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("every relative link and anchor in README.md, CONTRIBUTING.md and docs/ resolves", () => {
    const files = markdownFiles(ROOT);
    assert.ok(
      files.includes("README.md") && files.includes("CONTRIBUTING.md"),
      "the docs are found",
    );
    assert.ok(
      files.some((file) => file.startsWith("docs")),
      "docs/ is found",
    );
    const { problems, checked } = brokenLinks(ROOT);
    console.log(
      `links: ${checked} relative links checked in ${files.length} files: ${files.join(", ")}`,
    );
    assert.ok(checked > 0, "some links are checked");
    assert.deepEqual(problems, [], "every link resolves");
  });

  it("every file.md#anchor named in the code resolves", () => {
    const { problems, checked } = brokenCodeReferences(ROOT);
    console.log(`links: ${checked} Markdown anchors named in the code checked`);
    assert.deepEqual(problems, [], "every anchor named in the code resolves");
  });
});
