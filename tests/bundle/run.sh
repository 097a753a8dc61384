#!/usr/bin/env bash
# The relocatable bundle (tools/make-bundle.sh) made from the build under
# test, unpacked in an empty directory and run from elsewhere with no TALIGN_*
# variable and no build directory on PATH, gives byte-for-byte the outputs of
# the build's own talign, from its own libraries and its own data files.
#   bash tests/bundle/run.sh TALIGN_BINARY SOURCE_DIR BUILD_DIR
# Label install (tests/CMakeLists.txt): not registered in sanitizer builds,
# whose talign is not something to bundle.
set -uo pipefail
talign=$1
src=$2
build=$3
source "$src/tests/e2e/lib/common.sh"

# Fatal: the later steps need what failed.
die() { fail "$*"; finish "bundle"; exit 1; }

mkdir -p "$tmp/out1" "$tmp/out2" "$tmp/unpacked" "$tmp/cwd" "$tmp/home" "$tmp/in"
bash "$src/tools/make-bundle.sh" --build-dir "$build" "$tmp/out1/talign.tar.gz" >"$tmp/make1.log" 2>&1 ||
  die "make-bundle.sh failed: $(tail -5 "$tmp/make1.log")"
grep -E "MiB" "$tmp/make1.log"

# Reproducible: a second bundle of the same tree has the same bytes.
bash "$src/tools/make-bundle.sh" --build-dir "$build" "$tmp/out2/talign.tar.gz" >"$tmp/make2.log" 2>&1 ||
  die "the second make-bundle.sh failed: $(tail -5 "$tmp/make2.log")"
cmp -s "$tmp/out1/talign.tar.gz" "$tmp/out2/talign.tar.gz" || fail "two bundles of the same build differ"
owners=$(TZ=UTC tar -tvzf "$tmp/out1/talign.tar.gz" | awk '{print $2, $4}' | sort -u)
[[ $owners == "0/0 1970-01-01" ]] || fail "tarball entries are not all owned by 0/0 with mtime 0: $owners"

# Bad use fails with a message naming the problem.
if bash "$src/tools/make-bundle.sh" --build-dir "$tmp/cwd" "$tmp/x.tar.gz" >/dev/null 2>"$tmp/err"; then
  fail "make-bundle.sh accepted a directory that is no build"
fi
grep -q "not a configured build directory" "$tmp/err" || fail "no clear error for a non-build dir: $(cat "$tmp/err")"

tar -xzf "$tmp/out1/talign.tar.gz" -C "$tmp/unpacked" || die "the bundle does not unpack"
b=$tmp/unpacked
[[ -x $b/bin/talign ]] || die "the bundle has no bin/talign"
for f in README.txt share/talign/languages/languages.txt share/talign/lexicons/official-terms.tsv \
         share/talign/locale/zh/LC_MESSAGES/talign.mo share/talign/third_party/cedict/cedict_ts.u8 \
         share/talign/third_party/cedict/cedict_ts.u8.talign-cache share/talign/third_party/cedict/CEDICT-NOTICE.md \
         share/talign/third_party/ur-en/ur-en.tsv share/talign/third_party/ur-en/UR-EN-NOTICE.md \
         share/talign/third_party/hunspell/en_US.aff share/talign/third_party/hunspell/en_US.dic \
         share/talign/third_party/hunspell/COPYRIGHT; do
  [[ -s $b/$f ]] || fail "the bundle lacks $f"
done
grep -q "CC BY-SA 4.0" "$b/README.txt" || fail "README.txt does not name CC-CEDICT's licence"
grep -q "libicuuc" "$b/README.txt" || fail "README.txt does not list the bundled ICU"

# Libraries: RPATH $ORIGIN/../lib, and everything but glibc's core resolved
# inside lib/ with a clean environment.
readelf -d "$b/bin/talign" | grep -qE '\(RPATH\).*\[\$ORIGIN/\.\./lib\]' ||
  fail "bin/talign has no RPATH \$ORIGIN/../lib: $(readelf -d "$b/bin/talign" | grep -E 'RPATH|RUNPATH')"
env -i PATH=/usr/bin:/bin ldd "$b/bin/talign" >"$tmp/ldd" 2>&1 || fail "ldd of the bundled talign failed"
grep -q "not found" "$tmp/ldd" && fail "unresolved libraries: $(grep 'not found' "$tmp/ldd")"
inside=" "
while read -r name arrow path _; do
  [[ $arrow == "=>" ]] || continue
  case $name in
    libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*|ld-linux*) continue ;;
  esac
  path=$(realpath -m "$path")
  if [[ $path == "$b/lib/"* ]]; then inside+="$name "; else fail "$name resolves to $path, outside the bundle"; fi
done <"$tmp/ldd"
for lib in libstdc++.so libgcc_s.so libicuuc.so libicudata.so libfmt.so libhunspell- libboost_locale.so; do
  [[ $inside == *" $lib"* ]] || fail "$lib is not loaded from the bundle (from it: $inside)"
done

# The same inputs for both binaries, outside the source tree; runs from
# another directory with only a minimal environment. HOME is empty so that
# a compiled dictionary in a user cache cannot be used instead of the
# bundle's, and nothing may be written there or into the bundle.
cp "$src"/corpora/readout.{en,zh,ur}.txt "$tmp/in/"
in=$tmp/in
run() {  # run BINARY ARGS...: from $tmp/cwd, clean environment
  (cd "$tmp/cwd" && env -i HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@")
}
touch "$tmp/marker"
sleep 1   # mtimes with a one-second resolution still tell later writes apart
for who in bundle build; do
  bin=$b/bin/talign
  [[ $who == build ]] && bin=$talign
  mkdir -p "$tmp/$who"
  run "$bin" check "$in/readout.en.txt" "$in/readout.zh.txt" "$in/readout.ur.txt" --format json \
    -o "$tmp/$who/check.json" 2>"$tmp/$who/check.err"
  code=$?
  # 0 (no finding) and 1 (findings) are both answers; more is an error.
  ((code <= 1)) || fail "$who: check exited $code: $(head -3 "$tmp/$who/check.err")"
  echo "$code" >"$tmp/$who/check.code"
  run "$bin" check "$in/readout.en.txt" "$in/readout.zh.txt" --ui-lang zh \
    -o "$tmp/$who/check-zh.txt" 2>"$tmp/$who/check-zh.err"
  echo "$?" >"$tmp/$who/check-zh.code"
  run "$bin" align "$in/readout.en.txt" "$in/readout.zh.txt" "$in/readout.ur.txt" \
    -o "$tmp/$who/align.jsonl" 2>"$tmp/$who/align.err" || fail "$who: align failed: $(head -3 "$tmp/$who/align.err")"
done
for f in check.code check.err check-zh.txt check-zh.code check-zh.err align.jsonl align.err; do
  cmp -s "$tmp/bundle/$f" "$tmp/build/$f" || fail "bundle and build differ in $f: $(diff "$tmp/bundle/$f" "$tmp/build/$f" | head -5)"
done
[[ -s $tmp/bundle/align.jsonl ]] || fail "the bundle's align wrote nothing"
python3 -c 'import sys; sys.exit(0 if any("\u4e00" <= c <= "\u9fff" for c in open(sys.argv[1], encoding="utf-8").read()) else 1)' \
  "$tmp/bundle/check-zh.txt" || fail "the bundle's --ui-lang zh report has no Chinese (catalog not found?)"
[[ -e $tmp/home/.cache ]] && fail "a run wrote a user cache ($tmp/home/.cache): the bundle's compiled CC-CEDICT was not used"
newer=$(find "$b" -newer "$tmp/marker" -print)
[[ -z $newer ]] || fail "running the bundle wrote into it: $newer"

# The reports agree except for the paths of the data files, and the bundle's
# paths are its own files: its dictionaries and termbase, with the build's hashes.
python3 - "$tmp/bundle/check.json" "$tmp/build/check.json" "$b/share/talign" <<'EOF' || fail "provenance check failed"
import json, sys
bundle, build, data = (json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3] + "/")
ok = True
def bad(msg):
    global ok
    ok = False
    print("FAIL:", msg, file=sys.stderr)
pb, pd = bundle["provenance"], build["provenance"]
names = sorted(d["name"] for d in pb["dictionaries"])
if names != sorted(d["name"] for d in pd["dictionaries"]) or len(names) < 2:
    bad(f"dictionaries: bundle {names}, build {[d['name'] for d in pd['dictionaries']]}")
for kind in ("dictionaries", "termbases"):
    if not pb[kind]:
        bad(f"the bundle's provenance lists no {kind}")
    for fb, fd in zip(pb[kind], pd[kind]):
        if not fb["path"].startswith(data):
            bad(f"{kind}: the bundle used {fb['path']}, not its own file under {data}")
        if fb["sha256"] != fd["sha256"]:
            bad(f"{kind}: {fb['path']} has SHA-256 {fb['sha256']}, the build's file {fd['sha256']}")
        fb["path"] = fd["path"] = "(path)"
if "missing_dictionaries" in pb:
    bad(f"the bundle ran without {pb['missing_dictionaries']}")
if bundle != build:
    bad("the check reports differ beyond the data files' paths")
sys.exit(0 if ok else 1)
EOF

# The Hunspell en_US dictionary comes from the bundle: with the system's
# hidden (an empty directory mounted over it in a private mount namespace),
# the bundle gives the same report and no warning; with the bundle's copy
# removed as well, it warns, which shows the hiding worked.
hidden_run() {  # BINARY ARGS...: as run, with /usr/share/{hunspell,myspell} empty
  mkdir -p "$tmp/empty"
  unshare -m bash -c 'for d in /usr/share/hunspell /usr/share/myspell; do
      if [[ -d $d ]]; then mount --bind "$0" "$d" || exit 99; fi; done
    cd "$1" && shift && exec env -i HOME="$1" PATH=/usr/bin:/bin LANG=C.UTF-8 "${@:2}"' \
    "$tmp/empty" "$tmp/cwd" "$tmp/home" "$@"
}
if ! unshare -m true 2>/dev/null; then
  # A container without CAP_SYS_ADMIN cannot make a mount namespace; the
  # rest of the test holds there, this part is reported as not run.
  echo "NOTE: unshare -m is not permitted here: the bundle's own Hunspell en_US was not checked" >&2
else
  hidden_run "$b/bin/talign" check "$in/readout.en.txt" "$in/readout.zh.txt" "$in/readout.ur.txt" \
    --format json -o "$tmp/bundle/check-hidden.json" 2>"$tmp/bundle/check-hidden.err"
  cmp -s "$tmp/bundle/check-hidden.err" "$tmp/build/check.err" ||
    fail "without the system's Hunspell the bundle says: $(head -3 "$tmp/bundle/check-hidden.err")"
  cmp -s "$tmp/bundle/check-hidden.json" "$tmp/bundle/check.json" ||
    fail "without the system's Hunspell the bundle's report changes"
  mv "$b/share/talign/third_party/hunspell" "$tmp/hunspell-away"
  hidden_run "$b/bin/talign" check "$in/readout.en.txt" "$in/readout.zh.txt" \
    --format json -o "$tmp/bundle/check-none.json" 2>"$tmp/bundle/check-none.err"
  grep -q "hunspell dictionary" "$tmp/bundle/check-none.err" ||
    fail "with no Hunspell en_US anywhere the bundle does not warn: the system's was not hidden"
  mv "$tmp/hunspell-away" "$b/share/talign/third_party/hunspell"
fi

# The languages and rules come from the bundle too: a broken language index
# in the bundle breaks the bundle's run and is named in the error.
printf 'this is not a language line\n' >>"$b/share/talign/languages/languages.txt"
run "$b/bin/talign" align "$in/readout.en.txt" "$in/readout.zh.txt" -o "$tmp/broken.jsonl" 2>"$tmp/broken.err" &&
  fail "a broken languages.txt in the bundle went unnoticed: the bundle reads another one"
grep -qF "$b/share/talign/languages/languages.txt" "$tmp/broken.err" ||
  fail "the error does not name the bundle's languages.txt: $(head -3 "$tmp/broken.err")"

# The Apptainer definition: the sections Apptainer runs with /bin/sh parse,
# and the file it copies in is the bundle's documented name.
def=$src/scale/apptainer/talign.def
grep -q '^Bootstrap: docker$' "$def" && grep -q '^From: debian:12' "$def" || fail "$def: not bootstrapped from Debian 12"
grep -qE '^[[:space:]]+talign-bundle\.tar\.gz /opt/talign-bundle\.tar\.gz$' "$def" || fail "$def: %files does not copy talign-bundle.tar.gz"
for section in post environment runscript test; do
  body=$(awk -v s="%$section" '/^%/ {on = ($1 == s); next} on' "$def")
  [[ -n $body ]] || { fail "$def: no %$section section"; continue; }
  sh -n <<<"$body" 2>"$tmp/sh.err" || fail "$def: %$section is not valid sh: $(cat "$tmp/sh.err")"
done

finish "bundle"
