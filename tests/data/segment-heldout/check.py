#!/usr/bin/env python3
"""Validates the held-out segmentation cases.

Each line of LANG.jsonl is {"id", "text", "sentences"}; the sentences must be
trimmed substrings of text, in order, covering every non-white character of
text exactly once (what lies between them is white space only). Urdu text
must use the Urdu letters, not their Arabic look-alikes.

    python3 tests/data/segment-heldout/check.py [FILE.jsonl ...]
"""
import json
import os
import re
import sys

ARABIC_LOOKALIKES = {"\u064a": "ARABIC LETTER YEH", "\u0643": "ARABIC LETTER KAF",
                     "\u0647": "ARABIC LETTER HEH", "\u0649": "ALEF MAKSURA"}


def check_file(path):
    errors = []
    raw = open(path, "rb").read()
    if b"\r" in raw:
        errors.append(f"{path}: CR found; files are LF only")
    if not raw.endswith(b"\n"):
        errors.append(f"{path}: no final newline")
    seen = set()
    lang = os.path.basename(path).split(".")[0]
    count = 0
    for lineno, line in enumerate(raw.decode("utf-8").split("\n")[:-1], 1):
        where = f"{path}:{lineno}"
        try:
            case = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: bad JSON: {e}")
            continue
        if set(case) != {"id", "text", "sentences"}:
            errors.append(f"{where}: keys must be id, text, sentences")
            continue
        if case["id"] in seen:
            errors.append(f"{where}: duplicate id {case['id']}")
        seen.add(case["id"])
        text, pos = case["text"], 0
        for s in case["sentences"]:
            if not s or s != s.strip():
                errors.append(f"{where}: sentence empty or not trimmed: {s!r}")
            if re.search(r"\n[ \t]*\n", s):
                errors.append(f"{where}: sentence spans a blank line: {s!r}")
            found = text.find(s, pos)
            if found < 0:
                errors.append(f"{where}: not a substring in order: {s!r}")
                break
            if text[pos:found].strip():
                errors.append(f"{where}: text not covered: {text[pos:found]!r}")
            pos = found + len(s)
        if text[pos:].strip():
            errors.append(f"{where}: text not covered at end: {text[pos:]!r}")
        if lang == "ur":
            for ch, name in ARABIC_LOOKALIKES.items():
                if ch in text:
                    errors.append(f"{where}: {name} in Urdu text")
        count += 1
    return count, errors


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    paths = argv[1:] or [os.path.join(here, f"{l}.jsonl") for l in ("en", "zh", "ur")]
    failed = False
    for path in paths:
        count, errors = check_file(path)
        for e in errors:
            print(e, file=sys.stderr)
        failed |= bool(errors)
        print(f"{path}: {count} cases, {len(errors)} errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
