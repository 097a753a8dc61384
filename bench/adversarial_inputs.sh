#!/usr/bin/env bash
# adversarial_inputs.sh TALIGN [SCALE] — time and peak memory of talign on
# inputs built to make a stage super-linear (talign issue 11), and of
# `check` on large real-looking text:
#   - check on ~4 MB per version of the bundled corpus repeated (2 and 3
#     versions), in every report format;
#   - one ~1 MB sentence with thousands of term hits, checked to HTML;
#   - 100,000 combining marks of alternating canonical classes after one
#     letter (English, Chinese and Urdu text), through segment, terms, check;
#   - a million blank lines, a million one-letter lines and a million
#     identical lines, through align --presegmented, segment and check;
#   - numbers far beyond a double (500 digits, 10^400 with a scale word).
#   bench/adversarial_inputs.sh build/tools/talign        # full size
#   bench/adversarial_inputs.sh build/tools/talign 0.25   # a quarter of it
# Prints one line per run: name, seconds of CPU (user + system: what the
# run costs, whatever else the machine does), seconds of wall time, peak RSS
# in MB, exit code, and the input size in MB. Exit code 1 from check only says it found
# something; 124 is a run stopped after TIMEOUT seconds (default: none).
# Inputs are generated under WORKDIR (default: $TMPDIR or /tmp); ONLY, a
# regular expression, keeps the runs whose name it matches.
set -euo pipefail
talign=$(realpath "$1")
scale=${2:-1}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d -p "${WORKDIR:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT
cd "$root"  # the default termbase and dictionaries, as from a checkout
count() { awk -v n="$1" -v s="$scale" 'BEGIN { c = int(n * s); print c < 1 ? 1 : c }'; }

# The bundled document sets, concatenated in turn until the English one
# reaches ~4 MB; each version gets the same documents in the same order.
sets=(readout readout-divergent joint-statement press-conference briefing briefing-divergent)
target=$(count 4000000)
: >"$work/big.en.txt"; : >"$work/big.zh.txt"; : >"$work/big.ur.txt"
while (($(stat -c %s "$work/big.en.txt") < target)); do
  for s in "${sets[@]}"; do
    for l in en zh ur; do cat "$root/corpora/$s.$l.txt" >>"$work/big.$l.txt"; printf '\n' >>"$work/big.$l.txt"; done
  done
done

# One sentence of ~1 MB: a term repeated, no sentence end until the last.
reps=$(count 20000)
awk -v n="$reps" 'BEGIN { for (i = 0; i < n; i++) printf "we build a community with a shared future, "; print "together." }' \
  >"$work/oneline.en.txt"
awk -v n="$reps" 'BEGIN { for (i = 0; i < n; i++) printf "构建人类命运共同体，"; print "携手前行。" }' >"$work/oneline.zh.txt"

# A letter and 100,000 combining marks of two canonical classes, alternating.
marks=$(count 100000)
storm() {  # storm BASE MARK1 MARK2 PREFIX SUFFIX
  awk -v n="$marks" -v b="$1" -v m1="$2" -v m2="$3" -v pre="$4" -v suf="$5" \
    'BEGIN { printf "%s%s", pre, b; for (i = 0; i < n; i++) printf "%s", (i % 2 ? m2 : m1); print suf }'
}
storm a $'\u0301' $'\u0316' "The two sides agreed. " " The community with a shared future." >"$work/storm.en.txt"
storm 中 $'\u0301' $'\u0316' "双方同意。" "构建人类命运共同体。" >"$work/storm.zh.txt"
storm ب $'\u0651' $'\u064E' "دونوں فریقوں نے اتفاق کیا۔ " " مشترکہ مستقبل۔" >"$work/storm.ur.txt"

# A million lines: blank, one letter, identical sentences.
lines=$(count 1000000)
awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) print "" }' >"$work/blank.txt"
awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) print "x" }' >"$work/letter.txt"
awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) print "The two sides agreed." }' >"$work/same.txt"

# Numbers no double holds.
z400=$(printf '0%.0s' $(seq 400))
d500=$(printf '7%.0s' $(seq 500))
printf 'The sum was %s yuan. It grew by 1%s billion. The rate was 0.%s1 percent.\n' "$d500" "$z400" "$z400" \
  >"$work/huge.en.txt"
printf '总额为%s元。增长了1%s0亿。比率为百分之0.%s1。\n' "$d500" "$z400" "$z400" >"$work/huge.zh.txt"

run() {  # run NAME INPUT... -- ARGS...: time, peak RSS, exit code
  local name=$1 size=0; shift
  [[ $name =~ ${ONLY:-.} ]] || return 0
  while [[ $1 != -- ]]; do size=$((size + $(stat -c %s "$1"))); shift; done
  shift
  local rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" timeout "${TIMEOUT:-0}" "$talign" "$@" >"$work/out" 2>"$work/err" || rc=$?
  local wall user sys kb
  read -r wall user sys kb < <(tail -n 1 "$work/time") || true  # after "Command exited with non-zero status"
  printf '%-30s %8.2f s CPU %8.2f s wall %8.1f MB  exit %3d  input %.2f MB\n' "$name" \
    "$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN { print u + s }')" "${wall:-0}" \
    "$(awk -v k="${kb:-0}" 'BEGIN { print k / 1024 }')" "$rc" "$(awk -v b="$size" 'BEGIN { print b / 1e6 }')"
  if ((rc > 1)); then sed 's/^/    /' "$work/err" | head -3; fi
}

w=$work
run check-en-zh-text "$w/big.en.txt" "$w/big.zh.txt" -- check "$w/big.en.txt" "$w/big.zh.txt"
run check-en-zh-ur-text "$w/big.en.txt" "$w/big.zh.txt" "$w/big.ur.txt" -- check "$w/big.en.txt" "$w/big.zh.txt" "$w/big.ur.txt"
for fmt in json tsv csv html; do
  run "check-en-zh-ur-$fmt" "$w/big.en.txt" "$w/big.zh.txt" "$w/big.ur.txt" -- \
    check --format "$fmt" "$w/big.en.txt" "$w/big.zh.txt" "$w/big.ur.txt"
done
run align-en-zh-ur-tmx "$w/big.en.txt" "$w/big.zh.txt" "$w/big.ur.txt" -- \
  align --format tmx "$w/big.en.txt" "$w/big.zh.txt" "$w/big.ur.txt"
run check-one-sentence-html "$w/oneline.en.txt" "$w/oneline.zh.txt" -- \
  check --format html "$w/oneline.en.txt" "$w/oneline.zh.txt"
for l in en zh ur; do
  run "segment-marks-$l" "$w/storm.$l.txt" -- segment --lang "$l" "$w/storm.$l.txt"
  run "terms-marks-$l" "$w/storm.$l.txt" -- terms --lang "$l" "$w/storm.$l.txt"
done
run check-marks-en-zh-ur "$w/storm.en.txt" "$w/storm.zh.txt" "$w/storm.ur.txt" -- \
  check "$w/storm.en.txt" "$w/storm.zh.txt" "$w/storm.ur.txt"
for f in blank letter same; do
  run "align-presegmented-$f" "$w/$f.txt" "$w/$f.txt" -- align --presegmented --langs en,zh "$w/$f.txt" "$w/$f.txt"
  run "segment-$f" "$w/$f.txt" -- segment --lang en "$w/$f.txt"
  run "check-presegmented-$f" "$w/$f.txt" "$w/$f.txt" -- check --presegmented --langs en,zh "$w/$f.txt" "$w/$f.txt"
done
run check-huge-numbers "$w/huge.en.txt" "$w/huge.zh.txt" -- check --format json "$w/huge.en.txt" "$w/huge.zh.txt"
