#!/usr/bin/env python3
"""Builds an Urdu→English word list by pivoting through Hindi.

  tools/build-ur-en-lexicon.py URD_HIN_ATT ENG_HIN_DICT_DZ OUT.tsv

URD_HIN_ATT is `lt-print` of Apertium's urd-hin.autobil.bin (Debian package
apertium-urd-hin): a letter-by-letter transducer from Urdu lemmas to Hindi
lemmas, written as AT&T text (one arc "from to input output weight" per
line, one "state weight" line per final state). ENG_HIN_DICT_DZ is FreeDict's
English–Hindi dictionary in dictd format (dict-freedict-eng-hin): headword
lines "word /IPA/ <POS>" followed by numbered senses "1. हिन्दी".

Every Urdu lemma whose Hindi lemma is a sense of an English headword gives
the row "urdu<TAB>english". Both sources are GPL and FreeDict marks its data
"low quality", so the list is noisy; the aligner only uses it as evidence
beside lengths, numbers and names. Output is sorted, so reruns give the same
bytes. Exits 1 with a message naming the file when an input is unusable.
"""
import collections
import gzip
import re
import sys

TAG = re.compile(r"<[^>]*>")
HEADWORD = re.compile(r"^(\S[^/<]*?)\s+(?:/[^/]*/\s*)?<[^>]*>\s*$")
SENSE = re.compile(r"^\d+\.\s+(.*)$")
LETTER = re.compile(r"\w", re.UNICODE)


def fail(message):
    print(f"build-ur-en-lexicon: {message}", file=sys.stderr)
    sys.exit(1)


def read_att(path):
    arcs = collections.defaultdict(list)
    finals = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            try:
                if len(fields) >= 4 and fields[1] and re.fullmatch(r"\d+", fields[1]):
                    arcs[int(fields[0])].append((int(fields[1]), fields[2], fields[3]))
                elif fields[0]:
                    finals.add(int(fields[0]))
            except ValueError:
                fail(f"{path}:{number}: not an AT&T transducer line")
    if not arcs:
        fail(f"{path}: no arcs")
    return arcs, finals


def paths(arcs, finals):
    """(input, output) of every path from state 0 to a final state; a state
    already on the path is not entered again, so cycles cannot hang this."""
    out = []
    stack = [(0, "", "", frozenset([0]))]
    while stack:
        state, a, b, on_path = stack.pop()
        if state in finals:
            out.append((a, b))
        for target, i, o in arcs.get(state, ()):
            if target in on_path:
                continue
            stack.append((target, a + ("" if i == "ε" else i), b + ("" if o == "ε" else o), on_path | {target}))
    return out


def main(argv):
    if len(argv) != 4:
        fail("usage: build-ur-en-lexicon.py URD_HIN_ATT ENG_HIN_DICT_DZ OUT.tsv")
    att, dictd, out_path = argv[1:]
    hindi_to_urdu = collections.defaultdict(set)
    for urdu, hindi in paths(*read_att(att)):
        u, h = TAG.sub("", urdu).strip(), TAG.sub("", hindi).strip()
        if LETTER.search(u) and LETTER.search(h):
            hindi_to_urdu[h].add(u)
    if not hindi_to_urdu:
        fail(f"{att}: no Urdu–Hindi lemma pairs")
    rows = set()
    try:
        with gzip.open(dictd, "rt", encoding="utf-8") as f:
            headword = None
            for line in f:
                line = line.rstrip("\n")
                m = HEADWORD.match(line)
                if m:
                    headword = m.group(1).strip().lower()
                    continue
                m = SENSE.match(line)
                if m and headword and LETTER.search(headword):
                    for hindi in re.split(r"[,;]", m.group(1)):
                        for urdu in hindi_to_urdu.get(hindi.strip(), ()):
                            rows.add((urdu, headword))
    except (OSError, EOFError, UnicodeDecodeError) as e:
        fail(f"{dictd}: {e}")
    if not rows:
        fail(f"{dictd}: no English headword has a Hindi sense that {att} knows")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# Urdu→English, pivoted through Hindi by tools/build-ur-en-lexicon.py from\n"
                "# Apertium urd-hin (GPL-3) and FreeDict eng-hin (GPL-2+): GPL data, see\n"
                "# docs/UR-EN-NOTICE.md. Generated at setup; not part of talign's sources.\n")
        for urdu, english in sorted(rows):
            f.write(f"{urdu}\t{english}\n")
    print(f"build-ur-en-lexicon: {len(rows)} pairs, {len({r[0] for r in rows})} Urdu words, "
          f"{len({r[1] for r in rows})} English words", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
