#!/usr/bin/env python3
"""Validates the trilingual document sets in corpora/.

For every NAME.gold.jsonl: each NAME.LANG.sents line must be found in
NAME.LANG.txt, in order, as a trimmed substring in which a line break of the
text (hard wrapping) appears as one space; everything between sentences must be
white space; the beads must cover every sentence of every language exactly
once, in order, with consecutive indices.

    python3 corpora/check.py [NAME ...]
"""
import glob
import json
import os
import sys

LANGS = ("en", "zh", "ur")


def read_text(path, errors):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        errors.append(f"{path}: BOM")
    if b"\r" in raw:
        errors.append(f"{path}: CR found; files are LF only")
    if not raw.endswith(b"\n") or raw.endswith(b"\n\n"):
        errors.append(f"{path}: must end with exactly one newline")
    return raw.decode("utf-8")


def locate(text, sents, path, errors):
    """Matches the sentences against the text: a space of a sentence may be a
    line break in the text, and a line break may sit between two characters
    that the sentence writes with a space (Chinese wrapping keeps that rule:
    the .sents line has a space where the text has a break)."""
    pos = 0
    for n, s in enumerate(sents, 1):
        if not s or s != s.strip():
            errors.append(f"{path}:{n}: empty or untrimmed sentence")
        while pos < len(text) and text[pos].isspace():
            pos += 1
        start, i = pos, 0
        while i < len(s):
            if pos < len(text) and (text[pos] == s[i] or (s[i] == " " and text[pos] == "\n")):
                pos += 1
                i += 1
            else:
                errors.append(f"{path}:{n}: sentence not found at byte "
                              f"{len(text[:pos].encode())} of the text: {s[:40]!r}")
                return
        if "\n\n" in text[start:pos]:
            errors.append(f"{path}:{n}: sentence crosses a blank line")
    if text[pos:].strip():
        errors.append(f"{path}: text left after the last sentence: {text[pos:pos+40]!r}")


def check_set(name):
    errors, counts = [], {}
    for lang in LANGS:
        txt, sents_path = f"{name}.{lang}.txt", f"{name}.{lang}.sents"
        text = read_text(txt, errors)
        sents = read_text(sents_path, errors).split("\n")[:-1]
        counts[lang] = len(sents)
        locate(text, sents, sents_path, errors)
    gold_path = f"{name}.gold.jsonl"
    next_index = {lang: 0 for lang in LANGS}
    non_one = 0
    lines = read_text(gold_path, errors).split("\n")[:-1]
    for n, line in enumerate(lines, 1):
        bead = json.loads(line)
        if set(bead) != set(LANGS):
            errors.append(f"{gold_path}:{n}: keys must be {LANGS}")
            continue
        if not any(bead.values()):
            errors.append(f"{gold_path}:{n}: empty bead")
        for lang in LANGS:
            for i in bead[lang]:
                if i != next_index[lang]:
                    errors.append(f"{gold_path}:{n}: {lang} index {i}, expected {next_index[lang]}")
                next_index[lang] = i + 1
        non_one += any(len(v) != 1 for v in bead.values())
    for lang in LANGS:
        if next_index[lang] != counts[lang]:
            errors.append(f"{gold_path}: {lang} beads cover {next_index[lang]} of {counts[lang]} sentences")
    return counts, len(lines), non_one, errors


def main(argv):
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    names = argv[1:] or sorted(p[:-len(".gold.jsonl")] for p in glob.glob("*.gold.jsonl"))
    failed = False
    for name in names:
        counts, beads, non_one, errors = check_set(name)
        for e in errors:
            print(e, file=sys.stderr)
        failed |= bool(errors)
        print(f"{name}: sentences {counts}, beads {beads}, non-1-1 beads {non_one}, "
              f"{len(errors)} errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
