#!/usr/bin/env bash
# Benchmarks of the list and search endpoints (wrk) and of the reference imports, on the `university`
# demo profile with the full institution register. Prints the figures that bench/README.md records.
# Usage: bench/run.sh [BUILD_DIR] [DURATION_SECONDS]
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

echo "== imports (fresh SQLite database each, best of 3)"
for kind in eche world-universities isced; do
  case $kind in
    eche) file=$data/eche/eche_2026-04-08.csv ;;
    world-universities) file=$data/hipo/world_universities_and_domains.json ;;
    isced) file=$data/isced/iscedf2013.csv ;;
  esac
  best=""
  for i in 1 2 3; do
    rm -f "$work/import.db"*
    "$bin" --db "sqlite:$work/import.db" migrate >/dev/null 2>&1
    start=$(date +%s.%N)
    "$bin" --db "sqlite:$work/import.db" import "$kind" "$file" >/dev/null 2>&1
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  printf "import %-20s %.3f s\n" "$kind" "$best"
done

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

run() {
  local name=$1 path=$2
  echo "-- $name: GET $path"
  wrk -t2 -c64 -d"${duration}s" --latency -H "Cookie: $cookie" "$base$path" |
    grep -E "Requests/sec|Latency  |  50%|  99%|Non-2xx|Socket errors"
}
run "partner list, filtered, page of 50" "/api/v1/partnerships?country=DE&limit=50"
run "partner list, sorted by agreements" "/api/v1/partnerships?sort=-active_agreements&limit=50"
run "institution search" "/api/v1/institutions?q=univ&limit=50"
run "institution list by country" "/api/v1/institutions?country=PL&limit=50"
run "agreement list, active" "/api/v1/agreements?status=active&limit=50"
run "health (no database work beyond SELECT 1)" "/api/v1/health"
