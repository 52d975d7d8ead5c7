"""Where things live (stance.paths): the package resources and a source checkout's folders."""
from datetime import date
from pathlib import Path

import pytest

import stance
from stance import paths
from stance.run.document import METHODS

CHECKOUT = Path(stance.__file__).resolve().parents[1]


def test_resource_text_reads_a_packaged_file():
    text = paths.resource_text("actors.yaml")
    assert text.strip()
    assert text == (paths.RESOURCES / "actors.yaml").read_text(encoding="utf-8")


def test_a_missing_resource_raises():
    with pytest.raises(FileNotFoundError):
        paths.resource_text("no-such-resource.txt")


def test_a_source_checkout_finds_its_folders():
    if paths.REPO_ROOT is None:
        pytest.skip("stance is installed outside a source checkout")
    assert paths.REPO_ROOT == CHECKOUT and (CHECKOUT / "pyproject.toml").is_file()
    assert paths.DATA_DIR == CHECKOUT / "data"
    for folder in (paths.ARTICLES_DIR, paths.ANNOTATIONS_DIR, paths.PRESS_DIR):
        assert folder.is_dir() and paths.DATA_DIR in folder.parents
    assert paths.RESULTS_DIR.parent == paths.FIGURES_DIR.parent == CHECKOUT


def test_break_date_is_an_iso_date():
    assert date.fromisoformat(paths.PRESS_BREAK_DATE).isoformat() == paths.PRESS_BREAK_DATE


def test_default_method_is_a_method():
    assert paths.DEFAULT_METHOD in METHODS


def test_bundled_model_is_a_packaged_json_file_or_none():
    model = paths.bundled_model()
    if model is not None:
        assert Path(model).is_file() and model.endswith(".json")
        assert Path(model).parent.name == "models"
