#!/usr/bin/env bash
# The HTML report in a real browser: talign checks the trilingual fixture of
# tests/data/report/, writes the report as HTML (English and Urdu UI) and as
# JSON, and check-report.mjs drives Chromium over the pages.
#   bash tests/html/run.sh TALIGN SOURCE_DIR BUILD_DIR [--no-large]
# --no-large leaves out the 5,000-finding report (the sanitizer build: what it
# measures is the page's script, which a sanitized talign only makes slower to
# produce; the optimised build runs it).
# Fails (never skips) when Chromium or playwright-core is missing: setup
# (tools/setup-deps.sh --browser) installs Chromium, and the pinned
# playwright-core comes from npm (package-lock.json), installed once into
# tests/html/node_modules and reused offline afterwards.
# The screenshots stay in BUILD_DIR/artifacts/ (report.png, report-ur.png, and
# report-390.png, report-ur-390.png at a phone's width).
set -euo pipefail
talign=$1
src=$2
build=$3
large=yes
[[ ${4:-} == --no-large ]] && large=no
data=$src/tests/data/report
out=$build/artifacts
mkdir -p "$out"

if [[ ! -x /usr/bin/chromium ]]; then
  echo "FAIL: /usr/bin/chromium is missing; run tools/setup-deps.sh --browser" >&2
  exit 1
fi

cd "$src/tests/html"
want=$(node -p "require('./package-lock.json').packages['node_modules/playwright-core'].version")
have=$(node -p "try { require('./node_modules/playwright-core/package.json').version } catch (e) { '' }")
if [[ "$want" != "$have" ]]; then
  echo "installing playwright-core $want (npm ci)" >&2
  npm ci --no-audit --no-fund --prefer-offline >&2
fi

inputs=("$data/statement.en.txt" "$data/statement.zh.txt" "$data/statement.ur.txt")
lexicon=(--lexicon "$data/terms.tsv")
run_check() {  # run_check OUTPUT FORMAT [global options...]
  local output=$1 format=$2
  shift 2
  local rc=0
  "$talign" "$@" check "${inputs[@]}" "${lexicon[@]}" --format "$format" -o "$output" || rc=$?
  # 1 = findings, which this fixture has; anything else is a failure.
  if [[ $rc -ne 1 ]]; then
    echo "FAIL: talign check --format $format exited with $rc (expected 1: findings)" >&2
    exit 1
  fi
}
run_check "$out/report.json" json
run_check "$out/report.html" html --ui-lang en
run_check "$out/report-ur.html" html --ui-lang ur

node check-report.mjs "$out/report.html" "$out/report.json" "$out/report.png" en markup
node check-report.mjs "$out/report-ur.html" "$out/report.json" "$out/report-ur.png" ur markup

# The project's divergent readout (every kind of term finding, numbers) with
# the default termbase: a longer page with more kinds of marks.
c=$src/corpora
if [[ -f $c/readout-divergent.en.txt ]]; then
  inputs=("$c/readout-divergent.en.txt" "$c/readout-divergent.zh.txt" "$c/readout-divergent.ur.txt")
  lexicon=()
  run_check "$out/readout-divergent.json" json
  run_check "$out/readout-divergent.html" html --ui-lang zh
  node check-report.mjs "$out/readout-divergent.html" "$out/readout-divergent.json" "$out/readout-divergent.png" zh
fi

# A large report: the readout repeated 560 times gives about 5,000 findings
# (and 21,000 beads); its filters and navigation must stay quick.
if [[ $large == yes && -f $c/readout-divergent.en.txt ]]; then
  big=$out/large
  mkdir -p "$big"
  for l in en zh ur; do
    for ((i = 0; i < 560; ++i)); do cat "$c/readout-divergent.$l.txt"; echo; done >"$big/large.$l.txt"
  done
  inputs=("$big/large.en.txt" "$big/large.zh.txt" "$big/large.ur.txt")
  lexicon=()
  run_check "$out/large.json" json
  run_check "$out/large.html" html --ui-lang en
  node check-report.mjs "$out/large.html" "$out/large.json" "$out/large.png" en large
  rm -rf "$big" "$out/large.html" "$out/large.json"  # 40 MB, made again on every run
fi
