"""Tests for stance.io.decode: byte-order marks, the cp1252 and legacy 8-bit readings, newlines
(through stance.io.load)."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance.io.load import iter_documents, load_documents
from stance.io.records import LoadError

from .files import LEAD, write


# -- encodings and newlines -----------------------------------------------------------------

@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + LEAD.encode("utf-8"),
    LEAD.encode("utf-16"),  # the codec writes a byte-order mark
    codecs.BOM_UTF16_BE + LEAD.encode("utf-16-be"),
    LEAD.encode("utf-32"),
], ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom"])
def test_byte_order_marks_are_honoured_and_stripped(tmp_path, data):
    docs, errors = load_documents(write(tmp_path / "a.txt", data))
    assert docs[0].text == LEAD
    assert errors == []


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_tables_with_byte_order_marks(tmp_path, encoding):
    csv_path = tmp_path / "t.csv"
    csv_path.write_bytes("doc_id,text\r\na,Zelenskyy’s “plan”.\r\n".encode(encoding))
    jsonl_path = tmp_path / "t.jsonl"
    jsonl_path.write_bytes('{"doc_id": "b", "text": "Kyiv’s."}\n'.encode(encoding))
    docs, errors = load_documents([csv_path, jsonl_path])
    assert [(d.doc_id, d.text) for d in docs] == [("a", "Zelenskyy’s “plan”."), ("b", "Kyiv’s.")]
    assert errors == []


def test_cp1252_fallback_loads_with_a_warning(tmp_path):
    path = write(tmp_path / "old.txt", "Zelenskyy’s café “talks”.".encode("cp1252"))
    docs, errors = load_documents(path)
    assert docs[0].text == "Zelenskyy’s café “talks”."
    assert len(errors) == 1
    assert errors[0].reason.startswith("warning:")
    assert "cp1252" in errors[0].reason
    assert (errors[0].input, errors[0].doc_id) == (str(path), "old")


def test_stray_cp1252_byte_keeps_the_valid_utf8_around_it(tmp_path):
    path = write(tmp_path / "mixed.txt", "“Kyiv” ".encode("utf-8") + b"Putin\x92s")
    docs, errors = load_documents(path)
    assert docs[0].text == "“Kyiv” Putin’s"
    assert "1 byte(s) as cp1252" in errors[0].reason


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path):
    docs, errors = load_documents(write(tmp_path / "a.txt", b"abc \x81 def \xe9"))
    assert docs[0].text == "abc \x81 def é"
    assert errors[0].reason.startswith("warning:")
    assert "latin-1" in errors[0].reason and "cp1252" in errors[0].reason


def test_cp1252_csv_warns_once_per_file(tmp_path):
    path = write(tmp_path / "t.csv", b"text\ncaf\xe9.\nna\xefve.\n")
    docs, errors = load_documents(path)
    assert [d.text for d in docs] == ["café.", "naïve."]
    assert len(errors) == 1 and errors[0].reason.startswith("warning:")
    assert "line 2" in errors[0].reason


@pytest.mark.parametrize("raw, text", [
    ("One.\r\n\r\nTwo.\r\n", "One.\n\nTwo.\n"),
    ("One.\r\rTwo.\r", "One.\n\nTwo.\n"),
    ("One.\r\n\rTwo.\n", "One.\n\nTwo.\n"),
], ids=["windows", "old-mac", "mixed"])
def test_newlines_are_normalised(tmp_path, raw, text):
    docs, _ = load_documents(write(tmp_path / "a.txt", raw))
    assert docs[0].text == text


def test_text_is_otherwise_kept_as_is(tmp_path):
    raw = "  Lead\u200b with  two\tspaces\u00a0and a zero-width space.  \n\n\n"
    docs, _ = load_documents(write(tmp_path / "a.txt", raw))
    assert docs[0].text == raw


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.one_of(st.characters(blacklist_categories=("Cs", "Cc")),
                         st.sampled_from("\r\n\t ")), min_size=1))
def test_loaded_text_is_the_decoded_text_with_newlines_normalised(tmp_path, text):
    path = tmp_path / "h.txt"
    path.write_bytes(text.encode("utf-8"))
    errors: list[LoadError] = []
    docs = list(iter_documents(path, errors=errors))
    if text.strip():
        assert docs[0].text == text.replace("\r\n", "\n").replace("\r", "\n")
        assert errors == []
    else:
        assert docs == [] and len(errors) == 1


# -- legacy 8-bit encodings (charset-normalizer) -----------------------------------------

CYRILLIC = "Путин заявил, что Россия не собирается нападать на Украину. Министр сказал то же."


def test_cp1251_text_file_decodes_to_cyrillic(tmp_path):
    path = write(tmp_path / "ru.txt", CYRILLIC.encode("cp1251"))
    docs, errors = load_documents(path)
    assert docs[0].text == CYRILLIC
    assert "cp1251" in errors[0].reason and errors[0].reason.startswith("warning:")


def test_cp1251_csv_decodes_to_cyrillic(tmp_path):
    data = ('doc_id,text\nr1,"' + CYRILLIC + '"\n').encode("cp1251")
    path = write(tmp_path / "ru.csv", data)
    docs, errors = load_documents(path)
    assert docs[0].text == CYRILLIC
    assert any("cp1251" in e.reason for e in errors)


def test_cp1250_text_file_keeps_its_polish_letters(tmp_path):
    # Windows' Central European code page. (ISO latin-2 Polish of a paragraph or two is not
    # told apart from other ISO Latin pages by charset-normalizer: all read it without
    # "chaos", and it picks the first; such a file should be re-saved as UTF-8.)
    text = ("Premier powiedział, że Polska zwiększy pomoc dla Ukrainy. Minister spraw "
            "zagranicznych oświadczył, że rząd nie zmieni stanowiska. Według niego współpraca "
            "będzie się rozwijać, a sankcje pozostaną w mocy.")
    docs, errors = load_documents(write(tmp_path / "pl.txt", text.encode("cp1250")))
    assert docs[0].text == text
    assert "cp1250" in errors[0].reason
