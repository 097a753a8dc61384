#!/usr/bin/env bash
# Layered termbases: --lexicon files over the bundled termbase, the later
# file winning, --no-default-lexicon, language names, and lint --with-default.
#   bash tests/e2e/termbase_layers.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
corpus=$2/corpora
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

expect() {  # expect CODE DESCRIPTION -- COMMAND...
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

en=$corpus/readout.en.txt
zh=$corpus/readout.zh.txt

# The bundled termbase alone finds the Prime Minister's title in the English version.
expect 0 "terms with the bundled termbase" -- "$talign" terms --lang en "$en"
check "bundled: prime_minister is matched" -- grep -q $'\tprime_minister\t' "$work/out"

# A one-line layer, with a language name as a CAT tool writes it: the
# bundled concepts stay, and the layer deprecates a preferred title.
printf 'prime_minister\tEnglish\tPrime Minister\tdeprecated\tsay "Premier" in this house style\n' >"$work/mine.tsv"
expect 0 "terms with a layer" -- "$talign" terms --lang en --lexicon "$work/mine.tsv" "$en"
check "layer: the title is now deprecated" -- grep -q $'\tprime_minister\tdeprecated\t' "$work/out"
check "layer: bundled concepts are still there" -- grep -q $'\txi_jinping\t' "$work/out"
check "layer: the status change is warned about" -- \
  grep -q "talign: warning: .*mine.tsv:1: term 'Prime Minister' (en) of concept 'prime_minister' is preferred in .*official-terms.tsv at line [0-9]*; this later file wins: deprecated" "$work/err"

expect 1 "check reports the layer's deprecation" -- \
  "$talign" check "$en" "$zh" --lexicon "$work/mine.tsv" --format json --fail-on deprecated-term
check "check: the status change is warned about" -- grep -q "mine.tsv:1: term 'Prime Minister'.*later file wins" "$work/err"
check "check: a deprecated-term finding on the title" -- \
  python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["findings"]; sys.exit(0 if any(x["type"]=="deprecated-term" and x.get("concept")=="prime_minister" for x in f) else 1)' "$work/out"
check "provenance: both layers, in order, with their SHA-256" -- python3 -c '
import hashlib, json, sys
p = json.load(open(sys.argv[1]))["provenance"]
files = [t["path"] for t in p["termbases"]]
assert files[0].endswith("lexicons/official-terms.tsv") and files[1] == sys.argv[2], files
for t in p["termbases"]:
    assert t["sha256"] == hashlib.sha256(open(t["path"], "rb").read()).hexdigest(), t
assert p["talign"] and p["source"] is None and "min_content_letters" in p["check"], p
' "$work/out" "$work/mine.tsv"
expect 0 "check without the layer has no deprecated term" -- \
  "$talign" check "$en" "$zh" --format json --fail-on deprecated-term

# Only the user's file.
printf 'house\ten\tPrime Minister\tpreferred\n' >"$work/only.tsv"
expect 0 "terms --no-default-lexicon" -- "$talign" terms --lang en --no-default-lexicon --lexicon "$work/only.tsv" "$en"
check "only the user's concepts" -- test "$(cut -f4 "$work/out" | sort -u)" = house
check "no warning without the bundled layer" -- test ! -s "$work/err"
expect 2 "--no-default-lexicon without --lexicon" -- "$talign" check --no-default-lexicon "$en" "$zh"
check "says what to do" -- grep -q "give one with --lexicon FILE" "$work/err"

# A name talign cannot map is an error on its line, not a silent loss.
printf 'house\ten\tPrime Minister\tpreferred\nhouse\tFrench\tPremier ministre\tpreferred\n' >"$work/french.tsv"
expect 2 "an unmappable language name" -- "$talign" check "$en" "$zh" --lexicon "$work/french.tsv"
check "names file and line" -- grep -q "french.tsv:2:7: language 'French' is not a BCP 47 code" "$work/err"

# lint layers the files it is given.
expect 1 "lint --with-default warns about the layer" -- "$talign" lexicon lint --with-default "$work/mine.tsv"
check "lint: the status change" -- grep -q "this later file wins: deprecated" "$work/out"
expect 1 "lint of the layer alone" -- "$talign" lexicon lint "$work/mine.tsv"
check "alone, nothing about layers" -- bash -c '! grep -q "later file" "$1"' _ "$work/out"

if [[ $failures -gt 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "termbase layers: all checks passed"
