#!/usr/bin/env bash
# ci-down.sh DIR — stops what ci-up.sh DIR started, by its pid files only.
set -uo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$1
for pidfile in "$dir/run/slurmd.pid" "$dir/run/slurmctld.pid" "$dir/run/munged.pid"; do
  [[ -s $pidfile ]] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || continue
  # slurmd takes a few seconds to stop; wait so that the next ci-up finds the ports free.
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  rm -f "$pidfile"
done
exit 0
