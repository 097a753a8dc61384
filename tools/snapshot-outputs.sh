#!/usr/bin/env bash
# Writes every output talign gives on the bundled corpus (and, when given, on
# an evaluation folder laid out as mac-dev/, nonlit-dev/, ntrex-dev/) into
# OUT, so that two builds can be compared byte for byte with `diff -r`:
#   tools/snapshot-outputs.sh build/tools/talign /tmp/before [EVAL_DIR]
# Used before and after a refactoring that must not change behaviour.
set -uo pipefail
bin=$(realpath "$1"); out=$2; eval_dir=${3:-}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
rm -rf "$out"; mkdir -p "$out"/{corpus,mac-dev,nonlit,ntrex}
run() {  # run NAME CMD... : stdout to NAME, stderr to NAME.err, exit code to NAME.rc
  local name=$1; shift
  "$@" >"$name" 2>"$name.err"; echo $? >"$name.rc"
}
for f in corpora/*.txt; do
  b=$(basename "$f" .txt)
  run "$out/corpus/$b.segment" "$bin" segment "$f"
  run "$out/corpus/$b.segment.jsonl" "$bin" segment --format jsonl "$f"
  run "$out/corpus/$b.terms" "$bin" terms "$f"
done
for en in corpora/*.en.txt; do
  s=${en%.en.txt}; b=$(basename "$s")
  for fmt in beads jsonl tsv csv tmx ladder; do
    run "$out/corpus/$b.align3.$fmt" "$bin" align --format "$fmt" "$s.en.txt" "$s.zh.txt" "$s.ur.txt"
  done
  run "$out/corpus/$b.align-en-zh" "$bin" align --format jsonl "$s.en.txt" "$s.zh.txt"
  run "$out/corpus/$b.align-zh-ur" "$bin" align --format jsonl "$s.zh.txt" "$s.ur.txt"
  for fmt in text json tsv csv html; do
    run "$out/corpus/$b.check3.$fmt" "$bin" check --format "$fmt" "$s.en.txt" "$s.zh.txt" "$s.ur.txt"
  done
  run "$out/corpus/$b.check-en-ur" "$bin" check --format json "$s.en.txt" "$s.ur.txt"
  run "$out/corpus/$b.check-src" "$bin" check --format json --source en "$s.en.txt" "$s.zh.txt" "$s.ur.txt"
done
[[ -n "$eval_dir" ]] || exit 0
for f in "$eval_dir"/mac-dev/zh/*; do n=$(basename "$f")
  run "$out/mac-dev/$n" "$bin" align --presegmented --langs zh,en "$f" "$eval_dir/mac-dev/en/$n" --format beads
done
for s in aca mag; do
  for f in "$eval_dir"/nonlit-dev/$s/src/*; do n=$(basename "$f")
    run "$out/nonlit/$s.$n" "$bin" align --presegmented --langs en,zh "$f" "$eval_dir/nonlit-dev/$s/tgt/$n" --format beads
  done
done
for g in "$eval_dir"/ntrex-dev/*.gold.jsonl; do d=$(basename "$g" .gold.jsonl); E=$eval_dir/ntrex-dev
  run "$out/ntrex/$d.jsonl" "$bin" align --langs en,zh,ur "$E/$d.en.txt" "$E/$d.zh.txt" "$E/$d.ur.txt" --format jsonl
  run "$out/ntrex/$d.check.json" "$bin" check --format json "$E/$d.en.txt" "$E/$d.zh.txt" "$E/$d.ur.txt"
done
