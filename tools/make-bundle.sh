#!/usr/bin/env bash
# Makes a relocatable talign bundle: a tarball that runs when unpacked
# anywhere on a Linux x86-64 machine with glibc at least the build machine's
# (Debian 12: 2.36), with nothing else installed (docs/scale.md, "Moving runs
# to another machine"). It holds
#   bin/talign         RPATH $ORIGIN/../lib
#   lib/               every shared library talign loads except glibc's core
#   share/talign/      languages, rules, lexicons, UI catalogs, CC-CEDICT (raw
#                      file and compiled cache) and the Urdu-English list,
#                      with their notices
#   share/doc/talign-bundle/  the Debian copyright file of each bundled library
#   README.txt         what is inside and under which licences
#
#   tools/make-bundle.sh [--build-dir DIR] OUT.tar.gz
#
# --build-dir (or $TALIGN_BUNDLE_BUILD_DIR) reuses a configured and built
# tree as it is (it is installed, not rebuilt: build it first); without it
# a Release tree build-bundle/ is configured and built. Needs patchelf, which
# is installed with apt-get when missing. The tarball is byte-for-byte
# reproducible from the same tree: sorted entries, mtime 0, owner 0.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() { echo "make-bundle: error: $*" >&2; exit 1; }
usage() { echo "usage: tools/make-bundle.sh [--build-dir DIR] OUT.tar.gz" >&2; exit 2; }

build=${TALIGN_BUNDLE_BUILD_DIR:-}
out=""
while (($#)); do
  case $1 in
    --build-dir) (($# >= 2)) || usage; build=$2; shift 2 ;;
    --build-dir=*) build=${1#--build-dir=}; shift ;;
    -h|--help) usage ;;
    -*) echo "make-bundle: unknown option $1" >&2; usage ;;
    *) [[ -z $out ]] || usage; out=$1; shift ;;
  esac
done
[[ -n $out ]] || usage
[[ $out == *.tar.gz ]] || die "$out: the bundle's name must end in .tar.gz"
out_dir=$(dirname "$out")
[[ -d $out_dir && -w $out_dir ]] || die "$out: directory $out_dir does not exist or is not writable"
out=$(cd "$out_dir" && pwd)/$(basename "$out")

for tool in cmake ldd tar gzip readelf; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
if ! command -v patchelf >/dev/null; then
  echo "make-bundle: installing patchelf (Debian package patchelf)" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  { $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends patchelf >/dev/null ||
    { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends patchelf >/dev/null; }; } ||
    die "patchelf is missing and apt-get could not install it"
fi

if [[ -n $build ]]; then
  [[ -f $build/CMakeCache.txt ]] || die "$build: not a configured build directory (no CMakeCache.txt)"
  build=$(cd "$build" && pwd)
else
  build=$root/build-bundle
  if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTALIGN_BUILD_TESTS=OFF \
      -DTALIGN_BUILD_BENCH=OFF -DTALIGN_BUILD_PYTHON=OFF >/dev/null || die "configuring $build failed"
  fi
  cmake --build "$build" -j "$(nproc)" || die "building $build failed"
fi
# A sanitized or fuzzing talign needs its compiler's runtime and is slow: not
# something to ship.
if grep -qE '^TALIGN_(SANITIZE|BUILD_FUZZERS):BOOL=(ON|1|TRUE)$' "$build/CMakeCache.txt"; then
  die "$build is a sanitizer or fuzzer build: bundle a Release (or RelWithDebInfo) build"
fi
grep -qE '^TALIGN_INSTALL:BOOL=(ON|1|TRUE)$' "$build/CMakeCache.txt" ||
  die "$build was configured with TALIGN_INSTALL=OFF: it has no install rules"

work=$(mktemp -d)
trap 'rm -rf "$work" "$out.tmp.$$"' EXIT
stage=$work/stage
# --strip drops the debug information of a RelWithDebInfo talign (most of its size).
cmake --install "$build" --prefix "$stage" --strip >"$work/install.log" 2>&1 ||
  die "cmake --install $build failed (is it built?): $(tail -5 "$work/install.log")"
grep -E 'Warning|not fetched|not built' "$work/install.log" >&2 || true
[[ -x $stage/bin/talign ]] || die "$build installs no bin/talign (configured with TALIGN_BUILD_TOOLS=OFF?)"
# The bundle is for running talign: the static library, headers and CMake
# package are for building against it and stay out.
rm -rf "$stage/include" "$stage/lib"
mkdir -p "$stage/lib"

# Every library the loader resolves for talign, direct or not, except glibc's
# core, which must match the kernel-facing system it runs on.
is_glibc_core() {
  case $1 in
    libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*|ld-linux*.so.*|linux-vdso.so.*|linux-gate.so.*) return 0 ;;
    *) return 1 ;;
  esac
}
ldd "$stage/bin/talign" >"$work/ldd" 2>&1 || die "ldd $stage/bin/talign failed: $(cat "$work/ldd")"
if grep -q 'not found' "$work/ldd"; then
  die "talign needs libraries this machine lacks: $(grep 'not found' "$work/ldd" | tr -s ' \t' ' ')"
fi
bundled=()
while read -r name arrow path _; do
  [[ $arrow == "=>" && -n $path ]] || continue
  is_glibc_core "$name" && continue
  [[ -f $path ]] || die "ldd names $path for $name, which is not a file"
  cp -L "$path" "$stage/lib/$name"
  chmod 0644 "$stage/lib/$name"
  bundled+=("$name=$path")
done <"$work/ldd"
((${#bundled[@]} > 0)) || die "ldd listed no library to bundle for talign (a static build?): $(cat "$work/ldd")"

# DT_RPATH rather than DT_RUNPATH: RPATH of the executable also applies to the
# libraries' own dependencies (libicuuc → libicudata), so the system copies are
# never mixed in; LD_LIBRARY_PATH cannot override it either.
patchelf --force-rpath --set-rpath '$ORIGIN/../lib' "$stage/bin/talign" ||
  die "patchelf could not set the RPATH of talign"

# Licences: the data's notices are installed with it; each library's Debian
# copyright file goes to share/doc.
docs=$stage/share/doc/talign-bundle
mkdir -p "$docs"
debian_package_of() {  # PATH: the Debian package that installed it, or nothing
  local real candidate package
  real=$(readlink -f "$1")
  command -v dpkg-query >/dev/null || return 0
  # Merged /usr: ldd may name /lib/... while dpkg records /usr/lib/...
  for candidate in "$1" "$real" "/usr$1" "/usr$real" "${real#/usr}"; do
    package=$(dpkg-query -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1) && [[ -n $package ]] &&
      { echo "$package"; return 0; }
  done
}
library_lines=""
for entry in "${bundled[@]}"; do
  name=${entry%%=*} path=${entry#*=}
  real=$(readlink -f "$path")
  package=$(debian_package_of "$path")
  if [[ -n $package && -f /usr/share/doc/$package/copyright ]]; then
    cp "/usr/share/doc/$package/copyright" "$docs/$package.copyright"
    version=$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || true)
    library_lines+="  lib/$name  Debian package $package $version; licence: share/doc/talign-bundle/$package.copyright"$'\n'
  else
    echo "make-bundle: warning: no Debian copyright file found for $path; README.txt says so" >&2
    library_lines+="  lib/$name  from $real, not a Debian package: see its upstream licence"$'\n'
  fi
done

data_lines=""
# English term matching inflects through Hunspell's en_US dictionary; a
# target machine may have none, or another version that inflects otherwise,
# so the bundle carries the build machine's (languages/en.lang looks for
# third_party/hunspell/en_US in the data directory first).
hunspell_dic=""
for prefix in /usr/share/hunspell/en_US /usr/share/myspell/dicts/en_US; do
  if [[ -f $prefix.aff && -f $prefix.dic ]]; then hunspell_dic=$prefix; break; fi
done
if [[ -n $hunspell_dic ]]; then
  mkdir -p "$stage/share/talign/third_party/hunspell"
  cp -L "$hunspell_dic.aff" "$hunspell_dic.dic" "$stage/share/talign/third_party/hunspell/"
  chmod 0644 "$stage/share/talign/third_party/hunspell/"*
  package=$(debian_package_of "$hunspell_dic.dic")
  if [[ -n $package && -f /usr/share/doc/$package/copyright ]]; then
    cp "/usr/share/doc/$package/copyright" "$stage/share/talign/third_party/hunspell/COPYRIGHT"
    data_lines+="  share/talign/third_party/hunspell/ en_US Hunspell dictionary (Debian $package): COPYRIGHT"$'\n'
  else
    data_lines+="  share/talign/third_party/hunspell/ en_US Hunspell dictionary from $hunspell_dic"$'\n'
  fi
else
  echo "make-bundle: warning: no Hunspell en_US dictionary on this machine (Debian package hunspell-en-us):" \
       "the bundle matches English terms by exact words only" >&2
fi
if [[ -f $stage/share/talign/third_party/cedict/cedict_ts.u8 ]]; then
  data_lines+="  share/talign/third_party/cedict/  CC-CEDICT (MDBG), CC BY-SA 4.0: CEDICT-NOTICE.md"$'\n'
  [[ -f $stage/share/talign/third_party/cedict/cedict_ts.u8.talign-cache ]] ||
    echo "make-bundle: warning: the compiled CC-CEDICT cache was not installed; the bundle compiles it at first use" >&2
else
  echo "make-bundle: warning: CC-CEDICT is not in the bundle (tools/fetch-cedict.sh, then reconfigure)" >&2
fi
if [[ -f $stage/share/talign/third_party/ur-en/ur-en.tsv ]]; then
  data_lines+="  share/talign/third_party/ur-en/    Urdu-English list from Apertium urd-hin (GPL-3) and FreeDict eng-hin (GPL-2+): UR-EN-NOTICE.md"$'\n'
else
  echo "make-bundle: warning: the Urdu-English list is not in the bundle (tools/fetch-ur-en.sh, then reconfigure)" >&2
fi
version=$("$stage/bin/talign" --version 2>/dev/null | head -1 || true)
[[ -n $version ]] || die "the staged bin/talign does not run"
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null || echo "glibc (version unknown)")

cat >"$stage/README.txt" <<EOF
talign bundle: $version, for Linux $(uname -m) with $glibc or newer

Unpack anywhere and run bin/talign; it finds its data in share/talign beside
bin/ (set TALIGN_DATA_DIR to use other data). Nothing needs installing: the
libraries, the dictionaries and the Hunspell en_US dictionary that English
term matching inflects with are all inside.

Licences of what is inside:
  bin/talign, share/talign/{languages,rules,lexicons,locale}: talign's own files
$data_lines
Shared libraries copied from the build machine (everything talign loads
except glibc's libc, libm, libpthread, libdl, librt and the loader):
$library_lines
EOF

# Normalised modes, sorted names, mtime 0 and no owner names or gzip time
# stamp: the same tree gives the same bytes.
tar --sort=name --format=gnu --mtime=@0 --owner=0 --group=0 --numeric-owner \
    --mode='u+rwX,go+rX,go-w' -C "$stage" -cf - . | gzip -n -9 >"$out.tmp.$$" ||
  die "writing $out failed"
mv "$out.tmp.$$" "$out"
bytes=$(stat -c %s "$out")
unpacked=$(du -sb "$stage" | cut -f1)
echo "make-bundle: $out: $((bytes / 1024 / 1024)) MiB ($bytes bytes; $((unpacked / 1024 / 1024)) MiB unpacked, ${#bundled[@]} libraries)"
