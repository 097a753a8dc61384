#!/usr/bin/env bash
# Languages are data: Esperanto, which talign is not built with, is defined
# by tests/data/language-eo (a language list, eo.lang and eo.rules) found
# through $TALIGN_DATA_DIR, and is then detected, segmented by its own rules,
# matched against a termbase (with its letter folding), aligned with English
# and checked for numbers written as its own number words. Arabic text is not
# taken for Urdu: it is an error that says how to give the language.
#   bash tests/e2e/language_from_data.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_out EXPECTED_FILE -- COMMAND...: exit 0 and exactly this output.
expect_out() {
  local expected=$1; shift 2
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  [[ $got == 0 ]] || fail "$* exited $got; stderr: $(cat "$work/stderr")"
  diff -u "$expected" "$work/stdout" >"$work/diff" || fail "$*: output differs: $(cat "$work/diff")"
}

# expect_exit CODE PATTERN -- COMMAND...: exit code and stderr matching PATTERN.
expect_exit() {
  local code=$1 pattern=$2; shift 3
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  [[ $got == "$code" ]] || fail "$* exited $got, expected $code; stderr: $(cat "$work/stderr")"
  grep -Eq -- "$pattern" "$work/stderr" || fail "$*: stderr does not match '$pattern': $(cat "$work/stderr")"
}

cat >"$work/s.en.txt" <<'TXT'
The two sides held talks in Beijing on Monday.

They agreed to strengthen trade between China and Pakistan, for example in the China-Pakistan Economic Corridor. They also discussed climate change.

Trade grew by 15 percent in 2025, and seven new projects will be completed before December 2026.

Both sides welcomed the progress of the China-Pakistan Economic Corridor.
TXT
cat >"$work/s.eo.txt" <<'TXT'
La du flankoj okazigis interparolojn en Pekino lunde.

Ili interkonsentis plifortigi la komercon inter Ĉinio kaj Pakistano, ekz. en la Ĉina-Pakistana Ekonomia Koridoro. Ili ankaŭ diskutis pri klimata ŝanĝo.

La komerco kreskis je 15 procentoj en 2025, kaj sep novaj projektoj estos finitaj antaŭ decembro 2026.

Ambaŭ flankoj bonvenigis la progreson de la Cina-Pakistana Ekonomia Koridoro.
TXT
printf 'concept_id\tlang\tterm\tstatus\tnote\ncpec\ten\tChina-Pakistan Economic Corridor\tpreferred\t\ncpec\teo\tĈina-Pakistana Ekonomia Koridoro\tpreferred\t\ntrade\ten\ttrade\tpreferred\t\ntrade\tepo\tkomerco\tpreferred\t\n' >"$work/terms.tsv"

# Without the data directory Esperanto is unknown.
expect_exit 2 "unknown language 'eo'" -- "$talign" segment --lang eo "$work/s.eo.txt"

export TALIGN_DATA_DIR=$source_dir/tests/data/language-eo

# Segmentation: detected as Esperanto by its letters, split by eo.rules
# ("ekz." is not the end of a sentence there; English rules split after it).
printf 'Ni vizitis ekz. Pekinon kaj Lahoron. Ŝi venis.\n' >"$work/short.txt"
printf 'Ni vizitis ekz. Pekinon kaj Lahoron.\nŜi venis.\n' >"$work/want"
expect_out "$work/want" -- "$talign" segment "$work/short.txt"
expect_out "$work/want" -- "$talign" segment --lang eo-Latn "$work/short.txt"
printf 'Ni vizitis ekz.\nPekinon kaj Lahoron.\nŜi venis.\n' >"$work/want"
expect_out "$work/want" -- "$talign" segment --lang en "$work/short.txt"

# Term matching: a term of the new language (tag "epo", its alias), also
# written without the supersigns (the [fold] table: Ĉina = Cina).
printf '1\t136\t169\tcpec\tpreferred\tĈina-Pakistana Ekonomia Koridoro\tĈina-Pakistana Ekonomia Koridoro\n3\t216\t223\ttrade\tpreferred\tkomerco\tkomerco\n4\t363\t395\tcpec\tpreferred\tĈina-Pakistana Ekonomia Koridoro\tCina-Pakistana Ekonomia Koridoro\n' >"$work/want"
expect_out "$work/want" -- "$talign" terms --lexicon "$work/terms.tsv" "$work/s.eo.txt"

# Termbase statistics and lint count the new language like a bundled one.
"$talign" lexicon stats "$work/terms.tsv" >"$work/stats" 2>&1
grep -Eq '^eo +2 +2 +2 ' "$work/stats" || fail "lexicon stats has no eo row: $(cat "$work/stats")"
printf 'concept_id\tlang\tterm\tstatus\nx\teo\ta\tadmitted\n' >"$work/lint.tsv"
"$talign" lexicon lint "$work/lint.tsv" >"$work/lint" 2>&1
grep -q "concept 'x' has no preferred term in eo" "$work/lint" || fail "lexicon lint does not check eo terms: $(cat "$work/lint")"

# Alignment with English: both languages detected, one bead per sentence.
printf '[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n' >"$work/want"
expect_out "$work/want" -- "$talign" align "$work/s.en.txt" "$work/s.eo.txt"
"$talign" align --format jsonl "$work/s.en.txt" "$work/s.eo.txt" >"$work/jsonl" 2>&1
[[ $(head -1 "$work/jsonl") == *'"languages":["en","eo"]'* ]] || fail "align does not record the languages en and eo"

# Numbers: "sep" (7) agrees with "seven"; "ok" (8) is a number mismatch.
"$talign" check --format tsv --lexicon "$work/terms.tsv" "$work/s.en.txt" "$work/s.eo.txt" >"$work/check" 2>&1
grep -q number-mismatch "$work/check" && fail "sep and seven reported as a number mismatch: $(cat "$work/check")"
sed 's/kaj sep novaj/kaj ok novaj/' "$work/s.eo.txt" >"$work/b.eo.txt"
"$talign" check --format tsv --lexicon "$work/terms.tsv" "$work/s.en.txt" "$work/b.eo.txt" >"$work/check" 2>&1
[[ $? == 1 ]] || fail "check of ok/seven did not exit 1"
grep -q $'number-mismatch\terror\t\teo' "$work/check" || fail "no number mismatch for ok/seven: $(cat "$work/check")"

# A broken definition is one clear message naming the file and line.
mkdir -p "$work/broken/languages"
printf 'en\nzh\nur\nxx\n' >"$work/broken/languages/languages.txt"
printf '[language]\ncode = xx\nscripts = Latn\nrules = rules/en.rules\n[numbrs]\ntwo 2\n' >"$work/broken/languages/xx.lang"
TALIGN_DATA_DIR=$work/broken expect_exit 2 "xx.lang:5: unknown section \[numbrs\]" -- "$talign" segment "$work/s.en.txt"
unset TALIGN_DATA_DIR

# Arabic is not Urdu: detection refuses it and says how to give a language.
printf 'اتفق الجانبان على تعزيز التعاون في مجال التجارة والاستثمار. وقالت الحكومة إن الاجتماع كان مثمرا للغاية.\n' >"$work/ar.txt"
printf 'دونوں فریقوں نے تجارت اور سرمایہ کاری کے شعبے میں تعاون بڑھانے پر اتفاق کیا۔\n' >"$work/ur.txt"
printf 'The two sides agreed to deepen cooperation in trade and investment.\n' >"$work/en.txt"
expect_exit 2 "ar.txt: the text is in the Arabic script but in none of the languages talign knows \(en, zh, ur\).*--langs" -- \
  "$talign" align "$work/en.txt" "$work/ar.txt"
expect_exit 2 "Arabic script.*--lang" -- "$talign" segment "$work/ar.txt"
"$talign" align --format jsonl "$work/en.txt" "$work/ur.txt" >"$work/jsonl" 2>&1
[[ $(head -1 "$work/jsonl") == *'"languages":["en","ur"]'* ]] || fail "Urdu text is not detected as Urdu"

if ((failures)); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "language_from_data: all passed"
