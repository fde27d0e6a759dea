#!/usr/bin/env bash
# The load test in one command: builds the server and the load tool,
# prepares a database with the demo data, starts one or two server
# processes, runs the clients (bench/load, on vegeta), reconciles every
# write against the database and stops the servers. The exit status is
# the load tool's: non-zero when reconciliation fails.
#
#   bench/load.sh                                   # PostgreSQL, 100,000 cases, 64 clients, 60 s
#   WIN_LOAD_DB=sqlite bench/load.sh                # SQLite, 10,000 cases, 8 clients
#   WIN_LOAD_PROCESSES=2 bench/load.sh              # two servers on one PostgreSQL, clients on both
#
# Settings (environment):
#   WIN_LOAD_DB          postgres (default) or sqlite
#   WIN_LOAD_CASES       demo cases: 100000 on PostgreSQL, 10000 on SQLite
#   WIN_LOAD_CLIENTS     concurrent clients, each signed in: 64 on PostgreSQL, 8 on SQLite
#   WIN_LOAD_DURATION    length of the attack: 60s
#   WIN_LOAD_PROCESSES   server processes (PostgreSQL only for 2): 1
#   WIN_LOAD_REBUILD     1 drops the load database and loads the demo data again
#   WIN_LOAD_PG          PostgreSQL server URL without database: postgres://postgres@127.0.0.1:5432
#   WIN_LOAD_PG_DB       database of its own on that server: win_load (created when missing)
#   WIN_LOAD_PORT        first server's port: 18080 (the second takes the next)
#   WIN_LOAD_ARGS        more flags for bench/load, e.g. "-hot-cases 5"
#
# The servers run with WIN_RATE_LIMIT and WIN_RATE_BURST raised to 100000:
# the default 50 requests a second per session is a guard against one
# abusive browser, and the load's clients are closed loops that must not
# be throttled. Their logs go to test-artifacts/load/.
set -euo pipefail
cd "$(dirname "$0")/.."

db=${WIN_LOAD_DB:-postgres}
duration=${WIN_LOAD_DURATION:-60s}
processes=${WIN_LOAD_PROCESSES:-1}
port=${WIN_LOAD_PORT:-18080}
out=test-artifacts/load
mkdir -p "$out"

case $db in
postgres)
  cases=${WIN_LOAD_CASES:-100000}
  clients=${WIN_LOAD_CLIENTS:-64}
  pg=${WIN_LOAD_PG:-postgres://postgres@127.0.0.1:5432}
  pgdb=${WIN_LOAD_PG_DB:-win_load}
  url="$pg/$pgdb?sslmode=disable"
  ;;
sqlite)
  cases=${WIN_LOAD_CASES:-10000}
  clients=${WIN_LOAD_CLIENTS:-8}
  url="$PWD/$out/win-load-$cases.db"
  if [ "$processes" != 1 ]; then
    echo "two processes share a PostgreSQL database only" >&2
    exit 2
  fi
  ;;
*)
  echo "WIN_LOAD_DB is postgres or sqlite" >&2
  exit 2
  ;;
esac

echo "building bin/win and bin/load"
go build -o bin/win ./server
go build -o bin/load ./bench/load

# The database: reused when it holds the demo data at this size.
fresh=0
if [ "$db" = postgres ]; then
  have=$(psql "$pg/$pgdb?sslmode=disable" -tAc 'SELECT COUNT(*) FROM cases' 2>/dev/null || echo none)
  if [ "${WIN_LOAD_REBUILD:-0}" = 1 ] || [ "$have" != "$cases" ]; then
    psql "$pg/postgres?sslmode=disable" -qc "DROP DATABASE IF EXISTS $pgdb" -c "CREATE DATABASE $pgdb"
    fresh=1
  fi
else
  if [ "${WIN_LOAD_REBUILD:-0}" = 1 ] || [ ! -f "$url" ]; then
    rm -f "$url" "$url-wal" "$url-shm"
    fresh=1
  fi
fi

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

# start N PORT: one server process, waiting until it is ready (the first
# one loads the demo data into a fresh database before it listens).
start() {
  WIN_ADDR=127.0.0.1:$2 WIN_DATABASE_URL=$url WIN_DEMO=1 WIN_RATE_LIMIT=100000 WIN_RATE_BURST=100000 \
    bin/win -demo-cases "$cases" >"$out/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 3600); do
    curl -sf "http://127.0.0.1:$2/readyz" >/dev/null 2>&1 && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$out/server-$1.log" >&2; return 1; }
    sleep 0.5
  done
  echo "server $1 not ready" >&2
  return 1
}

urls=()
for i in $(seq 1 "$processes"); do
  p=$((port + i - 1))
  start "$i" "$p"
  urls+=("http://127.0.0.1:$p")
  if [ "$i" = 1 ] && [ "$fresh" = 1 ]; then
    grep -o 'demo data loaded.*' "$out/server-1.log" || true
    if [ "$db" = postgres ]; then
      # The demo data arrive in one transaction: give the planner their
      # statistics now rather than whenever autovacuum gets to them.
      psql "$url" -qc ANALYZE
    fi
  fi
done

echo "load: $db, $cases cases, $clients clients, $duration, $processes process(es)"
status=0
bin/load -urls "$(
  IFS=,
  echo "${urls[*]}"
)" -database-url "$url" -clients "$clients" -duration "$duration" ${WIN_LOAD_ARGS:-} || status=$?

for i in $(seq 1 "$processes"); do
  errors=$(grep -c 'level=ERROR' "$out/server-$i.log" || true)
  echo "server $i: $errors errors logged ($out/server-$i.log)"
  grep 'level=ERROR' "$out/server-$i.log" | head -3 || true
done
exit $status
