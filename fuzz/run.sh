#!/usr/bin/env bash
# Runs the libFuzzer harnesses of a fuzz build (README, "Fuzzing").
#
#   fuzz/run.sh BUILD_DIR --runs N     each harness for N executions (make fuzz: 1,000,000)
#   fuzz/run.sh BUILD_DIR --seconds S  each harness for S seconds (make test: a short run)
#   fuzz/run.sh BUILD_DIR --merge      adds what the runs found new to the corpora in fuzz/corpus
#   [--only NAME] [--jobs J]           one harness only; J harnesses side by side (default: cores)
#
# Each harness starts from its corpus in fuzz/corpus/NAME (every input there is run first: the
# regression part) and keeps the inputs that reach new code in BUILD_DIR/fuzz-corpus/NAME, never
# in the repository; --merge minimises them into fuzz/corpus. A finding (a crash, a sanitizer's
# report, a leak, a broken property, an input running over 10 s) stops its harness, leaves the
# input in BUILD_DIR/fuzz-findings/ and makes the exit status non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

build="${1:?usage: fuzz/run.sh BUILD_DIR --runs N | --seconds S | --merge [--only NAME] [--jobs J]}"
shift
mode=""
amount=""
only=""
jobs="$(nproc)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs | --seconds) mode="$1"; amount="$2"; shift 2 ;;
    --merge) mode="--merge"; shift ;;
    --only) only="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) echo "fuzz/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "${mode}" ]] || { echo "fuzz/run.sh: give --runs N, --seconds S or --merge" >&2; exit 2; }

names=()
for corpus in fuzz/corpus/*/; do
  name="$(basename "${corpus}")"
  [[ -z "${only}" || "${only}" == "${name}" ]] && names+=("${name}")
done
[[ ${#names[@]} -gt 0 ]] || { echo "fuzz/run.sh: no harness named ${only}" >&2; exit 2; }
for name in "${names[@]}"; do
  [[ -x "${build}/fuzz/fuzz_${name}" ]] || {
    echo "fuzz/run.sh: ${build}/fuzz/fuzz_${name} is not built (make fuzz-build)" >&2
    exit 2
  }
done
mkdir -p "${build}/fuzz-findings" "${build}/fuzz-logs"

# The sanitizers stop at the first report; a leak is a finding too.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

# fuzz_one NAME: runs the harness; its exit status goes to fuzz-logs/NAME.status.
fuzz_one() {
  local name="$1" binary="${build}/fuzz/fuzz_${1}" work="${build}/fuzz-corpus/${1}"
  local log="${build}/fuzz-logs/${name}.log" status=0
  mkdir -p "${work}"
  if [[ "${mode}" == "--merge" ]]; then
    "${binary}" -merge=1 "fuzz/corpus/${name}" "${work}" >"${log}" 2>&1 || status=$?
  else
    local limit="-runs=${amount}"
    [[ "${mode}" == "--seconds" ]] && limit="-max_total_time=${amount}"
    "${binary}" "${limit}" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
      -artifact_prefix="${build}/fuzz-findings/${name}-" "${work}" "fuzz/corpus/${name}" \
      >"${log}" 2>&1 || status=$?
  fi
  echo "${status}" >"${build}/fuzz-logs/${name}.status"
}

start=${SECONDS}
running=0
for name in "${names[@]}"; do
  rm -f "${build}/fuzz-logs/${name}.status"
  fuzz_one "${name}" &
  running=$((running + 1))
  if [[ ${running} -ge ${jobs} ]]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

failed=0
for name in "${names[@]}"; do
  log="${build}/fuzz-logs/${name}.log"
  if [[ "$(cat "${build}/fuzz-logs/${name}.status" 2>/dev/null)" == "0" ]]; then
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "${log}" | grep -o '[0-9]*$' || true)"
    echo "fuzz ${name}: ${mode#--}${amount:+ ${amount}}, no finding${runs:+ (${runs} executions)}"
  else
    failed=1
    echo "fuzz ${name}: FINDING (or failure); the end of ${log}:" >&2
    tail -n 40 "${log}" >&2
  fi
done
echo "fuzz: $((SECONDS - start)) s"
exit "${failed}"
