#!/usr/bin/env bash
# Installs the Debian packages talign needs to build and test, skipping
# apt-get entirely when everything is already present. Idempotent.
#   tools/setup-deps.sh            build and test dependencies
#   tools/setup-deps.sh --browser  also Chromium, for the HTML report test
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libicu-dev            # normalisation, sentence breaks, transliteration
  libboost-locale-dev   # message catalogs for the UI languages
  gettext               # msgfmt compiles po/*.po into the catalogs
  libhunspell-dev hunspell-en-us   # English inflection for term matching
  hunspell              # CLI for lexicons/ur/check.sh (Urdu affix file tests)
  patchelf              # tools/make-bundle.sh sets the bundle's RPATH with it
  libfmt-dev            # formatting of messages and reports
  libpugixml-dev        # TBX and TMX reading and writing
  nlohmann-json3-dev    # JSON and JSON-lines output
  libcli11-dev          # command-line parsing
  libgtest-dev libgmock-dev libbenchmark-dev
  python3               # the evaluation scorer in ../shared/eval; tools/build-ur-en-lexicon.py
  # The Python package talign (python/, docs/python.md): pybind11 for the
  # extension module, pytest for its tests, setuptools and pip for
  # `pip install --no-build-isolation`, pandas for .to_pandas() and for
  # tests/e2e/csv_export.sh, which reads the CSV and TSV outputs with pandas' defaults.
  pybind11-dev python3-dev python3-pytest python3-setuptools python3-wheel python3-pip python3-pandas
  # translate-toolkit, a TBX v2 reader nobody here wrote: tests/e2e/tbx_v2_reader.sh
  # reads what `talign lexicon convert --tbx-version 2` writes with it.
  python3-translate
  # The Urdu→English pivot lexicon (GPL data, built by tools/fetch-ur-en.sh):
  apertium-urd-hin dict-freedict-eng-hin lttoolbox-dev
  # Coverage-guided fuzzing (tools/fuzz.sh, docs/fuzzing.md): clang 14 with
  # libFuzzer and the ASan/UBSan runtimes.
  clang libfuzzer-14-dev libclang-rt-14-dev
)
# Chromium for the HTML report test, and fonts with Nastaliq Urdu and CJK
# glyphs so that its screenshot shows the text rather than empty boxes.
if [[ "${1:-}" == "--browser" ]]; then packages+=(chromium fonts-noto-core fonts-noto-cjk); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then exit 0; fi

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
