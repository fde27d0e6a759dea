#!/usr/bin/env bash
# What the first screen after sign-in downloads, compressed and not, and
# what the server sends for it and for two GraphQL answers
# (docs/performance.md, "Phones and slow networks"):
#
#   bench/first-load.sh                       # builds the frontend and bin/win, then measures
#   WIN_FIRST_LOAD_BUILD=0 bench/first-load.sh   # measures the builds already there
#
# It runs bench/first-load.mjs on frontend/dist/app (sizes computed from
# the files: raw, gzip -9, brotli 11), then starts bin/win with that build
# on a fresh SQLite file with the demo data (1,000 cases, seed 2014) on
# WIN_FIRST_LOAD_PORT (18500), signs in as the Empoli coordinator and
# fetches the same files, the case list (100 cases) and the agenda with
# and without Accept-Encoding, printing the bytes on the wire.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${WIN_FIRST_LOAD_PORT:-18500}
base="http://127.0.0.1:$port"

if [ "${WIN_FIRST_LOAD_BUILD:-1}" = 1 ]; then
  (cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build >/dev/null)
  go build -o bin/win ./server
fi
node bench/first-load.mjs frontend/dist/app

if curl -s -o /dev/null "$base/healthz"; then
  echo "port $port is in use: set WIN_FIRST_LOAD_PORT" >&2
  exit 2
fi
tmp=$(mktemp -d)
WIN_ADDR=127.0.0.1:$port WIN_DATABASE_URL="$tmp/win.db" WIN_DEMO=1 \
  bin/win -demo-cases 1000 >"$tmp/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 600); do
  curl -sf "$base/readyz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || {
    cat "$tmp/server.log" >&2
    exit 1
  }
  sleep 0.5
done

# A session as the browser opens it: the cookie of the sign-in answer.
cookie=$(curl -sf -o /dev/null -D - "$base/graphql" -H 'Content-Type: application/json' -H 'Sec-Fetch-Site: same-origin' \
  --data '{"query":"mutation SignIn($input: LoginInput!) { login(input: $input) { viewer { id } } }","variables":{"input":{"email":"coordinator@demo.example","password":"win-demo-2026"}}}' |
  sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n 1)
[ -n "$cookie" ] || {
  echo "sign-in failed" >&2
  exit 1
}
COOKIE=$cookie node bench/first-load.mjs frontend/dist/app "$base" | sed -n '/^as served/,$p'
