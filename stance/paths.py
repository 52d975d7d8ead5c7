"""Where things live: the one paths module of the project."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: Package resources (lexicons, registries, splitter parameters), read from the installed package.
RESOURCES = files("stance") / "resources"

#: Repository root when running from a source checkout (``None`` when installed elsewhere).
_REPO = Path(__file__).resolve().parent.parent
REPO_ROOT: Path | None = _REPO if (_REPO / "pyproject.toml").is_file() else None

#: Bundled data, results and figures of a source checkout.
DATA_DIR = (REPO_ROOT or Path.cwd()) / "data"
ARTICLES_DIR = DATA_DIR / "articles"
ANNOTATIONS_DIR = DATA_DIR / "annotations"
#: The bundled real corpus: Kremlin and Ukrainian presidential press items, Oct 2021 – Jun 2022.
PRESS_DIR = DATA_DIR / "corpora" / "presidential-press"
#: The date the press corpus is compared before and after: Russia's full-scale invasion.
PRESS_BREAK_DATE = "2022-02-24"
RESULTS_DIR = (REPO_ROOT or Path.cwd()) / "results"
FIGURES_DIR = (REPO_ROOT or Path.cwd()) / "figures"


def resource_text(name: str) -> str:
    """Return the text of a packaged resource file, e.g. ``"actors.yaml"``."""
    return (RESOURCES / name).read_text(encoding="utf-8")


#: The default stance method of ``stance score`` / ``evaluate`` and of ``score_documents``:
#: the ensemble of the lexicon and the shipped encoder model had the best stance macro-F1 on
#: the real-text dev split (0.720, against model 0.681 and lexicon 0.477;
#: benchmarks/results/train_model.csv). ``lexicon`` stays the fast, model-free option.
DEFAULT_METHOD = "ensemble"


def bundled_model() -> str | None:
    """The stance model shipped with the package (``resources/models/realtext.json``, an
    encoder head trained by ``benchmarks/train_model.py`` on real statements and NewsMTSC
    train), or None when it is absent."""
    path = RESOURCES / "models" / "realtext.json"
    return str(path) if path.is_file() else None
