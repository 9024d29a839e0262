#!/usr/bin/env bash
# Benchmark of the partner map's answer (issue 8, item 4): GET /api/v1/partnerships/map on the
# `university` demo profile with the full institution register, as bench/run.sh sets it up, with
# wrk: the whole answer (plain and gzipped) and the 304 to If-None-Match. Prints the figures that
# bench/README.md records.
# Usage: bench/map.sh [BUILD_DIR] [DURATION_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
duration=${2:-20}
bin="$build/weltcampus"
data=../shared/data
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
[ -x "$bin" ] || { echo "no server binary at $bin (build it first)"; exit 1; }

echo "== university profile + full register"
db="sqlite:$work/bench.db"
"$bin" --db "$db" demo --profile university --data-dir "$data" >"$work/demo.log"
head -1 "$work/demo.log"
"$bin" --db "$db" import eche "$data/eche/eche_2026-04-08.csv" 2>/dev/null >"$work/import.log"
head -1 "$work/import.log"
"$bin" --db "$db" import world-universities "$data/hipo/world_universities_and_domains.json" 2>/dev/null >"$work/import.log"
head -1 "$work/import.log"

"$bin" --db "$db" --log-level warn serve --listen 127.0.0.1:0 --port-file "$work/port" --web web/dist \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
base="http://127.0.0.1:$port"
cookie=$(curl -s -D - -o /dev/null -X POST "$base/api/v1/auth/login" -H "Origin: $base" \
  -d '{"email":"office@weltcampus.example","password":"Dresden-Weltcampus-Demo"}' |
  sed -n 's/^Set-Cookie: \(weltcampus_session=[^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "login failed"; cat "$work/server.log"; exit 1; }

map="$base/api/v1/partnerships/map"
first=$(curl -s -o "$work/map.json" -w '%{time_total}' -H "Cookie: $cookie" "$map")
etag=$(curl -s -D - -o /dev/null -H "Cookie: $cookie" "$map" | sed -n 's/^ETag: \(.*\)\r$/\1/p')
plain=$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $cookie" "$map")
gzipped=$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $cookie" -H "Accept-Encoding: gzip" "$map")
not_modified=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "Cookie: $cookie" -H "If-None-Match: $etag" "$map")
echo "partners on the map: $(grep -o '"total":[0-9]*' "$work/map.json")"
echo "first request (loads and holds the answer): ${first} s; ETag $etag"
echo "answer: $plain B plain, $gzipped B gzipped; If-None-Match: $not_modified B"

run() {
  local name=$1 url=$2
  shift 2
  echo "-- $name"
  wrk -t2 -c64 -d"${duration}s" --latency -H "Cookie: $cookie" "$@" "$url" |
    grep -E "Requests/sec|Latency  |  50%|  99%|Non-2xx|Socket errors|Transfer/sec"
}
run "map, whole answer (no Accept-Encoding)" "$map"
run "map, whole answer gzipped (Accept-Encoding: gzip, as browsers send)" "$map" -H "Accept-Encoding: gzip"
run "map, unchanged (If-None-Match: 304)" "$map" -H "If-None-Match: $etag"
run "health (no database work beyond SELECT 1), for comparison" "$base/api/v1/health"
