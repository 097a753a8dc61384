import json
import threading

import pytest

import talign
from conftest import read

LANGS = ["en", "zh", "ur"]


def versions(corpus, name="readout"):
    return [read(corpus / f"{name}.{lang}.txt") for lang in LANGS]


def test_three_versions_in_memory(corpus):
    a = talign.align(versions(corpus))
    assert a.langs == LANGS
    assert [v.name for v in a.versions] == ["<text 1>", "<text 2>", "<text 3>"]
    assert len(a.beads) > 20
    # Every sentence of every version is in exactly one bead, in order.
    for v in a.versions:
        covered = [i for b in a.beads for i in b.indices[v.lang]]
        assert covered == list(range(len(v.sentences)))
    first = a.beads[0]
    assert set(first.indices) == set(LANGS) and 0 <= first.score <= 1
    assert first.texts["zh"] == " ".join(a.versions[1].sentences[i].text for i in first.indices["zh"])
    # The same alignment as from the files.
    from_files = talign.align([corpus / f"readout.{lang}.txt" for lang in LANGS])
    assert [b.indices for b in from_files.beads] == [b.indices for b in a.beads]
    assert from_files.versions[0].name.endswith("readout.en.txt")


def test_langs_and_provenance(corpus, termbase_path):
    a = talign.align(versions(corpus)[:2], langs="en,zh-Hans", termbases=[termbase_path])
    assert a.langs == ["en", "zh-Hans"]
    p = a.provenance
    assert p["talign"] == talign.__version__
    assert p["languages"] == ["en", "zh-Hans"]
    assert p["termbases"] == [str(termbase_path)]
    assert isinstance(p["dictionaries"], list)
    assert p["presegmented"] is False and "band_width" in p["config"]


def test_config_dict(corpus):
    a = talign.align(versions(corpus)[:2], config={"aligner": {"max_bead_side": 2}})
    assert a.provenance["config"]["max_bead_side"] == 2
    assert all(len(ix) <= 2 for b in a.beads for ix in b.indices.values())
    with pytest.raises(ValueError, match="no_such_setting"):
        talign.align(versions(corpus)[:2], config={"aligner": {"no_such_setting": 1}})


def test_to_pandas(corpus):
    pd = pytest.importorskip("pandas")
    a = talign.align(versions(corpus))
    df = a.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert df.shape == (len(a.beads), 2 + 2 * 3)
    assert list(df.columns[:5]) == ["bead", "score", "en", "zh", "ur"]
    assert df["zh"].iloc[0] == a.beads[0].texts["zh"]


def test_write_and_render(corpus, tmp_path):
    a = talign.align(versions(corpus))
    a.write(tmp_path / "out.tmx")
    tmx = (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert "<tmx" in tmx and tmx.count("<tu>") + tmx.count("<tu ") == len(a.beads)
    a.write(tmp_path / "out.txt", "beads")
    assert (tmp_path / "out.txt").read_text().count("\n") == len(a.beads)
    lines = a.render("jsonl").splitlines()
    assert json.loads(lines[0])["languages"] == LANGS and len(lines) == len(a.beads) + 1
    with pytest.raises(ValueError, match="format"):
        a.write(tmp_path / "out.unknown")
    with pytest.raises(ValueError, match="unknown alignment format"):
        a.render("xml")


def test_jsonl_chars_slice_the_str_and_with_text(corpus, tmp_path):
    # The character spans index the text as Python reads it; with_text
    # carries the same sentences.
    a = talign.align(versions(corpus))
    a.write(tmp_path / "out.jsonl", with_text=True)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    texts = {lang: read(corpus / f"readout.{lang}.txt") for lang in LANGS}
    for line in lines[1:]:
        bead = json.loads(line)
        for lang in LANGS:
            for (c0, c1), t in zip(bead["chars"][lang], bead["text"][lang]):
                assert texts[lang][c0:c1] == t
    with pytest.raises(ValueError, match="with_text is for JSON lines"):
        a.write(tmp_path / "out.tmx", with_text=True)
    assert not (tmp_path / "out.tmx").exists()


def test_write_never_replaces_an_input(corpus, tmp_path):
    src = tmp_path / "a.en.txt"
    src.write_text(read(corpus / "readout.en.txt"), encoding="utf-8")
    a = talign.align([src, read(corpus / "readout.zh.txt")])
    before = src.read_bytes()
    with pytest.raises(ValueError):
        a.write(src, "beads")
    assert src.read_bytes() == before


def test_errors(corpus, tmp_path):
    import pathlib
    with pytest.raises(FileNotFoundError, match="missing.en.txt"):
        talign.align([pathlib.Path(tmp_path / "missing.en.txt"), corpus / "readout.zh.txt"])
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        talign.align(versions(corpus)[:2], langs=["en", "xx"])
    with pytest.raises(ValueError, match="2 or 3 versions"):
        talign.align(versions(corpus)[:1])
    with pytest.raises(FileNotFoundError):
        talign.align(versions(corpus)[:2], dictionaries=[tmp_path / "no.dic"])
    with pytest.raises(TypeError):
        talign.align("one string")


def test_threads_align_in_parallel(corpus):
    # The GIL is released while aligning: both threads finish with the
    # alignment a single call gives (what is asserted is the results).
    docs = versions(corpus)
    expected = [b.indices for b in talign.align(docs).beads]
    results, errors = [None, None], []

    def run(i):
        try:
            results[i] = [b.indices for b in talign.align(docs).beads]
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == [expected, expected]


def test_to_pandas_without_pandas_says_how_to_install(corpus, monkeypatch):
    import sys
    a = talign.align(versions(corpus)[:2])
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(ImportError, match="python3-pandas"):
        a.to_pandas()


def test_a_moved_paragraph_is_a_move(corpus):
    # A real joint statement whose Chinese version gives its second
    # paragraph after the sixth: the aligner links the English sentences
    # it left alone with the Chinese ones at their new place.
    d = corpus / "real" / "cn-pk-2025-02-06-joint-statement"
    en = read(d / "cn-pk-2025-02-06-joint-statement.en.txt")
    zh = read(d / "cn-pk-2025-02-06-joint-statement.zh.txt")
    assert talign.align([en, zh]).moves == []
    paras = [p for p in zh.split("\n\n") if p.strip()]
    moved = paras[:1] + paras[2:6] + paras[1:2] + paras[6:]
    a = talign.align([en, "\n\n".join(moved) + "\n"])
    assert a.moves
    lines = [json.loads(l) for l in a.render("jsonl").splitlines()[1:]]
    for m in a.moves:
        assert m.first_bead < m.second_bead and 0 < m.score <= 1
        sides = {**m.first, **m.second}
        assert set(sides) == {"en", "zh"}
        # The moved Chinese sentence is in the paragraph that was moved.
        zh_sentence = a.versions[1].sentences[sides["zh"][0]].text
        assert zh_sentence in paras[1]
        # JSON lines link both beads, each to the other.
        link = lines[m.first_bead]["moved"][0]
        assert link["bead"] == m.second_bead and link["sentences"] == m.first
        assert lines[m.second_bead]["moved"][0]["counterpart"] == m.first
