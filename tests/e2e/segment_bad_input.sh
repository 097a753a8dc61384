#!/usr/bin/env bash
# talign segment on bad and big input: clear messages, exit codes, bounded memory.
#   bash segment_bad_input.sh TALIGN_BINARY SOURCE_DIR
# The big-file case uses ~200 MB normally and ~20 MB under sanitizers
# (ASAN_OPTIONS set) or when TALIGN_BIG_MB says so.
set -uo pipefail
talign=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE STDERR_PATTERN -- ARGS...: runs talign, checks the exit code and stderr.
expect() {
  local code=$1 pattern=$2
  shift 3
  "$talign" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [[ $got == "$code" ]] || fail "talign $* exited $got, expected $code (stderr: $(cat "$tmp/err"))"
  if [[ -n $pattern ]] && ! grep -qE -- "$pattern" "$tmp/err"; then
    fail "talign $*: stderr does not match /$pattern/: $(cat "$tmp/err")"
  fi
}

# Invalid UTF-8 at byte 9 (line 2): the message names the file and the byte.
printf 'Fine one.\n\xC3\x28 bad.\n' >"$tmp/bad.txt"
expect 2 "bad\\.txt.*byte 10" -- segment --lang en "$tmp/bad.txt"
grep -q "invalid UTF-8" "$tmp/err" || fail "invalid UTF-8 not named: $(cat "$tmp/err")"
[[ -s $tmp/out ]] && fail "output written for invalid input"

# A binary file (NUL bytes are valid UTF-8, so use real binary: high bytes).
head -c 4096 /dev/urandom >"$tmp/blob.bin"
printf '\xFF\xFE' >>"$tmp/blob.bin"
expect 2 "blob\\.bin.*byte [0-9]+" -- segment "$tmp/blob.bin"

# Empty file: nothing out, success.
: >"$tmp/empty.txt"
expect 0 "" -- segment --lang zh "$tmp/empty.txt"
[[ -s $tmp/out ]] && fail "empty input produced output: $(cat "$tmp/out")"

# Only a BOM and blank lines: same.
printf '\xEF\xBB\xBF\n  \r\n' >"$tmp/blank.txt"
expect 0 "" -- segment --lang ur "$tmp/blank.txt"
[[ -s $tmp/out ]] && fail "blank input produced output"

# A path that does not exist.
expect 2 "nonexistent\\.txt" -- segment --lang en "$tmp/nonexistent.txt"

# A directory.
expect 2 "" -- segment --lang en "$tmp"

# jsonl offsets: text is the slice [begin, end) of the file, trimmed.
printf '\xEF\xBB\xBFMr. Li arrived.\r\n  He met the press.  \n\n一、合作\n' >"$tmp/offsets.txt"
expect 0 "" -- segment --lang en --format jsonl "$tmp/offsets.txt"
python3 - "$tmp/offsets.txt" "$tmp/out" <<'EOF' || fail "jsonl offsets do not match the file"
import json, sys
data = open(sys.argv[1], 'rb').read()
rows = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
assert [r['text'] for r in rows] == ['Mr. Li arrived.', 'He met the press.', '一、合作'], rows
prev = 0
for i, r in enumerate(rows):
    assert r['index'] == i
    raw = data[r['begin']:r['end']].decode('utf-8')
    assert raw == r['text'] and raw.strip() == raw, (raw, r)
    assert data[prev:r['begin']].decode('utf-8').strip('\ufeff \r\n\t') == '', r
    prev = r['end']
EOF

# A big file: memory stays well below 5x its size.
if [[ -n ${TALIGN_BIG_MB:-} ]]; then
  mb=$TALIGN_BIG_MB
elif [[ -n ${ASAN_OPTIONS:-} || -n ${UBSAN_OPTIONS:-} ]]; then
  mb=20
else
  mb=200
fi
python3 - "$tmp/big.txt" "$mb" <<'EOF'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
block = ("Mr. Li met the U.S. envoy on Nov. 27 at 3 p.m. in Beijing. Trade grew by 3.5 percent.\n"
         "国家主席习近平会见巴基斯坦总理。双方同意加强合作！\n"
         "وزیر اعظم نے چین کا دورہ کیا۔ کیا یہ اہم ہے؟\n\n").encode('utf-8')
reps = mb * 1024 * 1024 // len(block) + 1
with open(path, 'wb') as f:
    chunk = block * 1000
    for _ in range(reps // 1000 + 1):
        f.write(chunk)
EOF
size_kb=$(( $(stat -c %s "$tmp/big.txt") / 1024 ))
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -f %M -o "$tmp/rss" "$talign" segment --lang en "$tmp/big.txt" >"$tmp/big.out" 2>"$tmp/err"
  code=$?
  rss_kb=$(tail -n 1 "$tmp/rss")
else
  # Without GNU time, poll VmHWM from /proc while it runs.
  "$talign" segment --lang en "$tmp/big.txt" >"$tmp/big.out" 2>"$tmp/err" &
  pid=$!
  rss_kb=0
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [[ -n $hwm && $hwm -gt $rss_kb ]] && rss_kb=$hwm
    sleep 0.2
  done
  wait "$pid"
  code=$?
fi
[[ $code == 0 ]] || fail "big file: exit $code ($(cat "$tmp/err"))"
lines=$(wc -l <"$tmp/big.out")
[[ $lines -gt 1000 ]] || fail "big file: only $lines sentences"
# Sanitizers multiply memory use; the bound is for normal builds.
limit_kb=$((size_kb * 5))
[[ -n ${ASAN_OPTIONS:-} ]] && limit_kb=$((size_kb * 20 + 600000))
if [[ $rss_kb -ge $limit_kb ]]; then
  fail "big file: max RSS ${rss_kb} kB for a ${size_kb} kB file (limit ${limit_kb} kB)"
fi
echo "big file: ${size_kb} kB, ${lines} sentences, max RSS ${rss_kb} kB"

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all segment bad-input checks passed"
