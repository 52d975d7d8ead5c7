"""Tests for stance.io.load: every input format, encodings, newlines and per-document problems."""
from __future__ import annotations

import codecs
import inspect
import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance.io.load import (Document, InputError, LoadError, html_to_text, iter_documents,
                            load_documents)

LEAD = "MOSCOW (AP) — Putin said the West ignored Russia’s demands."


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def reasons(errors):
    return [e.reason for e in errors]


# -- formats ---------------------------------------------------------------------------------

def test_txt_file_is_one_document_named_after_its_stem(tmp_path):
    path = write(tmp_path / "ap-1.txt", LEAD + "\n")
    docs, errors = load_documents(path)
    assert docs == [Document("ap-1", LEAD + "\n", {}, str(path))]
    assert errors == []


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


@pytest.mark.parametrize("html, text", [
    ("<p>a</p><p>b</p>", "a\n\nb"),
    ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
    ("plain   text", "plain text"),
    ("<p>x<template><p>hidden</p></template>y</p>", "xy"),
    ("<head><title>only a title", ""),
])
def test_html_to_text(html, text):
    assert html_to_text(html)[0] == text


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
