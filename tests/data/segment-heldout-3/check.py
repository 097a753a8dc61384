#!/usr/bin/env python3
"""Validates the third held-out segmentation set.

Runs the first set's checks (trimmed substrings in order, white space only
between them, Urdu letters rather than Arabic look-alikes), then one more:
every gold boundary must be marked by a line break or by a stop (. ! ? 。 ！
？ ۔ ؟ …), possibly followed by closing quotes or brackets. A boundary with
neither is an authoring slip (see ../segment-heldout-2/README.md, ur2-022).

    python3 tests/data/segment-heldout-3/check.py [FILE.jsonl ...]
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # keep the first set's folder clean

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "segment-heldout"))
import check as first_set  # noqa: E402

STOPS = set(".!?。！？۔؟…")
CLOSERS = set("\"'”’»）)]】》」』")


def unmarked_boundaries(path):
    errors = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            case = json.loads(line)
            text, pos, prev_end = case["text"], 0, None
            for s in case["sentences"]:
                found = text.find(s, pos)
                if found < 0:
                    break  # reported by the first set's checks
                if prev_end is not None and "\n" not in text[prev_end:found]:
                    before = text[:prev_end].rstrip().rstrip("".join(CLOSERS))
                    if not before or before[-1] not in STOPS:
                        errors.append(f"{path}:{lineno}: boundary before {s[:20]!r} has no stop or line break")
                pos = prev_end = found + len(s)
    return errors


def main(argv):
    paths = argv[1:] or [os.path.join(HERE, f"{l}.jsonl") for l in ("en", "zh", "ur")]
    status = first_set.main([argv[0]] + paths)
    for path in paths:
        for e in unmarked_boundaries(path):
            print(e, file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
