#!/usr/bin/env bash
# Builds the optimised release into www/pkg: the wasm module (through wasm-opt), its JavaScript
# glue, and the module's bytes as a JavaScript module, so the page loads it without fetch().
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-pack looks for wasm-opt on PATH; the npm package binaryen provides it.
export PATH="$PWD/node_modules/.bin:$PATH"
# --no-pack: no package.json, README or LICENSE of wasm-pack's in www/pkg; the repository's
# own package.json describes the npm package.
rm -rf www/pkg
# Without the `every-language` feature: the Spanish ships apart (below), for the clients who read it.
wasm-pack build --release --target web --no-pack --out-dir www/pkg --out-name ending_well \
  -- --no-default-features
# The small module that unpacks the module's bytes in the page (unpack/), through wasm-opt with
# the flags of the module's own (Cargo.toml: their promise about the lowest kilobyte of memory
# holds for it too, since it does not recurse); then the module's bytes, packed, and it, as one
# JavaScript module.
cargo rustc --quiet -p ending-well-unpack --release --target wasm32-unknown-unknown --crate-type cdylib
flags=$(sed -n 's/^wasm-opt = \[\(.*\)\]$/\1/p' Cargo.toml | tr -d '",')
# shellcheck disable=SC2086
wasm-opt $flags --strip-debug --strip-producers --strip-target-features \
  target/wasm32-unknown-unknown/release/ending_well_unpack.wasm -o target/unpack.wasm
# The module's imports and exports named "a", "b", ... rather than wasm-bindgen's hashed names,
# in the module and its glue: 3 KB less packed.
node scripts/short-names.mjs www/pkg/ending_well_bg.wasm www/pkg/ending_well.js
node scripts/embed-wasm.mjs www/pkg target/unpack.wasm
# The introduction's words, which the loader shows before the module has started.
cargo run --quiet --bin ending-well -- first-screen > www/pkg/first-screen.json
# The Spanish, which build-web.mjs makes into the module pkg/ending_well_es.js.
cargo run --quiet --bin ending-well -- language-pack es > www/pkg/language-es.json
# The loader and the stylesheet, from their commented sources in www/src/, minified into www/.
node scripts/build-web.mjs
# wasm-pack writes a .gitignore of "*" into its output, which would also keep the files out of
# `npm pack`; the repository's own .gitignore already leaves www/pkg out of git.
rm -f www/pkg/.gitignore
