#!/usr/bin/env bash
# Ignore lists: check --write-baseline, then --baseline drops those findings
# from the report and the exit code, also after edits elsewhere in the
# documents; batch --baseline; bad baselines are errors naming the line.
#   bash tests/e2e/baseline.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
corpus=$2/corpora
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
work=$tmp
json() {  # json FILE EXPRESSION: prints EXPRESSION over the parsed report d
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

en=$corpus/readout-divergent.en.txt
zh=$corpus/readout-divergent.zh.txt
ur=$corpus/readout-divergent.ur.txt

expect 1 "" -- check "$en" "$zh" "$ur" --format json -o "$work/all.json" \
  --write-baseline "$work/all.txt"
total=$(json "$work/all.json" 'len(d["findings"])')
test "$(grep -vc '^#' "$work/all.txt")" -eq "$total" || fail "one line per finding, after the header comment"
bash -c '! grep -v "^#" "$1" | grep -qvE "^[0-9a-f]{16}  # [a-z-]+ [a-z]+( [a-z_]+)?: "' _ "$work/all.txt" || fail "each line: 16 hex digits, then what it is"
test "$(json "$work/all.json" '"\n".join(sorted(set(f["fingerprint"] for f in d["findings"])))')" = \
       "$(grep -v '^#' "$work/all.txt" | cut -c1-16 | sort -u)" || fail "the JSON carries the same fingerprints"

# Mark everything a false alarm: nothing is reported, the exit code is 0.
expect 0 "" -- check "$en" "$zh" "$ur" --baseline "$work/all.txt"
grep -q "$total findings suppressed by the baseline" "$work/out" || fail "the summary says how many were suppressed"

# Two false alarms: the deprecated-term lines.
grep '# deprecated-term .* belt_and_road_initiative:' "$work/all.txt" >"$work/two.txt"
test "$(wc -l <"$work/two.txt")" -eq 2 || fail "the fixture has two deprecated renderings of the Belt and Road"
expect 1 "" -- check "$en" "$zh" "$ur" --baseline "$work/two.txt" --format json
test "$(json "$work/out" 'len(d["findings"])')" -eq $((total - 2)) || fail "two fewer findings"
test "$(json "$work/out" 'd["provenance"]["baseline_sha256"]')" = "$(sha256sum <"$work/two.txt" | cut -d" " -f1)" || fail "provenance: the baseline's SHA-256"
test "$(json "$work/out" 'd["summary"]["suppressed"]')" -eq 2 || fail "JSON summary: suppressed 2"
test "$(json "$work/out" 'sum(f["concept"]=="belt_and_road_initiative" for f in d["findings"])')" -eq 0 || fail "no Belt and Road finding left"
grep '# deprecated-term' "$work/all.txt" >"$work/deprecated.txt"
expect 0 "" -- check "$en" "$zh" "$ur" --baseline "$work/deprecated.txt" \
  --fail-on deprecated-term

# Edits elsewhere (a paragraph added at the top of every version) keep the fingerprints.
{ echo "An unrelated opening paragraph was added by the editors on Monday."; cat "$en"; } >"$work/edited.en.txt"
{ echo "编辑们周一在开头加了一段无关的话。"; cat "$zh"; } >"$work/edited.zh.txt"
{ echo "مدیروں نے پیر کو شروع میں ایک غیر متعلقہ پیراگراف شامل کیا۔"; cat "$ur"; } >"$work/edited.ur.txt"
expect 1 "" -- check "$work"/edited.{en,zh,ur}.txt --baseline "$work/two.txt" --format json
test "$(json "$work/out" 'd["summary"]["suppressed"]')" -eq 2 || fail "the same two are still suppressed"

# HTML: a copy button per finding with its fingerprint; the summary card.
expect 1 "" -- check "$en" "$zh" "$ur" --baseline "$work/two.txt" --format html -o "$work/r.html"
test "$(grep -o 'class="fp" data-fp="[0-9a-f]\{16\}"' "$work/r.html" | wc -l)" -eq $((total - 2)) || fail "a fingerprint button per finding"
grep -q 'class="suppressed" data-count="2"' "$work/r.html" || fail "the suppressed card"

# TSV has a fingerprint column.
expect 1 "" -- check "$en" "$zh" "$ur" --format tsv
bash -c 'head -1 "$1" | grep -q $'"'"'\tmessage\tfingerprint\t'"'" _ "$work/out" || fail "tsv header"

# Rewriting the baseline it reads keeps what it listed.
cp "$work/two.txt" "$work/same.txt"
expect 1 "" -- check "$en" "$zh" "$ur" --baseline "$work/same.txt" \
  --write-baseline "$work/same.txt"
test "$(grep -vc '^#' "$work/same.txt")" -eq "$total" || fail "the rewritten file lists every finding"

# Bad baselines and bad combinations.
printf '0123456789abcdef\nnot-a-fingerprint # x\n' >"$work/bad.txt"
expect 2 "" -- check "$en" "$zh" --baseline "$work/bad.txt"
grep -q "bad.txt:2: expected a finding fingerprint" "$work/err" || fail "names file and line"
expect 2 "" -- check "$en" "$zh" --baseline "$work/missing.txt"
printf '\xff\xfe\x00bad' >"$work/binary.txt"
expect 2 "" -- check "$en" "$zh" --baseline "$work/binary.txt"
expect 2 "" -- check "$en" "$zh" --baseline "$work"
expect 2 "" -- check "$en" "$zh" -o "$work/x" --write-baseline "$work/x"
test ! -e "$work/x" || fail "x not created"
expect 2 "" -- check "$en" "$zh" --baseline "$work/two.txt" -o "$work/two.txt"
test "$(wc -l <"$work/two.txt")" -eq 2 || fail "the baseline is intact"
expect 2 "" -- check "$en" "$zh" --write-baseline "$en"
"$talign" check "$en" "$zh" "$ur" --baseline - <"$work/all.txt" >/dev/null 2>&1 || fail "--baseline from standard input"

# batch --baseline.
mkdir -p "$work/in"
cp "$en" "$work/in/doc.en.txt"; cp "$zh" "$work/in/doc.zh.txt"; cp "$ur" "$work/in/doc.ur.txt"
# (stderr is a file here: with TALIGN_PROGRESS_INTERVAL=0 a plain progress line per set)
export TALIGN_PROGRESS_INTERVAL=0
expect 0 "" -- batch "$work/in" --out "$work/outdir" --baseline "$work/two.txt" --jobs 1
grep -qx "talign: batch: 1/1 sets, 0 failed, 0 resumed, .* sets/s" "$work/err" || fail "a progress line in the log"
TALIGN_PROGRESS_INTERVAL=soon
expect 2 "TALIGN_PROGRESS_INTERVAL=soon: expected seconds" -- batch "$work/in" --out "$work/o2"
unset TALIGN_PROGRESS_INTERVAL
test "$(json "$work/outdir/doc.findings.json" 'd["summary"]["suppressed"]')" -eq 2 || fail "the set's findings leave the two out"
test "$(json "$work/outdir/summary.json" 'd["totals"]["findings"]["suppressed"]')" -eq 2 || fail "summary.json counts them"
test "$(json "$work/outdir/summary.json" 'd["provenance"]["baseline_sha256"]')" = "$(sha256sum <"$work/two.txt" | cut -d" " -f1)" || fail "summary.json: the run's provenance"
grep -q '<details class="provenance" id="provenance">' "$work/outdir/summary.html" || fail "summary.html: the provenance"
test "$(json "$work/outdir/doc.findings.json" 'd["provenance"]["termbases"][0]["sha256"]')" = \
     "$(json "$work/outdir/summary.json" 'd["provenance"]["termbases"][0]["sha256"]')" || fail "a set's provenance agrees"

finish "baseline"
