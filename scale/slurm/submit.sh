#!/usr/bin/env bash
# submit.sh MANIFEST OUT [sbatch options...] — runs `talign batch` over a
# manifest as a Slurm job array, then a dependent job that merges the
# per-task summaries into OUT/summary.json and OUT/summary.html.
#
# Prints "ARRAY_JOB_ID MERGE_JOB_ID" on stdout. Environment:
#   TALIGN       the talign binary (default: talign on PATH), on a shared filesystem
#   PER_TASK     sets per array task (default: the smallest that keeps the
#                array at ≤ MAX_TASKS tasks)
#   MAX_TASKS    default 1000 (Slurm's MaxArraySize is 1001 unless raised)
#   THROTTLE     run at most this many tasks at once (--array=1-M%THROTTLE)
#   TALIGN_ARGS  more `talign batch` flags, e.g. "--lexicon /shared/terms.tsv --format tmx"
# Every task runs with --resume, so resubmitting the same command after a
# failure or a timeout redoes only what is missing (docs/scale.md).
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 MANIFEST OUT [sbatch options...]" >&2; exit 2; }
manifest=$(realpath "$1")
out=$(realpath -m "$2")
shift 2
talign=${TALIGN:-$(command -v talign || true)}
[[ -n $talign && -x $talign ]] || { echo "submit.sh: no talign binary (set TALIGN)" >&2; exit 2; }
talign=$(realpath "$talign")
max_tasks=${MAX_TASKS:-1000}

# Set lines only: '#' comments and blank lines do not count (as in talign).
sets=$(grep -cvE '^(#|[[:space:]]*$)' "$manifest" || true)
(( sets > 0 )) || { echo "submit.sh: $manifest has no set lines" >&2; exit 2; }
per_task=${PER_TASK:-$(( (sets + max_tasks - 1) / max_tasks ))}
tasks=$(( (sets + per_task - 1) / per_task ))
(( tasks <= max_tasks )) || {
  echo "submit.sh: $sets sets at $per_task per task need $tasks tasks (> $max_tasks); raise PER_TASK" >&2
  exit 2
}
array="1-$tasks${THROTTLE:+%$THROTTLE}"
# talign batch writes only into a new or empty directory or one marked as a
# batch's own (.talign-batch; docs/scale.md): refuse a foreign one now,
# before any job is started, and mark ours before the logs go in. The text
# is the one talign writes into the directories it claims.
if [[ -d $out && ! -e $out/.talign-batch && -n $(ls -A "$out") ]]; then
  echo "submit.sh: $out is not empty and not an output directory of talign batch; give a new or empty OUT" >&2
  exit 2
fi
mkdir -p "$out/logs"
[[ -e $out/.talign-batch ]] ||
  printf 'This directory holds the outputs of talign batch, which may replace any file in it.\n' >"$out/.talign-batch"

# The task command, quoted once for --wrap; $SLURM_ARRAY_TASK_ID is expanded by the task.
cmd=$(printf '%q ' "$talign" batch --manifest "$manifest" --out "$out" --per-task "$per_task" --resume)
cmd+=" --task-index \$SLURM_ARRAY_TASK_ID ${TALIGN_ARGS:-}"
array_id=$(sbatch --parsable --job-name=talign-batch --array="$array" \
  --output="$out/logs/%A_%a.out" --error="$out/logs/%A_%a.err" "$@" --wrap="$cmd")
array_id=${array_id%%;*}   # "ID;CLUSTER" on federated clusters

# afterany: merge whatever finished, failures included, so summary.json says
# which sets failed.
merge=$(printf '%q ' "$talign" batch --merge-summaries "$out")
merge_id=$(sbatch --parsable --job-name=talign-merge --dependency="afterany:$array_id" \
  --output="$out/logs/%j-merge.out" --error="$out/logs/%j-merge.err" --wrap="$merge")
echo "$array_id ${merge_id%%;*}"
echo "submit.sh: $sets sets, $per_task per task, array $array (job $array_id), merge job ${merge_id%%;*}" >&2
