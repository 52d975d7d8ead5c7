"""Tests for stance.extract.speakers: one canonical name per speaker across a corpus."""
import pandas as pd

from stance.extract.speakers import canonical_names


def test_surname_and_spelling_variants_join_the_full_name():
    mapping = canonical_names([("Recep Tayyip Erdoğan", "person"), ("Erdoğan", "person"),
                               ("Erdogan", "person"), ("Recep Tayyip Erdogan", "person"),
                               ("Recep Tayyip Erdoğan", "person")])
    assert mapping == {"Erdoğan": "Recep Tayyip Erdoğan", "Erdogan": "Recep Tayyip Erdoğan",
                       "Recep Tayyip Erdogan": "Recep Tayyip Erdoğan"}


def test_an_ambiguous_surname_stays():
    mapping = canonical_names([("Boris Vale", "person"), ("Mike Vale", "person"),
                               ("Vale", "person")])
    assert "Vale" not in mapping


def test_institutions_are_not_surnames():
    assert canonical_names([("Kremlin", "institution"), ("Ana Kremlin", "person")]) == {}


def test_corpus_run_uses_one_name_across_documents(tmp_path):
    import stance
    (tmp_path / "a.txt").write_text("President Karel Vostrikov said that the harbour would "
                                    "reopen soon.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Vostrikov said that the bridge would be rebuilt.",
                                    encoding="utf-8")
    statements = stance.score_documents(tmp_path).statements
    assert set(statements["speaker"]) == {"Karel Vostrikov"}
    out = tmp_path / "out"
    stance.run_corpus([tmp_path / "a.txt", tmp_path / "b.txt"], out, jobs=1)
    assert set(pd.read_csv(out / "statements.csv")["speaker"]) == {"Karel Vostrikov"}
