#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into OUT/TARGET/, made at run
time from the repository's own data (corpora/, tests/data/, lexicons/ and,
when setup fetched them, third_party/), cut to each target's -max_len:

    fuzz/make_seeds.py OUT_DIR

Nothing here is committed as a copy: seeds are regenerated on every run, so
they follow the data. The input layouts (mode bytes, form-feed separators)
are those the targets in fuzz/*.cc document.
"""
import json
import pathlib
import shutil
import struct
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEP = b"\f"  # fuzz_util.h SplitParts: joins the documents of one input

# Seeds longer than the target's -max_len would be cut by libFuzzer anyway;
# cutting them here at paragraph or line boundaries keeps them meaningful.
# Keep in step with tools/fuzz.sh.
MAX_LEN = {
    "text_fuzzer": 8192,
    "segment_en_fuzzer": 4096,
    "segment_zh_fuzzer": 4096,
    "segment_ur_fuzzer": 4096,
    "lexicon_tsv_fuzzer": 8192,
    "lexicon_tbx_fuzzer": 8192,
    "dictionary_fuzzer": 4096,
    "cedict_fuzzer": 4096,
    "dictionary_table_fuzzer": 1024,
    "numbers_fuzzer": 512,
    "batch_set_fuzzer": 4096,
    "batch_merge_fuzzer": 8192,
    "check_fuzzer": 3072,
    "cat_file_fuzzer": 8192,
}


class Seeds:
    def __init__(self, out):
        self.out = out
        self.count = {}

    def add(self, target, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        data = data[: MAX_LEN[target]]
        if not data:
            return
        d = self.out / target
        d.mkdir(parents=True, exist_ok=True)
        n = self.count.get(target, 0)
        (d / f"seed-{n:04d}").write_bytes(data)
        self.count[target] = n + 1


def paragraphs(text):
    return [p for p in text.split("\n\n") if p.strip()]


def chunks(items, limit, joiner):
    """Consecutive items joined while they fit in |limit| bytes."""
    out, cur = [], b""
    for item in items:
        item = item.encode("utf-8") if isinstance(item, str) else item
        cand = cur + joiner + item if cur else item
        if cur and len(cand) > limit:
            out.append(cur)
            cand = item
        cur = cand
    if cur:
        out.append(cur)
    return out


def read(path):
    return path.read_text(encoding="utf-8") if path.exists() else ""


def lines_of(path):
    return read(path).splitlines()


def heldout_texts(lang):
    texts = []
    for f in sorted(ROOT.glob(f"tests/data/segment-heldout*/{lang}.jsonl")):
        for line in lines_of(f):
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def text_seeds(s):
    for f in sorted(ROOT.glob("corpora/*.txt")) + sorted(ROOT.glob("tests/data/report/*.txt")):
        for c in chunks(paragraphs(read(f)), MAX_LEN["text_fuzzer"], b"\n\n"):
            s.add("text_fuzzer", c)
    s.add("text_fuzzer", "\ufeffBOM first line\r\nsecond line\r\n\r\n\u3000indented\u00a0paragraph\n")


def segment_seeds(s):
    for lang in ("en", "zh", "ur"):
        target = f"segment_{lang}_fuzzer"
        for f in sorted(ROOT.glob(f"corpora/*.{lang}.txt")) + sorted(ROOT.glob(f"tests/data/report/*.{lang}.txt")):
            for c in chunks(paragraphs(read(f)), 1024, b"\n\n"):
                s.add(target, c)
        for c in chunks(heldout_texts(lang), 1024, b"\n\n"):
            s.add(target, c)


def lexicon_seeds(s):
    tsv = lines_of(ROOT / "lexicons/official-terms.tsv")
    header = [line for line in tsv if line.startswith("#")][:3]
    rows = [line for line in tsv if line and not line.startswith("#")]
    for i in range(0, len(rows), 40):
        s.add("lexicon_tsv_fuzzer", "\n".join(header + rows[i : i + 40]) + "\n")
    for f in sorted(ROOT.glob("tests/data/tbx/*.tsv")) + [ROOT / "tests/data/report/terms.tsv"]:
        s.add("lexicon_tsv_fuzzer", f.read_bytes())
    for f in sorted(ROOT.glob("tests/data/tbx/*.tbx")):
        s.add("lexicon_tbx_fuzzer", f.read_bytes())


def dictionary_seeds(s):
    # TSV source<TAB>target and the same entries as hunalign .dic (target @ source).
    sources = [
        ROOT / "lexicons/en/spelling-variants.tsv",
        ROOT / "lexicons/ur/forms.tsv",
        ROOT / "third_party/ur-en/ur-en.tsv",
    ]
    for f in sources:
        rows = [line for line in lines_of(f) if "\t" in line and not line.startswith("#")]
        rows = [line.split("\t")[:2] for line in rows]
        for i in range(0, min(len(rows), 400), 40):
            part = rows[i : i + 40]
            s.add("dictionary_fuzzer", "# from " + f.name + "\n" + "".join(f"{a}\t{b}\n" for a, b in part))
            s.add("dictionary_fuzzer", "".join(f"{b} @ {a}\n" for a, b in part))
    terms = [line.split("\t") for line in lines_of(ROOT / "lexicons/official-terms.tsv") if line and line[0] != "#"]
    by_concept = {}
    for row in terms[1:]:
        if len(row) >= 3:
            by_concept.setdefault(row[0], {}).setdefault(row[1], row[2])
    pairs = [(c["en"], c["zh"]) for c in by_concept.values() if "en" in c and "zh" in c]
    for i in range(0, len(pairs), 40):
        s.add("dictionary_fuzzer", "".join(f"{en}\t{zh}\n" for en, zh in pairs[i : i + 40]))


def cedict_seeds(s):
    lines = lines_of(ROOT / "third_party/cedict/cedict_ts.u8")
    comments = [line for line in lines if line.startswith("#")][:5]
    entries = [line for line in lines if line and not line.startswith("#")]
    # A spread of the dictionary, not only its first page.
    step = max(1, len(entries) // 40)
    for i in range(0, len(entries), step):
        s.add("cedict_fuzzer", "\n".join(comments + entries[i : i + 25]) + "\n")
    # Lines of the shape the reader expects, so that a machine without the
    # fetched dictionary still starts from something that parses.
    s.add(
        "cedict_fuzzer",
        "# CC-CEDICT\n"
        "和平 和平 [he2 ping2] /peace/peaceful/\n"
        "發展 发展 [fa1 zhan3] /development/growth/to develop/CL:個|个[ge4]/\n"
        "一帶一路 一带一路 [Yi1 dai4 Yi1 lu4] /Belt and Road Initiative/see also 絲綢之路/\n",
    )


def table_blob(entries, source=2, target=1):
    """A dictionary table as dictionary_table.h lays it out (format version 2)."""
    words = sorted({w for ws in entries.values() for w in ws})
    word_id = {w: i for i, w in enumerate(words)}
    pool = b""
    key_offset, key_links, links, word_offset = [], [], [], []
    for key in sorted(entries, key=lambda k: k.encode()):
        key_offset.append(len(pool))
        key_links.append(len(links))
        pool += key.encode()
        links += [word_id[w] for w in sorted(entries[key])]
    key_offset.append(len(pool))
    key_links.append(len(links))
    for w in words:
        word_offset.append(len(pool))
        pool += w.encode()
    word_offset.append(len(pool))
    max_tokens = max((k.count(" ") + 1 for k in entries), default=1)
    header = struct.pack(
        "<8sIIIIQQIIIIQ", b"TALDICT1", 2, source, target, max_tokens, 0, 0,
        len(entries), len(links), len(words), 0, len(pool),
    )
    body = b"".join(struct.pack(f"<{len(v)}I", *v) for v in (key_offset, key_links, links, word_offset))
    return header + body + pool


def table_seeds(s):
    s.add("dictionary_table_fuzzer", table_blob({"和平": ["peace", "peaceful"], "发展": ["development"]}))
    s.add("dictionary_table_fuzzer", table_blob({"belt and road": ["一带一路"], "peace": ["和平"]}, 1, 2))
    s.add("dictionary_table_fuzzer", table_blob({}))


def numbers_seeds(s):
    for lang, byte in (("en", b"\x00"), ("zh", b"\x01"), ("ur", b"\x02")):
        for f in sorted(ROOT.glob(f"corpora/*.{lang}.sents")):
            for line in lines_of(f):
                if any(ch.isdigit() for ch in line) or lang != "en":
                    s.add("numbers_fuzzer", byte + line.encode())


SET_RECORD = {
    "name": "readout",
    "inputs": ["corpora/readout.en.txt", "corpora/readout.zh.txt", "corpora/readout.ur.txt"],
    "languages": ["en", "zh", "ur"],
    "status": "ok",
    "sentences": [21, 21, 22],
    "beads": {"1-1-1": 20, "0-0-1": 1},
    "mean_score": 0.8731,
    "terms": [
        {"concept": "cpec", "lang": "en", "term": "China-Pakistan Economic Corridor", "status": "preferred", "count": 2},
        {"concept": "cpec", "lang": "ur", "term": "چین پاکستان اقتصادی راہداری", "status": "preferred", "count": 2},
        {"concept": "bri", "lang": "zh", "term": "一带一路", "status": "admitted", "count": 1},
    ],
    "findings": {"deprecated-term": 0, "missing-term": 1, "inconsistent-term": 0, "number-mismatch": 1,
                 "omission": 1, "addition": 0, "total": 3},
    "warnings": [],
    "outputs": ["readout.jsonl", "readout.findings.json", "readout.html"],
}


def batch_seeds(s):
    failed = dict(SET_RECORD, name="2024/broken", status="failed", error="x.zh.txt: byte 41: invalid UTF-8",
                  sentences=[], beads={}, terms=[], mean_score=0)
    s.add("batch_set_fuzzer", json.dumps(SET_RECORD, ensure_ascii=False, indent=1))
    s.add("batch_set_fuzzer", json.dumps(failed, ensure_ascii=False))
    s.add("batch_set_fuzzer", json.dumps(dict(SET_RECORD, resumed=True, seconds=1.25), ensure_ascii=False))

    def task(index, sets, seconds=None):
        totals = {"sets": len(sets)}
        if seconds is not None:
            totals["seconds"] = seconds
        body = {"talign": "0.1.0", "task_index": index, "per_task": 2, "totals": totals,
                "consistency": [], "sets": [dict(x, resumed=False) for x in sets]}
        return json.dumps(body, ensure_ascii=False, indent=1).encode()

    other = dict(SET_RECORD, name="briefing")
    other["terms"] = [dict(SET_RECORD["terms"][0], term="CPEC corridor")]
    s.add("batch_merge_fuzzer", task(1, [SET_RECORD, other], 2.5) + SEP + task(2, [failed], 0.4))
    s.add("batch_merge_fuzzer", task(1, [SET_RECORD]))
    s.add("batch_merge_fuzzer", task(1, []) + SEP + task(2, [other, failed]))


def check_seeds(s):
    limit = MAX_LEN["check_fuzzer"] - 3
    for en in sorted(ROOT.glob("corpora/*.en.txt")) + [ROOT / "tests/data/report/statement.en.txt"]:
        base = str(en)[: -len(".en.txt")]
        docs = {lang: paragraphs(read(pathlib.Path(f"{base}.{lang}.txt"))) for lang in ("en", "zh", "ur")}
        n = min(len(p) for p in docs.values())
        # Paragraph i of each version, a few at a time, in every mode.
        for i in range(0, n, 3):
            part = {lang: "\n\n".join(p[i : i + 3]).encode() for lang, p in docs.items()}
            budget = limit // 3
            part = {lang: t[:budget].decode("utf-8", "ignore").encode() for lang, t in part.items()}
            for mode, langs in ((0, "en zh ur"), (1, "en zh"), (2, "en ur"), (3, "zh ur")):
                data = SEP.join(part[lang] for lang in langs.split())
                s.add("check_fuzzer", bytes([mode | (((i // 3) % 4) << 2)]) + data)
        sents = {lang: lines_of(pathlib.Path(f"{base}.{lang}.sents"))[:8] for lang in ("en", "zh", "ur")}
        if all(sents.values()):
            s.add("check_fuzzer", bytes([16]) + SEP.join("\n".join(v).encode() for v in sents.values()))


def cat_seeds(s):
    for f in sorted(ROOT.glob("tests/data/cat/*")):
        s.add("cat_file_fuzzer", f.read_bytes())


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: fuzz/make_seeds.py OUT_DIR")
    out = pathlib.Path(sys.argv[1])
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    s = Seeds(out)
    for make in (text_seeds, segment_seeds, lexicon_seeds, dictionary_seeds, cedict_seeds, table_seeds,
                 numbers_seeds, batch_seeds, check_seeds, cat_seeds):
        make(s)
    for target in MAX_LEN:
        print(f"{target}: {s.count.get(target, 0)} seeds")


if __name__ == "__main__":
    main()
