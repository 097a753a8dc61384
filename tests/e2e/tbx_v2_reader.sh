#!/usr/bin/env bash
# `talign lexicon convert --tbx-version 2` writes TBX v2 (<martif>) that a
# reader nobody here wrote takes as it is: translate-toolkit's tbxfile (the
# TBX support of Pootle and Virtaal, which knows v2 only) reads every concept
# of the bundled termbase with its id, its English term as source and its
# term in the second language as target. And v2 round-trips through talign:
# TSV → TBX v2 → TSV gives the same bytes. Refusals: --tbx-version 4, and
# --tbx-version with TSV output.
#   bash tests/e2e/tbx_v2_reader.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
root=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

py=$(python_with translate.storage.tbx)
[[ -n $py ]] || { echo "FAIL: no python3 can import translate (tools/setup-deps.sh installs python3-translate)" >&2; exit 1; }

terms=$root/lexicons/official-terms.tsv
expect 0 "" -- lexicon convert "$terms" "$tmp/v2.tbx" --tbx-version 2
expect 0 "" -- lexicon convert "$terms" "$tmp/v3.tbx"
expect 0 "" -- lexicon convert "$terms" "$tmp/canonical.tsv"
"$py" - "$tmp/v2.tbx" "$tmp/canonical.tsv" <<'PY' || fail "translate-toolkit does not read the TBX v2 as written"
import csv, sys
from translate.storage import tbx
store = tbx.tbxfile.parsefile(sys.argv[1])
# The first term of each concept per language, in the order talign writes them.
first = {}
with open(sys.argv[2], encoding="utf-8") as f:
    for row in csv.reader((l for l in f if l.strip() and not l.startswith("#")), delimiter="\t"):
        concept, lang, term = row[0], row[1], row[2]
        if concept == "concept_id":  # the header row
            continue
        first.setdefault(concept, {}).setdefault(lang, term)
assert len(store.units) == len(first), (len(store.units), len(first))
for unit in store.units:
    langs = first[unit.getid()]
    assert unit.source == langs["en"], (unit.getid(), unit.source, langs)
    second = [t for l, t in langs.items() if l != "en"]
    assert not second or unit.target == second[0], (unit.getid(), unit.target, second)
print(f"translate-toolkit read {len(store.units)} concepts")
PY
# translate-toolkit does not know v3 (it refuses a root other than <martif>),
# which is why v2 is offered at all.
"$py" - "$tmp/v3.tbx" <<'PY' && fail "translate-toolkit now reads TBX v3: --tbx-version 2 is no longer needed by it"
import sys
from translate.storage import tbx
try:
    sys.exit(0 if tbx.tbxfile.parsefile(sys.argv[1]).units else 1)
except AssertionError:
    sys.exit(1)
PY

expect 0 "" -- lexicon convert "$tmp/v2.tbx" "$tmp/back.tsv"
cmp -s "$tmp/back.tsv" "$tmp/canonical.tsv" || fail "TSV → TBX v2 → TSV changed the termbase"
expect 0 "" -- lexicon convert "$terms" - --to tbx --tbx-version 2
grep -q '<martif type="TBX-Basic"' "$tmp/out" || fail "--to tbx --tbx-version 2 on stdout is not martif"

expect 2 "tbx-version" -- lexicon convert "$terms" "$tmp/v4.tbx" --tbx-version 4
expect 2 "tbx-version is for TBX output" -- lexicon convert "$terms" "$tmp/x.tsv" --tbx-version 2
[[ -e $tmp/v4.tbx || -e $tmp/x.tsv ]] && fail "a refused convert wrote its output"

finish tbx_v2_reader
