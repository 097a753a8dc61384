#!/usr/bin/env python3
"""Scores the findings of `talign check` against gold written by reading.

    tools/score-findings.py real [SET_DIR ...]      default: every set in corpora/real
    tools/score-findings.py ntrex DIR [--pairs]      DIR: an ntrex-dev folder

Options: --talign PATH (default build/tools/talign), --verbose (every finding
and every gold entry with its verdict), --json (figures as one JSON object),
and after `--` any extra arguments for `talign check`.

real: the gold format is described in corpora/real/README.md. A finding
matches a gold entry of the same type and language at fault when the byte
range of the gold quote overlaps one of the finding's spans in the quote's
language. A finding that matches only `defensible` entries counts neither
way, and so does a second finding of a gold entry already found (a repeat).
"Located" figures ignore the type: a finding counts when it is at the right
place in the right language.

ntrex: the omissions injected in the set (an empty side in DOC.gold.jsonl)
must each be reported as an omission in that language, at the line that the
other versions keep; every other finding is a false alarm, counted per 100
lines. --pairs checks each pair of versions on its own as well (an omission
that the three-way check finds must be found by the pair alone).
"""
import argparse
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANG_ORDER = ("en", "zh", "ur")


def run_check(talign, files, extra):
    cmd = [talign, "check", "--format", "json", *extra, *files]
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"score-findings: {' '.join(cmd)} exited {proc.returncode}:\n"
                 f"{proc.stderr.decode(errors='replace')}")
    report = json.loads(proc.stdout)
    warnings = [l for l in proc.stderr.decode(errors="replace").splitlines() if l.strip()]
    return report["findings"], warnings


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def quote_range(raw, quote, where):
    needle = quote.encode()
    start = raw.find(needle)
    if start < 0:
        sys.exit(f"score-findings: {where}: quote not found: {quote!r}")
    if raw.find(needle, start + 1) >= 0:
        sys.exit(f"score-findings: {where}: quote occurs more than once: {quote!r}")
    return (start, start + len(needle))


def finding_at(finding, lang, span):
    return any(overlaps(s, span) for s in finding.get("spans", {}).get(lang, []))


class Tally:
    def __init__(self):
        self.by_type = {}

    def row(self, t):
        return self.by_type.setdefault(t, {"gold": 0, "found": 0, "tp": 0, "fp": 0,
                                           "neutral": 0, "repeat": 0})

    def totals(self):
        total = {"gold": 0, "found": 0, "tp": 0, "fp": 0, "neutral": 0, "repeat": 0}
        for r in self.by_type.values():
            for k in total:
                total[k] += r[k]
        return total


def pr(r):
    judged = r["tp"] + r["fp"]
    p = r["tp"] / judged if judged else None
    rec = r["found"] / r["gold"] if r["gold"] else None
    return p, rec


def fmt(x):
    return "  -  " if x is None else f"{x:.2f}"


def score_real_set(setdir, args, tally, located, out):
    name = os.path.basename(os.path.normpath(setdir))
    gold = json.load(open(os.path.join(setdir, "gold.json"), encoding="utf-8"))
    langs = [l for l in LANG_ORDER if l in gold["versions"]]
    raw = {l: open(os.path.join(setdir, f"{name}.{l}.txt"), "rb").read() for l in langs}
    files = [os.path.join(setdir, f"{name}.{l}.txt") for l in langs]
    extra = list(args.extra)
    if gold.get("source") and len(langs) == 2 and "--source" not in extra:
        extra += ["--source", gold["source"]]
    findings, warnings = run_check(args.talign, files, extra)

    def entries(key):
        result = []
        for i, g in enumerate(gold.get(key, [])):
            where = f"{setdir}/gold.json {key}[{i}]"
            result.append(dict(g, range=quote_range(raw[g["quote_lang"]], g["quote"], where)))
        return result

    wanted, neutral = entries("findings"), entries("defensible")
    for g in wanted:
        tally.row(g["type"])["gold"] += 1
    located["gold"] += len(wanted)
    hit, hit_any = set(), set()
    lines = []
    for f in findings:
        row = tally.row(f["type"])
        same = [i for i, g in enumerate(wanted)
                if g["type"] == f["type"] and g["lang"] == f["lang"]
                and finding_at(f, g["quote_lang"], g["range"])]
        anywhere = [i for i, g in enumerate(wanted)
                    if g["lang"] == f["lang"] and finding_at(f, g["quote_lang"], g["range"])]
        excused = any(g["lang"] == f["lang"] and finding_at(f, g["quote_lang"], g["range"])
                      for g in neutral)
        fresh = [i for i in same if i not in hit]
        if fresh:
            hit.add(fresh[0])
            row["tp"] += 1
            row["found"] += 1
            verdict = "ok"
        elif same:
            row["repeat"] += 1
            verdict = "repeat"
        elif excused:
            row["neutral"] += 1
            verdict = "defensible"
        else:
            row["fp"] += 1
            verdict = "FALSE"
        fresh_any = [i for i in anywhere if i not in hit_any]
        if fresh_any:
            hit_any.add(fresh_any[0])
            located["tp"] += 1
        elif not anywhere and not excused:
            located["fp"] += 1
        lines.append(f"  {verdict:10} {f['type']:17} {f['lang']} bead {f.get('bead')}: "
                     f"{str(f.get('evidence', ''))[:70]}")
    located["found"] += len(hit_any)
    for i, g in enumerate(wanted):
        if i not in hit:
            lines.append(f"  {'MISSED':10} {g['type']:17} {g['lang']} {g['quote'][:70]}")
    missed = len(wanted) - len(hit)
    false = sum(1 for l in lines if l.startswith("  FALSE"))
    out.append({"set": name, "versions": langs, "findings": len(findings), "gold": len(wanted),
                "found": len(hit), "false": false, "missed": missed, "warnings": warnings})
    if args.verbose:
        print(f"{name} ({','.join(langs)}): {len(findings)} findings, "
              f"{len(hit)}/{len(wanted)} gold found, {false} false")
        for w in warnings:
            print(f"  warning: {w}")
        for l in lines:
            print(l)


def cmd_real(args):
    dirs = args.paths or sorted(d for d in glob.glob(os.path.join(ROOT, "corpora/real/*"))
                                if os.path.isfile(os.path.join(d, "gold.json")))
    if not dirs:
        sys.exit("score-findings: no set with a gold.json")
    tally, located, sets = Tally(), {"gold": 0, "found": 0, "tp": 0, "fp": 0}, []
    for d in dirs:
        score_real_set(d, args, tally, located, sets)
    total = tally.totals()
    if args.json:
        print(json.dumps({"sets": sets, "by_type": tally.by_type, "total": total,
                          "located": located}, ensure_ascii=False, indent=1))
        return
    print(f"{len(sets)} sets, {sum(s['findings'] for s in sets)} findings, "
          f"{total['gold']} gold findings")
    print(f"{'type':18} {'gold':>5} {'found':>5} {'false':>5} {'neutral':>7} {'repeat':>6} "
          f"{'precision':>9} {'recall':>6}")
    for t in sorted(tally.by_type):
        r = tally.by_type[t]
        p, rec = pr(r)
        print(f"{t:18} {r['gold']:5} {r['found']:5} {r['fp']:5} {r['neutral']:7} "
              f"{r['repeat']:6} {fmt(p):>9} {fmt(rec):>6}")
    p, rec = pr(total)
    print(f"{'all types':18} {total['gold']:5} {total['found']:5} {total['fp']:5} "
          f"{total['neutral']:7} {total['repeat']:6} {fmt(p):>9} {fmt(rec):>6}")
    p, rec = pr(located)
    print(f"{'located (any type)':18} {located['gold']:5} {located['found']:5} "
          f"{located['fp']:5} {'':7} {'':6} {fmt(p):>9} {fmt(rec):>6}")


def ntrex_expected(base, langs):
    """The injected omissions as (lang at fault, {other lang: byte range of the line})."""
    lines = {}
    for l in open(base + ".lines.jsonl", encoding="utf-8"):
        r = json.loads(l)
        lines[(r["lang"], r["line"])] = (r["begin"], r["end"])
    expected = []
    for k, l in enumerate(open(base + ".gold.jsonl", encoding="utf-8")):
        bead = json.loads(l)
        for lang in langs:
            if not bead[lang]:
                where = {o: lines[(o, bead[o][0])] for o in langs if o != lang and bead[o]}
                if where:
                    expected.append((lang, where))
    return expected


def cmd_ntrex(args):
    if len(args.paths) != 1:
        sys.exit("score-findings: ntrex takes one folder")
    folder = args.paths[0]
    docs = sorted(p[:-len(".gold.jsonl")] for p in glob.glob(os.path.join(folder, "*.gold.jsonl")))
    combos = [LANG_ORDER]
    if args.pairs:
        combos += [("en", "zh"), ("en", "ur"), ("zh", "ur")]
    result = {}
    for langs in combos:
        key = "-".join(langs)
        lines = injected = found = other = 0
        other_by_type = {}
        for base in docs:
            lines += sum(1 for _ in open(base + ".gold.jsonl"))
            expected = ntrex_expected(base, langs)
            findings, _ = run_check(args.talign, [f"{base}.{l}.txt" for l in langs], args.extra)
            used = set()
            for lang, where in expected:
                injected += 1
                match = [i for i, f in enumerate(findings)
                         if f["type"] == "omission" and f["lang"] == lang
                         and any(finding_at(f, o, r) for o, r in where.items())]
                if match:
                    found += 1
                    used.update(match)
                elif args.verbose:
                    print(f"  MISSED {key} {os.path.basename(base)}: omission in {lang}")
            for i, f in enumerate(findings):
                if i not in used:
                    other += 1
                    other_by_type[f["type"]] = other_by_type.get(f["type"], 0) + 1
                    if args.verbose:
                        print(f"  other {key} {os.path.basename(base)} {f['type']} {f['lang']}: "
                              f"{str(f.get('evidence', ''))[:70]}")
        result[key] = {"documents": len(docs), "lines": lines, "injected": injected,
                       "found": found, "other": other, "other_per_100_lines":
                       round(100 * other / lines, 2) if lines else 0, "other_by_type": other_by_type}
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for key, r in result.items():
        kinds = ", ".join(f"{t} {n}" for t, n in sorted(r["other_by_type"].items()))
        print(f"{key:9} {r['documents']} documents, {r['lines']} lines: injected omissions "
              f"found {r['found']}/{r['injected']}; other findings {r['other']} "
              f"({r['other_per_100_lines']} per 100 lines){': ' + kinds if kinds else ''}")


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("real", "ntrex"))
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--talign", default=os.path.join(ROOT, "build/tools/talign"))
    ap.add_argument("--pairs", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    args.extra = extra
    (cmd_real if args.mode == "real" else cmd_ntrex)(args)


if __name__ == "__main__":
    main()
