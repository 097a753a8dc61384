import pytest

import talign

ZH = "双方同意推动构建新时代更加紧密的中巴命运共同体，共建“一带一路”。"


def test_terms_in_chinese():
    hits = talign.terms(ZH, "zh")
    assert hits, "the bundled termbase names these concepts"
    for h in hits:
        assert ZH[h["begin"]:h["end"]] == h["matched"]
        assert ZH.encode("utf-8")[h["byte_begin"]:h["byte_end"]].decode("utf-8") == h["matched"]
    assert any("belt_and_road" in h["concept"] for h in hits)


def test_deprecated_term_status():
    hits = talign.terms("They spoke of pragmatic cooperation.", "en")
    assert [(h["concept"], h["status"]) for h in hits] == [("practical_cooperation", "deprecated")]


def test_termbase_load_lint_convert(tmp_path, termbase_path):
    tb = talign.Termbase.load()
    assert len(tb) > 50 and tb.paths == [str(termbase_path)]
    concept = tb.concept("practical_cooperation")
    assert concept["kind"] == "term"
    assert {"pragmatic cooperation", "practical cooperation"} <= {t["text"] for t in concept["terms"]}
    assert talign.Termbase.lint(termbase_path) == []

    tbx = tmp_path / "terms.tbx"
    talign.Termbase.convert(termbase_path, tbx)
    assert "conceptEntry" in tbx.read_text(encoding="utf-8")
    back = tmp_path / "back.tsv"
    talign.Termbase.convert(tbx, back)
    assert [c["id"] for c in talign.Termbase.load(back).concepts] == [c["id"] for c in tb.concepts]
    with pytest.raises(ValueError, match="extension"):
        talign.Termbase.convert(termbase_path, tmp_path / "terms.csv")

    v2 = tmp_path / "terms-v2.tbx"
    talign.Termbase.convert(termbase_path, v2, tbx_version=2)
    assert "<martif" in v2.read_text(encoding="utf-8")
    assert [c["id"] for c in talign.Termbase.load(v2).concepts] == [c["id"] for c in tb.concepts]
    with pytest.raises(ValueError, match="tbx_version must be 2 or 3"):
        talign.Termbase.convert(termbase_path, tmp_path / "v4.tbx", tbx_version=4)
    assert not (tmp_path / "v4.tbx").exists()


def test_termbase_errors(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("c1\ten\tfoo\tpreferred\nc1\txx!\tbar\tpreferred\n", encoding="utf-8")
    problems = talign.Termbase.lint(bad)
    assert problems and problems[0]["severity"] == "error" and problems[0]["line"] == 2
    with pytest.raises(ValueError, match="bad.tsv:2"):
        talign.Termbase.load(bad)
    with pytest.raises(FileNotFoundError):
        talign.Termbase.load(tmp_path / "none.tsv")
    custom = tmp_path / "mine.tsv"
    custom.write_text("widget\ten\tblue widget\tpreferred\n", encoding="utf-8")
    hits = talign.terms("A blue widget.", "en", termbases=[custom])
    assert [(h["concept"], h["begin"], h["end"]) for h in hits] == [("widget", 2, 13)]


def test_terms_to_pandas():
    pytest.importorskip("pandas")
    df = talign.terms(ZH, "zh").to_pandas()
    assert {"concept", "term", "status", "begin", "end", "matched"} <= set(df.columns)
