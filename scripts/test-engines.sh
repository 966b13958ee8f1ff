#!/usr/bin/env bash
# The end-to-end tests that drive a browser, in Firefox and WebKit, side by side: the same test
# files as in Chromium, each engine through its own WebDriver (tests/e2e/webdriver-page.mjs,
# chosen by EW_ENGINE in tests/e2e/harness.mjs). A test that needs what an engine's WebDriver
# cannot do is reported as skipped, with the reason (README, "Tests").
# Needs the release build in www/pkg, firefox-esr and geckodriver, webkit2gtk-driver and xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every file that drives a browser; the others (the package, the dev server, the byte budget, the
# documentation's links) involve no engine, and engines.test.mjs drives all three itself.
FILES=(
  accessibility careless configure crypto embedding first-screen hostile-files injection keyboard languages layout leaving
  outputs privacy quick-exit safety third-parties touch
)

# Not in WebKit, whose one file at a time is the longest step of `npm test`: the configuration page
# (clinic staff's, at a desk), which Chromium and Firefox run. The widget's own files all run.
NOT_IN_WEBKIT=(configure)

# Each engine's whole run, in seconds: about four times what it takes on this machine kind.
LIMIT=1800

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
engines=(firefox webkit)
pids=()
for engine in "${engines[@]}"; do
  paths=()
  for name in "${FILES[@]}"; do
    if [ "$engine" = webkit ] && [[ " ${NOT_IN_WEBKIT[*]} " == *" $name "* ]]; then continue; fi
    paths+=("tests/e2e/$name.test.mjs")
  done
  # Firefox is the slowest to drive: two of its files at a time. WebKit one: two MiniBrowsers
  # at once have hung this machine's run (a command that never answered), so it stays at one.
  concurrency=1
  [ "$engine" = firefox ] && concurrency=2
  # A driver that stops answering fails its test (tests/e2e/drivers.mjs, ANSWER_MS); should a run
  # still hang, it is stopped well inside CI's own limit, and what it did is printed below.
  EW_ENGINE=$engine timeout --kill-after=30 "$LIMIT" \
    node --test --test-concurrency=$concurrency --test-reporter=spec "${paths[@]}" \
    >"$logs/$engine.log" 2>&1 &
  pids+=($!)
done

# While they run, a line every two minutes, so that a slow run is seen to be moving: how many
# tests and groups of tests each engine has passed (✔) and failed (✖) so far.
count() { grep -c "$1" "$logs/$2.log" || true; }
(
  while sleep 120; do
    printf '  ... %s: Firefox ✔ %s ✖ %s; WebKit ✔ %s ✖ %s\n' \
      "$(date -u +%H:%M:%S)" "$(count '^ *✔' firefox)" "$(count '^ *✖' firefox)" \
      "$(count '^ *✔' webkit)" "$(count '^ *✖' webkit)"
  done
) &
ticker=$!

status=0
for index in "${!pids[@]}"; do
  code=0
  wait "${pids[$index]}" || code=$?
  [ "$code" = 0 ] && continue
  status=1
  if [ "$code" = 124 ] || [ "$code" = 137 ]; then
    printf '%s was stopped after %s s: it had not finished.\n' "${engines[$index]}" "$LIMIT" \
      >>"$logs/${engines[$index]}.log"
  fi
done
# The sleep the ticker waits in first (it would otherwise hold this step's output open for up to
# two minutes), then the ticker.
pkill -P "$ticker" 2>/dev/null || true
kill "$ticker" 2>/dev/null || true
for engine in "${engines[@]}"; do
  printf '\n---- end-to-end tests: %s\n' "$engine"
  cat "$logs/$engine.log"
done
exit $status
