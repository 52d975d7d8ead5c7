import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from stance.report import plots  # noqa: E402
from stance.report.aggregate import actor_target  # noqa: E402
from stance.report.figures import (FIGURE_NAMES, figures_from_results, make_figures,  # noqa: E402
                                   save_figure)


@pytest.fixture
def stances():
    rng = np.random.default_rng(1)
    rows = []
    for i in range(24):
        speaker = ["Ada Vale", "Bo Krell", "Cy Marsh", "NA"][i % 4]
        for target in ["NATO", "Ukraine", "Russia"][: 1 + i % 3]:
            score = round(float(rng.uniform(-1, 1)), 2)
            rows.append(dict(doc_id=f"d{i:02d}", statement_id=f"d{i:02d}:1", speaker=speaker,
                             target=target, target_mention=target, score=score,
                             label="favor" if score > 0.2 else "against" if score < -0.2
                             else "neutral",
                             sentiment=round(float(rng.uniform(-1, 1)), 3), method="lexicon",
                             evidence="cue fired", date=f"2024-0{1 + i % 3}-1{i % 9}",
                             source="Gazette"))
    return pd.DataFrame(rows)


def _draw(stances):
    fig, ax = plt.subplots(figsize=(4, 3))
    plots.plot_actor_target_heatmap(actor_target(stances), ax=ax)
    return fig


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_save_figure_is_byte_identical_across_runs(tmp_path, stances, fmt):
    first = save_figure(_draw(stances), tmp_path / "a" / "fig", formats=(fmt,))
    second = save_figure(_draw(stances), tmp_path / "b" / "fig", formats=(fmt,))
    assert first == [tmp_path / "a" / f"fig.{fmt}"]
    assert first[0].read_bytes() == second[0].read_bytes()
    assert len(first[0].read_bytes()) > 1000


def test_save_figure_leaves_no_temporary_files(tmp_path, stances):
    paths = save_figure(_draw(stances), tmp_path / "fig")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fig.pdf", "fig.png", "fig.svg"]
    assert [p.suffix for p in paths] == [".png", ".svg", ".pdf"]


def test_save_figure_rejects_unknown_format(tmp_path, stances):
    with pytest.raises(ValueError, match="unknown format 'jpg'"):
        save_figure(_draw(stances), tmp_path / "fig", formats=("png", "jpg"))
    assert not list(tmp_path.iterdir())


def test_save_figure_does_not_change_global_settings(tmp_path, stances):
    before = matplotlib.rcParams["svg.hashsalt"]
    save_figure(_draw(stances), tmp_path / "fig", formats=("svg",))
    assert matplotlib.rcParams["svg.hashsalt"] == before


def test_make_figures_writes_every_figure(tmp_path, stances):
    open_before = plt.get_fignums()
    paths = make_figures(stances, actor_target(stances), out_dir=tmp_path,
                         formats=("png", "svg"), affiliations={"Ada Vale": "Northland"})
    assert len(paths) == 2 * len(FIGURE_NAMES) and len(FIGURE_NAMES) >= 5
    assert {p.stem for p in paths} == set(FIGURE_NAMES)
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert plt.get_fignums() == open_before


def test_make_figures_without_dates_or_rows(tmp_path, stances):
    undated = stances.assign(date="")
    assert len(make_figures(undated, None, out_dir=tmp_path / "a", formats=("png",))) == 7
    empty = stances.iloc[:0]
    assert len(make_figures(empty, None, out_dir=tmp_path / "b", formats=("png",))) == 7


def test_figures_from_results(tmp_path, stances):
    results = tmp_path / "results"
    results.mkdir()
    stances.to_csv(results / "stances.csv", index=False)
    actor_target(stances).to_csv(results / "actor_target.csv", index=False)
    paths = figures_from_results(results, out_dir=tmp_path / "figs", formats=("png",))
    assert sorted(p.name for p in paths) == sorted(f"{n}.png" for n in FIGURE_NAMES)
    # Without actor_target.csv the table is recomputed from stances.csv.
    (results / "actor_target.csv").unlink()
    again = figures_from_results(results, out_dir=tmp_path / "figs2", formats=("svg",))
    assert len(again) == len(FIGURE_NAMES)


def test_figures_from_results_explains_missing_table(tmp_path):
    with pytest.raises(FileNotFoundError, match="stances.csv"):
        figures_from_results(tmp_path, out_dir=tmp_path / "figs")


def test_corpus_figures_for_two_sources_and_a_break_date(tmp_path, stances):
    from stance.report.figures import CORPUS_FIGURE_NAMES
    two = stances.assign(source=["Gazette" if i % 2 else "Herald" for i in range(len(stances))])
    paths = make_figures(two, None, out_dir=tmp_path, formats=("png",), freq="M",
                         break_date="2024-02-01")
    per_source = {"actor_target_heatmap_gazette", "actor_target_heatmap_herald"}
    assert {p.stem for p in paths} == set(FIGURE_NAMES) | set(CORPUS_FIGURE_NAMES) | per_source
    without = make_figures(two, None, out_dir=tmp_path / "b", formats=("png",))
    assert {p.stem for p in without} == (set(FIGURE_NAMES) | {"stance_by_source_over_time"}
                                         | per_source)


def test_corpus_figures_by_another_column(tmp_path, stances):
    outlets = stances.assign(outlet=["Wire" if i % 2 else "Daily" for i in range(len(stances))])
    paths = make_figures(outlets, None, out_dir=tmp_path, formats=("png",), freq="Q",
                         break_date="2024-02-01", by="outlet")
    stems = {p.stem for p in paths}
    assert {"stance_by_outlet_over_time", "stance_before_after",
            "actor_target_heatmap_wire", "actor_target_heatmap_daily"} <= stems


def test_per_speaker_figures_keep_the_most_quoted_speakers(tmp_path, stances, monkeypatch):
    drawn = []
    original = plots.plot_actor_target_heatmap

    def spy(table, **kwargs):
        drawn.append(set(table["speaker"]))
        return original(table, **kwargs)

    monkeypatch.setattr(plots, "plot_actor_target_heatmap", spy)
    make_figures(stances, None, out_dir=tmp_path, formats=("png",), max_speakers=2)
    counts = actor_target(stances).groupby("speaker")["n"].sum().sort_values(ascending=False)
    assert drawn == [set(counts.index[:2])]
