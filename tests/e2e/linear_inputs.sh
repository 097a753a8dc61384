#!/usr/bin/env bash
# Inputs that made a stage super-linear or abort (talign issue 11), each at a
# size the old code could not finish within ctest's timeout (or crashed on),
# each with its correct result asserted:
#   - one ~1 MB sentence with 30,000 term hits, checked to HTML: well-formed
#     markup, one mark per hit, one deprecated-term finding for the 10,000
#     uses of one deprecated rendering;
#   - 100,000 combining marks of alternating canonical classes on one letter
#     (English, Chinese, Urdu): terms and sentences at their exact bytes;
#   - numbers no double holds (500 digits, 10^400 with a scale word);
#   - presegmented files of blank, one-letter and identical lines.
# Inputs are generated here, never committed. Tests assert results, not time.
#   bash tests/e2e/linear_inputs.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run() {  # run WANT_EXIT DESCRIPTION -- COMMAND...: stdout in $tmp/out
  local want=$1 what=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "$what: exit $got, expected $want"; sed 's/^/  stderr: /' "$tmp/err" | head -5
    return 1
  fi
}
cd "$src" || exit 2

# --- One sentence of ~1 MB with 30,000 term hits, to HTML -------------------
python3 - "$tmp" <<'PY'
import sys
n = 10000
d = sys.argv[1]
open(f"{d}/one.en.txt", "w").write(
    "We build a community with a shared future for mankind and reject the community of common destiny, " * n
    + "together.\n")
open(f"{d}/one.zh.txt", "w").write("构建人类命运共同体，" * n + "携手前行。\n")
PY
if run 1 "one-sentence html" -- "$talign" check --format html "$tmp/one.en.txt" "$tmp/one.zh.txt"; then
  python3 - "$tmp/out" <<'PY' || fails=$((fails + 1))
import re, sys
from html.parser import HTMLParser
page = open(sys.argv[1], encoding="utf-8").read()
body = page[page.index("<tbody>") + len("<tbody>"):page.index("</tbody>")]

class Nesting(HTMLParser):
    """Every element of the table body closed in order (void elements aside)."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

p = Nesting()
p.feed(body)
assert not p.errors, p.errors[:3]
assert p.stack == [], p.stack[-3:]
terms = re.findall(r'class="t st-(\w+)"', body)
assert terms.count("preferred") == 20000, terms.count("preferred")   # 10,000 per version
assert terms.count("deprecated") == 10000, terms.count("deprecated")
assert body.count('class="fm ') == 10000, body.count('class="fm ')  # the finding at each use
assert body.count('class="fx"') == 10000, body.count('class="fx"')  # its evidence in Chinese
assert body.count('id="f-') == 1, body.count('id="f-')              # one anchor: one finding
PY
fi
run 1 "one-sentence json" -- "$talign" check --format json "$tmp/one.en.txt" "$tmp/one.zh.txt" &&
python3 - "$tmp/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
types = [f["type"] for f in d["findings"]]
assert types == ["deprecated-term"], types
PY

# --- 100,000 combining marks on one letter ------------------------------------
# Each storm is followed by a termbase term, whose byte span must be exact.
python3 - "$tmp" <<'PY'
import sys
d, n = sys.argv[1], 100000
def storm(a, b):
    return "".join(a if i % 2 == 0 else b for i in range(n))
en = ("The two sides agreed. Xa" + storm("\u0301", "\u0316") + " stays.\n"
      "They back the Belt and Road Initiative and a community with a shared future for mankind.\n")
zh = "双方同意。中" + storm("\u0301", "\u0316") + "文。\n双方支持一带一路倡议和人类命运共同体。\n"
# Urdu harakat are dropped from keys: the term matches with the storm on its
# last letter, and its span must reach the end of the storm.
ur = ("دونوں فریقوں نے اتفاق کیا۔ ب" + storm("\u0651", "\u064E") + " ہے۔\n"
      "وہ بی آر آئی اور بنی نوع انسان کا ہم نصیب معاشرہ" + storm("\u0651", "\u064E") + " کی حمایت کرتے ہیں۔\n")
for lang, text in (("en", en), ("zh", zh), ("ur", ur)):
    open(f"{d}/storm.{lang}.txt", "w", encoding="utf-8").write(text)
    b = text.encode("utf-8")
    # Each term's bytes, then the marks that follow it (they belong to its last letter).
    terms = {"en": [("Belt and Road Initiative", ""), ("community with a shared future for mankind", "")],
             "zh": [("一带一路倡议", ""), ("人类命运共同体", "")],
             "ur": [("بی آر آئی", ""), ("بنی نوع انسان کا ہم نصیب معاشرہ", storm("\u0651", "\u064E"))]}[lang]
    with open(f"{d}/storm.{lang}.span", "w") as out:
        for term, marks in terms:
            begin = b.index(term.encode("utf-8"))
            out.write(f"{begin}\t{begin + len((term + marks).encode('utf-8'))}\n")
PY
for l in en zh ur; do
  if run 0 "terms on a mark storm ($l)" -- "$talign" terms --lang "$l" "$tmp/storm.$l.txt"; then
    want=$(cat "$tmp/storm.$l.span")
    got=$(cut -f2,3 "$tmp/out")
    [[ "$got" == "$want" ]] || fail "mark storm ($l): term at [$got], expected [$want]"
  fi
  if run 0 "segment a mark storm ($l)" -- "$talign" segment --lang "$l" --format jsonl "$tmp/storm.$l.txt"; then
    python3 - "$tmp/out" "$tmp/storm.$l.txt" <<'PY' || fails=$((fails + 1))
import json, sys
doc = open(sys.argv[2], "rb").read()
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) >= 2, len(rows)
for r in rows:  # offsets are exact: the bytes there are the text
    assert doc[r["begin"]:r["end"]].decode("utf-8") == r["text"], r["index"]
assert rows[-1]["end"] == len(doc.rstrip(b"\n")), (rows[-1]["end"], len(doc))
PY
  fi
done
# The three versions agree, storms and all.
run 0 "check on mark storms" -- "$talign" check "$tmp/storm.en.txt" "$tmp/storm.zh.txt" "$tmp/storm.ur.txt" ||
  sed 's/^/  /' "$tmp/out" | cut -c1-160 | grep -v "^  *[a-z][a-z] *\[" | head -20

# --- Numbers no double holds --------------------------------------------------
d500=$(printf '7%.0s' $(seq 500))
z400=$(printf '0%.0s' $(seq 400))
printf 'The total was %s yuan. It grew by 1%s billion. The rate was 0.%s1 percent.\n' "$d500" "$z400" "$z400" >"$tmp/big.en.txt"
printf '总额为%s元。增长了1%s0亿。比率为百分之0.%s1。\n' "$d500" "$z400" "$z400" >"$tmp/big.zh.txt"
run 0 "the same huge numbers agree" -- "$talign" check --format json "$tmp/big.en.txt" "$tmp/big.zh.txt"
printf '总额为%s8元。增长了1%s亿。比率为百分之0.%s1。\n' "${d500:1}" "$z400" "$z400" >"$tmp/other.zh.txt"
if run 1 "different huge numbers disagree" -- "$talign" check --format json "$tmp/big.en.txt" "$tmp/other.zh.txt"; then
  python3 - "$tmp/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
f = [x for x in d["findings"] if x["type"] == "number-mismatch"]
assert len(f) == 2, [x["message"] for x in d["findings"]]   # the 500-digit total, 10^408 for 10^409
assert all(x["lang"] == "zh" for x in f), f
PY
fi
run 0 "huge numbers in terms" -- "$talign" terms "$tmp/big.en.txt"

# --- Presegmented: blank, one-letter and identical lines ----------------------
n=5000
for kind in blank letter same; do
  case $kind in
    blank) line="" ;;
    letter) line="x" ;;
    same) line="The two sides agreed." ;;
  esac
  awk -v n="$n" -v l="$line" 'BEGIN { for (i = 0; i < n; i++) print l }' >"$tmp/$kind.txt"
  if run 0 "align --presegmented $kind lines" -- "$talign" align --presegmented --langs en,zh --format jsonl "$tmp/$kind.txt" "$tmp/$kind.txt"; then
    # Identical inputs align 1-1, in order.
    python3 - "$tmp/out" "$n" <<'PY' || { echo "  ($kind)"; fails=$((fails + 1)); }
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")][1:]  # after the header
n = int(sys.argv[2])
assert len(rows) == n, len(rows)
for k, r in enumerate(rows):
    assert r["en"] == [k] and r["zh"] == [k], r
PY
  fi
  run 0 "segment $kind lines" -- "$talign" segment --lang en "$tmp/$kind.txt"
  run 0 "check --presegmented $kind lines" -- "$talign" check --presegmented --langs en,zh "$tmp/$kind.txt" "$tmp/$kind.txt"
done

if ((fails > 0)); then
  echo "$fails failed"
  exit 1
fi
echo "linear inputs: all passed"
