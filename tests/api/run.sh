#!/usr/bin/env bash
# Usage: tests/api/run.sh [BUILD_DIR] [GTEST_ARGS...]
#
# Runs the black-box API suite twice against the real server binary: on SQLite, and on
# PostgreSQL inside a throwaway server (tests/pg/with-postgres.sh). Both runs always happen; the
# exit code is non-zero if either fails. BUILD_DIR (default: build) holds `weltcampus` and
# tests/api/weltcampus_api_tests; WELTCAMPUS_BIN overrides the server binary.
#
# After each run, tests/api/validate-responses.mjs (node, ajv from `npm ci`) checks every answer the
# tests received (logged through WELTCAMPUS_RESPONSE_LOG) against the OpenAPI document the server
# serves; a mismatch fails the run like a failed test.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD_DIR="${1:-build}"
shift || true
[[ "${BUILD_DIR}" = /* ]] || BUILD_DIR="${ROOT}/${BUILD_DIR}"

TESTS="${BUILD_DIR}/tests/api/weltcampus_api_tests"
export WELTCAMPUS_BIN="${WELTCAMPUS_BIN:-${BUILD_DIR}/weltcampus}"

if [[ ! -x "${TESTS}" ]]; then
  echo "run.sh: ${TESTS} not found; build the target weltcampus_api_tests first" >&2
  exit 2
fi
if [[ ! -x "${WELTCAMPUS_BIN}" ]]; then
  echo "run.sh: server binary ${WELTCAMPUS_BIN} not found (set WELTCAMPUS_BIN)" >&2
  exit 2
fi

if ! command -v node >/dev/null || [[ ! -f "${ROOT}/node_modules/ajv/package.json" ]]; then
  echo "run.sh: node and node_modules/ajv are needed to validate the answers (run npm ci)" >&2
  exit 2
fi
LOG_DIR="$(mktemp -d /tmp/weltcampus-responses.XXXXXX)"

# Validates the answers logged in $1; non-zero when one does not match the OpenAPI document.
validate() {
  if [[ ! -s "$1" ]]; then
    echo "run.sh: no answers were logged in $1" >&2
    return 1
  fi
  node "${ROOT}/tests/api/validate-responses.mjs" "$1"
}

# Both databases run side by side (each suite waits on its server most of the time, so two share the
# machine's cores well); each writes its own log, shown whole when it ends. WELTCAMPUS_API_SERIAL=1
# runs them one after the other with their output as it comes.
run_sqlite() {
  echo "==== API tests on SQLite (${WELTCAMPUS_BIN}) ===="
  WELTCAMPUS_RESPONSE_LOG="${LOG_DIR}/sqlite.jsonl" WELTCAMPUS_TEST_DB=sqlite "${TESTS}" "$@"
  local rc=$?
  echo "==== Answers on SQLite against the OpenAPI document ===="
  validate "${LOG_DIR}/sqlite.jsonl" || rc=1
  return ${rc}
}
run_postgresql() {
  echo "==== API tests on PostgreSQL (${WELTCAMPUS_BIN}) ===="
  WELTCAMPUS_RESPONSE_LOG="${LOG_DIR}/postgresql.jsonl" WELTCAMPUS_TEST_DB=postgresql \
    "${ROOT}/tests/pg/with-postgres.sh" "${TESTS}" "$@"
  local rc=$?
  echo "==== Answers on PostgreSQL against the OpenAPI document ===="
  validate "${LOG_DIR}/postgresql.jsonl" || rc=1
  return ${rc}
}

if [[ -n "${WELTCAMPUS_API_SERIAL:-}" ]]; then
  run_sqlite "$@"
  sqlite_rc=$?
  run_postgresql "$@"
  postgresql_rc=$?
else
  echo "==== API tests on SQLite and on PostgreSQL, side by side (logs follow as each ends) ===="
  trap 'kill ${sqlite_pid:-} ${postgresql_pid:-} 2>/dev/null' INT TERM
  run_sqlite "$@" >"${LOG_DIR}/sqlite.log" 2>&1 &
  sqlite_pid=$!
  run_postgresql "$@" >"${LOG_DIR}/postgresql.log" 2>&1 &
  postgresql_pid=$!
  wait ${sqlite_pid}
  sqlite_rc=$?
  cat "${LOG_DIR}/sqlite.log"
  wait ${postgresql_pid}
  postgresql_rc=$?
  cat "${LOG_DIR}/postgresql.log"
fi

if [[ ${sqlite_rc} -eq 0 && ${postgresql_rc} -eq 0 && -z "${WELTCAMPUS_TEST_KEEP:-}" ]]; then
  rm -rf "${LOG_DIR}"
else
  echo "==== the logged answers are in ${LOG_DIR} ===="
fi

echo "==== API tests: SQLite exit ${sqlite_rc}, PostgreSQL exit ${postgresql_rc} ===="
if [[ ${sqlite_rc} -ne 0 || ${postgresql_rc} -ne 0 ]]; then
  exit 1
fi
exit 0
