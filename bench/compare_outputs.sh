#!/usr/bin/env bash
# Checks that a speed change left every output of the aligner as it was:
# runs two talign binaries on the same real documents and compares what they
# write byte for byte.
#
#   bench/compare_outputs.sh BEFORE_BIN AFTER_BIN OUT [EVAL_DIR] [LONG_EVAL_DIR]
#
# OUT gets before/ and after/ (tools/snapshot-outputs.sh's bundled corpus,
# and with EVAL_DIR its mac-dev, nonlit-dev and ntrex-dev documents) plus
# long/ in each: the joined documents and the Quran sets that
# tools/build-long-eval.py writes into LONG_EVAL_DIR (default out/long-eval),
# aligned as tools/eval-long.py aligns them. Both binaries run from the
# repository root, so that they find the same CC-CEDICT and ur-en list. Exit
# status 0 when every output (stdout, stderr, exit code) is identical, 1 and
# the differing files otherwise. Long documents are what a speed change is
# usually for, and where a reordered floating-point sum would show first.
set -uo pipefail
[[ $# -ge 3 ]] || { echo "usage: $0 BEFORE_BIN AFTER_BIN OUT [EVAL_DIR] [LONG_EVAL_DIR]" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
before=$(realpath "$1"); after=$(realpath "$2"); out=$3
eval_dir=${4:-}; long=${5:-$root/out/long-eval}
[[ -n "$eval_dir" ]] && eval_dir=$(realpath "$eval_dir")
long=$(realpath -m "$long")
mkdir -p "$out"; out=$(realpath "$out")

snapshot_long() {  # snapshot_long BIN DIR
  local bin=$1 dir=$2
  mkdir -p "$dir"
  [[ -f "$long/manifest.json" ]] || { echo "compare_outputs: no $long/manifest.json, long documents skipped" >&2; return; }
  # Joined documents and the Quran sets (not the parts: the snapshot has them).
  python3 - "$long/manifest.json" <<'EOF' |
import json, sys
docs = json.load(open(sys.argv[1]))['documents']
for name, d in sorted(docs.items()):
    if not (name.startswith('joined:') or name.startswith('quran-')):
        continue
    fmt = 'beads' if d['kind'] == 'beads' else 'jsonl'
    split = 'presegmented' if d['presegmented'] else 'running'
    print('\t'.join([name.replace(':', '_'), ','.join(d['langs']), split, fmt, d['dir']] + d['files']))
EOF
  while IFS=$'\t' read -r name langs split fmt sub f1 f2 f3; do
    local args=(align --langs "$langs")
    [[ $split == presegmented ]] && args+=(--presegmented)
    args+=("$long/$sub/$f1" "$long/$sub/$f2")
    [[ -n "${f3:-}" ]] && args+=("$long/$sub/$f3")
    "$bin" "${args[@]}" --format "$fmt" >"$dir/$name.$fmt" 2>"$dir/$name.err"
    echo $? >"$dir/$name.rc"
  done
}

cd "$root"
# The same OUT can be given again after each step: the outputs of BEFORE_BIN
# are kept, and remade only when that binary (or the inputs given) changed.
stamp="$(sha256sum "$before" | cut -d' ' -f1) $eval_dir $long"
for side in before after; do
  bin=$before; [[ $side == after ]] && bin=$after
  if [[ $side == before && -f "$out/before.stamp" && "$(cat "$out/before.stamp")" == "$stamp" ]]; then
    continue
  fi
  tools/snapshot-outputs.sh "$bin" "$out/$side" $eval_dir
  snapshot_long "$bin" "$out/$side/long"
  [[ $side == before ]] && echo "$stamp" >"$out/before.stamp"
done
if diff -rq "$out/before" "$out/after"; then
  echo "compare_outputs: $(find "$out/before" -type f | wc -l) outputs identical"
else
  exit 1
fi
