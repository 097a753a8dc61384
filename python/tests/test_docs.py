# The examples of README.md ("Python") and docs/python.md (the study) run as
# written, from the repository root, so that the documentation cannot rot.
import re

import pytest

from conftest import ROOT


def python_block(path, heading):
    text = (ROOT / path).read_text(encoding="utf-8")
    section = text[text.index(heading):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


@pytest.mark.parametrize("path,heading", [("README.md", "## Python"), ("docs/python.md", "## A study")])
def test_example_runs(path, heading, monkeypatch, capsys):
    pytest.importorskip("pandas")
    code = python_block(path, heading)
    monkeypatch.chdir(ROOT)
    exec(compile(code, f"{path} ({heading})", "exec"), {"__name__": "__doc_example__"})
    out = capsys.readouterr().out
    assert out.strip()
    if path == "README.md":
        assert len(code.strip().splitlines()) == 5
        assert "deprecated-term" in out
    else:
        assert "One Belt, One Road" in out and "“一带一路”倡议" in out
