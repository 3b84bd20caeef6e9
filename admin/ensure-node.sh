#!/usr/bin/env bash
# Makes sure Node.js and npm are on this machine: building the admin console (admin/Extensible.Admin) runs `npm ci` to
# install its browser packages (htmx, @microsoft/signalr) from package-lock.json. When they are missing it installs
# Debian's `nodejs` and `npm` packages with apt-get. It never fails its caller: when it cannot install, it says why and
# what to do instead, and the build then stops with the same advice.
# Used by host/run and tests/run.
set -euo pipefail

say() { echo "ensure-node: $*"; }

could_not() {
  say "could not install Node.js and npm: $*." >&2
  say "Install them yourself (Debian/Ubuntu: sudo apt-get install nodejs npm, or from https://nodejs.org)." >&2
  exit 0
}

if command -v node > /dev/null && command -v npm > /dev/null; then
  say "Node.js $(node --version) and npm $(npm --version 2> /dev/null) found."
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

say "Node.js or npm is missing; installing Debian's 'nodejs' and 'npm' packages with apt-get (the admin console's build needs npm)."
apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
${sudo[@]+"${sudo[@]}"} "${apt[@]}" update || could_not "apt-get update failed"
${sudo[@]+"${sudo[@]}"} "${apt[@]}" install --no-install-recommends nodejs npm || could_not "apt-get install nodejs npm failed"

if command -v node > /dev/null && command -v npm > /dev/null; then
  say "installed Node.js $(node --version) and npm $(npm --version 2> /dev/null)."
else
  could_not "apt-get installed 'nodejs' and 'npm' but node or npm is still not on PATH"
fi
