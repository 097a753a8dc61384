#!/usr/bin/env bash
# talign batch on hostile input: FIFOs, devices, unreadable directories, names
# that are not UTF-8, outputs that would replace inputs, broken state files.
# Every case ends with a clear message (per set, or for the whole batch), a
# valid summary and no abort, hang or lost input.
#   bash tests/e2e/batch_bad_input.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
src=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
work=$tmp
chmod 755 "$work"  # the unprivileged runs below read it
valid_json() { python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$1"; }

mkdir -p "$work/in"
cp "$src/corpora/readout.en.txt" "$work/in/good.en.txt"
cp "$src/corpora/readout.zh.txt" "$work/in/good.zh.txt"
# A FIFO named like a version: its set fails at once, the batch goes on.
cp "$src/corpora/briefing.en.txt" "$work/in/piped.en.txt"
mkfifo "$work/in/piped.zh.txt"
# A file name that is not UTF-8.
cp "$src/corpora/briefing.en.txt" "$work/in/$(printf 'caf\xe9').en.txt"
cp "$src/corpora/briefing.zh.txt" "$work/in/$(printf 'caf\xe9').zh.txt"

timeout 120 "$talign" batch "$work/in" --out "$work/out" --jobs 2 --no-timings 2>"$work/err"
rc=$?
[[ $rc == 124 ]] && fail "batch hung on a FIFO"
[[ $rc == 2 ]] || fail "a failed set should give exit 2, got $rc: $(cat "$work/err")"
grep -q "piped.zh.txt: is a FIFO, not a regular file" "$work/err" || fail "FIFO not named: $(cat "$work/err")"
valid_json "$work/out/summary.json" || fail "summary.json is not valid UTF-8 JSON"
python3 - "$work/out/summary.json" <<'EOF' || fail "summary does not record the sets"
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
by = {x["name"]: x for x in s["sets"]}
assert by["good"]["status"] == "ok", by["good"]
assert by["piped"]["status"] == "failed" and "FIFO" in by["piped"]["error"], by["piped"]
assert by["caf\ufffd"]["status"] == "ok", list(by)
assert len(by["good"]["input_sha256"]) == 2 and len(by["good"]["settings_sha256"]) == 64
EOF
grep -q "Content-Security-Policy" "$work/out/summary.html" || fail "summary.html has no Content-Security-Policy"

# A manifest naming a device: that set fails, quickly, without reading it.
printf 'dev\t/dev/zero\t%s\ngood\t%s\t%s\n' "$work/in/good.zh.txt" "$work/in/good.en.txt" "$work/in/good.zh.txt" \
  >"$work/manifest.tsv"
timeout 60 "$talign" batch --manifest "$work/manifest.tsv" --langs en,zh --out "$work/out-dev" --jobs 1 2>"$work/err"
rc=$?
[[ $rc == 2 ]] || fail "device in a manifest: exit $rc: $(cat "$work/err")"
grep -q "/dev/zero: is a character device, not a regular file" "$work/err" || fail "device not named: $(cat "$work/err")"

# File names with a line break or an ESC: each error is one escaped line.
mkdir -p "$work/evil"
cp "$work/in/good.en.txt" "$work/evil/$(printf 'two\nlines').en.txt"
mkfifo "$work/evil/$(printf 'two\nlines').zh.txt"
printf 'x\t%s\t%s\n' "$work/$(printf 'no\033[31m').en.txt" "$work/in/good.zh.txt" >"$work/evil.tsv"
timeout 60 "$talign" batch "$work/evil" --out "$work/out-evil" 2>"$work/err"
timeout 60 "$talign" batch --manifest "$work/evil.tsv" --out "$work/out-evil2" 2>>"$work/err"
grep -q $'\033' "$work/err" && fail "a raw ESC reached the terminal: $(cat -v "$work/err")"
grep -q 'no\\x1B\[31m.en.txt' "$work/err" || fail "the ESC is not shown escaped: $(cat -v "$work/err")"
grep -q 'two\\nlines.zh.txt: is a FIFO' "$work/err" || fail "the line break is not shown escaped: $(cat -v "$work/err")"
grep -q '^lines' "$work/err" && fail "a newline in a file name forged a line"

# An output name that is an input: refused before anything is written.
mkdir -p "$work/clash"
cp "$src/corpora/readout.en.txt" "$work/clash/x.align.jsonl"
cp "$src/corpora/readout.zh.txt" "$work/clash/x.zh.txt"
printf 'x\tx.align.jsonl\tx.zh.txt\n' >"$work/clash/manifest.tsv"
"$talign" batch --manifest "$work/clash/manifest.tsv" --langs en,zh --out "$work/clash" 2>"$work/err"
rc=$?
[[ $rc == 2 ]] || fail "a batch into a directory of the user's files: exit $rc"
grep -q "not empty, and not an output directory of talign batch" "$work/err" || fail "not refused: $(cat "$work/err")"
# Even in a directory that is a batch's own, an output never replaces an input.
: >"$work/clash/.talign-batch"
"$talign" batch --manifest "$work/clash/manifest.tsv" --langs en,zh --out "$work/clash" 2>"$work/err"
rc=$?
[[ $rc == 2 ]] || fail "an output replacing an input: exit $rc"
grep -q "would replace the input" "$work/err" || fail "clash not explained: $(cat "$work/err")"
cmp -s "$work/clash/x.align.jsonl" "$src/corpora/readout.en.txt" || fail "an input was overwritten by the batch"

# An unreadable subdirectory is an error that names it (run unprivileged:
# root reads everything).
mkdir -p "$work/locked/ok" "$work/locked/secret"
cp "$work/in/good.en.txt" "$work/in/good.zh.txt" "$work/locked/ok/"
cp "$work/in/good.en.txt" "$work/in/good.zh.txt" "$work/locked/secret/"
chmod 000 "$work/locked/secret"
runner=()
if [[ $(id -u) == 0 ]]; then
  command -v setpriv >/dev/null && runner=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
if [[ $(id -u) != 0 || ${#runner[@]} -gt 0 ]]; then
  mkdir -p "$work/locked-out" && chmod 777 "$work/locked-out"
  "${runner[@]}" "$talign" batch "$work/locked" --out "$work/locked-out" 2>"$work/err"
  rc=$?
  [[ $rc == 2 ]] || fail "unreadable subdirectory: exit $rc: $(cat "$work/err")"
  grep -q "locked/secret: cannot read: Permission denied" "$work/err" || fail "not named: $(cat "$work/err")"
fi
chmod 755 "$work/locked/secret"

# Broken state files: --resume reruns the set, --merge-summaries explains.
mkdir -p "$work/state"
cp "$work/in/good.en.txt" "$work/in/good.zh.txt" "$work/state/"
"$talign" batch "$work/state" --out "$work/state-out" --no-timings 2>/dev/null || fail "state batch failed"
for broken in '' '[]' '{"name": 5}' '{"name":"good","inputs":[],"outputs":["x"]}' \
  "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["outputs"]=["noextension"]; d["beads"]={"":1}; print(json.dumps(d))' "$work/state-out/good.set.json")"; do
  printf '%s' "$broken" >"$work/state-out/good.set.json"
  "$talign" batch "$work/state" --out "$work/state-out" --resume --no-timings 2>"$work/err"
  rc=$?
  [[ $rc == 0 ]] || fail "--resume over a broken record ($broken): exit $rc: $(cat "$work/err")"
  grep -q "1 ok, 0 failed, 0 resumed" "$work/err" || fail "broken record was trusted: $(cat "$work/err")"
done
mkdir -p "$work/tasks"
for broken in 'not json' '{"sets": 3}' '{"sets": [{"name": "a"}]}' '{"totals": {"seconds": "x"}, "sets": []}' \
  '{"sets":[{"name":"a","inputs":[],"languages":[],"status":"ok","sentences":[],"beads":{"":1},"mean_score":0,"terms":[],"findings":{},"warnings":[],"outputs":["noext"]}]}'; do
  printf '%s' "$broken" >"$work/tasks/summary.task-1.json"
  "$talign" batch --merge-summaries "$work/tasks" 2>"$work/err"
  rc=$?
  [[ $rc == 2 ]] || fail "merge of a broken task summary ($broken): exit $rc"
  grep -q "summary.task-1.json" "$work/err" || fail "merge error does not name the file: $(cat "$work/err")"
done
rm "$work/tasks/summary.task-1.json"
printf '{"sets": []}' >"$work/tasks/summary.task-99999999999999999999999999.json"
"$talign" batch --merge-summaries "$work/tasks" 2>"$work/err"
[[ $? == 2 ]] || fail "a task number beyond 64 bits should not be taken for a task summary"

# Threads that cannot be created (a process limit): the batch goes on with
# those it has, says so, and does every set.
if [[ ${#runner[@]} -gt 0 || $(id -u) != 0 ]]; then
  mkdir -p "$work/threads-in" "$work/threads-out" && chmod 777 "$work/threads-out"
  for i in 1 2 3 4 5 6 7 8; do
    cp "$work/in/good.en.txt" "$work/threads-in/s$i.en.txt"
    cp "$work/in/good.zh.txt" "$work/threads-in/s$i.zh.txt"
  done
  chmod -R a+rX "$work/threads-in"
  "${runner[@]}" bash -c 'ulimit -u 3 && exec "$@"' _ "$talign" batch "$work/threads-in" --out "$work/threads-out" \
    --jobs 4096 --no-timings 2>"$work/err"
  rc=$?
  [[ $rc == 0 ]] || fail "--jobs 4096 under a process limit: exit $rc: $(cat "$work/err")"
  grep -q "warning: could start only" "$work/err" || fail "no warning about missing threads: $(cat "$work/err")"
  grep -q "8 sets, 8 ok" "$work/err" || fail "not every set done: $(cat "$work/err")"
fi

finish batch_bad_input
