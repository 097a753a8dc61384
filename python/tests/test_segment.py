import pathlib

import pytest

import talign
from conftest import read

ZH = "巴基斯坦总理在北京举行会谈。会谈持续两个多小时！双方表示满意。"
UR = "وزیر اعظم نے بیجنگ میں بات چیت کی۔ بات چیت دو گھنٹے سے زیادہ جاری رہی۔"


def test_chinese_character_offsets_slice_the_str():
    sentences = talign.segment(ZH, "zh")
    assert [s.text for s in sentences] == ["巴基斯坦总理在北京举行会谈。", "会谈持续两个多小时！", "双方表示满意。"]
    data = ZH.encode("utf-8")
    for s in sentences:
        assert ZH[s.begin:s.end] == s.text
        assert data[s.byte_begin:s.byte_end].decode("utf-8") == s.text
    assert sentences[1].begin == 14 and sentences[1].byte_begin == 42


def test_urdu_detected_from_script():
    sentences = talign.segment(UR)
    assert len(sentences) == 2
    assert sentences[1].text.startswith("بات چیت دو")
    for s in sentences:
        assert UR[s.begin:s.end] == s.text


def test_bytes_and_paths_and_presegmented(tmp_path):
    assert [s.text for s in talign.segment(ZH.encode("utf-8"), "zh")] == [s.text for s in talign.segment(ZH, "zh")]
    f = tmp_path / "a.ur.txt"
    f.write_text(UR + "\n", encoding="utf-8")
    from_path = talign.segment(f)
    from_str_path = talign.segment(str(f))
    assert [s.text for s in from_path] == [s.text for s in from_str_path] == [s.text for s in talign.segment(UR)]
    lines = talign.segment("one\n\ntwo", "en", presegmented=True)
    assert [s.text for s in lines] == ["one", "", "two"]


def test_corpus_file_offsets(corpus):
    path = corpus / "readout.ur.txt"
    text = read(path)
    sentences = talign.segment(path)
    assert len(sentences) > 10
    assert all(text[s.begin:s.end] == s.text for s in sentences)
    assert sentences[-1].paragraph > 0


def test_errors():
    with pytest.raises(FileNotFoundError, match="no-such-file"):
        talign.segment(pathlib.Path("no-such-file.en.txt"))
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        talign.segment("Hello.", "xx")
    with pytest.raises(ValueError, match="UTF-8"):
        talign.segment(b"bad \xff byte", "en")
    with pytest.raises(TypeError):
        talign.segment(42)
