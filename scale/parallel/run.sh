#!/usr/bin/env bash
# run.sh MANIFEST|DIR OUT [parallel options...] — the same array as
# scale/slurm/submit.sh through GNU parallel: a directory of NAME.LANG.txt
# sets is listed once, by `talign batch DIR --write-manifest`, into
# OUT/manifest.tsv, which every task reads; task I runs
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
[[ $# -ge 2 ]] || { echo "usage: $0 MANIFEST|DIR OUT [parallel options...]" >&2; exit 2; }
[[ -e $1 ]] || { echo "run.sh: $1: no such manifest or directory" >&2; exit 2; }
manifest=$(realpath "$1")
out=$(realpath -m "$2")
shift 2
talign=${TALIGN:-$(command -v talign || true)}
[[ -n $talign && -x $talign ]] || { echo "run.sh: no talign binary (set TALIGN)" >&2; exit 2; }
talign=$(realpath "$talign")
if [[ -d $manifest ]]; then
  # Listed by talign itself, as `talign batch DIR` would take them, into a
  # scratch file first: OUT is checked below before anything goes into it.
  listed=$(mktemp)
  trap 'rm -f "$listed"' EXIT
  rm -f "$listed"
  # shellcheck disable=SC2086 # TALIGN_ARGS is a list of flags, as in the task command
  "$talign" batch "$manifest" --write-manifest "$listed" ${TALIGN_ARGS:-} ||
    { echo "run.sh: talign could not list the sets of $manifest (above)" >&2; exit 2; }
  directory=$manifest
  manifest=$out/manifest.tsv
fi
max_tasks=${MAX_TASKS:-1000}
sets=$(grep -cvE '^(#|[[:space:]]*$)' "${listed:-$manifest}" || true)
(( sets > 0 )) || { echo "run.sh: ${directory:-$manifest} has no sets" >&2; exit 2; }
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
[[ -z ${listed:-} ]] || mv "$listed" "$manifest"

cmd=$(printf '%q ' "$talign" batch --manifest "$manifest" --out "$out" --per-task "$per_task" --resume)
cmd+=" --task-index {} ${TALIGN_ARGS:-}"
status=0
seq "$tasks" | parallel --joblog "$out/logs/parallel.joblog" "$@" "$cmd" || status=$?
"$talign" batch --merge-summaries "$out" || true
(( status == 0 )) || { echo "run.sh: $status task(s) failed; see $out/logs/parallel.joblog and $out/summary.json" >&2; exit 2; }
