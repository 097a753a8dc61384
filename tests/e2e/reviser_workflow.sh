#!/usr/bin/env bash
# The worked example of docs/reports.md ("A reviser's workflow"), step by
# step, with the counts the document gives: if the checker changes them,
# the document must change too.
#   bash tests/e2e/reviser_workflow.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
count() { python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))'; }
docs=$src/docs/reports.md
inputs=("$src"/corpora/readout-divergent.{en,zh,ur}.txt)

"$talign" check "${inputs[@]}" -o report.html --write-baseline ignore.txt
[[ $? -eq 1 ]] || fail "step 1: exit 1 expected"
[[ $(grep -vc '^#' ignore.txt) -eq 10 ]] || fail "step 1: ten findings (docs say ten)"
grep -q 'has ten findings' "$docs" || fail "the docs no longer say ten"

grep -E 'inconsistent-term|number-mismatch zh' ignore.txt > keep.txt && mv keep.txt ignore.txt
for line in "$(sed -n 1p ignore.txt)" "$(sed -n 2p ignore.txt)"; do
  grep -qF "#    $line" "$docs" || fail "step 2: the docs do not show the line '$line'"
done

out=$("$talign" check "${inputs[@]}" --baseline ignore.txt --format json)
[[ $(count <<<"$out") -eq 8 ]] || fail "step 3: 8 findings"
"$talign" check "${inputs[@]}" --baseline ignore.txt >text.txt
grep -q "2 findings suppressed by the baseline" text.txt || fail "step 3: the summary line"

printf 'community_shared_future_mankind\ten\tcommunity of common destiny\tadmitted\n' > my-terms.tsv
out=$("$talign" check "${inputs[@]}" --baseline ignore.txt --lexicon my-terms.tsv --format json 2>err.txt)
[[ $(count <<<"$out") -eq 7 ]] || fail "step 4: 7 findings"
grep -q "my-terms.tsv:1: term 'community of common destiny' (en) of concept 'community_shared_future_mankind' is deprecated in .*official-terms.tsv at line [0-9]*; this later file wins: admitted" err.txt ||
  fail "step 4: the warning"

"$talign" check "$src/tests/data/cat/statement.en-zh.xlf" --baseline ignore.txt --lexicon my-terms.tsv >xlf.txt 2>/dev/null
grep -qF '▶ error · omission · zh-CN · unit u4' xlf.txt || fail "step 5: the omission of unit u4"
grep -qF -- '── Bead 3 · unit u4 · score' xlf.txt || fail "step 5: the bead heading"

if [[ $failures -gt 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "reviser workflow: all checks passed"
