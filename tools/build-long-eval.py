#!/usr/bin/env python3
"""Builds long and joined development sets for the aligner (issue 13).

  tools/build-long-eval.py [--out out/long-eval] [--talign build/tools/talign]
                           [--eval-dir ../shared/eval] [--quran third_party/quran]

Writes under OUT:
  parts/NAME/      one document of ../shared/eval as it is aligned inside a join
  joined/NAME/     parts joined into one document, gold offset by the sentences before
  quran-verse/     en, zh, ur: one verse per line, gold = identity
  quran-sent/      the same verses split into sentences by `talign segment`, with the
                   verse of each sentence (LANG.verse) and verse-level gold
  quran-sent-xN/   its en–zh pair repeated N times (30,000 sentences or more), the
                   real-text case of bench/align_bench
  manifest.json    what tools/eval-long.py aligns and scores

Bead sets (MAC-Dev, aca, mag) are written Chinese first, the way MAC-Dev is, so
that the non-literary documents join it with their gold turned round. NTREX is
running text: documents are joined with a blank line between them, and the line
table and gold of each part are moved by the bytes and lines before it.

Python 3 standard library only. The Quran part is skipped, with a note, when
tools/fetch-quran.sh has not cached the data.
"""

import argparse
import bisect
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEAD_LINE = re.compile(r'^\s*\[([^\]]*)\]\s*:\s*\[([^\]]*)\]\s*$')
QURAN_LANGS = ('en', 'zh', 'ur')
BENCH_MIN_SENTENCES = 30000  # bench/align_bench repeats the en–zh Quran to this many


class BuildError(Exception):
    pass


# ------------------------------------------------------------------ files

def read_lines(path):
    with open(path, encoding='utf-8', newline='') as fh:
        text = fh.read()
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    for number, line in enumerate(lines, 1):
        if '\r' in line:
            raise BuildError('%s:%d: carriage return in a presegmented line' % (path, number))
    return lines


def read_gold(path):
    beads = []
    with open(path, encoding='utf-8') as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            m = BEAD_LINE.match(line)
            if not m:
                raise BuildError('%s:%d: not a two-sided bead line: %r' % (path, number, line.rstrip('\n')))
            beads.append(tuple(tuple(int(x) for x in side.split(',')) if side.strip() else ()
                               for side in m.groups()))
    return beads


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(text)


def write_lines(path, lines):
    write_text(path, ''.join(line + '\n' for line in lines))


def format_bead(src, tgt):
    return '[%s]:[%s]' % (','.join(map(str, src)), ','.join(map(str, tgt)))


def write_gold(path, beads):
    write_lines(path, [format_bead(s, t) for s, t in beads])


def read_jsonl(path):
    rows = []
    with open(path, encoding='utf-8') as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as err:
                    raise BuildError('%s:%d: not JSON: %s' % (path, number, err))
    return rows


def write_jsonl(path, rows):
    write_lines(path, [json.dumps(row, ensure_ascii=False) for row in rows])


# ------------------------------------------------------------------ bead documents (zh first)

def bead_parts(eval_dir):
    """{part name: (zh lines, en lines, gold [zh]:[en])} of MAC-Dev, aca and mag."""
    parts = {}
    mac = os.path.join(eval_dir, 'mac-dev')
    for name in sorted(os.listdir(os.path.join(mac, 'gold'))):
        parts['mac-' + name] = (read_lines(os.path.join(mac, 'zh', name)),
                                read_lines(os.path.join(mac, 'en', name)),
                                read_gold(os.path.join(mac, 'gold', name)))
    for genre in ('aca', 'mag'):
        d = os.path.join(eval_dir, 'nonlit-dev', genre)
        names = sorted(os.listdir(os.path.join(d, 'gold')))
        if len(names) != 1:
            raise BuildError('%s/gold: expected one document, found %d' % (d, len(names)))
        n = names[0]
        gold = [(t, s) for s, t in read_gold(os.path.join(d, 'gold', n))]  # en→zh turned zh→en
        parts[genre] = (read_lines(os.path.join(d, 'tgt', n)), read_lines(os.path.join(d, 'src', n)), gold)
    for name, (zh, en, gold) in parts.items():
        check_cover(name, gold, len(zh), len(en))
    return parts


def check_cover(name, gold, n_src, n_tgt):
    """A join is only right if each part's gold covers its sentences in order."""
    src = [i for s, _ in gold for i in s]
    tgt = [j for _, t in gold for j in t]
    if src != list(range(n_src)) or tgt != list(range(n_tgt)):
        raise BuildError('%s: the gold does not cover its %d × %d sentences once, in order'
                         % (name, n_src, n_tgt))


def bead_document(directory, zh, en, gold):
    write_lines(os.path.join(directory, 'zh.txt'), zh)
    write_lines(os.path.join(directory, 'en.txt'), en)
    write_gold(os.path.join(directory, 'gold-zh-en'), gold)
    return dict(kind='beads', langs=['zh', 'en'], files=['zh.txt', 'en.txt'],
                gold={'zh-en': 'gold-zh-en'}, sentences=[len(zh), len(en)])


def join_beads(parts, names):
    zh, en, gold = [], [], []
    for name in names:
        pz, pe, pg = parts[name]
        gold += [(tuple(i + len(zh) for i in s), tuple(j + len(en) for j in t)) for s, t in pg]
        zh += pz
        en += pe
    return zh, en, gold


# ------------------------------------------------------------------ NTREX (running text, 3-way)

def ntrex_parts(eval_dir):
    d = os.path.join(eval_dir, 'ntrex-dev')
    docs = sorted(n[:-len('.gold.jsonl')] for n in os.listdir(d) if n.endswith('.gold.jsonl'))
    if not docs:
        raise BuildError('%s: no *.gold.jsonl' % d)
    parts = {}
    for doc in docs:
        texts = {}
        for lang in QURAN_LANGS:
            with open(os.path.join(d, '%s.%s.txt' % (doc, lang)), 'rb') as fh:
                texts[lang] = fh.read()
        parts['ntrex-' + doc] = (texts, read_jsonl(os.path.join(d, doc + '.gold.jsonl')),
                                 read_jsonl(os.path.join(d, doc + '.lines.jsonl')))
    return parts


def lines_document(directory, stem, texts, gold, lines):
    for lang, data in texts.items():
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, lang + '.txt'), 'wb') as fh:
            fh.write(data)
    write_jsonl(os.path.join(directory, 'gold', stem + '.gold.jsonl'), gold)
    write_jsonl(os.path.join(directory, 'gold', stem + '.lines.jsonl'), lines)
    return dict(kind='lines', langs=list(QURAN_LANGS), files=[l + '.txt' for l in QURAN_LANGS],
                gold_dir='gold', stem=stem)


def join_lines(parts, names):
    texts = {lang: b'' for lang in QURAN_LANGS}
    gold, lines, line_base = [], [], 0
    for k, name in enumerate(names):
        ptexts, pgold, plines = parts[name]
        if k:
            for lang in QURAN_LANGS:  # every document ends with a newline: this makes a blank line
                texts[lang] += b'\n'
        for row in plines:
            lines.append(dict(row, line=row['line'] + line_base,
                              begin=row['begin'] + len(texts[row['lang']]),
                              end=row['end'] + len(texts[row['lang']])))
        gold += [{lang: [i + line_base for i in ids] for lang, ids in bead.items()} for bead in pgold]
        line_base += 1 + max((i for bead in pgold for ids in bead.values() for i in ids), default=-1)
        for lang in QURAN_LANGS:
            texts[lang] += ptexts[lang]
    return texts, gold, lines


# ------------------------------------------------------------------ Quran

def quran_verses(quran_dir):
    """{lang: [verse text]}, the 6,236 verses in order, checked to line up."""
    verses, ids = {}, None
    for lang in QURAN_LANGS:
        path = os.path.join(quran_dir, 'quran_%s.json' % lang)
        with open(path, encoding='utf-8') as fh:
            chapters = json.load(fh)
        these = [(c['id'], v['id']) for c in chapters for v in c['verses']]
        if ids is not None and these != ids:
            raise BuildError('%s: chapters and verses differ from the other languages' % path)
        ids = these
        texts = [' '.join(v['translation'].split()) for c in chapters for v in c['verses']]
        for k, t in enumerate(texts):
            if not t:
                raise BuildError('%s: verse %d:%d has no translation' % (path, ids[k][0], ids[k][1]))
        verses[lang] = texts
    return verses


def segment_verses(talign, lang, verses, scratch):
    """[(verse index, sentence)] from one `talign segment` run over the verses
    as paragraphs; a sentence that crosses a verse boundary is an error."""
    path = os.path.join(scratch, 'verses.%s.txt' % lang)
    data = '\n\n'.join(verses).encode('utf-8') + b'\n'
    with open(path, 'wb') as fh:
        fh.write(data)
    starts, pos = [], 0
    for v in verses:
        starts.append(pos)
        pos += len(v.encode('utf-8')) + 2
    out = subprocess.run([talign, 'segment', '--lang', lang, '--format', 'jsonl', path],
                         check=True, stdout=subprocess.PIPE).stdout.decode('utf-8')
    sentences = []
    for number, line in enumerate(out.splitlines(), 1):
        row = json.loads(line)
        k = bisect.bisect_right(starts, row['begin']) - 1
        end_of_verse = starts[k] + len(verses[k].encode('utf-8'))
        if row['end'] > end_of_verse:
            raise BuildError('%s: sentence %d (line %d of the segmenter output) runs past verse %d'
                             % (path, row['index'], number, k))
        text = data[row['begin']:row['end']].decode('utf-8')
        sentences.append((k, text))
    return sentences


def build_quran(out, talign, quran_dir, manifest):
    verses = quran_verses(quran_dir)
    n = len(verses['en'])
    vdir = os.path.join(out, 'quran-verse')
    for lang in QURAN_LANGS:
        write_lines(os.path.join(vdir, lang + '.txt'), verses[lang])
    identity = [((k,), (k,)) for k in range(n)]
    pairs = [('en', 'zh'), ('en', 'ur'), ('zh', 'ur')]
    for a, b in pairs:
        write_gold(os.path.join(vdir, 'gold-%s-%s' % (a, b)), identity)
    gold = {'%s-%s' % p: 'gold-%s-%s' % p for p in pairs}
    add_quran_documents(manifest, 'quran-verse', gold, None, {l: n for l in QURAN_LANGS})

    sdir = os.path.join(out, 'quran-sent')
    os.makedirs(sdir, exist_ok=True)
    of_verse, counts = {}, {}
    for lang in QURAN_LANGS:
        sentences = segment_verses(talign, lang, verses[lang], sdir)
        write_lines(os.path.join(sdir, lang + '.txt'), [s for _, s in sentences])
        write_lines(os.path.join(sdir, lang + '.verse'), [str(k) for k, _ in sentences])
        os.remove(os.path.join(sdir, 'verses.%s.txt' % lang))
        of_verse[lang] = [[] for _ in range(n)]
        for index, (k, _) in enumerate(sentences):
            of_verse[lang][k].append(index)
        counts[lang] = len(sentences)
    for a, b in pairs:
        write_gold(os.path.join(sdir, 'gold-%s-%s' % (a, b)),
                   [(tuple(of_verse[a][k]), tuple(of_verse[b][k])) for k in range(n)])
    add_quran_documents(manifest, 'quran-sent', gold, {l: l + '.verse' for l in QURAN_LANGS}, counts)
    build_quran_repeated(out, manifest, of_verse, counts)


def build_quran_repeated(out, manifest, of_verse, counts):
    """The en–zh sentences of quran-sent repeated to at least 30,000 English
    sentences, as bench/align_bench repeats them, so that the bench's real
    case can be scored."""
    reps = -(-BENCH_MIN_SENTENCES // counts['en'])
    src, d = os.path.join(out, 'quran-sent'), os.path.join(out, 'quran-sent-x%d' % reps)
    n = len(of_verse['en'])
    for lang in ('en', 'zh'):
        write_lines(os.path.join(d, lang + '.txt'), read_lines(os.path.join(src, lang + '.txt')) * reps)
        verses = read_lines(os.path.join(src, lang + '.verse'))
        write_lines(os.path.join(d, lang + '.verse'),
                    [str(int(v) + r * n) for r in range(reps) for v in verses])
    write_gold(os.path.join(d, 'gold-en-zh'),
               [(tuple(i + r * counts['en'] for i in of_verse['en'][k]),
                 tuple(j + r * counts['zh'] for j in of_verse['zh'][k]))
                for r in range(reps) for k in range(n)])
    name = 'quran-sent-x%d' % reps
    manifest['documents'][name + '.en-zh'] = dict(
        kind='beads', presegmented=True, dir=name, langs=['en', 'zh'], files=['en.txt', 'zh.txt'],
        gold={'en-zh': 'gold-en-zh'}, verses={'en': 'en.verse', 'zh': 'zh.verse'},
        sentences=[reps * counts['en'], reps * counts['zh']])
    manifest['quran'].append(name)


def add_quran_documents(manifest, name, gold, verse_files, counts):
    """The three versions at once, and each pair on its own."""
    base = dict(kind='beads', presegmented=True)
    if verse_files:
        base['verses'] = verse_files
    manifest['documents'][name] = dict(base, dir=name, langs=list(QURAN_LANGS),
                                       files=[l + '.txt' for l in QURAN_LANGS], gold=gold,
                                       sentences=[counts[l] for l in QURAN_LANGS])
    for pair in gold:
        a, b = pair.split('-')
        manifest['documents']['%s.%s' % (name, pair)] = dict(
            base, dir=name, langs=[a, b], files=[a + '.txt', b + '.txt'], gold={pair: gold[pair]},
            sentences=[counts[a], counts[b]])
    manifest['quran'].append(name)


# ------------------------------------------------------------------ main

def joins_of(bead, ntrex):
    mac = sorted(n for n in bead if n.startswith('mac-'))
    docs = sorted(ntrex)
    return {
        'mac-dev': ('beads', mac),
        'mac-dev-reversed': ('beads', mac[::-1]),
        'mac-dev-x3': ('beads', mac * 3),
        'mac+aca+mag': ('beads', mac + ['aca', 'mag']),
        'aca+mag+mac': ('beads', ['aca', 'mag'] + mac),
        'mag+mac+aca': ('beads', ['mag'] + mac + ['aca']),
        'ntrex': ('lines', docs),
        'ntrex-reversed': ('lines', docs[::-1]),
    }


def build(args):
    out = os.path.abspath(args.out)
    if os.path.isdir(out):
        for sub in os.listdir(out):
            if sub in ('parts', 'joined') or sub.startswith('quran-'):
                shutil.rmtree(os.path.join(out, sub))
    manifest = dict(documents={}, joins={}, quran=[])
    bead = bead_parts(args.eval_dir)
    ntrex = ntrex_parts(args.eval_dir)
    for name, (zh, en, gold) in bead.items():
        d = os.path.join('parts', name)
        manifest['documents'][name] = dict(bead_document(os.path.join(out, d), zh, en, gold),
                                           dir=d, presegmented=True)
    for name, (texts, gold, lines) in ntrex.items():
        d = os.path.join('parts', name)
        manifest['documents'][name] = dict(lines_document(os.path.join(out, d), name, texts, gold, lines),
                                           dir=d, presegmented=False)
    for name, (kind, names) in joins_of(bead, ntrex).items():
        d = os.path.join('joined', name)
        if kind == 'beads':
            zh, en, gold = join_beads(bead, names)
            doc = dict(bead_document(os.path.join(out, d), zh, en, gold), presegmented=True)
        else:
            texts, gold, lines = join_lines(ntrex, names)
            doc = dict(lines_document(os.path.join(out, d), name, texts, gold, lines), presegmented=False)
        manifest['documents']['joined:' + name] = dict(doc, dir=d)
        manifest['joins'][name] = names
    if os.path.exists(os.path.join(args.quran, 'quran_en.json')):
        build_quran(out, args.talign, args.quran, manifest)
    else:
        print('build-long-eval: no %s/quran_en.json (run tools/fetch-quran.sh): Quran sets skipped'
              % args.quran, file=sys.stderr)
    write_text(os.path.join(out, 'manifest.json'), json.dumps(manifest, indent=1, sort_keys=True) + '\n')
    for name, doc in manifest['documents'].items():
        if not name.startswith('ntrex-'):
            print('%-22s %s' % (name, ' × '.join(map(str, doc.get('sentences', [])))))
    print('build-long-eval: %d documents, %d joins in %s' % (len(manifest['documents']),
                                                           len(manifest['joins']), out))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', default=os.path.join(ROOT, 'out', 'long-eval'))
    ap.add_argument('--talign', default=os.path.join(ROOT, 'build', 'tools', 'talign'),
                    help='talign binary (its segmenter splits the Quran verses)')
    ap.add_argument('--eval-dir', default=os.path.join(os.path.dirname(ROOT), 'shared', 'eval'),
                    help='the development sets (mac-dev, nonlit-dev, ntrex-dev)')
    ap.add_argument('--quran', default=os.path.join(ROOT, 'third_party', 'quran'),
                    help='where tools/fetch-quran.sh cached quran_{en,zh,ur}.json')
    args = ap.parse_args(argv)
    try:
        build(args)
    except (BuildError, OSError, KeyError, ValueError, subprocess.CalledProcessError) as err:
        print('build-long-eval: %s' % err, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
