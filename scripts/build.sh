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
# So are Catalogue.builtin(name?) and cat.children(code?) (Option<JsValue> in Rust).
sed -i -E 's/static builtin\(name: /static builtin(name?: /; s/^(    )children\(code: /\1children(code?: /' \
  pkg/procurement_precheck.d.ts
grep -q 'static builtin(name?: ' pkg/procurement_precheck.d.ts
grep -q 'children(code?: ' pkg/procurement_precheck.d.ts
# `[Symbol.dispose]` (set at run time only where the engine has it) needs TypeScript's esnext
# lib; portals compile with older targets, so the declaration keeps `free()` only.
sed -i '/\[Symbol.dispose\](): void;/d' pkg/procurement_precheck.d.ts
modules=(screen fields attach adapters) # the package's own ES modules (each also as .cjs)
cp www/package/index.js www/package/node.js www/package/node.cjs www/package/index.d.ts pkg/
for m in "${modules[@]}"; do cp "www/package/$m.js" pkg/; done
# CommonJS: wasm-bindgen's nodejs glue for the same .wasm (wasm-bindgen writes an identical
# module for both targets), pointed at the one optimised file in pkg/.
rm -rf target/wb-node && wasm-bindgen --target nodejs --remove-name-section --remove-producers-section \
  --out-dir target/wb-node target/wasm32-unknown-unknown/wasm/procurement_precheck.wasm
mkdir -p pkg/cjs
sed 's|${__dirname}/procurement_precheck_bg.wasm|${__dirname}/../procurement_precheck_bg.wasm|' \
  target/wb-node/procurement_precheck.js > pkg/cjs/procurement_precheck.cjs
grep -q '/../procurement_precheck_bg.wasm' pkg/cjs/procurement_precheck.cjs
cp pkg/procurement_precheck.d.ts pkg/cjs/procurement_precheck.d.cts
sed "s|'./procurement_precheck.js'|'./cjs/procurement_precheck.cjs'|g" www/package/index.d.ts > pkg/index.d.cts
# The package's own modules as CommonJS: `import { … } from './x.js'` becomes a require() of the
# .cjs of the same module (the glue: cjs/), `export` goes, module.exports lists what was exported.
for m in "${modules[@]}"; do
  names=$(grep -oE '^export (async )?(function|const|let|class) [A-Za-z_$][A-Za-z0-9_$]*' "www/package/$m.js" \
    | awk '{print $NF}' | paste -sd, - | sed 's/,/, /g')
  { echo "'use strict';"
    perl -0777 -pe "s#^import \{([^}]*)\} from '\./procurement_precheck\.js';#const {\1} = require('./cjs/procurement_precheck.cjs');#mg;
                    s#^import \{([^}]*)\} from '\./(\w+)\.js';#const {\1} = require('./\2.cjs');#mg;
                    s#^export (?=(async )?function |const |let |class )##mg" "www/package/$m.js"
    echo "module.exports = { $names };"; } > "pkg/$m.cjs"
  if grep -qE '^(import|export) ' "pkg/$m.cjs"; then echo "pkg/$m.cjs: an import or export left" >&2; exit 1; fi
  node --check "pkg/$m.cjs"
done
# The single-file variant (wasm inlined as base64).
node scripts/inline.mjs pkg >/dev/null
version=$(awk -F'"' '/^version = / {print $2; exit}' Cargo.toml)
sed "s/@VERSION@/$version/" www/package/package.json > pkg/package.json
cp README.md pkg/README.md
rm -rf www/pkg && cp -r pkg www/pkg
say "pkg/ ready: $(wc -c < pkg/procurement_precheck_bg.wasm) bytes of wasm"
