#!/usr/bin/env bash
# Builds the package and prints the benchmark table (sizes, speed beside the peer libraries).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
# The floor on the CLI's allocator first (bench/cli.mjs prints both floors), then the rest.
cargo build --quiet --release -p procurement-precheck-cli --example json_floor --features floor-mimalloc
cp target/release/examples/json_floor target/release/examples/json_floor_mimalloc
cargo build --quiet --release -p procurement-precheck-cli --bin procurement-precheck --example json_floor --example core_time
mkdir -p target/bench
node bench/bench.mjs
