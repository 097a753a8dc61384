#!/usr/bin/env bash
# talign align and talign eval from the outside: usage errors exit 2 with a
# message naming the problem, every format is written, -o is atomic.
#   bash tests/e2e/align_cli.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_exit CODE PATTERN -- COMMAND...: runs COMMAND, checks its exit code
# and that stderr matches PATTERN (grep -E).
expect_exit() {
  local code=$1 pattern=$2; shift 3
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  [[ $got == "$code" ]] || fail "$* exited $got, expected $code; stderr: $(cat "$work/stderr")"
  if [[ -n $pattern ]] && ! grep -Eq -- "$pattern" "$work/stderr"; then
    fail "$*: stderr does not match '$pattern': $(cat "$work/stderr")"
  fi
}

# Our own small trilingual statement (not evaluation data).
cat >"$work/s.en.txt" <<'TXT'
The two sides held talks in Beijing on Monday.

They agreed to deepen cooperation in trade. They also discussed climate change.

Both sides will meet again next year.
TXT
cat >"$work/s.zh.txt" <<'TXT'
双方星期一在北京举行会谈。

双方同意深化贸易合作。双方还讨论了气候变化问题。

双方将于明年再次会晤。
TXT
cat >"$work/s.ur.txt" <<'TXT'
دونوں فریقوں نے پیر کو بیجنگ میں بات چیت کی۔

انہوں نے تجارت میں تعاون کو گہرا کرنے پر اتفاق کیا۔ انہوں نے موسمیاتی تبدیلی پر بھی بات کی۔

دونوں فریق اگلے سال دوبارہ ملیں گے۔
TXT
en=$work/s.en.txt zh=$work/s.zh.txt ur=$work/s.ur.txt

# --- usage and input errors: exit 2, a message that names the problem
expect_exit 2 "2 or 3" -- "$talign" align "$en"
expect_exit 2 "2 or 3" -- "$talign" align "$en" "$zh" "$ur" "$en"
expect_exit 2 "format" -- "$talign" align "$en" "$zh" --format xml
expect_exit 2 "xx" -- "$talign" align --langs en,xx "$en" "$zh"
expect_exit 2 "3 inputs|languages" -- "$talign" align --langs en,zh "$en" "$zh" "$ur"
expect_exit 2 "missing\.txt" -- "$talign" align "$en" "$work/missing.txt"
printf 'Good text.\nBad \xff byte.\n' >"$work/bad.txt"
expect_exit 2 "bad\.txt.*byte 15" -- "$talign" align "$en" "$work/bad.txt"
expect_exit 2 "both en" -- "$talign" align "$en" "$en"
expect_exit 2 "no such termbase|missing\.tsv" -- "$talign" align "$en" "$zh" --lexicon "$work/missing.tsv"
expect_exit 2 "" -- "$talign" align
expect_exit 2 "" -- "$talign" eval "$work/only-one"

# --- every format is written and exits 0
for format in beads jsonl tsv csv tmx ladder; do
  expect_exit 0 "" -- "$talign" align "$en" "$zh" --format "$format"
  [[ -s $work/stdout ]] || fail "align --format $format wrote nothing"
  cp "$work/stdout" "$work/out.$format"
done
expect_exit 0 "" -- "$talign" align "$en" "$zh" "$ur" --format jsonl
cp "$work/stdout" "$work/out3.jsonl"

# beads: every line a bead; the sentences of each side are 0..n-1 in order.
grep -Evq '^\[[0-9,]*\]:\[[0-9,]*\]$' "$work/out.beads" && fail "beads output has a line that is not a bead"
# jsonl: a header then beads, languages detected from the script.
head -1 "$work/out.jsonl" | grep -q '"languages":\["en","zh"\]' || fail "jsonl header: $(head -1 "$work/out.jsonl")"
head -1 "$work/out3.jsonl" | grep -q '"languages":\["en","zh","ur"\]' || fail "3-way jsonl header"
[[ $(($(wc -l <"$work/out.jsonl") - 1)) == $(wc -l <"$work/out.beads") ]] || fail "jsonl and beads disagree on the bead count"
# tsv: a header row, then row k+1 is bead k (one line each).
[[ $(($(wc -l <"$work/out.tsv") - 1)) == $(wc -l <"$work/out.beads") ]] || fail "tsv and beads disagree on the bead count"
head -1 "$work/out.tsv" | grep -q $'^bead\tscore\ten\tzh$' || fail "tsv header: $(head -1 "$work/out.tsv")"
head -1 "$work/out.csv" | grep -q $'^bead,score,en,zh\r$' || fail "csv header: $(head -1 "$work/out.csv")"
# -o x.csv means csv; --excel is for csv only.
expect_exit 0 "" -- "$talign" align "$en" "$zh" -o "$work/inferred.csv"
cmp -s "$work/inferred.csv" "$work/out.csv" || fail "-o x.csv did not write csv"
expect_exit 2 "--excel is for CSV output, but the format is tsv" -- "$talign" align "$en" "$zh" --format tsv --excel
if command -v xmllint >/dev/null; then
  xmllint --noout --nonet "$work/out.tmx" || fail "tmx is not well-formed"
fi
# --source: the original's language is TMX srclang; an absent language is an error.
grep -q 'srclang="\*all\*"' "$work/out.tmx" || fail "co-authentic TMX: srclang *all*"
expect_exit 0 "" -- "$talign" align "$en" "$zh" --source zh --format tmx
grep -q 'srclang="zh"' "$work/stdout" || fail "--source zh: srclang zh"
expect_exit 2 "no version is in that language" -- "$talign" align "$en" "$zh" --source ur
# ladder: the closing rung is the number of sentences of each version.
tail -1 "$work/out.ladder" | grep -Eq "^[0-9]+	[0-9]+	[0-9]\.[0-9]{4}$" || fail "ladder closing rung: $(tail -1 "$work/out.ladder")"

# --- repeatable options take one value each, leaving the inputs alone
printf 'talks\t会谈\n' >"$work/en-zh.tsv"
expect_exit 0 "" -- "$talign" align --dictionary "$work/en-zh.tsv" "$en" "$zh" --format jsonl
head -1 "$work/stdout" | grep -q "\"en,zh=$work/en-zh.tsv\"" || fail "dictionary not in the jsonl header: $(head -1 "$work/stdout")"
printf 'talks\ten\ttalks\tpreferred\ntalks\tzh\t会谈\tpreferred\n' >"$work/terms.tsv"
expect_exit 0 "" -- "$talign" align --dictionary "zh,en=$work/en-zh.tsv" --lexicon "$work/terms.tsv" "$en" "$zh"
# a termbase is read now: a file that is not one is an error naming its line
expect_exit 2 "en-zh.tsv:1" -- "$talign" align --lexicon "$work/en-zh.tsv" "$en" "$zh"
expect_exit 2 "qq" -- "$talign" align --dictionary "en,qq=$work/en-zh.tsv" "$en" "$zh"

# --- standard input as one version
expect_exit 0 "" -- bash -c "cat '$en' | '$talign' align - '$zh'"
cmp -s "$work/stdout" "$work/out.beads" || fail "reading A from stdin gives other beads than the file"

# --- presegmented: line i is sentence i
printf 'one\ntwo\nthree\n' >"$work/p.en"
printf '一\n二\n三\n' >"$work/p.zh"
expect_exit 0 "" -- "$talign" align --presegmented --langs en,zh "$work/p.en" "$work/p.zh"
grep -q '2\]' "$work/stdout" || fail "presegmented beads do not reach line 2: $(cat "$work/stdout")"
grep -q '3\]' "$work/stdout" && fail "presegmented beads go past the last line: $(cat "$work/stdout")"

# --- -o writes atomically: the result appears whole, a failure leaves the old file
expect_exit 0 "" -- "$talign" align "$en" "$zh" -o "$work/o.beads"
cmp -s "$work/o.beads" "$work/out.beads" || fail "-o output differs from stdout output"
echo "previous content" >"$work/keep.beads"
expect_exit 2 "" -- "$talign" align "$en" "$work/missing.txt" -o "$work/keep.beads"
[[ $(cat "$work/keep.beads") == "previous content" ]] || fail "a failed run changed the -o file"
ls "$work" | grep -q '\.tmp\.' && fail "a temporary file was left behind: $(ls "$work")"
expect_exit 2 "" -- "$talign" align "$en" "$zh" -o "$work/no-such-dir/out.beads"

# --- eval: an alignment scored against itself is perfect
expect_exit 0 "" -- "$talign" eval "$work/out.beads" "$work/o.beads"
grep -q '| F1          |   1.000 |   1.000 |' "$work/stdout" || fail "eval of identical beads: $(cat "$work/stdout")"
echo "not beads" >"$work/junk.beads"
expect_exit 2 "junk\.beads:1" -- "$talign" eval "$work/out.beads" "$work/junk.beads"

if ((failures)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "align_cli: all checks passed"
