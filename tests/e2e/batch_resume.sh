#!/usr/bin/env bash
# talign batch survives kill -9: a batch over a few hundred small generated
# sets is killed while it runs, rerun with --resume, and compared byte for
# byte with a clean run; no temporary file may remain. Also: the CLI's exit
# codes, its one-line summary, and --jobs 1 vs 2 giving the same bytes.
#   bash tests/e2e/batch_resume.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Small English–Chinese(–Urdu) sets generated from a template with varied
# numbers and sentence counts (our own text, not evaluation data).
# Fewer under AddressSanitizer, which makes every set several times slower.
default_sets=300
ldd "$talign" 2>/dev/null | grep -q libasan && default_sets=80
sets=${TALIGN_BATCH_E2E_SETS:-$default_sets}
for ((n = 0; n < sets; n++)); do
  d=$work/in/$((n % 7))
  mkdir -p "$d"
  en=; zh=; ur=
  for ((i = 0; i < 2 + n % 5; i++)); do
    v=$((n * 13 + i))
    en+="The ministers reviewed $v projects worth $((v * 3)) million dollars. Work on the $((i + 1))th corridor will start in $((2020 + i)).\n\n"
    zh+="部长们审议了${v}个项目，价值$((v * 3))百万美元。第$((i + 1))条走廊的工程将于$((2020 + i))年开工。\n\n"
    ur+="وزرا نے $v منصوبوں کا جائزہ لیا جن کی مالیت $((v * 3)) ملین ڈالر ہے۔ $((i + 1)) ویں راہداری پر کام $((2020 + i)) میں شروع ہوگا۔\n\n"
  done
  printf "$en" >"$d/set$n.en.txt"
  printf "$zh" >"$d/set$n.zh.txt"
  ((n % 3 == 0)) && printf "$ur" >"$d/set$n.ur.txt"
done
printf 'a stray file\n' >"$work/in/README.txt"

"$talign" batch "$work/in" --out "$work/clean" --jobs 2 --no-timings 2>"$work/clean.err"
rc=$?
[[ $rc == 0 ]] || fail "clean run exited $rc: $(cat "$work/clean.err")"
grep -Eq "^talign: batch: $sets sets, $sets ok, 0 failed, 0 resumed in" "$work/clean.err" ||
  fail "no one-line summary: $(cat "$work/clean.err")"
[[ $(find "$work/clean" -name '*.align.jsonl' | wc -l) == "$sets" ]] || fail "clean run: not $sets alignments"

"$talign" batch "$work/in" --out "$work/one" --jobs 1 --no-timings 2>/dev/null || fail "--jobs 1 run failed"
diff -r "$work/clean" "$work/one" >/dev/null || fail "--jobs 1 and --jobs 2 outputs differ"

# Kill the batch at several moments (after about a quarter, a half and three
# quarters of the sets are done); every rerun with --resume goes on from
# where the last one stopped.
done_sets() { find "$work/killed" -name '*.set.json' 2>/dev/null | wc -l; }
killed_mid_run=0
for quarter in 1 2 3; do
  "$talign" batch "$work/in" --out "$work/killed" --jobs 2 --no-timings --resume 2>/dev/null &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && (($(done_sets) < sets * quarter / 4)); do sleep 0.01; done
  kill -9 "$pid" 2>/dev/null && (($(done_sets) < sets)) && killed_mid_run=$((killed_mid_run + 1))
  wait "$pid" 2>/dev/null
done
((killed_mid_run > 0)) || fail "no run was killed before it finished: the test proved nothing"
"$talign" batch "$work/in" --out "$work/killed" --jobs 2 --no-timings --resume 2>"$work/resume.err" ||
  fail "resume run failed: $(cat "$work/resume.err")"
grep -q ' resumed in' "$work/resume.err" || fail "resume: no summary line"
diff -r -x summary.json -x summary.html "$work/clean" "$work/killed" >"$work/diff" ||
  fail "killed + resumed run differs from the clean run: $(head "$work/diff")"
leftovers=$(find "$work/killed" -name '*.tmp.*')
[[ -z $leftovers ]] || fail "temporaries left: $leftovers"
# The summary of the resumed run is the clean one, except for what was resumed.
sed 's/"resumed": [0-9a-z]*/"resumed": X/' "$work/clean/summary.json" >"$work/a"
sed 's/"resumed": [0-9a-z]*/"resumed": X/' "$work/killed/summary.json" >"$work/b"
cmp -s "$work/a" "$work/b" || fail "summary.json of the resumed run differs beyond 'resumed'"

# A broken set: exit code 2, the error on stderr, the others written.
printf 'bad \xff UTF-8\n' >"$work/in/3/set3.zh.txt"
"$talign" batch "$work/in" --out "$work/broken" --jobs 2 2>"$work/broken.err"
rc=$?
[[ $rc == 2 ]] || fail "a failed set should give exit code 2, got $rc"
grep -Eq 'set3.zh.txt:[0-9:]+ byte 4' "$work/broken.err" || fail "the failed set's error is not on stderr: $(cat "$work/broken.err")"
[[ $(find "$work/broken" -name '*.align.jsonl' | wc -l) == $((sets - 1)) ]] || fail "the other sets were not all written"

# Usage errors.
"$talign" batch --out "$work/x" 2>/dev/null; [[ $? == 2 ]] || fail "no input should be a usage error"
"$talign" batch "$work/in" 2>/dev/null; [[ $? == 2 ]] || fail "no --out should be a usage error"
printf 'one\tonly.en.txt\n' >"$work/bad.tsv"
"$talign" batch --manifest "$work/bad.tsv" --out "$work/x" 2>"$work/err"
[[ $? == 2 ]] && grep -q 'bad.tsv:1:1:' "$work/err" || fail "a bad manifest line should be named: $(cat "$work/err")"

if ((failures)); then
  echo "batch_resume: $failures failure(s)" >&2
  exit 1
fi
echo "batch_resume: ok (killed mid-run $killed_mid_run times, resumed to the clean bytes)"
