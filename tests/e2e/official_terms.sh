#!/usr/bin/env bash
# The bundled termbase keeps its conventions: 5 columns (6 with a kind on a
# concept's first row), known statuses and languages, every concept in en, zh
# and ur with exactly one preferred term per language, a basis and confidence
# in every note, Urdu code points, and no term text shared by two concepts. Then a broken copy must be rejected, so the
# checker is known to bite.
#   bash tests/e2e/official_terms.sh TALIGN_BINARY SOURCE_DIR
set -euo pipefail
source_dir=${2:?usage: official_terms.sh TALIGN_BINARY SOURCE_DIR}
checker="$source_dir/lexicons/check-termbase.py"
tsv="$source_dir/lexicons/official-terms.tsv"
python3 "$checker" "$tsv"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A second preferred English term for cpec, an Arabic kaf in an Urdu term, a
# kind on a later row of a concept and an unknown kind.
{ cat "$tsv"
  printf 'cpec\ten\tChina Pakistan corridor\tpreferred\ttest row; confidence: low\n'
  printf 'cpec\ten\tthe Corridor project\tadmitted\ttest row; confidence: low\tname\n'
  printf 'new_concept\ten\tnew thing\tpreferred\ttest row; confidence: low\tperson\n'
  printf 'cpec\tur\tسی پی\xd9\x83\tadmitted\ttest row; confidence: low\n'
} >"$tmp/broken.tsv"
if python3 "$checker" "$tmp/broken.tsv" 2>"$tmp/err"; then
  echo "official_terms: the checker accepted a broken termbase" >&2
  exit 1
fi
grep -q 'concept cpec has 2 preferred en terms' "$tmp/err"
grep -q 'Arabic U+0643 in Urdu term' "$tmp/err"
grep -q 'the kind of cpec belongs on its first row' "$tmp/err"
grep -q "unknown kind 'person'" "$tmp/err"
echo "official_terms: ok"
