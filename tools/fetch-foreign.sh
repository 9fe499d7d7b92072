#!/usr/bin/env bash
# Fetches a Debian package built for a foreign architecture and unpacks it under cache/ARCH/PKG (git ignores cache/).
# usage: tools/fetch-foreign.sh ARCH PKG     e.g. tools/fetch-foreign.sh arm64 busybox-static
# Prints the unpack directory; exits non-zero with a one-line reason when the package cannot be had.
set -u
arch=$1 pkg=$2
root=$(cd "$(dirname "$0")/.." && pwd)
dest=$root/cache/$arch/$pkg
if [ -d "$dest" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ]; then echo "$dest"; exit 0; fi
sudo=; [ "$(id -u)" -ne 0 ] && sudo=sudo
if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
    $sudo dpkg --add-architecture "$arch" || { echo "fetch-foreign: cannot add architecture $arch" >&2; exit 1; }
    # One foreign index (often security) may fail while the rest arrive: check for the package instead.
    $sudo apt-get update -q >/dev/null 2>&1 || true
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && apt-get download -q "$pkg:$arch" >/dev/null 2>&1); then
    $sudo apt-get update -q >/dev/null 2>&1 || true
    (cd "$tmp" && apt-get download -q "$pkg:$arch" >/dev/null 2>&1) || { echo "fetch-foreign: $pkg:$arch is not available from the configured Debian mirrors" >&2; exit 1; }
fi
mkdir -p "$dest"
dpkg -x "$tmp"/*.deb "$dest" || { echo "fetch-foreign: cannot unpack $pkg:$arch" >&2; rm -rf "$dest"; exit 1; }
echo "$dest"
