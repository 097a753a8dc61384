#!/usr/bin/env bash
# run.sh MANIFEST OUT [parallel options...] — the same array as
# scale/slurm/submit.sh through GNU parallel: task I runs
# `talign batch --manifest … --task-index I --per-task K --resume`, then the
# per-task summaries are merged into OUT/summary.json and summary.html.
#
# Local:   scale/parallel/run.sh archive.tsv out/ -j 2
# Hosts:   scale/parallel/run.sh archive.tsv out/ --sshlogin 8/node1,8/node2
#          (talign, the manifest, the inputs and OUT at the same paths on
#          every host: a shared filesystem)
# Environment: TALIGN, PER_TASK, MAX_TASKS, TALIGN_ARGS as for submit.sh.
# The job log is OUT/logs/parallel.joblog (one line per task with its exit
# value). Exits 0 when every task succeeded, 2 when any set failed.
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 MANIFEST OUT [parallel options...]" >&2; exit 2; }
manifest=$(realpath "$1")
out=$(realpath -m "$2")
shift 2
talign=${TALIGN:-$(command -v talign || true)}
[[ -n $talign && -x $talign ]] || { echo "run.sh: no talign binary (set TALIGN)" >&2; exit 2; }
talign=$(realpath "$talign")
max_tasks=${MAX_TASKS:-1000}
sets=$(grep -cvE '^(#|[[:space:]]*$)' "$manifest" || true)
(( sets > 0 )) || { echo "run.sh: $manifest has no set lines" >&2; exit 2; }
per_task=${PER_TASK:-$(( (sets + max_tasks - 1) / max_tasks ))}
tasks=$(( (sets + per_task - 1) / per_task ))
# talign batch writes only into a new or empty directory or one marked as a
# batch's own (.talign-batch; docs/scale.md): refuse a foreign one now,
# before any job is started, and mark ours before the logs go in. The text
# is the one talign writes into the directories it claims.
if [[ -d $out && ! -e $out/.talign-batch && -n $(ls -A "$out") ]]; then
  echo "run.sh: $out is not empty and not an output directory of talign batch; give a new or empty OUT" >&2
  exit 2
fi
mkdir -p "$out/logs"
[[ -e $out/.talign-batch ]] ||
  printf 'This directory holds the outputs of talign batch, which may replace any file in it.\n' >"$out/.talign-batch"

cmd=$(printf '%q ' "$talign" batch --manifest "$manifest" --out "$out" --per-task "$per_task" --resume)
cmd+=" --task-index {} ${TALIGN_ARGS:-}"
status=0
seq "$tasks" | parallel --joblog "$out/logs/parallel.joblog" "$@" "$cmd" || status=$?
"$talign" batch --merge-summaries "$out" || true
(( status == 0 )) || { echo "run.sh: $status task(s) failed; see $out/logs/parallel.joblog and $out/summary.json" >&2; exit 2; }
