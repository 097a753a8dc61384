#!/usr/bin/env bash
# `pip install --no-build-isolation ./python` works without a package index:
# installs into a temporary --target (Debian's Python refuses its own
# site-packages, PEP 668), then imports talign from there, outside the
# source tree, and aligns with it. ctest -L install; the first run builds the
# library again (Release, in python/build/), later ones are incremental.
#   python/tests/pip_install.sh [PYTHON]
set -euo pipefail
python=${1:-/usr/bin/python3}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" -m pip install --quiet --no-build-isolation --no-index --no-deps --target "$work/site" "$root/python"
test -f "$work/site/talign/__init__.py"
ls "$work/site/talign/"_talign*.so >/dev/null

cd "$work"
PYTHONPATH="$work/site" PYTHONNOUSERSITE=1 TALIGN_ROOT="$root" "$python" - <<'PY'
import os, pathlib
import talign
assert pathlib.Path(talign.__file__).parent == pathlib.Path(os.getcwd(), "site", "talign"), talign.__file__
corpus = pathlib.Path(os.environ["TALIGN_ROOT"], "corpora")
a = talign.align([corpus / f"readout.{lang}.txt" for lang in ("en", "zh", "ur")])
assert len(a.beads) > 20 and a.langs == ["en", "zh", "ur"]
assert [s.text for s in talign.segment("第一句。第二句。", "zh")] == ["第一句。", "第二句。"]
print("pip-installed talign", talign.__version__, "aligned", len(a.beads), "beads")
PY
