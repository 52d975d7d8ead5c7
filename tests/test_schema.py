"""One definition of the table columns and labels, shared by every stage."""
from stance import schema
from stance.report import aggregate, evaluate
from stance.run import engine, pipeline
from stance.score import classifier


def test_stages_use_the_schemas_columns_and_labels():
    assert pipeline.STANCE_COLUMNS is engine.STANCE_COLUMNS is schema.STANCE_COLUMNS
    assert aggregate.ACTOR_TARGET_COLUMNS is schema.ACTOR_TARGET_COLUMNS
    assert set(classifier.LABELS) == set(evaluate.LABELS) == set(schema.LABELS)
    assert classifier.LABELS == tuple(sorted(schema.LABELS))   # scikit-learn's classes_ order


def test_the_contract_columns_come_first_and_additions_last():
    assert schema.STATEMENT_COLUMNS[:10] == ("doc_id", "statement_id", "speaker", "speaker_type",
                                             "speaker_mention", "kind", "cue", "text", "start",
                                             "end")
    assert schema.LABELS == ("favor", "neutral", "against")


def test_row_key_orders_by_document_then_position_then_target():
    rows = [{"doc_id": "b", "statement_id": "b:1", "target": "NATO"},
            {"doc_id": "a", "statement_id": "a:10", "target": "NATO"},
            {"doc_id": "a", "statement_id": "a:9", "target": "Russia"},
            {"doc_id": "a", "statement_id": "a:9", "target": "NATO"}]
    assert [(r["statement_id"], r["target"]) for r in sorted(rows, key=schema.row_key)] == [
        ("a:9", "NATO"), ("a:9", "Russia"), ("a:10", "NATO"), ("b:1", "NATO")]
