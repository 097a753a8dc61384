#!/usr/bin/env bash
# talign batch as a Slurm job array and through GNU parallel, on a one-node
# Slurm on loopback (scale/slurm/ci-up.sh), against a serial run:
#   - every per-set output of the array (and of parallel) is byte-identical
#     to `talign batch --jobs 1`, and so is the merged summary;
#   - after one input is replaced by invalid UTF-8 and the same submission is
#     repeated (--resume), exactly the task holding that set fails, every
#     other output keeps its mtime, and the merged summary names the set.
# Installs slurm-wlm, munge and parallel with apt-get when missing. It fails,
# never skips, when Slurm cannot be installed or started. Runs as root.
#   bash tests/e2e/slurm_array.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$(realpath "$1")
src=$(realpath "$2")
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "this test starts slurmd and munged and must run as root"
packages=(slurm-wlm slurmctld slurmd slurm-client munge parallel)
if ! command -v sbatch >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null ||
   ! command -v parallel >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null 2>&1 ||
    { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null; } ||
    die "cannot install ${packages[*]} with apt-get"
fi

work=$(mktemp -d)
cleanup() {
  bash "$src/scale/slurm/ci-down.sh" "$work/slurm"
  rm -rf "$work"
}
trap cleanup EXIT

# Inputs: a copy of the bundled corpus (one file is broken later), and a
# manifest of pairs and triples. press-conference.ur.txt is used by set 5
# only, which is in task 3 with per-task 2.
mkdir -p "$work/in"
cp "$src"/corpora/{readout,joint-statement,press-conference,briefing}.{en,zh,ur}.txt "$work/in/"
cat >"$work/in/manifest.tsv" <<'TSV'
# name	files (languages from the .LANG.txt names)
readout-en-zh	readout.en.txt	readout.zh.txt
readout-en-ur	readout.en.txt	readout.ur.txt
joint-statement	joint-statement.en.txt	joint-statement.zh.txt	joint-statement.ur.txt
joint-statement-zh-ur	joint-statement.zh.txt	joint-statement.ur.txt

press/conference-en-ur	press-conference.en.txt	press-conference.ur.txt
press/conference-en-zh	press-conference.en.txt	press-conference.zh.txt
briefing	briefing.en.txt	briefing.zh.txt	briefing.ur.txt
readout	readout.en.txt	readout.zh.txt	readout.ur.txt
TSV
manifest=$work/in/manifest.tsv
broken_set=press/conference-en-ur
export TALIGN=$talign PER_TASK=2 TALIGN_ARGS=--no-timings

"$talign" batch --manifest "$manifest" --out "$work/serial" --jobs 1 --no-timings 2>"$work/serial.err" ||
  die "serial run failed: $(cat "$work/serial.err")"
[[ $(find "$work/serial" -name '*.align.jsonl' | wc -l) == 8 ]] || die "serial run did not align 8 sets"

# same_outputs DIR: every per-set file and the summary equal the serial run's.
same_outputs() {
  local dir=$1 what=$2
  diff -r -x logs -x summary.html -x 'summary.task-*' "$work/serial" "$dir" >"$work/diff" ||
    fail "$what differs from the serial run: $(head -20 "$work/diff")"
  cmp -s "$work/serial/summary.html" "$dir/summary.html" || fail "$what: summary.html differs"
  [[ -z $(find "$dir" -name '*.tmp.*') ]] || fail "$what left temporaries: $(find "$dir" -name '*.tmp.*')"
}

# mtimes DIR: "file mtime" of every output except logs and summaries.
mtimes() { (cd "$1" && find . -path ./logs -prune -o -type f ! -name 'summary*' ! -name .talign-batch -printf '%p %T@\n' | sort); }

# --- Slurm -----------------------------------------------------------------
bash "$src/scale/slurm/ci-up.sh" "$work/slurm" || die "one-node Slurm did not start: $(tail -5 "$work"/slurm/log/*.log 2>/dev/null)"
export SLURM_CONF=$work/slurm/slurm.conf
wait_job="$src/scale/slurm/wait-job.sh"

read -r array merge < <(bash "$src/scale/slurm/submit.sh" "$manifest" "$work/slurm-out" 2>/dev/null) ||
  die "submit.sh failed"
bash "$wait_job" "$array" 300 || fail "array job $array did not complete: $(cat "$work"/slurm-out/logs/*.err)"
bash "$wait_job" "$merge" 300 || fail "merge job $merge did not complete"
[[ $(ls "$work/slurm-out"/summary.task-*.json | wc -l) == 4 ]] || fail "expected 4 task summaries (8 sets, 2 per task)"
same_outputs "$work/slurm-out" "Slurm array"

# --- GNU parallel ------------------------------------------------------------
bash "$src/scale/parallel/run.sh" "$manifest" "$work/parallel-out" -j 2 2>"$work/parallel.err" ||
  fail "parallel run failed: $(cat "$work/parallel.err")"
same_outputs "$work/parallel-out" "GNU parallel"

# --- one broken input ----------------------------------------------------------
before_slurm=$(mtimes "$work/slurm-out")
before_parallel=$(mtimes "$work/parallel-out")
printf 'not \xff\xfe UTF-8\n' >"$work/in/press-conference.ur.txt"
sleep 0.1   # a distinct mtime on coarse filesystems

read -r array merge < <(bash "$src/scale/slurm/submit.sh" "$manifest" "$work/slurm-out" 2>/dev/null) ||
  die "second submit.sh failed"
if bash "$wait_job" "$array" 300 2>"$work/wait.err"; then
  fail "the array with a broken input reported success"
fi
# The merge runs after the failed array (afterany), writes the summary and,
# like every talign batch run with a failed set, exits 2.
bash "$wait_job" "$merge" 300 2>/dev/null
scontrol -o show job "$merge" | grep -q 'ExitCode=2:0' || fail "merge job after a failure: expected exit code 2"
failed_tasks=$(scontrol -o show job "$array" | grep -v 'JobState=COMPLETED' | grep -oE 'ArrayTaskId=[0-9]+' | sort -u)
[[ $failed_tasks == "ArrayTaskId=3" ]] || fail "expected exactly task 3 to fail, got: ${failed_tasks:-none} ($(cat "$work/wait.err"))"

check_after_break() {
  local dir=$1 before=$2 what=$3
  local after
  after=$(mtimes "$dir")
  [[ $(wc -l <<<"$before") == 32 ]] || fail "$what: expected 32 outputs before the break (8 sets × 4)"
  # The broken set's outputs are removed; every other output is untouched.
  diff <(grep -v "^./$broken_set\." <<<"$before") <(grep -v "^./$broken_set\." <<<"$after") >/dev/null ||
    fail "$what: outputs of other sets were rewritten"
  [[ ! -e $dir/$broken_set.align.jsonl ]] || fail "$what: stale output of the broken set kept"
  grep -q "\"name\": \"$broken_set\"" "$dir/summary.json" || fail "$what: summary.json does not name $broken_set"
  grep -q '"failed": 1' "$dir/summary.json" || fail "$what: summary.json does not count one failure"
  grep -Eq 'press-conference.ur.txt:[0-9:]+ byte 4' "$dir/summary.json" || fail "$what: the error does not name file and byte"
  grep -q '"resumed": 7' "$dir/summary.json" || fail "$what: expected the 7 good sets to be resumed"
  [[ -z $(find "$dir" -name '*.tmp.*') ]] || fail "$what left temporaries"
}
check_after_break "$work/slurm-out" "$before_slurm" "Slurm"

if bash "$src/scale/parallel/run.sh" "$manifest" "$work/parallel-out" -j 2 2>"$work/parallel.err"; then
  fail "parallel with a broken input reported success"
fi
# joblog columns: Seq Host Starttime JobRuntime Send Receive Exitval Signal Command
failed_jobs=$(awk -F'\t' 'NR > 1 && $7 != 0 {print $1}' "$work/parallel-out/logs/parallel.joblog" | sort -u | paste -sd,)
[[ $failed_jobs == 3 ]] || fail "parallel: expected exactly job 3 to fail, got: ${failed_jobs:-none}"
check_after_break "$work/parallel-out" "$before_parallel" "GNU parallel"

if ((failures)); then
  echo "slurm_array: $failures failure(s)" >&2
  exit 1
fi
echo "slurm_array: ok (Slurm array and GNU parallel match the serial run; a broken input fails exactly its task)"
