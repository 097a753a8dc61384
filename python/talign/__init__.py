"""talign: align English, Chinese and Urdu versions of official statements
sentence by sentence, and check them against a termbase.

A thin layer over talign's C++ library (the extension module ``_talign``):
the same segmenters, aligner, checker and termbases as the ``talign``
command, with results as Python objects.

    >>> import talign
    >>> a = talign.align([en_text, zh_text, ur_text])        # text or paths
    >>> for bead in a.beads: print(bead.indices, bead.score)
    >>> findings = talign.check(["a.en.txt", "a.zh.txt", "a.ur.txt"])
    >>> findings.to_pandas()                                 # needs pandas

**Text or path.** Every function that takes a document (``segment``,
``terms``, each of the ``versions`` of ``align`` and ``check``) takes

- a ``pathlib.Path`` (any ``os.PathLike``): always a file to read;
- ``bytes``: the document's text, UTF-8;
- a ``str``: a file when it has no line break and names an existing file,
  otherwise the document's text. Pass a ``Path`` to make a path explicit
  (a missing file then raises ``FileNotFoundError`` instead of being read
  as a one-line text).

Text given in memory is named ``<text 1>``, ``<text 2>``, ... in messages and
report headers.

**Offsets.** Sentences, term hits and findings give both character offsets
(``begin``, ``end``: slice the text as a Python ``str``) and UTF-8 byte
offsets (``byte_begin``, ``byte_end``: what the command's JSON reports give).
For a file, character offsets are into its text as
``open(path, encoding="utf-8", newline="").read()`` returns it (a byte order
mark is character 0; a file read with ``encoding=`` is converted to UTF-8
first and the offsets are into that text).

**Errors** are exceptions carrying the library's message: a missing file is
``FileNotFoundError``, bad input or arguments (an unknown language tag,
invalid UTF-8, a broken termbase line) ``ValueError``, a failed read or write
``OSError``.

**Threads.** The GIL is released while documents are read, segmented, aligned
and checked; termbases and dictionaries are loaded once per set of
``termbases``/``dictionaries`` and shared, read-only, by every call and thread.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from . import _talign

__version__ = _talign.version()

__all__ = [
    "Alignment",
    "Bead",
    "Move",
    "Findings",
    "Sentence",
    "Termbase",
    "Version",
    "align",
    "check",
    "segment",
    "terms",
]

_PANDAS_HINT = (
    "to_pandas() needs pandas, which is not installed: "
    "apt-get install python3-pandas (Debian) or pip install pandas"
)


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError(_PANDAS_HINT) from None
    return pandas


# --- documents: text or path ----------------------------------------------


def _version_arg(value: Any, index: int) -> tuple[str, bytes | None]:
    """(path, None) for a file, (name, UTF-8 bytes) for text (see the rule above)."""
    if isinstance(value, os.PathLike):
        return os.fsdecode(value), None
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"<text {index + 1}>", bytes(value)
    if isinstance(value, str):
        if value and "\n" not in value and "\r" not in value and os.path.isfile(value):
            return value, None
        # A str with lone surrogates raises UnicodeEncodeError, a ValueError.
        return f"<text {index + 1}>", value.encode("utf-8")
    raise TypeError(f"a document is a str, bytes or os.PathLike, not {type(value).__name__}")


class _Text:
    """A document's UTF-8 bytes and text, to turn byte offsets into character offsets."""

    def __init__(self, data: bytes):
        self.bytes = data
        # The library has validated the bytes as UTF-8 (or converted them).
        self.text = data.decode("utf-8", errors="replace")
        self._ascii = len(self.text) == len(data)

    def chars(self, offsets: Iterable[int]) -> dict[int, int]:
        """Character offset of each byte offset: one pass over the text, in order."""
        wanted = sorted(set(offsets))
        if self._ascii:
            return {o: o for o in wanted}
        out, prev_byte, prev_char = {}, 0, 0
        for o in wanted:
            prev_char += len(self.bytes[prev_byte:o].decode("utf-8", errors="replace"))
            prev_byte = o
            out[o] = prev_char
        return out

    def slice(self, begin: int, end: int) -> str:
        return self.bytes[begin:end].decode("utf-8", errors="replace")


# --- segmenting -----------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, character offsets into the document's text
    (``text == document[begin:end]``), UTF-8 byte offsets, and the index of
    its paragraph (runs of lines separated by blank lines)."""

    index: int
    text: str
    begin: int
    end: int
    byte_begin: int
    byte_end: int
    paragraph: int = 0


def _sentences(doc: _Text, spans: Sequence[tuple]) -> list[Sentence]:
    chars = doc.chars([o for s in spans for o in s[:2]])
    return [
        Sentence(i, doc.slice(s[0], s[1]), chars[s[0]], chars[s[1]], s[0], s[1], s[2] if len(s) > 2 else 0)
        for i, s in enumerate(spans)
    ]


def segment(text, lang: str | None = None, *, presegmented: bool = False,
            encoding: str | None = None) -> list[Sentence]:
    """Splits a document into sentences.

    ``text`` is text or a path (module docstring); ``lang`` a BCP 47 tag
    (``"en"``, ``"zh-Hans"``, ``"ur-PK"``), detected from the script when
    None. ``presegmented=True`` takes each line as one sentence (blank lines
    are empty sentences, so that index = line number). ``encoding`` names the
    encoding of a file without a byte order mark (``"GB18030"``, ...).

    Returns a list of :class:`Sentence`. Raises ``ValueError`` for an unknown
    tag or text that is not UTF-8, ``FileNotFoundError`` for a missing file.

    >>> [s.text for s in talign.segment("他说：“好。”我们走吧。", "zh")]
    ['他说：“好。”', '我们走吧。']
    """
    _, data, spans = _talign.segment(_version_arg(text, 0), lang or "", presegmented, encoding or "")
    return _sentences(_Text(data), spans)


# --- sessions: termbases and dictionaries, loaded once --------------------

_sessions: dict[tuple, Any] = {}
_sessions_lock = threading.Lock()
_MAX_SESSIONS = 8


def _termbase_paths(termbases) -> list[str]:
    if isinstance(termbases, (str, os.PathLike, Termbase)):
        termbases = [termbases]
    paths = []
    for t in termbases:
        if isinstance(t, Termbase):
            paths.extend(t.paths)
        elif isinstance(t, (str, os.PathLike)):
            paths.append(os.fsdecode(t))
        else:
            raise TypeError(f"a termbase is a path or a talign.Termbase, not {type(t).__name__}")
    return paths


def _dictionary_specs(dictionaries) -> list[tuple[str, str, str]]:
    """(path, source tag, target tag); empty tags: first version's language → second's."""
    if isinstance(dictionaries, (str, os.PathLike)):
        dictionaries = [dictionaries]
    specs = []
    for d in dictionaries:
        if isinstance(d, tuple):
            if len(d) != 3:
                raise ValueError("a dictionary tuple is (source_lang, target_lang, path)")
            specs.append((os.fsdecode(d[2]), d[0], d[1]))
        elif isinstance(d, os.PathLike):
            specs.append((os.fsdecode(d), "", ""))
        elif isinstance(d, str):
            # "SRC,TGT=PATH" as --dictionary takes it, unless that is a file.
            head, eq, path = d.partition("=")
            if eq and "," in head and not os.path.exists(d):
                source, _, target = head.partition(",")
                specs.append((path, source.strip(), target.strip()))
            else:
                specs.append((d, "", ""))
        else:
            raise TypeError(f"a dictionary is a path, 'SRC,TGT=PATH' or (src, tgt, path), not {type(d).__name__}")
    return specs


def _session(termbases, dictionaries, default_termbase: bool):
    paths = _termbase_paths(termbases)
    specs = _dictionary_specs(dictionaries)
    key = (tuple(paths), tuple(specs), default_termbase)
    with _sessions_lock:
        session = _sessions.get(key)
        if session is None:
            session = _talign.Session(paths, default_termbase, specs, True)
            if len(_sessions) >= _MAX_SESSIONS:
                _sessions.pop(next(iter(_sessions)))
            _sessions[key] = session
        return session


def _options(langs, presegmented, source, config, encoding):
    o = _talign.Options()
    if langs is not None:
        if isinstance(langs, str):
            langs = [t.strip() for t in langs.split(",")]
        o.langs = [t or "" for t in langs]
    o.presegmented = bool(presegmented)
    o.source = source or ""
    o.encoding = encoding or ""
    if config is None:
        pass
    elif isinstance(config, dict):
        o.config_json = json.dumps(config)
    elif isinstance(config, (str, os.PathLike)):
        o.config_path = os.fsdecode(config)
    else:
        raise TypeError("config is a dict {'aligner': {...}, 'check': {...}} or the path of a JSON file")
    return o


def _versions(versions) -> list[tuple[str, bytes | None]]:
    if isinstance(versions, (str, bytes, os.PathLike)):
        raise TypeError("versions is a list of 2 or 3 documents (text or paths), not one document")
    return [_version_arg(v, i) for i, v in enumerate(versions)]


# --- alignments -----------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One version as aligned: its name (path, or ``<text N>``), the tag it is
    reported under, its text and its sentences."""

    name: str
    lang: str
    text: str
    sentences: list[Sentence]
    from_file: bool = False


@dataclass(frozen=True)
class Bead:
    """Sentences of every version that translate each other: ``indices[lang]``
    lists the sentence indices of that version (empty: nothing there),
    ``texts[lang]`` their text joined by a space, ``score`` the aligner's
    confidence in [0, 1]."""

    index: int
    indices: dict[str, list[int]]
    texts: dict[str, str]
    score: float


@dataclass(frozen=True)
class Move:
    """Content one version gives at another place: the sentences
    ``first[lang]`` of bead ``first_bead`` say what ``second[lang]`` of bead
    ``second_bead`` say (only the languages that take part are keys);
    ``score`` is their lexical similarity in [0, 1]."""

    first_bead: int
    second_bead: int
    first: dict[str, list[int]]
    second: dict[str, list[int]]
    score: float


def _formats(table) -> tuple[dict[str, str], dict[str, str]]:
    names = {name: ext for name, ext, _ in table}
    by_ext = {}
    for name, ext, _ in table:
        by_ext.setdefault(ext, name)
    return names, by_ext


def _format_for(path, format, table, what) -> str:
    if format:
        return format
    names, by_ext = _formats(table)
    ext = os.path.splitext(os.fsdecode(path))[1].lstrip(".").lower()
    if ext in by_ext:
        return by_ext[ext]
    raise ValueError(f"{os.fsdecode(path)}: cannot tell the {what} format from the extension; "
                     f"give format= (one of {', '.join(names)})")


class Alignment:
    """The result of :func:`align`: ``versions``, ``beads``, ``langs``,
    ``moves`` (content a version gives at another place, :class:`Move`),
    ``warnings`` (when the result deserves suspicion) and ``provenance``.
    ``write(path, format)`` writes it as the ``talign align`` command does;
    ``render(format)`` returns that text; ``to_pandas()`` gives a table."""

    def __init__(self, native):
        self._native = native
        self.versions: list[Version] = []
        for v in native.versions():
            doc = _Text(v["bytes"])
            self.versions.append(Version(os.fsdecode(v["name"]), v["lang"], doc.text,
                                         _sentences(doc, v["sentences"]), v["from_file"]))
        self.langs: list[str] = [v.lang for v in self.versions]
        self.warnings: list[str] = list(native.warnings)
        self.beads: list[Bead] = []
        for i, (sides, score) in enumerate(native.beads()):
            indices, texts = {}, {}
            for v, (b, e) in zip(self.versions, sides):
                indices[v.lang] = list(range(b, e))
                texts[v.lang] = " ".join(v.sentences[k].text for k in range(b, e))
            self.beads.append(Bead(i, indices, texts, score))
        by_lang = lambda sides: {v.lang: list(s) for v, s in zip(self.versions, sides) if s}
        self.moves: list[Move] = [Move(a, b, by_lang(first), by_lang(second), score)
                                  for a, b, first, second, score in native.moves()]
        self._provenance = None

    def __len__(self) -> int:
        return len(self.beads)

    def __iter__(self):
        return iter(self.beads)

    def __repr__(self) -> str:
        return f"<talign.Alignment {len(self.beads)} beads, {', '.join(self.langs)}>"

    @property
    def provenance(self) -> dict:
        """How the alignment was made, as the JSON-lines header records it:
        ``talign`` (version), ``languages``, ``inputs``, ``termbases`` (the
        files in use, the bundled one included), ``dictionaries`` (user ones as
        ``SRC,TGT=PATH``, ``CC-CEDICT``, the Urdu pivot lexicon), ``presegmented``,
        ``source``, ``sentences`` per version, and ``config`` (every aligner
        setting)."""
        if self._provenance is None:
            header = json.loads(self._native.render("jsonl").split(b"\n", 1)[0])
            config = header.get("config", {})
            self._provenance = {
                "talign": header.get("talign"),
                "languages": header.get("languages"),
                "inputs": header.get("inputs"),
                "termbases": list(self._native.termbase_files),
                "dictionaries": config.get("dictionaries", []),
                "presegmented": config.get("presegmented"),
                "source": config.get("source"),
                "sentences": config.get("sentences"),
                "config": config.get("aligner"),
            }
        return self._provenance

    def render(self, format: str = "beads") -> str:
        """The alignment in a ``talign align --format``: ``beads``, ``jsonl``,
        ``tsv``, ``tmx`` or ``ladder`` (docs/formats.md)."""
        return self._native.render(format).decode("utf-8", errors="replace")

    def write(self, path, format: str | None = None, with_text: bool = False) -> None:
        """Writes the alignment to ``path`` (atomically; never over one of the
        inputs) in ``format``, or the format its extension names (``.tmx``,
        ``.jsonl``, ``.tsv``, ...). JSON lines give each sentence's span in
        bytes (``spans``) and in code points (``chars``, what a ``str`` is
        sliced by); ``with_text=True`` adds the sentences (``text``)."""
        self._native.write(os.fsdecode(path), _format_for(path, format, _talign.align_formats(), "alignment"),
                           bool(with_text))

    def to_pandas(self):
        """One row per bead: ``bead``, ``score``, a text column per language
        (``en``, ``zh``, ``ur``: the bead's sentences of that version) and the
        sentence indices per language (``en_indices``, ...)."""
        pd = _pandas()
        rows = []
        for b in self.beads:
            row = {"bead": b.index, "score": b.score}
            row.update(b.texts)
            row.update({f"{lang}_indices": ix for lang, ix in b.indices.items()})
            rows.append(row)
        columns = ["bead", "score", *self.langs, *(f"{lang}_indices" for lang in self.langs)]
        return pd.DataFrame(rows, columns=columns)


def align(versions, langs=None, presegmented: bool = False, dictionaries=(), termbases=(),
          config=None, *, source: str | None = None, encoding: str | None = None) -> Alignment:
    """Aligns two or three versions of a document sentence by sentence.

    ``versions``: 2 or 3 documents, text or paths (module docstring), of
    different languages. ``langs``: their BCP 47 tags in order (a list or
    ``"en,zh"``), or None to detect each from its script. ``presegmented``:
    each line is one sentence. ``dictionaries``: bilingual dictionaries (TSV
    ``source<TAB>target`` or hunalign ``.dic``): a path translates from the
    first version's language to the second's, ``"SRC,TGT=PATH"`` or
    ``(src, tgt, path)`` another pair; CC-CEDICT and the Urdu list are used
    when setup fetched them. ``termbases``: TSV/TBX paths or
    :class:`Termbase` objects whose shared concepts anchor the alignment
    (none by default, as ``talign align``). ``config``: aligner settings, a
    dict ``{"aligner": {...}}`` or the path of a JSON file
    (docs/configuration.md). ``source``: the original's language, if any.

    Returns an :class:`Alignment`. Raises ``FileNotFoundError`` for a missing
    file, ``ValueError`` for bad input (an unknown tag, two versions of one
    language, invalid UTF-8, an undetectable language). The GIL is released
    while aligning.
    """
    session = _session(termbases, dictionaries, default_termbase=False)
    native = _talign.align(session, _versions(versions), _options(langs, presegmented, source, config, encoding))
    return Alignment(native)


# --- checking -------------------------------------------------------------


class _Records(list):
    """A list of dicts with ``to_pandas()``."""

    def to_pandas(self):
        return _pandas().DataFrame(list(self))


class Findings(list):
    """The findings of :func:`check`, a list of dicts with the JSON report's
    fields (docs/reports.md): ``type``, ``severity``, ``concept`` (termbase id
    or None), ``lang`` (the version at fault) and ``version`` (its index),
    ``bead``, ``sentences`` and ``spans`` (per language; byte spans),
    ``line``/``column``, ``evidence``, ``expected``, ``message``, and
    ``places``: per version involved, ``{"lang", "version", "sentences",
    "spans": [{"begin", "end", "byte_begin", "byte_end", "text"}]}`` with
    character offsets into that version's text.

    Also ``alignment`` (the :class:`Alignment` checked), ``summary`` (counts
    by type and severity), ``warnings``, ``provenance``, ``to_pandas()``,
    ``render(format)`` and ``write(path, format)`` with the formats of
    ``talign check``: ``text``, ``json``, ``tsv``, ``html``.
    """

    def __init__(self, native):
        self._native = native
        self.alignment = Alignment(native.alignment)
        report = json.loads(native.render("json").decode("utf-8", errors="replace"))
        self.summary: dict = report.get("summary", {})
        self.warnings: list[str] = list(native.warnings)
        docs = [_Text(v.text.encode("utf-8")) for v in self.alignment.versions]
        langs = self.alignment.langs
        findings = report.get("findings", [])
        # Character offsets of every span of every finding, one pass per version.
        wanted: list[list[int]] = [[] for _ in docs]
        for f in findings:
            for lang, spans in f["spans"].items():
                v = langs.index(lang)
                wanted[v].extend(o for s in spans for o in s)
        chars = [doc.chars(w) for doc, w in zip(docs, wanted)]
        for f in findings:
            f["version"] = langs.index(f["lang"])
            places = []
            for lang, spans in f["spans"].items():
                v = langs.index(lang)
                places.append({
                    "lang": lang,
                    "version": v,
                    "sentences": f["sentences"].get(lang, []),
                    "spans": [{"begin": chars[v][b], "end": chars[v][e], "byte_begin": b, "byte_end": e,
                               "text": docs[v].slice(b, e)} for b, e in spans],
                })
            f["places"] = places
        super().__init__(findings)

    def __repr__(self) -> str:
        return f"<talign.Findings {len(self)} findings in {len(self.alignment)} beads>"

    @property
    def provenance(self) -> dict:
        """As :attr:`Alignment.provenance`."""
        return self.alignment.provenance

    def render(self, format: str = "text") -> str:
        """The report as ``talign check --format`` writes it (text, json, tsv, html)."""
        return self._native.render(format).decode("utf-8", errors="replace")

    def write(self, path, format: str | None = None) -> None:
        """Writes the report to ``path`` in ``format`` or the one its extension
        names (``.json``, ``.html``, ``.tsv``, ``.txt``)."""
        self._native.write(os.fsdecode(path), _format_for(path, format, _talign.findings_formats(), "report"))

    def to_pandas(self):
        """One row per finding: ``type``, ``severity``, ``concept``, ``lang``,
        ``bead``, ``evidence``, ``expected`` (joined by "; "), ``message`` and
        ``text`` (the first span's text in the version at fault)."""
        pd = _pandas()
        rows = []
        for f in self:
            at_fault = [p for p in f["places"] if p["version"] == f["version"] and p["spans"]]
            rows.append({
                "type": f["type"], "severity": f["severity"], "concept": f["concept"], "lang": f["lang"],
                "bead": f["bead"], "evidence": f["evidence"], "expected": "; ".join(f["expected"]),
                "message": f["message"], "text": at_fault[0]["spans"][0]["text"] if at_fault else "",
            })
        return pd.DataFrame(rows, columns=["type", "severity", "concept", "lang", "bead", "evidence",
                                           "expected", "message", "text"])


def check(versions, langs=None, presegmented: bool = False, dictionaries=(), termbases=(),
          config=None, *, source: str | None = None, encoding: str | None = None,
          default_termbase: bool = True) -> Findings:
    """Aligns two or three versions and reports where they diverge, as
    ``talign check`` does: deprecated, missing and inconsistent terms, number
    mismatches, omissions, additions and moved sentences.

    Arguments as :func:`align`, except that ``termbases`` are layered over
    the bundled ``lexicons/official-terms.tsv`` as ``--lexicon`` files are
    (``default_termbase=False`` leaves it out); ``config`` may also set the
    checker (``{"check": {...}}``); ``source`` is the original's language
    (findings are then against the translations).

    Returns :class:`Findings`, a list of dicts. Errors as :func:`align`.
    """
    if not default_termbase and not termbases:
        raise ValueError("default_termbase=False leaves no termbase: give termbases=[...]")
    session = _session(termbases, dictionaries, default_termbase=default_termbase)
    native = _talign.check(session, _versions(versions), _options(langs, presegmented, source, config, encoding))
    return Findings(native)


# --- terms and termbases --------------------------------------------------


def terms(text, lang: str | None = None, termbases=(), *, encoding: str | None = None,
          default_termbase: bool = True) -> list[dict]:
    """Every termbase term found in a document, as ``talign terms`` lists
    them: dicts with ``concept``, ``kind``, ``term`` (as the termbase writes
    it), ``status``, ``lang``, ``sentence``, ``begin``/``end`` (characters),
    ``byte_begin``/``byte_end``, ``matched`` (the text as written) and
    ``exact``. ``termbases`` are layered over the bundled termbase
    (``default_termbase=False`` leaves it out). The list has
    ``to_pandas()``.
    """
    if not default_termbase and not termbases:
        raise ValueError("default_termbase=False leaves no termbase: give termbases=[...]")
    session = _session(termbases, (), default_termbase=default_termbase)
    _, data, _, hits = _talign.terms(session, _version_arg(text, 0), lang or "", encoding or "")
    doc = _Text(data)
    chars = doc.chars([o for h in hits for o in (h["begin"], h["end"])])
    out = _Records()
    for h in hits:
        b, e = h.pop("begin"), h.pop("end")
        h.update(begin=chars[b], end=chars[e], byte_begin=b, byte_end=e, matched=doc.slice(b, e))
        out.append(h)
    return out


@dataclass
class Termbase:
    """A termbase (TSV or TBX; README "Termbases"): ``paths`` it was read
    from, and ``concepts``, each ``{"id", "kind", "terms": [{"text", "lang",
    "status", "note", "line"}]}``. Pass it as ``termbases=`` to
    :func:`align`, :func:`check` and :func:`terms`.
    """

    paths: list[str]
    concepts: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, *paths) -> "Termbase":
        """Reads and merges the termbases at ``paths`` (none: the bundled
        one). Raises ``ValueError`` with ``FILE:LINE:COL: message`` at the
        first error, ``FileNotFoundError`` for a missing file."""
        names = [os.fsdecode(p) for p in paths] or [_talign.data_file("lexicons/official-terms.tsv")]
        described = _talign.termbase_load(names)
        return cls(names, described["concepts"])

    @staticmethod
    def lint(*paths) -> list[dict]:
        """The problems ``talign lexicon lint`` lists for ``paths``: dicts
        with ``file``, ``line``, ``column``, ``severity`` (``error``,
        ``warning``, ``unreadable``), ``message`` and ``text``
        (``FILE:LINE:COL: message``). Empty when clean."""
        return _Records(_talign.termbase_lint([os.fsdecode(p) for p in paths]))

    @staticmethod
    def convert(source, target, format: str | None = None, tbx_version: int = 3) -> None:
        """Converts the termbase ``source`` (one path or a list, merged) to
        ``target``, TSV or TBX-Basic: ``format`` ``"tsv"``/``"tbx"``, or
        from the target's extension (``.tsv``, ``.tbx``, ``.xml``).
        ``tbx_version`` 3 writes TBX v3 (ISO 30042:2019); 2 writes TBX v2
        (``<martif>``, ISO 30042:2008), which older readers such as
        translate-toolkit need."""
        sources = [source] if isinstance(source, (str, os.PathLike)) else list(source)
        target = os.fsdecode(target)
        if not format:
            ext = os.path.splitext(target)[1].lower()
            format = {".tsv": "tsv", ".tbx": "tbx", ".xml": "tbx"}.get(ext)
            if format is None:
                raise ValueError(f"{target}: cannot tell the termbase format from the extension "
                                 "(use .tsv or .tbx, or format='tsv'|'tbx')")
        _talign.termbase_convert([os.fsdecode(s) for s in sources], target, format, int(tbx_version))

    def __len__(self) -> int:
        return len(self.concepts)

    def concept(self, concept_id: str) -> dict | None:
        """The concept with this id, or None."""
        return next((c for c in self.concepts if c["id"] == concept_id), None)

    def to_pandas(self):
        """One row per term: ``concept``, ``kind``, ``lang``, ``term``, ``status``, ``note``."""
        pd = _pandas()
        rows = [{"concept": c["id"], "kind": c["kind"], "lang": t["lang"], "term": t["text"],
                 "status": t["status"], "note": t["note"]} for c in self.concepts for t in c["terms"]]
        return pd.DataFrame(rows, columns=["concept", "kind", "lang", "term", "status", "note"])
