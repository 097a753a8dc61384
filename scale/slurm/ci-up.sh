#!/usr/bin/env bash
# ci-up.sh DIR — starts a one-node Slurm on loopback (munged, slurmctld,
# slurmd) as root without systemd, for tests. Config, state, logs and pid
# files live in DIR; stop it with ci-down.sh DIR. Then: export SLURM_CONF=DIR/slurm.conf
#
# Not for production: SlurmUser=root and a single node. See docs/scale.md.
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 DIR" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "ci-up.sh: must run as root (slurmd and munged need it)" >&2; exit 1; }
dir=$(realpath -m "$1")
mkdir -p "$dir"/{state,spool,log,run}

# munge authenticates slurmctld and slurmd to each other. Reuse a running
# daemon; otherwise start one as user munge (it refuses to run as root) and
# note its pid so that ci-down.sh stops only what we started.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  [[ -s /etc/munge/munge.key ]] || mungekey --create
  # Its pid file goes under /run/munge: DIR may be a private mktemp directory
  # that user munge cannot enter.
  install -d -o munge -g munge -m 0755 /run/munge
  runuser -u munge -- munged --pid-file=/run/munge/munged.pid
  cp /run/munge/munged.pid "$dir/run/munged.pid"
  munge -n | unmunge | grep -q 'STATUS: *Success' || { echo "ci-up.sh: munge does not work" >&2; exit 1; }
fi

node=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
(( mem > 256 )) || mem=256
cat > "$dir/slurm.conf" <<CONF
ClusterName=talignci
SlurmctldHost=$node(127.0.0.1)
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=batch Nodes=ALL Default=YES MaxTime=INFINITE State=UP
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MailProg=/bin/true
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
CONF
export SLURM_CONF=$dir/slurm.conf
slurmctld -f "$SLURM_CONF"   # both daemonise and write their pid files
slurmd -f "$SLURM_CONF"
for _ in $(seq 40); do
  if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed)$'; then exit 0; fi
  sleep 0.5
done
echo "ci-up.sh: the Slurm node did not come up; logs in $dir/log" >&2
exit 1
