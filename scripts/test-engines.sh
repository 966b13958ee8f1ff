#!/usr/bin/env bash
# The end-to-end tests in Chromium, Firefox and WebKit: the same test files in each engine,
# Chromium through Playwright, Firefox and WebKit each through its own WebDriver
# (tests/e2e/webdriver-page.mjs, chosen by EW_ENGINE in tests/e2e/harness.mjs). A test that needs
# what an engine's WebDriver cannot do is reported as skipped, with the reason (README, "Tests").
#
# WebKit's files run one at a time and take the longest, so they start at once, beside
# Chromium's; Firefox's follow Chromium's. Then engines.test.mjs, which drives all three engines
# itself, runs once WebKit's files are done: two MiniBrowsers at once have left WebKit's driver
# unanswering on this machine kind.
#
# Needs the release build in www/pkg, Playwright's Chromium, firefox-esr and geckodriver,
# webkit2gtk-driver and xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every file that drives a browser through the harness; the others (the package, the dev server,
# the byte budget, the documentation's links) involve no engine and run with Chromium's.
FILES=(
  accessibility careless configure crypto embedding first-screen hostile-files injection keyboard languages layout leaving
  outputs privacy quick-exit safety third-parties touch
)

# Each engine's whole run, in seconds: about four times what it takes on this machine kind.
LIMIT=1800

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# run NAME ENGINE CONCURRENCY FILE...: one node --test run, its output in $logs/NAME.log and its
# exit code in $logs/NAME.code. A driver that stops answering fails its test (tests/e2e/drivers.mjs,
# ANSWER_MS), a test still going after ten minutes fails (the longest takes under two), and a file
# whose tests are done ends even if something it started still runs; should a run still hang, it
# is stopped well inside CI's own limit, and what it did is printed below all the same.
run() {
  local name=$1 engine=$2 concurrency=$3 code=0
  shift 3
  EW_ENGINE=$engine timeout --kill-after=30 "$LIMIT" \
    node --test --test-concurrency="$concurrency" --test-timeout=600000 --test-force-exit \
    --test-reporter=spec "$@" \
    >"$logs/$name.log" 2>&1 || code=$?
  if [ "$code" = 124 ] || [ "$code" = 137 ]; then
    printf '%s was stopped after %s s: it had not finished.\n' "$name" "$LIMIT" >>"$logs/$name.log"
  fi
  echo "$code" >"$logs/$name.code"
}

all=()
for name in "${FILES[@]}"; do all+=("tests/e2e/$name.test.mjs"); done
chromium=()
for path in tests/e2e/*.test.mjs; do
  [ "$path" = tests/e2e/engines.test.mjs ] || chromium+=("$path")
done

# Two files at a time in Chromium and Firefox, every test still alone in its own browser context;
# one in WebKit, whose driver has hung with two MiniBrowsers open.
(run webkit webkit 1 "${all[@]}" && run engines chromium 1 tests/e2e/engines.test.mjs) &
first=$!
(run chromium chromium 2 "${chromium[@]}" && run firefox firefox 2 "${all[@]}") &
second=$!

# While they run, a line every two minutes, so that a slow run is seen to be moving: how many
# tests and groups of tests each engine has passed (✔) and failed (✖) so far.
count() {
  local n
  n=$(grep -c "$1" "$logs/$2.log" 2>/dev/null) || true
  echo "${n:-0}"
}
(
  while sleep 120; do
    line="  ... $(date -u +%H:%M:%S):"
    for name in chromium firefox webkit; do
      line+=" $name ✔ $(count '^ *✔' $name) ✖ $(count '^ *✖' $name);"
    done
    echo "${line%;}"
  done
) &
ticker=$!

wait "$first" "$second" || true
# The sleep the ticker waits in first (it would otherwise hold this step's output open for up to
# two minutes), then the ticker.
pkill -P "$ticker" 2>/dev/null || true
kill "$ticker" 2>/dev/null || true

status=0
for name in chromium firefox webkit engines; do
  printf '\n---- end-to-end tests: %s\n' "$name"
  cat "$logs/$name.log" 2>/dev/null || echo "(no output: it did not start)"
  [ "$(cat "$logs/$name.code" 2>/dev/null)" = 0 ] || status=1
done
exit $status
