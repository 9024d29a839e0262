#!/usr/bin/env bash
# Usage: tests/unit/run.sh [BUILD_DIR] [GTEST_ARGS...]
#
# Runs the C++ unit tests (BUILD_DIR/weltcampus_unit_tests) as one process per core, each taking
# its share of the tests (GoogleTest's sharding), against a throwaway PostgreSQL server
# (tests/pg/with-postgres.sh; WELTCAMPUS_REQUIRE_POSTGRES=1, so the store's tests cannot skip it).
# One process per test, as `ctest` runs them, spends most of its time starting the sanitized binary
# 421 times: half a minute longer and three times the CPU (README, "Time"). Each shard's output is
# shown whole when it ends; the exit code is non-zero if any shard failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD_DIR="${1:-build}"
shift || true
[[ "${BUILD_DIR}" = /* ]] || BUILD_DIR="${ROOT}/${BUILD_DIR}"
TESTS="${BUILD_DIR}/weltcampus_unit_tests"
if [[ ! -x "${TESTS}" ]]; then
  echo "tests/unit/run.sh: ${TESTS} not found; build the target weltcampus_unit_tests first" >&2
  exit 2
fi

# Inside the PostgreSQL server's lifetime: the shards side by side.
if [[ -z "${WELTCAMPUS_TEST_PG_URL:-}" ]]; then
  WELTCAMPUS_REQUIRE_POSTGRES=1 exec "${ROOT}/tests/pg/with-postgres.sh" "$0" "${BUILD_DIR}" "$@"
fi

SHARDS="${WELTCAMPUS_UNIT_SHARDS:-$(nproc)}"
LOG_DIR="$(mktemp -d /tmp/weltcampus-unit.XXXXXX)"
pids=()
# The tests read their data relative to the build folder, as under ctest.
cd "${BUILD_DIR}" || exit 2
for ((i = 0; i < SHARDS; i++)); do
  GTEST_TOTAL_SHARDS="${SHARDS}" GTEST_SHARD_INDEX="${i}" "${TESTS}" "$@" >"${LOG_DIR}/${i}.log" 2>&1 &
  pids+=($!)
done
rc=0
for ((i = 0; i < SHARDS; i++)); do
  wait "${pids[$i]}"
  shard_rc=$?
  echo "==== Unit tests, shard $((i + 1)) of ${SHARDS}: $([[ ${shard_rc} -eq 0 ]] && echo passed || echo "FAILED (${shard_rc})") ===="
  cat "${LOG_DIR}/${i}.log"
  [[ ${shard_rc} -eq 0 ]] || rc=1
done
rm -rf "${LOG_DIR}"
exit ${rc}
