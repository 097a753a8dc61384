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
check "one line per problem" -- test "$(wc -l <"$work/out")" -eq 7
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
expect 2 "stats of a broken file" -- "$talign" lexicon stats "$data/errors.tsv"
check "first error on stderr" -- grep -qF "talign: $data/errors.tsv:2:19: unknown status 'prefered'" "$work/err"
expect 2 "stats of an unknown format name" -- "$talign" lexicon stats --format xml "$data/canonical.tsv"

# convert
expect 0 "convert TSV to TBX" -- "$talign" lexicon convert "$data/canonical.tsv" "$work/c.tbx"
check "TBX-Basic v3 root" -- grep -qF '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">' "$work/c.tbx"
expect 0 "convert TBX back to TSV" -- "$talign" lexicon convert "$work/c.tbx" "$work/c.tsv"
check "TSV -> TBX -> TSV is byte-identical" -- cmp -s "$data/canonical.tsv" "$work/c.tsv"
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

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "lexicon CLI: all checks passed"
