# The repository's bundled corpus and termbase, found from this file so that
# the tests run from any directory (ctest runs them from the source root).
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus():
    return ROOT / "corpora"


@pytest.fixture
def termbase_path():
    return ROOT / "lexicons" / "official-terms.tsv"


def read(path):
    # newline="": offsets are into the file's text as it is, CR LF included.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()
