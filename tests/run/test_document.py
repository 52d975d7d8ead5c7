"""One document through every stage (stance.run.document): statement and stance rows, errors
as rows, the speaker's relation to a target. Speakers are fictional; targets real."""
import pytest

from stance import schema
from stance.io.records import Document
from stance.run.document import (METHODS, Config, document_year, process_document, relation,
                                 safe_process)

DOC = Document("memo", "“We will keep supporting Ukraine,” said Defence Minister Edda Korvin. "
               "Officials in Lumenburg met on Tuesday.",
               {"date": "2031-03-04", "source": "Fictional Wire"}, input="memo.txt")


def test_process_document_returns_statement_and_stance_rows():
    statements, stances = process_document(DOC)
    assert [s["speaker"] for s in statements] == ["Edda Korvin"]
    st = statements[0]
    assert set(st) == set(schema.STATEMENT_COLUMNS)
    assert DOC.text[st["start"]:st["end"]] == st["text"]
    assert [(r["target"], r["label"]) for r in stances] == [("Ukraine", "favor")]
    row = stances[0]
    assert set(row) == set(schema.STANCE_COLUMNS)
    assert row["statement_id"] == st["statement_id"] and row["method"] == "lexicon"
    assert (row["date"], row["source"]) == ("2031-03-04", "Fictional Wire")


def test_process_document_is_pure():
    assert process_document(DOC) == process_document(DOC)


def test_a_document_without_statements_has_no_rows():
    assert process_document(Document("plain", "The ferry to Lumenburg left at noon.")) == ([], [])


def test_safe_process_turns_an_exception_into_an_error_row():
    bad = Config(actors="/nonexistent/actors.yaml")
    statements, stances, errors = safe_process(DOC, bad)
    assert statements == [] and stances == []
    assert len(errors) == 1 and set(errors[0]) == set(schema.ERROR_COLUMNS)
    assert (errors[0]["input"], errors[0]["doc_id"]) == ("memo.txt", "memo")
    assert errors[0]["reason"].startswith("failed while scoring: RegistryError")


def test_safe_process_passes_a_good_document_through():
    assert safe_process(DOC, Config()) == (*process_document(DOC), [])


def test_a_model_method_without_a_model_file_uses_the_shipped_head():
    pytest.importorskip("onnxruntime", reason="the model method needs the `onnx` extra")
    doc = Document("d", "Ana Roth said that Norland would never attack Ukraine.")
    _, rows = process_document(doc, Config(method="ensemble"))
    assert rows and all("model (P(favor)=" in r["evidence"] for r in rows)


def test_a_model_method_without_a_model_file_is_an_error_not_the_lexicon(monkeypatch):
    import stance.paths
    monkeypatch.setattr(stance.paths, "bundled_model", lambda: None)
    with pytest.raises(ValueError, match="needs a model file"):
        process_document(DOC, Config(method="model"))


@pytest.mark.parametrize("affiliation, target, expected", [
    ("Ukraine", "Ukraine", "own"), ("Lumenia", "Ukraine", "other"), (None, "Ukraine", "unknown"),
    ("", "Russia", "unknown"),
])
def test_relation(affiliation, target, expected):
    assert relation(affiliation, target) == expected


@pytest.mark.parametrize("meta, expected", [
    ({"date": "2031-03-04"}, 2031), ({"date": "2031"}, 2031), ({}, None), ({"date": "n.d."}, None),
])
def test_document_year(meta, expected):
    assert document_year(Document("d", "", meta)) == expected


def test_config_defaults_to_the_lexicon():
    assert Config().method == "lexicon" and Config().method in METHODS


def test_a_speaker_bound_alias_counts_in_its_speakers_statements_only(tmp_path):
    # The bundled "occupiers" group reads "the occupiers" as Russia for Ukrainian speakers.
    actors = tmp_path / "actors.yaml"
    actors.write_text("actors:\n"
                      "  - {name: Oksana Varta, type: person, affiliation: Ukraine, gender: f}\n"
                      "  - {name: Pavel Drozd, type: person, affiliation: Russia, gender: m}\n",
                      encoding="utf-8")
    config = Config(actors=str(actors))

    def targets_of(speaker):
        doc = Document("d", f"{speaker} said that the occupiers shelled the port again.")
        statements, rows = process_document(doc, config)
        assert [s["speaker"] for s in statements] == [speaker]
        return [r["target"] for r in rows]

    assert targets_of("Oksana Varta") == ["Russia"]
    assert targets_of("Pavel Drozd") == []
    off = Config(actors=str(actors), alias_groups=())
    doc = Document("d", "Oksana Varta said that the occupiers shelled the port again.")
    assert process_document(doc, off)[1] == []
