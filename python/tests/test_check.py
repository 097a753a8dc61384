import pytest

import talign
from conftest import read

LANGS = ["en", "zh", "ur"]


def divergent(corpus):
    return [read(corpus / f"readout-divergent.{lang}.txt") for lang in LANGS]


def test_finds_deprecated_term(corpus):
    findings = talign.check(divergent(corpus))
    deprecated = [f for f in findings if f["type"] == "deprecated-term" and f["lang"] == "en"]
    assert any(f["evidence"] == "community of common destiny" for f in deprecated)
    f = next(f for f in deprecated if f["evidence"] == "community of common destiny")
    assert f["severity"] == "error"
    assert f["concept"] == "community_shared_future_mankind"
    assert "community with a shared future for mankind" in " ".join(f["expected"]).lower()
    # Places carry character offsets into the version's text.
    text = findings.alignment.versions[f["version"]].text
    place = next(p for p in f["places"] if p["version"] == f["version"])
    span = place["spans"][0]
    assert text[span["begin"]:span["end"]] == span["text"]
    assert " ".join(span["text"].split()) == "community of common destiny"  # a hard-wrapped line
    assert findings.summary["findings"] == len(findings)


def test_urdu_spans_and_summary(corpus):
    findings = talign.check(divergent(corpus))
    texts = [v.text for v in findings.alignment.versions]
    for f in findings:
        for p in f["places"]:
            for s in p["spans"]:
                assert texts[p["version"]][s["begin"]:s["end"]] == s["text"]
    assert {"omission", "number-mismatch", "deprecated-term"} <= {f["type"] for f in findings}


def test_clean_set_and_termbase_object(corpus, termbase_path):
    tb = talign.Termbase.load(termbase_path)
    findings = talign.check([corpus / f"briefing.{lang}.txt" for lang in LANGS], termbases=[tb])
    # Layered over the bundled termbase, as --lexicon files are.
    assert findings.provenance["termbases"][-1] == str(termbase_path)
    alone = talign.check([corpus / f"briefing.{lang}.txt" for lang in LANGS], termbases=[tb], default_termbase=False)
    assert alone.provenance["termbases"] == [str(termbase_path)]
    assert all(f["type"] != "deprecated-term" for f in findings)


def test_to_pandas_and_write(corpus, tmp_path):
    pd = pytest.importorskip("pandas")
    findings = talign.check(divergent(corpus))
    df = findings.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == len(findings)
    assert "deprecated-term" in set(df["type"])
    findings.write(tmp_path / "report.html")
    assert "<html" in (tmp_path / "report.html").read_text(encoding="utf-8")
    findings.write(tmp_path / "report.json")
    import json
    assert len(json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["findings"]) == len(findings)


def test_source_and_errors(corpus):
    findings = talign.check(divergent(corpus), source="en")
    # With a source, what the others lack is demanded of them, never of it.
    assert all(f["lang"] != "en" for f in findings if f["type"] in ("omission", "missing-term"))
    assert findings.provenance["source"] == "en"
    with pytest.raises(ValueError, match="source"):
        talign.check(divergent(corpus), source="fr")
