#!/usr/bin/env bash
# Builds the Urdu→English pivot lexicon third_party/ur-en/ur-en.tsv (not in
# git; GPL data, see docs/UR-EN-NOTICE.md) from two Debian packages that
# tools/setup-deps.sh installs: Apertium's Urdu–Hindi dictionary
# (apertium-urd-hin, printed by lt-print from lttoolbox-dev) and FreeDict's
# English–Hindi dictionary (dict-freedict-eng-hin). Rebuilds only when an
# input or the builder is newer than the list. When a package is missing it
# warns and exits 0: talign aligns English–Urdu without the list (it learns
# a lexicon from the documents instead, less accurately).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bil=/usr/share/apertium/apertium-urd-hin/urd-hin.autobil.bin
dictd=/usr/share/dictd/freedict-eng-hin.dict.dz
builder=$root/tools/build-ur-en-lexicon.py
out=$root/third_party/ur-en/ur-en.tsv

warn() { echo "fetch-ur-en: warning: $*; continuing without the Urdu–English lexicon" >&2; exit 0; }

[[ -f $bil ]] || warn "$bil is missing (Debian package apertium-urd-hin)"
[[ -f $dictd ]] || warn "$dictd is missing (Debian package dict-freedict-eng-hin)"
command -v lt-print >/dev/null || warn "lt-print is missing (Debian package lttoolbox-dev)"
command -v python3 >/dev/null || warn "python3 is missing"
if [[ -f $out && $out -nt $bil && $out -nt $dictd && $out -nt $builder ]]; then exit 0; fi
mkdir -p "$(dirname "$out")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lt-print "$bil" >"$tmp/urd-hin.att" || warn "lt-print $bil failed"
python3 "$builder" "$tmp/urd-hin.att" "$dictd" "$tmp/ur-en.tsv" || warn "building the list failed"
mv "$tmp/ur-en.tsv" "$out.tmp.$$"
mv "$out.tmp.$$" "$out"
echo "fetch-ur-en: Urdu–English lexicon in $out" >&2
