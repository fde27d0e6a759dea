#!/usr/bin/env bash
# Sends the abusive requests of the security review to a real server
# binary on a fresh SQLite demo database and prints, for each, the HTTP
# status, the time taken and the bytes returned.
#
#   go build -o /tmp/win-http ./server && bench/abuse.sh [/tmp/win-http] [port]
#
# The server takes its configuration from the environment: for instance
# WIN_REQUEST_TIMEOUT=20ms shows what the deadline interrupts.
set -euo pipefail
bin=${1:-/tmp/win-http}
port=${2:-18081}
base=http://127.0.0.1:$port
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT

WIN_ADDR=127.0.0.1:$port WIN_DATABASE_URL=$work/win.db WIN_DEMO=1 WIN_RETENTION_YEARS=0 "$bin" 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 120); do
  curl -sf "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done

# The payloads, written by Python: none is short enough to type.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def write(name, query, variables=None):
    with open(f"{work}/{name}.json", "w") as f:
        json.dump({"query": query, "variables": variables or {}}, f)

def deep(n):
    w = {"nameContains": "a"}
    for _ in range(n):
        w = {"hasMunicipalityWith": [{"hasTablesWith": [{"hasCasesWith": [{"hasPersonWith": [{"hasMunicipalityWith": [{"hasOrganizationsWith": [w]}]}]}]}]}]}
    return w
q = "query($w: OrganizationWhereInput) { organizations(first: 100, where: $w) { totalCount edges { node { id name } } } }"
write("or-deep", q, {"w": {"or": [deep(3) for _ in range(50)]}})
write("or-allowed", q, {"w": {"or": [{"hasMunicipalityWith": [{"hasTablesWith": [{"nameContains": str(i)}]}]} for i in range(30)]}})
write("repeated-fields", "{ organizations(first: 1) { edges { node { " + "name " * 19000 + "} } } }")
write("repeated-fields-allowed", "{ organizations(first: 1) { edges { node { " + "name " * 1480 + "} } } }")
write("repeated-spreads", "query { organizations(first: 1) { edges { node { " + "...F " * 700 + "} } } } fragment F on Organization { name kind }")
intro = "__schema { types { name kind description fields { name description args { name type { name kind ofType { name kind } } } type { name kind ofType { name kind } } } } }"
write("introspection-500", "{ " + " ".join(f"a{i}: {intro}" for i in range(500)) + " }")
write("introspection-30", "{ " + " ".join(f"a{i}: {intro}" for i in range(30)) + " }")
write("introspection-1", "{ " + intro + " }")
ids = ["mun_" + "a" * 26] * 30000
write("nodes-30000", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ids})
write("nodes-101", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ids[:101]})
write("small", "{ municipalities(first: 5) { edges { node { name } } } }")
write("login", 'mutation { login(input: {email: "operator@demo.example", password: "win-demo-2026"}) { viewer { name } } }')
with open(f"{work}/batch.json", "w") as f:
    json.dump([{"query": "{ viewer { name } }"}] * 2, f)
with open(f"{work}/malformed.json", "w") as f:
    f.write('{"query": "{ viewer { name } }"')
with open(f"{work}/oversized.json", "w") as f:
    json.dump({"query": "{ viewer { name } }", "variables": {"x": "x" * (2 << 20)}}, f)
PY

# measure NAME FILE [curl args…]: one POST, its status, seconds and bytes.
measure() {
  local name=$1 file=$2
  shift 2
  local result
  result=$(curl -s -o "$work/out" -w '%{http_code} %{time_total}s %{size_download}B' \
    -H 'Content-Type: application/json' --data-binary "@$work/$file" "$@" "$base/graphql")
  printf '%-40s %s %s\n' "$name" "$result" "$(grep -o '"code":"[A-Z_]*"' "$work/out" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
}

echo "request                                  status time bytes error-codes"
measure "anonymous or of deep has…With" or-deep.json
measure "anonymous or of 30 has…With (allowed)" or-allowed.json
measure "19,000 repeated fields" repeated-fields.json
measure "1,480 repeated fields (under the limit)" repeated-fields-allowed.json
measure "700 repeated fragment spreads" repeated-spreads.json
measure "500 aliased introspections" introspection-500.json
measure "30 aliased introspections" introspection-30.json
measure "one introspection, anonymous" introspection-1.json
measure "nodes(ids:) with 30,000 IDs" nodes-30000.json
measure "nodes(ids:) with 101 IDs" nodes-101.json
measure "malformed JSON" malformed.json
measure "JSON array batch" batch.json
measure "body over 1 MiB" oversized.json

# Ten heavy anonymous requests at once, then a small anonymous and a small
# signed-in request while they run.
curl -s -o /dev/null -c "$work/cookies" -H 'Content-Type: application/json' --data-binary "@$work/login.json" "$base/graphql"
for i in $(seq 1 10); do
  curl -s -o /dev/null -w "heavy anonymous $i: %{http_code} %{time_total}s\n" -H 'Content-Type: application/json' \
    --data-binary "@$work/or-allowed.json" "$base/graphql" > "$work/heavy.$i" &
done
sleep 0.2
measure "small anonymous, ten heavy running" small.json
measure "small signed-in, ten heavy running" small.json -b "$work/cookies"
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
sort -V "$work"/heavy.* | sed 's/^/  /'

# One client address sending 1,000 small anonymous requests, 50 at a
# time from one curl process (curl processes of their own are slower than
# the limit).
for i in $(seq 1 1000); do
  [ "$i" = 1 ] || echo next
  printf 'url = "%s/graphql"\nheader = "Content-Type: application/json"\ndata = "{\\"query\\": \\"{ __typename }\\"}"\noutput = "/dev/null"\nwrite-out = "%%{http_code} Retry-After: %%header{retry-after}\\n"\n' "$base"
done > "$work/burst.curl"
start=$(date +%s%N)
curl -s -S --no-progress-meter --parallel --parallel-max 50 -K "$work/burst.curl" | sort | uniq -c | sed 's/^/  1,000 quick requests: /'
echo "  in $(( ($(date +%s%N) - start) / 1000000 )) ms"

echo "server log: $(grep -c 'level=ERROR' "$work/server.log" || true) errors, $(grep -c 'goroutine' "$work/server.log" || true) stack traces"
