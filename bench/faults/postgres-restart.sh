#!/usr/bin/env bash
# PostgreSQL restarted under load: a private PostgreSQL 15 cluster (its
# own data directory and port; the shared server is never touched), the
# real server binary on it with demo data, the driver's concurrent plan
# steps, notes and reads, and `pg_ctl restart -m fast` in the middle.
# Prints the answers by outcome, when /readyz said not ready, the time
# from the database accepting connections again to the first successful
# answer and to /readyz ok, then checks every write answered with success
# in the database and that no step is half-applied.
#
#   bench/faults/postgres-restart.sh        # must run as root (runuser -u postgres)
#
# Settings: CLIENTS (16), DURATION (25s), FAULT_AT (8s), PG_PORT (55433),
# PORT (18091), DEMO_CASES (300).
set -euo pipefail
cd "$(dirname "$0")/../.."
pgbin=/usr/lib/postgresql/15/bin
clients=${CLIENTS:-16}
duration=${DURATION:-25s}
fault_at=${FAULT_AT:-8s}
pg_port=${PG_PORT:-55433}
port=${PORT:-18091}
work=$(mktemp -d /tmp/win-pg-restart.XXXXXX)
chmod 755 "$work"
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building the server and the driver"
go build -o "$work/win" ./server
go build -o "$work/faults" ./bench/faults

echo "starting a private PostgreSQL on port $pg_port"
mkdir "$work/pgdata" && chown postgres "$work/pgdata"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pgdata" -U postgres --auth=trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pgdata" -l "$work/pgdata/log" -w \
  -o "-p $pg_port -k $work/pgdata -c listen_addresses=127.0.0.1" start >/dev/null
runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres win
db="postgres://postgres@127.0.0.1:$pg_port/win?sslmode=disable"

echo "starting the server with ${DEMO_CASES:-300} demo cases"
WIN_ADDR=127.0.0.1:$port WIN_DATABASE_URL=$db WIN_DEMO=1 WIN_RETENTION_YEARS=0 \
  WIN_RATE_LIMIT=100000 WIN_RATE_BURST=100000 \
  "$work/win" -demo-cases "${DEMO_CASES:-300}" 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done

restart="runuser -u postgres -- $pgbin/pg_ctl -D $work/pgdata -m fast -w restart -o '-p $pg_port -k $work/pgdata -c listen_addresses=127.0.0.1' >/dev/null"
"$work/faults" run -server "http://127.0.0.1:$port" -db "$db" -probe "$db" -state "$work/state.json" \
  -clients "$clients" -duration "$duration" -fault "$restart" -fault-at "$fault_at"
"$work/faults" verify -db "$db" -state "$work/state.json"
echo "server log: $(grep -c 'database unavailable' "$work/server.log") requests told UNAVAILABLE," \
  "$(grep -c 'level=ERROR' "$work/server.log" || true) errors logged"
grep 'level=ERROR' "$work/server.log" | head -5 || true
