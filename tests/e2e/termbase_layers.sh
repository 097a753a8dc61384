#!/usr/bin/env bash
# Layered termbases: --lexicon files over the bundled termbase, the later
# file winning, --no-default-lexicon, language names, and lint --with-default.
#   bash tests/e2e/termbase_layers.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
corpus=$2/corpora
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
work=$tmp

en=$corpus/readout.en.txt
zh=$corpus/readout.zh.txt

# The bundled termbase alone finds the Prime Minister's title in the English version.
expect 0 "" -- terms --lang en "$en"
grep -q $'\tprime_minister\t' "$work/out" || fail "bundled: prime_minister is matched"

# A one-line layer, with a language name as a CAT tool writes it: the
# bundled concepts stay, and the layer deprecates a preferred title.
printf 'prime_minister\tEnglish\tPrime Minister\tdeprecated\tsay "Premier" in this house style\n' >"$work/mine.tsv"
expect 0 "" -- terms --lang en --lexicon "$work/mine.tsv" "$en"
grep -q $'\tprime_minister\tdeprecated\t' "$work/out" || fail "layer: the title is now deprecated"
grep -q $'\txi_jinping\t' "$work/out" || fail "layer: bundled concepts are still there"
grep -q "talign: warning: .*mine.tsv:1: term 'Prime Minister' (en) of concept 'prime_minister' is preferred in .*official-terms.tsv at line [0-9]*; this later file wins: deprecated" "$work/err" || fail "layer: the status change is warned about"

expect 1 "" -- check "$en" "$zh" --lexicon "$work/mine.tsv" --format json --fail-on deprecated-term
grep -q "mine.tsv:1: term 'Prime Minister'.*later file wins" "$work/err" || fail "check: the status change is warned about"
python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["findings"]; sys.exit(0 if any(x["type"]=="deprecated-term" and x.get("concept")=="prime_minister" for x in f) else 1)' "$work/out" || fail "check: a deprecated-term finding on the title"
python3 -c '
import hashlib, json, sys
p = json.load(open(sys.argv[1]))["provenance"]
files = [t["path"] for t in p["termbases"]]
assert files[0].endswith("lexicons/official-terms.tsv") and files[1] == sys.argv[2], files
for t in p["termbases"]:
    assert t["sha256"] == hashlib.sha256(open(t["path"], "rb").read()).hexdigest(), t
assert p["talign"] and p["source"] is None and "min_content_letters" in p["check"], p
' "$work/out" "$work/mine.tsv" || fail "provenance: both layers, in order, with their SHA-256"
expect 0 "" -- check "$en" "$zh" --format json --fail-on deprecated-term

# Only the user's file.
printf 'house\ten\tPrime Minister\tpreferred\n' >"$work/only.tsv"
expect 0 "" -- terms --lang en --no-default-lexicon --lexicon "$work/only.tsv" "$en"
test "$(cut -f4 "$work/out" | sort -u)" = house || fail "only the user's concepts"
test ! -s "$work/err" || fail "no warning without the bundled layer"
expect 2 "" -- check --no-default-lexicon "$en" "$zh"
grep -q "give one with --lexicon FILE" "$work/err" || fail "says what to do"

# A name talign cannot map is an error on its line, not a silent loss.
printf 'house\ten\tPrime Minister\tpreferred\nhouse\tFrench\tPremier ministre\tpreferred\n' >"$work/french.tsv"
expect 2 "" -- check "$en" "$zh" --lexicon "$work/french.tsv"
grep -q "french.tsv:2:7: language 'French' is not a BCP 47 code" "$work/err" || fail "names file and line"

# lint layers the files it is given.
expect 1 "" -- lexicon lint --with-default "$work/mine.tsv"
grep -q "this later file wins: deprecated" "$work/out" || fail "lint: the status change"
expect 1 "" -- lexicon lint "$work/mine.tsv"
bash -c '! grep -q "later file" "$1"' _ "$work/out" || fail "alone, nothing about layers"

finish "termbase layers"
