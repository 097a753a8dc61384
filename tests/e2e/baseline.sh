#!/usr/bin/env bash
# Ignore lists: check --write-baseline, then --baseline drops those findings
# from the report and the exit code, also after edits elsewhere in the
# documents; batch --baseline; bad baselines are errors naming the line.
#   bash tests/e2e/baseline.sh TALIGN_BINARY SOURCE_DIR
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
json() {  # json FILE EXPRESSION: prints EXPRESSION over the parsed report d
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

en=$corpus/readout-divergent.en.txt
zh=$corpus/readout-divergent.zh.txt
ur=$corpus/readout-divergent.ur.txt

expect 1 "check writes a baseline" -- "$talign" check "$en" "$zh" "$ur" --format json -o "$work/all.json" \
  --write-baseline "$work/all.txt"
total=$(json "$work/all.json" 'len(d["findings"])')
check "one line per finding, after the header comment" -- test "$(grep -vc '^#' "$work/all.txt")" -eq "$total"
check "each line: 16 hex digits, then what it is" -- \
  bash -c '! grep -v "^#" "$1" | grep -qvE "^[0-9a-f]{16}  # [a-z-]+ [a-z]+( [a-z_]+)?: "' _ "$work/all.txt"
check "the JSON carries the same fingerprints" -- \
  test "$(json "$work/all.json" '"\n".join(sorted(set(f["fingerprint"] for f in d["findings"])))')" = \
       "$(grep -v '^#' "$work/all.txt" | cut -c1-16 | sort -u)"

# Mark everything a false alarm: nothing is reported, the exit code is 0.
expect 0 "every finding in the baseline" -- "$talign" check "$en" "$zh" "$ur" --baseline "$work/all.txt"
check "the summary says how many were suppressed" -- grep -q "$total findings suppressed by the baseline" "$work/out"

# Two false alarms: the deprecated-term lines.
grep '# deprecated-term .* belt_and_road_initiative:' "$work/all.txt" >"$work/two.txt"
check "the fixture has two deprecated renderings of the Belt and Road" -- test "$(wc -l <"$work/two.txt")" -eq 2
expect 1 "two suppressed" -- "$talign" check "$en" "$zh" "$ur" --baseline "$work/two.txt" --format json
check "two fewer findings" -- test "$(json "$work/out" 'len(d["findings"])')" -eq $((total - 2))
check "provenance: the baseline's SHA-256" -- \
  test "$(json "$work/out" 'd["provenance"]["baseline_sha256"]')" = "$(sha256sum <"$work/two.txt" | cut -d" " -f1)"
check "JSON summary: suppressed 2" -- test "$(json "$work/out" 'd["summary"]["suppressed"]')" -eq 2
check "no Belt and Road finding left" -- test "$(json "$work/out" 'sum(f["concept"]=="belt_and_road_initiative" for f in d["findings"])')" -eq 0
grep '# deprecated-term' "$work/all.txt" >"$work/deprecated.txt"
expect 0 "--fail-on counts only what is reported" -- "$talign" check "$en" "$zh" "$ur" --baseline "$work/deprecated.txt" \
  --fail-on deprecated-term

# Edits elsewhere (a paragraph added at the top of every version) keep the fingerprints.
{ echo "An unrelated opening paragraph was added by the editors on Monday."; cat "$en"; } >"$work/edited.en.txt"
{ echo "编辑们周一在开头加了一段无关的话。"; cat "$zh"; } >"$work/edited.zh.txt"
{ echo "مدیروں نے پیر کو شروع میں ایک غیر متعلقہ پیراگراف شامل کیا۔"; cat "$ur"; } >"$work/edited.ur.txt"
expect 1 "edited documents" -- "$talign" check "$work"/edited.{en,zh,ur}.txt --baseline "$work/two.txt" --format json
check "the same two are still suppressed" -- test "$(json "$work/out" 'd["summary"]["suppressed"]')" -eq 2

# HTML: a copy button per finding with its fingerprint; the summary card.
expect 1 "html" -- "$talign" check "$en" "$zh" "$ur" --baseline "$work/two.txt" --format html -o "$work/r.html"
check "a fingerprint button per finding" -- \
  test "$(grep -o 'class="fp" data-fp="[0-9a-f]\{16\}"' "$work/r.html" | wc -l)" -eq $((total - 2))
check "the suppressed card" -- grep -q 'class="suppressed" data-count="2"' "$work/r.html"

# TSV has a fingerprint column.
expect 1 "tsv" -- "$talign" check "$en" "$zh" "$ur" --format tsv
check "tsv header" -- bash -c 'head -1 "$1" | grep -q $'"'"'\tmessage\tfingerprint\t'"'" _ "$work/out"

# Rewriting the baseline it reads keeps what it listed.
cp "$work/two.txt" "$work/same.txt"
expect 1 "--baseline F --write-baseline F" -- "$talign" check "$en" "$zh" "$ur" --baseline "$work/same.txt" \
  --write-baseline "$work/same.txt"
check "the rewritten file lists every finding" -- test "$(grep -vc '^#' "$work/same.txt")" -eq "$total"

# Bad baselines and bad combinations.
printf '0123456789abcdef\nnot-a-fingerprint # x\n' >"$work/bad.txt"
expect 2 "a malformed line" -- "$talign" check "$en" "$zh" --baseline "$work/bad.txt"
check "names file and line" -- grep -q "bad.txt:2: expected a finding fingerprint" "$work/err"
expect 2 "a missing baseline" -- "$talign" check "$en" "$zh" --baseline "$work/missing.txt"
printf '\xff\xfe\x00bad' >"$work/binary.txt"
expect 2 "a binary baseline" -- "$talign" check "$en" "$zh" --baseline "$work/binary.txt"
expect 2 "a directory" -- "$talign" check "$en" "$zh" --baseline "$work"
expect 2 "-o and --write-baseline the same file" -- "$talign" check "$en" "$zh" -o "$work/x" --write-baseline "$work/x"
check "x not created" -- test ! -e "$work/x"
expect 2 "the report may not overwrite the baseline" -- "$talign" check "$en" "$zh" --baseline "$work/two.txt" -o "$work/two.txt"
check "the baseline is intact" -- test "$(wc -l <"$work/two.txt")" -eq 2
expect 2 "--write-baseline may not overwrite an input" -- "$talign" check "$en" "$zh" --write-baseline "$en"
expect 0 "--baseline from standard input" -- bash -c '"$1" check "$2" "$3" "$4" --baseline - <"$5"' _ \
  "$talign" "$en" "$zh" "$ur" "$work/all.txt"

# batch --baseline.
mkdir -p "$work/in"
cp "$en" "$work/in/doc.en.txt"; cp "$zh" "$work/in/doc.zh.txt"; cp "$ur" "$work/in/doc.ur.txt"
expect 0 "batch --baseline" -- "$talign" batch "$work/in" --out "$work/outdir" --baseline "$work/two.txt" --jobs 1
check "the set's findings leave the two out" -- \
  test "$(json "$work/outdir/doc.findings.json" 'd["summary"]["suppressed"]')" -eq 2
check "summary.json counts them" -- \
  test "$(json "$work/outdir/summary.json" 'd["totals"]["findings"]["suppressed"]')" -eq 2

if [[ $failures -gt 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "baseline: all checks passed"
