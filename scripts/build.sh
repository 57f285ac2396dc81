#!/usr/bin/env bash
# Builds the npm package into pkg/ (and a copy for the demo in www/pkg/): installs what it needs
# (scripts/setup.sh), then npm/build.mjs — cargo → wasm-bindgen → wasm-opt → rolldown.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
node npm/build.mjs
