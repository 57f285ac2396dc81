#!/usr/bin/env bash
# Sets up, builds the package and serves the demo portal (www/) on 127.0.0.1.
# PORT=8080 by default; the next free port is taken if it is busy.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
port=${PORT:-8080}
while python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1', $port)) != 0)"; do
  port=$((port + 1))
done
echo
echo "  procurement-precheck demo: http://127.0.0.1:$port/"
echo "  (Ctrl-C to stop)"
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
