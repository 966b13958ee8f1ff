#!/usr/bin/env bash
# Everything CI checks, in the order a developer would want to hear about failures.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
step() { printf '\n==== %s (at %d s)\n' "$*" "$SECONDS"; }

step "format"
cargo fmt --check
prettier --check .
step "lint (JavaScript)"
eslint .
step "types (ending-well.d.ts against how the docs and the examples use it)"
tsc -p tests/types
step "clippy (host)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p ending-well-unpack --lib --target wasm32-unknown-unknown -- -D warnings
step "native tests"
cargo test --workspace
step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
step "browser tests: Chromium"
CHROMEDRIVER=$(command -v chromedriver) wasm-pack test --headless --chrome
step "browser tests: Firefox"
GECKODRIVER=$(command -v geckodriver) wasm-pack test --headless --firefox
step "browser tests: WebKit"
bash scripts/test-webkit.sh
step "release build"
bash scripts/build.sh
step "end-to-end tests: Chromium and WebKit side by side, then Firefox"
bash scripts/test-engines.sh
