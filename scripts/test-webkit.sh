#!/usr/bin/env bash
# The browser tests (tests/browser/, tests/browser_failure.rs) in WebKit, the engine of every
# iPhone and iPad browser, through WebKitGTK's WebDriver and its MiniBrowser on a virtual display.
#
# wasm-pack knows no WebKit, so this runs what `wasm-pack test` runs (cargo test with the
# wasm-bindgen test runner) against a WebKitWebDriver started here. The runner reaches it as a
# remote driver on the W3C protocol (its Firefox path; the runner's Safari path sends no
# capabilities), and reads the capabilities that choose the MiniBrowser from
# tests/browser/webkit.json. The runner's own line says "Firefox": the browser is WebKit.
set -euo pipefail
cd "$(dirname "$0")/.."

port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => {
  console.log(s.address().port); s.close(); });')
log=$(mktemp)
xvfb-run -a WebKitWebDriver --port="$port" >"$log" 2>&1 &
driver=$!
stop() {
  # xvfb-run's children: the driver, and the display it started.
  pkill -P "$driver" 2>/dev/null || true
  kill "$driver" 2>/dev/null || true
  wait "$driver" 2>/dev/null || true
  rm -f "$log"
}
trap stop EXIT
for _ in $(seq 1 100); do
  if node -e 'require("net").connect(process.argv[1], "127.0.0.1").on("connect", () =>
    process.exit(0)).on("error", () => process.exit(1))' "$port"; then
    break
  fi
  sleep 0.1
done

CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=$(command -v wasm-bindgen-test-runner) \
  GECKODRIVER_REMOTE="http://127.0.0.1:$port" \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/browser/webkit.json" \
  WASM_BINDGEN_TEST_ONLY_WEB=1 \
  cargo test --target wasm32-unknown-unknown
