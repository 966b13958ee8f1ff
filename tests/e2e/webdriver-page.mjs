// The end-to-end tests' pages in engines Playwright cannot drive on this machine (Firefox and
// WebKit, through their W3C WebDriver): the part of Playwright's `browser`, `context`, `page` and
// `locator` that the tests use, built on Selenium's client, so that one set of tests runs in
// every engine. Run a test file with EW_ENGINE=firefox or EW_ENGINE=webkit (tests/e2e/harness.mjs).
//
// How each piece is done, where WebDriver has no command for it:
//   - a context is a WebDriver session: a fresh profile, so nothing stored carries over;
//   - selectors pierce open shadow roots, as Playwright's CSS does ("ending-well #id");
//   - init scripts and routes are the test server's: it adds the context's scripts to the top of
//     every page it serves (/__ew-test/init.js, same origin, so the strict policy allows it), and
//     answers a routed address itself. Every other address goes to the same server as the
//     browser's proxy, which answers a route or refuses (nothing leaves the machine); https is
//     answered too, with a throwaway certificate the session is told to accept;
//   - page errors, console errors and the strict policy's reports are recorded in the page by
//     the init script and collected after every command;
//   - what WebDriver cannot do (downloads, request events, print emulation, touch emulation,
//     PDFs) throws `Unsupported`, and the test that needs it is marked (harness.mjs, `needs`).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSecureContext, TLSSocket } from "node:tls";
import { Key, Origin } from "selenium-webdriver";
import { sleep, WAIT_MS } from "../../scripts/browser.mjs";
import { startDriver, startSession, tap } from "./drivers.mjs";

/** Something the engine's WebDriver cannot do; the tests that need it are marked. */
export class Unsupported extends Error {}

const INIT_PATH = "/__ew-test/init.js";
const RESET_PATH = "/__ew-test/reset";

/** Runs first in every page a WebDriver context opens: records what Playwright would report. */
function recorder() {
  const seen = (window.__ewSeen = []);
  addEventListener("error", (event) => seen.push(["pageerror", event.message]));
  addEventListener("unhandledrejection", (event) =>
    seen.push(["pageerror", String(event.reason?.message ?? event.reason)]),
  );
  const error = console.error;
  console.error = (...parts) => {
    seen.push(["console", parts.map(String).join(" ")]);
    error.apply(console, parts);
  };
  // A file the page asked for with a hash, which the browser refused to use: in the page or in
  // a shadow root.
  const refused = (event) => {
    const el = event.target;
    if (el instanceof Element && el.integrity) {
      seen.push(["console", `Failed to load ${el.href ?? el.src}, which has integrity metadata`]);
    }
  };
  addEventListener("error", refused, true);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (...options) {
    const root = attachShadow.apply(this, options);
    root.addEventListener("error", refused, true);
    return root;
  };
  document.addEventListener("securitypolicyviolation", (event) =>
    seen.push([
      "console",
      `Refused by the Content-Security-Policy: ${event.violatedDirective} ${event.blockedURI}`,
    ]),
  );
}

/** Playwright's URL glob: `**` any characters, `*` any but "/", `?` any one. */
function globToRegExp(glob) {
  let source = "";
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index];
    if (char === "*" && glob[index + 1] === "*") {
      source += ".*";
      index++;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += ".";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

function urlMatcher(pattern) {
  if (typeof pattern === "function") return (url) => pattern(new URL(url));
  if (pattern instanceof RegExp) return (url) => pattern.test(url);
  const regexp = globToRegExp(pattern);
  return (url) => regexp.test(url);
}

/** A certificate for any host, made once per run with openssl: the proxy's https answers. */
let certificate;
function throwawayCertificate() {
  if (certificate) return certificate;
  const folder = mkdtempSync(join(tmpdir(), "ew-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=ending-well-tests",
        "-keyout",
        join(folder, "key.pem"),
        "-out",
        join(folder, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    certificate = createSecureContext({
      key: readFileSync(join(folder, "key.pem")),
      cert: readFileSync(join(folder, "cert.pem")),
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return certificate;
}

/**
 * The test server's side: routes and init scripts of the open contexts. Pass `hooks` to
 * `serve()` and the server to `attach()`, which makes it the browsers' proxy too.
 */
export function createRouter() {
  const routes = [];
  const inits = new Map();
  const answered = new Map();
  let ownHost = "";

  /** The address asked for: a proxy's absolute form, https through the tunnel, or our own. */
  function addressOf(request) {
    if (/^https?:\/\//.test(request.url)) return request.url;
    const scheme = request.socket.encrypted ? "https" : "http";
    return `${scheme}://${request.headers.host ?? ownHost}${request.url}`;
  }

  function inject(body) {
    const text = Buffer.isBuffer(body) ? body.toString("utf8") : String(body);
    const tag = `<script src="${INIT_PATH}"></script>`;
    return /<head[^>]*>/i.test(text)
      ? text.replace(/<head[^>]*>/i, (head) => head + tag)
      : tag + text;
  }

  async function intercept(request, response) {
    const address = addressOf(request);
    const url = new URL(address);
    response.once("finish", () =>
      answered.set(address, { status: response.statusCode, headers: response.getHeaders() }),
    );
    if (url.pathname === RESET_PATH) {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end("<!doctype html><title>Reset</title>");
      return true;
    }
    if (url.pathname === INIT_PATH) {
      const sources = [...new Set([...inits.values()].flat())];
      response.writeHead(200, {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "no-store",
      });
      // Gone from the page once run: the page's own elements are what the tests count.
      response.end(["document.currentScript?.remove();", ...sources].join("\n"));
      return true;
    }
    for (const route of [...routes].reverse()) {
      if (!route.matches(address)) continue;
      let outcome = "fallback";
      let fulfilled = null;
      await route.handler({
        request: () => ({ url: () => address, method: () => request.method }),
        fulfill: async (options = {}) => {
          outcome = "fulfill";
          fulfilled = options;
        },
        continue: async () => {
          outcome = "continue";
        },
        fallback: async () => {
          outcome = "fallback";
        },
        abort: async () => {
          outcome = "abort";
        },
      });
      if (outcome === "fallback") continue;
      if (outcome === "abort") {
        request.socket.destroy();
        return true;
      }
      if (outcome === "fulfill") {
        const { status = 200, contentType, headers = {}, body = "" } = fulfilled;
        const type = contentType ?? headers["content-type"] ?? headers["Content-Type"];
        const sent = type?.includes("html") ? inject(body) : body;
        // Not kept in the browser's cache for the next test's page, unless the test asks.
        response.writeHead(status, {
          "Cache-Control": "no-store",
          ...headers,
          ...(type ? { "Content-Type": type } : {}),
        });
        response.end(status === 204 ? undefined : sent);
        return true;
      }
      break;
    }
    if (url.host === ownHost) return false;
    // Anywhere else: nothing leaves the machine.
    response.writeHead(502, { "Content-Type": "text/plain; charset=utf-8" });
    response.end("The test proxy sends nothing off this machine.");
    return true;
  }

  return {
    hooks: { intercept, html: inject },
    attach(server) {
      ownHost = `127.0.0.1:${server.address().port}`;
      // https through the proxy: answered by this server over TLS, whatever the host.
      server.on("connect", (request, socket, head) => {
        socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        const secure = new TLSSocket(socket, {
          isServer: true,
          secureContext: throwawayCertificate(),
        });
        if (head?.length) socket.unshift(head);
        secure.on("error", () => socket.destroy());
        server.emit("connection", secure);
      });
      return `127.0.0.1:${server.address().port}`;
    },
    /** How the server answered `address` last: Playwright's response, for `page.goto`. */
    response(address) {
      const found = answered.get(address);
      return (
        found && {
          status: () => found.status,
          ok: () => found.status < 400,
          url: () => address,
          headers: () =>
            Object.fromEntries(
              Object.entries(found.headers).map(([key, value]) => [
                key.toLowerCase(),
                String(value),
              ]),
            ),
        }
      );
    },
    addRoute(owner, pattern, handler) {
      routes.push({ owner, matches: urlMatcher(pattern), handler });
    },
    addInit(owner, source) {
      inits.set(owner, [...(inits.get(owner) ?? []), source]);
    },
    /** Drops a closed context's routes and init scripts. */
    forget(owner) {
      inits.delete(owner);
      for (let index = routes.length - 1; index >= 0; index--) {
        if (routes[index].owner === owner) routes.splice(index, 1);
      }
    },
  };
}

/** Reads the page: CSS that pierces open shadow roots, as Playwright's does; `role=` for buttons. */
const QUERY = String.raw`
const __roots = (scope) => {
  const roots = scope.shadowRoot ? [scope, scope.shadowRoot] : [scope];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  return roots;
};
const __split = (s) => {
  let depth = 0, quote = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) { if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth--;
    else if (c === " " && depth === 0) {
      const rest = s.slice(i + 1).trimStart();
      return /^[>+~]/.test(rest) ? null : [s.slice(0, i), rest];
    }
  }
  return null;
};
const __query = (selector, scope = document) => {
  const found = new Set();
  for (const root of __roots(scope)) for (const el of root.querySelectorAll(selector)) found.add(el);
  const parts = __split(selector.trim());
  if (parts) {
    for (const root of __roots(scope)) {
      for (const host of root.querySelectorAll(parts[0])) {
        if (host.shadowRoot) for (const el of __query(parts[1], host.shadowRoot)) found.add(el);
      }
    }
  }
  return [...found];
};
const __norm = (text) => (text ?? "").replace(/\s+/g, " ").trim();
const __matches = (text, want, exact) =>
  exact ? __norm(text) === __norm(want) : __norm(text).toLowerCase().includes(__norm(want).toLowerCase());
const __labels = (el) => {
  const root = el.getRootNode();
  const by = (el.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean)
    .map((id) => root.getElementById?.(id)?.textContent ?? "");
  return [el.getAttribute("aria-label") ?? "", ...by, ...[...(el.labels ?? [])].map((l) => l.textContent)];
};
const __step = (scope, step) => {
  if ("css" in step) return __query(step.css, scope);
  const all = __roots(scope).flatMap((root) => [...root.querySelectorAll("*")]);
  if ("text" in step) {
    const hit = (el) => !["SCRIPT", "STYLE", "TEMPLATE"].includes(el.tagName) &&
      __matches(el.textContent, step.text, step.exact);
    return all.filter((el) => hit(el) && ![...el.children].some(hit));
  }
  if ("label" in step) {
    return all.filter((el) => el.matches("input, textarea, select, button, [role]") &&
      __labels(el).some((label) => label && __matches(label, step.label, step.exact)));
  }
  const roles = { button: "button, [role=button], input[type=button], input[type=submit]" };
  return all.filter((el) => el.matches(roles[step.role] ?? "[role=" + step.role + "]") &&
    (step.name === undefined || __norm(el.getAttribute("aria-label") ?? el.textContent) === step.name));
};
const __find = (steps) => {
  let found = [document];
  for (const step of steps) {
    if ("nth" in step) {
      const el = found.at(step.nth);
      found = el ? [el] : [];
    } else {
      found = [...new Set(found.flatMap((scope) => __step(scope, step)))];
    }
  }
  return found;
};
const __visible = (el) => Boolean(el) && el.getClientRects().length > 0 &&
  getComputedStyle(el).visibility !== "hidden";
`;

/** Whether `source` is one JavaScript expression, as Playwright's string `evaluate` takes. */
function isExpression(source) {
  try {
    new Function(`return (${source}\n);`);
    return true;
  } catch {
    return false;
  }
}

/** A locator's steps, for a message. */
const describe = (steps) =>
  steps
    .map((step) =>
      "nth" in step
        ? `[${step.nth}]`
        : Object.values(step)
            .filter((v) => v !== false)
            .join(" "),
    )
    .join(" → ");

/** Keys by Playwright's names. */
const KEYS = {
  Enter: Key.ENTER,
  Tab: Key.TAB,
  Shift: Key.SHIFT,
  Control: Key.CONTROL,
  ControlOrMeta: Key.CONTROL,
  Meta: Key.META,
  Alt: Key.ALT,
  Escape: Key.ESCAPE,
  Space: " ",
  Backspace: Key.BACK_SPACE,
  Delete: Key.DELETE,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
  ArrowUp: Key.ARROW_UP,
  ArrowDown: Key.ARROW_DOWN,
  Home: Key.HOME,
  End: Key.END,
  PageUp: Key.PAGE_UP,
  PageDown: Key.PAGE_DOWN,
};
const keyOf = (name) => KEYS[name] ?? name;

/** Whether a WebDriver error is one that waiting may cure. */
const passing = (error) =>
  /intercepted|not interactable|not reachable|could not be scrolled|obscured/i.test(
    `${error?.name} ${error?.message}`,
  );

/**
 * Whether the element found is no longer in the page: the page replaced it, as the widget
 * replaces the loader's first screen. Finding it again cures that. WebKit's driver sometimes
 * says so as "Could not parse script result", for a script given an element just replaced.
 */
const stale = (error) =>
  /stale|could not parse script result/i.test(`${error?.name} ${error?.message}`);

class Keyboard {
  constructor(page) {
    this.page = page;
  }

  async press(combo) {
    const parts = combo === "+" ? ["+"] : combo.split("+");
    const key = parts.pop();
    const actions = this.page.client.actions();
    for (const modifier of parts) actions.keyDown(keyOf(modifier));
    actions.keyDown(keyOf(key)).keyUp(keyOf(key));
    for (const modifier of parts.reverse()) actions.keyUp(keyOf(modifier));
    await this.page._act(() => actions.perform());
  }

  async type(text) {
    await this.page._act(() => this.page.client.actions().sendKeys(text).perform());
  }

  async down(key) {
    await this.page._act(() => this.page.client.actions().keyDown(keyOf(key)).perform());
  }

  async up(key) {
    await this.page._act(() => this.page.client.actions().keyUp(keyOf(key)).perform());
  }
}

/**
 * Playwright's Mouse, for the moves a test makes by hand: a press held across something the page
 * does, at a point in the viewport. WebDriver keeps the button's state between actions.
 */
class Mouse {
  constructor(page) {
    this.page = page;
  }

  async move(x, y) {
    const at = { x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT };
    await this.page._act(() => this.page.client.actions().move(at).perform());
  }

  async down() {
    await this.page._act(() => this.page.client.actions().press().perform());
  }

  async up() {
    await this.page._act(() => this.page.client.actions().release().perform());
  }
}

/**
 * Playwright's Locator: `steps` find the elements, each step within what the one before found:
 * `{ css }`, `{ text, exact }`, `{ label, exact }`, `{ role, name }`, or `{ nth }` to pick one.
 */
class Locator {
  constructor(page, steps) {
    this.page = page;
    this.steps = steps;
  }

  /** The one element actions take: the `nth` asked for, or the first. */
  get one() {
    return "nth" in (this.steps.at(-1) ?? {}) ? this.steps : [...this.steps, { nth: 0 }];
  }

  with(step) {
    return new Locator(this.page, [...this.steps, step]);
  }

  first() {
    return this.with({ nth: 0 });
  }

  nth(index) {
    return this.with({ nth: index });
  }

  locator(selector) {
    return this.with({ css: selector });
  }

  getByText(text, { exact = false } = {}) {
    return this.with({ text, exact });
  }

  getByLabel(label, { exact = false } = {}) {
    return this.with({ label, exact });
  }

  getByRole(role, { name } = {}) {
    return this.with({ role, name });
  }

  count() {
    return this.page._inPage((steps) => __find(steps).length, [this.steps]);
  }

  allTextContents() {
    return this.page._inPage((steps) => __find(steps).map((el) => el.textContent), [this.steps]);
  }

  evaluateAll(fn, arg) {
    return this.page._inPage(`(steps, arg) => (${fn})(__find(steps), arg)`, [this.steps, arg]);
  }

  /** Runs `fn(element, arg)` on the element, once it is in the page. */
  async evaluate(fn, arg) {
    await this.waitFor({ state: "attached" });
    return this.page._inPage(`(steps, arg) => (${fn})(__find(steps)[0], arg)`, [this.one, arg]);
  }

  async waitFor({ state = "visible", timeout } = {}) {
    await this.page._waitFor(this.one, state, timeout);
  }

  isVisible() {
    return this.page._inPage((steps) => __visible(__find(steps)[0]), [this.one]);
  }

  isChecked() {
    return this.evaluate((el) => el.checked);
  }

  isDisabled() {
    return this.evaluate((el) => el.disabled === true);
  }

  textContent() {
    return this.evaluate((el) => el.textContent);
  }

  inputValue() {
    return this.evaluate((el) => el.value);
  }

  getAttribute(name) {
    return this.evaluate((el, name) => el.getAttribute(name), name);
  }

  click(options) {
    return this.page._click(this.one, options);
  }

  dblclick(options) {
    return this.page._click(this.one, { ...options, clickCount: 2 });
  }

  fill(value) {
    return this.page._fill(this.one, value);
  }

  check() {
    return this.page._setChecked(this.one, true);
  }

  uncheck() {
    return this.page._setChecked(this.one, false);
  }

  focus() {
    return this.evaluate((el) => el.focus());
  }

  async press(key) {
    await this.focus();
    await this.page.keyboard.press(key);
  }

  async pressSequentially(text) {
    await this.focus();
    await this.page.keyboard.type(text);
  }
}

class WebDriverPage {
  constructor(context, client) {
    this.owner = context;
    this.client = client;
    this.keyboard = new Keyboard(this);
    this.mouse = new Mouse(this);
    this.timeout = WAIT_MS;
    this.listeners = { pageerror: [], console: [], dialog: [] };
    this.address = "about:blank";
    this.closed = false;
  }

  // Running in the page, and collecting what it recorded.

  /**
   * Runs `body` (a function, or source: an expression or statements) with `args` in the page;
   * returns its value.
   */
  async _inPage(body, args = []) {
    if (typeof body === "string" && !isExpression(body)) {
      body = `(() => { ${body}\n })`;
    }
    let result;
    try {
      result = await this.client.executeScript(
        `${QUERY}
         const __seen = () => (window.__ewSeen ?? []).splice(0);
         return (async () => {
           try {
             let value = (${body});
             if (typeof value === "function") value = await value(...arguments);
             else value = await value;
             // Not sent back: a typed array can be megabytes (the module's memory).
             if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) value = undefined;
             return { value: value === undefined ? null : value, undefined: value === undefined,
                      seen: __seen(), url: location.href };
           } catch (error) {
             return { error: String(error) + " | " + (error?.stack ?? ""), seen: __seen(), url: location.href };
           }
         })();`,
        ...args,
      );
    } catch (error) {
      if (/alert|prompt|dialog/i.test(error.message) && (await this._dialog())) {
        return this._inPage(body, args);
      }
      throw error;
    }
    this._heard(result.seen, result.url);
    if (result.error) throw new Error(`page.evaluate: ${result.error}`);
    return result.undefined ? undefined : result.value;
  }

  _heard(seen = [], url) {
    if (url) this.address = url;
    for (const [kind, text] of seen) {
      if (kind === "pageerror") {
        const error = new Error(text);
        for (const listener of this.listeners.pageerror) listener(error);
      } else {
        const message = { type: () => "error", text: () => text };
        for (const listener of this.listeners.console) listener(message);
      }
    }
  }

  /** After a WebDriver command: collect what the page recorded, and answer an open dialog. */
  async _settle() {
    try {
      await this._inPage(() => null);
    } catch {
      // The page is between documents; the next command collects.
    }
  }

  /** Runs a WebDriver command, waiting while the element cannot yet take it. */
  async _act(command, timeout = this.timeout) {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        await command();
        break;
      } catch (error) {
        if (!passing(error) || Date.now() > deadline) throw error;
        await sleep(50);
      }
    }
    await this._settle();
  }

  /** Answers a dialog the page opened, through the `dialog` listeners; whether there was one. */
  async _dialog() {
    let alert;
    try {
      alert = await this.client.switchTo().alert();
    } catch {
      return false;
    }
    const message = await alert.getText().catch(() => "");
    let answered = false;
    const dialog = {
      type: () => "beforeunload",
      message: () => message,
      accept: async () => {
        answered = true;
        await alert.accept();
      },
      dismiss: async () => {
        answered = true;
        await alert.dismiss();
      },
    };
    for (const listener of this.listeners.dialog) await listener(dialog);
    if (!answered) await alert.dismiss();
    return true;
  }

  /**
   * Finds the element in `state` and runs `action` on it; finds it again if the page replaced
   * it meanwhile, as Playwright's locators do.
   */
  async _onElement(steps, state, timeout, action) {
    const deadline = Date.now() + (timeout ?? this.timeout);
    for (;;) {
      const el = await this._waitFor(steps, state, timeout);
      try {
        return await action(el);
      } catch (error) {
        if (!stale(error) || Date.now() > deadline) throw error;
        await sleep(30);
      }
    }
  }

  /** Waits for the element to reach `state`; resolves to Selenium's element when it is shown. */
  async _waitFor(steps, state = "visible", timeout = this.timeout) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await this._inPage(
        (steps, state) => {
          const el = __find(steps)[0];
          const ok = {
            attached: Boolean(el),
            detached: !el,
            visible: __visible(el),
            hidden: !__visible(el),
            // What a click waits for, as Playwright's does: shown and not disabled.
            enabled: __visible(el) && !el.disabled,
          }[state];
          return ok ? { el: el ?? null } : null;
        },
        [steps, state],
      ).catch((error) => {
        // Replaced between being found and being sent back: look again.
        if (stale(error)) return null;
        throw error;
      });
      if (found) return found.el;
      if (Date.now() > deadline) {
        throw new Error(`waited ${timeout} ms for ${describe(steps)} to be ${state}`);
      }
      await sleep(30);
    }
  }

  async _click(steps, { clickCount = 1, force = false, timeout } = {}) {
    await this._onElement(steps, force ? "attached" : "enabled", timeout, (el) =>
      this._clickOn(el, clickCount, timeout),
    );
  }

  async _clickOn(el, clickCount, timeout) {
    // Once the element has stopped moving, as Playwright waits for a stable element: a page
    // still laying itself out (a widget mounting above a link) would take the click elsewhere.
    const [x, y] = await this.client.executeAsyncScript(
      `const [el, done] = arguments;
         el.scrollIntoView({ block: "center", behavior: "instant" });
         let last = "";
         const settle = () => {
           const box = el.getBoundingClientRect();
           const now = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
           if (now.join() === last) done(now);
           else {
             last = now.join();
             setTimeout(settle, 50);
           }
         };
         settle();`,
      el,
    );
    if (clickCount === 2) {
      // At the element's centre in the viewport: WebKit's driver cannot aim at an element
      // inside a shadow root.
      await this._act(
        () => this.client.actions().move({ x, y, origin: Origin.VIEWPORT }).doubleClick().perform(),
        timeout,
      );
    } else {
      await this._act(() => el.click(), timeout);
    }
  }

  /** Puts `value` in a field as Playwright's fill does: one input event, as if pasted. */
  async _fill(steps, value) {
    await this._waitFor(steps, "visible");
    const filled = await this._inPage(
      (steps, value) => {
        const el = __find(steps)[0];
        el.focus();
        el.select?.();
        const done =
          value === ""
            ? document.execCommand("delete", false) || el.value === ""
            : document.execCommand("insertText", false, value);
        if (!done || el.value !== value) {
          el.value = value;
          el.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
        }
        el.dispatchEvent(new Event("change", { bubbles: true }));
        return el.value;
      },
      [steps, value],
    );
    if (filled !== value) throw new Error(`${describe(steps)} holds "${filled}", not "${value}"`);
  }

  async _setChecked(steps, checked) {
    const state = () => this._inPage((steps) => __find(steps)[0]?.checked, [steps]);
    if ((await state()) !== checked) await this._click(steps);
    if ((await state()) !== checked)
      throw new Error(`${describe(steps)} did not become ${checked}`);
  }

  // Playwright's page.

  on(event, listener) {
    if (!this.listeners[event]) throw new Unsupported(`page.on("${event}")`);
    this.listeners[event].push(listener);
  }

  setDefaultTimeout(ms) {
    this.timeout = ms;
  }

  url() {
    return this.address;
  }

  isClosed() {
    return this.closed;
  }

  async close() {
    this.closed = true;
    await this.owner.close();
  }

  /**
   * Opens `url`. With `waitUntil: "commit"`, returns once the new page has started, without
   * waiting for its load event (which a request the test holds back would delay).
   */
  async goto(url, { waitUntil = "load" } = {}) {
    if (waitUntil === "commit") {
      const matches = urlMatcher(url);
      await this.client.executeScript("location.href = arguments[0]", url);
      const deadline = Date.now() + this.timeout;
      for (;;) {
        // Once the new page is parsed: the test's init scripts, at its top, have run.
        const here = await this._inPage(() =>
          document.readyState === "loading" ? null : location.href,
        ).catch(() => null);
        if (here && matches(here)) break;
        if (Date.now() > deadline) throw new Error(`waited for ${url} to open`);
        await sleep(30);
      }
      this.address = url;
      return null;
    }
    await this.client.get(url);
    this.address = await this.client.getCurrentUrl();
    await this._settle();
    return this.owner.browser.router.response(url) ?? null;
  }

  async reload() {
    await this.client.navigate().refresh();
    await this._settle();
  }

  async goBack() {
    await this.client.navigate().back();
    this.address = await this.client.getCurrentUrl();
    await this._settle();
  }

  async goForward() {
    await this.client.navigate().forward();
    this.address = await this.client.getCurrentUrl();
    await this._settle();
  }

  async waitForURL(expected, { timeout = this.timeout } = {}) {
    const matches = urlMatcher(expected);
    const deadline = Date.now() + timeout;
    for (;;) {
      this.address = await this.client.getCurrentUrl();
      if (matches(this.address)) break;
      if (Date.now() > deadline) throw new Error(`waited for ${expected}; at ${this.address}`);
      await sleep(30);
    }
    await this.waitForLoadState();
  }

  async waitForLoadState() {
    const deadline = Date.now() + this.timeout;
    while (Date.now() < deadline) {
      const ready = await this._inPage(() => document.readyState === "complete").catch(() => false);
      if (ready) return;
      await sleep(30);
    }
  }

  waitForTimeout(ms) {
    return sleep(ms);
  }

  async waitForFunction(fn, arg, { timeout = this.timeout } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this._inPage(fn, [arg]);
      if (value) return { jsonValue: async () => value };
      if (Date.now() > deadline) throw new Error(`waitForFunction timed out after ${timeout} ms`);
      await sleep(30);
    }
  }

  evaluate(fn, arg) {
    return this._inPage(fn, [arg]);
  }

  content() {
    return this._inPage(
      () => (document.doctype ? "<!DOCTYPE html>" : "") + document.documentElement.outerHTML,
    );
  }

  context() {
    return this.owner;
  }

  locator(selector) {
    return new Locator(this, [{ css: selector }]);
  }

  getByRole(role, { name } = {}) {
    return new Locator(this, [{ role, name }]);
  }

  getByText(text, { exact = false } = {}) {
    return new Locator(this, [{ text, exact }]);
  }

  getByLabel(label, { exact = false } = {}) {
    return new Locator(this, [{ label, exact }]);
  }

  async waitForSelector(selector, { state = "visible", timeout } = {}) {
    await this.locator(selector).waitFor({ state, timeout });
    return state === "detached" || state === "hidden" ? null : this.locator(selector);
  }

  click(selector, options) {
    return this.locator(selector).click(options);
  }

  dblclick(selector, options) {
    return this.locator(selector).dblclick(options);
  }

  /** A finger's tap: WebDriver's touch pointer on the element's centre. */
  async tap(selector) {
    await this._onElement(this.locator(selector).one, "visible", undefined, (el) =>
      this._act(() => tap(this.client, el)),
    );
  }

  fill(selector, value) {
    return this.locator(selector).fill(value);
  }

  check(selector) {
    return this.locator(selector).check();
  }

  uncheck(selector) {
    return this.locator(selector).uncheck();
  }

  focus(selector) {
    return this.locator(selector).focus();
  }

  textContent(selector) {
    return this.locator(selector).textContent();
  }

  inputValue(selector) {
    return this.locator(selector).inputValue();
  }

  getAttribute(selector, name) {
    return this.locator(selector).getAttribute(name);
  }

  isVisible(selector) {
    return this.locator(selector).isVisible();
  }

  async setInputFiles(selector, files) {
    // The files stay on disk until the context closes: the browser reads a chosen file when the
    // page asks for its contents, which can be after the upload itself (Firefox, under load).
    const folder = mkdtempSync(join(tmpdir(), "ew-upload-"));
    this.owner.uploads.push(folder);
    const paths = [files].flat().map((file) => {
      if (typeof file === "string") return file;
      const path = join(folder, file.name);
      writeFileSync(path, file.buffer);
      return path;
    });
    await this._onElement(this.locator(selector).one, "attached", undefined, (el) =>
      this._act(() => el.sendKeys(paths.join("\n"))),
    );
  }

  async setViewportSize(size) {
    await this.owner._resize(size);
  }

  route(pattern, handler) {
    return this.owner.route(pattern, handler);
  }

  addInitScript(script, arg) {
    return this.owner.addInitScript(script, arg);
  }

  waitForEvent(event) {
    throw new Unsupported(`page.waitForEvent("${event}")`);
  }

  emulateMedia() {
    throw new Unsupported("page.emulateMedia");
  }

  pdf() {
    throw new Unsupported("page.pdf");
  }
}

/** Capabilities a context's options ask of the engine, or why it cannot. */
function sessionOptions(engine, options) {
  const prefs = {};
  const args = [];
  // What the WebKit driver itself must be started with (drivers.mjs), for every browser it starts.
  const driver = {};
  // WebDriver's own, for `holdsRequests` (harness.mjs's openPage).
  const session = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === "viewport" || key === "acceptDownloads") continue;
    if (key === "holdsRequests") {
      // WebKit's driver waits for the page's load event before each command, which a request
      // the test holds back delays: it would wait for the test, and the test for it. (Firefox's
      // does not wait so before a script, and keeps its usual strategy.)
      if (value && engine === "WebKit") session.pageLoadStrategy = "none";
      continue;
    }
    if ((key === "hasTouch" || key === "isMobile") && !value) continue;
    // MiniBrowser shows the light scheme unless told otherwise (checked once it has started).
    if (engine === "WebKit" && key === "colorScheme") {
      if (value === "dark") args.push("--dark-mode");
    } else if (engine === "Firefox" && key === "colorScheme") {
      prefs["layout.css.prefers-color-scheme.content-override"] = value === "dark" ? 0 : 1;
    } else if (engine === "WebKit" && key === "reducedMotion") {
      if (value === "reduce") driver.reducedMotion = true;
    } else if (engine === "Firefox" && key === "reducedMotion") {
      prefs["ui.prefersReducedMotion"] = value === "reduce" ? 1 : 0;
    } else if (engine === "Firefox" && key === "forcedColors") {
      prefs["browser.display.document_color_use"] = value === "active" ? 2 : 0;
    } else if (engine === "Firefox" && key === "locale") {
      prefs["intl.accept_languages"] = value;
      prefs["intl.locale.requested"] = value;
    } else {
      throw new Unsupported(`a context's ${key} in ${engine}`);
    }
  }
  return engine === "WebKit" ? { args, driver, ...session } : { prefs, ...session };
}

/** Accepts a dialog that is open, such as "Leave this page?"; whether there was one. */
async function acceptDialog(client) {
  try {
    await (await client.switchTo().alert()).accept();
    return true;
  } catch {
    return false;
  }
}

/**
 * The answer of `script` once `ready(answer)`, asked again every 100 ms for up to 5 s. A session
 * that does not wait for pages to load (`holdsRequests`) returns from `get` at once; a script sent
 * then can run in the document being left and fail with it ("Callback was not called before the
 * unload event") or give no answer.
 */
async function settled(client, script, ready, what) {
  let failure = null;
  for (let tries = 0; tries < 50; tries++) {
    const answer = await client.executeScript(script).catch((error) => {
      failure = error;
      return null;
    });
    if (ready(answer)) return answer;
    await sleep(100);
  }
  throw new Error(`${what} within 5 s${failure ? ` (${failure.message})` : ""}`);
}

/** Waits until the session's page is `url` and loaded. */
function arrive(client, url) {
  return settled(
    client,
    "return [location.href, document.readyState]",
    (where) => Array.isArray(where) && where[0] === url && where[1] === "complete",
    `the session did not arrive at ${url}`,
  );
}

/**
 * Makes a session as good as new for the next context: one window, nothing stored for the test
 * server's origin (local and session storage, IndexedDB, Cache Storage, service workers,
 * cookies), on a blank page. A browser starts in seconds, this in a fraction of one.
 */
async function reset(client, origin) {
  await acceptDialog(client);
  const [first, ...others] = await client.getAllWindowHandles();
  for (const handle of others) {
    await client.switchTo().window(handle);
    await client.close();
  }
  await client.switchTo().window(first);
  await client.get(`${origin}${RESET_PATH}`);
  await arrive(client, `${origin}${RESET_PATH}`);
  await acceptDialog(client);
  await client.executeScript(`return (async () => {
    localStorage.clear();
    sessionStorage.clear();
    const databases = indexedDB.databases ? await indexedDB.databases() : [];
    await Promise.all(databases.map(({ name }) => new Promise((done) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = done;
    })));
    if (self.caches) for (const key of await caches.keys()) await caches.delete(key);
    if (navigator.serviceWorker) {
      for (const worker of await navigator.serviceWorker.getRegistrations()) await worker.unregister();
    }
  })();`);
  await client.manage().deleteAllCookies();
  await client.get("about:blank");
  await arrive(client, "about:blank");
}

class WebDriverContext {
  static async open(browser, options) {
    const context = new WebDriverContext(browser);
    context.slot = await browser.take(JSON.stringify(sessionOptions(browser.engine, options)));
    const { client } = context.slot;
    if (options.colorScheme) {
      const dark = await client.executeScript(
        'return matchMedia("(prefers-color-scheme: dark)").matches',
      );
      if (dark !== (options.colorScheme === "dark")) {
        context.slot.busy = false;
        throw new Unsupported(`the ${options.colorScheme} colour scheme in ${browser.engine}`);
      }
    }
    context.page = new WebDriverPage(context, client);
    context.client = client;
    browser.router.addInit(context, `(${recorder})();`);
    context.viewport = options.viewport ?? { width: 1280, height: 720 };
    if (options.viewport !== null) await context._resize(context.viewport);
    return context;
  }

  constructor(browser) {
    this.browser = browser;
    this.pageGiven = false;
    /** Folders of files given to file inputs, removed when the context closes. */
    this.uploads = [];
  }

  /** The page's viewport, [width, height] in CSS pixels, asked between two documents too. */
  _innerSize() {
    return settled(
      this.client,
      "return [window.innerWidth, window.innerHeight]",
      Array.isArray,
      "the page did not tell its viewport's size",
    );
  }

  /** Sets the window so that the page's viewport is `width` × `height` CSS pixels. */
  async _resize({ width, height }) {
    this.viewport = { width, height };
    const window = this.client.manage().window();
    let rect = { width, height };
    for (let attempt = 0; attempt < 3; attempt++) {
      await window.setRect(rect);
      const inner = await this._innerSize();
      if (inner[0] === width && inner[1] === height) return;
      const outer = await window.getRect();
      rect = { width: outer.width + width - inner[0], height: outer.height + height - inner[1] };
    }
    const inner = await this._innerSize();
    if (inner[0] !== width) {
      throw new Unsupported(
        `a ${width} px wide viewport in ${this.browser.engine}: its narrowest is ${inner[0]} px`,
      );
    }
  }

  async newPage() {
    if (this.pageGiven) throw new Unsupported("a second page in one context");
    this.pageGiven = true;
    return this.page;
  }

  pages() {
    return this.pageGiven ? [this.page] : [];
  }

  async addInitScript(script, arg) {
    const source = typeof script === "function" ? `(${script})(${JSON.stringify(arg)});` : script;
    this.browser.router.addInit(this, source);
  }

  /**
   * Answers `pattern` with `handler`. WebKit keeps the test server's files in a memory cache
   * that outlives a reset: a route that changes one of them gets a browser of its own.
   */
  async route(pattern, handler) {
    this.browser.router.addRoute(this, pattern, handler);
    const own = typeof pattern === "string" && pattern.startsWith(`http://${this.browser.proxy}/`);
    if (this.browser.engine === "WebKit" && own && this.slot.used) {
      await this.client.quit().catch(() => {});
      this.slot.client = null;
      await this.browser.take(this.slot.kind, this.slot);
      this.client = this.page.client = this.slot.client;
      await this._resize(this.viewport);
    }
  }

  on(event) {
    throw new Unsupported(`context.on("${event}")`);
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    this.page.closed = true;
    for (const folder of this.uploads.splice(0)) rmSync(folder, { recursive: true, force: true });
    this.browser.router.forget(this);
    this.browser.contexts.delete(this);
    let kept = this.browser.reuse;
    if (kept)
      kept = await reset(this.client, `http://${this.browser.proxy}`).then(
        () => true,
        () => false,
      );
    if (!kept) {
      await this.client.quit().catch(() => {});
      this.slot.client = null;
    }
    this.slot.busy = false;
  }
}

/**
 * Starts the engine's driver ("Firefox" or "WebKit"), with `router`'s server (createRouter) as
 * the proxy `proxy` ("host:port"). Resolves to a browser like Playwright's.
 */
export async function launchWebDriver(engine, router, proxy) {
  const contexts = new Set();
  // A driver runs one session at a time: one driver for each context open at once.
  const slots = [
    { driver: await startDriver(engine), driverKey: "{}", client: null, kind: null, busy: false },
  ];
  const browser = {
    engine,
    router,
    proxy,
    contexts,
    // Firefox takes seconds to start and WebKit about one, so the session of a closed context is
    // reset and kept for the next context with the same options (see `route` for the one thing
    // a reset cannot clear).
    reuse: true,
    /** A driver with a session of `kind` (the options' capabilities), for a new context. */
    async take(kind, mine = null) {
      const { driver: driverOptions = {}, pageLoadStrategy, ...capabilities } = JSON.parse(kind);
      const driverKey = JSON.stringify(driverOptions);
      let slot =
        mine ??
        slots.find((free) => !free.busy && free.client && free.kind === kind) ??
        slots.find((free) => !free.busy);
      if (!slot) {
        slot = { driver: null, driverKey: null, client: null, kind: null, busy: false };
        slots.push(slot);
      }
      slot.busy = true;
      slot.used = Boolean(slot.client) && slot.kind === kind;
      // A driver started with other options (WebKit's reduced motion) is replaced, and one that
      // has stopped answering (drivers.mjs, ANSWER_MS).
      if (slot.driverKey !== driverKey || !slot.driver?.alive()) {
        await slot.client?.quit().catch(() => {});
        slot.client = null;
        slot.driver?.stop();
        slot.driver = null;
      }
      if (slot.client && slot.kind === kind) return slot;
      await slot.client?.quit().catch(() => {});
      slot.client = null;
      const extra = {
        proxy: { proxyType: "manual", httpProxy: proxy, sslProxy: proxy },
        acceptInsecureCerts: true,
        unhandledPromptBehavior: "ignore",
        ...(pageLoadStrategy && { pageLoadStrategy }),
      };
      if (slot.driver) {
        try {
          slot.client = await slot.driver.session(capabilities, extra);
        } catch (error) {
          // A driver that did not start a browser in time has been stopped (drivers.mjs,
          // START_MS): fresh ones are tried below.
          console.log(`${engine}: ${error.message}; starting a fresh driver`);
          slot.driver.stop();
          slot.driver = null;
        }
      }
      if (!slot.client) {
        try {
          ({ driver: slot.driver, client: slot.client } = await startSession(
            engine,
            driverOptions,
            capabilities,
            extra,
          ));
        } catch (error) {
          slot.busy = false;
          throw error;
        }
        slot.driverKey = driverKey;
      }
      slot.kind = kind;
      return slot;
    },
    async newContext(options = {}) {
      const context = await WebDriverContext.open(browser, options);
      contexts.add(context);
      return context;
    },
    async newPage(options) {
      return (await browser.newContext(options)).newPage();
    },
    async close() {
      try {
        await Promise.all([...contexts].map((context) => context.close()));
      } finally {
        for (const slot of slots) {
          await slot.client?.quit().catch(() => {});
          slot.driver?.stop();
        }
      }
    },
  };
  return browser;
}
