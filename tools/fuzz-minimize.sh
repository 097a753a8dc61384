#!/usr/bin/env bash
# Shrinks a crashing input of a fuzz target and files it as a regression:
#   tools/fuzz-minimize.sh TARGET CRASH_FILE NAME [RUNS]
# writes fuzz/regressions/TARGET/NAME, the smallest input libFuzzer found in
# RUNS attempts (default 20000) that still crashes the same way.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=$1 crash=$2 name=$3 runs=${4:-20000}
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
out=$root/fuzz/regressions/$target/$name
mkdir -p "$(dirname "$out")"
TALIGN_FUZZ_TMP=$(mktemp -d "$( [[ -w /dev/shm ]] && echo /dev/shm || echo /tmp )/talign-fuzz.XXXXXX")
export TALIGN_FUZZ_TMP
trap 'rm -rf "$TALIGN_FUZZ_TMP"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$build/fuzz/$target" -minimize_crash=1 -runs="$runs" -timeout=10 -exact_artifact_path="$out" "$crash" \
  >"$build/logs/$target.minimize.log" 2>&1 || true
[[ -s $out ]] || cp "$crash" "$out"
echo "$out: $(wc -c <"$out") bytes (from $(wc -c <"$crash"))"
"$build/fuzz/$target" "$out" 2>&1 | grep -m1 -E 'invariant failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|what\(\)' || true
