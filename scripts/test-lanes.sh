#!/usr/bin/env bash
# Runs the suites of `make test` in two lanes side by side, once the test build and the web bundle
# are there: the C++ lane (unit tests, the API suites on both databases, then the fuzzing harnesses'
# build and a short run of each) and the web lane (web unit tests, then the browser tests). Each lane
# waits on servers, databases and Chromium much of the time, so on two cores the two together take
# little longer than the browser tests alone (figures in the README). Every line says its lane; the
# exit code is non-zero if either failed.
# WELTCAMPUS_TEST_SERIAL=1 runs the five suites one after the other instead.
set -uo pipefail
MAKE_CMD="${MAKE:-make}"

if [[ -n "${WELTCAMPUS_TEST_SERIAL:-}" ]]; then
  exec ${MAKE_CMD} --no-print-directory unit-tests api-tests fuzz-build fuzz-tests web-tests e2e-tests
fi

# lane NAME TARGET...: the make targets one after the other, each line prefixed with the lane.
lane() {
  local name="$1" start=${SECONDS}
  shift
  ${MAKE_CMD} --no-print-directory "$@" 2>&1 | sed -u "s/^/[${name}] /"
  local rc=${PIPESTATUS[0]}
  echo "[${name}] ${*}: $([[ ${rc} -eq 0 ]] && echo passed || echo "FAILED (${rc})") in $((SECONDS - start)) s"
  return "${rc}"
}

trap 'kill ${cpp_pid:-} ${web_pid:-} 2>/dev/null' INT TERM
lane cpp unit-tests api-tests fuzz-build fuzz-tests &
cpp_pid=$!
lane web web-tests e2e-tests &
web_pid=$!
wait "${cpp_pid}"
cpp_rc=$?
wait "${web_pid}"
web_rc=$?

if [[ ${cpp_rc} -ne 0 || ${web_rc} -ne 0 ]]; then
  echo "test-lanes: a lane failed (C++ lane ${cpp_rc}, web lane ${web_rc}); its lines above say which suite" >&2
  exit 1
fi
