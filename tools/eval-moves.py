#!/usr/bin/env python3
"""Moved-sentence detection measured on real documents.

For every document set (DOC.en.txt with DOC.zh.txt and/or DOC.ur.txt, as
in corpora/real/*/ or an NTREX-style directory), the script
  1. aligns the versions as published and counts the `moved` links talign
     reports there (none should be: nothing was moved);
  2. moves one paragraph of one non-English version (the second paragraph
     to after the sixth, or to the end when shorter; Chinese in even-numbered
     documents, Urdu in odd ones when both exist) and counts how many of
     the moved paragraph's sentences a `moved` link names, and how many
     links are wrong: a link is right when the alignment of the unmoved
     versions put its sentences in one bead.
Only documents whose moving version has at least five paragraphs are moved
(so that the paragraph passes over at least three others and moving it is
the shortest description of the change).

  python3 tools/eval-moves.py [--talign PATH] DIR...   (directories of *.en.txt)
"""
import argparse, glob, json, os, subprocess, sys, tempfile


def paragraphs(text):
    return [p for p in text.split("\n\n") if p.strip()]


def align(talign, files, out):
    subprocess.run([talign, "align", *files, "--format", "jsonl", "-o", out], check=True,
                   stderr=subprocess.DEVNULL)
    lines = open(out, encoding="utf-8").read().splitlines()
    header = json.loads(lines[0])
    beads = [json.loads(l) for l in lines[1:]]
    return header, beads


def spans_of(beads, tag):
    spans = {}
    for b in beads:
        for i, s in zip(b[tag], b["spans"][tag]):
            spans[i] = s
    return spans


def finding_types(talign, files):
    """Counts of talign check's findings by type."""
    run = subprocess.run([talign, "check", *files, "--format", "json"], capture_output=True, text=True)
    counts = {}
    for f in json.loads(run.stdout)["findings"]:
        counts[f["type"]] = counts.get(f["type"], 0) + 1
    return counts


def moved_sentences(beads, tag):
    """Sentences of |tag| that some moved link names, and the link count."""
    named, links = set(), 0
    for b in beads:
        for link in b.get("moved", []):
            links += 1
            named.update(link["sentences"].get(tag, []))
            named.update(link["counterpart"].get(tag, []))
    return named, links // 2


def old_offsets(old_text, new_paras, new_text):
    """Maps a byte offset of the moved text to the same byte of the original."""
    old_b, new_b = old_text.encode("utf-8"), new_text.encode("utf-8")
    starts = []
    for p in new_paras:
        pb = p.encode("utf-8")
        starts.append((new_b.find(pb), old_b.find(pb), len(pb)))

    def f(offset):
        for n, o, size in starts:
            if n <= offset < n + size:
                return o + offset - n
        return -1
    return f


def count_wrong_links(beads, original, tag, old_index):
    """Links of the moved version's sentences whose counterpart was not in
    the same bead as them in the alignment of the unmoved versions."""
    bead_of = {}
    for k, b in enumerate(original):
        for t in b["spans"]:
            for i in b[t]:
                bead_of[(t, i)] = k
    wrong = 0
    for b in beads:
        for link in b.get("moved", []):
            for s in link["sentences"].get(tag, []):
                old = old_index.get(s)
                others = [(t, i) for t, ids in link["counterpart"].items() if t != tag for i in ids]
                if old is None or not any(bead_of.get(o) == bead_of.get((tag, old)) for o in others):
                    wrong += 1
    return wrong


def sets(directory):
    for en in sorted(glob.glob(os.path.join(directory, "**", "*.en.txt"), recursive=True)):
        stem = en[: -len(".en.txt")]
        others = [(t, f"{stem}.{t}.txt") for t in ("zh", "ur") if os.path.exists(f"{stem}.{t}.txt")]
        if others:
            yield stem, en, others


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--talign", default="build/tools/talign")
    ap.add_argument("--json", help="also write the figures to this file as JSON")
    ap.add_argument("--check", action="store_true",
                    help="also run talign check on both and count the findings the move added, by type")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="eval-moves-")
    check_delta = {}
    docs = links_unmoved = moved_docs = moved_total = moved_found = false_links = docs_found = 0
    for index, (stem, en, others) in enumerate(s for d in args.dirs for s in sets(d)):
        docs += 1
        files = [en] + [f for _, f in others]
        _, original = align(args.talign, files, os.path.join(tmp, "orig.jsonl"))
        links_unmoved += sum(len(b.get("moved", [])) for b in original) // 2
        tag, path = others[index % len(others)]
        text = open(path, encoding="utf-8").read()
        paras = paragraphs(text)
        if len(paras) < 5:
            continue
        to = min(5, len(paras) - 1)
        moved = paras[1]
        rest = paras[:1] + paras[2:]
        rest.insert(to, moved)
        new_text = "\n\n".join(rest) + "\n"
        moved_path = os.path.join(tmp, f"moved.{tag}.txt")
        open(moved_path, "w", encoding="utf-8").write(new_text)
        begin = new_text.encode("utf-8").find(moved.encode("utf-8"))
        end = begin + len(moved.encode("utf-8"))
        old_offset = old_offsets(text, rest, new_text)
        _, beads = align(args.talign, [en] + [moved_path if f == path else f for _, f in others],
                         os.path.join(tmp, "moved.jsonl"))
        if args.check:
            before = finding_types(args.talign, files)
            after = finding_types(args.talign, [en] + [moved_path if f == path else f for _, f in others])
            for t in set(before) | set(after):
                check_delta[t] = check_delta.get(t, 0) + after.get(t, 0) - before.get(t, 0)
        spans = spans_of(beads, tag)
        inside = {i for i, (b, e) in spans.items() if b >= begin and e <= end}
        named, links = moved_sentences(beads, tag)
        old_index = {}
        old_spans = spans_of(original, tag)
        for i, (b, e) in spans.items():
            ob = old_offset(b)
            old_index[i] = next((k for k, (x, y) in old_spans.items() if x <= ob < y), None)
        wrong = count_wrong_links(beads, original, tag, old_index)
        false_links += wrong
        moved_docs += 1
        moved_total += len(inside)
        moved_found += len(inside & named)
        docs_found += bool(inside & named)
        print(f"{os.path.basename(stem)}\t{tag}\tmoved {len(inside)}\tfound {len(inside & named)}"
              f"\twrong links {wrong}\tlinks {links}", file=sys.stderr)
    print(f"documents {docs}: moved links where nothing moved: {links_unmoved}")
    print(f"moved a paragraph in {moved_docs}: its sentences named by a move {moved_found}/{moved_total}"
          f" ({moved_found / max(moved_total, 1):.2f}), documents with the move found {docs_found}/{moved_docs},"
          f" wrong links {false_links}")
    if args.check:
        print("findings the moves added, by type: " +
              ", ".join(f"{t} {n:+d}" for t, n in sorted(check_delta.items()) if n))
    if args.json:
        json.dump({"documents": docs, "links_where_nothing_moved": links_unmoved, "moved_documents": moved_docs,
                   "moved_documents_found": docs_found, "moved_sentences": moved_total,
                   "moved_sentences_found": moved_found, "wrong_links": false_links},
                  open(args.json, "w", encoding="utf-8"))


if __name__ == "__main__":
    main()
