#!/usr/bin/env bash
# Times `win backup`, `win restore` and `win audit verify` on a database of
# 100,000 demo cases, on SQLite and on PostgreSQL, and prints the times and
# the backups' sizes. The figures depend on the machine and what else runs
# on it: on a shared machine repeat the run before trusting them.
#
#   go build -o bin/win ./server && bench/backup.sh [bin/win]
#
# Environment:
#   CASES             demo cases to load (100000)
#   AUDIT_EVENTS      audit events to have (100000): the demo data have
#                     none, so the missing ones are inserted by SQL outside
#                     the chain and sealed when the server starts, as an
#                     installation's history is when it first runs a WIN
#                     with the chain (the "seal at start" figure)
#   SQLITE_DB         the SQLite database to back up; loaded with the demo
#                     data when missing (about 5 minutes), kept for reuse
#                     (default /tmp/win-backup-bench.db)
#   PG_SERVER         a PostgreSQL server URL with the right to create
#                     databases; empty skips PostgreSQL
#                     (default postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable)
#   PG_DB             the database to back up there (win_backup): loaded
#                     when missing, and dropped at the end if this run
#                     created it, unless KEEP=1
#   PORT              where the server listens while it prepares (18093)
set -euo pipefail
bin=$(realpath "${1:-bin/win}")
cases=${CASES:-100000}
events=${AUDIT_EVENTS:-100000}
sqlite_db=${SQLITE_DB:-/tmp/win-backup-bench.db}
pg_server=${PG_SERVER-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
pg_db=${PG_DB:-win_backup}
port=${PORT:-18093}
work=$(mktemp -d)
created_pg=""
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  if [ -n "$pg_server" ]; then
    psql -q "$pg_server" -c "DROP DATABASE IF EXISTS ${pg_db}_restored WITH (FORCE)" >/dev/null 2>&1 || true
    [ -n "$created_pg" ] && [ "${KEEP:-0}" != 1 ] && psql -q "$pg_server" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# prepare starts the server on the database until it answers: it applies
# the migrations and seals the audit chain, and loads the demo data into
# an empty database. Then it stops it.
prepare() {
  local url=$1
  if curl -s "http://127.0.0.1:$port/" >/dev/null 2>&1; then
    echo "port $port is in use: set PORT to a free one" >&2; exit 1
  fi
  WIN_ADDR=127.0.0.1:$port WIN_DATABASE_URL=$url WIN_DEMO=1 WIN_RETENTION_YEARS=0 \
    "$bin" -demo-cases "$cases" 2>"$work/server.log" &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 1
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  grep -o 'demo data loaded.*' "$work/server.log" || echo "  (existing data kept)"
}

# timed runs a command and prints its wall-clock time in seconds.
timed() {
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/out.log" 2>&1 || { cat "$work/out.log"; exit 1; }
  end=$(date +%s.%N)
  printf '%.2f' "$(echo "$end - $start" | bc)"
}

size() { du -h "$1" | cut -f1; }

report() { printf '%-12s %-8s %8s s  %s\n' "$1" "$2" "$3" "$4"; }

echo "== SQLite: $sqlite_db"
prepare "$sqlite_db"
missing=$((events - $(sqlite3 "$sqlite_db" 'SELECT count(*) FROM audit_events')))
if [ "$missing" -gt 0 ]; then
  sqlite3 "$sqlite_db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $missing)
    INSERT INTO audit_events (id, occurred_at, action, entity_type, entity_id)
    SELECT 'aud_bench_' || hex(randomblob(8)) || i, strftime('%Y-%m-%d %H:%M:%f+00:00', 'now', '-' || i || ' seconds'), 'READ_IDENTITY', 'PersonIdentity', 'pid_bench' FROM n"
  report sqlite "seal $missing" "$(timed prepare "$sqlite_db")" "at start"
fi
report database size "" "$(size "$sqlite_db")"
report sqlite backup "$(timed "$bin" backup -database-url "$sqlite_db" "$work/sqlite.backup")" "$(size "$work/sqlite.backup")"
report sqlite restore "$(timed "$bin" restore -database-url "$work/restored.db" "$work/sqlite.backup")" "$(tail -1 "$work/out.log")"
report sqlite verify "$(timed "$bin" audit verify -database-url "$sqlite_db")" "$(tail -1 "$work/out.log")"
echo "  cases in the restored copy: $(sqlite3 "$work/restored.db" 'SELECT count(*) FROM cases')"

[ -n "$pg_server" ] || exit 0
pg_url=$(echo "$pg_server" | sed -E "s#/[^/?]*(\?|$)#/$pg_db\1#")
restored_url=$(echo "$pg_server" | sed -E "s#/[^/?]*(\?|$)#/${pg_db}_restored\1#")
echo "== PostgreSQL: $pg_db"
if [ -z "$(psql -tA "$pg_server" -c "SELECT 1 FROM pg_database WHERE datname = '$pg_db'")" ]; then
  psql -q "$pg_server" -c "CREATE DATABASE $pg_db"
  created_pg=1
fi
prepare "$pg_url"
missing=$((events - $(psql -tA "$pg_url" -c 'SELECT count(*) FROM audit_events')))
if [ "$missing" -gt 0 ]; then
  psql -q "$pg_url" -c "INSERT INTO audit_events (id, occurred_at, action, entity_type, entity_id)
    SELECT 'aud_bench_' || md5(random()::text) || i, now() - i * interval '1 second', 'READ_IDENTITY', 'PersonIdentity', 'pid_bench' FROM generate_series(1, $missing) i"
  report postgres "seal $missing" "$(timed prepare "$pg_url")" "at start"
fi
report database size "" "$(psql -tA "$pg_url" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
report postgres backup "$(timed "$bin" backup -database-url "$pg_url" "$work/pg.backup")" "$(size "$work/pg.backup")"
psql -q "$pg_server" -c "CREATE DATABASE ${pg_db}_restored"
report postgres restore "$(timed "$bin" restore -database-url "$restored_url" "$work/pg.backup")" "$(tail -1 "$work/out.log")"
report postgres verify "$(timed "$bin" audit verify -database-url "$pg_url")" "$(tail -1 "$work/out.log")"
echo "  cases in the restored copy: $(psql -tA "$restored_url" -c 'SELECT count(*) FROM cases')"
