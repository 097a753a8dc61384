#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz (clang, ASan+UBSan), replays
# every reproducer under fuzz/regressions/TARGET/, then fuzzes each target
# for SECONDS from seeds made out of the repository's data (docs/fuzzing.md).
#   tools/fuzz.sh [SECONDS [TARGET...]]     default: 20 s, every target
#   FUZZ_JOBS=2 tools/fuzz.sh 20            targets run two at a time
#   FUZZ_REPLAY_ONLY=1 tools/fuzz.sh        only replay fuzz/regressions
# Exits non-zero when a reproducer still fails or a target finds a crash,
# leak, timeout or OOM; the input is left in build-fuzz/artifacts/TARGET/ and
# the log in build-fuzz/logs/TARGET.log. The corpus a run grows is kept in
# build-fuzz/corpus/TARGET/ and is where the next run starts.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${1:-20}
shift || true
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${FUZZ_JOBS:-1}

all_targets=(text_fuzzer segment_en_fuzzer segment_zh_fuzzer segment_ur_fuzzer lexicon_tsv_fuzzer
  lexicon_tbx_fuzzer dictionary_fuzzer cedict_fuzzer dictionary_table_fuzzer numbers_fuzzer batch_set_fuzzer
  batch_merge_fuzzer check_fuzzer cat_file_fuzzer)
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")

# -max_len per target (keep in step with fuzz/make_seeds.py) and the token
# dictionaries (fuzz/dicts/) each one gets, concatenated into one -dict file.
max_len() {
  case $1 in
    numbers_fuzzer) echo 512 ;;
    dictionary_table_fuzzer) echo 1024 ;;
    check_fuzzer) echo 3072 ;;
    segment_*|dictionary_fuzzer|cedict_fuzzer|batch_set_fuzzer) echo 4096 ;;
    *) echo 8192 ;;
  esac
}
dicts() {
  case $1 in
    text_fuzzer|segment_*) echo text ;;
    lexicon_tsv_fuzzer) echo "tsv text" ;;
    lexicon_tbx_fuzzer) echo "tbx tsv" ;;
    dictionary_fuzzer) echo "dictionary text" ;;
    cedict_fuzzer) echo cedict ;;
    dictionary_table_fuzzer) echo table ;;
    numbers_fuzzer) echo "numbers text" ;;
    batch_*) echo json ;;
    check_fuzzer) echo "text numbers" ;;
    cat_file_fuzzer) echo cat ;;
  esac
}

for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz: unknown target '$t' (known: ${all_targets[*]})" >&2; exit 2; }
done

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  # -O1 without NDEBUG: the library's assertions stay on while fuzzing.
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DTALIGN_BUILD_FUZZERS=ON -DTALIGN_BUILD_TOOLS=OFF \
    -DTALIGN_BUILD_TESTS=OFF -DTALIGN_BUILD_BENCH=OFF -DTALIGN_INSTALL=OFF >/dev/null
fi
cmake --build "$build" --target "${targets[@]}" -j "${FUZZ_BUILD_JOBS:-$(nproc)}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The targets that read files write them here; one tmpfs directory per run.
TALIGN_FUZZ_TMP=$(mktemp -d "$( [[ -w /dev/shm ]] && echo /dev/shm || echo /tmp )/talign-fuzz.XXXXXX")
export TALIGN_FUZZ_TMP
trap 'rm -rf "$TALIGN_FUZZ_TMP"' EXIT

common=(-rss_limit_mb=2048 -timeout=10)
mkdir -p "$build/logs"

# Regressions: each file is one input that once crashed its target.
failed=()
for t in "${targets[@]}"; do
  dir=fuzz/regressions/$t
  [[ -d $dir ]] || continue
  mapfile -t inputs < <(find "$dir" -type f ! -name '*.md' | sort)
  ((${#inputs[@]})) || continue
  for input in "${inputs[@]}"; do
    log=$build/logs/$t.replay.$(basename "$input").log
    # In a subshell, so that the shell's "Aborted" note goes to the log too.
    if ("$build/fuzz/$t" "${common[@]}" "$input"; exit $?) >"$log" 2>&1; then
      echo "replay: ok    $input"
    else
      echo "replay: FAIL  $input: $(grep -m1 -E 'invariant failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|what\(\)' "$log" | sed 's/^ *//' || echo "see $log")"
      failed+=("$input")
    fi
  done
done
if [[ -n ${FUZZ_REPLAY_ONLY:-} ]]; then
  ((${#failed[@]} == 0)) || { echo "fuzz: ${#failed[@]} reproducer(s) still fail: ${failed[*]}" >&2; exit 1; }
  exit 0
fi

seeds=$build/seeds
python3 fuzz/make_seeds.py "$seeds" >/dev/null

# One target: fuzz for $seconds from its corpus and the fresh seeds; the
# outcome goes to logs/TARGET.status for the parent to collect.
run_target() {
  local t=$1 corpus=$build/corpus/$1 artifacts=$build/artifacts/$1 dict=$build/dicts/$1.dict
  mkdir -p "$corpus" "$artifacts" "$build/dicts" "$seeds/$t"
  : >"$dict"
  for d in $(dicts "$t"); do cat "fuzz/dicts/$d.dict" >>"$dict"; done
  if ("$build/fuzz/$t" "${common[@]}" -max_len="$(max_len "$t")" -max_total_time="$seconds" \
      -dict="$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
      "$corpus" "$seeds/$t"; exit $?) >"$build/logs/$t.log" 2>&1; then
    local runs
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/logs/$t.log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: ok    $t ($runs runs)"
    echo ok >"$build/logs/$t.status"
  else
    echo "fuzz: FAIL  $t: $(grep -m1 -E 'invariant failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|what\(\)' \
      "$build/logs/$t.log" | sed 's/^ *//' || echo 'see its log')"
    echo "            input in $artifacts/, log in $build/logs/$t.log"
    echo failed >"$build/logs/$t.status"
  fi
}

# Up to $jobs targets at a time.
for t in "${targets[@]}"; do
  rm -f "$build/logs/$t.status"
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  run_target "$t" &
done
wait
for t in "${targets[@]}"; do
  [[ $(cat "$build/logs/$t.status" 2>/dev/null) == ok ]] || failed+=("$t")
done

if ((${#failed[@]})); then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: every target ran ${seconds} s without a finding"
