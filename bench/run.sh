#!/usr/bin/env bash
# The benchmark in one command (docs/performance.md): builds the server
# and bench/load, prepares a database with N demo cases, starts the server
# with its metrics address, and runs the phases of `bin/load -perf` — one
# operation as one role, with a session or an API token, at each client
# count — printing per phase requests/s, p50, p99, SQL statements per
# request, server CPU ms per request and peak memory; on PostgreSQL it
# then runs the hand-written case list through pgbench and prints WIN's
# ratio to it. The output is also saved under test-artifacts/bench/.
#
#   bench/run.sh                                        # PostgreSQL, 10,000 cases, 8 and 32 clients, 8 s a phase
#   WIN_BENCH_CASES=100000 bench/run.sh
#   WIN_BENCH_DB=sqlite bench/run.sh
#   WIN_BENCH_PHASES='^caseList committee' WIN_BENCH_CLIENTS=8 bench/run.sh
#
# Settings (environment):
#   WIN_BENCH_DB         postgres (default) or sqlite
#   WIN_BENCH_CASES      demo cases: 10000
#   WIN_BENCH_CLIENTS    client counts, each phase at each: "8 32"
#   WIN_BENCH_DURATION   length of a phase (and of each pgbench run): 8s
#   WIN_BENCH_PHASES     regular expression on "operation role auth clients": all
#   WIN_BENCH_REBUILD    1 loads the demo data again
#   WIN_BENCH_PG         PostgreSQL server URL without database: postgres://postgres@127.0.0.1:5432
#   WIN_BENCH_PG_DB      its database: win_bench_<cases> (created when missing, reused when it has the cases)
#   WIN_BENCH_PORT       the server's port: 18180 (metrics on the next one)
#
# The server runs with WIN_RATE_LIMIT and WIN_RATE_BURST raised to
# 100000, as in bench/load.sh: the clients are closed loops that must not
# be throttled. Its log goes to test-artifacts/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

db=${WIN_BENCH_DB:-postgres}
cases=${WIN_BENCH_CASES:-10000}
clients=${WIN_BENCH_CLIENTS:-8 32}
duration=${WIN_BENCH_DURATION:-8s}
port=${WIN_BENCH_PORT:-18180}
metrics=$((port + 1))
out=test-artifacts/bench
mkdir -p "$out"

case $db in
postgres)
  pg=${WIN_BENCH_PG:-postgres://postgres@127.0.0.1:5432}
  pgdb=${WIN_BENCH_PG_DB:-win_bench_$cases}
  url="$pg/$pgdb?sslmode=disable"
  command -v pgbench >/dev/null || {
    echo "pgbench is missing: apt-get install postgresql-client" >&2
    exit 2
  }
  ;;
sqlite)
  url="$PWD/$out/win-bench-$cases.db"
  ;;
*)
  echo "WIN_BENCH_DB is postgres or sqlite" >&2
  exit 2
  ;;
esac

echo "building bin/win and bin/load"
go build -o bin/win ./server
go build -o bin/load ./bench/load

# The database: reused when it holds the demo data at this size.
if [ "$db" = postgres ]; then
  have=$(psql "$url" -tAc 'SELECT COUNT(*) FROM cases' 2>/dev/null || echo none)
  if [ "${WIN_BENCH_REBUILD:-0}" = 1 ] || [ "$have" != "$cases" ]; then
    psql "$pg/postgres?sslmode=disable" -qc "DROP DATABASE IF EXISTS $pgdb" -c "CREATE DATABASE $pgdb"
  fi
elif [ "${WIN_BENCH_REBUILD:-0}" = 1 ]; then
  rm -f "$url" "$url-wal" "$url-shm"
fi

# Another server on the port would answer in this one's place.
if curl -s -o /dev/null "http://127.0.0.1:$port/healthz" || curl -s -o /dev/null "http://127.0.0.1:$metrics/"; then
  echo "port $port or $metrics is in use (another benchmark?): set WIN_BENCH_PORT" >&2
  exit 2
fi

log="$out/server-$db-$cases.log"
WIN_ADDR=127.0.0.1:$port WIN_METRICS_ADDR=127.0.0.1:$metrics WIN_DATABASE_URL=$url WIN_DEMO=1 \
  WIN_RATE_LIMIT=100000 WIN_RATE_BURST=100000 bin/win -demo-cases "$cases" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 3600); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || {
    cat "$log" >&2
    exit 1
  }
  sleep 0.5
done
grep -o 'demo data loaded.*' "$log" || true
if [ "$db" = postgres ]; then
  # As autovacuum would, and does not where it is off: the planner gets
  # the statistics of fresh demo data, and index-only scans a visibility
  # map, so that every run measures the same database.
  psql "$url" -qc "VACUUM (ANALYZE)"
fi

result="$out/$db-$cases-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "WIN benchmark: $db, $cases cases, clients ${clients// /,}, $duration a phase, commit $(git rev-parse --short HEAD), $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  bin/load -perf -urls "http://127.0.0.1:$port" -metrics-url "http://127.0.0.1:$metrics" -server-pid $pid \
    -perf-clients "${clients// /,}" -duration "$duration" -phases "${WIN_BENCH_PHASES:-}" \
    ${pg:+-pgbench-url "$url"}
  echo "server: peak RSS $(grep VmHWM /proc/$pid/status | tr -s ' ' | cut -d' ' -f2-), errors logged $(grep -c 'level=ERROR' "$log" || true) ($log)"
} | tee "$result"
echo "saved in $result"
