#!/usr/bin/env bash
# batch_scaling.sh TALIGN [SETS] — sets per second of `talign batch` with
# --jobs 1 and --jobs 2 on a generated archive (default 2,000 small
# English–Chinese–Urdu sets built from a template with varied numbers and
# sentence counts; our own text, not evaluation data), and the scaling.
#   bench/batch_scaling.sh build/tools/talign
# Each run is repeated (RUNS, default 3) and the fastest is kept, which
# filters out noise from other work on the machine.
set -euo pipefail
talign=$(realpath "$1")
sets=${2:-2000}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for ((n = 0; n < sets; n++)); do
  d=$work/in/$((n % 20))
  mkdir -p "$d"
  en=; zh=; ur=
  for ((i = 0; i < 4 + n % 9; i++)); do
    v=$((n * 17 + i))
    case $(( (n + i) % 3 )) in
      0) en+="The two sides signed $v agreements on trade, energy and transport. "
         zh+="双方签署了${v}项贸易、能源和交通协议。"
         ur+="دونوں فریقوں نے تجارت، توانائی اور نقل و حمل کے $v معاہدوں پر دستخط کیے۔ " ;;
      1) en+="Bilateral trade reached $((v * 3)) billion dollars in $((1990 + v % 35)). "
         zh+="$((1990 + v % 35))年双边贸易额达到$((v * 3))亿美元。"
         ur+="$((1990 + v % 35)) میں دوطرفہ تجارت $((v * 3)) ارب ڈالر تک پہنچ گئی۔ " ;;
      2) en+="The minister said that $((v % 50 + 2)) new projects would start next year.\n\n"
         zh+="部长表示，明年将启动$((v % 50 + 2))个新项目。\n\n"
         ur+="وزیر نے کہا کہ اگلے سال $((v % 50 + 2)) نئے منصوبے شروع ہوں گے۔\n\n" ;;
    esac
  done
  printf "$en\n" >"$d/doc$n.en.txt"
  printf "$zh\n" >"$d/doc$n.zh.txt"
  ((n % 2 == 0)) && printf "$ur\n" >"$d/doc$n.ur.txt"
done
bytes=$(cat "$work"/in/*/* | wc -c)

best() {  # best JOBS → fastest wall seconds over $runs runs
  local jobs=$1 best=
  for ((r = 0; r < runs; r++)); do
    rm -rf "$work/out"
    local t0 t1
    t0=$(date +%s.%N)
    "$talign" batch "$work/in" --out "$work/out" --jobs "$jobs" --no-timings 2>/dev/null
    t1=$(date +%s.%N)
    best=$(awk -v a="$t1" -v b="$t0" -v c="$best" 'BEGIN { d = a - b; if (c == "" || d < c) c = d; print c }')
  done
  echo "$best"
}
t1=$(best 1)
t2=$(best 2)
awk -v n="$sets" -v b="$bytes" -v t1="$t1" -v t2="$t2" 'BEGIN {
  printf "%d sets (%.1f MB), best of runs:\n", n, b / 1e6
  printf "  --jobs 1: %6.2f s  %7.1f sets/s\n", t1, n / t1
  printf "  --jobs 2: %6.2f s  %7.1f sets/s\n", t2, n / t2
  printf "  scaling:  %.2fx\n", t1 / t2
}'
