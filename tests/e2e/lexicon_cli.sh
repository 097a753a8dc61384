#!/usr/bin/env bash
# Exit codes and outputs of `talign lexicon lint|stats|convert`.
#   bash tests/e2e/lexicon_cli.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
data=$2/tests/data/tbx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect CODE DESCRIPTION -- COMMAND...: runs COMMAND, keeps stdout/stderr in $work/out, $work/err.
expect() {
  local want=$1 what=$2
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL: $what: exit $got, expected $want"
    sed 's/^/  stdout: /' "$work/out" | head -5
    sed 's/^/  stderr: /' "$work/err" | head -5
    failures=$((failures + 1))
  fi
}
check() {  # check DESCRIPTION -- TEST...
  local what=$1
  shift 2
  if ! "$@"; then
    echo "FAIL: $what"
    failures=$((failures + 1))
  fi
}

# lint
expect 0 "lint of a clean TSV" -- "$talign" lexicon lint "$data/canonical.tsv"
check "clean lint prints nothing" -- test ! -s "$work/out"
expect 1 "lint of a TSV with errors" -- "$talign" lexicon lint "$data/errors.tsv"
check "one line per problem" -- test "$(wc -l <"$work/out")" -eq 8
check "unknown kind position" -- grep -qxF "$data/errors.tsv:8:32: unknown kind 'extra' (expected term, name or title, or empty)" "$work/out"
check "problems are FILE:LINE:COL: message" -- grep -qxF "$data/errors.tsv:3:7: empty term" "$work/out"
expect 1 "lint of malformed XML" -- "$talign" lexicon lint "$data/malformed_mismatch.tbx"
check "XML error position" -- grep -qF "malformed_mismatch.tbx:8:32: malformed XML" "$work/out"
expect 1 "lint of an entity bomb" -- "$talign" lexicon lint "$data/billion_laughs.tbx"
expect 1 "lint lists warnings" -- "$talign" lexicon lint "$data/handwritten.tsv"
check "warning is marked" -- grep -qF "handwritten.tsv:8:5: warning: language 'fr'" "$work/out"
expect 0 "lint --errors-only ignores warnings" -- "$talign" lexicon lint --errors-only "$data/handwritten.tsv"
expect 2 "lint of a missing file" -- "$talign" lexicon lint "$work/nope.tsv"
check "missing file on stderr" -- grep -qxF "talign: $work/nope.tsv: no such file" "$work/err"
expect 2 "lint of a clean and a missing file" -- "$talign" lexicon lint "$data/canonical.tsv" "$work/nope.tsv"
expect 1 "lint of several files lists them all" -- "$talign" lexicon lint "$data/errors.tsv" "$data/semantic_errors.tbx"
check "both files listed" -- test "$(cut -d: -f1 "$work/out" | sort -u | wc -l)" -eq 2

# stats
expect 0 "stats of a TBX" -- "$talign" lexicon stats "$data/v3_basic.tbx"
check "stats headline" -- grep -qF "v3_basic.tbx: 2 concepts, 12 terms" "$work/out"
check "stats row for en" -- grep -qE '^en +2 +6 +2 +2 +1 +1 +0$' "$work/out"
expect 0 "stats as JSON" -- "$talign" lexicon stats --format json "$data/v2_martif.tbx"
check "JSON counts" -- grep -qF '"terms": 14' "$work/out"
expect 0 "stats of a TBX with concept kinds" -- "$talign" lexicon stats "$data/kinds.tbx"
check "kinds counted" -- grep -qxF "kinds: 1 term, 1 name, 1 title" "$work/out"
expect 2 "stats of a broken file" -- "$talign" lexicon stats "$data/errors.tsv"
check "first error on stderr" -- grep -qF "talign: $data/errors.tsv:2:19: unknown status 'prefered'" "$work/err"
expect 2 "stats of an unknown format name" -- "$talign" lexicon stats --format xml "$data/canonical.tsv"

# convert
expect 0 "convert TSV to TBX" -- "$talign" lexicon convert "$data/canonical.tsv" "$work/c.tbx"
check "TBX-Basic v3 root" -- grep -qF '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">' "$work/c.tbx"
expect 0 "convert TBX back to TSV" -- "$talign" lexicon convert "$work/c.tbx" "$work/c.tsv"
check "TSV -> TBX -> TSV is byte-identical" -- cmp -s "$data/canonical.tsv" "$work/c.tsv"
expect 0 "convert kinds TBX to TSV" -- "$talign" lexicon convert "$data/kinds.tbx" "$work/k.tsv"
check "kind column for names and titles" -- grep -qF "$(printf 'xi_jinping\ten\tXi Jinping\tpreferred\t\tname')" "$work/k.tsv"
expect 0 "kinds TSV to TBX" -- "$talign" lexicon convert "$work/k.tsv" "$work/k.tbx"
expect 0 "kinds TBX back to TSV" -- "$talign" lexicon convert "$work/k.tbx" "$work/k2.tsv"
check "kinds survive TSV -> TBX -> TSV" -- cmp -s "$work/k.tsv" "$work/k2.tsv"
expect 0 "convert to stdout with --to" -- "$talign" lexicon convert "$data/canonical.tsv" - --to tsv
check "stdout TSV" -- cmp -s "$data/canonical.tsv" "$work/out"
expect 0 "convert from stdin" -- bash -c "'$talign' lexicon convert - - --to tbx <'$data/canonical.tsv'"
check "stdin sniffed as TSV" -- grep -qF '<conceptEntry id="cpec">' "$work/out"
expect 2 "stdout without --to" -- "$talign" lexicon convert "$data/canonical.tsv" -
expect 2 "unknown output extension" -- "$talign" lexicon convert "$data/canonical.tsv" "$work/c.csv"
expect 2 "convert of an entity bomb" -- "$talign" lexicon convert "$data/billion_laughs.tbx" "$work/b.tsv"
check "no output left behind" -- test ! -e "$work/b.tsv"
expect 2 "convert of a missing file" -- "$talign" lexicon convert "$work/nope.tbx" "$work/x.tsv"
expect 2 "lexicon without a subcommand" -- "$talign" lexicon

# Bad text in a termbase: found by lint, refused by every command that loads it.
tbx_with() {  # tbx_with TERM_XML > FILE
  printf '<tbx><text><body><conceptEntry id="c1">\n<langSec xml:lang="en"><termSec><term>%s</term>' "$1"
  printf '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>'
  printf '</conceptEntry></body></text></tbx>\n'
}
printf 'Peacekeeping peace forces.\n' >"$work/doc.en.txt"
for case in 'D800|2:44: character reference '"'"'&#xD800;'"'"' is U+D800, a surrogate' \
            '0|2:33: term contains U+0000 (a control character)' \
            '1|2:33: term contains U+0001 (a control character)' \
            'FFFE|2:33: term contains U+FFFE (a noncharacter)' \
            '110000|2:44: character reference '"'"'&#x110000;'"'"' is above U+10FFFF'; do
  hex=${case%%|*} message=${case#*|}
  tbx_with "peace&#x$hex;keeping" >"$work/ref.tbx"
  expect 1 "lint of &#x$hex;" -- "$talign" lexicon lint "$work/ref.tbx"
  check "lint names &#x$hex;" -- grep -qF "$work/ref.tbx:$message" "$work/out"
  expect 2 "terms --format jsonl with &#x$hex;" -- "$talign" terms --lexicon "$work/ref.tbx" --format jsonl "$work/doc.en.txt"
  check "terms names &#x$hex;" -- grep -qF "talign: $work/ref.tbx:$message" "$work/err"
  expect 2 "convert with &#x$hex;" -- "$talign" lexicon convert "$work/ref.tbx" "$work/ref-out.tbx"
  check "convert wrote nothing for &#x$hex;" -- test ! -e "$work/ref-out.tbx"
done
# A good reference still loads, and convert writes XML that reads back.
tbx_with "peace&#x2D;keeping &#x4E2D;" >"$work/good.tbx"
expect 0 "lint of good references" -- "$talign" lexicon lint "$work/good.tbx"
expect 0 "convert good references" -- "$talign" lexicon convert "$work/good.tbx" "$work/good-out.tbx"
expect 0 "converted TBX reads back" -- "$talign" lexicon convert "$work/good-out.tbx" - --to tsv
check "decoded term" -- grep -qF "$(printf 'c1\ten\tpeace-keeping 中\tpreferred')" "$work/out"

# CR-only line ends (old Mac): read, not an empty clean file.
printf 'concept_id\tlang\tterm\tstatus\ra\ten\tpeace\tpreferred\rb\ten\twar\tpreferred\r' >"$work/mac.tsv"
expect 0 "lint of a CR-only TSV" -- "$talign" lexicon lint "$work/mac.tsv"
expect 0 "stats of a CR-only TSV" -- "$talign" lexicon stats "$work/mac.tsv"
check "CR-only TSV has its terms" -- grep -qF "mac.tsv: 2 concepts, 2 terms" "$work/out"
printf 'a\ten\tpeace\tpreferred\rb\ten\t\tpreferred\r' >"$work/mac-bad.tsv"
expect 1 "lint counts CR-only lines" -- "$talign" lexicon lint "$work/mac-bad.tsv"
check "error on line 2" -- grep -qxF "$work/mac-bad.tsv:2:6: empty term" "$work/out"
printf '# nothing but comments\nconcept_id\tlang\tterm\tstatus\n' >"$work/none.tsv"
expect 1 "lint of a termbase without terms" -- "$talign" lexicon lint "$work/none.tsv"
check "no terms named" -- grep -qF "$work/none.tsv:1:1: warning: no terms" "$work/out"
iconv -f UTF-8 -t UTF-16LE <"$data/canonical.tsv" >"$work/utf16.tsv"
expect 1 "lint of UTF-16 without BOM" -- "$talign" lexicon lint "$work/utf16.tsv"

# Terms of white space or punctuation: an error on their line, everywhere.
printf 'a\ten\tpeace\tpreferred\nb\ten\t\xc2\xa0\xe2\x80\x8b\tpreferred\nc\ten\t.\tpreferred\n' >"$work/blank.tsv"
expect 1 "lint of blank and punctuation terms" -- "$talign" lexicon lint "$work/blank.tsv"
check "NBSP+ZWSP term" -- grep -qF "$work/blank.tsv:2:6: term '"$'\xc2\xa0\xe2\x80\x8b'"' (U+00A0 U+200B) has no letter or digit" "$work/out"
check "full-stop term" -- grep -qF "$work/blank.tsv:3:6: term '.' (U+002E) has no letter or digit" "$work/out"
expect 2 "terms refuses it" -- "$talign" terms --lexicon "$work/blank.tsv" "$work/doc.en.txt"
check "same message" -- grep -qF "talign: $work/blank.tsv:2:6: term '" "$work/err"
printf '维和部队。\n' >"$work/doc.zh.txt"
expect 2 "check refuses it" -- "$talign" check "$work/doc.en.txt" "$work/doc.zh.txt" --lexicon "$work/blank.tsv"
check "same message from check" -- grep -qF "$work/blank.tsv:2:6: term '" "$work/err"

# File names that are not UTF-8 or hold control characters.
ff=$work/$'terms\xff.tsv'
cp "$data/canonical.tsv" "$ff"
expect 0 "stats --format json of a non-UTF-8 file name" -- "$talign" lexicon stats --format json "$ff"
check "file name with U+FFFD" -- grep -qF "\"file\": \"$work/terms"$'\xef\xbf\xbd'".tsv\"" "$work/out"
esc=$work/$'red\x1b[31m.tsv'
cp "$data/errors.tsv" "$esc"
expect 2 "stats of a file name with ESC" -- "$talign" lexicon stats "$esc"
check "ESC escaped on stderr" -- grep -qF "talign: $work/red\\x1B[31m.tsv:2:19: unknown status" "$work/err"
check "no raw ESC on stderr" -- bash -c "! grep -q $'\x1b' '$work/err'"
expect 1 "lint of a file name with ESC" -- "$talign" lexicon lint "$esc"
check "ESC escaped in lint output" -- grep -qF "$work/red\\x1B[31m.tsv:3:7: empty term" "$work/out"
check "no raw ESC in lint output" -- bash -c "! grep -q $'\x1b' '$work/out'"
cp "$data/canonical.tsv" "$esc"
expect 0 "stats text of a file name with ESC" -- "$talign" lexicon stats "$esc"
check "ESC escaped in stats" -- grep -qF "$work/red\\x1B[31m.tsv: 2 concepts" "$work/out"
nl=$work/$'a\ntalign: all fine.tsv'
expect 2 "a newline in a missing file's name" -- "$talign" lexicon stats "$nl"
check "one line of diagnostics" -- test "$(wc -l <"$work/err")" -eq 1
check "newline shown as \\n" -- grep -qxF "talign: $work/a\\ntalign: all fine.tsv: no such file" "$work/err"
expect 2 "a usage hint stays on its own line" -- "$talign" check a b c d
check "hint line" -- test "$(sed -n 2p "$work/err")" = "Run 'talign check --help' for usage."

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "lexicon CLI: all checks passed"
