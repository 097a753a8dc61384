#!/usr/bin/env python3
"""Checks a long-form TSV termbase (concept_id, lang, term, status, note).

Stricter than the loader: it enforces the conventions of the bundled
termbase (every concept in en, zh and ur; one preferred term per language;
a confidence in every note; Urdu written with Urdu code points), so that
an edit that breaks them fails in CI rather than at a user's desk.

  lexicons/check-termbase.py lexicons/official-terms.tsv
  lexicons/check-termbase.py --hunspell lexicons/ur/ur lexicons/official-terms.tsv

With --hunspell, every Urdu word of the termbase must be known to that
dictionary (so inflected forms of every term can be matched).
Prints FILE:LINE: message per problem and exits 1 if there is any.
"""
import argparse
import collections
import re
import subprocess
import sys
import unicodedata

STATUSES = {"preferred", "admitted", "deprecated", "superseded"}
LANGS = ("en", "zh", "ur")
CONCEPT_ID = re.compile(r"^[a-z][a-z0-9_]*$")
CONFIDENCE = re.compile(r"confidence: (high|medium|low)$")
# Arabic letters that Urdu writes with its own code points (yeh, alef maksura,
# kaf, heh, teh marbuta); the matcher folds them, but the termbase is the
# reference text and must show the correct letters.
NON_URDU_LETTERS = {"\u064A": "ی U+06CC", "\u0649": "ی U+06CC", "\u0643": "ک U+06A9",
                    "\u0647": "ہ U+06C1", "\u0629": "ۃ U+06C3"}
HARAKAT = re.compile("[\u064B-\u0652\u0670\u0640\u200C\u200D]")


def match_key(lang, term):
    """Roughly the matcher's key: two terms with the same key are the same text."""
    key = unicodedata.normalize("NFKC", term).casefold()
    key = re.sub(r"[\s\-\u2010-\u2015“”\"'‘’「」《》]", "", key)
    if lang == "ur":
        key = HARAKAT.sub("", key)
    return key


def check(path, problems):
    concepts = collections.OrderedDict()
    seen_terms = {}
    seen_keys = {}
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"{path}:0: invalid UTF-8 at byte {e.start}")
        return concepts
    if "\r" in text:
        problems.append(f"{path}:0: CR found; the file must use LF line ends")
    for number, line in enumerate(text.split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        fields = line.split("\t")
        if len(fields) != 5:
            problems.append(f"{where}: {len(fields)} columns, expected 5")
            continue
        concept, lang, term, status, note = fields
        for name, value in zip(("concept_id", "lang", "term", "status", "note"), fields):
            if value != value.strip() or "  " in value:
                problems.append(f"{where}: {name} has stray white space")
        if not CONCEPT_ID.match(concept):
            problems.append(f"{where}: bad concept_id '{concept}'")
        if lang not in LANGS:
            problems.append(f"{where}: unknown lang '{lang}'")
        if status not in STATUSES:
            problems.append(f"{where}: unknown status '{status}'")
        if not term:
            problems.append(f"{where}: empty term")
        if not CONFIDENCE.search(note):
            problems.append(f"{where}: note must end with 'confidence: high|medium|low'")
        elif len(note) < len("x; confidence: low") + 4:
            problems.append(f"{where}: note must name the basis of the rendering")
        if lang == "ur":
            for ch, right in NON_URDU_LETTERS.items():
                if ch in term:
                    problems.append(f"{where}: Arabic U+{ord(ch):04X} in Urdu term; write {right}")
        if (concept, lang, term) in seen_terms:
            problems.append(f"{where}: duplicate of line {seen_terms[(concept, lang, term)]}")
        seen_terms[(concept, lang, term)] = number
        key = (lang, match_key(lang, term))
        if key in seen_keys and seen_keys[key][0] != concept:
            other_concept, other_line = seen_keys[key]
            problems.append(f"{where}: '{term}' is also a term of {other_concept} (line {other_line})")
        seen_keys.setdefault(key, (concept, number))
        concepts.setdefault(concept, []).append((number, lang, term, status))
    for concept, rows in concepts.items():
        first = rows[0][0]
        for lang in LANGS:
            preferred = [r for r in rows if r[1] == lang and r[3] == "preferred"]
            if not any(r[1] == lang for r in rows):
                problems.append(f"{path}:{first}: concept {concept} has no {lang} term")
            elif len(preferred) != 1:
                problems.append(f"{path}:{first}: concept {concept} has {len(preferred)} "
                                f"preferred {lang} terms, expected 1")
    return concepts


def check_hunspell(path, dictionary, concepts, problems):
    words = collections.OrderedDict()
    for rows in concepts.values():
        for number, lang, term, _ in rows:
            if lang != "ur":
                continue
            for word in re.findall(r"[\u0600-\u06FF\u0750-\u077F\u200C]+", term):
                words.setdefault(word, number)
    run = subprocess.run(["hunspell", "-d", dictionary, "-l"], input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        problems.append(f"{path}:0: hunspell failed: {run.stderr.strip()}")
        return
    for word in dict.fromkeys(run.stdout.split()):
        problems.append(f"{path}:{words.get(word, 0)}: Urdu word '{word}' is not in {dictionary}.dic")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hunspell", metavar="DIC_BASE",
                        help="check every Urdu word against this hunspell dictionary")
    parser.add_argument("--stats", action="store_true", help="print counts")
    parser.add_argument("tsv")
    args = parser.parse_args()
    problems = []
    concepts = check(args.tsv, problems)
    if args.hunspell and concepts:
        check_hunspell(args.tsv, args.hunspell, concepts, problems)
    for p in problems:
        print(p, file=sys.stderr)
    if args.stats:
        counts = collections.Counter()
        for rows in concepts.values():
            for _, lang, _, status in rows:
                counts[(lang, status)] += 1
        print(f"concepts\t{len(concepts)}")
        for lang in LANGS:
            row = [f"{s}={counts[(lang, s)]}" for s in sorted(STATUSES)]
            print(f"{lang}\t{sum(counts[(lang, s)] for s in STATUSES)}\t" + " ".join(row))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
