#!/usr/bin/env bash
# The server killed with SIGKILL during writes: the real server binary
# with demo data, the driver's concurrent plan steps, notes and reads,
# `kill -9` of the server in the middle, then the server started again on
# the same database. Checks that it starts cleanly (SQLite recovers its
# write-ahead log), that every write answered with success is in the
# database, and that no step is half-applied; on SQLite also
# PRAGMA integrity_check.
#
#   bench/faults/sigkill.sh [sqlite|postgres]...   # both by default; PostgreSQL as root (a private cluster)
#
# Settings: CLIENTS (8), DURATION (14s), FAULT_AT (8s), PG_PORT (55434),
# PORT (18092), DEMO_CASES (300).
set -euo pipefail
cd "$(dirname "$0")/../.."
pgbin=/usr/lib/postgresql/15/bin
clients=${CLIENTS:-8}
pg_port=${PG_PORT:-55434}
port=${PORT:-18092}
base=http://127.0.0.1:$port
work=$(mktemp -d /tmp/win-sigkill.XXXXXX)
chmod 755 "$work"
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -d "$work/pgdata" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pgdata" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

. bench/faults/serve.sh

# killed DB: the run, the kill, the restart, the checks.
killed() {
  local db=$1
  serve "$db" "$work/server.log"
  "$work/faults" run -server "$base" -db "$db" -state "$work/state.json" -clients "$clients" \
    -duration "${DURATION:-14s}" -fault "kill -9 $pid" -fault-at "${FAULT_AT:-8s}"
  { wait "$pid"; } 2>/dev/null || true
  pid=
  local t0
  t0=$(date +%s%N)
  serve "$db" "$work/restart.log"
  echo "restart: ready after $((($(date +%s%N) - t0) / 1000000)) ms; its log at WARN or ERROR:"
  grep -E 'level=(WARN|ERROR)' "$work/restart.log" | sed 's/^/  /' || echo "  nothing"
  "$work/faults" verify -db "$db" -state "$work/state.json"
  kill "$pid" && wait "$pid" 2>/dev/null || true
  pid=
}

for target in "${@:-sqlite postgres}"; do
  for d in $target; do
    echo "=== SIGKILL on $d"
    case $d in
    sqlite)
      killed "$work/win.db"
      ;;
    postgres)
      mkdir "$work/pgdata" && chown postgres "$work/pgdata"
      runuser -u postgres -- "$pgbin/initdb" -D "$work/pgdata" -U postgres --auth=trust >/dev/null
      runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pgdata" -l "$work/pgdata/log" -w \
        -o "-p $pg_port -k $work/pgdata -c listen_addresses=127.0.0.1" start >/dev/null
      runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres win
      killed "postgres://postgres@127.0.0.1:$pg_port/win?sslmode=disable"
      ;;
    *)
      echo "unknown database $d: sqlite or postgres"
      exit 2
      ;;
    esac
  done
done
