// Serves www/ on 127.0.0.1 with the Content-Security-Policy the product promises to run under.
// PORT overrides the port (default 8080). Only files inside www/ are served: a path that leads
// out of it is refused with 403, and an address that is not valid percent-encoding with 400.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join("; ");

/**
 * The configuration page's policy: the same, and it may frame its preview, a page of its own
 * folder (`frame-src 'self'`: same origin only).
 */
export const CONFIGURE_POLICY = `${POLICY}; frame-src 'self'`;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const root = resolve(fileURLToPath(new URL("../www/", import.meta.url)));

/** Whether `path` (absolute, resolved) is `root` itself or inside it: a folder boundary, not a prefix. */
function inside(path) {
  const rest = relative(root, path);
  return rest !== ".." && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

/**
 * Starts the server; resolves to the Node server once it listens. The end-to-end tests in engines
 * driven over WebDriver pass two hooks (tests/e2e/webdriver-page.mjs): `intercept(request,
 * response)` answers a request itself when it returns true, as a test's route does, and
 * `html(body)` changes a page before it is sent, to add the test's own scripts.
 */
export function serve(port = 8080, host = "127.0.0.1", { intercept, html } = {}) {
  const server = createServer(async (request, response) => {
    if (intercept && (await intercept(request, response))) return;
    const url = new URL(request.url ?? "/", "http://localhost");
    let name;
    try {
      name = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad request");
      return;
    }
    let path = resolve(join(root, name));
    if (!inside(path)) {
      response.writeHead(403).end("Forbidden");
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      let body = await readFile(path);
      if (html && extname(path) === ".html") body = html(body);
      response.writeHead(200, {
        "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
        "Content-Security-Policy": name.startsWith("/configure/") ? CONFIGURE_POLICY : POLICY,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => done(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const server = await serve(port);
  const { port: actual } = server.address();
  console.log(`Ending Well demo: http://127.0.0.1:${actual}/  (Ctrl+C to stop)`);
}
