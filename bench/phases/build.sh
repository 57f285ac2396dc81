#!/usr/bin/env bash
# The whole API's module with the `phases` exports (crates/precheck-wasm, feature `phases`: each
# phase of checkSupplier alone), built as npm/build.mjs builds it (profile wasm, wasm-bindgen
# --target web, wasm-opt -Oz; names kept for profiles), into target/bench/phases/.
# Then: node bench/phases/node.mjs (Node) and node bench/phases/browser.mjs (headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet -p procurement-precheck-wasm --lib --profile wasm --target wasm32-unknown-unknown --features phases
out=target/bench/phases
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --out-name procurement_precheck --out-dir "$out" target/wasm32-unknown-unknown/wasm/procurement_precheck_wasm.wasm
node_modules/.bin/wasm-opt -Oz -g --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-multivalue --enable-mutable-globals "$out/procurement_precheck_bg.wasm" -o "$out/procurement_precheck_bg.wasm"
ls "$out/snippets" > "$out/snippet.txt"
