// `npm run bench`: Ending Well and SurveyJS side by side, rendering the same questionnaire in
// headless Chromium (Debian's), a cold profile per run. Prints a table with medians, minimums,
// maximums and the ratios to SurveyJS against the targets, and writes bench/latest.json.
//
//   BENCH_RUNS=10 node bench/run.mjs      (after `npm run build`)
//
// BENCH_SCALE_RUNS (default 3) sets the runs at each generated size below; BENCH_SERVE=1 only
// serves the two pages, to look at them.
//
// What is measured, for each product:
// - bytes: every JavaScript, WebAssembly and CSS file the page loads, raw and gzip -9;
// - first screen: from navigation start to the first screen of the questionnaire being in the
//   DOM (Ending Well: the introduction's heading, which is its first screen; SurveyJS: the first
//   question, which is its first screen), seen by a MutationObserver, also inside shadow roots;
// - clicks as a client feels them: over a completion of the whole questionnaire, each option and
//   scale point clicked with the browser's own mouse input, timed from the click event's own
//   timestamp (when the browser took the input) to the first change of the DOM after it (seen by
//   a MutationObserver, also inside shadow roots) and to the next frame painted after that change
//   (the first task after that frame's animation-frame callbacks, when it has been drawn); and
//   where those milliseconds go: the browser giving the click to the page (to the first click
//   listener), the page's own work to the DOM change, the wait for the next frame to start, and
//   that frame's drawing, for the median click and for the slowest 5%;
// - keypress latency: from a scripted key's events to the end of the work they cause: the
//   handlers, their microtasks and any rendering the framework put off with a timer of 0
//   (measured by a timer queued just after the events);
// - section change: from "next" to the next section's heading in the DOM;
// - memory at the end, after a forced garbage collection: the JavaScript heap and array buffer
//   backing stores from the DevTools protocol, plus WebAssembly's memory, which they leave out;
// - quick exit, by a click, a tap on a touch screen and Shift pressed three times: from the
//   input event's own timestamp to the first frame without the questionnaire on screen (the
//   frame in which it is covered or hidden or, when the next page arrives before that frame,
//   the next page's first paint), and to the first paint of the neutral page it leaves for. The peer is the usual plain-JavaScript
//   exit button (as GOV.UK's "Exit this page": on activation an overlay covers the page and the
//   neutral page is requested) next to the same SurveyJS questionnaire. The neutral address is
//   answered locally for both, so nothing leaves the machine;
// - on a phone's terms: the runs above again with the CPU slowed 4 times and a slow mobile
//   network (Lighthouse's mobile settings: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up),
//   through Chromium's DevTools protocol, the files sent gzip-compressed as a web server would;
//   first screen, the first question after "Start", clicks and memory, as ratios;
// - at scale, Ending Well alone on generated questionnaires of 100, 1,000 and 5,000 questions:
//   mounting, the first section, a section change and the memory at the end.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { launchChromium } from "../scripts/browser.mjs";
import { POLICY } from "../scripts/serve.mjs";
import { builtIn, toSurveyJs } from "./to-surveyjs.mjs";
import { FILES, KB, ROOT, SURVEY_CORE, payload } from "./payload.mjs";
import { generated } from "./generated.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** Cold runs of each product on a phone's terms (slower: the CPU runs at a quarter). */
const PHONE_RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5);

/**
 * A mid-range phone on a slow mobile network, as Lighthouse's mobile settings have it: the CPU 4
 * times slower, 150 ms round trips, 1.6 Mbit/s down and 750 kbit/s up (in bytes per second).
 */
const PHONE = {
  cpu: 4,
  network: {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  },
};
const SURVEY_VERSION = JSON.parse(readFileSync(join(SURVEY_CORE, "package.json"), "utf8")).version;

/** The targets (issues 8 and 19), as the largest ratio Ending Well / SurveyJS allowed. */
const TARGETS = {
  "payload, gzip": 1 / 4,
  "first screen": 1 / 5,
  "click to DOM, median": 1 / 5,
  "click to paint, p95": 1 / 4,
  "memory at the end": 1 / 3,
};

const questionnaire = builtIn();
const survey = toSurveyJs(questionnaire, "en");

const PAGES = {
  "/ew/": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ending Well</title><script type="module" src="ending-well.js"></script></head>
<body><ending-well></ending-well></body></html>`,
  "/sjs/": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SurveyJS</title><link rel="stylesheet" href="survey-core.min.css">
<script src="survey.core.min.js"></script><script src="survey-js-ui.min.js"></script></head>
<body><div id="survey"></div>
<script type="application/json" id="definition">${JSON.stringify(survey).replaceAll("<", "\\u003c")}</script>
<script>
const model = new Survey.Model(JSON.parse(document.getElementById("definition").textContent));
SurveyUI.renderSurvey(model, document.getElementById("survey"));
</script></body></html>`,
};

const SIZES = [100, 1_000, 5_000];

/** Where quick exit goes: Ending Well's default, answered locally by the benchmark. */
const EXIT_URL = "https://www.bbc.co.uk/weather";

/**
 * The peer for quick exit: SurveyJS with the usual plain-JavaScript exit, as GOV.UK's "Exit this
 * page" works: a button, or Shift pressed on its own three times within five seconds, covers the
 * page with an overlay and requests the neutral page in place of this one.
 */
PAGES["/sjs/exit.html"] = PAGES["/sjs/"].replace(
  '<body><div id="survey"></div>',
  `<body><button type="button" id="exit">Leave this page</button><div id="survey"></div>
<script>
const exit = () => {
  const overlay = document.createElement("div");
  overlay.className = "exit-overlay";
  overlay.style.cssText = "position:fixed;inset:0;background:#fff;z-index:2147483647";
  document.body.append(overlay);
  location.replace(${JSON.stringify(EXIT_URL)});
};
document.getElementById("exit").addEventListener("click", exit);
let presses = [];
let alone = false;
addEventListener("keydown", (event) => { alone = event.key === "Shift" && !event.repeat; });
addEventListener("keyup", (event) => {
  if (event.key !== "Shift" || !alone) return;
  presses = [...presses.filter((at) => event.timeStamp - at < 5000), event.timeStamp];
  if (presses.length >= 3) exit();
});
</script>`,
);

/** The scale page: the glue used directly, so that mounting can be timed on its own. */
PAGES["/ew/scale.html"] = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ending Well at scale</title>
<link rel="stylesheet" href="ending-well.css"></head><body><div id="host"></div>
<script type="module" src="scale.js"></script></body></html>`;
PAGES["/ew/scale.js"] = `import { initSync, mount } from "./pkg/ending_well.js";
import { wasmModule } from "./pkg/ending_well_bytes.js";
initSync({ module: await wasmModule() });
const count = Number(new URL(location.href).searchParams.get("n"));
const definition = ${generated.toString()};
const questionnaire = JSON.stringify(definition(count));
const start = performance.now();
window.__widget = mount(document.getElementById("host"), { questionnaire, saving: false });
window.__mounted = performance.now() - start;
`;

const TYPES = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html" };

/** What a file is sent as: gzip-compressed, as a web server would, when the browser accepts it. */
const compressed = new Map();
function body(request, headers, content) {
  if (!/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) return content;
  headers["Content-Encoding"] = "gzip";
  if (!compressed.has(content)) compressed.set(content, gzipSync(content, { level: 9 }));
  return compressed.get(content);
}

function serve() {
  const files = { ...FILES["ending-well"], ...FILES.surveyjs };
  const server = createServer((request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
    const headers = { "Cache-Control": "no-store", Vary: "Accept-Encoding" };
    if (path.startsWith("/ew/")) headers["Content-Security-Policy"] = POLICY;
    if (PAGES[path]) {
      const type = TYPES[extname(path)] ?? "text/html";
      const content = body(request, headers, PAGES[path]);
      response.writeHead(200, { ...headers, "Content-Type": `${type}; charset=utf-8` });
      response.end(content);
    } else if (files[path]) {
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      const content = body(request, headers, readFileSync(files[path], "utf8"));
      response.writeHead(200, { ...headers, "Content-Type": `${type}; charset=utf-8` });
      response.end(content);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

/**
 * Runs in the page before its scripts: records when the first screen appears (also inside shadow
 * roots, which a MutationObserver on the document does not see) and offers the timing helpers.
 */
function instrument(firstSelector) {
  const roots = [document];
  const found = () => roots.some((root) => root.querySelector(firstSelector));
  const watch = (root) => {
    const observer = new MutationObserver(() => {
      if (window.__firstScreen === undefined && found()) {
        window.__firstScreen = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attach.call(this, init);
    roots.push(shadow);
    watch(shadow);
    return shadow;
  };
  watch(document);
  window.__roots = roots;
  window.__$ = (selector) => {
    for (const root of roots) {
      const found = root.querySelector(selector);
      if (found) return found;
    }
    return null;
  };
  window.__$$ = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
  /**
   * Clicks as a client feels them: each trusted click's own timestamp, when the page was given
   * it, the first DOM change after it, the start of the next frame (its animation-frame
   * callbacks) and that frame painted, in `__clicks`.
   */
  window.__clicks = [];
  addEventListener(
    "click",
    (event) => {
      // A person's click, once: the click a label passes on to its input has the same timestamp.
      if (event.isTrusted && window.__clicks.at(-1)?.at !== event.timeStamp) {
        window.__clicks.push({
          at: event.timeStamp,
          given: performance.now(),
          dom: null,
          frame: null,
          paint: null,
        });
      }
    },
    true,
  );
  const changed = () => {
    const click = window.__clicks.at(-1);
    if (!click || click.dom !== null) return;
    click.dom = performance.now();
    requestAnimationFrame(() => {
      click.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        click.paint = performance.now();
      };
      channel.port2.postMessage(null);
    });
  };
  const observeChanges = (root) =>
    new MutationObserver(changed).observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    });
  observeChanges(document);
  const attachForChanges = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attachForChanges.call(this, init);
    observeChanges(shadow);
    return shadow;
  };
  /** Time from running `act` to the end of the work it queued (a timer of 0 queued after it). */
  window.__time = (act) =>
    new Promise((done) => {
      const start = performance.now();
      act();
      setTimeout(() => done(performance.now() - start), 0);
    });
}

/**
 * Runs in the page before its scripts: keeps every WebAssembly instance, so that its memory,
 * which the JavaScript heap figures leave out, can be counted.
 */
function recordWasm() {
  window.__instances = [];
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    const instance = new Instance(module, imports);
    window.__instances.push(instance);
    return instance;
  };
  WebAssembly.Instance.prototype = Instance.prototype;
}

/** The memory in use at the end, after a forced garbage collection, in bytes. */
async function memoryAtTheEnd(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() =>
    window.__instances.reduce((sum, instance) => {
      const memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
      return sum + (memory?.buffer.byteLength ?? 0);
    }, 0),
  );
  const buffers = heap.backingStorageSize ?? 0;
  return { memory: heap.usedSize + buffers + wasm, heap: heap.usedSize, buffers, wasm };
}

/** How each product's page is driven: the same steps, in its own markup. */
const DRIVERS = {
  "ending-well": {
    path: "/ew/",
    first: ".ew-screen h2",
    heading: () => __$(".ew-screen h2.ew-heading")?.textContent ?? "",
    start: async (page) =>
      clickAndWaitForHeading(page, '.ew-screen button[data-ew-action="start"]'),
    next: '.ew-screen button[data-ew-action="next"]',
    /** The questions on screen now: what to click and where to type. */
    questions: () =>
      __$$(".ew-question:not([hidden])").map((block) => {
        const inputs = [
          ...block.querySelectorAll("input[data-ew-role=option], input[data-ew-role=point]"),
        ];
        const text = block.querySelector("textarea, input[data-ew-role=text]");
        return { clicks: inputs.length, typed: Boolean(text) };
      }),
    clickTarget: (question, option) => {
      const blocks = __$$(".ew-question:not([hidden])");
      return blocks[question]?.querySelectorAll(
        "input[data-ew-role=option], input[data-ew-role=point]",
      )[option];
    },
    textTarget: (question) =>
      __$$(".ew-question:not([hidden])")[question]?.querySelector(
        "textarea, input[data-ew-role=text]",
      ),
    done: () => Boolean(__$('.ew-screen button[data-ew-action="summary"]')),
  },
  surveyjs: {
    path: "/sjs/",
    first: ".sd-question",
    heading: () => __$(".sd-page__title")?.textContent ?? "",
    start: async () => {},
    next: ".sd-navigation__next-btn",
    questions: () =>
      __$$(".sd-page .sd-question").map((block) => {
        const inputs = [
          ...block.querySelectorAll(
            "input[type=radio]:not([value=other]), input[type=checkbox]:not([value=other])",
          ),
        ];
        const text = block.querySelector("textarea, input[type=text]");
        return { clicks: inputs.length, typed: Boolean(text) };
      }),
    clickTarget: (question, option) => {
      const blocks = __$$(".sd-page .sd-question");
      const inputs = blocks[question]?.querySelectorAll(
        "input[type=radio]:not([value=other]), input[type=checkbox]:not([value=other])",
      );
      const input = inputs?.[option];
      // SurveyJS draws its own boxes over visually hidden inputs: click what a person would.
      // ("Other" is left alone: it asks for its text before the page may change, and Ending
      // Well's "something else" is not clicked either.)
      return input?.closest("label") ?? input;
    },
    textTarget: (question) =>
      __$$(".sd-page .sd-question")[question]?.querySelector("textarea, input[type=text]"),
    // The last page: no "Next" on screen any more, only "Complete".
    done: () => {
      const next = __$(".sd-navigation__next-btn");
      return !next || next.offsetParent === null;
    },
  },
};

async function clickAndWaitForHeading(page, selector) {
  return page.evaluate(async (selector) => {
    const before = __$(".ew-screen h2.ew-heading, .sd-page__title")?.textContent;
    const start = performance.now();
    __$(selector).click();
    while (performance.now() - start < 10_000) {
      const now = __$(".ew-screen h2.ew-heading, .sd-page__title")?.textContent;
      if (now !== undefined && now !== before) return performance.now() - start;
      await new Promise((done) => setTimeout(done, 0));
    }
    throw new Error(`no new section 10 s after clicking ${selector}`);
  }, selector);
}

const TYPED = "It helped to be heard.";

/**
 * Clicks an option with the browser's own mouse input, at its middle, and returns the click as
 * the page timed it: `{ toDom, toPaint }` in ms from the event's timestamp, or null when the
 * option is not there or the click changed nothing on screen (within a second). A click that
 * reaches no element (SurveyJS can still be laying out questions as they scroll into view, which
 * moves the option after it was measured) is measured and tried again, up to three times.
 */
async function realClick(page, driver, index, option) {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const spot = await page.evaluate(
      ([target, index, option]) => {
        const element = eval(`(${target})`)(index, option);
        if (!element) return null;
        element.scrollIntoView({ block: "center", behavior: "instant" });
        const box = element.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, before: __clicks.length };
      },
      [String(driver.clickTarget), index, option],
    );
    if (!spot) return null;
    await page.mouse.click(spot.x, spot.y);
    const click = await page
      .waitForFunction(
        (before) => {
          const click = __clicks[before];
          if (!click) return null;
          if (click.paint !== null) return click;
          return performance.now() - click.at > 1000 ? { ...click, changed: false } : null;
        },
        spot.before,
        { timeout: 2_000, polling: 16 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (!click) continue;
    if (click.changed === false || click.dom === null) return null;
    return {
      toDom: click.dom - click.at,
      toPaint: click.paint - click.at,
      // Where its milliseconds went, adding up to toPaint.
      parts: {
        given: click.given - click.at,
        handled: click.dom - click.given,
        waited: click.frame - click.dom,
        drawn: click.paint - click.frame,
      },
    };
  }
  throw new Error(`three clicks on option ${option} of question ${index} reached nothing`);
}

/**
 * One cold run: load, fill in every section, measure. `phone`: on a phone's terms (PHONE), at a
 * phone's width.
 */
async function run(browser, origin, product, phone = false) {
  const driver = DRIVERS[product];
  const viewport = phone ? { width: 390, height: 844 } : { width: 1000, height: 800 };
  const context = await browser.newContext({ viewport });
  await context.addInitScript(recordWasm);
  await context.addInitScript(instrument, driver.first);
  const page = await context.newPage();
  if (phone) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpu });
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", PHONE.network);
  }
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${origin}${driver.path}`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__firstScreen !== undefined, null, { timeout: 30_000 });
  const firstScreen = await page.evaluate(() => window.__firstScreen);
  // Ending Well's first questions come after "Start"; SurveyJS shows them at once.
  const start = await driver.start(page);
  const firstQuestion = firstScreen + (start ?? 0);

  const clicks = [];
  const keys = [];
  const sections = [];
  for (let section = 0; section < 40; section += 1) {
    const questions = await page.evaluate(`(${driver.questions})()`);
    for (const [index, question] of questions.entries()) {
      // Choose the last option (a scale's top point), then for checkboxes another one too.
      for (const option of question.clicks > 0 ? [question.clicks - 1, 0] : []) {
        const timed = await realClick(page, driver, index, option);
        if (timed) clicks.push(timed);
      }
      if (question.typed) {
        for (const character of TYPED) {
          const ms = await page.evaluate(
            async ([target, index, character]) => {
              const element = eval(`(${target})`)(index);
              if (!element) return null;
              return __time(() => {
                element.dispatchEvent(
                  new KeyboardEvent("keydown", { key: character, bubbles: true, composed: true }),
                );
                element.value += character;
                element.dispatchEvent(
                  new InputEvent("input", {
                    data: character,
                    inputType: "insertText",
                    bubbles: true,
                    composed: true,
                  }),
                );
                element.dispatchEvent(
                  new KeyboardEvent("keyup", { key: character, bubbles: true, composed: true }),
                );
              });
            },
            [String(driver.textTarget), index, character],
          );
          if (ms !== null) keys.push(ms);
        }
      }
    }
    if (await page.evaluate(`(${driver.done})()`)) break;
    sections.push(await clickAndWaitForHeading(page, driver.next));
  }

  const memory = await memoryAtTheEnd(context, page);
  await context.close();
  if (errors.length) throw new Error(`${product}: page errors: ${errors.join("; ")}`);
  return { firstScreen, firstQuestion, clicks, keys, sections, ...memory };
}

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}
const stats = (values) => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});

function summarise(runs) {
  const all = (key) => runs.flatMap((run) => run[key]);
  return {
    firstScreen: stats(runs.map((run) => run.firstScreen)),
    firstQuestion: stats(runs.map((run) => run.firstQuestion)),
    clickDomMedian: stats(runs.map((run) => median(run.clicks.map((c) => c.toDom)))),
    clickDomP95: stats(
      runs.map((run) =>
        quantile(
          run.clicks.map((c) => c.toDom),
          0.95,
        ),
      ),
    ),
    clickPaintMedian: stats(runs.map((run) => median(run.clicks.map((c) => c.toPaint)))),
    clickPaintP95: stats(
      runs.map((run) =>
        quantile(
          run.clicks.map((c) => c.toPaint),
          0.95,
        ),
      ),
    ),
    clickParts: clickParts(runs),
    keyMedian: stats(runs.map((run) => median(run.keys))),
    keyP95: stats(runs.map((run) => quantile(run.keys, 0.95))),
    sectionMedian: stats(runs.map((run) => median(run.sections))),
    memory: stats(runs.map((run) => run.memory)),
    counts: {
      clicks: all("clicks").length / runs.length,
      keys: all("keys").length / runs.length,
      sections: all("sections").length / runs.length,
    },
  };
}

/** The four parts of a click's time to paint, in order, with what each row calls them. */
const PARTS = {
  given: "the browser gives the click to the page",
  handled: "the page's own work, to the DOM change",
  waited: "waiting for the next frame",
  drawn: "that frame's style, layout and paint",
};

/**
 * Where the milliseconds of a click go, over all the runs' clicks: each part's median over every
 * click, and its mean over the slowest 5% of clicks to paint (those at or above the 95th
 * percentile), which are what the 95th percentile is made of.
 */
function clickParts(runs) {
  const clicks = runs.flatMap((run) => run.clicks);
  const slow = quantile(
    clicks.map((c) => c.toPaint),
    0.95,
  );
  const slowest = clicks.filter((c) => c.toPaint >= slow);
  const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const parts = {};
  for (const part of Object.keys(PARTS)) {
    parts[part] = {
      median: median(clicks.map((c) => c.parts[part])),
      slowest: mean(slowest.map((c) => c.parts[part])),
    };
  }
  return {
    parts,
    toPaint: {
      median: median(clicks.map((c) => c.toPaint)),
      slowest: mean(slowest.map((c) => c.toPaint)),
    },
    slowest: slowest.length,
  };
}

/** The table of where a click's milliseconds go, for `results` as `table` takes them. */
function partsTable(results) {
  const ew = results["ending-well"].summary.clickParts;
  const sjs = results.surveyjs.summary.clickParts;
  const row = (name, a, b) =>
    `| ${name} | ${ms(a.median)} | ${ms(b.median)} | ${ms(a.slowest)} | ${ms(b.slowest)} |`;
  return [
    `| Part of a click | Ending Well, median | SurveyJS, median | Ending Well, slowest 5% (${ew.slowest} clicks) | SurveyJS, slowest 5% (${sjs.slowest} clicks) |`,
    "|---|---|---|---|---|",
    ...Object.entries(PARTS).map(([part, name]) => row(name, ew.parts[part], sjs.parts[part])),
    row("click to paint", ew.toPaint, sjs.toPaint),
  ].join("\n");
}

const MB = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const range = (s, unit) => `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;

/**
 * The table of `results` ({ "ending-well", surveyjs }, each with its bytes and summary); `phone`:
 * the phone's rows only, with targets shown but not applied (the targets are for the desktop run).
 */
function table(results, phone = false) {
  const ew = results["ending-well"];
  const sjs = results.surveyjs;
  // A measure's row: both ranges, and the ratio of the medians.
  const measured = (name, key, unit) => [
    name,
    range(ew.summary[key], unit),
    range(sjs.summary[key], unit),
    ew.summary[key].median / sjs.summary[key].median,
  ];
  const bytes = () => [
    ["payload, raw", KB(ew.bytes.raw), KB(sjs.bytes.raw), ew.bytes.raw / sjs.bytes.raw],
    ["payload, gzip", KB(ew.bytes.gzip), KB(sjs.bytes.gzip), ew.bytes.gzip / sjs.bytes.gzip],
  ];
  const rows = [
    ...(phone ? [] : bytes()),
    measured("first screen", "firstScreen", ms),
    measured("first question", "firstQuestion", ms),
    measured("click to DOM, median", "clickDomMedian", ms),
    measured("click to DOM, p95", "clickDomP95", ms),
    measured("click to paint, median", "clickPaintMedian", ms),
    measured("click to paint, p95", "clickPaintP95", ms),
    measured("keypress, median", "keyMedian", ms),
    measured("keypress, p95", "keyP95", ms),
    measured("section change, median", "sectionMedian", ms),
    measured("memory at the end", "memory", MB),
  ];
  const lines = [
    "| Measure | Ending Well | SurveyJS | Ratio | Target | Met |",
    "|---|---|---|---|---|---|",
    ...rows.map(([name, a, b, ratio]) => {
      const target = phone ? undefined : TARGETS[name];
      const met = target === undefined ? "" : ratio <= target ? "yes" : "no";
      return `| ${name} | ${a} | ${b} | ${ratio.toFixed(3)} | ${target === undefined ? "" : `≤ ${target.toFixed(3)}`} | ${met} |`;
    }),
  ];
  return lines.join("\n");
}

/** One cold run at a size: mount, first section, section changes, memory. */
async function scaleRun(browser, origin, count) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript(recordWasm);
  await context.addInitScript(instrument, ".ew-screen h2");
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${origin}/ew/scale.html?n=${count}`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__mounted !== undefined, null, { timeout: 120_000 });
  const mounted = await page.evaluate(() => window.__mounted);
  const firstSection = await clickAndWaitForHeading(
    page,
    '.ew-screen button[data-ew-action="start"]',
  );
  const changes = [];
  for (let index = 0; index < 10; index += 1) {
    changes.push(await clickAndWaitForHeading(page, '.ew-screen button[data-ew-action="next"]'));
  }
  const { memory } = await memoryAtTheEnd(context, page);
  await context.close();
  if (errors.length) throw new Error(`${count} questions: page errors: ${errors.join("; ")}`);
  return { mounted, firstSection, sectionChange: median(changes), memory };
}

/**
 * Runs in the page before its scripts: reports the time (since the epoch, as the next page's own
 * clock counts) of each input that may start quick exit, and of the frame that first draws the
 * page covered or hidden after one, seen by a MutationObserver: the animation frame's callback,
 * after which the frame is drawn in the same task. Covered or hidden is `covered` (a selector)
 * showing, or `shown` (a selector) gone once it had shown: Ending Well's loader, leaving before
 * the module has started, empties the widget rather than hiding it. A navigation that commits
 * first leaves no such frame.
 */
function watchQuickExit({ covered, shown }) {
  let asked = false;
  const report = (what, at) => window.__quickExit?.(what, performance.timeOrigin + at);
  const input = (event) => {
    asked = true;
    report("input", event.timeStamp);
  };
  addEventListener("click", input, true);
  addEventListener("keyup", (event) => event.key === "Shift" && input(event), true);
  // Each time the page turns covered or hidden (the widget taking over in place is not such a
  // time: its first screen is replaced within one task), the frame that first draws it.
  let gone = false;
  const check = () => {
    const now = asked && Boolean(window.__$?.(covered) || !window.__$?.(shown));
    if (now && !gone) requestAnimationFrame(() => report("covered", performance.now()));
    gone = now;
  };
  const observe = (root) =>
    new MutationObserver(check).observe(root, { attributes: true, childList: true, subtree: true });
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attach.call(this, init);
    observe(shadow);
    return shadow;
  };
}

/** How quick exit is started on each product's page, and what shows it has taken effect. */
const EXITS = {
  "ending-well": {
    path: "/ew/",
    ready: ".ew-screen h2",
    button: ".ew-topbar [data-ew-action=exit]",
    covered: ".ew[hidden]",
  },
  surveyjs: {
    path: "/sjs/exit.html",
    ready: ".sd-question",
    button: "#exit",
    covered: ".exit-overlay",
  },
};

/** One cold run of quick exit, started `how`: the two times a person would notice, in ms. */
async function quickExitRun(browser, origin, product, how) {
  const exit = EXITS[product];
  const touch = how === "tap" ? { hasTouch: true, isMobile: true } : {};
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...touch });
  await context.route(`${EXIT_URL}**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Weather</h1>" }),
  );
  const times = { input: [], covered: [] };
  await context.exposeBinding("__quickExit", (_, what, at) => times[what].push(at));
  await context.addInitScript(instrument, exit.ready);
  await context.addInitScript(watchQuickExit, { covered: exit.covered, shown: exit.ready });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${origin}${exit.path}`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__firstScreen !== undefined, null, { timeout: 30_000 });
  const button = page.locator(
    product === "ending-well" ? `ending-well ${exit.button}` : exit.button,
  );
  if (how === "click") await button.click();
  else if (how === "tap") await button.tap();
  else for (let press = 0; press < 3; press += 1) await page.keyboard.press("Shift");
  await page.waitForURL(EXIT_URL);
  const painted = await page.evaluate(
    () =>
      new Promise((done) => {
        const report = (entry) => done(performance.timeOrigin + entry.startTime);
        const [entry] = performance.getEntriesByName("first-contentful-paint");
        if (entry) return report(entry);
        new PerformanceObserver((list) => {
          const found = list.getEntriesByName("first-contentful-paint")[0];
          if (found) report(found);
        }).observe({ type: "paint", buffered: true });
      }),
  );
  await context.close();
  if (errors.length) throw new Error(`${product}: page errors: ${errors.join("; ")}`);
  const input = times.input.at(-1);
  if (input === undefined) throw new Error(`${product}, ${how}: the input was not seen`);
  // Gone from the screen: the frame that hid it after the last input or, if none came first,
  // the next page.
  const covered = times.covered.find((at) => at >= input) ?? Infinity;
  return {
    gone: Math.min(covered, painted) - input,
    painted: painted - input,
  };
}

const EXIT_WAYS = ["click", "tap", "shift"];

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
if (process.env.BENCH_SERVE) {
  // Only serve both pages, to look at them: BENCH_SERVE=1 node bench/run.mjs
  console.log(`Ending Well: ${origin}/ew/  SurveyJS: ${origin}/sjs/  (Ctrl+C to stop)`);
  await new Promise(() => {});
}
const browser = await launchChromium();
const results = {};
try {
  for (const product of ["ending-well", "surveyjs"]) {
    const runs = [];
    for (let index = 0; index < RUNS; index += 1) {
      runs.push(await run(browser, origin, product));
      process.stderr.write(`${product}: run ${index + 1} of ${RUNS}\r`);
    }
    process.stderr.write("\n");
    results[product] = { bytes: payload(product), summary: summarise(runs), runs };
  }
  // On a phone's terms: the two products take turns, run by run.
  const phoneRuns = { "ending-well": [], surveyjs: [] };
  for (let index = 0; index < PHONE_RUNS; index += 1) {
    for (const product of ["ending-well", "surveyjs"]) {
      phoneRuns[product].push(await run(browser, origin, product, true));
    }
    process.stderr.write(`phone: run ${index + 1} of ${PHONE_RUNS}\r`);
  }
  process.stderr.write("\n");
  results.phone = {};
  for (const [product, runs] of Object.entries(phoneRuns)) {
    results.phone[product] = { summary: summarise(runs), runs };
  }
  // The two products take turns, run by run, so that neither gets the quieter moments.
  const exitRuns = {};
  for (let index = 0; index < RUNS; index += 1) {
    for (const how of EXIT_WAYS) {
      for (const product of ["ending-well", "surveyjs"]) {
        exitRuns[product] ??= {};
        (exitRuns[product][how] ??= []).push(await quickExitRun(browser, origin, product, how));
      }
    }
    process.stderr.write(`quick exit: run ${index + 1} of ${RUNS}\r`);
  }
  process.stderr.write("\n");
  results.quickExit = {};
  for (const [product, ways] of Object.entries(exitRuns)) {
    results.quickExit[product] = {};
    for (const [how, runs] of Object.entries(ways)) {
      results.quickExit[product][how] = {
        gone: stats(runs.map((r) => r.gone)),
        painted: stats(runs.map((r) => r.painted)),
      };
    }
  }
  const scaleRuns = Number(process.env.BENCH_SCALE_RUNS ?? 3);
  results.scale = [];
  for (const count of SIZES) {
    const runs = [];
    for (let index = 0; index < scaleRuns; index += 1)
      runs.push(await scaleRun(browser, origin, count));
    results.scale.push({
      questions: count,
      mounted: stats(runs.map((r) => r.mounted)),
      firstSection: stats(runs.map((r) => r.firstSection)),
      sectionChange: stats(runs.map((r) => r.sectionChange)),
      memory: stats(runs.map((r) => r.memory)),
    });
    process.stderr.write(`scale: ${count} questions done\n`);
  }
} finally {
  await browser.close();
  server.close();
}

const browserVersion = browser.version();
const when = new Date().toISOString();
console.log(
  `Ending Well against SurveyJS ${SURVEY_VERSION} (survey-core + survey-js-ui), the built-in ` +
    `questionnaire (${questionnaire.sections.length} sections), headless Chromium ${browserVersion}, ` +
    `${RUNS} cold runs each, ${when}. Times: median of the runs' figures (min–max).`,
);
console.log(
  `Per run: Ending Well ${results["ending-well"].summary.counts.clicks} clicks, ` +
    `${results["ending-well"].summary.counts.keys} keypresses, ${results["ending-well"].summary.counts.sections} section changes; ` +
    `SurveyJS ${results.surveyjs.summary.counts.clicks} clicks, ${results.surveyjs.summary.counts.keys} keypresses, ` +
    `${results.surveyjs.summary.counts.sections} section changes.`,
);
console.log(table(results));
console.log(
  "\nWhere a click's milliseconds go, over every click of the runs: each part's median, and its " +
    "mean over the slowest 5% of clicks to paint (the medians of the parts need not add up to the " +
    "median of the whole; the means do).",
);
console.log(partsTable(results));
console.log(
  `\nOn a phone's terms: CPU ${PHONE.cpu}× slower, ${PHONE.network.latency} ms round trips, ` +
    `${((PHONE.network.downloadThroughput * 8) / 1024 / 1024).toFixed(1)} Mbit/s down, ` +
    `${((PHONE.network.uploadThroughput * 8) / 1024).toFixed(0)} kbit/s up, 390 × 844 CSS px ` +
    `(${PHONE_RUNS} cold runs each, taking turns).`,
);
console.log(table(results.phone, true));
console.log(`\nOn a phone's terms, where a click's milliseconds go:\n${partsTable(results.phone)}`);
for (const product of ["ending-well", "surveyjs"]) {
  console.log(
    `${product}: ` +
      results[product].bytes.files
        .map((f) => `${f.file} ${KB(f.raw)} raw, ${KB(f.gzip)} gzip`)
        .join("; "),
  );
}
console.log(
  "\nQuick exit: from the input event's timestamp to the first frame without the questionnaire, " +
    "and to the neutral page's first paint (the peer: SurveyJS with a plain-JavaScript exit button).",
);
console.log(
  "| Started by | Ending Well: gone | SurveyJS + plain exit: gone | Ending Well: next page | SurveyJS + plain exit: next page |",
);
console.log("|---|---|---|---|---|");
for (const how of EXIT_WAYS) {
  const ew = results.quickExit["ending-well"][how];
  const sjs = results.quickExit.surveyjs[how];
  console.log(
    `| ${how} | ${range(ew.gone, ms)} | ${range(sjs.gone, ms)} | ${range(ew.painted, ms)} | ${range(sjs.painted, ms)} |`,
  );
}
console.log(
  "\nEnding Well at scale: generated questionnaires, ten questions to a section " +
    `(median of ${process.env.BENCH_SCALE_RUNS ?? 3} cold runs). Mount = validation, ` +
    "reading and the first screen; per-question figures show whether growth is linear.",
);
console.log("| Questions | Mount | Mount per question | First section | Section change | Memory |");
console.log("|---|---|---|---|---|---|");
for (const row of results.scale) {
  console.log(
    `| ${row.questions} | ${ms(row.mounted.median)} | ${((row.mounted.median * 1000) / row.questions).toFixed(1)} µs | ` +
      `${ms(row.firstSection.median)} | ${ms(row.sectionChange.median)} | ${MB(row.memory.median)} |`,
  );
}
const out = join(ROOT, "bench/latest.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      when,
      browser: browserVersion,
      surveyjs: SURVEY_VERSION,
      runs: RUNS,
      targets: TARGETS,
      results,
    },
    null,
    2,
  ),
);
console.log(`Written: ${out}`);
