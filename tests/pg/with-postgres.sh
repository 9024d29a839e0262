#!/usr/bin/env bash
# Usage: tests/pg/with-postgres.sh CMD [ARGS...]
#
# Starts a throwaway PostgreSQL server on 127.0.0.1 (a free port), runs CMD with
# WELTCAMPUS_TEST_PG_URL=postgresql://weltcampus@127.0.0.1:PORT/postgres (and an audit key file in
# WELTCAMPUS_AUDIT_KEY_FILE unless one is set), then stops the server and
# removes its data folder whatever CMD's outcome, and exits with CMD's exit code.
#
# The PostgreSQL suite must never be skipped silently: missing binaries or a broken /dev/null are
# hard errors.
set -uo pipefail

readonly kPgUser="weltcampus"
readonly kStartTimeoutSeconds=30

Die() {
  echo "with-postgres: $*" >&2
  exit 2
}

if [[ $# -eq 0 ]]; then
  Die "usage: $0 CMD [ARGS...]"
fi

FindPgBinDir() {
  if [[ -n "${PG_BINDIR:-}" && -x "${PG_BINDIR}/postgres" ]]; then
    echo "${PG_BINDIR}"
    return 0
  fi
  if command -v pg_config >/dev/null 2>&1; then
    local dir
    dir="$(pg_config --bindir 2>/dev/null)"
    if [[ -x "${dir}/postgres" && -x "${dir}/initdb" ]]; then
      echo "${dir}"
      return 0
    fi
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -V -r); do
    if [[ -x "${candidate}/postgres" && -x "${candidate}/initdb" ]]; then
      echo "${candidate}"
      return 0
    fi
  done
  return 1
}

PG_BIN="$(FindPgBinDir)" || Die "PostgreSQL server binaries (initdb, postgres) not found; install the \
postgresql package or set PG_BINDIR. The PostgreSQL test suite must not be skipped."
for tool in initdb postgres pg_ctl pg_isready; do
  [[ -x "${PG_BIN}/${tool}" ]] || Die "missing ${PG_BIN}/${tool}"
done

# initdb writes to /dev/null; in some containers it is a regular file, which makes initdb fail
# with an obscure message. We do not repair the machine, we say what is wrong.
if [[ ! -c /dev/null ]]; then
  Die "/dev/null is not a character device (ls -l: $(ls -l /dev/null 2>&1)); initdb cannot run. \
Fix the container (mknod -m 666 /dev/null c 1 3) and retry."
fi

# Run PostgreSQL tools as the unprivileged 'postgres' user when we are root (they refuse root).
AS_PG=()
if [[ "$(id -u)" -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || Die "running as root but there is no 'postgres' user to run the server as"
  command -v runuser >/dev/null 2>&1 || Die "running as root but 'runuser' is missing"
  AS_PG=(runuser -u postgres --)
fi

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/weltcampus-pg.XXXXXX")" || Die "mktemp failed"
DATA_DIR="${WORK_DIR}/data"
SOCKET_DIR="${WORK_DIR}/socket"
LOG_FILE="${WORK_DIR}/postgres.log"
mkdir -p "${DATA_DIR}" "${SOCKET_DIR}"
chmod 700 "${DATA_DIR}"
touch "${LOG_FILE}"
if [[ ${#AS_PG[@]} -gt 0 ]]; then
  chown -R postgres: "${WORK_DIR}"
  # mktemp -d makes the folder 0700 and root's; the postgres user needs to reach it.
  chmod 755 "${WORK_DIR}"
fi

PG_PID=""  # the process we started: runuser (as root) or postgres itself
PostmasterPid() {
  # The real server PID: under runuser, PG_PID is runuser's, which does not forward signals.
  local pid
  pid="$(head -n 1 "${DATA_DIR}/postmaster.pid" 2>/dev/null)"
  [[ "${pid}" =~ ^[0-9]+$ ]] && echo "${pid}"
}
StopServer() {
  [[ -n "${PG_PID}" ]] || return 0
  if kill -0 "${PG_PID}" 2>/dev/null; then
    if ! "${AS_PG[@]}" "${PG_BIN}/pg_ctl" stop -D "${DATA_DIR}" -m fast -w -t 20 >/dev/null 2>&1; then
      local pm_pid
      pm_pid="$(PostmasterPid)"
      if [[ -n "${pm_pid}" ]]; then
        kill -QUIT "${pm_pid}" 2>/dev/null
        sleep 1
        kill -KILL "${pm_pid}" 2>/dev/null
      fi
      kill -KILL "${PG_PID}" 2>/dev/null
    fi
  fi
  wait "${PG_PID}" 2>/dev/null
  PG_PID=""
}
Cleanup() {
  StopServer
  rm -rf "${WORK_DIR}"
}
trap Cleanup EXIT
CMD_PID=""
OnSignal() {
  # Pass the signal on to CMD, then leave through the EXIT trap (which stops the server).
  [[ -n "${CMD_PID}" ]] && kill -"$1" "${CMD_PID}" 2>/dev/null && wait "${CMD_PID}" 2>/dev/null
  exit "$2"
}
trap 'OnSignal INT 130' INT
trap 'OnSignal TERM 143' TERM

PrintLog() {
  echo "---- PostgreSQL server log (${LOG_FILE}) ----" >&2
  cat "${LOG_FILE}" >&2 || true
  echo "---- end of log ----" >&2
}

# A port nobody listens on right now. python3 asks the kernel (bind to port 0); without python we
# probe random high ports. There is a small race until postgres binds; StartServer retries.
FreePort() {
  if command -v python3 >/dev/null 2>&1; then
    python3 - <<'EOF' 2>/dev/null && return 0
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
  fi
  local port i
  for ((i = 0; i < 50; i++)); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
      echo "${port}"
      return 0
    fi
  done
  return 1
}

if ! "${AS_PG[@]}" "${PG_BIN}/initdb" --pgdata="${DATA_DIR}" --auth=trust --username="${kPgUser}" \
  --encoding=UTF8 --locale=C.UTF-8 --no-sync >"${WORK_DIR}/initdb.log" 2>&1; then
  # Some systems lack the C.UTF-8 locale: retry with plain C before giving up.
  rm -rf "${DATA_DIR:?}"/* 2>/dev/null
  if ! "${AS_PG[@]}" "${PG_BIN}/initdb" --pgdata="${DATA_DIR}" --auth=trust --username="${kPgUser}" \
    --encoding=UTF8 --locale=C --no-sync >>"${WORK_DIR}/initdb.log" 2>&1; then
    cat "${WORK_DIR}/initdb.log" >&2
    Die "initdb failed (see above)"
  fi
fi

StartServer() {
  local port="$1"
  : >"${LOG_FILE}"
  "${AS_PG[@]}" "${PG_BIN}/postgres" -D "${DATA_DIR}" \
    -c listen_addresses=127.0.0.1 -c port="${port}" -c unix_socket_directories="${SOCKET_DIR}" \
    -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=100 \
    >>"${LOG_FILE}" 2>&1 &
  PG_PID=$!
  local deadline=$((SECONDS + kStartTimeoutSeconds))
  while ((SECONDS < deadline)); do
    if ! kill -0 "${PG_PID}" 2>/dev/null; then
      StopServer
      return 1
    fi
    if "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "${port}" -U "${kPgUser}" -d postgres; then
      return 0
    fi
    sleep 0.2
  done
  return 3
}

PORT=""
started=0
for attempt in 1 2 3; do
  PORT="$(FreePort)" || Die "could not find a free TCP port on 127.0.0.1"
  StartServer "${PORT}"
  rc=$?
  if [[ ${rc} -eq 0 ]]; then
    started=1
    break
  fi
  if [[ ${rc} -eq 3 ]]; then
    PrintLog
    Die "PostgreSQL did not become ready on 127.0.0.1:${PORT} within ${kStartTimeoutSeconds} s"
  fi
  echo "with-postgres: server exited during start (attempt ${attempt}, port ${PORT}); retrying" >&2
done
if [[ ${started} -ne 1 ]]; then
  PrintLog
  Die "PostgreSQL failed to start (3 attempts)"
fi

export WELTCAMPUS_TEST_PG_URL="postgresql://${kPgUser}@127.0.0.1:${PORT}/postgres"
# Servers on PostgreSQL need the audit chain's key (README, "The audit log"): one for all of them.
export WELTCAMPUS_AUDIT_KEY_FILE="${WELTCAMPUS_AUDIT_KEY_FILE:-${WORK_DIR}/audit.key}"
echo "with-postgres: PostgreSQL ready at ${WELTCAMPUS_TEST_PG_URL}" >&2

# CMD runs in the background so that a signal to this script is handled at once (bash defers traps
# while a foreground child runs); stdin is handed on explicitly (background jobs get /dev/null).
exec 3<&0
"$@" <&3 3<&- &
CMD_PID=$!
wait "${CMD_PID}"
CMD_RC=$?
CMD_PID=""
exit "${CMD_RC}"
