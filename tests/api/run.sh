#!/usr/bin/env bash
# Usage: tests/api/run.sh [BUILD_DIR] [GTEST_ARGS...]
#
# Runs the black-box API suite twice against the real server binary: on SQLite, and on
# PostgreSQL inside a throwaway server (tests/pg/with-postgres.sh). Both runs always happen; the
# exit code is non-zero if either fails. BUILD_DIR (default: build) holds `weltcampus` and
# tests/api/weltcampus_api_tests; WELTCAMPUS_BIN overrides the server binary.
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

echo "==== API tests on SQLite (${WELTCAMPUS_BIN}) ===="
WELTCAMPUS_TEST_DB=sqlite "${TESTS}" "$@"
sqlite_rc=$?

echo "==== API tests on PostgreSQL (${WELTCAMPUS_BIN}) ===="
WELTCAMPUS_TEST_DB=postgresql "${ROOT}/tests/pg/with-postgres.sh" "${TESTS}" "$@"
postgresql_rc=$?

echo "==== API tests: SQLite exit ${sqlite_rc}, PostgreSQL exit ${postgresql_rc} ===="
if [[ ${sqlite_rc} -ne 0 || ${postgresql_rc} -ne 0 ]]; then
  exit 1
fi
exit 0
