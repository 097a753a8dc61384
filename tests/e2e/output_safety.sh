#!/usr/bin/env bash
# -o never loses a byte: devices and FIFOs are written, not replaced; links,
# modes and hard links survive; an input is never overwritten; write errors
# carry the system's reason; oversized and endless inputs are refused.
#   bash output_safety.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$1
src=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

en=$src/corpora/readout.en.txt
zh=$src/corpora/readout.zh.txt
"$talign" segment "$en" >"$tmp/expected" || fail "segment to stdout failed"

# A character device stays a device (as root, mknod gives a private /dev/null).
if [[ $(id -u) == 0 ]] && mknod "$tmp/null" c 1 3 2>/dev/null; then
  expect 0 "" -- segment "$en" -o "$tmp/null"
  [[ -c $tmp/null ]] || fail "-o on a character device replaced it with $(stat -c %F "$tmp/null")"
  ln -s "$tmp/null" "$tmp/null-link"
  expect 0 "" -- segment "$en" -o "$tmp/null-link"
  [[ -L $tmp/null-link && -c $tmp/null ]] || fail "-o through a link to a device replaced something"
fi
expect 0 "" -- segment "$en" -o /dev/null
[[ -c /dev/null ]] || fail "/dev/null is no longer a character device"

# A FIFO is written to, and stays a FIFO.
mkfifo "$tmp/fifo"
timeout 60 cat "$tmp/fifo" >"$tmp/from-fifo" &
reader=$!
expect 0 "" -- segment "$en" -o "$tmp/fifo"
wait $reader
[[ -p $tmp/fifo ]] || fail "-o on a FIFO replaced it"
cmp -s "$tmp/from-fifo" "$tmp/expected" || fail "what came through the FIFO differs from stdout"

# A regular file keeps its mode (0600 stays 0600), a hard link stays linked.
printf 'old\n' >"$tmp/private.txt"
chmod 600 "$tmp/private.txt"
expect 0 "" -- segment "$en" -o "$tmp/private.txt"
[[ $(stat -c %a "$tmp/private.txt") == 600 ]] || fail "mode changed to $(stat -c %a "$tmp/private.txt")"
cmp -s "$tmp/private.txt" "$tmp/expected" || fail "0600 file not rewritten"
printf 'old\n' >"$tmp/linked.txt"
ln "$tmp/linked.txt" "$tmp/other-name.txt"
expect 0 "" -- segment "$en" -o "$tmp/linked.txt"
[[ $(stat -c %h "$tmp/linked.txt") == 2 ]] || fail "hard link broken: $(stat -c %h "$tmp/linked.txt") links"
cmp -s "$tmp/other-name.txt" "$tmp/expected" || fail "the other name of a hard link does not see the output"

# A symbolic link to a file: the link stays, the file gets the output.
printf 'old\n' >"$tmp/target.txt"
ln -s target.txt "$tmp/link.txt"
expect 0 "" -- segment "$en" -o "$tmp/link.txt"
[[ -L $tmp/link.txt ]] || fail "the symbolic link was replaced"
cmp -s "$tmp/target.txt" "$tmp/expected" || fail "the link's target was not written"
# A dangling link and a directory are refused.
ln -s missing.txt "$tmp/dangling.txt"
expect 2 "dangling\\.txt.*missing file" -- segment "$en" -o "$tmp/dangling.txt"
[[ -e $tmp/missing.txt ]] && fail "a dangling link's target was created"
mkdir "$tmp/dir"
expect 2 "is a directory" -- segment "$en" -o "$tmp/dir"

# An output that is an input, under any name, is refused and the input kept.
cp "$en" "$tmp/in.en.txt"
cp "$zh" "$tmp/in.zh.txt"
ln -s in.en.txt "$tmp/in-link.txt"
ln "$tmp/in.zh.txt" "$tmp/in-hard.txt"
for out in "$tmp/in.en.txt" "$tmp/./in.en.txt" "$tmp/in-link.txt" "$tmp/in-hard.txt"; do
  expect 2 "input" -- align "$tmp/in.en.txt" "$tmp/in.zh.txt" -o "$out"
  expect 2 "input" -- check "$tmp/in.en.txt" "$tmp/in.zh.txt" -o "$out"
done
expect 2 "input" -- segment "$tmp/in.en.txt" -o "$tmp/in.en.txt"
expect 2 "input" -- segment - -o "$tmp/in.en.txt" <"$tmp/in.en.txt"
expect 2 "input" -- terms "$tmp/in.en.txt" -o "$tmp/in.en.txt"
cp "$src/lexicons/official-terms.tsv" "$tmp/terms.tsv"
expect 2 "input" -- check --lexicon "$tmp/terms.tsv" "$tmp/in.en.txt" "$tmp/in.zh.txt" -o "$tmp/terms.tsv"
expect 2 "input" -- lexicon convert "$tmp/terms.tsv" "$tmp/terms.tsv"
cmp -s "$tmp/in.en.txt" "$en" || fail "an input was overwritten"
cmp -s "$tmp/in.zh.txt" "$zh" || fail "an input was overwritten"
cmp -s "$tmp/terms.tsv" "$src/lexicons/official-terms.tsv" || fail "the termbase was overwritten"

# A write error names the file and the system's reason; stdout too.
if [[ -w /dev/full ]]; then
  expect 2 "/dev/full: write error: No space left on device" -- segment "$en" -o /dev/full
  "$talign" segment "$en" >/dev/full 2>"$tmp/err"
  [[ $? == 2 ]] || fail "a full stdout did not exit 2"
  grep -q "stdout.*No space left on device" "$tmp/err" || fail "stdout write error: $(cat "$tmp/err")"
fi
# A directory that cannot be written: the reason, no temporary left.
expect 2 "nosuchdir/out\\.txt.*No such file or directory" -- segment "$en" -o "$tmp/nosuchdir/out.txt"

# Inputs above the limit are refused: a regular file by its size, a pipe or a
# device once that much has come; nothing is written.
head -c 3000000 /dev/zero | tr '\0' 'a' >"$tmp/big.txt"
expect 2 "big\\.txt: larger than the input limit of 1 MiB" -- segment --max-input-size 1M "$tmp/big.txt" -o "$tmp/never.txt"
[[ -e $tmp/never.txt ]] && fail "an output was written for a refused input"
expect 2 "stdin.*larger than the input limit of 512 KiB" -- segment --max-input-size 512K - < <(yes "A line of text.")
expect 2 "/dev/zero: larger than the input limit of 1 MiB" -- segment --max-input-size 1M /dev/zero
expect 2 "/dev/zero: larger than the input limit" -- check --max-input-size 1M /dev/zero "$zh"
expect 2 "max-input-size 12Q" -- segment --max-input-size 12Q "$en"
expect 0 "" -- segment --max-input-size 4M "$tmp/big.txt"

# --lexicon takes one value: the files after it stay inputs.
expect 1 "" -- check --lexicon "$src/lexicons/official-terms.tsv" "$src/corpora/readout-divergent.en.txt" \
  "$src/corpora/readout-divergent.zh.txt"
expect 1 "" -- check --lexicon="$src/lexicons/official-terms.tsv" "$src/corpora/readout-divergent.en.txt" \
  "$src/corpora/readout-divergent.zh.txt"

finish output_safety
