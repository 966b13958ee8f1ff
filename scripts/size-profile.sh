#!/usr/bin/env bash
# `npm run size`: where the module's bytes go. Builds the release module as `npm run build` does
# (cargo's release profile, wasm-bindgen, then wasm-opt with the flags in Cargo.toml), but keeps
# the function names, and lists its largest parts with twiggy (from crates.io, installed here if
# missing), then the same bytes by area of the code and by module, each with what it costs
# packed (bench/size-areas.mjs). The names add to the file only: every other byte is the one
# shipped in www/pkg.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || cargo install --locked twiggy
out=target/size-profile
rm -rf "$out" && mkdir -p "$out"
cargo build --release --target wasm32-unknown-unknown --lib --no-default-features --quiet
wasm-bindgen --target web --keep-debug --out-dir "$out" --out-name ending_well \
  target/wasm32-unknown-unknown/release/ending_well.wasm
# The same wasm-opt flags as the release build (Cargo.toml), with -g to keep the names.
flags=$(sed -n 's/^wasm-opt = \[\(.*\)\]$/\1/p' Cargo.toml | tr -d '",')
# shellcheck disable=SC2086
wasm-opt $flags -g "$out/ending_well_bg.wasm" -o "$out/named.wasm"
# shellcheck disable=SC2086
wasm-opt $flags "$out/ending_well_bg.wasm" -o "$out/shipped.wasm"
# The short names of imports and exports, as scripts/build.sh gives them.
node scripts/short-names.mjs "$out/named.wasm" --keep-names >/dev/null
node scripts/short-names.mjs "$out/shipped.wasm" >/dev/null
twiggy top -n 25 "$out/named.wasm" | sed 's/\[[0-9a-f]\{16\}\]//g; s/::h[0-9a-f]\{16\}//g'
twiggy top -n 100000 -f csv "$out/named.wasm" >"$out/top.csv"
node bench/size-areas.mjs "$out/top.csv" "$out/named.wasm" "$out/shipped.wasm"
