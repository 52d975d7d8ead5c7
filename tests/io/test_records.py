"""The records loading yields (stance.io.records): a document, or the reason one was skipped."""
import dataclasses

import pytest

from stance.io.load import load_documents
from stance.io.records import Document, InputError, LoadError


def test_document_defaults_and_immutability():
    doc = Document("memo-1", "Lumen harbour reopened.")
    assert (doc.meta, doc.input) == ({}, "")
    assert Document("memo-2", "").meta is not doc.meta      # no shared default
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "changed"


def test_records_compare_by_value():
    assert Document("a", "t", {"date": "2031-01-01"}, "a.txt") == \
        Document("a", "t", {"date": "2031-01-01"}, "a.txt")
    assert LoadError("x.pdf", "", "unsupported") == LoadError("x.pdf", "", "unsupported")
    assert LoadError("x.pdf", "", "unsupported") != LoadError("x.pdf", "x", "unsupported")
    with pytest.raises(dataclasses.FrozenInstanceError):
        LoadError("x.pdf", "", "unsupported").reason = "fine"


def test_input_error_is_an_exception():
    with pytest.raises(InputError, match="no text column"):
        raise InputError("table.csv: no text column")
    assert issubclass(InputError, Exception)


def test_loading_yields_these_records(tmp_path):
    (tmp_path / "memo.txt").write_text("Lumen harbour reopened on Monday.", encoding="utf-8")
    (tmp_path / "scan.bin").write_bytes(b"\x00\x01")
    docs, errors = load_documents(tmp_path)
    assert [type(d) for d in docs] == [Document] and docs[0].doc_id == "memo"
    assert docs[0].input.endswith("memo.txt")
    assert [type(e) for e in errors] == [LoadError]
    assert errors[0].input.endswith("scan.bin") and errors[0].reason
    with pytest.raises(InputError):
        load_documents(tmp_path / "missing")
