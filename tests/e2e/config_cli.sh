#!/usr/bin/env bash
# talign config and --config FILE: the documented table is the code's, the
# printed defaults read back unchanged, and a bad file is a clear error.
#   bash tests/e2e/config_cli.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
src=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

"$talign" config --markdown >"$tmp/config.md" || fail "talign config --markdown failed"
diff -u "$src/docs/configuration.md" "$tmp/config.md" >&2 ||
  fail "docs/configuration.md differs from talign config --markdown (regenerate it)"

# The defaults as a --config file change nothing.
"$talign" config >"$tmp/defaults.json" || fail "talign config failed"
en=$src/corpora/readout-divergent.en.txt
zh=$src/corpora/readout-divergent.zh.txt
"$talign" align --format jsonl "$en" "$zh" >"$tmp/plain.jsonl"
"$talign" align --format jsonl --config "$tmp/defaults.json" "$en" "$zh" >"$tmp/configured.jsonl"
cmp -s "$tmp/plain.jsonl" "$tmp/configured.jsonl" || fail "the printed defaults changed the alignment"
"$talign" check --format json "$en" "$zh" >"$tmp/plain.json"
"$talign" check --format json --config "$tmp/defaults.json" "$en" "$zh" >"$tmp/configured.json"
cmp -s "$tmp/plain.json" "$tmp/configured.json" || fail "the printed defaults changed the findings"

# A setting takes effect and is recorded in the header.
printf '{"aligner": {"band_width": 40}}\n' >"$tmp/wide.json"
"$talign" align --format jsonl --config "$tmp/wide.json" "$en" "$zh" | head -1 | grep -q '"band_width":40' ||
  fail "--config band_width not recorded in the jsonl header"
# A checker switch turns a finding type off.
printf '{"check": {"numbers": false}}\n' >"$tmp/no-numbers.json"
"$talign" check --format json --config "$tmp/no-numbers.json" "$en" "$zh" >"$tmp/no-numbers.out"
grep -q '"number-mismatch"' "$tmp/plain.json" || fail "the corpus set has no number-mismatch to turn off"
grep -q '"type":"number-mismatch"' "$tmp/no-numbers.out" && fail "check.numbers=false still reports numbers"

# Bad files: exit 2, the file and the setting named.
printf '{"aligner": {"band_wdith": 3}}' >"$tmp/typo.json"
"$talign" align --config "$tmp/typo.json" "$en" "$zh" >/dev/null 2>"$tmp/err"
[[ $? == 2 ]] || fail "a misspelt setting did not exit 2"
grep -q "typo.json: aligner.band_wdith: no such setting" "$tmp/err" || fail "typo not named: $(cat "$tmp/err")"
printf '{"aligner": {"max_bead_side": 99}}' >"$tmp/range.json"
"$talign" batch --manifest /dev/null --out "$tmp/b" --config "$tmp/range.json" 2>"$tmp/err"
[[ $? == 2 ]] || fail "an out-of-range setting did not exit 2"
grep -q "aligner.max_bead_side: 99 is outside" "$tmp/err" || fail "range not explained: $(cat "$tmp/err")"
"$talign" check --config "$tmp/missing.json" "$en" "$zh" >/dev/null 2>"$tmp/err"
[[ $? == 2 ]] && grep -q "missing.json" "$tmp/err" || fail "a missing config file: $(cat "$tmp/err")"
"$talign" check --config /dev/zero "$en" "$zh" >/dev/null 2>"$tmp/err"
[[ $? == 2 ]] || fail "/dev/zero as a config file did not exit 2"

finish config_cli
