#!/usr/bin/env bash
# wait-job.sh JOBID [TIMEOUT_SECONDS] — waits for a job (or a whole job
# array) to leave the queue by polling squeue once a second (sbatch --wait
# backs off and is several times slower), then exits 0 only if every task
# ended COMPLETED. Otherwise it prints "ArrayTaskId=… JobState=… ExitCode=…"
# per failed task on stderr and exits 1. Works without slurmdbd: scontrol
# remembers finished jobs for MinJobAge (300 s by default).
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 JOBID [TIMEOUT_SECONDS]" >&2; exit 2; }
job=$1
deadline=$(( SECONDS + ${2:-900} ))
while [[ -n $(squeue -h -j "$job" 2>/dev/null) ]]; do
  (( SECONDS < deadline )) || { echo "wait-job.sh: job $job still queued after ${2:-900} s" >&2; exit 1; }
  sleep 1
done
states=$(scontrol -o show job "$job")
[[ -n $states ]] || { echo "wait-job.sh: scontrol knows no job $job" >&2; exit 1; }
bad=$(grep -v 'JobState=COMPLETED' <<<"$states" || true)
[[ -z $bad ]] && exit 0
while read -r line; do
  grep -oE '(JobId|ArrayTaskId|JobState|ExitCode)=[^ ]+' <<<"$line" | paste -sd' ' >&2
done <<<"$bad"
exit 1
