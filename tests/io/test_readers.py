"""Tests for stance.io.readers: each file type read into documents, and the rows and files a
reader skips with a reason (through stance.io.load.load_documents)."""
from __future__ import annotations

import codecs
import json

import pytest

from stance.io.load import load_documents
from stance.io.records import Document
from .files import LEAD, reasons, write


def _gz(path, text):
    import gzip
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb") as fh:
        fh.write(text.encode("utf-8"))
    return path


# -- formats ---------------------------------------------------------------------------------

def test_txt_file_is_one_document_named_after_its_stem(tmp_path):
    path = write(tmp_path / "ap-1.txt", LEAD + "\n")
    docs, errors = load_documents(path)
    assert docs == [Document("ap-1", LEAD + "\n", {}, str(path))]
    assert errors == []

def test_csv_rows_with_metadata_and_generated_ids(tmp_path):
    path = write(tmp_path / "corpus.csv",
                 'doc_id,text,date,source,title,url,extra\n'
                 'x1,"First, with a comma.",2022-02-01,AP,,http://a,ignored\n'
                 ',"Second\r\nline.",,,T2,,\n'
                 '\n'
                 ',Third.,,,,,\n')
    docs, errors = load_documents(path)
    assert [(d.doc_id, d.text, dict(d.meta)) for d in docs] == [
        ("x1", "First, with a comma.", {"date": "2022-02-01", "source": "AP", "url": "http://a"}),
        ("corpus-2", "Second\nline.", {"title": "T2"}),
        ("corpus-3", "Third.", {}),
    ]
    assert all(d.input == str(path) for d in docs)
    assert errors == []

def test_csv_header_is_matched_without_case_or_padding(tmp_path):
    path = write(tmp_path / "t.csv", " Doc_ID , Text \na,Hello.\n")
    docs, _ = load_documents(path)
    assert [(d.doc_id, d.text) for d in docs] == [("a", "Hello.")]

def test_jsonl_records_with_metadata_and_generated_ids(tmp_path):
    lines = [{"doc_id": "j1", "text": "One.", "date": "2022-02-01", "source": ""},
             {"text": "Two.", "title": "T", "url": None},
             {"doc_id": 7, "text": "Three."}]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n")
    docs, errors = load_documents(path)
    assert [(d.doc_id, d.text, dict(d.meta)) for d in docs] == [
        ("j1", "One.", {"date": "2022-02-01"}),
        ("feed-2", "Two.", {"title": "T"}),
        ("7", "Three.", {}),
    ]
    assert errors == []

def test_html_text_is_extracted_with_paragraph_breaks(tmp_path):
    page = ("<html><head><title> Putin  speaks </title><style>p {color: red}</style>"
            "<script>var x = '<p>no</p>';</script></head><body>"
            "<h1>Putin says West ignored demands</h1>\n<div><p>MOSCOW (AP) &mdash; Putin\n"
            "said <b>Tuesday</b> that talks&nbsp;continue.</p><noscript>Enable JS</noscript>"
            "<p>Line one<br>line two</p></div></body></html>")
    path = write(tmp_path / "page.htm", page)
    docs, errors = load_documents(path)
    assert docs[0].text == ("Putin says West ignored demands\n\n"
                            "MOSCOW (AP) — Putin said Tuesday that talks\u00a0continue.\n\n"
                            "Line one\nline two")
    assert docs[0].meta == {"title": "Putin speaks"}
    assert errors == []


# -- per-document problems ------------------------------------------------------------------

@pytest.mark.parametrize("data, words", [
    (b"", "empty file"),
    (b"  \n\t\r\n ", "white space"),
    (codecs.BOM_UTF8, "empty file"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
    (bytes(range(1, 8)) * 20, "binary"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "UTF-16"),
], ids=["empty", "whitespace", "only-bom", "nul-bytes", "control-bytes", "bad-utf16"])
def test_unusable_txt_files_are_skipped_with_a_reason(tmp_path, data, words):
    bad = write(tmp_path / "bad.txt", data)
    write(tmp_path / "good.txt", "Fine.")
    docs, errors = load_documents(tmp_path)
    assert [d.doc_id for d in docs] == ["good"]
    assert [(e.input, e.doc_id) for e in errors] == [(str(bad), "bad")]
    assert words in errors[0].reason

def test_broken_jsonl_lines_are_skipped_and_the_others_load(tmp_path):
    path = write(tmp_path / "feed.jsonl",
                 '{"doc_id": "a", "text": "One."}\n'
                 '{"doc_id": "b", "text": "Two.\n'
                 '\n'
                 '[1, 2]\n'
                 '{"doc_id": "c"}\n'
                 '{"doc_id": "d", "text": 5}\n'
                 '{"doc_id": "e", "text": "  "}\n'
                 '{"doc_id": "f", "text": "Six."}')
    docs, errors = load_documents(path)
    assert [d.doc_id for d in docs] == ["a", "f"]
    assert [r.split(":")[0] for r in reasons(errors)] == [
        "line 2", "line 4", "line 5", "line 6", "line 7"]
    assert "not valid JSON" in errors[0].reason
    assert [e.doc_id for e in errors] == ["", "", "c", "d", "e"]

def test_csv_row_with_empty_text_is_skipped(tmp_path):
    path = write(tmp_path / "t.csv", "doc_id,text\na,One.\nb,\nc,   \nd,Four.\ne\n")
    docs, errors = load_documents(path)
    assert [d.doc_id for d in docs] == ["a", "d"]
    assert [(e.doc_id, e.reason.split(":")[0]) for e in errors] == [
        ("b", "row 2"), ("c", "row 3"), ("e", "row 5")]
    assert all("empty text" in r for r in reasons(errors))


# -- gzip-compressed tables and text ---------------------------------------------------------

def test_jsonl_gz_is_read_like_jsonl(tmp_path):
    line = json.dumps({"doc_id": "n1", "date": "2022-03-01", "text": LEAD})
    path = _gz(tmp_path / "press.jsonl.gz", line + "\n")
    docs, errors = load_documents(path)
    assert [(d.doc_id, d.text, d.meta["date"]) for d in docs] == [("n1", LEAD, "2022-03-01")]
    assert errors == []

def test_csv_gz_and_txt_gz_in_a_folder(tmp_path):
    _gz(tmp_path / "a.csv.gz", "doc_id,text\nc1,Ana Roth said talks would resume.\n")
    _gz(tmp_path / "b.txt.gz", LEAD)
    docs, errors = load_documents(tmp_path)
    assert [d.doc_id for d in docs] == ["c1", "b"]
    assert errors == []

def test_default_doc_id_of_a_gz_table_drops_both_suffixes(tmp_path):
    path = _gz(tmp_path / "wire.jsonl.gz", json.dumps({"text": LEAD}) + "\n")
    docs, _ = load_documents(path)
    assert docs[0].doc_id == "wire-1"
