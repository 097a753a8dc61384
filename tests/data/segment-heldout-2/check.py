#!/usr/bin/env python3
"""Validates the second held-out segmentation set.

The format and the checks (trimmed substrings in order, white space only
between them, Urdu letters rather than Arabic look-alikes) are those of the
first set, so this reuses its checker and only changes the default files.

    python3 tests/data/segment-heldout-2/check.py [FILE.jsonl ...]
"""
import os
import sys

sys.dont_write_bytecode = True  # keep the first set's folder clean

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "segment-heldout"))
import check as first_set  # noqa: E402


def main(argv):
    paths = argv[1:] or [os.path.join(HERE, f"{l}.jsonl") for l in ("en", "zh", "ur")]
    return first_set.main([argv[0]] + paths)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
