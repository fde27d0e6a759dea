#!/usr/bin/env bash
# SQLite on storage that cannot write, for real: the demo database on a
# small tmpfs that fills up during the driver's writes, then grows again
# (remount) while the server runs; then the same file on the tmpfs
# remounted read-only. Writes must fail with 503 UNAVAILABLE, reads go
# on, the server recovers by itself once there is room, every write
# answered with success is in the file, none is half-applied, and
# PRAGMA integrity_check is ok. Needs root (mount); skips otherwise.
#
#   bench/faults/storage.sh
#
# Settings: CLIENTS (4), HEADROOM_KB (1024: room left on the tmpfs beyond
# the database), PORT (18093), DEMO_CASES (300).
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${CLIENTS:-4}
port=${PORT:-18093}
base=http://127.0.0.1:$port
work=$(mktemp -d /tmp/win-storage.XXXXXX)
mnt=$work/mnt
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  mountpoint -q "$mnt" && umount "$mnt"
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$mnt"
if ! mount -t tmpfs -o size=1m tmpfs "$mnt" 2>/dev/null; then
  echo "SKIP: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN); TestSQLiteCannotWrite covers SQLITE_FULL and SQLITE_READONLY"
  exit 0
fi
umount "$mnt"

. bench/faults/serve.sh
stop() { kill "$pid" && { wait "$pid"; } 2>/dev/null || true; pid=; }

echo "writing the demo database"
serve "$work/seed.db" "$work/seed.log"
stop
size_kb=$(($(stat -c %s "$work/seed.db") / 1024))
room_kb=$((size_kb + ${HEADROOM_KB:-1024}))
mount -t tmpfs -o "size=${room_kb}k" tmpfs "$mnt"
cp "$work/seed.db" "$mnt/win.db"
echo "=== disk full: a ${room_kb} KiB tmpfs for a ${size_kb} KiB database; remounted at 64 MiB at 10 s"
serve "$mnt/win.db" "$work/full.log"
"$work/faults" run -server "$base" -db "$mnt/win.db" -state "$work/state.json" -clients "$clients" \
  -duration 16s -fault "mount -o remount,size=64m $mnt" -fault-at 10s
"$work/faults" verify -db "$mnt/win.db" -state "$work/state.json"
echo "server log: $(grep -c 'database unavailable' "$work/full.log" || true) failures told UNAVAILABLE, $(grep -c 'level=ERROR' "$work/full.log" || true) errors logged"
grep 'database unavailable' "$work/full.log" | grep -o 'error="[^"]*"' | sort | uniq -c | sed 's/^/  /' || true
stop

echo "=== read-only: the same file, its tmpfs remounted read-only"
mount -o remount,ro "$mnt"
if ! serve "$mnt/win.db" "$work/ro.log"; then
  echo "the server refused to start on a read-only database (above); nothing written"
else
  post() { curl -s -o "$work/out" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "$1" "$base/graphql"; }
  status=$(post '{"query":"mutation { login(input: {email: \"operator@demo.example\", password: \"win-demo-2026\"}) { viewer { name } } }"}')
  echo "sign-in (a write): $status $(cat "$work/out")"
  status=$(post '{"query":"{ municipalities(first: 1) { totalCount } }"}')
  echo "a read: $status $(cat "$work/out")"
  echo "/readyz: $(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")"
  stop
fi
mount -o remount,rw "$mnt"
echo "after both: PRAGMA integrity_check on the file"
"$work/faults" verify -db "$mnt/win.db" -state "$work/state.json" | grep -E 'integrity|OK'
