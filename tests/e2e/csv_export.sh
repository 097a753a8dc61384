#!/usr/bin/env bash
# Spreadsheet exports read back by the readers people use: align --format
# tsv|csv and check --format tsv|csv on the bundled corpus and on a set full
# of quotes, tabs, commas and formulas, read with Python's csv module and with
# pandas' defaults (read_csv(path), read_csv(path, sep="\t")): as many rows and
# columns as the JSON has beads and findings, and the text comes back.
#   bash tests/e2e/csv_export.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# tools/setup-deps.sh installs Debian's python3-pandas; a python3 of its own
# earlier on PATH (pyenv, a venv) does not see it, /usr/bin/python3 does.
py=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import pandas' 2>/dev/null; then py=$candidate; break; fi
done
if [[ -z $py ]]; then
  echo "FAIL: no python3 can import pandas (tools/setup-deps.sh installs python3-pandas)" >&2
  exit 1
fi

# Our own set: a sentence that opens with a quote, a tab and a line break
# inside a sentence, commas, straight quotes in Chinese and Urdu, cells Excel
# would run (=, +, -, @) and an English sentence the others lack.
printf '%s %s\n\n%s\t%s\n\n%s\n\n%s\n' \
  '"We will never forget China'"'"'s help," the Prime Minister said.' 'He thanked the hosts.' \
  'Trade grew by 3.5 percent,' 'and exports reached "record" levels.' \
  '=SUM(A1:A9) is what a spreadsheet would run, -5 a number and @once a mention.' \
  'The visit ends today with a visit to the "Great Wall",
and a banquet.' >"$work/q.en.txt"
printf '%s\t%s\n\n%s\n\n%s\n' \
  '总理说："我们永远不会忘记中国的帮助。"' '他感谢东道主。' \
  '贸易增长3.5%，出口达到"创纪录"水平。' \
  '=SUM(A1:A9)是电子表格会运行的公式，-5是数字，@once是提及。' >"$work/q.zh.txt"
printf '%s\n\n%s\n\n%s\n' \
  'وزیر اعظم نے کہا: "ہم چین کی مدد کبھی نہیں بھولیں گے۔" انہوں نے میزبانوں کا شکریہ ادا کیا۔' \
  'تجارت میں 3.5 فیصد اضافہ ہوا اور برآمدات "ریکارڈ" سطح پر پہنچ گئیں۔' \
  '+ یہ فارمولا نہیں ہے۔' >"$work/q.ur.txt"

sets=("$work/q")
for en in "$root"/corpora/*.en.txt; do sets+=("${en%.en.txt}"); done

run() {  # run OUT ALLOWED_EXIT_CODES COMMAND...: stdout to OUT
  local out=$1 allowed=$2; shift 2
  "$@" >"$out" 2>"$work/err"
  local rc=$?
  [[ " $allowed " == *" $rc "* ]] || fail "$* exited $rc: $(head -3 "$work/err")"
}

for s in "${sets[@]}"; do
  b=$work/$(basename "$s")
  # Two versions too for our own set (the corpus's three are enough there:
  # the sanitizer run of this test is slow).
  pairs=("en zh ur")
  [[ $s == "$work/q" ]] && pairs+=("en zh")
  for inputs in "${pairs[@]}"; do
    files=()
    for l in $inputs; do files+=("$s.$l.txt"); done
    o=$b.${inputs// /-}
    run "$o.jsonl" 0 "$talign" align --format jsonl "${files[@]}"
    run "$o.align.tsv" 0 "$talign" align --format tsv "${files[@]}"
    run "$o.align.csv" 0 "$talign" align --format csv "${files[@]}"
    run "$o.align.excel.csv" 0 "$talign" align --format csv --excel "${files[@]}"
    run "$o.json" "0 1" "$talign" check --format json "${files[@]}"
    run "$o.findings.tsv" "0 1" "$talign" check --format tsv "${files[@]}"
    run "$o.findings.csv" "0 1" "$talign" check "${files[@]}" -o /dev/stdout --format csv
    run "$o.findings.excel.csv" "0 1" "$talign" check --format csv --excel "${files[@]}"
    echo "$o" >>"$work/outputs"
  done
done

# -o FILE.csv chooses csv; --excel with another format is an error.
"$talign" check "$work/q.en.txt" "$work/q.zh.txt" -o "$work/inferred.csv" 2>"$work/err"
cmp -s "$work/inferred.csv" "$work/q.en-zh.findings.csv" || fail "check -o x.csv did not write the csv"
"$talign" check "$work/q.en.txt" "$work/q.zh.txt" --format tsv --excel >/dev/null 2>"$work/err"
[[ $? == 2 ]] && grep -q -- "--excel is for CSV output" "$work/err" || fail "check --format tsv --excel: $(cat "$work/err")"
"$talign" check "$work/q.en.txt" "$work/q.zh.txt" -o "$work/x.html" --excel >/dev/null 2>"$work/err"
[[ $? == 2 ]] || fail "check -o x.html --excel was not refused"

cat >"$work/verify.py" <<'PY'
import csv, json, re, sys
import pandas as pd

failures = []
def check(ok, what):
    if not ok:
        failures.append(what)

def one_line(text):  # what the TSV writes: tabs and line breaks become spaces
    return re.sub(r"\r\n|[\r\n\t]", " ", text)

def for_excel(text):  # what --excel writes: formulas neutralised
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

def rows(path, **kw):
    with open(path, newline="", encoding=kw.pop("encoding", "utf-8")) as f:
        return list(csv.reader(f, **kw))

def column(df, name):  # pandas reads empty cells as NaN
    return ["" if pd.isna(v) else str(v) for v in df[name]]

quotes_seen = tabs_seen = 0
for o in open(sys.argv[1]).read().split():
    lines = open(o + ".jsonl", encoding="utf-8").read().splitlines()
    header = json.loads(lines[0])
    tags = header["languages"]
    data = {t: open(p, "rb").read() for t, p in zip(tags, header["inputs"])}
    beads = [json.loads(l) for l in lines[1:]]
    texts = {t: [" ".join(data[t][b:e].decode("utf-8") for b, e in bead["spans"][t]) for bead in beads] for t in tags}
    scores = ["%.4f" % bead["score"] for bead in beads]
    names = ["bead", "score"] + tags

    for path, kw, expect in ((o + ".align.csv", {}, lambda t: t),
                             (o + ".align.tsv", {"delimiter": "\t"}, one_line),
                             (o + ".align.excel.csv", {"encoding": "utf-8-sig"}, for_excel)):
        got = rows(path, **dict(kw))
        check(len(got) == 1 + len(beads), f"{path}: {len(got)} rows for {len(beads)} beads")
        check(got[0] == names, f"{path}: header {got[0]}")
        check(all(len(r) == len(names) for r in got), f"{path}: a row without {len(names)} columns")
        for k, r in enumerate(got[1:]):
            check(r[:2] == [str(k), scores[k]], f"{path}: row {k + 1} is {r[:2]}, not bead {k} {scores[k]}")
            for i, t in enumerate(tags):
                check(r[2 + i] == expect(texts[t][k]), f"{path}: bead {k} {t}: {r[2 + i]!r} != {expect(texts[t][k])!r}")
        # pandas with its defaults: the same rows, columns and text.
        sep = kw.get("delimiter", ",")
        df = pd.read_csv(path) if sep == "," else pd.read_csv(path, sep="\t")
        check(df.shape == (len(beads), len(names)), f"pandas {path}: shape {df.shape}, {len(beads)} beads")
        check(list(df.columns) == names, f"pandas {path}: columns {list(df.columns)}")
        check(list(df["bead"]) == list(range(len(beads))), f"pandas {path}: bead column")
        for t in tags:
            check(column(df, t) == [expect(x) for x in texts[t]], f"pandas {path}: the {t} texts differ")
    with open(o + ".align.tsv", encoding="utf-8") as f:
        tsv = f.read()
    check(tsv.count("\n") == 1 + len(beads), f"{o}.align.tsv: not one line per row")
    quotes_seen += '""' in tsv
    tabs_seen += "\t" in open(o + ".align.csv", encoding="utf-8").read()

    report = json.load(open(o + ".json", encoding="utf-8"))
    findings = report["findings"]
    csv_names = ["bead", "type", "severity", "lang", "concept", "preferred", "lines", "evidence", "expected",
                 "message", "fingerprint"] + ["text_" + t for t in tags]
    tsv_names = ["bead", "type", "severity", "concept", "lang", "sentences", "spans", "lines", "evidence",
                 "expected", "message", "fingerprint"] + ["text_" + t for t in tags]
    tables = {}
    for path, kw, names, expect in ((o + ".findings.csv", {}, csv_names, lambda t: t),
                                    (o + ".findings.tsv", {"delimiter": "\t"}, tsv_names, one_line),
                                    (o + ".findings.excel.csv", {"encoding": "utf-8-sig"}, csv_names, for_excel)):
        got = rows(path, **dict(kw))
        tables[path] = got
        check(len(got) == 1 + len(findings), f"{path}: {len(got)} rows for {len(findings)} findings")
        check(got[0] == names, f"{path}: header {got[0]}")
        check(all(len(r) == len(names) for r in got), f"{path}: a row without {len(names)} columns")
        for f, r in zip(findings, got[1:]):
            cell = dict(zip(names, r))
            check(cell["bead"] == str(f["bead"]) and cell["type"] == f["type"] and cell["lang"] == f["lang"],
                  f"{path}: {r[:5]} is not finding {f['bead']} {f['type']}")
            check(cell["concept"] == expect(f["concept"] or ""), f"{path}: concept {cell['concept']!r}")
            check(cell["evidence"] == expect(f["evidence"]), f"{path}: evidence {cell['evidence']!r} != {f['evidence']!r}")
            check(cell["expected"] == expect(" | ".join(f["expected"])), f"{path}: expected {cell['expected']!r}")
            check(cell["message"] == expect(f["message"]), f"{path}: message {cell['message']!r}")
            check(cell["fingerprint"] == f["fingerprint"], f"{path}: fingerprint {cell['fingerprint']}")
            where = " ".join(f"{t}:{f['line'][t]}:{f['column'][t]}" for t in tags if t in f.get("line", {}))
            check(cell["lines"] == where, f"{path}: lines {cell['lines']!r} != {where!r}")
            if "preferred" in cell:
                check(f["concept"] is not None or cell["preferred"] == "", f"{path}: a preferred term without a concept")
        sep = kw.get("delimiter", ",")
        df = pd.read_csv(path) if sep == "," else pd.read_csv(path, sep="\t")
        check(df.shape == (len(findings), len(names)), f"pandas {path}: shape {df.shape}, {len(findings)} findings")
        check(list(df.columns) == names, f"pandas {path}: columns {list(df.columns)}")
        check(column(df, "evidence") == [expect(f["evidence"]) for f in findings], f"pandas {path}: evidence differs")
        check(column(df, "message") == [expect(f["message"]) for f in findings], f"pandas {path}: message differs")
    # The TSV's texts are the CSV's on one line.
    for c, t in zip(tables[o + ".findings.csv"][1:], tables[o + ".findings.tsv"][1:]):
        check([one_line(x) for x in c[11:]] == t[12:], f"{o}: the TSV's and the CSV's texts differ")

check(quotes_seen > 0, "no align TSV had a quoted quote: the test inputs lost their quotes")
check(tabs_seen > 0, "no align CSV had a tab inside a sentence: the test inputs lost their tab")
for f in failures[:20]:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
"$py" "$work/verify.py" "$work/outputs" || failures=$((failures + 1))
# The --excel files start with a byte order mark; the others do not.
for o in $(cat "$work/outputs"); do
  for f in "$o".align.excel.csv "$o".findings.excel.csv; do
    [[ $(head -c 3 "$f" | od -An -tx1 | tr -d ' ') == efbbbf ]] || fail "$f has no byte order mark"
  done
  for f in "$o".align.csv "$o".findings.csv "$o".align.tsv "$o".findings.tsv; do
    [[ $(head -c 4 "$f") == bead ]] || fail "$f does not start with its header"
  done
done

if ((failures)); then echo "$failures failure(s)"; exit 1; fi
echo "csv_export: all checks passed"
