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

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
pids=()
for engine in firefox webkit; do
  paths=()
  for name in "${FILES[@]}"; do
    if [ "$engine" = webkit ] && [[ " ${NOT_IN_WEBKIT[*]} " == *" $name "* ]]; then continue; fi
    paths+=("tests/e2e/$name.test.mjs")
  done
  # Firefox is the slowest to drive: two of its files at a time. WebKit one: two MiniBrowsers
  # at once have hung this machine's run (a command that never answered), so it stays at one.
  concurrency=1
  [ "$engine" = firefox ] && concurrency=2
  EW_ENGINE=$engine node --test --test-concurrency=$concurrency --test-reporter=spec "${paths[@]}" \
    >"$logs/$engine.log" 2>&1 &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
for engine in firefox webkit; do
  printf '\n---- end-to-end tests: %s\n' "$engine"
  cat "$logs/$engine.log"
done
exit $status
