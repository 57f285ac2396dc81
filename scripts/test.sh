#!/usr/bin/env bash
# Sets up (idempotently) and runs every test of procurement-precheck:
#   1. Rust: unit, integration and doc tests (native)
#   2. the npm package: built, packed with `npm pack`, installed into a throwaway project,
#      then node --test against it and `tsc --strict` over a typed usage file
#   3. the browser: Playwright (playwright-core) driving Debian's headless chromium over the demo
#   4. every cargo-fuzz target briefly (FUZZ_SECONDS each, default 10; 0 skips), with the
#      committed corpora, so a regression on a known hostile input fails here
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
say() { printf '\033[1m[test]\033[0m %s\n' "$*"; }

./scripts/setup.sh --browser

say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy (the workspace; the wasm crate for wasm32, whole and fields-only; the core without features)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet -p procurement-precheck-wasm --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet -p procurement-precheck-wasm --no-default-features --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet -p procurement-precheck --no-default-features -- -D warnings
say "cargo deny (licences, duplicate versions, sources)"
cargo deny --log-level error check licenses bans sources
say "cargo test (native)"
cargo test --quiet 2>&1 | tee target/cargo-test.log | grep -E '^(test result|running|error|failures|---- )' || true
grep -q 'test result: FAILED' target/cargo-test.log && exit 1
grep -q 'test result: ok' target/cargo-test.log || { echo "cargo test ran nothing"; exit 1; }
cargo build --quiet -p procurement-precheck-cli

./scripts/build.sh
say "node --test tests/build (the build's own tools: the .wasm as text)"
node --test tests/build/

say "npm pack → install into a throwaway project"
rm -rf target/npm && mkdir -p target/npm/consumer/test
(cd pkg && npm pack --silent --pack-destination "$root/target/npm") >/dev/null
tarball=$(ls "$root"/target/npm/procurement-precheck-*.tgz)
cd target/npm/consumer
cat > package.json <<JSON
{ "name": "consumer", "private": true, "type": "module" }
JSON
npm install --no-audit --no-fund --silent "$tarball"
cp "$root"/tests/js/*.mjs "$root"/tests/js/*.test.cjs "$root"/tests/js/types.ts "$root"/tests/js/types-cjs.cts test/
say "node --test (the installed package; parity with the native CLI)"
FIXTURES="$root/tests/fixtures" CLI="$root/target/debug/procurement-precheck" node --test test/
say "the package has no runtime dependencies"
deps=$(npm ls --omit=dev --all --parseable 2>/dev/null | grep -c node_modules || true)
[ "$deps" = 1 ] || { npm ls --omit=dev --all; echo "runtime dependencies found"; exit 1; }
# npm audit needs the registry's audit endpoint, which some networks do not reach.
npm audit --omit=dev 2>&1 | tail -1 || true
say "tsc --strict over the public types"
cat > tsconfig.json <<JSON
{ "compilerOptions": { "strict": true, "noEmit": true, "target": "es2022", "module": "nodenext",
  "moduleResolution": "nodenext", "skipLibCheck": false, "types": [] },
  "files": ["test/types.ts", "test/types-cjs.cts"] }
JSON
"$root/node_modules/.bin/tsc" -p tsconfig.json
cd "$root"

say "browser tests (headless chromium)"
node --test tests/browser/

fuzz_seconds=${FUZZ_SECONDS:-10}
if [ "$fuzz_seconds" != 0 ]; then
    say "fuzz: each target for ${fuzz_seconds} s (scripts/fuzz.sh)"
    ./scripts/fuzz.sh "$fuzz_seconds"
fi
