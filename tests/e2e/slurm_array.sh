#!/usr/bin/env bash
# talign batch as a Slurm job array and through GNU parallel, on a one-node
# Slurm on loopback (scale/slurm/ci-up.sh), against a serial run:
#   - every per-set output of the array (and of parallel) is byte-identical
#     to `talign batch --jobs 1`, and so is the merged summary;
#   - after one input is replaced by invalid UTF-8 and the same submission is
#     repeated (--resume), exactly the task holding that set fails, every
#     other output keeps its mtime, and the merged summary names the set;
#   - submit.sh gives its sbatch options to both jobs (a comment and a job
#     name that scontrol shows), prints the array id on line 1 and the merge
#     id on line 2, and when the merge cannot be submitted says so with the
#     array id and a command that submits it by hand (which then works);
#   - a directory submitted as it is gives the outputs of `talign batch DIR`,
#     from the list of sets fixed at submission (a set added afterwards is
#     not run), in as many tasks as the sizing rule gives;
#   - the sizing rule (TASK_MINUTES, BYTES_PER_CPU_SECOND, --cpus-per-task,
#     MAX_TASKS, PER_TASK) and the refused options, against a recording
#     stand-in for sbatch.
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

# same_outputs DIR WHAT [SERIAL]: every per-set file and the summary equal
# the serial run's.
same_outputs() {
  local dir=$1 what=$2 serial=${3:-$work/serial}
  diff -r -x logs -x summary.html -x 'summary.task-*' -x manifest.tsv "$serial" "$dir" >"$work/diff" ||
    fail "$what differs from the serial run: $(head -20 "$work/diff")"
  cmp -s "$serial/summary.html" "$dir/summary.html" || fail "$what: summary.html differs"
  [[ -z $(find "$dir" -name '*.tmp.*') ]] || fail "$what left temporaries: $(find "$dir" -name '*.tmp.*')"
}

# mtimes DIR: "file mtime" of every output except logs and summaries.
# submit.sh writes manifest.tsv anew at every submission.
mtimes() { (cd "$1" && find . -path ./logs -prune -o -type f ! -name 'summary*' ! -name .talign-batch ! -name manifest.tsv -printf '%p %T@\n' | sort); }

# A directory of 5 sets (4 triples and a pair one level down), and its
# mean bytes per set: the sizing below is set up from it.
mkdir -p "$work/dir/sub"
cp "$src"/corpora/{readout,joint-statement,press-conference,briefing}.{en,zh,ur}.txt "$work/dir/"
cp "$src"/corpora/readout.{en,zh}.txt "$work/dir/sub/"
dir_sets=5
mean=$(find "$work/dir" -type f -printf '%s\n' | awk -v n=$dir_sets '{ s += $1 } END { printf "%.3f", s / n }')
# One minute at this rate is one mean set per CPU.
one_set_rate=$(awk -v m="$mean" 'BEGIN { printf "%.6f", m / 60 }')

# --- sizing and refused options, against a recording sbatch ------------------
mkdir -p "$work/fake"
cat >"$work/fake/sbatch" <<'SH'
#!/usr/bin/env bash
printf '%s\n' "$*" >>"$FAKE_SBATCH_LOG"
echo $((1000 + $(wc -l <"$FAKE_SBATCH_LOG")))
SH
chmod +x "$work/fake/sbatch"
# fake_submit [VAR=VALUE...] -- [sbatch options...]: submit.sh over the
# directory; the sbatch command lines in $work/fake.log.
fake_submit() {
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  : >"$work/fake.log"
  env -u PER_TASK PATH="$work/fake:$PATH" FAKE_SBATCH_LOG="$work/fake.log" "${envs[@]}" \
    bash "$src/scale/slurm/submit.sh" "$work/dir" "$work/fake-out" "$@" >"$work/fake.out" 2>"$work/fake.err"
}
# expect_plan PER_TASK TASKS WHAT: the recorded array and task command.
expect_plan() {
  local array per
  array=$(grep -oE -- '--array=1-[0-9]+' "$work/fake.log" | head -1)
  per=$(grep -oE -- '--per-task [0-9]+' "$work/fake.log" | head -1)
  [[ $array == "--array=1-$2" && $per == "--per-task $1" ]] ||
    fail "sizing, $3: expected $1 per task in $2 tasks, got '$per' '$array' ($(cat "$work/fake.err"))"
  grep -q "$1 per task, $2 tasks" "$work/fake.err" || fail "sizing, $3: the plan on stderr says otherwise: $(cat "$work/fake.err")"
}
fake_submit -- || fail "submit.sh with the defaults failed: $(cat "$work/fake.err")"
expect_plan 5 1 "defaults (10 minutes hold every set)"
[[ $(cat "$work/fake.out") == $'1001\n1002' ]] || fail "stdout is not the two job ids, one a line: $(cat "$work/fake.out")"
fake_submit TASK_MINUTES=1 BYTES_PER_CPU_SECOND="$one_set_rate" -- || fail "submit.sh failed: $(cat "$work/fake.err")"
expect_plan 1 5 "one set a minute"
fake_submit TASK_MINUTES=1 BYTES_PER_CPU_SECOND="$one_set_rate" -- --cpus-per-task=3 || fail "submit.sh -c 3 failed"
expect_plan 3 2 "one set a minute per CPU, 3 CPUs"
fake_submit TASK_MINUTES=1 BYTES_PER_CPU_SECOND="$one_set_rate" -- -c 2 || fail "submit.sh -c 2 failed"
expect_plan 2 3 "one set a minute per CPU, 2 CPUs (-c 2)"
fake_submit TASK_MINUTES=2.5 BYTES_PER_CPU_SECOND="$one_set_rate" -- || fail "submit.sh TASK_MINUTES=2.5 failed"
expect_plan 3 2 "2.5 minutes (rounded to 3 sets)"
fake_submit TASK_MINUTES=1 BYTES_PER_CPU_SECOND="$one_set_rate" MAX_TASKS=2 -- || fail "submit.sh MAX_TASKS=2 failed"
expect_plan 3 2 "capped at 2 tasks"
fake_submit TASK_MINUTES=1 BYTES_PER_CPU_SECOND="$one_set_rate" PER_TASK=4 -- || fail "submit.sh PER_TASK=4 failed"
expect_plan 4 2 "PER_TASK given"
# Options reach both jobs; -J names them.
fake_submit PER_TASK=4 -- --account=proj42 -J nightly --qos normal || fail "submit.sh with options failed"
[[ $(grep -c -- '--account=proj42 .*--qos normal' "$work/fake.log") == 2 ]] ||
  fail "the options did not reach both jobs: $(cat "$work/fake.log")"
{ grep -q -- '--job-name=nightly --array' "$work/fake.log" && grep -q -- '--job-name=nightly-merge --dependency' "$work/fake.log"; } ||
  fail "-J nightly did not name the array nightly and the merge nightly-merge: $(cat "$work/fake.log")"
# Refused before anything is submitted.
refused=(--array=1-3 --arr=1-3 "--array 1-3" --dependency=afterok:1 --dep=afterok:1 --output=x --error=x
  "-o x" "-e x" "-a 1-2" -a1-2 "-d afterok:1" --wrap=true)
for opt in "${refused[@]}"; do
  # shellcheck disable=SC2086 # "-o x" is two arguments
  if fake_submit -- $opt; then fail "submit.sh accepted $opt"; fi
  [[ ! -s $work/fake.log && ! -s $work/fake.out ]] || fail "submit.sh submitted something with $opt"
  grep -q "leave it out" "$work/fake.err" || fail "no clear error for $opt: $(cat "$work/fake.err")"
done
# A bad manifest, a missing input or a foreign OUT: an error, nothing queued.
printf 'x\tonly-one.en.txt\n' >"$work/bad.tsv"
mkdir -p "$work/foreign" && echo mine >"$work/foreign/notes.txt"
for args in "$work/bad.tsv $work/fake-bad" "$work/missing.tsv $work/fake-bad" "$work/dir $work/foreign"; do
  : >"$work/fake.log"
  # shellcheck disable=SC2086 # two paths without spaces
  if PATH="$work/fake:$PATH" FAKE_SBATCH_LOG="$work/fake.log" bash "$src/scale/slurm/submit.sh" $args \
    >"$work/fake.out" 2>"$work/fake.err"; then
    fail "submit.sh $args succeeded"
  fi
  [[ ! -s $work/fake.log && ! -s $work/fake.out ]] || fail "submit.sh $args submitted something"
  grep -qE "bad.tsv:1:1: expected|missing.tsv: no such|foreign is not empty" "$work/fake.err" ||
    fail "submit.sh $args: no clear error: $(cat "$work/fake.err")"
done
[[ ! -e $work/fake-bad ]] || fail "a refused submission created its OUT"
for bad in TASK_MINUTES=0 TASK_MINUTES=x BYTES_PER_CPU_SECOND=-1 PER_TASK=0 MAX_TASKS=1.5; do
  if fake_submit "$bad" --; then fail "submit.sh accepted $bad"; fi
  grep -q "${bad%%=*}" "$work/fake.err" || fail "the error for $bad does not name the variable: $(cat "$work/fake.err")"
  [[ ! -s $work/fake.log ]] || fail "submit.sh submitted something with $bad"
done

# --- Slurm -----------------------------------------------------------------
bash "$src/scale/slurm/ci-up.sh" "$work/slurm" || die "one-node Slurm did not start: $(tail -5 "$work"/slurm/log/*.log 2>/dev/null)"
export SLURM_CONF=$work/slurm/slurm.conf
wait_job="$src/scale/slurm/wait-job.sh"

comment=talign-ci-$$
bash "$src/scale/slurm/submit.sh" "$manifest" "$work/slurm-out" --comment="$comment" --job-name=talign-ci \
  >"$work/submit.out" 2>"$work/submit.err" || die "submit.sh failed: $(cat "$work/submit.err")"
{ read -r array; read -r merge; } <"$work/submit.out"
[[ $(wc -l <"$work/submit.out") == 2 && $array =~ ^[0-9]+$ && $merge =~ ^[0-9]+$ ]] ||
  die "submit.sh stdout is not two job ids: $(cat "$work/submit.out")"
# Line 1 is the array, line 2 the merge; both carry the options.
merge_info=$(scontrol -o show job "$merge")
grep -q "JobName=talign-ci-merge .*Comment=$comment " <<<"$merge_info" ||
  fail "the merge job does not carry the options: $merge_info"
grep -q "ArrayJobId" <<<"$merge_info" && fail "line 2 ($merge) is an array job"
bash "$wait_job" "$array" 300 || fail "array job $array did not complete: $(cat "$work"/slurm-out/logs/*.err)"
bash "$wait_job" "$merge" 300 || fail "merge job $merge did not complete"
# Once run, an array has one line per task (pending, it may be one line "1-4").
array_info=$(scontrol -o show job "$array")
[[ $(grep -c "ArrayJobId=$array " <<<"$array_info") == 4 ]] || fail "line 1 ($array) is not the 4-task array: $array_info"
[[ $(grep -c "JobName=talign-ci .*Comment=$comment " <<<"$array_info") == 4 ]] ||
  fail "the array's tasks do not all carry --job-name and --comment: $array_info"
[[ $(ls "$work/slurm-out"/summary.task-*.json | wc -l) == 4 ]] || fail "expected 4 task summaries (8 sets, 2 per task)"
same_outputs "$work/slurm-out" "Slurm array"

# --- a directory, sized by the rule ----------------------------------------------
"$talign" batch --jobs 1 --no-timings "$work/dir" --out "$work/serial-dir" 2>"$work/serial-dir.err" ||
  die "serial run over the directory failed: $(cat "$work/serial-dir.err")"
env -u PER_TASK TASK_MINUTES=1 BYTES_PER_CPU_SECOND="$one_set_rate" \
  bash "$src/scale/slurm/submit.sh" "$work/dir" "$work/slurm-dir" --cpus-per-task=2 >"$work/submit.out" 2>"$work/submit.err" ||
  die "submit.sh DIR failed: $(cat "$work/submit.err")"
# Added after submission, first in name order: were the tasks to search the
# directory themselves, it would shift every slice and be run.
cp "$src"/corpora/readout.{en,zh}.txt "$work/dir/" && mv "$work/dir/readout.en.txt" "$work/dir/aaa.en.txt" &&
  mv "$work/dir/readout.zh.txt" "$work/dir/aaa.zh.txt"
cp "$src"/corpora/readout.{en,zh}.txt "$work/dir/"
{ read -r array; read -r merge; } <"$work/submit.out"
grep -q "5 sets, .* 2 per task, 3 tasks" "$work/submit.err" || fail "directory: plan is not 2 per task, 3 tasks: $(cat "$work/submit.err")"
bash "$wait_job" "$array" 300 || fail "directory: array job $array did not complete: $(cat "$work"/slurm-dir/logs/*.err)"
[[ $(scontrol -o show job "$array" | grep -c "ArrayJobId=$array ") == 3 ]] || fail "directory: the array does not have 3 tasks"
bash "$wait_job" "$merge" 300 || fail "directory: merge job $merge did not complete"
[[ $(ls "$work/slurm-dir"/summary.task-*.json | wc -l) == 3 ]] || fail "directory: expected 3 task summaries"
[[ ! -e $work/slurm-dir/aaa.align.jsonl ]] || fail "directory: a set added after submission was run"
same_outputs "$work/slurm-dir" "Slurm array over a directory" "$work/serial-dir"
rm "$work"/dir/aaa.*

# --- the merge job refused ---------------------------------------------------------
mkdir -p "$work/refusing"
cat >"$work/refusing/sbatch" <<SH
#!/usr/bin/env bash
for arg in "\$@"; do
  [[ \$arg == --dependency=* ]] && { echo "sbatch: error: Batch job submission failed: Invalid account (test)" >&2; exit 1; }
done
exec $(command -v sbatch) "\$@"
SH
chmod +x "$work/refusing/sbatch"
PATH="$work/refusing:$PATH" PER_TASK=5 bash "$src/scale/slurm/submit.sh" "$work/dir" "$work/slurm-refused" \
  >"$work/submit.out" 2>"$work/submit.err"
rc=$?
[[ $rc == 1 ]] || fail "a refused merge job: expected exit 1, got $rc"
array=$(cat "$work/submit.out")
[[ $array =~ ^[0-9]+$ ]] || fail "a refused merge job: stdout is not the array id alone: $array"
scontrol -o show job "$array" | grep -q "ArrayJobId=$array " || fail "a refused merge job: $array is not the queued array"
grep -q "array job $array is queued" "$work/submit.err" || fail "a refused merge job: stderr does not give the array id: $(cat "$work/submit.err")"
by_hand=$(grep -A1 'by hand' "$work/submit.err" | tail -1)
grep -q -- "--dependency=afterany:$array" <<<"$by_hand" || fail "a refused merge job: no command to submit it by hand: $(cat "$work/submit.err")"
merge=$(eval "$by_hand") || fail "the printed merge command failed: $by_hand"
bash "$wait_job" "$array" 300 || fail "array job $array (merge refused) did not complete"
bash "$wait_job" "$merge" 300 || fail "the merge job submitted by hand did not complete"
same_outputs "$work/slurm-refused" "Slurm array with the merge submitted by hand" "$work/serial-dir"

# --- GNU parallel ------------------------------------------------------------
bash "$src/scale/parallel/run.sh" "$manifest" "$work/parallel-out" -j 2 2>"$work/parallel.err" ||
  fail "parallel run failed: $(cat "$work/parallel.err")"
same_outputs "$work/parallel-out" "GNU parallel"
PER_TASK=2 bash "$src/scale/parallel/run.sh" "$work/dir" "$work/parallel-dir" -j 2 2>"$work/parallel-dir.err" ||
  fail "parallel run over a directory failed: $(cat "$work/parallel-dir.err")"
same_outputs "$work/parallel-dir" "GNU parallel over a directory" "$work/serial-dir"
[[ -s $work/parallel-dir/manifest.tsv ]] || fail "GNU parallel over a directory: no OUT/manifest.tsv"

# --- one broken input ----------------------------------------------------------
before_slurm=$(mtimes "$work/slurm-out")
before_parallel=$(mtimes "$work/parallel-out")
printf 'not \xff\xfe UTF-8\n' >"$work/in/press-conference.ur.txt"
sleep 0.1   # a distinct mtime on coarse filesystems

{ read -r array; read -r merge; } < <(bash "$src/scale/slurm/submit.sh" "$manifest" "$work/slurm-out" 2>/dev/null) ||
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
echo "slurm_array: ok (Slurm array and GNU parallel match the serial run; a broken input fails exactly its task;" \
  "options reach both jobs; a directory and the sizing work)"
