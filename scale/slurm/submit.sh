#!/usr/bin/env bash
# submit.sh INPUT OUT [sbatch options...] — runs `talign batch` over INPUT (a
# manifest or a directory of NAME.LANG.txt sets) as a Slurm job array, then a
# dependent job that merges the per-task summaries into OUT/summary.json and
# OUT/summary.html. docs/scale.md has the details.
#
# The sets are fixed at submission: `talign batch INPUT --write-manifest`
# writes them, in the order the batch takes them, to OUT/manifest.tsv, and
# every task reads that file, so files added to a directory later do not
# shift one task's sets into another's.
#
# Every sbatch option given goes to both jobs (a cluster that requires
# --account or --partition gets it on each). Refused: --array and
# --dependency (submit.sh sets them), --output and --error (the logs go to
# OUT/logs), --wrap. A --job-name NAME names the array NAME and the merge
# job NAME-merge.
#
# Standard output, one id per line, each as soon as the job is accepted:
#   line 1: the array job id
#   line 2: the merge job id
# If the merge job cannot be submitted, stderr says so with the array id and
# the command that submits the merge by hand, and the exit status is 1.
#
# Environment:
#   TALIGN        the talign binary (default: talign on PATH), on a shared filesystem
#   TASK_MINUTES  target minutes per task (default 10); tasks are sized from
#                 the bytes of the inputs at BYTES_PER_CPU_SECOND per CPU
#                 (--cpus-per-task, default 1)
#   BYTES_PER_CPU_SECOND  default 100000: a conservative rate (docs/scale.md)
#   PER_TASK      sets per array task; given, it overrides the sizing
#   MAX_TASKS     default 1000 (Slurm's MaxArraySize is 1001 unless raised);
#                 more sets per task when the sizing would need more tasks
#   THROTTLE      run at most this many tasks at once (--array=1-M%THROTTLE)
#   TALIGN_ARGS   more `talign batch` flags, e.g. "--lexicon /shared/terms.tsv --format tmx"
# Every task runs with --resume, so resubmitting the same command after a
# failure or a timeout redoes only what is missing.
set -euo pipefail
die() { echo "submit.sh: $*" >&2; exit 2; }
[[ $# -ge 2 ]] || die "usage: $0 MANIFEST|DIR OUT [sbatch options...]"
[[ -e $1 ]] || die "$1: no such manifest or directory"
input=$(realpath "$1")
out=$(realpath -m "$2")
shift 2
talign=${TALIGN:-$(command -v talign || true)}
[[ -n $talign && -x $talign ]] || die "no talign binary (set TALIGN)"
talign=$(realpath "$talign")

positive() {  # NAME VALUE: a positive number (decimals when $3 is "decimal")
  local pattern='^[0-9]+$'
  [[ ${3:-} == decimal ]] && pattern='^([0-9]+\.?[0-9]*|\.[0-9]+)$'
  if ! [[ $2 =~ $pattern ]] || ! awk -v v="$2" 'BEGIN { exit !(v > 0) }'; then
    die "$1=$2: expected a positive ${3:-whole} number"
  fi
}
max_tasks=${MAX_TASKS:-1000}
task_minutes=${TASK_MINUTES:-10}
rate=${BYTES_PER_CPU_SECOND:-100000}
positive MAX_TASKS "$max_tasks"
positive TASK_MINUTES "$task_minutes" decimal
positive BYTES_PER_CPU_SECOND "$rate" decimal
[[ -z ${PER_TASK:-} ]] || positive PER_TASK "$PER_TASK"
[[ -z ${THROTTLE:-} ]] || positive THROTTLE "$THROTTLE"

# The user's sbatch options, checked: long options may be abbreviated
# (sbatch takes any unambiguous prefix), so a prefix of a refused name is refused.
user_opts=()
job_name='talign-batch'
merge_name='talign-merge'
cpus=1
refused_long=(array dependency output error wrap)
while (($#)); do
  arg=$1
  shift
  case $arg in
    --*)
      name=${arg#--}
      name=${name%%=*}
      for refused in "${refused_long[@]}"; do
        if [[ ${#name} -ge 2 && $refused == "$name"* ]]; then
          die "$arg: submit.sh sets --$refused itself (docs/scale.md); leave it out"
        fi
      done
      value=
      if [[ $arg == *=* ]]; then value=${arg#*=}; fi
      # Both spelt out: an abbreviation goes to sbatch as it is.
      if [[ $name == job-name || $name == cpus-per-task ]]; then
        if [[ $arg != *=* ]]; then
          (($#)) || die "$arg needs a value"
          value=$1
          shift
        fi
        if [[ $name == job-name ]]; then
          [[ -n $value ]] || die "$arg: empty job name"
          job_name=$value merge_name=$value-merge
          continue
        fi
        cpus=$value
        user_opts+=("--cpus-per-task=$value")
        continue
      fi
      user_opts+=("$arg")
      ;;
    -a* | -d* | -o* | -e*)
      die "$arg: submit.sh sets -${arg:1:1} itself (docs/scale.md); leave it out"
      ;;
    -J* | -c*)
      value=${arg:2}
      if [[ -z $value ]]; then
        (($#)) || die "$arg needs a value"
        value=$1
        shift
      fi
      if [[ $arg == -J* ]]; then
        job_name=$value merge_name=$value-merge
      else
        cpus=$value
        user_opts+=("--cpus-per-task=$value")
      fi
      ;;
    *) user_opts+=("$arg") ;;
  esac
done
[[ $cpus =~ ^[1-9][0-9]*$ ]] || die "--cpus-per-task=$cpus: expected a positive whole number"

# talign batch writes only into a new or empty directory or one marked as a
# batch's own (.talign-batch; docs/scale.md): refuse a foreign one now,
# before any job is started.
if [[ -d $out && ! -e $out/.talign-batch && -n $(ls -A "$out") ]]; then
  die "$out is not empty and not an output directory of talign batch; give a new or empty OUT"
fi

# The list of sets, written by talign itself so that a directory is searched
# exactly as `talign batch DIR` searches it and a manifest is checked before
# anything is queued. TALIGN_ARGS go along for --langs, and so that a
# misspelt flag fails here rather than in every task.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if [[ -d $input ]]; then source_flag=(); else source_flag=(--manifest); fi
# shellcheck disable=SC2086 # TALIGN_ARGS is a list of flags, split as the task command splits it
"$talign" batch "${source_flag[@]}" "$input" --write-manifest "$scratch/manifest.tsv" ${TALIGN_ARGS:-} ||
  die "talign could not list the sets of $input (above)"

sets=$(grep -cv '^#' "$scratch/manifest.tsv" || true)
((sets > 0)) || die "$input has no sets"
# Sizes of the inputs: the manifest talign wrote has one set per line and
# absolute files, so the file columns are all there is to read.
files=$(grep -v '^#' "$scratch/manifest.tsv" | cut -f2- | tr '\t' '\n')
sizes=$(xargs -r -d '\n' stat -L -c %s -- <<<"$files" 2>/dev/null) || true
missing=$(($(wc -l <<<"$files") - $(grep -c . <<<"$sizes" || true)))
((missing == 0)) || echo "submit.sh: warning: $missing input file(s) cannot be read; their sets will fail" >&2
total_bytes=$(awk '{ s += $1 } END { printf "%.0f", s }' <<<"$sizes")

# PER_TASK = round(target bytes per task / mean bytes per set), at least 1;
# then as many more as keep the array within MAX_TASKS.
read -r per_task mean_bytes < <(awk -v total="$total_bytes" -v sets="$sets" -v minutes="$task_minutes" \
  -v rate="$rate" -v cpus="$cpus" -v given="${PER_TASK:-}" 'BEGIN {
    mean = total / sets
    per = given != "" ? given : (mean > 0 ? int(minutes * 60 * rate * cpus / mean + 0.5) : sets)
    if (per < 1) per = 1
    if (per > sets) per = sets
    printf "%d %.0f\n", per, mean
  }')
if [[ -z ${PER_TASK:-} ]] && (((sets + per_task - 1) / per_task > max_tasks)); then
  per_task=$(((sets + max_tasks - 1) / max_tasks))
fi
tasks=$(((sets + per_task - 1) / per_task))
((tasks <= max_tasks)) || die "$sets sets at $per_task per task need $tasks tasks (> $max_tasks); raise PER_TASK"
minutes=$(awk -v b="$mean_bytes" -v k="$per_task" -v r="$rate" -v c="$cpus" 'BEGIN { printf "%.1f", b * k / (r * c) / 60 }')
echo "submit.sh: $sets sets, $total_bytes bytes (mean $mean_bytes per set); $per_task per task, $tasks tasks;" \
  "about $minutes min per task at $rate bytes/s per CPU × $cpus CPU(s)" >&2
array="1-$tasks${THROTTLE:+%$THROTTLE}"

mkdir -p "$out/logs"
[[ -e $out/.talign-batch ]] ||
  printf 'This directory holds the outputs of talign batch, which may replace any file in it.\n' >"$out/.talign-batch"
manifest=$out/manifest.tsv
cp "$scratch/manifest.tsv" "$manifest.tmp.$$"
mv -f "$manifest.tmp.$$" "$manifest"
# Summaries of an earlier submission's tasks would be merged with this
# one's; with other sizes their slices overlap. Every task writes its own anew.
rm -f "$out"/summary.task-*.json

# The task command, quoted once for --wrap; $SLURM_ARRAY_TASK_ID is expanded by the task.
cmd=$(printf '%q ' "$talign" batch --manifest "$manifest" --out "$out" --per-task "$per_task" --resume)
cmd+=" --task-index \$SLURM_ARRAY_TASK_ID ${TALIGN_ARGS:-}"
array_id=$(sbatch --parsable --job-name="$job_name" --array="$array" \
  --output="$out/logs/%A_%a.out" --error="$out/logs/%A_%a.err" "${user_opts[@]}" --wrap="$cmd") ||
  die "sbatch refused the array job (above); nothing was submitted"
array_id=${array_id%%;*}   # "ID;CLUSTER" on federated clusters
echo "$array_id"

# afterany: merge whatever finished, failures included, so summary.json says
# which sets failed. An array size set in the environment is for the array only.
merge=$(printf '%q ' "$talign" batch --merge-summaries "$out")
merge_args=(--parsable --job-name="$merge_name" --dependency="afterany:$array_id"
  --output="$out/logs/%j-merge.out" --error="$out/logs/%j-merge.err" "${user_opts[@]}" --wrap="$merge")
if ! merge_id=$(env -u SBATCH_ARRAY_INX sbatch "${merge_args[@]}"); then
  {
    echo "submit.sh: the array job $array_id is queued, but sbatch refused the merge job (above)."
    echo "submit.sh: submit the merge by hand (after fixing the cause):"
    echo "  $(printf '%q ' sbatch "${merge_args[@]}")"
  } >&2
  exit 1
fi
echo "${merge_id%%;*}"
echo "submit.sh: array $array (job $array_id), merge job ${merge_id%%;*}" >&2
