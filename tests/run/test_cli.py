"""The command line of CONTRACT.md: tables, exit statuses, messages, no tracebacks, offline."""
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import stance
from stance.schema import ACTOR_TARGET_COLUMNS, ERROR_COLUMNS, STANCE_COLUMNS, STATEMENT_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "data" / "articles"


def _run(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "stance", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    res = _run("score", ARTICLES, "--out", out, "--quiet", "--jobs", "1")
    assert res.returncode == 0, res.stderr
    return out


def test_version():
    res = _run("--version")
    assert res.returncode == 0 and res.stdout.strip() == f"stance {stance.__version__}"


def test_tables_have_the_contract_columns(scored):
    expected = {"statements": STATEMENT_COLUMNS, "stances": STANCE_COLUMNS,
                "actor_target": ACTOR_TARGET_COLUMNS, "errors": ERROR_COLUMNS}
    for name, cols in expected.items():
        df = pd.read_csv(scored / f"{name}.csv")
        assert tuple(df.columns[:len(cols)]) == tuple(cols), name
    st = pd.read_csv(scored / "statements.csv")
    assert len(st) > 20
    assert st["statement_id"].is_unique
    assert set(st["kind"]) <= {"direct", "reported", "mixed"}
    # CONTRACT.md's four values, and the additive "state" and "media" (README, Output tables).
    assert set(st["speaker_type"]) <= {"person", "institution", "group", "unknown", "state",
                                       "media"}
    sc = pd.read_csv(scored / "stances.csv")
    assert sc["score"].between(-1, 1).all()
    assert set(sc["label"]) <= {"favor", "neutral", "against"}
    assert set(sc["statement_id"]) <= set(st["statement_id"])


def test_offsets_point_into_the_loaded_text(scored):
    st = pd.read_csv(scored / "statements.csv", keep_default_na=False)
    text = (ARTICLES / "ap-2022-02-01-putin-orban.txt").read_text(encoding="utf-8")
    for _, row in st.iterrows():
        assert text[row["start"]:row["end"]] == row["text"]


def test_score_is_deterministic(scored, tmp_path):
    res = _run("score", ARTICLES, "--out", tmp_path, "--quiet", "--jobs", "2")
    assert res.returncode == 0, res.stderr
    for name in ("statements", "stances", "actor_target", "errors"):
        assert (tmp_path / f"{name}.csv").read_bytes() == (scored / f"{name}.csv").read_bytes()


def test_offline_with_empty_nltk_data_and_home(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("NLTK_DATA", "HOME")}
    (tmp_path / "home").mkdir()
    (tmp_path / "nltk").mkdir()
    env.update(HOME=str(tmp_path / "home"), NLTK_DATA=str(tmp_path / "nltk"))
    res = _run("score", ARTICLES, "--out", tmp_path / "out", "--quiet", env=env)
    assert res.returncode == 0, res.stderr
    assert len(pd.read_csv(tmp_path / "out" / "stances.csv")) > 0


def _bad(args, message, tmp_path):
    res = _run(*args)
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert message in res.stderr, res.stderr
    assert "Traceback" not in res.stderr


def test_missing_input(tmp_path):
    _bad(["score", tmp_path / "nope.txt", "--out", tmp_path / "o"], "no such file", tmp_path)


def test_output_not_writable(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _bad(["score", ARTICLES, "--out", blocker / "sub"], "output directory", tmp_path)


def test_csv_without_text_column(tmp_path):
    f = tmp_path / "corpus.csv"
    f.write_text("doc_id,body\na,hello\n", encoding="utf-8")
    _bad(["score", f, "--out", tmp_path / "o"], "corpus.csv", tmp_path)


def test_malformed_actor_registry(tmp_path):
    f = tmp_path / "actors.yaml"
    f.write_text("actors:\n  - name: [unclosed\n", encoding="utf-8")
    _bad(["score", ARTICLES, "--out", tmp_path / "o", "--actors", f], "actors.yaml", tmp_path)


def test_unknown_actor_field(tmp_path):
    f = tmp_path / "actors.yaml"
    f.write_text("actors:\n  - name: Tomas Varga\n    type: person\n    affiliation: Valdoria\n"
                 "    titel: [Minister]\n", encoding="utf-8")
    _bad(["score", ARTICLES, "--out", tmp_path / "o", "--actors", f], "titel", tmp_path)


def test_unknown_target_field(tmp_path):
    f = tmp_path / "targets.yaml"
    f.write_text("targets:\n  - name: NATO\n    alias: [NATO]\n", encoding="utf-8")
    _bad(["score", ARTICLES, "--out", tmp_path / "o", "--targets", f], "alias", tmp_path)


def test_model_file_that_is_not_a_model(tmp_path):
    f = tmp_path / "model.json"
    f.write_text('{"hello": 1}', encoding="utf-8")
    _bad(["score", ARTICLES, "--out", tmp_path / "o", "--method", "model", "--model", f],
         "model", tmp_path)


def test_model_method_with_a_missing_model_file(tmp_path):
    _bad(["score", ARTICLES, "--out", tmp_path / "o", "--method", "model", "--model",
          tmp_path / "none.json"], "model file not found", tmp_path)


def test_model_method_refuses_a_head_for_another_encoder(tmp_path):
    import json
    import shutil
    from stance.paths import bundled_model
    head = tmp_path / "head.json"
    shutil.copy(bundled_model(), head)
    shutil.copy(Path(bundled_model()).with_suffix(".npz"), head.with_suffix(".npz"))
    meta = json.loads(head.read_text())
    meta["encoder"]["weights_sha256"] = "f" * 64
    head.write_text(json.dumps(meta))
    _bad(["score", ARTICLES, "--out", tmp_path / "o", "--method", "model", "--model", head],
         "trained on the encoder", tmp_path)


def test_evaluate_prints_scores():
    res = _run("evaluate", "--gold", ROOT / "data" / "annotations" / "seed.csv", ARTICLES)
    assert res.returncode == 0, res.stderr
    assert "speaker_accuracy" in res.stdout and "macro_f1" in res.stdout


def test_evaluate_reads_gz_corpus_with_split_and_writes_errors(tmp_path):
    import gzip
    import json
    corpus = tmp_path / "press.jsonl.gz"
    text = "Ana Roth said that Norland would never join NATO."
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"doc_id": "p1", "date": "2031-01-02", "text": text}) + "\n")
        fh.write(json.dumps({"doc_id": "p2", "text": "Karel Vos praised the harbour."}) + "\n")
    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id,anchor,speaker,kind,NATO,split\n"
                    "p1,Norland would never join NATO,Ana Roth,reported,against,dev\n"
                    "p2,the harbour,Karel Vos,reported,,test\n", encoding="utf-8")
    errors = tmp_path / "errors.csv"
    res = _run("evaluate", "--gold", gold, "--split", "dev", "--errors", errors, corpus)
    assert res.returncode == 0, res.stderr
    assert "sign agreement" in res.stdout and "macro_f1_clear" in res.stdout
    assert errors.is_file()
    assert errors.read_text(encoding="utf-8").startswith("error,doc_id,anchor,target,gold,")
    res = _run("evaluate", "--gold", gold, "--split", "train", corpus)
    assert res.returncode == 2 and "no gold rows of split 'train'" in res.stderr


@pytest.mark.parametrize("command", [None, "score", "figures", "evaluate"])
def test_every_option_and_argument_has_help(command):
    res = _run(*([command] if command else []), "--help")
    assert res.returncode == 0, res.stderr
    from stance.run.cli import _parser
    parser = _parser()
    if command:
        parser = next(a for a in parser._actions if a.dest == "command").choices[command]
    for action in parser._actions:
        if action.dest in ("help", "command"):
            continue
        assert action.help, f"{command or 'stance'}: {action.option_strings or action.dest} has no help"
        name = action.option_strings[0] if action.option_strings else action.metavar
        assert name in res.stdout


def test_an_internal_error_exits_1_with_a_report_line(monkeypatch, capsys):
    import stance.run.cli as cli

    def broken(args):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(cli, "_evaluate", broken)
    assert cli.main(["evaluate", "--gold", "g.csv", "x"]) == 1
    err = capsys.readouterr().err
    assert "internal error, please report it" in err and "--debug" in err
    assert "Traceback" not in err
    assert cli.main(["--debug", "evaluate", "--gold", "g.csv", "x"]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_figures_by_source_without_a_break_date_uses_the_median_date(tmp_path):
    results = tmp_path / "r"
    results.mkdir()
    rows = ["doc_id,statement_id,speaker,target,target_mention,score,label,sentiment,method,"
            "evidence,date,source"]
    for i in range(12):
        src = "Gazette" if i % 2 else "Herald"
        rows.append(f"d{i},d{i}:1,Ana Roth,NATO,NATO,{0.1 * (i % 5) - 0.2:.1f},neutral,0.1,"
                    f"lexicon,cue,2031-0{1 + i // 3}-1{i % 3},{src}")
    (results / "stances.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "f"
    res = _run("figures", "--results", results, "--out", out, "--freq", "M", "--by", "source",
               "--formats", "png")
    assert res.returncode == 0, res.stderr
    assert "median statement date" in res.stderr
    names = {p.name for p in out.iterdir()}
    assert {"stance_by_source_over_time.png", "stance_before_after.png",
            "actor_target_heatmap_gazette.png", "actor_target_heatmap_herald.png"} <= names


def test_an_unusable_input_leaves_no_output_folder_and_no_bar(tmp_path):
    table = tmp_path / "no_text.csv"
    table.write_text("doc_id,body\n1,Ana Roth said so.\n", encoding="utf-8")
    out = tmp_path / "out"
    res = _run("score", table, "--out", out)
    assert res.returncode == 2 and "no 'text' column" in res.stderr
    assert not out.exists()
    assert "doc/s" not in res.stderr and "it/s" not in res.stderr


def test_progress_bar_counts_documents_and_statements(tmp_path):
    res = _run("score", ARTICLES, "--out", tmp_path / "o")
    assert res.returncode == 0, res.stderr
    assert "statements/s" in res.stderr and "doc" in res.stderr
