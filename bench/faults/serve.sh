# Sourced by the fault scripts: builds the server and the driver into
# $work, and serve DB LOG starts the server on DB (demo data, throttling
# off, retention off) and waits until /readyz answers. Needs $work,
# $port and $base; sets $pid.

echo "building the server and the driver"
go build -o "$work/win" ./server
go build -o "$work/faults" ./bench/faults

serve() {
  WIN_ADDR=127.0.0.1:$port WIN_DATABASE_URL=$1 WIN_DEMO=1 WIN_RETENTION_YEARS=0 \
    WIN_RATE_LIMIT=100000 WIN_RATE_BURST=100000 \
    "$work/win" -demo-cases "${DEMO_CASES:-300}" 2>"$2" &
  pid=$!
  local start=$SECONDS
  for _ in $(seq 1 480); do
    curl -sf "$base/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the server did not start:"; tail -5 "$2"; pid=; return 1; }
    sleep 0.25
  done
  echo "the server was not ready after $((SECONDS - start)) s"
  return 1
}
