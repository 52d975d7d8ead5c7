"""A messy corpus: bad documents are skipped and named, the good ones lose nothing."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "ap-2022-02-01-putin-orban.txt"
SEED_ID = SEED.stem

STORY = ("“We will not back down,” said Defence Minister Tomas Varga. He warned that "
         "Russia's aggression against Ukraine would be punished.")


def _messy_folder(root: Path) -> dict[str, str]:
    """Write every kind of awkward input beside the seed; return name -> expectation."""
    d = root / "messy"
    d.mkdir()
    shutil.copy(SEED, d / SEED.name)
    expect = {}

    def put(name, data: bytes, how):
        (d / name).write_bytes(data)
        expect[name] = how

    # Inputs that must work.
    put("bom_utf8.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8"), "ok")
    put("bom_utf16.txt", STORY.encode("utf-16"), "ok")
    put("cp1252.txt", STORY.replace("“", "\x93").replace("”", "\x94").encode("latin-1", "replace")
        .replace(b"?", b"\x93"), "warning")
    put("windows_newlines.txt", (STORY + "\r\n\r\n" + STORY).encode("utf-8"), "ok")
    put("old_mac_newlines.txt", (STORY + "\r\r" + STORY).encode("utf-8"), "ok")
    put("page.html", ("<html><head><style>p{}</style><script>var x='said';</script></head>"
                      f"<body><p>{STORY}</p></body></html>").encode("utf-8"), "ok")
    put("long_line.txt", (("word " * 200000) + STORY).encode("utf-8"), "ok")
    put("big.txt", ("\n\n".join([STORY] * 6000)).encode("utf-8"), "ok")  # about 1 MB
    put("no_statements.txt", b"The weather was mild in Riga on Tuesday.", "ok")
    put("odd_quotes.txt", "He said “this never ends. ” And « more ” here \" odd.".encode(), "ok")
    put("invisible.txt", ("\u200b\u00a0\u200f" + STORY + " 😀\u202e").encode("utf-8"), "ok")
    # Inputs that are refused, per document.
    put("binary.txt", bytes(range(256)) * 40, "refused")
    put("empty.txt", b"", "refused")
    put("lines.jsonl", (json.dumps({"doc_id": "j1", "text": STORY}) + "\n{broken json\n"
                        + json.dumps({"doc_id": "j2", "text": STORY}) + "\n").encode(), "line")
    put("rows.csv", ("doc_id,text\nc1,\"" + STORY.replace('"', '""') + "\"\nc2,\n").encode(),
        "row")
    return expect


def _score(inputs, out):
    res = subprocess.run([sys.executable, "-m", "stance", "score", *map(str, inputs), "--out",
                          str(out), "--quiet", "--jobs", "1"], capture_output=True, text=True,
                         timeout=600)
    return res


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("robust")
    expect = _messy_folder(root)
    mixed = _score([root / "messy"], root / "mixed")
    alone = _score([SEED], root / "alone")
    return root, expect, mixed, alone


def test_exit_zero_and_no_traceback(runs):
    _, _, mixed, _ = runs
    assert mixed.returncode == 0, mixed.stderr
    assert "Traceback" not in mixed.stderr


def test_seed_tables_identical_to_a_run_alone(runs):
    root, _, _, alone = runs
    assert alone.returncode == 0
    for name in ("statements", "stances"):
        a = pd.read_csv(root / "alone" / f"{name}.csv", dtype=str, keep_default_na=False)
        m = pd.read_csv(root / "mixed" / f"{name}.csv", dtype=str, keep_default_na=False)
        m = m[m["doc_id"] == SEED_ID].reset_index(drop=True)
        pd.testing.assert_frame_equal(a, m[a.columns])


def test_every_bad_input_is_named(runs):
    root, expect, _, _ = runs
    errors = pd.read_csv(root / "mixed" / "errors.csv", dtype=str, keep_default_na=False)
    named = " ".join(errors["input"] + " " + errors["doc_id"] + " " + errors["reason"])
    for name, how in expect.items():
        if how in ("refused", "warning", "line", "row"):
            assert name in named, f"{name} not in errors.csv:\n{errors}"
    assert any("line 2" in r for r in errors["reason"]), errors
    warnings = errors[errors["reason"].str.startswith("warning")]
    assert warnings["input"].str.contains("cp1252").any()


def test_good_awkward_inputs_are_scored(runs):
    root, expect, _, _ = runs
    st = pd.read_csv(root / "mixed" / "statements.csv", dtype=str, keep_default_na=False)
    docs = set(st["doc_id"])
    for name in ("bom_utf8", "bom_utf16", "cp1252", "windows_newlines", "old_mac_newlines",
                 "page", "long_line", "big", "invisible"):
        assert name in docs, f"{name} produced no statement"
    assert {"j1", "j2", "c1"} <= docs
    # The BOM is not part of the text, so the statement starts at the first quote's content.
    row = st[st["doc_id"] == "bom_utf8"].iloc[0]
    assert row["start"] == "1" and row["text"].startswith("We will not")


def test_interrupted_write_leaves_no_half_table(tmp_path, monkeypatch):
    import pandas as pd
    from stance.io import atomic

    frame = pd.DataFrame({"a": range(3)})
    target = tmp_path / "t.csv"
    target.write_text("old complete table\n")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_csv_atomic(frame, target)
    assert target.read_text() == "old complete table\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]
