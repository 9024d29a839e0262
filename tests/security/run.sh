#!/usr/bin/env bash
# `make security`: the outside probe (tests/security/probe.mjs: bad bodies on every write route,
# hostile query values, header and method abuse, slow clients) and sqlmap (Debian's) against every
# route that takes a query or path parameter, both against the sanitizer build of the server on a
# fresh SQLite demo database on loopback. Fails on any finding of either; sqlmap's logs stay in
# the work folder it names.
#
# Usage: tests/security/run.sh [BUILD_DIR] [--no-sqlmap]
set -uo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build-test}"
run_sqlmap=1
[[ "${2:-}" == "--no-sqlmap" ]] && run_sqlmap=0
bin="${build}/weltcampus"
[[ -x "${bin}" ]] || { echo "security: no server at ${bin} (make test-build)" >&2; exit 2; }
for tool in sqlite3 node curl; do
  command -v "${tool}" >/dev/null || { echo "security: ${tool} is missing" >&2; exit 2; }
done
if [[ ${run_sqlmap} -eq 1 ]] && ! command -v sqlmap >/dev/null; then
  echo "security: sqlmap is missing (bash scripts/install-deps.sh sqlmap)" >&2
  exit 2
fi
data="${WELTCAMPUS_DATA_DIR:-$(pwd)/../shared/data}"

work="$(mktemp -d /tmp/weltcampus-security.XXXXXX)"
server_pid=""
cleanup() {
  [[ -n "${server_pid}" ]] && kill "${server_pid}" 2>/dev/null && wait "${server_pid}" 2>/dev/null
}
trap cleanup EXIT

db_file="${work}/security.db"
"${bin}" --db "sqlite:${db_file}" --log-level warn demo --profile school --data-dir "${data}" >/dev/null
"${bin}" --db "sqlite:${db_file}" --log-level warn serve --listen 127.0.0.1:0 \
  --port-file "${work}/port" --web web/dist --read-timeout 5 >"${work}/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 200); do [[ -s "${work}/port" ]] && break; sleep 0.1; done
[[ -s "${work}/port" ]] || { cat "${work}/server.log" >&2; exit 1; }
base="http://127.0.0.1:$(cat "${work}/port")"
echo "security: server ${bin} on ${base}, database ${db_file}"

failed=0
start=${SECONDS}
node tests/security/probe.mjs "${base}" "${db_file}" || failed=1
echo "security: probe done in $((SECONDS - start)) s"

if [[ ${run_sqlmap} -eq 1 ]]; then
  # Every GET route with a query parameter (each parameter given), and every route with an id in
  # its path (the id marked for injection), as the office (the role that reads the most).
  login="$(curl -s -D "${work}/login-headers" -X POST "${base}/api/v1/auth/login" -H "Origin: ${base}" \
    -H "Content-Type: application/json" \
    -d '{"email":"office@weltcampus.example","password":"Dresden-Weltcampus-Demo"}')"
  cookie="$(sed -n 's/^[Ss]et-[Cc]ookie: \(weltcampus_session=[^;]*\).*/\1/p' "${work}/login-headers")"
  csrf="$(printf '%s' "${login}" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')"
  curl -s "${base}/api/v1/openapi.json" >"${work}/openapi.json"
  node -e '
    const doc = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const [path, item] of Object.entries(doc.paths)) {
      const get = item.get;
      if (!get) continue;
      const query = (get.parameters || []).filter((p) => p.in === "query" && !["format", "lang", "cursor"].includes(p.name));
      const concrete = path.replace(/\{id\}/g, "1*").replace(/\{kind\}/g, "eche*").replace(/\{\w+\}/g, "1*");
      if (!path.includes("{") && query.length === 0) continue;
      const values = query.map((p) => `${p.name}=${p.schema?.enum ? p.schema.enum[0] : p.schema?.type === "integer" ? 1 : "a"}`);
      console.log(concrete + (values.length ? "?" + values.join("&") : ""));
    }' "${work}/openapi.json" >"${work}/sqlmap-targets.txt"
  echo "security: sqlmap on $(wc -l <"${work}/sqlmap-targets.txt") routes (boolean, error and UNION techniques, level 1)"
  index=0
  while read -r target; do
    index=$((index + 1))
    log="${work}/sqlmap-${index}.log"
    # A path id that names no record answers 404 to every value: tested all the same.
    sqlmap -u "${base}${target}" --batch --level=1 --risk=1 --technique=BEU --threads=4 \
      --ignore-code=404 \
      --cookie="${cookie}" --headers="X-CSRF-Token: ${csrf}" --flush-session --disable-coloring \
      --output-dir="${work}/sqlmap" >"${log}" 2>&1 </dev/null
    if grep -qiE "is vulnerable|appears to be .*injectable|sqlmap identified the following injection" "${log}"; then
      echo "FINDING: sqlmap found an injection in ${target} (${log})" >&2
      failed=1
    elif grep -A3 "HTTP error codes detected during run" "${log}" | grep -qE "^5[0-9][0-9] \("; then
      echo "FINDING: sqlmap's requests to ${target} got a 5xx (${log}):" \
        "$(grep -A3 'HTTP error codes' "${log}" | grep -E '^5[0-9][0-9]')" >&2
      failed=1
    elif ! grep -qE "do(es)? not appear to be injectable|not injectable" "${log}"; then
      echo "FINDING: sqlmap did not finish on ${target}: $(tail -n 3 "${log}" | tr '\n' ' ')" >&2
      failed=1
    fi
  done <"${work}/sqlmap-targets.txt"
  echo "security: sqlmap done in $((SECONDS - start)) s in all"
fi

if grep -q "ERROR: AddressSanitizer\|runtime error:" "${work}/server.log"; then
  echo "FINDING: the sanitizers reported in ${work}/server.log" >&2
  failed=1
fi
if [[ ${failed} -eq 0 ]]; then
  echo "security: passed (logs in ${work})"
else
  echo "security: FAILED (logs in ${work})" >&2
fi
exit "${failed}"
