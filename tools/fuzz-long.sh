#!/usr/bin/env bash
# Long fuzzing runs (docs/fuzzing.md): every target, or those named, for
# SECONDS each (default an hour), as many at a time as there are cores.
# The corpora in build-fuzz/corpus/ grow from run to run.
#   tools/fuzz-long.sh [SECONDS [TARGET...]]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-3600}
shift || true
FUZZ_JOBS=${FUZZ_JOBS:-$(nproc)} exec "$root/tools/fuzz.sh" "$seconds" "$@"
