#!/usr/bin/env bash
# Benchmarks of every list and search endpoint (wrk -t2 -c64, page of 50) at the `university` and
# `scale` demo profiles, on SQLite and on PostgreSQL (a throwaway server started by
# tests/pg/with-postgres.sh, as the tests do), beside a minimal Boost.Beast server
# (bench/reference_server.cpp) measured in the same run; optionally the reference imports. Prints a
# table per profile and database and, with --write-readme, puts them into bench/README.md between
# the markers <!-- bench:http:begin --> and <!-- bench:http:end -->.
#
# Usage: bench/run.sh [--build DIR] [--duration SECONDS] [--profiles "university scale"]
#                     [--backends "sqlite postgresql"] [--only REGEX] [--imports] [--write-readme]
#
# The demo databases are built once and kept in DIR/bench-cache (a SQLite file, a pg_dump), keyed by
# the profile, the day (agreements are dated relative to it) and the migrations and demo sources.
# Needs a release build of `weltcampus` and `weltcampus_bench_reference` in DIR (the script builds the
# latter if it is missing), wrk, and for PostgreSQL the server binaries the tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=build
duration=10
profiles="university scale"
backends="sqlite postgresql"
only=""
imports=0
write_readme=0
inner=""      # internal: "postgresql" when run again under tests/pg/with-postgres.sh
results=""    # internal: the file the inner run appends to
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --profiles) profiles=$2; shift 2 ;;
    --backends) backends=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --imports) imports=1; shift ;;
    --write-readme) write_readme=1; shift ;;
    --inner) inner=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case $duration in ''|*[!0-9]*) echo "--duration takes whole seconds" >&2; exit 2 ;; esac
for p in $profiles; do
  case $p in university|scale) ;; *) echo "unknown profile $p" >&2; exit 2 ;; esac
done
for b in $backends; do
  case $b in sqlite|postgresql) ;; *) echo "unknown backend $b" >&2; exit 2 ;; esac
done

bin="$build/weltcampus"
reference="$build/weltcampus_bench_reference"
data=${WELTCAMPUS_DATA_DIR:-$root/../shared/data}
[ -d "$data" ] || data=/work/shared/data
cache="$build/bench-cache"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq is missing (apt-get install jq)" >&2; exit 1; }
[ -x "$bin" ] || { echo "no server binary at $bin (build it first: make build)" >&2; exit 1; }
mkdir -p "$cache"

work=$(mktemp -d)
server_pid=""
reference_pid=""
cleanup() {
  for pid in $server_pid $reference_pid; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# What the demo databases depend on besides profile and day.
demo_key() {
  cat db/migrations/*.sql src/demo/*.cpp src/partners/demo*.cpp src/partners/demo*.h \
    src/organisation/demo*.cpp src/partners/import/*.cpp "$data"/eche/*.csv \
    "$data"/hipo/world_universities_and_domains.json 2>/dev/null | sha256sum | cut -c1-12
}
key="$(date -u +%F)-$(demo_key)"

# "1.23ms" -> milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# measure NAME URL [COOKIE] [HEADER] -> appends "name<TAB>req/s<TAB>p50 ms<TAB>p99 ms<TAB>non-2xx"
# to $out
measure() {
  local name=$1 url=$2 cookie=${3:-} header=${4:-} output rps p50 p99 bad
  if [ -n "$only" ] && ! [[ $name =~ $only ]]; then return 0; fi
  # One request first: a broken endpoint shows as such, not as a fast error page.
  local status
  status=$(curl -s -o "$work/first.json" -w '%{http_code}' ${cookie:+-H "Cookie: $cookie"} \
    ${header:+-H "$header"} "$url")
  if [ "$status" != 200 ] && [ "$status" != 304 ]; then
    echo "   $name: HTTP $status $(head -c 300 "$work/first.json")" >&2
  fi
  output=$(wrk -t2 -c64 -d"${duration}s" --timeout 10s --latency ${cookie:+-H "Cookie: $cookie"} \
    ${header:+-H "$header"} "$url")
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$output")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$output")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$output")")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$output")
  # Requests still unanswered after 10 s (wrk leaves them out of the latencies).
  local timeouts
  timeouts=$(awk '/Socket errors:/ {print $NF}' <<<"$output")
  [ "${timeouts:-0}" = 0 ] || bad="${bad:+$bad, }$timeouts timeouts"
  [ "$status" = 200 ] || bad="${bad:-all} (HTTP $status)"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "${bad:-0}" >>"$out"
  printf '   %-58s %8s req/s  p50 %8s ms  p99 %8s ms%s\n' "$name" "$rps" "$p50" "$p99" \
    "$([ -n "$bad" ] && echo "  non-2xx: $bad")"
}

wait_for_port() {
  local file=$1 pid=$2
  for _ in $(seq 300); do
    [ -s "$file" ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# Builds (or takes from the cache) the demo database of a profile; sets $db.
prepare_database() {
  local profile=$1 backend=$2 log="$work/demo-$profile.log"
  if [ "$backend" = sqlite ]; then
    local cached="$cache/$profile-$key.db"
    if [ ! -s "$cached" ]; then
      rm -f "$cache/$profile-"*.db* "$work/build.db"*
      echo "   building the $profile demo on SQLite"
      /usr/bin/time -f "   demo: %e s wall, %M kB peak memory" \
        "$bin" --db "sqlite:$work/build.db" demo --profile "$profile" --data-dir "$data" >"$log"
      head -1 "$log" | sed 's/^/   /'
      register "sqlite:$work/build.db" "$profile"
      cp "$work/build.db.audit-key" "$cached.audit-key"  # the audit chain's key goes with it
      cp "$work/build.db" "$cached"
      rm -f "$work/build.db"*
    else
      echo "   $profile demo on SQLite from the cache ($cached)"
    fi
    rm -f "$work/bench.db"*
    cp "$cached.audit-key" "$work/bench.db.audit-key"
    cp "$cached" "$work/bench.db"
    db="sqlite:$work/bench.db"
  else
    local base_url=${WELTCAMPUS_TEST_PG_URL%/*} name="bench_$profile"
    local dump="$cache/$profile-$key.pgdump"
    "$PSQL" -q -d "$WELTCAMPUS_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
    db="$base_url/$name"
    if [ ! -s "$dump" ]; then
      rm -f "$cache/$profile-"*.pgdump
      echo "   building the $profile demo on PostgreSQL"
      /usr/bin/time -f "   demo: %e s wall, %M kB peak memory" \
        "$bin" --db "$db" demo --profile "$profile" --data-dir "$data" >"$log"
      head -1 "$log" | sed 's/^/   /'
      register "$db" "$profile"
      "$PG_DUMP" -Fc -f "$dump" "$db"
    else
      echo "   $profile demo on PostgreSQL from the cache ($dump)"
      "$PG_RESTORE" -j 2 -d "$db" "$dump"
    fi
    "$PSQL" -q -d "$db" -c "VACUUM ANALYZE"
  fi
}

# The university profile gets the full register from the imports; the scale demo holds it.
register() {
  local db=$1 profile=$2
  [ "$profile" = university ] || return 0
  "$bin" --db "$db" import eche "$data/eche/eche_2026-04-08.csv" 2>/dev/null | head -1 | sed 's/^/   /'
  "$bin" --db "$db" import world-universities "$data/hipo/world_universities_and_domains.json" \
    2>/dev/null | head -1 | sed 's/^/   /'
}

login() {
  local base=$1 email=$2
  curl -s -D - -o /dev/null -X POST "$base/api/v1/auth/login" -H "Origin: $base" \
    -d "{\"email\":\"$email\",\"password\":\"Dresden-Weltcampus-Demo\"}" |
    sed -n 's/^[Ss]et-[Cc]ookie: \(weltcampus_session=[^;]*\).*/\1/p'
}

# Every list and search endpoint of the API, page of 50, for one profile and database.
bench_endpoints() {
  local profile=$1 backend=$2
  out="$work/result-$profile-$backend.tsv"
  : >"$out"
  prepare_database "$profile" "$backend"
  "$bin" --db "$db" --log-level warn serve --listen 127.0.0.1:0 --port-file "$work/port" \
    --web web/dist >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_for_port "$work/port" "$server_pid" || { cat "$work/server.log"; exit 1; }
  local base="http://127.0.0.1:$(cat "$work/port")"
  rm -f "$work/port"
  local office admin
  office=$(login "$base" office@weltcampus.example)
  admin=$(login "$base" admin@weltcampus.example)
  [ -n "$office" ] && [ -n "$admin" ] || { echo "login failed"; cat "$work/server.log"; exit 1; }
  # A partnership with joint structures (the transCampus partner).
  local joint
  joint=$(curl -s -H "Cookie: $office" "$base/api/v1/partnerships?tier=transcampus&limit=1" |
    jq -r '.items[0].id')
  local p="$base/api/v1"
  echo "== $profile profile, $backend"
  measure "partnerships ?country=DE" "$p/partnerships?country=DE&limit=50" "$office"
  measure "partnerships ?country=FR" "$p/partnerships?country=FR&limit=50" "$office"
  measure "partnerships ?agreement_status=active" "$p/partnerships?agreement_status=active&limit=50" "$office"
  measure "partnerships ?sort=name" "$p/partnerships?sort=name&limit=50" "$office"
  measure "partnerships ?sort=-country" "$p/partnerships?sort=-country&limit=50" "$office"
  measure "partnerships ?sort=tier" "$p/partnerships?sort=tier&limit=50" "$office"
  measure "partnerships ?sort=-active_agreements" "$p/partnerships?sort=-active_agreements&limit=50" "$office"
  measure "partnerships ?q=univ" "$p/partnerships?q=univ&limit=50" "$office"
  # A browser asks for it gzipped; the plain answer (1 MB at the scale profile) for comparison.
  measure "partnerships/map (all partners, gzip)" "$p/partnerships/map" "$office" \
    "Accept-Encoding: gzip"
  measure "partnerships/map (all partners, plain)" "$p/partnerships/map" "$office"
  measure "institutions ?q=univ" "$p/institutions?q=univ&limit=50" "$office"
  measure "institutions ?q=niver" "$p/institutions?q=niver&limit=50" "$office"
  measure "institutions ?country=PL" "$p/institutions?country=PL&limit=50" "$office"
  measure "institutions ?sort=city" "$p/institutions?sort=city&limit=50" "$office"
  measure "agreements ?status=active" "$p/agreements?status=active&limit=50" "$office"
  measure "agreements ?sort=-last_academic_year" "$p/agreements?sort=-last_academic_year&limit=50" "$office"
  measure "agreements ?sort=title" "$p/agreements?sort=title&limit=50" "$office"
  measure "agreements ?sort=status" "$p/agreements?sort=status&limit=50" "$office"
  measure "agreements ?sort=institution" "$p/agreements?sort=institution&limit=50" "$office"
  measure "agreements ?sort=ends_on" "$p/agreements?sort=ends_on&limit=50" "$office"
  measure "agreements ?q=medicine" "$p/agreements?q=medicine&limit=50" "$office"
  measure "agreements/expiring" "$p/agreements/expiring?limit=50" "$office"
  measure "org-units" "$p/org-units?limit=50" "$office"
  measure "partnerships/{id}/joint-structures" "$p/partnerships/$joint/joint-structures?limit=50" "$office"
  measure "isced (whole table)" "$p/isced" "$office"
  measure "audit" "$p/audit?limit=50" "$admin"
  measure "users" "$p/users?limit=50" "$admin"
  measure "jobs" "$p/jobs?limit=50" "$office"
  measure "health (no session)" "$p/health"
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  sed "s/^/$profile\t$backend\t/" "$out" >>"$results"
}

reference_run() {
  local label=$1 only=""
  out="$work/reference-$label.tsv"
  : >"$out"
  echo "== reference server ($label)"
  measure "reference server" "http://127.0.0.1:$reference_port/"
  sed "s/^/reference\t$label\t/" "$out" >>"$results"
}

if [ "$inner" = postgresql ]; then
  # Under tests/pg/with-postgres.sh: WELTCAMPUS_TEST_PG_URL points at the throwaway server.
  pg_bin=$(pg_config --bindir 2>/dev/null || true)
  [ -x "$pg_bin/pg_dump" ] || pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PSQL=$pg_bin/psql PG_DUMP=$pg_bin/pg_dump PG_RESTORE=$pg_bin/pg_restore
  for profile in $profiles; do bench_endpoints "$profile" postgresql; done
  exit 0
fi

echo "weltcampus $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src db || echo '+changes'), $(date -u '+%F %H:%M') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$imports" = 1 ]; then
  echo "== imports (fresh SQLite database each, best of 3)"
  for kind in eche world-universities isced; do
    case $kind in
      eche) file=$data/eche/eche_2026-04-08.csv ;;
      world-universities) file=$data/hipo/world_universities_and_domains.json ;;
      isced) file=$data/isced/iscedf2013.csv ;;
    esac
    best=""
    for _ in 1 2 3; do
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
fi

if [ ! -x "$reference" ]; then
  echo "building $reference"
  nice -n 10 cmake --build "$build" -j 2 --target weltcampus_bench_reference >/dev/null
fi
results="$work/results.tsv"
: >"$results"
"$reference" --listen 127.0.0.1 --port 0 --port-file "$work/reference-port" &
reference_pid=$!
wait_for_port "$work/reference-port" "$reference_pid" || { echo "reference server did not start"; exit 1; }
reference_port=$(cat "$work/reference-port")
reference_run before

for backend in $backends; do
  if [ "$backend" = sqlite ]; then
    for profile in $profiles; do bench_endpoints "$profile" sqlite; done
  else
    # The cached dumps' audit entries were keyed with this key: keep it with them.
    mkdir -p "$cache"
    WELTCAMPUS_AUDIT_KEY_FILE="$cache/postgresql.audit-key" \
      tests/pg/with-postgres.sh bash "$0" --inner postgresql --results "$results" --build "$build" \
      --duration "$duration" --profiles "$profiles" ${only:+--only "$only"}
  fi
done

reference_run after
kill -TERM "$reference_pid"; wait "$reference_pid" 2>/dev/null || true; reference_pid=""

# The tables: one per profile and database, the ratio to the mean of the two reference runs.
table=$(python3 - "$results" "$duration" <<'EOF'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
duration = sys.argv[2]
ref = [float(r[3]) for r in rows if r[0] == "reference" and r[3]]
ref_rps = sum(ref) / len(ref) if ref else 0
ref_rows = [r for r in rows if r[0] == "reference"]
print("Reference server (bench/reference_server.cpp, same wrk settings): " +
      ", ".join(f"{r[1]} {int(float(r[3])):,} req/s (p50 {r[4]} ms, p99 {r[5]} ms)" for r in ref_rows) +
      f"; the ratio column divides by their mean, {ref_rps:,.0f} req/s.")
groups = []
for r in rows:
    if r[0] != "reference" and (r[0], r[1]) not in groups:
        groups.append((r[0], r[1]))
names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
for profile, backend in groups:
    print()
    print(f"#### `{profile}` profile, {names[backend]}")
    print()
    print("| endpoint (GET /api/v1/…, limit=50) | req/s | p50 | p99 | ratio to reference |")
    print("|---|---:|---:|---:|---:|")
    for r in rows:
        if (r[0], r[1]) != (profile, backend):
            continue
        name, rps, p50, p99, bad = r[2:7]
        rps_v = float(rps) if rps else 0
        ratio = f"{rps_v / ref_rps:.3f}" if ref_rps else "–"
        note = "" if bad in ("0", "") else f" (non-2xx: {bad})"
        print(f"| {name}{note} | {rps_v:,.0f} | {p50} ms | {p99} ms | {ratio} |")
EOF
)
echo
echo "$table"

if [ "$write_readme" = 1 ]; then
  header="Command: \`bash bench/run.sh --build $build --duration $duration --profiles \"$profiles\" --backends \"$backends\"${only:+ --only \"$only\"} --write-readme\`, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src db || echo ' with uncommitted changes'), $(date -u '+%-d %b %Y %H:%M') UTC, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  python3 - bench/README.md "$header" "$table" <<'EOF'
import sys
path, header, table = sys.argv[1:4]
text = open(path).read()
begin, end = "<!-- bench:http:begin -->", "<!-- bench:http:end -->"
if begin not in text or end not in text:
    sys.exit("bench/README.md has no " + begin + " ... " + end + " markers")
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w").write(head + begin + "\n" + header + "\n\n" + table + "\n" + end + tail)
EOF
  echo "written into bench/README.md"
fi
