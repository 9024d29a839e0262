#!/usr/bin/env bash
# Installs the Debian packages Weltcampus needs to build, test and run; skips what is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  clang libclang-rt-14-dev
  libboost-dev libboost-system-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3 libjemalloc-dev
  nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
  libsodium-dev libxml2-dev libxml2-utils libxlsxwriter-dev zlib1g-dev
  libcrack2-dev cracklib-runtime libicu-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev libminizip-dev
  postgresql postgresql-client
  nodejs chromium
  wrk
  # The two-server test runs nginx in the foreground in front of two servers (deploy/nginx/).
  nginx
  # More, named by the caller (make security: sqlmap).
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# The machine may bring its own newer npm; Debian's is only the fallback.
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
