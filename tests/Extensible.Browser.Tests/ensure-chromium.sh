#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium: the browser tests (tests/Extensible.Browser.Tests) drive it with
# Playwright, which is never allowed to download a browser of its own. When it is missing it installs Debian's
# `chromium` package with apt-get (with sudo when not root). It never fails its caller: when it cannot install, it says
# why and what to do instead, and the browser tests then fail with the same advice.
# Used by tests/run.
set -euo pipefail

say() { echo "ensure-chromium: $*"; }

could_not() {
  say "could not install Chromium: $*." >&2
  say "Install it yourself (Debian/Ubuntu: sudo apt-get install chromium); the browser tests need /usr/bin/chromium." >&2
  exit 0
}

chromium=/usr/bin/chromium

if [[ -x "$chromium" ]]; then
  say "Chromium found at $chromium."
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

say "$chromium is missing; installing Debian's 'chromium' package with apt-get (the browser tests drive it headless)."
apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
${sudo[@]+"${sudo[@]}"} "${apt[@]}" update || could_not "apt-get update failed"
${sudo[@]+"${sudo[@]}"} "${apt[@]}" install --no-install-recommends chromium || could_not "apt-get install chromium failed"

if [[ -x "$chromium" ]]; then
  say "installed $("$chromium" --version 2> /dev/null || echo Chromium) at $chromium."
else
  could_not "apt-get installed 'chromium' but $chromium is still missing"
fi
