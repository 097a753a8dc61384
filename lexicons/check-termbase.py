#!/usr/bin/env python3
"""Checks a long-form TSV termbase (concept_id, lang, term, status, note[, kind]).

Stricter than the loader: it enforces the conventions of the bundled
termbase (every concept in en, zh and ur, unless a note of the concept says
"no distinct LANG rendering" and why; one preferred term per language;
a confidence in every note; Urdu written with Urdu code points; a concept's
kind, name or title, on its first row only), so that
an edit that breaks them fails in CI rather than at a user's desk.

  lexicons/check-termbase.py lexicons/official-terms.tsv
  lexicons/check-termbase.py --hunspell lexicons/ur/ur lexicons/official-terms.tsv

With --hunspell, every Urdu word of the termbase (deprecated rows aside,
which keep misspellings as found) must be known to that dictionary, so that
inflected forms of every term can be matched, and no two terms of different
concepts may stem alike word by word (Urdu with that dictionary, English
with /usr/share/hunspell/en_US when it is installed).
Prints FILE:LINE: message per problem and exits 1 if there is any.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import unicodedata

STATUSES = {"preferred", "admitted", "deprecated", "superseded"}
KINDS = {"term", "name", "title"}
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
        if len(fields) not in (5, 6):
            problems.append(f"{where}: {len(fields)} columns, expected 5 (or 6 with a kind)")
            continue
        concept, lang, term, status, note = fields[:5]
        if len(fields) == 6:
            kind = fields[5]
            if kind not in KINDS:
                problems.append(f"{where}: unknown kind '{kind}' (expected term, name or title)")
            elif concept in concepts:
                problems.append(f"{where}: the kind of {concept} belongs on its first row "
                                f"(line {concepts[concept][0][0]})")
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
        concepts.setdefault(concept, []).append((number, lang, term, status, note))
    for concept, rows in concepts.items():
        first = rows[0][0]
        for lang in LANGS:
            preferred = [r for r in rows if r[1] == lang and r[3] == "preferred"]
            if not any(r[1] == lang for r in rows):
                if any(f"no distinct {lang} rendering" in r[4] for r in rows):
                    continue
                problems.append(f"{path}:{first}: concept {concept} has no {lang} term")
            elif len(preferred) != 1:
                problems.append(f"{path}:{first}: concept {concept} has {len(preferred)} "
                                f"preferred {lang} terms, expected 1")
    return concepts


def hunspell_stems(dictionary, words):
    """word -> set of stems from the hunspell CLI ({word} when it is unknown)."""
    run = subprocess.run(["hunspell", "-d", dictionary, "-i", "UTF-8", "-s"],
                         input="\n".join(words) + "\n", capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"hunspell -d {dictionary} failed: {run.stderr.strip()}")
    blocks = [b for b in run.stdout.split("\n\n") if b.strip()]
    if len(blocks) != len(words):
        raise RuntimeError(f"hunspell -d {dictionary}: {len(blocks)} answers for {len(words)} words")
    stems = {}
    for word, block in zip(words, blocks):
        found = {line.split(" ")[1] for line in block.split("\n") if len(line.split(" ")) >= 2}
        stems[word] = found or {word.casefold()}
    return stems


WORD = {"ur": re.compile(r"[\u0600-\u06FF\u0750-\u077F\u200C]+|[0-9.]+"),
        "en": re.compile(r"[A-Za-z0-9.&']+")}


def check_stem_collisions(path, lang, dictionary, concepts, problems):
    """Two terms of different concepts whose words can stem alike would match the same text."""
    terms = [(number, concept, WORD[lang].findall(term), term)
             for concept, rows in concepts.items()
             for number, row_lang, term, _, _ in rows if row_lang == lang]
    words = list(dict.fromkeys(w for _, _, ws, _ in terms for w in ws))
    # hunspell skips or splits tokens that are not plain words (2.0, B&R); they
    # compare as themselves.
    lettered = [w for w in words if w.replace("'", "").isalpha()]
    stems = hunspell_stems(dictionary, lettered)
    stems.update({w: {w} for w in words if w not in stems})
    by_length = collections.defaultdict(list)
    for t in terms:
        by_length[len(t[2])].append(t)
    for group in by_length.values():
        for i, (number, concept, ws, term) in enumerate(group):
            for other_number, other_concept, other_ws, other_term in group[i + 1:]:
                if concept == other_concept:
                    continue
                if all(stems[a] & stems[b] for a, b in zip(ws, other_ws)):
                    problems.append(f"{path}:{other_number}: '{other_term}' ({other_concept}) stems like "
                                    f"'{term}' ({concept}, line {number})")


def check_hunspell(path, dictionary, concepts, problems):
    words = collections.OrderedDict()
    for rows in concepts.values():
        for number, lang, term, status, _ in rows:
            # Deprecated rows record misspellings and machine output as found.
            if lang != "ur" or status == "deprecated":
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
    try:
        check_stem_collisions(path, "ur", dictionary, concepts, problems)
        english = "/usr/share/hunspell/en_US"
        if os.path.exists(english + ".dic"):
            check_stem_collisions(path, "en", english, concepts, problems)
    except RuntimeError as e:
        problems.append(f"{path}:0: {e}")


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
            for _, lang, _, status, _ in rows:
                counts[(lang, status)] += 1
        print(f"concepts\t{len(concepts)}")
        for lang in LANGS:
            row = [f"{s}={counts[(lang, s)]}" for s in sorted(STATUSES)]
            print(f"{lang}\t{sum(counts[(lang, s)] for s in STATUSES)}\t" + " ".join(row))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
