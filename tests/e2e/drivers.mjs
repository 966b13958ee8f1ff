// The three engines clients use, each behind its own W3C WebDriver, driven by one client,
// Selenium's `selenium-webdriver` from npm: Chromium (chromedriver), Firefox (geckodriver) and
// WebKit (WebKitGTK's WebKitWebDriver, with its MiniBrowser on a virtual display, since
// MiniBrowser has no headless mode). Shared by tests/e2e/engines.test.mjs and the WebDriver pages
// of tests/e2e/webdriver-page.mjs.
import { spawn } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Builder } from "selenium-webdriver";
import { Pointer } from "selenium-webdriver/lib/input.js";
import { CHROMIUM, LAUNCH_ARGS, sleep } from "../../scripts/browser.mjs";

/** GTK's settings for MiniBrowser: a toolbar that lets the window narrow to a phone's width. */
const MINIBROWSER_CONFIG = fileURLToPath(new URL("./minibrowser", import.meta.url));

/**
 * The GTK settings folder for a MiniBrowser driver: the one above or, for `reducedMotion`, a
 * copy of it with GTK's animations turned off, which WebKitGTK reports to pages as
 * `prefers-reduced-motion: reduce`. Returns the folder and what removes it.
 */
function minibrowserConfig({ reducedMotion = false } = {}) {
  if (!reducedMotion) return { folder: MINIBROWSER_CONFIG, remove: () => {} };
  const folder = mkdtempSync(join(tmpdir(), "ew-minibrowser-"));
  mkdirSync(join(folder, "gtk-3.0"));
  copyFileSync(join(MINIBROWSER_CONFIG, "gtk-3.0", "gtk.css"), join(folder, "gtk-3.0", "gtk.css"));
  writeFileSync(join(folder, "gtk-3.0", "settings.ini"), "[Settings]\ngtk-enable-animations=0\n");
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Each engine: how its driver starts on `port` for the driver options `options` (a command, its
 * arguments and what it adds to the environment, and what to clean up when it stops), and the
 * capabilities of its sessions for a context's `options` (what sessionOptions in
 * webdriver-page.mjs makes of them).
 */
export const ENGINES = {
  Chromium: {
    driver: (port) => ["chromedriver", [`--port=${port}`]],
    capabilities: () => ({
      browserName: "chrome",
      "goog:chromeOptions": { binary: CHROMIUM, args: ["--headless=new", ...LAUNCH_ARGS] },
    }),
  },
  Firefox: {
    driver: (port) => ["geckodriver", ["--port", String(port)]],
    capabilities: ({ prefs = {} } = {}) => ({
      browserName: "firefox",
      // Headless, Firefox has no pointer device: a mouse, as on a desktop.
      "moz:firefoxOptions": {
        args: ["-headless"],
        prefs: { "ui.primaryPointerCapabilities": 6, "ui.allPointerCapabilities": 6, ...prefs },
      },
    }),
  },
  WebKit: {
    driver: (port, options) => {
      const config = minibrowserConfig(options);
      return [
        "xvfb-run",
        ["-a", "WebKitWebDriver", `--port=${port}`],
        { XDG_CONFIG_HOME: config.folder },
        config.remove,
      ];
    },
    // The browser's process, which the driver starts in its own process group.
    browser: "MiniBrowser",
    // `args`: MiniBrowser's own flags, such as --dark-mode.
    capabilities: ({ args = [] } = {}) => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation", ...args],
      },
    }),
  },
};

/** A free port on this machine. */
function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Resolves once something listens on `port`; fails if `child`, the driver, exits first. */
async function listening(port, child) {
  for (let tries = 0; tries < 200; tries++) {
    if (child.exitCode !== null) throw new Error(`the driver exited with ${child.exitCode}`);
    const open = await new Promise((done) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => done(socket.end() && true));
      socket.once("error", () => done(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on port ${port}`);
}

/**
 * How long a WebDriver command may go unanswered: longer than any page load or script a test
 * waits for. A driver that has stopped answering (WebKit's has, on a loaded machine) then fails
 * the test that met it, with the command's name, and is stopped, instead of holding the whole run
 * until CI gives up on it with nothing said.
 */
const ANSWER_MS = 120_000;

/**
 * How long a new session may take: a browser starts in about a second (Firefox in a few), so one
 * that has not within this has met a driver that will not answer, and a fresh driver is tried.
 */
const START_MS = 30_000;

/**
 * `answer`, or, if it has not come within `ms`, a failure saying what was `awaited`, after `hung`
 * has been called (which stops the driver, so that the commands still waiting fail too).
 */
function withinTime(answer, awaited, hung, ms = ANSWER_MS) {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => {
      hung();
      fail(new Error(`the driver did not ${awaited} within ${ms / 1000} s`));
    }, ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** How many processes called `name` are in the process group `group`. */
function processesIn(group, name) {
  let count = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // After the command: the state, the parent and the process group.
      const [, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (command === name && Number(pgrp) === group) count++;
    } catch {
      // Gone while being read.
    }
  }
  return count;
}

/**
 * Stops a driver: its whole process group, so xvfb-run's display goes with it. One that has
 * stopped answering gets SIGKILL.
 */
function stop(child, signal = "SIGTERM") {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts the engine's driver; `driverOptions` are what every browser it starts shares (WebKit's
 * `reducedMotion`). `session(options, extra)` starts a browser in it, with a fresh profile, and
 * resolves to Selenium's client; `options` go to the engine's capabilities (Firefox's `prefs`,
 * MiniBrowser's `args`) and `extra` is added to them. `stop()` ends the driver; `alive()` tells
 * whether it still runs (a driver that stopped answering has been stopped: ANSWER_MS).
 */
export async function startDriver(name, driverOptions = {}) {
  const { driver, capabilities, browser } = ENGINES[name];
  let port;
  let child;
  let removeConfig = () => {};
  // A port found free can be taken again before the driver binds it: then another port.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const [command, args, env = {}, cleanUp = () => {}] = driver(port, driverOptions);
    child = spawn(command, args, {
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
      env: { ...process.env, ...env },
    });
    const said = [];
    child.stderr.on("data", (chunk) => said.push(chunk));
    try {
      await listening(port, child);
      removeConfig = cleanUp;
      break;
    } catch (error) {
      stop(child);
      cleanUp();
      if (attempt === 3) {
        throw new Error(`${error.message}: ${Buffer.concat(said)}`, { cause: error });
      }
    }
  }
  let stopped = false;
  const end = (signal) => {
    stopped = true;
    stop(child, signal);
    removeConfig();
  };
  const hung = () => end("SIGKILL");
  return {
    session: async (options = {}, extra = {}) => {
      // The browser of a session just ended may still be closing: WebKit's driver has hung when
      // a second MiniBrowser started beside one, so the new one waits (up to 10 s) until it has.
      for (let waited = 0; browser && waited < 10_000; waited += 100) {
        if (processesIn(child.pid, browser) === 0) break;
        await sleep(100);
      }
      const client = new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({ ...capabilities(options), ...extra })
        .build();
      // The new-session command went before the client's commands could be given a deadline.
      await withinTime(client.getSession(), "start a session", hung, START_MS);
      const executor = client.getExecutor();
      const execute = executor.execute.bind(executor);
      executor.execute = (command) =>
        withinTime(execute(command), `answer "${command.getName()}"`, hung);
      return client;
    },
    stop: () => end(),
    alive: () => !stopped && child.exitCode === null,
  };
}

/**
 * Scrolls `element` to the middle of the viewport at once: WebKit's driver scrolls neither inside
 * a scrolling dialog nor to the foot of a page before it clicks.
 */
export function scrollIntoView(client, element) {
  return client.executeScript(
    'arguments[0].scrollIntoView({ block: "center", behavior: "instant" })',
    element,
  );
}

/** Taps `element` with a finger: WebDriver's touch pointer, after scrolling it into view. */
export async function tap(client, element) {
  await scrollIntoView(client, element);
  const finger = new Pointer("finger", Pointer.Type.TOUCH);
  await client
    .actions({ bridge: true })
    .insert(finger, finger.move({ origin: element }), finger.press(), finger.release())
    .perform();
}

/** Starts the engine's driver and a session in it; `close()` ends both. */
export async function openEngine(name) {
  const driver = await startDriver(name);
  const client = await driver.session();
  return {
    client,
    async close() {
      await client.quit().catch(() => {});
      driver.stop();
    },
  };
}
