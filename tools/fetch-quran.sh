#!/usr/bin/env bash
# Fetches the English, Chinese and Urdu Quran translations (6,236 verses
# each) from the npm package quran-json@3.1.2 (CC BY-SA 4.0; see
# docs/QURAN-NOTICE.md), checks pinned hashes of the tarball and of each
# extracted file, and caches them in third_party/quran/ (not in git). They
# are long, verse-aligned development data for the aligner
# (tools/build-long-eval.py); nothing in talign needs them. Skips the
# download when every cached file already has its pinned hash. When npm or
# the registry is unreachable it warns and exits 0.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QURAN_PKG=quran-json@3.1.2
QURAN_TGZ=quran-json-3.1.2.tgz
QURAN_TGZ_SHA256=d1454352cae9c7506d28d160486b2eb62472d45e36e01cee192d8ade889a6d49
# file in the package's dist/ → its SHA-256
declare -A QURAN_SHA256=(
  [quran_en.json]=bae3acab517304dc2684d65949a00f31000a92818041cefabc234663da99d7a3
  [quran_zh.json]=0646a4794227cfbcd45f23b86328e7b9617bfbcce9571e91f87360495b11ef6c
  [quran_ur.json]=fe9c2ff72c287b3df8390b16eb27bb6de0210f20b417a5659b1fbdc29e58325f
)
dest=$root/third_party/quran

warn() { echo "fetch-quran: warning: $*; continuing without the Quran data" >&2; exit 0; }
pinned() { echo "${QURAN_SHA256[$1]}  $2" | sha256sum -c --status -; }

cached=1
for f in "${!QURAN_SHA256[@]}"; do
  [[ -f $dest/$f ]] && pinned "$f" "$dest/$f" || cached=0
done
(( cached )) && exit 0
command -v npm >/dev/null || warn "npm is not installed"
mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# npm verifies the registry's sha512 integrity; we pin our own hashes on top.
( cd "$tmp" && timeout 300 npm pack --silent "$QURAN_PKG" >/dev/null 2>&1 ) ||
  warn "npm pack $QURAN_PKG failed (registry unreachable?)"
echo "$QURAN_TGZ_SHA256  $tmp/$QURAN_TGZ" | sha256sum -c --status - ||
  warn "$QURAN_TGZ does not have the pinned SHA-256"
members=()
for f in "${!QURAN_SHA256[@]}"; do members+=("package/dist/$f"); done
tar -xzf "$tmp/$QURAN_TGZ" -C "$tmp" "${members[@]}" package/LICENSE.txt ||
  warn "cannot extract ${members[*]} from $QURAN_TGZ"
for f in "${!QURAN_SHA256[@]}"; do
  pinned "$f" "$tmp/package/dist/$f" || warn "the extracted $f does not have the pinned SHA-256"
done
# Rename into place only once every file checked, so the cache is never half new.
for f in "${!QURAN_SHA256[@]}"; do
  cp "$tmp/package/dist/$f" "$dest/$f.tmp.$$"
  mv "$dest/$f.tmp.$$" "$dest/$f"
done
cp "$tmp/package/LICENSE.txt" "$dest/LICENSE.txt"
echo "fetch-quran: $QURAN_PKG (en, zh, ur) cached in $dest" >&2
