#!/usr/bin/env bash
# batch_scaling.sh TALIGN [SETS] — sets per second of `talign batch` with
# --jobs 1 and --jobs 2 on a generated archive (default 2,000 small
# English–Chinese–Urdu sets built from a template with varied numbers and
# sentence counts; our own text, not evaluation data), and the scaling.
#   bench/batch_scaling.sh build/tools/talign
# Each run is repeated (RUNS, default 3) and the fastest is kept, which
# filters out noise from other work on the machine. The archive and outputs
# go to a fresh directory under WORKDIR (default: $TMPDIR or /tmp); with
# WORKDIR=/dev/shm file creation costs nothing and the figure is the
# aligner's scaling, on a disk it includes the filesystem's.
set -euo pipefail
talign=$(realpath "$1")
sets=${2:-2000}
runs=${RUNS:-3}
work=$(mktemp -d -p "${WORKDIR:-${TMPDIR:-/tmp}}")
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

best() {  # best JOBS → "wall cpu" seconds of the fastest of $runs runs
  local jobs=$1 best=
  for ((r = 0; r < runs; r++)); do
    # A fresh output directory per run, all removed at exit: on an ext4
    # without a journal (as here) creating a file skips the inodes freed in
    # the last 30 s one by one, so deleting the previous run's 8,000 files
    # right before a run would make every create slow, and measure that.
    local line out=$work/out.$jobs.$r
    /usr/bin/time -o "$work/time" -f '%e %U %S' \
      "$talign" batch "$work/in" --out "$out" --jobs "$jobs" --no-timings 2>/dev/null
    line=$(tail -1 "$work/time")
    best=$(awk -v l="$line" -v c="$best" 'BEGIN { split(l, t, " "); split(c, b, " ");
      if (c == "" || t[1] < b[1]) print t[1], t[2] + t[3]; else print c }')
  done
  echo "$best"
}
read -r w1 c1 <<<"$(best 1)"
read -r w2 c2 <<<"$(best 2)"
load=$(cut -d' ' -f1 /proc/loadavg)
# CPU seconds (user + system) show whether threads add work of their own;
# the load average says whether the machine was free when it ran.
awk -v n="$sets" -v b="$bytes" -v w1="$w1" -v c1="$c1" -v w2="$w2" -v c2="$c2" -v load="$load" -v cores="$(nproc)" 'BEGIN {
  printf "%d sets (%.1f MB), %d cores, load average %s, best of runs:\n", n, b / 1e6, cores, load
  printf "  --jobs 1: %6.2f s wall  %6.2f s cpu  %7.1f sets/s\n", w1, c1, n / w1
  printf "  --jobs 2: %6.2f s wall  %6.2f s cpu  %7.1f sets/s\n", w2, c2, n / w2
  printf "  scaling:  %.2fx\n", w1 / w2
}'
