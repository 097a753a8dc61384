#!/usr/bin/env bash
# terms, segment, batch and align on hostile input: termbases with bad
# character references, file names that are not UTF-8, control characters
# in documents, dictionaries that are FIFOs, devices or hold NUL bytes.
# Every case ends in a result or a clear error (exit 2), never a crash.
#   bash tests/e2e/terms_bad_input.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
E2E_TIMEOUT=10  # nothing here may take long
expect() { expect_text "$@"; }

# A document and a termbase whose names hold byte 0xFF: nothing aborts (a
# JSON dump of such a name would throw with nlohmann's strict handler).
doc=$tmp/$'doc\xff.en.txt'
lexicon=$tmp/$'terms\xff.tsv'
printf 'The Belt and Road Initiative was discussed.\n' >"$doc"
printf 'bri\ten\tBelt and Road Initiative\tpreferred\n' >"$lexicon"
expect 0 "" -- terms --format jsonl "$doc"
expect 0 "" -- terms --format jsonl --lexicon "$lexicon" "$doc"
grep -qF '"term":"Belt and Road Initiative"' "$tmp/out" || fail "terms jsonl with a 0xFF termbase name: $(cat "$tmp/out")"
expect 0 "" -- terms "$doc"
expect 0 "" -- segment --format jsonl "$doc"
grep -qF '"text":"The Belt and Road Initiative was discussed."' "$tmp/out" || fail "segment jsonl: $(cat "$tmp/out")"
expect 0 "" -- segment "$doc"

# Control characters in a document are escaped in text output.
printf 'Peace \033]0;owned\007 talks.\r\nSecond one.\n' >"$tmp/esc.en.txt"
expect 0 "" -- segment "$tmp/esc.en.txt"
grep -qxF 'Peace \x1B]0;owned\x07 talks.' "$tmp/out" || fail "segment escapes controls: $(cat -A "$tmp/out")"
grep -q $'\x1b' "$tmp/out" && fail "raw ESC in segment output"

# A termbase with a bad reference: refused by terms, batch and align alike.
printf '<tbx><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>Belt and Road&#x1;</term></termSec></langSec></conceptEntry></body></text></tbx>\n' >"$tmp/bad.tbx"
message="$tmp/bad.tbx:1:72: term contains U+0001 (a control character)"
expect 2 "talign: $message" -- terms --format jsonl --lexicon "$tmp/bad.tbx" "$tmp/esc.en.txt"
mkdir -p "$tmp/sets"
printf 'The talks were held.\n' >"$tmp/sets/a.en.txt"
printf '会谈举行了。\n' >"$tmp/sets/a.zh.txt"
expect 2 "$message" -- batch "$tmp/sets" --out "$tmp/batch-out" --lexicon "$tmp/bad.tbx"
expect 2 "$message" -- align "$tmp/sets/a.en.txt" "$tmp/sets/a.zh.txt" --lexicon "$tmp/bad.tbx"

# Dictionaries that are no regular file, or hold a NUL byte.
mkfifo "$tmp/fifo.tsv"
expect 2 "$tmp/fifo.tsv: not a regular file (a FIFO)" -- align --dictionary "$tmp/fifo.tsv" "$tmp/sets/a.en.txt" "$tmp/sets/a.zh.txt"
expect 2 "/dev/zero: not a regular file (a device)" -- align --dictionary /dev/zero "$tmp/sets/a.en.txt" "$tmp/sets/a.zh.txt"
expect 2 "$tmp: is a directory" -- align --dictionary "$tmp" "$tmp/sets/a.en.txt" "$tmp/sets/a.zh.txt"
printf 'talks\t会谈\nheld\0\t举行\n' >"$tmp/nul.tsv"
expect 2 "$tmp/nul.tsv:2: contains U+0000 (a control character) at column 5" -- align --dictionary "$tmp/nul.tsv" "$tmp/sets/a.en.txt" "$tmp/sets/a.zh.txt"
printf 'talks\t会谈\rheld\t举行\r' >"$tmp/mac.tsv"
expect 0 "" -- align --dictionary "$tmp/mac.tsv" "$tmp/sets/a.en.txt" "$tmp/sets/a.zh.txt"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "terms on bad input: all checks passed"
