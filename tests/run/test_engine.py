"""Corpus runs: identical tables whatever the chunking, jobs or engine; resume; progress."""
import shutil
from pathlib import Path

import pandas as pd
import pytest

from stance.run.engine import PARTIAL, run_corpus
from stance.io.load import Document
from stance.run.document import Config

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "articles" / "ap-2022-02-01-putin-orban.txt"

TEMPLATES = [
    "“We will not back down,” said Defence Minister {name}. Moscow must withdraw its troops.\n\n"
    "{name} warned that Russia's aggression against Ukraine would be punished.",
    "Foreign Minister {name} said NATO remained a defensive alliance. She added that Kyiv "
    "deserved support.\n\nREAD MORE: Other story",
    "No statements here, only narrative about {name} travelling to Riga.",
]


def _corpus(tmp_path, n=23):
    folder = tmp_path / "corpus"
    folder.mkdir()
    names = ["Tomas Varga", "Ilse Brandt", "Anna Rask", "Jan Holm", "Piet Laar"]
    for i in range(n):
        text = TEMPLATES[i % 3].format(name=names[i % 5])
        (folder / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    shutil.copy(SEED, folder / SEED.name)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _tables(out):
    return {name: (out / f"{name}.csv").read_bytes()
            for name in ("statements", "stances", "actor_target", "errors")}


def test_output_independent_of_chunking_and_jobs(tmp_path):
    corpus = _corpus(tmp_path)
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    run_corpus([corpus], a, jobs=1, chunk_docs=1000)
    run_corpus([corpus], b, jobs=1, chunk_docs=3)
    run_corpus([corpus], c, jobs=2, chunk_docs=5)
    ta = _tables(a)
    assert ta == _tables(b) == _tables(c)
    assert b"ap-2022-02-01-putin-orban" in ta["statements"]
    assert b"empty" in ta["errors"]
    assert not (a / PARTIAL).exists()


def test_parallel_run_leaves_the_callers_garbage_collection_as_it_was(tmp_path):
    import gc
    frozen = gc.get_freeze_count()
    run_corpus([_corpus(tmp_path, n=4)], tmp_path / "o", jobs=2, chunk_docs=2)
    # The workers' inherited objects are frozen in the workers only, never in the caller.
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_rows_sorted_by_doc_then_position(tmp_path):
    import pandas as pd
    corpus = _corpus(tmp_path)
    # Documents given in reverse order still come out sorted.
    docs = [Document(p.stem, p.read_text(encoding="utf-8"))
            for p in sorted(corpus.glob("doc*.txt"), reverse=True)]
    run_corpus(None, tmp_path / "o", documents=docs, chunk_docs=4)
    st = pd.read_csv(tmp_path / "o" / "statements.csv")
    keys = list(zip(st["doc_id"], st["statement_id"].str.rsplit(":", n=1).str[1].astype(int)))
    assert keys == sorted(keys)


@pytest.mark.parametrize("jobs", [1, 2])
def test_resume_skips_finished_documents(tmp_path, jobs):
    corpus = _corpus(tmp_path)
    full = tmp_path / "full"
    run_corpus([corpus], full, chunk_docs=4)

    out = tmp_path / "out"
    calls = []

    class Interrupt(Exception):
        pass

    def docs():
        from stance.io.load import iter_documents
        for i, d in enumerate(iter_documents([corpus])):
            if i == 9:
                raise Interrupt
            calls.append(d.doc_id)
            yield d

    with pytest.raises(Interrupt):
        run_corpus(None, out, documents=docs(), chunk_docs=4, jobs=jobs)
    assert (out / PARTIAL).exists()
    finished = sum(1 for _ in (out / PARTIAL).glob("done-*.txt"))
    assert finished == 2  # two complete chunks of four; the ninth document was never finished

    seen = []

    def rest():
        from stance.io.load import iter_documents
        for d in iter_documents([corpus]):
            seen.append(d.doc_id)
            yield d

    run_corpus(None, out, documents=rest(), chunk_docs=4, resume=True, jobs=jobs)
    assert seen[:8] == calls[:8] and len(seen) == len(set(seen))
    assert _tables(out)["statements"] == _tables(full)["statements"]
    assert _tables(out)["stances"] == _tables(full)["stances"]


def test_dask_engine_matches_local(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    corpus = _corpus(tmp_path, n=7)
    run_corpus([corpus], tmp_path / "local", jobs=1)
    run_corpus([corpus], tmp_path / "dask", jobs=2, engine="dask")
    assert _tables(tmp_path / "local") == _tables(tmp_path / "dask")


def test_model_config_is_picklable():
    import pickle
    assert pickle.loads(pickle.dumps(Config(method="lexicon"))) == Config(method="lexicon")


def test_actor_target_in_batches_equals_one_pass(monkeypatch):
    import random

    import stance.run.engine as engine
    from stance.report.aggregate import actor_target

    rnd = random.Random(7)
    rows = []
    for i in range(300):
        doc = f"d{rnd.randrange(40)}"
        rows.append({"speaker": f"S{rnd.randrange(9)}", "target": rnd.choice(["NATO", "Russia"]),
                     "score": str(round(rnd.uniform(-1, 1), 4)),
                     "label": rnd.choice(["favor", "against", "neutral"]),
                     "doc_id": doc, "statement_id": f"{doc}:{i}"})
    agg = engine._Aggregator()
    for r in rows:
        agg.add(r)
    monkeypatch.setattr(engine, "BATCH_ROWS", 7)
    batched = agg.frame()
    whole = pd.DataFrame(rows).assign(score=lambda d: d["score"].astype(float))
    expected = engine._rounded(actor_target(whole))
    pd.testing.assert_frame_equal(batched, expected)


def test_default_method_tables_identical_across_jobs_and_engines(tmp_path):
    """The encoder model batches per document, so --jobs 1, --jobs 2 and dask agree byte for
    byte with the default (ensemble) method too."""
    pytest.importorskip("onnxruntime", reason="the default method needs the `onnx` extra")
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    from stance.paths import DEFAULT_METHOD, bundled_model
    config = Config(method=DEFAULT_METHOD, model=bundled_model())
    corpus = _corpus(tmp_path, n=7)
    run_corpus([corpus], tmp_path / "j1", config=config, jobs=1)
    run_corpus([corpus], tmp_path / "j2", config=config, jobs=2, chunk_docs=2)
    run_corpus([corpus], tmp_path / "dask", config=config, jobs=2, engine="dask")
    t1 = _tables(tmp_path / "j1")
    assert t1 == _tables(tmp_path / "j2") == _tables(tmp_path / "dask")
    assert DEFAULT_METHOD.encode() in t1["stances"]
