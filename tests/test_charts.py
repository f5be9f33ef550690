"""Charts: each returns an Axes that draws something; save_figure writes PNG, SVG and CSV."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from test_compare import random_table  # noqa: E402

from analysis.charts import (  # noqa: E402
    article_strip,
    balance_forest,
    draw_compare_charts,
    frame_scatter,
    frame_source_heatmap,
    palette,
    percentile_chart,
    save_figure,
    shorten,
    source_mix_bars,
)
from analysis.compare import compare  # noqa: E402
from analysis.schema import FRAME_LABELS, SOURCE_TYPES  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def tables():
    rng = np.random.default_rng(5)
    ref = pd.concat(
        [random_table(f"r{i:03d}", 20, rng.random() * 0.5, rng.random() * 0.6, rng, outlet=f"Outlet {i % 15}") for i in range(118)],
        ignore_index=True,
    )
    focus = random_table("focus", 35, 0.6, 0.2, rng, outlet="Focus Wire")
    comp = compare(focus, ref, n_perm=200)
    profiles = pd.concat([comp.focus.assign(focus=True), comp.reference.assign(focus=False)], ignore_index=True)
    return focus, ref, comp, profiles


def test_palette_is_complete_and_distinct():
    pal = palette()
    assert set(FRAME_LABELS) <= set(pal.frames)
    assert set(SOURCE_TYPES) <= set(pal.source_types) and set(SOURCE_TYPES) <= set(pal.source_markers)
    assert len(set(pal.frames.values())) == len(pal.frames)
    assert len(set(pal.source_types.values())) == len(pal.source_types)
    assert len(set(pal.source_markers.values())) == len(pal.source_markers)
    # user frames get extra colours, different from the built-in ones
    extra = pal.frame_color("humanitarian", ["humanitarian"])
    assert extra not in pal.frames.values()


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("short", 10, "short"), ("a b c d e f", 6, "a b c\u2026"),
    # a cell with no value is no label: pd.NA and NaT gave '<NA>' and 'NaT'
    (None, 5, ""), (float("nan"), 5, ""), (pd.NA, 5, ""), (pd.NaT, 5, ""),
])
def test_shorten(text, limit, expected):
    assert shorten(text, limit) == expected


def test_article_strip_one_mark_per_sentence(tables):
    focus, *_ = tables
    ax = article_strip(focus)
    assert isinstance(ax, Axes)
    n_points = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    assert n_points == len(focus)
    assert ax.get_legend() is not None and len(ax.artists) + len(ax.texts) >= 0
    assert len(ax.plotted) == len(focus)


def test_article_strip_several_articles_one_lane_each(tables):
    _, ref, *_ = tables
    sub = ref[ref["article_id"].isin(["r000", "r001", "r002"])]
    ax = article_strip(sub)
    assert len(ax.get_yticks()) == 3


def test_balance_forest_all_articles_focus_highlighted(tables):
    *_, profiles = tables
    ax = balance_forest(profiles)
    assert len(ax.get_yticklabels()) == len(profiles) == 119
    bold = [t for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert len(bold) == 1
    assert list(ax.plotted["balance"]) == sorted(ax.plotted["balance"])
    assert ax.plotted["focus"].sum() == 1


def test_source_mix_bars_stacks_to_one(tables):
    *_, comp, _ = tables
    ax = source_mix_bars(comp.by_outlet, label="outlet")
    assert len(ax.patches) == len(comp.by_outlet) * len(SOURCE_TYPES)
    widths = np.zeros(len(comp.by_outlet))
    for i, p in enumerate(ax.patches):
        widths[i % len(comp.by_outlet)] += p.get_width()
    assert np.allclose(widths, 1.0)
    assert ax.get_yticklabels()[0].get_fontweight() == "bold"  # focus first


def test_frame_source_heatmap_rows_sum_to_one(tables):
    focus, *_ = tables
    ax = frame_source_heatmap(focus)
    assert len(ax.images) == 1
    d = ax.plotted
    assert d["count"].sum() == len(focus)
    sums = d.groupby("frame")["share"].sum()
    assert all(abs(v - 1) < 1e-9 or v == 0 for v in sums)


def test_frame_scatter_points_and_labels(tables):
    *_, profiles = tables
    ax = frame_scatter(profiles)
    d = ax.plotted
    assert (d["kind"] == "article").sum() == 118
    assert (d["kind"] == "outlet mean").sum() == 15
    assert (d["kind"] == "focus").sum() == 1
    assert sum(1 for t in ax.texts if t.get_text().startswith("Outlet")) == 15


def test_percentile_chart(tables):
    *_, comp, _ = tables
    ax = percentile_chart(comp.percentiles)
    assert len(ax.collections) >= 2 and len(ax.plotted) >= 5


def test_save_figure_writes_png_svg_csv(tmp_path, tables):
    *_, profiles = tables
    ax = frame_scatter(profiles)
    paths = save_figure(ax, tmp_path / "scatter")
    assert [p.suffix for p in paths] == [".png", ".svg", ".csv"]
    assert paths[0].read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in paths[1].read_text()[:500]
    assert len(pd.read_csv(paths[2])) == len(ax.plotted)
    assert not list(tmp_path.glob("*.part"))


def test_save_figure_needs_data(tmp_path):
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="plotted data"):
        save_figure(ax, tmp_path / "x")


def test_draw_compare_charts_writes_six(tmp_path, tables):
    focus, ref, comp, profiles = tables
    stems = draw_compare_charts(focus, ref, profiles, comp, tmp_path, description="Reference: a test corpus. More.")
    assert len(stems) >= 5
    for stem in stems:
        for suffix in (".png", ".svg", ".csv"):
            assert stem.with_suffix(suffix).stat().st_size > 0


def test_article_strip_title_is_the_whole_title(tables):
    focus = tables[0]
    ax = article_strip(focus, title="The focus article, sentence by sentence")
    assert ax.get_title(loc="left") == "The focus article, sentence by sentence"
    assert article_strip(focus.assign(title="Talks stall")).get_title(loc="left") == (
        "Sentence by sentence: Talks stall"
    )


def test_frame_scatter_articles_at_one_point_make_a_bigger_dot(tables):
    *_, profiles = tables
    ref = profiles[~profiles["focus"]].head(9).copy()
    ref.loc[ref.index[:5], ["diplomacy_share", "escalation_share"]] = [0.0, 0.5]  # five identical
    ax = frame_scatter(ref, label_outlets=False)
    sizes = sorted(ax.collections[0].get_sizes())
    assert len(sizes) == 5 and sizes[-1] == 5 * sizes[0]
    assert (ax.plotted["kind"] == "article").sum() == 9  # the CSV keeps one row per article


def test_article_tables_read_back_from_csv_label_unknown_metadata_as_unknown(tables, tmp_path):
    # profiles.csv read with pandas has NaN for an unknown outlet: the forest labelled the focus
    # 'Title — nan' and the scatter dropped the outlet mean of the articles without an outlet
    _, _, _, profiles = tables
    p = profiles.head(6).assign(outlet="")
    p.to_csv(tmp_path / "profiles.csv", index=False)
    back = pd.read_csv(tmp_path / "profiles.csv")
    assert back["outlet"].isna().all()
    labels = [t.get_text() for t in balance_forest(back).get_yticklabels()]
    assert not any("nan" in label for label in labels)
    means = frame_scatter(back).plotted.query("kind == 'outlet mean'")
    assert means["outlet"].tolist() == ["(unknown outlet)"] and means["n_articles"].tolist() == [5]
    names = [t.get_text() for t in source_mix_bars(back.assign(title=np.nan)).get_yticklabels()]
    assert all(names) and not any("nan" in n for n in names)  # the article id stands in


def test_a_sentence_without_a_frame_label_is_drawn_not_a_crash(tables):
    # a hand-edited sentence table with a blank label: article_strip and frame_source_heatmap
    # raised AttributeError ('float' object has no attribute 'replace')
    focus = tables[0].head(6).copy()
    focus["frame"] = focus["frame"].astype(object)
    focus.loc[2, "frame"] = None
    focus.loc[4, "frame"] = np.nan
    strip = article_strip(focus)
    assert (strip.plotted["frame"] == "(no label)").sum() == 2
    assert "(no label)" in [t.get_text() for t in strip.get_yticklabels()]
    heat = frame_source_heatmap(focus).plotted
    assert heat.loc[heat["frame"] == "(no label)", "count"].sum() == 2


def test_heatmap_refuses_a_normalisation_it_does_not_draw(tables):
    # normalize="column" (or a typo) silently drew shares of all sentences
    assert frame_source_heatmap(tables[0], normalize="all").plotted["normalized_by"].iloc[0] == "all"
    with pytest.raises(ValueError, match="'row' or 'all'"):
        frame_source_heatmap(tables[0], normalize="column")


def test_percentile_chart_names_a_metric_it_does_not_know(tables):
    # metrics=["balance", "diplomacy_shares"] drew balance alone, the typo dropped silently
    _, _, comp, _ = tables
    assert len(percentile_chart(comp.percentiles, metrics=["balance", "diplomacy_share"]).plotted) == 2
    with pytest.raises(ValueError, match="'diplomacy_shares'"):
        percentile_chart(comp.percentiles, metrics=["balance", "diplomacy_shares"])
