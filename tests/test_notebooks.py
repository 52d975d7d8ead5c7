"""The notebooks: committed clean, laid out as STYLE.md says, and runnable top to bottom."""
from __future__ import annotations

import ast
import csv
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("0*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]
#: Per-cell limit for execution (the whole notebook should take well under a minute).
CELL_TIMEOUT = 120


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _python(source: str) -> str:
    """A code cell without IPython magics and shell escapes, which are not Python syntax."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in source.splitlines())


def _outputs_text(nb) -> str:
    """Everything an executed notebook shows as text: streams, text/plain, text/html."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            data = out.get("data", {})
            for mime in ("text/plain", "text/html"):
                value = data.get(mime, "")
                parts.append("".join(value) if isinstance(value, list) else value)
    return "\n".join(parts)


def test_there_are_eight_numbered_notebooks():
    assert [p.name[:3] for p in NOTEBOOKS] == [f"0{i}_" for i in range(1, 9)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_without_outputs(path):
    nb = _load(path)
    assert nb["nbformat"] == 4
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for i, cell in enumerate(_code_cells(nb)):
        assert cell.get("outputs") == [], f"{path.name}: code cell {i} has outputs; strip them"
        assert cell.get("execution_count") is None, f"{path.name}: code cell {i} has a count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_opens_with_markdown_then_tagged_parameters(path):
    cells = _load(path)["cells"]
    assert cells[0]["cell_type"] == "markdown"
    assert _source(cells[0]).lstrip().startswith("# "), "the first cell needs a title"
    assert cells[1]["cell_type"] == "code"
    assert "parameters" in cells[1].get("metadata", {}).get("tags", [])
    # The parameters cell holds plain assignments only (papermill overrides them).
    tree = ast.parse(_source(cells[1]))
    assert tree.body and all(isinstance(node, ast.Assign) for node in tree.body)
    # Paths in the parameters are relative to the notebooks folder.
    for node in tree.body:
        value = node.value
        if isinstance(value, ast.Constant) and isinstance(value.value, str) \
                and "/" in value.value:
            assert not value.value.startswith("/"), f"{path.name}: absolute path {value.value}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_code_cells_define_no_functions_or_classes(path):
    for i, cell in enumerate(_code_cells(_load(path))):
        source = _source(cell)
        for line in source.splitlines():
            stripped = line.lstrip()
            assert not stripped.startswith(("def ", "class ", "async def ")), \
                f"{path.name}: code cell {i} defines {stripped!r}; put it in the package"
        tree = ast.parse(_python(source))
        defined = [n for n in ast.walk(tree)
                   if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                     ast.Lambda))]
        assert not defined, f"{path.name}: code cell {i} defines a function, lambda or class"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_markdown_tells_the_story(path):
    """Code cells are short and never follow each other for long without prose."""
    cells = _load(path)["cells"]
    run = 0
    for cell in cells[2:]:
        run = run + 1 if cell["cell_type"] == "code" else 0
        assert run <= 3, f"{path.name}: more than three code cells without a word between"
    for cell in _code_cells({"cells": cells}):
        assert len(_source(cell).splitlines()) <= 20, f"{path.name}: a long code cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executes_top_to_bottom(path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute()
    errors = [out for cell in nb.cells for out in cell.get("outputs", [])
              if out.get("output_type") == "error"]
    assert not errors
    stderr = "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", [])
                     if out.get("output_type") == "stream" and out.get("name") == "stderr")
    assert "Traceback" not in stderr and "Warning" not in stderr, stderr
    images = [out for cell in nb.cells for out in cell.get("outputs", [])
              if "image/png" in out.get("data", {})]
    if path.stem == "04_actor_target_charts":
        assert len(images) >= 7  # every chart of stance.report.plots
    if path.stem == "08_sentiment_versus_stance":
        # Tone and stance before/after, over time, the presidents: charts of both offices.
        assert len(images) >= 3
        shown = _outputs_text(nb)
        assert "President of Russia" in shown and "Office of the President of Ukraine" in shown


FICTIONAL_CORPUS = [
    {"doc_id": "freedonia-1", "date": "2031-03-03", "source": "Example Wire",
     "title": "Freedonia backs the alliance",
     "text": "Freedonian Foreign Minister Elena Varga said on Monday that NATO had been a "
             "reliable partner. She warned that Russia must withdraw its troops from "
             "Ukraine's borders."},
    {"doc_id": "sylvania-2", "date": "2031-03-12", "source": "Example Wire",
     "title": "Sylvania urges talks",
     "text": "Sylvanian Defence Minister Tomas Brel told reporters that the alliance should "
             "stop provoking Moscow. Brel also insisted that Kyiv must return to "
             "negotiations."},
]

FICTIONAL_ACTORS = """\
actors:
  - name: Elena Varga
    type: person
    affiliation: Freedonia
    gender: f
    titles: [Freedonian Foreign Minister]
    source: invented for this test
  - name: Tomas Brel
    type: person
    affiliation: Sylvania
    gender: m
    aliases: [Brel]
    titles: [Sylvanian Defence Minister]
    source: invented for this test
"""


def test_your_own_corpus_runs_on_another_corpus(tmp_path):
    papermill = pytest.importorskip("papermill")
    nbformat = pytest.importorskip("nbformat")
    corpus = tmp_path / "fiction.csv"
    with open(corpus, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(FICTIONAL_CORPUS[0]))
        writer.writeheader()
        writer.writerows(FICTIONAL_CORPUS)
    actors = tmp_path / "actors.yaml"
    actors.write_text(FICTIONAL_ACTORS, encoding="utf-8")
    out_dir = tmp_path / "results"
    executed = tmp_path / "07_executed.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK_DIR / "07_your_own_corpus.ipynb"), str(executed),
        parameters={"CORPUS": str(corpus), "ACTORS": str(actors), "OUT": str(out_dir),
                    "SPEAKER": "Tomas Brel"},
        cwd=str(NOTEBOOK_DIR), kernel_name="python3", progress_bar=False,
        execution_timeout=CELL_TIMEOUT)
    nb = nbformat.read(executed, as_version=4)
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    shown = _outputs_text(nb)
    for expected in ("2 documents loaded", "freedonia-1", "sylvania-2", "Elena Varga",
                     "Tomas Brel", "Freedonia"):
        assert expected in shown, f"{expected!r} not in the executed notebook"
    # Nothing of the bundled article: the parameters really switched the corpus.
    assert "Vladimir Putin" not in shown and "ap-2022-02-01" not in shown
    # The tables were saved where OUT pointed.
    assert sorted(p.name for p in out_dir.iterdir()) == \
        ["actor_target.csv", "errors.csv", "stances.csv", "statements.csv"]
    statements = (out_dir / "statements.csv").read_text(encoding="utf-8")
    assert "Elena Varga" in statements and "Tomas Brel" in statements
