#!/usr/bin/env bash
# talign check FILE.xlf / FILE.tmx end to end: the units of XLIFF 1.2,
# XLIFF 2.0 and TMX files (tests/data/cat/) are checked as aligned and every
# finding names its unit in JSON, TSV, text and HTML; talign's own TMX
# round-trips; the format comes from the content, not the name; XML given as
# text is refused; hostile files end with a message naming file and line.
#   bash tests/e2e/cat_files.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
src=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
d=$src/tests/data/cat
c=$src/corpora

# Findings with their units, in every format.
expect 1 '' -- check "$d/statement.en-zh.xlf" --format json
python3 - "$tmp/out" <<'PY' || fail "XLIFF 1.2 JSON findings"
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert [i["lang"] for i in d["inputs"]] == ["en-US", "zh-CN"], d["inputs"]
got = [(f["type"], f["lang"], f["unit"]) for f in d["findings"]]
assert got == [("deprecated-term", "zh-CN", "u2"), ("omission", "zh-CN", "u4")], got
dep = d["findings"][0]
assert dep["evidence"] == "一带一路战略" and dep["concept"] == "belt_and_road_initiative", dep
assert list(dep)[4:6] == ["bead", "unit"], list(dep)
PY
expect 1 '' -- check "$d/statement.en-ur.xlf" --format json
python3 - "$tmp/out" <<'PY' || fail "XLIFF 2.0 JSON findings"
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
got = [(f["type"], f["lang"], f["unit"]) for f in d["findings"]]
assert got == [("deprecated-term", "ur-PK", "p2"), ("omission", "ur-PK", "p3")], got
PY
expect 1 '' -- check "$d/statement.tmx" --format tsv
python3 - "$tmp/out" <<'PY' || fail "TMX TSV findings"
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding='utf-8')]
head = rows[0]
assert head[:11] == "bead type severity concept lang sentences spans lines evidence expected message".split(), head
assert head[-1] == "unit", head
got = [(r[1], r[4], r[-1]) for r in rows[1:]]
assert got == [("deprecated-term", "zh-CN", "t2"), ("omission", "ur", "t4")], got
PY
expect 1 '' -- check "$d/statement.tmx"
grep -qF "unit t4" "$tmp/out" || fail "text report without the unit: $(head -5 "$tmp/out")"
expect 1 '' -- check "$d/statement.en-zh.xlf" --format html -o "$tmp/r.html"
grep -qF '<bdi dir="ltr">u2</bdi>' "$tmp/r.html" || fail "HTML report without the unit"
expect 1 '' -- --ui-lang zh check "$d/statement.en-zh.xlf"
grep -qF "翻译单元 u2" "$tmp/out" || fail "Chinese UI without the unit label: $(grep -m1 u2 "$tmp/out")"

# --source overrides the file's source language; --fail-on as for text.
expect 1 '' -- check "$d/statement.en-zh.xlf" --source zh --format json
grep -qF '"omission"' "$tmp/out" || fail "--source zh: the omission is gone"
expect 0 '' -- check "$d/statement.en-zh.xlf" --fail-on warning,number-mismatch
expect_text 2 'has no version in that language' -- check "$d/statement.en-zh.xlf" --source ur
expect_text 2 '--langs does not apply' -- check "$d/statement.en-zh.xlf" --langs en
expect 1 '' -- check "$d/statement.en-ur.xlf" --presegmented --format json
grep -qF '"unit":"p3"' "$tmp/out" || fail "--presegmented: no finding in unit p3"

# The format comes from the content: any name, standard input, a BOM.
cp "$d/statement.tmx" "$tmp/statement.txt"
expect 1 '' -- check "$tmp/statement.txt" --format json
grep -qF '"unit":"t2"' "$tmp/out" || fail "TMX named .txt not read as TMX"
expect 1 '' -- check - --format json <"$d/statement.en-zh.xlf"
grep -qF '"unit":"u4"' "$tmp/out" || fail "XLIFF on stdin"
{ printf '\xEF\xBB\xBF'; cat "$d/statement.en-ur.xlf"; } >"$tmp/bom.xlf"
expect 1 '' -- check "$tmp/bom.xlf"
sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$d/statement.en-zh.xlf" | iconv -f UTF-8 -t UTF-16 >"$tmp/utf16.xlf"
expect 1 '' -- check "$tmp/utf16.xlf" --format json
grep -qF '"unit":"u4"' "$tmp/out" || fail "UTF-16 XLIFF (with its byte order mark)"
name=$(printf 'caf\xe9.xlf')  # a file name that is not UTF-8
cp "$d/statement.en-zh.xlf" "$tmp/$name"
expect 1 '' -- check "$tmp/$name"

# talign's own TMX round-trips, with the findings of the text check.
expect 0 '' -- align "$c/readout-divergent.en.txt" "$c/readout-divergent.zh.txt" "$c/readout-divergent.ur.txt" \
  --format tmx -o "$tmp/x.tmx"
expect 1 '' -- check "$tmp/x.tmx" --format json
cp "$tmp/out" "$tmp/from-tmx.json"
expect 1 '' -- check "$c/readout-divergent.en.txt" "$c/readout-divergent.zh.txt" "$c/readout-divergent.ur.txt" --format json
python3 - "$tmp/from-tmx.json" "$tmp/out" <<'PY' || fail "TMX round trip"
import json, sys
tmx = json.load(open(sys.argv[1], encoding='utf-8'))
text = json.load(open(sys.argv[2], encoding='utf-8'))
assert all("unit" in f for f in tmx["findings"])
assert all("unit" not in f for f in text["findings"])
key = lambda f: (f["type"], f["lang"], f["evidence"])
assert sorted(map(key, tmx["findings"])) == sorted(map(key, text["findings"])), (tmx["findings"], text["findings"])
PY

# XML where text is expected is never aligned as text.
expect_text 2 "pass it alone to 'talign check" -- align "$d/statement.tmx" "$c/readout.zh.txt"
expect_text 2 "pass it alone to 'talign check" -- check "$c/readout.en.txt" "$d/statement.en-zh.xlf"
printf '<?xml version="1.0"?>\n<html><body>Text.</body></html>\n' >"$tmp/page.txt"
expect_text 2 'is an XML document, not text' -- align "$tmp/page.txt" "$c/readout.zh.txt"
expect_text 2 "pass it alone to 'talign check" -- segment "$d/statement.en-zh.xlf"
expect_text 2 'or one XLIFF or TMX file' -- check "$c/readout.en.txt"

# Hostile and broken files: a message with file and line, exit 2, no hang.
bad() {  # bad NAME CONTENT EXPECTED_STDERR
  printf '%s' "$2" >"$tmp/$1"
  expect_text 2 "$3" -- check "$tmp/$1"
}
bad empty.xlf '' 'empty.xlf is text'
bad broken.xlf $'<?xml version="1.0"?>\n<xliff version="1.2">\n<file source-language="en" target-language="zh">\n<body>\n</xliff>\n' \
  'broken.xlf:5: malformed XML'
bad bomb.xlf $'<?xml version="1.0"?>\n<!DOCTYPE xliff [\n <!ENTITY a "aaaaaaaaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<xliff version="1.2"/>\n' \
  'bomb.xlf:3: the document type declares an entity'
bad external.tmx $'<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>\n' \
  'external.tmx:1: the document type declares an entity'
bad notarget.xlf $'<xliff version="1.2">\n<file source-language="en">\n<body><trans-unit id="1"><source>A.</source></trans-unit></body></file></xliff>\n' \
  'notarget.xlf:2: <file> has no target-language'
bad noid.xlf $'<xliff version="1.2"><file source-language="en" target-language="zh"><body>\n\n<trans-unit><source>A.</source></trans-unit></body></file></xliff>\n' \
  'noid.xlf:3: trans-unit without id'
bad dup.xlf $'<xliff version="2.0" srcLang="en" trgLang="zh"><file id="f">\n<unit id="a"><segment><source>A.</source></segment></unit>\n<unit id="a"><segment><source>B.</source></segment></unit></file></xliff>\n' \
  "dup.xlf:3: duplicate id 'a' (first at line 2)"
bad one.tmx '<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>A.</seg></tuv></tu></body></tmx>' \
  'one.tmx: 1 language (en); check takes 2 or 3'
bad four.tmx '<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>A.</seg></tuv><tuv xml:lang="zh"><seg>甲</seg></tuv><tuv xml:lang="ur"><seg>ا</seg></tuv><tuv xml:lang="fr"><seg>A.</seg></tuv></tu></body></tmx>' \
  'four.tmx: 4 languages (en, zh, ur, fr); check takes 2 or 3'
bad klingon.tmx $'<tmx version="1.4"><body>\n<tu><tuv xml:lang="en"><seg>A.</seg></tuv><tuv xml:lang="tlh"><seg>A.</seg></tuv></tu></body></tmx>' \
  "klingon.tmx:2: unknown language tag 'tlh'"
bad nul.tmx $'<tmx version="1.4"><body>\n<tu><tuv xml:lang="en"><seg>A&#0;.</seg></tuv><tuv xml:lang="zh"><seg>甲</seg></tuv></tu></body></tmx>' \
  'nul.tmx:2: <seg> contains U+0000'
printf '<xliff version="1.2">\xff</xliff>' >"$tmp/latin.xlf"
expect_text 2 'invalid UTF-8' -- check "$tmp/latin.xlf"
expect_text 2 'larger than' -- check "$d/statement.tmx" --max-input-size 1K

# A huge segment (4 MB, one unit) is read and checked in linear time; the
# deprecated term of its target is found there.
python3 - "$tmp/huge.xlf" <<'PY'
import sys
body = "The two countries signed 15 agreements. " * 100000
open(sys.argv[1], "w").write('<xliff version="1.2"><file source-language="en" target-language="zh"><body>'
  '<trans-unit id="big"><source>' + body + '</source><target>两国签署了15项协议，推进一带一路战略。</target></trans-unit>'
  '</body></file></xliff>')
PY
E2E_TIMEOUT=120 expect 1 '' -- check "$tmp/huge.xlf" --format tsv
grep -qP '\tbig$' "$tmp/out" || fail "huge segment: no finding in unit big"

finish cat_files
