#!/usr/bin/env bash
# Installs everything Ending Well needs on a machine of this kind, skipping what is already
# there, so a second run takes seconds. Only package registries are used: crates.io, npm and
# Debian. Nothing downloads a browser or a binary from anywhere else.
#
#   scripts/setup.sh build   what `npm start` needs: the wasm target, wasm-pack, wasm-bindgen,
#                            and the npm packages (wasm-opt comes from the npm package binaryen)
#   scripts/setup.sh test    all of that, and the browsers and drivers the tests use
set -euo pipefail
mode=${1:-test}
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

# cargo install, first with the crate's own lock file; if the registry no longer serves a locked
# version (it happens when one is yanked), resolve afresh.
cargo_install() {
  cargo install --locked "$@" || cargo install "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack (a few minutes, once)"
  cargo_install wasm-pack
fi

# The wasm-bindgen command must match the wasm-bindgen crate exactly: read it from Cargo.lock.
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo_install wasm-bindgen-cli --version "$want"
fi

# npm ci when package-lock.json changed since the last install.
stamp=node_modules/.ending-well-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm packages"
  # No install scripts: the WebDriver client's optional driver packages would fetch drivers
  # from outside the registries; the drivers come from Debian and crates.io instead.
  npm ci --no-audit --no-fund --ignore-scripts
  cp package-lock.json "$stamp"
fi

# Packages from Debian that are missing, installed together below.
missing=()
# xz packs the module's bytes for the release (scripts/embed-wasm.mjs).
command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
if [ "$mode" = test ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
  # WebKit, the engine of every iPhone and iPad browser: WebKitGTK's WebDriver drives its
  # MiniBrowser, which needs a display, so a virtual one.
  command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
  # The end-to-end tests' proxy answers https with a throwaway certificate it makes with openssl.
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi
if [ "$mode" = test ]; then
  if ! command -v geckodriver >/dev/null 2>&1; then
    say "installing geckodriver (a few minutes, once)"
    cargo_install geckodriver
  fi
fi
say "ready ($mode)"
