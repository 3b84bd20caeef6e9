#!/usr/bin/env bash
# Makes sure Debian's Chromium headless shell is at /usr/bin/chromium-headless-shell: the browser tests
# (tests/Extensible.Browser.Tests) drive it with Playwright, which is never allowed to download a browser of its own. The
# shell (package `chromium-headless-shell`, the build Playwright runs headless tests with) costs about a third of the full
# browser's CPU; the tests fall back to the full browser at /usr/bin/chromium when only that is installed. When neither
# is there it installs the shell with apt-get (with sudo when not root). It never fails its caller: when it cannot
# install, it says why and what to do instead, and the browser tests then fail with the same advice.
# Used by tests/run.
set -euo pipefail

say() { echo "ensure-chromium: $*"; }

shell=/usr/bin/chromium-headless-shell
browser=/usr/bin/chromium

could_not() {
  if [[ -x "$browser" ]]; then
    say "could not install Chromium's headless shell: $*; the browser tests use the full browser at $browser (slower)." >&2
  else
    say "could not install Chromium: $*." >&2
    say "Install it yourself (Debian/Ubuntu: sudo apt-get install chromium-headless-shell); the browser tests need $shell or $browser." >&2
  fi
  exit 0
}

if [[ -x "$shell" ]]; then
  say "Chromium's headless shell found at $shell."
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

say "$shell is missing; installing Debian's 'chromium-headless-shell' package with apt-get (the browser tests drive it)."
apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
${sudo[@]+"${sudo[@]}"} "${apt[@]}" update || could_not "apt-get update failed"
if ! ${sudo[@]+"${sudo[@]}"} "${apt[@]}" install --no-install-recommends chromium-headless-shell; then
  # An older release without the shell package: the full browser, headless, serves too.
  if [[ ! -x "$browser" ]]; then
    say "apt-get install chromium-headless-shell failed; installing the full browser ('chromium') instead."
    ${sudo[@]+"${sudo[@]}"} "${apt[@]}" install --no-install-recommends chromium || could_not "apt-get install chromium failed too"
  fi
  could_not "apt-get install chromium-headless-shell failed"
fi

if [[ -x "$shell" ]]; then
  say "installed $("$shell" --version 2> /dev/null || echo "Chromium's headless shell") at $shell."
else
  could_not "apt-get installed 'chromium-headless-shell' but $shell is still missing"
fi
