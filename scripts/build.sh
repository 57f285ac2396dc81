#!/usr/bin/env bash
# Builds the npm package into pkg/ (and a copy for the demo in www/pkg/):
# cargo (wasm32, release) → wasm-bindgen (pinned) → wasm-opt -Oz (npm binaryen) → JS entries.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
say() { printf '\033[1m[build]\033[0m %s\n' "$*"; }

say "cargo build --profile wasm --target wasm32-unknown-unknown (opt-level z, lto, panic=abort)"
cargo build --quiet --profile wasm --lib --target wasm32-unknown-unknown
rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir pkg target/wasm32-unknown-unknown/wasm/procurement_precheck.wasm
say "wasm-opt -Oz"
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-multivalue --enable-mutable-globals \
  pkg/procurement_precheck_bg.wasm -o pkg/procurement_precheck_bg.wasm
# wasm-bindgen writes a trailing options parameter as required; it is optional.
sed -i -E 's/, opts: ([A-Za-z]+)\): /, opts?: \1): /' pkg/procurement_precheck.d.ts
# `[Symbol.dispose]` (set at run time only where the engine has it) needs TypeScript's esnext
# lib; portals compile with older targets, so the declaration keeps `free()` only.
sed -i '/\[Symbol.dispose\](): void;/d' pkg/procurement_precheck.d.ts
cp www/package/index.js www/package/node.js www/package/screen.js www/package/index.d.ts pkg/
version=$(awk -F'"' '/^version = / {print $2; exit}' Cargo.toml)
sed "s/@VERSION@/$version/" www/package/package.json > pkg/package.json
cp README.md pkg/README.md
rm -rf www/pkg && cp -r pkg www/pkg
say "pkg/ ready: $(wc -c < pkg/procurement_precheck_bg.wasm) bytes of wasm"
