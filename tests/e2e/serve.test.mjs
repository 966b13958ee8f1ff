// The dev server (scripts/serve.mjs) serves only what is inside www/: a path that leads out of it,
// to a parent or to a sibling folder whose name starts like www's, is refused with 403, and an
// address that is not valid percent-encoding is answered with 400 while the server goes on
// serving. No browser needed: the requests are sent as written, without a client's clean-up.
//
// Run from the repository root: node --test --test-reporter=spec tests/e2e/serve.test.mjs
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { basename, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";

const WWW = basename(fileURLToPath(new URL("../../www/", import.meta.url)));
const REPOSITORY = basename(dirname(fileURLToPath(new URL("../../www/", import.meta.url))));

/** How long the server may take to answer one request to its own machine. */
const ANSWER_MS = 5_000;

let server;
let port;
before(async () => {
  server = await serve(0);
  ({ port } = server.address());
});
after(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

/** Sends GET `path` exactly as written; resolves to the status and the body. */
function get(path) {
  return new Promise((done, fail) => {
    const sent = request({ host: "127.0.0.1", port, path, method: "GET" }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () =>
        done({ status: response.statusCode, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    sent.on("error", fail);
    // A request the server never answers fails here instead of hanging the test.
    sent.setTimeout(ANSWER_MS, () =>
      sent.destroy(new Error(`no answer to ${path} within ${ANSWER_MS} ms`)),
    );
    sent.end();
  });
}

describe("The dev server", () => {
  it("serves the demo page and a file inside www/", async () => {
    assert.equal((await get("/")).status, 200);
    assert.equal((await get("/ending-well.js")).status, 200);
    assert.equal((await get("/examples/")).status, 200);
  });

  it("refuses a path that leads out of www/, however it is written", async () => {
    for (const path of [
      "/..%2f..%2fetc/passwd",
      "/..%2F..%2F..%2Fetc%2Fpasswd",
      "/examples/..%2f..%2fpackage.json",
      "/..%2fpackage.json",
      "/..%2f",
    ]) {
      const { status, body } = await get(path);
      assert.equal(status, 403, `${path} is refused`);
      assert.doesNotMatch(body, /root:|"name"/, `${path} shows nothing of the file`);
    }
  });

  it("refuses a sibling folder whose name begins with www/'s name", async () => {
    // The server's folder is www/; www-evil/ beside it starts with the same characters.
    for (const path of [
      `/..%2f${WWW}-evil/index.html`,
      `/..%2f${WWW}2/`,
      `/..%2f..%2f${REPOSITORY}-evil/`,
    ]) {
      assert.equal((await get(path)).status, 403, `${path} is refused`);
    }
  });

  it("answers a malformed address with 400 and goes on serving", async () => {
    for (const path of ["/%E0%A4%A", "/%", "/examples/%zz.html", "/%C0%AF"]) {
      assert.equal((await get(path)).status, 400, `${path} is a bad request`);
    }
    assert.equal((await get("/")).status, 200, "the server still serves after them");
  });

  it("answers a file that is not there with 404", async () => {
    assert.equal((await get("/no-such-file.html")).status, 404);
  });
});
