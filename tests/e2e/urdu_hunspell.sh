#!/usr/bin/env bash
# The Urdu hunspell dictionary in lexicons/ur: inflected, oblique, izafat and
# broken-plural forms stem to their lemmas, wrong forms are rejected
# (lexicons/ur/check.sh over lexicons/ur/forms.tsv), and every Urdu word of the
# default termbase is in the dictionary.
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
echo "urdu_hunspell: ok"
