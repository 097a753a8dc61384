#!/usr/bin/env bash
# The exports a corpus builder reads from Python:
#   - jsonl "chars" spans slice a Python str exactly where "spans" slice the
#     bytes, and --with-text carries the same text (BOM, CRLF, 4-byte
#     characters, Urdu and Chinese);
#   - --pairs writes the three pairwise projections of a 3-way alignment,
#     each a bilingual file that covers both versions in order, with the
#     beads of the 3-way file restricted to the pair;
#   - the refusals: --with-text for another format, --pairs without three
#     inputs or -o, a pair name that is a directory or an input.
#   bash tests/e2e/tidy_exports.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
root=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
corpus=$root/corpora

# A set whose byte and code-point offsets differ in every way they can.
printf '\xEF\xBB\xBFOpening \xF0\x9F\x8C\x8F remarks.\r\n\r\nThe 2 sides agreed on \xE2\x80\x9Cpeace\xE2\x80\x9D.\r\n' >"$tmp/s.en.txt"
printf '\xE5\xBC\x80\xE5\xB9\x95\xE8\x87\xB4\xE8\xBE\x9E\xF0\x9F\x8C\x8F\xE3\x80\x82\n\n\xE5\x8F\x8C\xE6\x96\xB9\xE5\x90\x8C\xE6\x84\x8F\xE5\x92\x8C\xE5\xB9\xB3\xE3\x80\x82\n' >"$tmp/s.zh.txt"

check_chars() {  # FILE.jsonl INPUT...: chars and text against Python's own slicing
  python3 - "$@" <<'EOF' || fail "jsonl chars/text do not match the inputs ($1)"
import json, sys
path, inputs = sys.argv[1], sys.argv[2:]
lines = open(path, encoding="utf-8").read().splitlines()
header = json.loads(lines[0])
langs = header["languages"]
raw = {lang: open(f, "rb").read() for lang, f in zip(langs, inputs)}
text = {lang: b.decode("utf-8") for lang, b in raw.items()}
beads = 0
for line in lines[1:]:
    bead = json.loads(line)
    beads += 1
    for lang in langs:
        spans, chars, texts = bead["spans"][lang], bead["chars"][lang], bead["text"][lang]
        assert len(spans) == len(chars) == len(texts) == len(bead[lang]), bead
        for (b0, b1), (c0, c1), t in zip(spans, chars, texts):
            by_bytes = raw[lang][b0:b1].decode("utf-8")
            assert by_bytes == text[lang][c0:c1] == t, (lang, by_bytes, text[lang][c0:c1], t)
assert beads > 0
EOF
}

expect 0 "" -- align "$tmp/s.en.txt" "$tmp/s.zh.txt" --format jsonl --with-text -o "$tmp/s.jsonl"
check_chars "$tmp/s.jsonl" "$tmp/s.en.txt" "$tmp/s.zh.txt"
grep -q '"chars":{"en":\[\[1,' "$tmp/s.jsonl" || fail "the BOM is one code point before the first sentence"
expect 0 "" -- align "$corpus/readout.en.txt" "$corpus/readout.zh.txt" "$corpus/readout.ur.txt" \
  --format jsonl --with-text -o "$tmp/r.jsonl"
check_chars "$tmp/r.jsonl" "$corpus/readout.en.txt" "$corpus/readout.zh.txt" "$corpus/readout.ur.txt"
# Without --with-text the beads carry no text, and chars are always there.
expect 0 "" -- align "$tmp/s.en.txt" "$tmp/s.zh.txt" --format jsonl
grep -q '"text"' "$tmp/out" && fail "jsonl without --with-text carries text"
grep -q '"chars"' "$tmp/out" || fail "jsonl without --with-text lacks chars"

# --pairs: each projection is the 3-way beads restricted to the pair.
three=("$corpus/readout.en.txt" "$corpus/readout.zh.txt" "$corpus/readout.ur.txt")
expect 0 "" -- align "${three[@]}" --format jsonl -o "$tmp/three.jsonl"
expect 0 "" -- align "${three[@]}" --format jsonl --pairs -o "$tmp/p.jsonl"
for pair in en-zh en-ur zh-ur; do [[ -s $tmp/p.$pair.jsonl ]] || fail "--pairs did not write p.$pair.jsonl"; done
[[ -e $tmp/p.jsonl ]] && fail "--pairs also wrote the 3-way file"
python3 - "$tmp" <<'EOF' || fail "a pairwise projection is not the 3-way alignment restricted to its pair"
import json, sys
d = sys.argv[1]
def beads(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    return json.loads(lines[0]), [json.loads(l) for l in lines[1:]]
h3, b3 = beads(f"{d}/three.jsonl")
for a, b in (("en", "zh"), ("en", "ur"), ("zh", "ur")):
    h, got = beads(f"{d}/p.{a}-{b}.jsonl")
    assert h["languages"] == [a, b], h["languages"]
    want = [(x[a], x[b], x["score"]) for x in b3 if x[a] or x[b]]
    assert [(x[a], x[b], x["score"]) for x in got] == want, (a, b)
    for lang, n in zip((a, b), h["config"]["sentences"]):
        assert [i for x in got for i in x[lang]] == list(range(n)), lang
EOF
expect 0 "" -- align "${three[@]}" --format tmx --pairs -o "$tmp/p.tmx"
for pair in en-zh en-ur zh-ur; do
  langs=$(grep -o 'xml:lang="[a-z]*"' "$tmp/p.$pair.tmx" | sort -u | tr -d '\n')
  [[ $langs == "xml:lang=\"${pair%-*}\"xml:lang=\"${pair#*-}\"" ]] ||
    [[ $langs == "xml:lang=\"${pair#*-}\"xml:lang=\"${pair%-*}\"" ]] || fail "p.$pair.tmx has languages $langs"
done
# A bilingual TMX reader (translate-toolkit, installed by tools/setup-deps.sh)
# takes a unit's first two <tuv> as source and target: in a 3-way TMX a
# bead without Chinese reads as English→Urdu; in the en-zh pair file, never.
py=$(python_with translate.storage.tmx)
if [[ -z $py ]]; then
  fail "no python3 can import translate (tools/setup-deps.sh installs python3-translate)"
else
  divergent=("$corpus/readout-divergent.en.txt" "$corpus/readout-divergent.zh.txt" "$corpus/readout-divergent.ur.txt")
  expect 0 "" -- align "${divergent[@]}" --format tmx -o "$tmp/div.tmx"
  expect 0 "" -- align "${divergent[@]}" --format tmx --pairs -o "$tmp/div-pair.tmx"
  "$py" - "$tmp/div.tmx" "$tmp/div-pair.en-zh.tmx" <<'PY' || fail "a bilingual reader misreads the --pairs TMX"
import sys
from translate.storage import tmx
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
def misread(path):
    units = tmx.tmxfile.parsefile(path).units
    return sum(1 for u in units if [n.get(LANG) for n in u.getlanguageNodes()][1:2] not in ([], ["zh"])), len(units)
three, pair = misread(sys.argv[1]), misread(sys.argv[2])
assert three[0] > 0, f"the 3-way TMX has no bead without Chinese: the test proves nothing ({three})"
assert pair[0] == 0 and pair[1] > 0, pair
PY
fi
expect 0 "" -- align "${three[@]}" --format ladder --pairs -o "$tmp/ladder"
[[ -s $tmp/ladder.en-ur ]] || fail "--pairs on a name without extension: no ladder.en-ur"

# batch --with-text: the same beads with their text, and a resumed batch
# that changes it rewrites the sets (it is part of the settings).
mkdir -p "$tmp/archive"
cp "$corpus"/readout.{en,zh,ur}.txt "$tmp/archive/"
expect 0 "" -- batch "$tmp/archive" --out "$tmp/batch" --no-timings --jobs 1
grep -q '"text"' "$tmp/batch/readout.align.jsonl" && fail "batch without --with-text wrote text"
expect 0 "" -- batch "$tmp/archive" --out "$tmp/batch" --no-timings --jobs 1 --resume --with-text
check_chars "$tmp/batch/readout.align.jsonl" "${three[@]}"
expect 2 "with-text is for JSON lines" -- batch "$tmp/archive" --out "$tmp/batch2" --format tmx --with-text
[[ -e $tmp/batch2 ]] && fail "a refused batch created its --out"

# Refusals, each before anything is written.
expect 2 "with-text is for JSON lines" -- align "${three[@]}" --format tmx --with-text
expect 2 "pairs needs 3 inputs" -- align "$corpus/readout.en.txt" "$corpus/readout.zh.txt" --pairs -o "$tmp/two.tmx"
expect 2 "pairs needs 3 inputs" -- align "${three[@]}" --pairs
expect 2 "pairs needs 3 inputs" -- align "${three[@]}" --pairs -o -
mkdir -p "$tmp/d.zh-ur.tmx"
expect 2 "d.zh-ur.tmx: is a directory" -- align "${three[@]}" --pairs -o "$tmp/d.tmx"
[[ -e $tmp/d.en-zh.tmx ]] && fail "a refused --pairs wrote its first pair"
cp "$corpus/readout.en.txt" "$tmp/in.en-ur.txt"
expect 2 "is the input" -- align "$tmp/in.en-ur.txt" "${three[1]}" "${three[2]}" --langs en,zh,ur --pairs -o "$tmp/in.txt"
cmp -s "$tmp/in.en-ur.txt" "$corpus/readout.en.txt" || fail "--pairs overwrote an input"
expect 2 "are both en" -- align "${three[@]}" --langs en,en,ur --pairs -o "$tmp/same.tmx"

finish tidy_exports
