#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries (initdb, pg_ctl, postgres) are on this machine: Extensible's embedded
# database runs them when no connection string is configured. When they are missing it installs Debian's
# `postgresql` package with apt-get, having first told Debian not to create and start a cluster of its own.
# It never fails its caller: when it cannot install, it says why and what to do instead, and lets the caller go on.
# Used by host/run and tests/run.
set -euo pipefail

say() { echo "ensure-postgres: $*"; }

could_not() {
  say "could not install the PostgreSQL server binaries: $*." >&2
  say "Install them yourself (Debian/Ubuntu: sudo apt-get install postgresql), or use an existing server:" >&2
  say "ConnectionStrings__Extensible for the host, EXTENSIBLE_TEST_DB for the tests." >&2
  exit 0
}

# Prints the first folder with all three programs: on PATH, else the newest /usr/lib/postgresql/<major>/bin
# (Debian keeps them off PATH). The embedded launcher looks in the same places.
find_binaries() {
  local dir
  local -a path_dirs
  IFS=: read -ra path_dirs <<< "${PATH:-}"
  for dir in "${path_dirs[@]}" $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [[ -x "$dir/pg_ctl" && -x "$dir/initdb" && -x "$dir/postgres" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if found=$(find_binaries); then
  say "PostgreSQL server binaries found in $found."
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  sudo=()
elif command -v sudo > /dev/null; then
  # Without a terminal nobody can type a password: fail at once instead of hanging.
  if [[ -t 0 ]]; then sudo=(sudo); else sudo=(sudo -n); fi
else
  could_not "this is not root and there is no sudo"
fi
command -v apt-get > /dev/null || could_not "there is no apt-get here (not Debian or Ubuntu)"

say "PostgreSQL server binaries are missing; installing Debian's 'postgresql' package with apt-get."
conf=/etc/postgresql-common/createcluster.conf
if ! grep -Eqs '^[[:space:]]*create_main_cluster[[:space:]]*=[[:space:]]*false' "$conf"; then
  say "writing 'create_main_cluster = false' to $conf so that Debian creates and starts no cluster of its own."
  ${sudo[@]+"${sudo[@]}"} mkdir -p "$(dirname "$conf")" || could_not "cannot create $(dirname "$conf")"
  echo "create_main_cluster = false" | ${sudo[@]+"${sudo[@]}"} tee -a "$conf" > /dev/null || could_not "cannot write $conf"
fi

apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
${sudo[@]+"${sudo[@]}"} "${apt[@]}" update || could_not "apt-get update failed"
${sudo[@]+"${sudo[@]}"} "${apt[@]}" install --no-install-recommends postgresql || could_not "apt-get install postgresql failed"

if found=$(find_binaries); then
  say "installed PostgreSQL server binaries in $found."
else
  could_not "apt-get installed 'postgresql' but pg_ctl, initdb and postgres are still not to be found"
fi
