"""score_documents: the corpus in memory, through the same loop as ``stance score``."""
import pandas as pd

import stance
from stance.run.engine import iter_results, run_corpus
from stance.io.load import Document

TEXTS = {
    "b-second": "“We will not back down,” said Defence Minister Tomas Varga. Moscow must leave.",
    "a-first": "Foreign Minister Ilse Brandt said NATO remained a defensive alliance.\n\n"
               "Brandt added that Kyiv deserved support.",
    "c-none": "Only narrative here, about a trip to Riga.",
}


def _folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_score_documents_saves_the_same_bytes_as_a_corpus_run(tmp_path):
    folder = _folder(tmp_path)
    stance.score_documents(folder, method="lexicon").save(tmp_path / "memory")
    run_corpus([folder], tmp_path / "disk", chunk_docs=2)
    for name in ("statements", "stances", "actor_target", "errors"):
        assert ((tmp_path / "memory" / f"{name}.csv").read_bytes()
                == (tmp_path / "disk" / f"{name}.csv").read_bytes()), name


def test_score_documents_orders_documents_by_id_whatever_the_input_order():
    docs = [Document(name, text) for name, text in TEXTS.items()]
    st = stance.score_documents(docs, method="lexicon").statements
    assert list(dict.fromkeys(st["doc_id"])) == ["a-first", "b-second"]


def test_iter_results_yields_chunks_in_input_order_with_their_rows():
    docs = [Document(name, text) for name, text in TEXTS.items()]
    chunks = list(iter_results(docs, chunk_docs=2))
    assert [[d.doc_id for d in chunk] for chunk, *_ in chunks] == [["b-second", "a-first"],
                                                                   ["c-none"]]
    first_statements = chunks[0][1]
    # sorted within the chunk: a-first's rows before b-second's
    assert [r["doc_id"] for r in first_statements][0] == "a-first"
    assert chunks[1][1] == [] and chunks[1][3] == []


def test_a_broken_document_becomes_an_error_row_and_the_rest_is_kept(tmp_path):
    folder = _folder(tmp_path)
    result = stance.score_documents(folder, method="lexicon")
    assert isinstance(result.errors, pd.DataFrame)
    assert list(result.errors["doc_id"]) == ["empty"]
    assert {"a-first", "b-second"} <= set(result.statements["doc_id"])
