#!/usr/bin/env bash
# The Urdu hunspell dictionary in lexicons/ur: inflected, oblique, izafat and
# broken-plural forms stem to their lemmas, wrong forms are rejected
# (lexicons/ur/check.sh over lexicons/ur/forms.tsv), every Urdu word of the
# default termbase is in the dictionary, and no two concepts have terms that
# stem alike.
#   bash tests/e2e/urdu_hunspell.sh TALIGN_BINARY SOURCE_DIR
set -euo pipefail
source_dir=${2:?usage: urdu_hunspell.sh TALIGN_BINARY SOURCE_DIR}
if ! command -v hunspell >/dev/null; then
  echo "urdu_hunspell: the hunspell command is missing; run tools/setup-deps.sh" >&2
  exit 1
fi
bash "$source_dir/lexicons/ur/check.sh" "$source_dir/lexicons/ur/ur" "$source_dir/lexicons/ur/forms.tsv"
python3 "$source_dir/lexicons/check-termbase.py" --hunspell "$source_dir/lexicons/ur/ur" \
  "$source_dir/lexicons/official-terms.tsv"

# An oblique form of an existing term filed under another concept must be caught:
# it would match the same text as the original.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ cat "$source_dir/lexicons/official-terms.tsv"
  printf 'test_concept\ten\ttest term one\tpreferred\ttest row; confidence: low\n'
  printf 'test_concept\tzh\t测试术语\tpreferred\ttest row; confidence: low\n'
  printf 'test_concept\tur\tبنی نوع انسان کے ہم نصیب معاشرے\tpreferred\ttest row; confidence: low\n'
} >"$tmp/collision.tsv"
if python3 "$source_dir/lexicons/check-termbase.py" --hunspell "$source_dir/lexicons/ur/ur" \
    "$tmp/collision.tsv" 2>"$tmp/err"; then
  echo "urdu_hunspell: an inflected duplicate in another concept was not caught" >&2
  exit 1
fi
grep -q 'stems like .بنی نوع انسان کا ہم نصیب معاشرہ. (community_shared_future_mankind' "$tmp/err"
echo "urdu_hunspell: ok"
