#!/usr/bin/env bash
# talign check end to end: exit codes (0 nothing found, 1 findings, 2 error),
# --fail-on, --source, the JSON structure of docs/reports.md, atomic -o.
#   bash tests/e2e/check_cli.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
expect_exit() {  # expect_exit CODE DESCRIPTION -- COMMAND...
  local want=$1 what=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL: $what: exit $got, expected $want"; sed 's/^/  stderr: /' "$tmp/err" | head -5; fails=$((fails + 1))
  fi
}
c=$src/corpora

# Versions that agree: exit 0, nothing reported.
expect_exit 0 "briefing agrees" -- "$talign" check "$c/briefing.en.txt" "$c/briefing.zh.txt" "$c/briefing.ur.txt"
# Divergent versions: exit 1 with findings.
expect_exit 1 "divergent readout" -- "$talign" check "$c/readout-divergent.en.txt" "$c/readout-divergent.zh.txt" "$c/readout-divergent.ur.txt" --format json
python3 - "$tmp/out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert set(d) >= {"inputs", "findings", "summary"}, d.keys()
types = {f["type"] for f in d["findings"]}
assert {"deprecated-term", "missing-term", "number-mismatch", "inconsistent-term"} <= types, types
for f in d["findings"]:
    for key in ("type", "severity", "concept", "lang", "bead", "sentences", "spans", "evidence", "expected", "message"):
        assert key in f, (key, f)
    assert f["lang"] in ("en", "zh", "ur")
dep = [f for f in d["findings"] if f["type"] == "deprecated-term" and f["lang"] == "en"]
assert any(f["evidence"] == "One Belt, One Road" and "Belt and Road Initiative" in f["expected"] for f in dep), dep
PY
# --fail-on error: the divergent set has errors (exit 1); a set with only
# warnings passes (exit 0): the joint statement's English and Urdu alone
# give two missing-term warnings. The readout's pair has an error: the
# sentence its Urdu leaves out inside a 2-1 bead, which length and anchors
# single out even without a third version.
expect_exit 1 "--fail-on error with errors" -- "$talign" check "$c/readout-divergent.en.txt" "$c/readout-divergent.zh.txt" "$c/readout-divergent.ur.txt" --fail-on error
expect_exit 1 "--fail-on error, an omission found by a pair" -- "$talign" check "$c/readout.en.txt" "$c/readout.ur.txt" --fail-on error
expect_exit 0 "--fail-on error with warnings only" -- "$talign" check "$c/joint-statement.en.txt" "$c/joint-statement.ur.txt" --fail-on error
expect_exit 1 "warnings count by default" -- "$talign" check "$c/readout.en.txt" "$c/readout.zh.txt" "$c/readout.ur.txt"

# Two versions, --source and --langs.
printf 'Trade grew by 3.5 percent in 2026.\n' >"$tmp/a.en.txt"
printf '2026年贸易增长4.5%%。\n' >"$tmp/a.zh.txt"
expect_exit 1 "changed number" -- "$talign" check "$tmp/a.en.txt" "$tmp/a.zh.txt" --source en --langs en,zh --format json
grep -q '"number-mismatch"' "$tmp/out" || { echo "FAIL: no number-mismatch"; fails=$((fails + 1)); }
printf '2026年贸易增长3.5%%。\n' >"$tmp/b.zh.txt"
expect_exit 0 "same numbers" -- "$talign" check "$tmp/a.en.txt" "$tmp/b.zh.txt"

# Errors: exit 2 with a message naming the problem.
expect_exit 2 "one input" -- "$talign" check "$tmp/a.en.txt"
expect_exit 2 "missing file" -- "$talign" check "$tmp/a.en.txt" "$tmp/nope.zh.txt"
grep -q "nope.zh.txt" "$tmp/err" || { echo "FAIL: missing file not named"; fails=$((fails + 1)); }
expect_exit 2 "bad --fail-on" -- "$talign" check "$tmp/a.en.txt" "$tmp/a.zh.txt" --fail-on fatal
expect_exit 2 "--source not among the versions" -- "$talign" check "$tmp/a.en.txt" "$tmp/a.zh.txt" --source ur
expect_exit 2 "bad termbase" -- "$talign" check "$tmp/a.en.txt" "$tmp/a.zh.txt" --lexicon "$tmp/a.zh.txt"

# --dictionary is taken by check as by align, and recorded the same way.
printf 'trade\t贸易\n' >"$tmp/en-zh.tsv"
expect_exit 1 "--dictionary" -- "$talign" check "$tmp/a.en.txt" "$tmp/a.zh.txt" --dictionary "$tmp/en-zh.tsv" --format json
expect_exit 2 "missing --dictionary" -- "$talign" check "$tmp/a.en.txt" "$tmp/a.zh.txt" --dictionary "$tmp/none.tsv"
grep -q "none.tsv: no such dictionary" "$tmp/err" || { echo "FAIL: missing dictionary not named"; fails=$((fails + 1)); }

# -o writes the file atomically and prints nothing on stdout.
expect_exit 1 "-o" -- "$talign" check "$tmp/a.en.txt" "$tmp/a.zh.txt" --format json -o "$tmp/report.json"
[[ -s $tmp/report.json && ! -s $tmp/out ]] || { echo "FAIL: -o"; fails=$((fails + 1)); }

[[ $fails -eq 0 ]] && echo "check_cli: all passed"
exit $((fails > 0))
