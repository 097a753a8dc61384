#!/usr/bin/env bash
# talign batch --write-manifest: the manifest it writes runs exactly the sets
# of the directory (or manifest) it was written from, in the same order and
# to byte-identical outputs; it never replaces an existing file; names a
# manifest line cannot hold, and every misuse, are errors naming the file.
#   bash tests/e2e/batch_write_manifest.sh TALIGN_BINARY SOURCE_DIR
set -uo pipefail
talign=$(realpath "$1")
src=$(realpath "$2")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
work=$tmp

# A tree with sets at two depths, a triple, a lone version (not a set) and a
# file in no known language (ignored).
mkdir -p "$work/in/2024/spring" "$work/in/b"
cp "$src"/corpora/readout.{en,zh,ur}.txt "$work/in/"
cp "$src"/corpora/briefing.{en,zh}.txt "$work/in/2024/"
cp "$src"/corpora/joint-statement.{en,ur}.txt "$work/in/2024/spring/"
cp "$src"/corpora/press-conference.{en,zh}.txt "$work/in/b/"
cp "$src/corpora/readout.en.txt" "$work/in/lone.en.txt"
cp "$src/corpora/readout.en.txt" "$work/in/notes.txt"

expect 0 '' -- batch "$work/in" --write-manifest "$work/m.tsv"
[[ -z $(cat "$tmp/out") ]] || fail "--write-manifest FILE printed on stdout: $(head -3 "$tmp/out")"
head -1 "$work/m.tsv" | grep -q '^#' || fail "the manifest has no '#' header line"
names=$(grep -v '^#' "$work/m.tsv" | cut -f1 | paste -sd' ')
[[ $names == "2024/briefing 2024/spring/joint-statement b/press-conference readout" ]] ||
  fail "sets or their order differ from the directory's: $names"
grep -v '^#' "$work/m.tsv" | cut -f2- | tr '\t' '\n' | grep -v "^$work/in/" &&
  fail "a file of the manifest is not an absolute path under $work/in"
[[ $(grep -c "^readout	$work/in/readout.en.txt	$work/in/readout.zh.txt	$work/in/readout.ur.txt$" "$work/m.tsv") == 1 ]] ||
  fail "the readout triple is not one line with its three files: $(grep '^readout' "$work/m.tsv")"

# The same sets, the same outputs, byte for byte.
"$talign" batch "$work/in" --out "$work/from-dir" --jobs 1 --no-timings 2>"$work/err" ||
  fail "batch DIR failed: $(cat "$work/err")"
"$talign" batch --manifest "$work/m.tsv" --out "$work/from-manifest" --jobs 1 --no-timings 2>"$work/err" ||
  fail "batch --manifest (written) failed: $(cat "$work/err")"
diff -r "$work/from-dir" "$work/from-manifest" >"$work/diff" ||
  fail "the written manifest gives other outputs than the directory: $(head -10 "$work/diff")"

# "-" is standard output, with the same text.
expect 0 '' -- batch "$work/in" --write-manifest -
cmp -s "$tmp/out" "$work/m.tsv" || fail "--write-manifest - differs from the file"

# An existing file is never replaced, nor a directory.
sum=$(sha256sum <"$work/m.tsv")
expect 2 "m.tsv: the file exists and is not replaced" -- batch "$work/in" --write-manifest "$work/m.tsv"
[[ $(sha256sum <"$work/m.tsv") == "$sum" ]] || fail "an existing manifest was changed"
expect 2 "exists and is not replaced" -- batch "$work/in" --write-manifest "$work/in"
# A place that cannot be written: under a regular file, in a missing directory.
expect 2 "notes.txt/m.tsv" -- batch "$work/in" --write-manifest "$work/in/notes.txt/m.tsv"
expect 2 "no-such-dir/m.tsv" -- batch "$work/in" --write-manifest "$work/no-such-dir/m.tsv"
[[ ! -e $work/no-such-dir ]] || fail "a missing parent directory was created"

# Misuse.
expect 2 "give an input directory or --manifest" -- batch --write-manifest "$work/x.tsv"
expect 2 "no such directory" -- batch "$work/nowhere" --write-manifest "$work/x.tsv"
expect 2 "leave out --out" -- batch "$work/in" --out "$work/o" --write-manifest "$work/x.tsv"
expect 2 "leave out --task-index and --per-task" -- batch "$work/in" --task-index 1 --per-task 2 --write-manifest "$work/x.tsv"
expect 2 "--merge-summaries and --write-manifest" -- batch --merge-summaries "$work/from-dir" --write-manifest "$work/x.tsv"
[[ ! -e $work/x.tsv ]] || fail "a failed --write-manifest left $work/x.tsv"

# From a manifest: comments and blank lines go, relative files become
# absolute, and the outputs stay those of the original manifest.
mkdir -p "$work/m"
cp "$src"/corpora/readout.{en,zh}.txt "$work/m/"
cp "$src/corpora/briefing.en.txt" "$work/m/b-english.txt"
cp "$src/corpora/briefing.zh.txt" "$work/m/b-chinese.txt"
printf '# sets\n\nr\treadout.en.txt\treadout.zh.txt\nbrief\tb-english.txt\tb-chinese.txt\n' >"$work/m/list.tsv"
cd "$work" || exit 1
expect 0 '' -- batch --manifest m/list.tsv --langs en,zh --write-manifest "$work/m2.tsv"
cd - >/dev/null || exit 1
[[ $(grep -v '^#' "$work/m2.tsv") == "r	$work/m/readout.en.txt	$work/m/readout.zh.txt
brief	$work/m/b-english.txt	$work/m/b-chinese.txt" ]] || fail "manifest → manifest: $(cat "$work/m2.tsv")"
"$talign" batch --manifest "$work/m/list.tsv" --langs en,zh --out "$work/m-orig" --jobs 1 --no-timings 2>/dev/null ||
  fail "the original manifest did not run"
"$talign" batch --manifest "$work/m2.tsv" --langs en,zh --out "$work/m-copy" --jobs 1 --no-timings 2>/dev/null ||
  fail "the written manifest did not run"
diff -r "$work/m-orig" "$work/m-copy" >/dev/null || fail "the written manifest gives other outputs than the original"
# A bad manifest is refused with its line, as a batch refuses it.
printf 'r\treadout.en.txt\n' >"$work/m/bad.tsv"
expect 2 "bad.tsv:1:1: expected name<TAB>file" -- batch --manifest "$work/m/bad.tsv" --write-manifest "$work/y.tsv"
printf 'r\treadout.en.txt\treadout.zh.txt\treadout.zh.txt\n' >"$work/m/three.tsv"
expect 2 "three.tsv:1:1: 3 files but --langs names 2" -- batch --manifest "$work/m/three.tsv" --langs en,zh --write-manifest "$work/y.tsv"
expect 2 "unknown|language" -- batch --manifest "$work/m/list.tsv" --langs en,xx --write-manifest "$work/y.tsv"
[[ ! -e $work/y.tsv ]] || fail "a refused manifest was written"

# Names a manifest line cannot hold: the error names the file (as a
# terminal shows it safely: "\t", "\xE9").
shown=('tab\there' '#hash' 'caf\xE9')
for stem in "$(printf 'tab\there')" "#hash" "$(printf 'caf\xe9')"; do
  expected=${shown[0]}
  shown=("${shown[@]:1}")
  rm -rf "$work/odd"
  mkdir -p "$work/odd"
  cp "$src/corpora/readout.en.txt" "$work/odd/$stem.en.txt"
  cp "$src/corpora/readout.zh.txt" "$work/odd/$stem.zh.txt"
  expect 2 "rename the file" -- batch "$work/odd" --write-manifest "$work/z.tsv"
  grep -qF "$work/odd/$expected.en.txt" "$tmp/err" || fail "the error for '$expected' does not name its file: $(cat "$tmp/err")"
  [[ ! -e $work/z.tsv ]] || fail "a manifest was written for '$expected'"
done
grep -q "not UTF-8" "$tmp/err" || fail "a name that is not UTF-8 is not said to be: $(cat "$tmp/err")"

finish batch_write_manifest
