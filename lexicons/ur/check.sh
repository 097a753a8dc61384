#!/usr/bin/env bash
# Checks the Urdu hunspell dictionary against forms.tsv with the hunspell CLI:
# every listed form must be accepted and stem to its expected lemma (and carry
# the expected morphological tag when one is given), and every form marked "-"
# must be rejected. Also checks that the .dic count line matches its entries.
#   lexicons/ur/check.sh [DICT_BASE [FORMS_TSV]]
# DICT_BASE defaults to lexicons/ur/ur (the .aff/.dic pair beside this script).
# Exit status: 0 all good, 1 a mismatch, 2 usage or missing hunspell.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dict=${1:-$here/ur}
forms=${2:-$here/forms.tsv}
if ! command -v hunspell >/dev/null; then
  echo "check.sh: the hunspell command is not installed (apt-get install hunspell)" >&2
  exit 2
fi
for f in "$dict.aff" "$dict.dic" "$forms"; do
  [[ -r $f ]] || { echo "check.sh: cannot read $f" >&2; exit 2; }
done

failures=0
declared=$(head -n1 "$dict.dic")
actual=$(($(wc -l <"$dict.dic") - 1))
if [[ $declared != "$actual" ]]; then
  echo "check.sh: $dict.dic:1: count line says $declared, the file has $actual entries" >&2
  failures=$((failures + 1))
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One case per line: line number in forms.tsv, form (escapes expanded), expectation, tag.
line=0
while IFS=$'\t' read -r form expected tag || [[ -n $form ]]; do
  line=$((line + 1))
  [[ -z $form || $form == \#* ]] && continue
  if [[ -z ${expected:-} ]]; then
    echo "check.sh: $forms:$line: missing expected stem column" >&2
    exit 2
  fi
  printf '%s\t%b\t%s\t%s\n' "$line" "$form" "$expected" "${tag:-}" >>"$tmp/cases"
done <"$forms"

cut -f2 "$tmp/cases" | hunspell -d "$dict" -i UTF-8 -s >"$tmp/stems"
cut -f2 "$tmp/cases" | hunspell -d "$dict" -i UTF-8 -m >"$tmp/analyses"

# hunspell prints one block per input word, blocks separated by an empty line:
# -s gives "WORD STEM" per stem (just "WORD" when rejected), -m "WORD  FIELDS".
awk -F'\t' -v forms="$forms" '
  FNR == 1 { file++ }
  file == 1 { n++; num[n] = $1; form[n] = $2; want[n] = $3; tag[n] = $4; next }
  file == 2 {
    s++; stems[s] = ""; known[s] = 0
    k = split($0, lines, "\n")
    for (i = 1; i <= k; i++) {
      m = split(lines[i], w, " ")
      if (m >= 2) { known[s] = 1; stems[s] = stems[s] " " w[2] " " }
    }
    next
  }
  { a++; morph[a] = " " $0 " " }
  END {
    if (s != n || a != n) {
      printf "check.sh: hunspell answered %d/%d blocks for %d forms\n", s, a, n > "/dev/stderr"
      exit 1
    }
    bad = 0
    for (i = 1; i <= n; i++) {
      where = forms ":" num[i] ": " form[i]
      if (want[i] == "-") {
        if (known[i]) { print where ": accepted, expected rejection (stems:" stems[i] ")" > "/dev/stderr"; bad++ }
        continue
      }
      if (!known[i]) { print where ": rejected, expected stem " want[i] > "/dev/stderr"; bad++; continue }
      if (index(stems[i], " " want[i] " ") == 0) {
        print where ": stems" stems[i] "expected " want[i] > "/dev/stderr"; bad++
      }
      if (tag[i] != "" && index(morph[i], " " tag[i]) == 0) {
        print where ": no analysis with " tag[i] > "/dev/stderr"; bad++
      }
    }
    printf "check.sh: %d forms, %d mismatches\n", n, bad
    exit bad > 0
  }
' "$tmp/cases" RS= "$tmp/stems" RS= "$tmp/analyses" || failures=$((failures + 1))

exit $((failures > 0))
