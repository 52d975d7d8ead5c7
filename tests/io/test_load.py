"""Tests for stance.io.load: inputs and folders, duplicates, unusable inputs, metadata and
file-name dates (formats: test_readers.py; encodings: test_decode.py)."""
from __future__ import annotations

import inspect
import json
import logging

import pytest

from stance.io.load import InputError, iter_documents, load_documents
from .files import LEAD, reasons, write


# -- inputs and folders ----------------------------------------------------------------------

def test_iter_documents_is_a_lazy_generator(tmp_path):
    write(tmp_path / "a.txt", LEAD)
    assert inspect.isgenerator(iter_documents(tmp_path / "a.txt"))


@pytest.mark.parametrize("inputs", [
    lambda p: str(p / "a.txt"),
    lambda p: p / "a.txt",
    lambda p: [p / "a.txt", str(p / "b.txt")],
    lambda p: (x for x in [p / "a.txt"]),
])
def test_inputs_may_be_a_path_or_an_iterable_of_paths(tmp_path, inputs):
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "b.txt", "B.")
    docs, _ = load_documents(inputs(tmp_path))
    assert docs[0].doc_id == "a"


def test_folder_reads_every_supported_file_recursively_sorted_by_relative_path(tmp_path):
    write(tmp_path / "b.txt", "B.")
    write(tmp_path / "a" / "z.txt", "Z.")
    write(tmp_path / "a" / "rows.csv", "doc_id,text\nr1,Row one.\n")
    write(tmp_path / "c.jsonl", '{"doc_id": "j1", "text": "Line one."}\n')
    write(tmp_path / "d.html", "<p>Page.</p>")
    write(tmp_path / "notes.md", "not an article")
    write(tmp_path / ".ipynb_checkpoints" / "b-checkpoint.txt", "copy")
    write(tmp_path / ".hidden.txt", "hidden")
    docs, errors = load_documents(tmp_path)
    assert [d.doc_id for d in docs] == ["r1", "z", "b", "j1", "d"]
    assert docs[0].input == str(tmp_path / "a" / "rows.csv")
    # The .md file is not read, and said so; hidden files and folders are passed over.
    assert [(e.input, "unsupported file type '.md'" in e.reason) for e in errors] == [
        (str(tmp_path / "notes.md"), True)]


# -- duplicates and logging ------------------------------------------------------------------

def test_duplicate_doc_ids_keep_the_first(tmp_path):
    write(tmp_path / "a" / "story.txt", "First.")
    write(tmp_path / "b" / "story.txt", "Second.")
    path = write(tmp_path / "c.csv", "doc_id,text\nstory,Third.\n")
    docs, errors = load_documents(tmp_path)
    assert [(d.doc_id, d.text) for d in docs] == [("story", "First.")]
    assert len(errors) == 2
    assert all("duplicate doc_id" in r for r in reasons(errors))
    assert errors[1].input == str(path)


def test_without_an_errors_list_problems_are_logged(tmp_path, caplog):
    write(tmp_path / "empty.txt", "")
    with caplog.at_level(logging.WARNING, logger="stance.io.load"):
        assert list(iter_documents(tmp_path / "empty.txt")) == []
    assert "empty file" in caplog.text


# -- unusable inputs ------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, words", [
    ("missing.txt", None, "no such file"),
    ("table.csv", "doc_id,body\na,Hello.\n", "no 'text' column"),
    ("table.csv", "", "empty"),
    ("table.csv", b"PK\x03\x04\x14\x00\x06\x00", "binary"),
    ("feed.jsonl", '{"doc_id": "a", "body": "x"}\nnot json\n', "no line has a 'text' key"),
    ("feed.jsonl", "\n\n", "empty"),
    ("notes.docx", "Text.", "unsupported file type"),
    ("empty_folder", "folder", "holds no"),
])
def test_unusable_inputs_raise_input_error_before_any_document(tmp_path, name, data, words):
    write(tmp_path / "first.txt", "Fine.")
    path = tmp_path / name
    if data == "folder":
        path.mkdir()
    elif data is not None:
        write(path, data)
    stream = iter_documents([tmp_path / "first.txt", path])
    with pytest.raises(InputError, match=words) as info:
        next(stream)
    assert str(path) in str(info.value)


def test_tables_without_text_inside_a_folder_are_skipped_not_fatal(tmp_path):
    write(tmp_path / "a.txt", "Fine.")
    meta = write(tmp_path / "outlets.csv", "doc_id,outlet\na,AP\n")  # not a sidecar name
    feed = write(tmp_path / "z.jsonl", '{"doc_id": "q"}\n')
    docs, errors = load_documents(tmp_path)
    assert [d.doc_id for d in docs] == ["a"]
    assert [e.input for e in errors] == [str(meta), str(feed)]
    assert all("skipped" in r for r in reasons(errors))


# -- gzip-compressed inputs ------------------------------------------------------------------

def _gz(path, text):
    import gzip
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb") as fh:
        fh.write(text.encode("utf-8"))
    return path


def test_truncated_gz_in_a_folder_is_listed_and_the_rest_loads(tmp_path):
    good = _gz(tmp_path / "a.jsonl.gz", json.dumps({"doc_id": "ok", "text": LEAD}) + "\n")
    lines = "".join(json.dumps({"doc_id": f"x{i}", "text": LEAD * 20}) + "\n" for i in range(200))
    broken = _gz(tmp_path / "b.jsonl.gz", lines)
    broken.write_bytes(broken.read_bytes()[: len(broken.read_bytes()) // 2])
    docs, errors = load_documents(tmp_path)
    assert "ok" in [d.doc_id for d in docs]
    assert any(e.input == str(broken) and "cannot be read" in e.reason for e in errors)
    assert good.exists()


def test_a_gz_of_an_unsupported_type_is_refused(tmp_path):
    path = _gz(tmp_path / "notes.pdf.gz", "x")
    with pytest.raises(InputError, match="unsupported file type"):
        load_documents(path)


# -- metadata of plain-text folders --------------------------------------------------------

def test_a_folder_sidecar_gives_dates_and_is_not_an_article(tmp_path):
    write(tmp_path / "a1.txt", LEAD)
    write(tmp_path / "a2.txt", LEAD)
    write(tmp_path / "articles.csv", "doc_id,date,source,title\na1,2031-03-04,Gazette,Talks\n"
                                     "a2.txt,2031-03-05,Herald,More talks\n")
    docs, errors = load_documents(tmp_path)
    assert [(d.doc_id, d.meta.get("date"), d.meta.get("source")) for d in docs] == [
        ("a1", "2031-03-04", "Gazette"), ("a2", "2031-03-05", "Herald")]
    assert errors == []


def test_explicit_metadata_file(tmp_path):
    write(tmp_path / "docs" / "n1.txt", LEAD)
    meta = write(tmp_path / "meta.csv", "file,date,url\nn1.txt,2031-01-02,https://example.org/n1\n")
    docs, _ = load_documents(tmp_path / "docs", metadata=meta)
    assert docs[0].meta == {"date": "2031-01-02", "url": "https://example.org/n1"}


def test_metadata_without_a_key_column_is_refused(tmp_path):
    meta = write(tmp_path / "meta.csv", "date,source\n2031-01-02,Gazette\n")
    write(tmp_path / "docs" / "n1.txt", LEAD)
    with pytest.raises(InputError, match="no doc_id or file column"):
        load_documents(tmp_path / "docs", metadata=meta)


def test_row_metadata_wins_over_the_sidecar(tmp_path):
    write(tmp_path / "t.csv", "doc_id,date,text\nr1,2031-05-01,Ana Roth said the talks failed.\n")
    write(tmp_path / "metadata.csv", "doc_id,date,source\nr1,1999-01-01,Gazette\n")
    doc = load_documents(tmp_path)[0][0]
    assert doc.meta == {"date": "2031-05-01", "source": "Gazette"}


def test_date_from_the_file_name_with_a_log_line(tmp_path, caplog):
    write(tmp_path / "2031-08-17_harbour-talks.txt", LEAD)
    write(tmp_path / "undated.txt", LEAD)
    with caplog.at_level(logging.INFO, logger="stance.io.load"):
        docs, _ = load_documents(tmp_path)
    assert {d.doc_id: d.meta.get("date") for d in docs} == {
        "2031-08-17_harbour-talks": "2031-08-17", "undated": None}
    assert "1 document(s) dated by their file names" in caplog.text


NEWS_PAGE = ("<html><head><title>Talks resume</title></head><body>"
             "<nav><a href='/'>Home</a> <a href='/w'>World</a> <a href='/b'>Business</a></nav>"
             "<header><p>The Norland Gazette: news you can trust, every day since 1901</p></header>"
             "<article><h1>Talks resume</h1><p>Ana Roth said on Monday that the talks with "
             "Norland would resume next week, after a pause of three months in which both "
             "sides had traded accusations.</p><p>\"We are ready to meet them halfway,\" she "
             "told reporters in the capital.</p></article>"
             "<aside><h3>Most read</h3><p>Biden says Russia must pay</p></aside>"
             "<footer><p>Copyright 2031 Gazette. All rights reserved.</p></footer></body></html>")


def test_html_boilerplate_never_becomes_text(tmp_path):
    docs, _ = load_documents(write(tmp_path / "page.html", NEWS_PAGE))
    text = docs[0].text
    assert "Ana Roth said on Monday" in text and "We are ready" in text
    for junk in ("Biden says Russia must pay", "Most read", "Copyright", "Business",
                 "news you can trust"):
        assert junk not in text
    assert docs[0].meta == {"title": "Talks resume"}


def test_html_aside_gives_no_statement(tmp_path):
    import stance
    result = stance.score_documents([write(tmp_path / "page.html", NEWS_PAGE)])
    assert not result.statements["text"].str.contains("Russia must pay").any()
    assert result.statements["speaker"].eq("Ana Roth").any()


def test_a_pdf_in_a_folder_is_listed_not_skipped_silently(tmp_path):
    write(tmp_path / "a.txt", LEAD)
    write(tmp_path / "report.pdf", b"%PDF-1.4 binary")
    docs, errors = load_documents(tmp_path)
    assert [d.doc_id for d in docs] == ["a"]
    assert len(errors) == 1 and errors[0].input == str(tmp_path / "report.pdf")
    assert "unsupported file type '.pdf'" in errors[0].reason
