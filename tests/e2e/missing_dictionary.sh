#!/usr/bin/env bash
# A run without the dictionary a language pair normally has (not fetched, or
# TALIGN_CEDICT / TALIGN_UR_EN naming no file) says so once on stderr and in
# the report's provenance, instead of aligning worse in silence.
#   bash tests/e2e/missing_dictionary.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
corpus=$2/corpora
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
work=$tmp

TALIGN_CEDICT=$work/none.u8 "$talign" check "$corpus/readout.en.txt" "$corpus/readout.zh.txt" --format json \
  >"$work/out.json" 2>"$work/err"
[[ $(grep -c "without CC-CEDICT" "$work/err") -eq 1 ]] || fail "en-zh: one warning naming CC-CEDICT ($(cat "$work/err"))"
grep -q "TALIGN_CEDICT" "$work/err" || fail "en-zh: the warning says how to set it"
python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["provenance"]; sys.exit(0 if any("CC-CEDICT" in m for m in p["missing_dictionaries"]) and not any(d["name"]=="CC-CEDICT" for d in p["dictionaries"]) else 1)' \
  "$work/out.json" || fail "en-zh: the provenance records it"

TALIGN_UR_EN=$work/none.tsv "$talign" align "$corpus/readout.en.txt" "$corpus/readout.ur.txt" -o "$work/a.jsonl" 2>"$work/err"
[[ $(grep -c "without the Urdu-English lexicon" "$work/err") -eq 1 ]] || fail "en-ur align: one warning ($(cat "$work/err"))"

# zh-ur meets through English: both setup dictionaries serve it, and each
# that is missing is named once, for that pair.
TALIGN_CEDICT=$work/none.u8 TALIGN_UR_EN=$work/none.tsv "$talign" align "$corpus/readout.zh.txt" "$corpus/readout.ur.txt" \
  -o "$work/b.jsonl" 2>"$work/err"
[[ $(grep -c "Chinese-Urdu (through English) is aligned and checked without" "$work/err") -eq 2 ]] ||
  fail "zh-ur: both missing dictionaries named for the pair ($(cat "$work/err"))"
TALIGN_UR_EN=$work/none.tsv "$talign" align "$corpus/readout.zh.txt" "$corpus/readout.ur.txt" -o "$work/c.jsonl" 2>"$work/err"
[[ $(grep -c "without the Urdu-English lexicon" "$work/err") -eq 1 ]] || fail "zh-ur: the missing one named ($(cat "$work/err"))"
grep -q "without CC-CEDICT" "$work/err" && fail "zh-ur: CC-CEDICT is there"

finish "missing dictionaries"
