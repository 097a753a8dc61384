#!/usr/bin/env bash
# `cmake --install` installs the package with the library's data: installs the
# build into a temporary prefix and imports talign from there, its data read
# from PREFIX/share/talign (ctest -L install).
#   python/tests/cmake_install.sh BUILD_DIR PYTHON_INSTALL_DIR PYTHON
set -euo pipefail
build=$1 site=$2 python=$3
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
cd "$work"
PYTHONPATH="$work/prefix/$site" PYTHONNOUSERSITE=1 TALIGN_DATA_DIR="$work/prefix/share/talign" \
  TALIGN_ROOT="$root" "$python" - <<'PY'
import os, pathlib
import talign
assert pathlib.Path(talign.__file__).is_relative_to(pathlib.Path.cwd() / "prefix"), talign.__file__
tb = talign.Termbase.load()
assert tb.paths[0].startswith(os.environ["TALIGN_DATA_DIR"]), tb.paths
corpus = pathlib.Path(os.environ["TALIGN_ROOT"], "corpora")
findings = talign.check([corpus / f"readout-divergent.{lang}.txt" for lang in ("en", "zh", "ur")])
assert any(f["type"] == "deprecated-term" for f in findings)
print("installed talign", talign.__version__, len(findings), "findings")
PY
