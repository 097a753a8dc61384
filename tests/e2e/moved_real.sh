#!/usr/bin/env bash
# Moved paragraphs in real published documents: tools/eval-moves.py moves
# one paragraph of the Chinese or Urdu version of every document of
# corpora/real (and of ../shared/eval/ntrex-dev when present) with at
# least five paragraphs, and aligns the versions as published and as
# moved. A `moved` link where nothing moved is a failure, and so are links
# that pair sentences the unmoved alignment did not pair for more than one
# in ten of the sentences found, and finding the move in fewer than half
# of the moved documents (33 of 45 when measured, docs/aligner.md).
#   bash tests/e2e/moved_real.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
root=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
python=$(python_with json)
[[ -n $python ]] || { echo "moved_real: no python3, skipped"; exit 0; }

dirs=("$root/corpora/real")
[[ -d $root/../shared/eval/ntrex-dev ]] && dirs+=("$root/../shared/eval/ntrex-dev")
if ! "$python" "$root/tools/eval-moves.py" --talign "$talign" --json "$tmp/figures.json" "${dirs[@]}" \
    >"$tmp/summary" 2>"$tmp/log"; then
  fail "eval-moves.py failed: $(tail -3 "$tmp/log")"
else
  cat "$tmp/summary"
  "$python" - "$tmp/figures.json" <<'PY' || fail "figures: $(cat "$tmp/summary")"
import json, sys
f = json.load(open(sys.argv[1]))
ok = f["links_where_nothing_moved"] == 0 and 10 * f["wrong_links"] <= f["moved_sentences_found"]
ok = ok and f["moved_documents"] >= 4
ok = ok and 2 * f["moved_documents_found"] >= f["moved_documents"]
sys.exit(0 if ok else 1)
PY
fi
finish moved_real
