#!/usr/bin/env python3
"""Aligns and scores the sets of tools/build-long-eval.py: each joined document
next to its parts aligned one by one, and the Quran sets.

  tools/eval-long.py [--out out/long-eval] [--talign build/tools/talign]
                     [--score ../shared/eval/score.py] [-j 1] [--only REGEX]

Every document is aligned with `talign align` and default settings, as
../shared/eval/README.md aligns these sets: presegmented bead sets with
`--presegmented --langs zh,en --format beads`, NTREX running text with
`--langs en,zh,ur --format jsonl`. Scores come from score.py (`score`, with
`--src-verse/--tgt-verse` for the sentence-split Quran; `score-lines` for
NTREX). A document's parts are scored together, counts summed over them, as
score.py does for a directory. Outputs go to OUT/pred/; the table to stdout.
Run from the repository root, where talign finds CC-CEDICT and the ur-en list.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class EvalError(Exception):
    pass


def align(args, name, doc):
    """Runs talign on one document; (output path, seconds, warnings)."""
    d = os.path.join(args.out, doc['dir'])
    ext = 'beads' if doc['kind'] == 'beads' else 'jsonl'
    out = os.path.join(args.out, 'pred', '%s.%s' % (name.replace(':', '_'), ext))
    cmd = [args.talign, 'align', '--langs', ','.join(doc['langs'])]
    if doc['presegmented']:
        cmd.append('--presegmented')
    cmd += [os.path.join(d, f) for f in doc['files']] + ['--format', ext, '-o', out]
    start = time.monotonic()
    run = subprocess.run(cmd, stderr=subprocess.PIPE, cwd=ROOT)
    seconds = time.monotonic() - start
    stderr = run.stderr.decode('utf-8', 'replace')
    if run.returncode != 0:
        raise EvalError('%s: talign align exited %d: %s' % (name, run.returncode, stderr.strip()))
    return out, seconds, [line for line in stderr.splitlines() if 'look unrelated' in line]


def read_sides(path):
    """The sides of every bead line of a talign beads output, 2 or 3 of them."""
    beads = []
    with open(path, encoding='utf-8') as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            sides = re.findall(r'\[([^\]]*)\]', line)
            if len(sides) < 2:
                raise EvalError('%s:%d: not a bead line: %r' % (path, number, line.rstrip('\n')))
            beads.append(sides)
    return beads


def project(pred_path, langs, pair, out_path):
    """The beads of a 2- or 3-version output seen from one pair; beads that
    have neither version of the pair are dropped, as score-lines drops them."""
    a, b = (langs.index(x) for x in pair.split('-'))
    with open(out_path, 'w', encoding='utf-8') as fh:
        for sides in read_sides(pred_path):
            if sides[a].strip() or sides[b].strip():
                fh.write('[%s]:[%s]\n' % (sides[a].replace(' ', ''), sides[b].replace(' ', '')))
    return out_path


def score_json(args, cmd):
    run = subprocess.run([sys.executable, args.score] + cmd + ['--json'], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    if run.returncode != 0:
        raise EvalError('score.py %s: %s' % (' '.join(cmd), run.stderr.decode('utf-8', 'replace').strip()))
    return json.loads(run.stdout)


def score_documents(args, manifest, names, preds):
    """{pair: (strict F1, lax F1)} of the documents |names| scored together."""
    docs = [manifest['documents'][n] for n in names]
    kind = docs[0]['kind']
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = os.path.join(tmp, 'gold'), os.path.join(tmp, 'pred')
        os.makedirs(gold_dir)
        os.makedirs(pred_dir)
        if kind == 'lines':
            for n, doc in zip(names, docs):
                g = os.path.join(args.out, doc['dir'], doc['gold_dir'], doc['stem'])
                for suffix in ('.gold.jsonl', '.lines.jsonl'):
                    os.symlink(g + suffix, os.path.join(gold_dir, doc['stem'] + suffix))
                os.symlink(preds[n], os.path.join(pred_dir, doc['stem'] + '.jsonl'))
            res = score_json(args, ['score-lines', gold_dir, pred_dir])
            return {p: (r['f1_strict'], r['f1_lax']) for p, r in res['pairs'].items()}
        result = {}
        for pair in docs[0]['gold']:
            extra = []
            for k, (n, doc) in enumerate(zip(names, docs)):
                stem = 'doc%03d' % k
                os.symlink(os.path.join(args.out, doc['dir'], doc['gold'][pair]), os.path.join(gold_dir, stem))
                project(preds[n], doc['langs'], pair, os.path.join(pred_dir, stem))
                if 'verses' in doc:
                    if len(docs) > 1:
                        raise EvalError('verse-level gold is scored one document at a time')
                    a, b = pair.split('-')
                    extra = ['--src-verse', os.path.join(args.out, doc['dir'], doc['verses'][a]),
                             '--tgt-verse', os.path.join(args.out, doc['dir'], doc['verses'][b])]
            res = score_json(args, ['score', gold_dir, pred_dir] + extra)
            result[pair] = (res['f1_strict'], res['f1_lax'])
            for d in (gold_dir, pred_dir):
                for f in os.listdir(d):
                    os.remove(os.path.join(d, f))
        return result


def sizes(doc):
    return ' × '.join(map(str, doc.get('sentences', []))) or 'running text'


def report(args, manifest, preds, info):
    print('| set | sentences | pair | strict F1 | lax F1 | parts one by one: strict | lax | strict − parts | seconds | warning |')
    print('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    for join, parts in manifest['joins'].items():
        name = 'joined:' + join
        if name not in preds:
            continue
        whole = score_documents(args, manifest, [name], preds)
        unique = list(dict.fromkeys(parts))
        by_parts = score_documents(args, manifest, unique, preds)
        seconds, warnings = info[name]
        for pair, (strict, lax) in whole.items():
            ps, pl = by_parts[pair]
            print('| %s (%d parts) | %s | %s | %.3f | %.3f | %.3f | %.3f | %+.3f | %.1f | %s |'
                  % (join, len(parts), sizes(manifest['documents'][name]), pair, strict, lax, ps, pl,
                     strict - ps, seconds, 'look unrelated' if warnings else ''))
    for base in manifest['quran']:
        for name in [base] + sorted(n for n in manifest['documents'] if n.startswith(base + '.')):
            if name not in preds:
                continue
            seconds, warnings = info[name]
            label = '%s (%s at once)' % (base, ','.join(manifest['documents'][name]['langs'])) \
                if name == base else name
            for pair, (strict, lax) in score_documents(args, manifest, [name], preds).items():
                print('| %s | %s | %s | %.3f | %.3f | | | | %.1f | %s |'
                      % (label, sizes(manifest['documents'][name]), pair, strict, lax, seconds,
                         'look unrelated' if warnings else ''))


def needed(manifest, only):
    """The documents to align: the selected joins and Quran sets, and the parts of the joins."""
    pick = re.compile(only) if only else None
    names = []
    for join, parts in manifest['joins'].items():
        if pick is None or pick.search(join):
            names += ['joined:' + join] + parts
    for base in manifest['quran']:
        if pick is None or pick.search(base):
            names += [n for n in manifest['documents'] if n == base or n.startswith(base + '.')]
    return list(dict.fromkeys(names))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', default=os.path.join(ROOT, 'out', 'long-eval'))
    ap.add_argument('--talign', default=os.path.join(ROOT, 'build', 'tools', 'talign'))
    ap.add_argument('--score', default=os.path.join(os.path.dirname(ROOT), 'shared', 'eval', 'score.py'),
                    help='the scorer of the development sets')
    ap.add_argument('-j', '--jobs', type=int, default=1, help='alignments run at once')
    ap.add_argument('--only', help='joins and Quran sets whose name matches this regular expression')
    args = ap.parse_args(argv)
    args.out, args.talign = os.path.abspath(args.out), os.path.abspath(args.talign)
    try:
        with open(os.path.join(args.out, 'manifest.json'), encoding='utf-8') as fh:
            manifest = json.load(fh)
        names = needed(manifest, args.only)
        os.makedirs(os.path.join(args.out, 'pred'), exist_ok=True)
        preds, info = {}, {}
        with concurrent.futures.ThreadPoolExecutor(max(args.jobs, 1)) as pool:
            runs = {n: pool.submit(align, args, n, manifest['documents'][n]) for n in names}
            for n, future in runs.items():
                preds[n], seconds, warnings = future.result()
                info[n] = (seconds, warnings)
        report(args, manifest, preds, info)
    except (EvalError, OSError, KeyError, ValueError) as err:
        print('eval-long: %s' % err, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
