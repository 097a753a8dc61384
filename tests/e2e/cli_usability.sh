#!/usr/bin/env bash
# The command line's traps: a mistyped command gets a suggestion; -o infers
# the format from its extension and refuses one that contradicts --format;
# --color=auto|always|never, auto honouring NO_COLOR and TERM=dumb.
#   bash tests/e2e/cli_usability.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
src=$2
source "$src/tests/e2e/lib/common.sh"
c=$src/corpora
div=("$c/readout-divergent.en.txt" "$c/readout-divergent.zh.txt")

# A mistyped command: the closest one is suggested; a word far from every
# command is only unknown.
expect_text 2 "unknown command 'chek'; did you mean 'check'?" -- chek a b
expect_text 2 "did you mean 'align'?" -- --ui-lang en algin a b
expect 2 "unknown command 'frobnicate'$" -- frobnicate

# -o infers the format from the extension when --format is absent.
expect 1 "" -- check "${div[@]}" -o "$tmp/report.html"
head -c 15 "$tmp/report.html" | grep -q '<!DOCTYPE html>' || fail "-o report.html did not write HTML"
expect 1 "" -- check "${div[@]}" -o "$tmp/report.JSON"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/report.JSON" || fail "-o report.JSON is not JSON"
expect 0 "" -- align "${div[@]}" -o "$tmp/pairs.tmx"
grep -q '<tmx version="1.4"' "$tmp/pairs.tmx" || fail "-o pairs.tmx did not write TMX"
# An extension no format has, or standard output, keeps the default.
expect 1 "" -- check "${div[@]}" -o "$tmp/report.out"
grep -q '<!DOCTYPE' "$tmp/report.out" && fail "-o report.out wrote HTML"
# An extension that contradicts --format is refused, and nothing is written.
expect_text 2 "the extension .html says --format html, but --format is json" -- check --format json "${div[@]}" -o "$tmp/other.html"
[[ -e $tmp/other.html ]] && fail "a refused -o was written"
expect 1 "" -- check --format html "${div[@]}" -o "$tmp/agrees.html"

# Colour: always and never whatever the output; auto colours a terminal
# unless NO_COLOR is set or TERM is dumb.
esc=$'\033['
expect 1 "" -- check --color always "${div[@]}"
grep -qF "$esc" "$tmp/out" || fail "--color always wrote no colour"
expect 1 "" -- check --color never "${div[@]}"
grep -qF "$esc" "$tmp/out" && fail "--color never wrote colour"
expect 2 "color" -- check --color sometimes "${div[@]}"
if command -v script >/dev/null; then
  in_terminal() {  # in_terminal ENV...: talign check on a pseudo-terminal, its output in $tmp/tty
    local cmd
    printf -v cmd '%q ' env "$@" "$talign" check "${div[@]}"
    script -qec "$cmd" /dev/null >"$tmp/tty" 2>&1
  }
  in_terminal TERM=xterm
  grep -qF "$esc" "$tmp/tty" || fail "auto wrote no colour to a terminal"
  in_terminal TERM=xterm NO_COLOR=1
  grep -qF "$esc" "$tmp/tty" && fail "auto coloured under NO_COLOR=1"
  in_terminal TERM=dumb
  grep -qF "$esc" "$tmp/tty" && fail "auto coloured under TERM=dumb"
else
  echo "cli_usability: no script(1): the pseudo-terminal cases were not run" >&2
fi
# A Latin text that is not English is taken for English only with a
# warning that says how to confirm; an English text gets none. A text whose
# script contradicts --langs gets a warning naming the order.
fr="Le président a rencontré le premier ministre à Pékin, et les deux parties ont signé un accord de coopération économique."
printf '%s %s %s\n' "$fr" "$fr" "$fr" >"$tmp/fr.txt"
expect_text 0 "fr.txt: the text is in the Latin script but does not read as English" -- align "$tmp/fr.txt" "${div[1]}"
expect_text 0 "say so with --langs en" -- align "$tmp/fr.txt" "${div[1]}"
expect 0 "" -- align "${div[@]}"
grep -q "does not read as" "$tmp/err" && fail "an English text was warned as not English"
expect_text 0 "--langs gives it as zh, but its text is in the Latin script (en); check the order of --langs" -- align --langs zh,en "${div[@]}"
finish cli_usability
