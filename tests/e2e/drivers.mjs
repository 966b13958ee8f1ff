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
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
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

/** Whether a WebDriver answers its status on `port`: an answer in JSON with a `value`. */
function answers(port) {
  return new Promise((done) => {
    const request = get({ host: "127.0.0.1", port, path: "/status", timeout: 2000 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => {
        try {
          done(JSON.parse(body).value !== undefined);
        } catch {
          done(false);
        }
      });
      response.on("error", () => done(false));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => done(false));
  });
}

/**
 * Resolves once the driver `child` answers on `port`; fails if it exits first. A socket that
 * merely connects is not enough: a connection to a port nothing listens on yet can, rarely, be
 * the kernel joining it to itself, and a port found free can have been taken by another program.
 */
async function ready(port, child) {
  for (let tries = 0; tries < 200; tries++) {
    if (child.exitCode !== null) throw new Error(`the driver exited with ${child.exitCode}`);
    if (await answers(port)) return;
    await sleep(50);
  }
  throw new Error(`no driver answers on port ${port}`);
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

/** The processes called `name` in the process group `group`. */
function processesIn(group, name) {
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // After the command: the state, the parent and the process group.
      const [, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (command === name && Number(pgrp) === group) found.push(Number(entry));
    } catch {
      // Gone while being read.
    }
  }
  return found;
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
 * The drivers still running. The test process does not wait for them (they are unreferenced and
 * write to a file, not a pipe), so when it ends, however it ends, they are stopped with it.
 */
const running = new Set();
process.on("exit", () => {
  for (const child of running) stop(child, "SIGKILL");
});

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
  // What the driver says goes to a file: a pipe would hold the test process open for as long as
  // anything the driver started still runs.
  const said = mkdtempSync(join(tmpdir(), "ew-driver-"));
  const saidFile = join(said, "stderr");
  // A port found free can be taken again before the driver binds it: then another port.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const [command, args, env = {}, cleanUp = () => {}] = driver(port, driverOptions);
    const stderr = openSync(saidFile, "w");
    child = spawn(command, args, {
      stdio: ["ignore", "ignore", stderr],
      detached: true,
      env: { ...process.env, ...env },
    });
    closeSync(stderr);
    child.unref();
    running.add(child);
    try {
      await ready(port, child);
      removeConfig = cleanUp;
      break;
    } catch (error) {
      stop(child, "SIGKILL");
      running.delete(child);
      cleanUp();
      if (attempt === 3) {
        const message = `${error.message}: ${readFileSync(saidFile, "utf8")}`;
        rmSync(said, { recursive: true, force: true });
        throw new Error(message, { cause: error });
      }
    }
  }
  let stopped = false;
  const end = (signal) => {
    stopped = true;
    stop(child, signal);
    running.delete(child);
    removeConfig();
    rmSync(said, { recursive: true, force: true });
  };
  const hung = () => end("SIGKILL");
  return {
    session: async (options = {}, extra = {}) => {
      // The browser of a session just ended may still be closing: WebKit's driver has hung when
      // a second MiniBrowser started beside one, so the new one waits (up to 10 s) until it has,
      // and then ends what is left of it, which belongs to a session already quit.
      for (let waited = 0; browser; waited += 100) {
        const left = processesIn(child.pid, browser);
        if (left.length === 0) break;
        if (waited >= 10_000) {
          console.log(`${name}: the last session's ${browser} had not closed in 10 s; ending it`);
          for (const pid of left) {
            try {
              process.kill(pid, "SIGKILL");
            } catch {
              // Gone meanwhile.
            }
          }
        }
        await sleep(100);
      }
      const client = new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({ ...capabilities(options), ...extra })
        .build();
      // The client is itself a promise of the session, besides getSession's: a session that
      // fails (as when a driver that did not start one in time is stopped) is answered below,
      // not left to fail the test that comes to be running when it does.
      client.catch(() => {});
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
 * A driver of the engine `name` (with `driverOptions`) and a session in it (`options`, `extra`:
 * as for `session` above). A driver that does not start a browser in time (START_MS), or stops
 * answering as it starts, is stopped and a fresh one tried, up to three in all: no page has been
 * opened yet, so nothing a test checks is tried twice.
 */
export async function startSession(name, driverOptions = {}, options = {}, extra = {}) {
  for (let attempt = 1; ; attempt++) {
    let driver;
    try {
      driver = await startDriver(name, driverOptions);
      return { driver, client: await driver.session(options, extra) };
    } catch (error) {
      driver?.stop();
      if (attempt === 3) throw error;
      console.log(`${name}: ${error.message}; starting a fresh driver`);
    }
  }
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
  const { driver, client } = await startSession(name);
  return {
    client,
    async close() {
      await client.quit().catch(() => {});
      driver.stop();
    },
  };
}
