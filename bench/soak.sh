#!/usr/bin/env bash
# `make soak`: mixed reads and writes (bench/soak.lua) at 64 connections against the release server
# on a fresh demo database, in slices of a minute, for ten minutes; after each slice the server's
# memory (/proc: its own heap, RssAnon, and the whole resident set) and the slice's requests/s and
# p99. Fails (exit 1) on any 5xx or socket error, on a 4xx (the mix sends only valid requests), when
# the heap after the last slice is more than 10 % above the heap after the first (the first slice
# warms caches and pools up), or when the last slice's p99 is more than twice the first's. After each
# slice the bare Boost.Beast reference server (bench/reference_server.cpp) is measured for 5 s with the
# same wrk settings: the machine's own drift shows there, and the ratio column divides it out.
#
# Usage: bench/soak.sh [--build DIR] [--minutes N] [--connections C] [--profile school|university]
#                      [--slice SECONDS] (a slice's length, 60 by default: shorter ones to look into a trend)
# Needs a release build (make build), the web bundle (npm run build) and wrk. Figures: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build
minutes=10
connections=64
profile=school
slice_seconds=60
while [[ $# -gt 0 ]]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    --slice) slice_seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "soak: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
bin="$build/weltcampus"
[[ -x "$bin" ]] || { echo "soak: no server at $bin (make build)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "soak: wrk is missing (apt-get install wrk)" >&2; exit 2; }
data="${WELTCAMPUS_DATA_DIR:-$(pwd)/../shared/data}"

work="$(mktemp -d /tmp/weltcampus-soak.XXXXXX)"
server_pid=""
reference_pid=""
cleanup() {
  for pid in $server_pid $reference_pid; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

reference="$build/weltcampus_bench_reference"
if [[ ! -x "$reference" ]]; then
  echo "soak: building $reference"
  cmake --build "$build" -j 2 --target weltcampus_bench_reference >/dev/null
fi
"$reference" --listen 127.0.0.1 --port 0 --port-file "$work/reference-port" &
reference_pid=$!
for _ in $(seq 1 100); do [[ -s "$work/reference-port" ]] && break; sleep 0.1; done
[[ -s "$work/reference-port" ]] || { echo "soak: the reference server did not start" >&2; exit 1; }
reference_base="http://127.0.0.1:$(cat "$work/reference-port")"

db="sqlite:$work/soak.db"
echo "soak: building the $profile demo database ..."
"$bin" --db "$db" --log-level warn demo --profile "$profile" --data-dir "$data" >/dev/null
"$bin" --db "$db" --log-level warn serve --listen 127.0.0.1:0 --port-file "$work/port" \
  --web web/dist >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do [[ -s "$work/port" ]] && break; sleep 0.1; done
[[ -s "$work/port" ]] || { cat "$work/server.log" >&2; exit 1; }
base="http://127.0.0.1:$(cat "$work/port")"

login="$(curl -s -D "$work/login-headers" -X POST "$base/api/v1/auth/login" -H "Origin: $base" \
  -H "Content-Type: application/json" \
  -d '{"email":"office@weltcampus.example","password":"Dresden-Weltcampus-Demo"}')"
export SOAK_COOKIE="$(sed -n 's/^[Ss]et-[Cc]ookie: \(weltcampus_session=[^;]*\).*/\1/p' "$work/login-headers")"
export SOAK_CSRF="$(printf '%s' "$login" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')"
export SOAK_ORIGIN="$base"
[[ -n "$SOAK_COOKIE" && -n "$SOAK_CSRF" ]] || { echo "soak: sign-in failed: $login" >&2; exit 1; }

# kB of the server's heap (anonymous memory) and of all its resident memory.
memory() { awk '/^RssAnon:/ {a=$2} /^VmRSS:/ {r=$2} END {print a, r}' "/proc/$server_pid/status"; }
# wrk's latency line "99% 12.34ms" in milliseconds.
to_ms() {
  awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v}'
}

echo "soak: $minutes slices of $slice_seconds s, wrk -t2 -c$connections, $base ($(nproc) cores)"
# MB of a file (0 when it is not there): the database and its write-ahead log.
file_mb() { awk -v b="$(stat -c %s "$1" 2>/dev/null || echo 0)" 'BEGIN {printf "%.1f", b / 1048576}'; }
printf '%-6s %10s %10s %10s %10s %7s %9s %9s %7s %7s %s\n' slice "req/s" "p50 ms" "p99 ms" \
  "ref req/s" ratio "heap MB" "RSS MB" "db MB" "WAL MB" answers
failed=0
first_heap="" first_p99="" last_heap="" last_p99=""
for slice in $(seq 1 "$minutes"); do
  out="$(wrk -t2 -c"$connections" -d"${slice_seconds}s" --timeout 10s --latency -s bench/soak.lua "$base")"
  rps="$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ {printf "%.0f", $2}')"
  p50="$(printf '%s\n' "$out" | awk '$1 == "50%" {print $2}' | to_ms)"
  p99="$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}' | to_ms)"
  answers="$(printf '%s\n' "$out" | sed -n 's/^SOAK //p')"
  read -r heap rss < <(memory)
  ref="$(wrk -t2 -c"$connections" -d5s "$reference_base/" | awk '/^Requests\/sec:/ {printf "%.0f", $2}')"
  printf '%-6s %10s %10s %10s %10s %7s %9s %9s %7s %7s %s\n' "$slice" "$rps" "$p50" "$p99" "$ref" \
    "$(awk -v a="$rps" -v b="$ref" 'BEGIN {printf "%.3f", a / b}')" \
    "$(awk -v k="$heap" 'BEGIN {printf "%.1f", k / 1024}')" \
    "$(awk -v k="$rss" 'BEGIN {printf "%.1f", k / 1024}')" "$(file_mb "$work/soak.db")" \
    "$(file_mb "$work/soak.db-wal")" "$answers"
  case "$answers" in
    *"client_errors=0 server_errors=0 socket_errors=0") ;;
    *) failed=1; echo "soak: slice $slice had failed answers: $answers" >&2 ;;
  esac
  [[ -z "$first_heap" ]] && first_heap=$heap && first_p99=$p99
  last_heap=$heap
  last_p99=$p99
done

# above A B F: whether A > B * F.
above() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN {exit !(a > b * f)}'; }
if above "$last_heap" "$first_heap" 1.10; then
  failed=1
  echo "soak: the heap grew from $((first_heap / 1024)) MB to $((last_heap / 1024)) MB (more than 10 %)" >&2
fi
if above "$last_p99" "$first_p99" 2; then
  failed=1
  echo "soak: p99 rose from $first_p99 ms to $last_p99 ms (more than twice)" >&2
fi
if grep -q '\[error\]' "$work/server.log"; then
  echo "soak: the server logged errors:" >&2
  grep '\[error\]' "$work/server.log" | head -5 >&2
fi
[[ $failed -eq 0 ]] && echo "soak: passed" || echo "soak: FAILED" >&2
exit "$failed"
