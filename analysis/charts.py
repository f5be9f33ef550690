"""Charts of the sentence and article tables: tidy DataFrame in, Axes out.

Every function takes a DataFrame (the sentence table, the article table or
a table derived from them) and an optional ``ax``; it draws on ``ax`` (a
new figure when None) and returns the Axes. Colours come from ONE palette
for frames and ONE for source types (``analysis/lexicons/palette.toml``,
colour-blind-safe). ``save_figure`` writes PNG and SVG with the CSV of the
plotted data beside them.

    >>> ax = frame_scatter(profiles)                       # doctest: +SKIP
    >>> save_figure(ax, "out/frame_scatter", ax.plotted)   # doctest: +SKIP
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .schema import FRAME_LABELS, SOURCE_TYPES
from .textio import is_missing, text_or_empty

#: Characters kept of a title on an axis label.
LABEL_CHARS = 60


# ------------------------------------------------------------------ palettes


@dataclass(frozen=True)
class Palette:
    """Colours, display names and markers, read once from ``palette.toml``."""

    frames: dict[str, str]
    frames_extra: tuple[str, ...]
    frame_labels: dict[str, str]
    source_types: dict[str, str]
    source_labels: dict[str, str]
    source_markers: dict[str, str]
    focus: str
    reference: str

    def frame_color(self, frame: str, extra_frames: Sequence[str] = ()) -> str:
        """The colour of a frame label; user frames take the extra colours in order."""
        if frame in self.frames:
            return self.frames[frame]
        extras = [f for f in extra_frames if f not in self.frames]
        if frame in extras:
            return self.frames_extra[extras.index(frame) % len(self.frames_extra)]
        return self.frames["neutral"]

    def frame_label(self, frame: str) -> str:
        return self.frame_labels.get(frame, frame.replace("_", " "))

    def source_color(self, source_type: str) -> str:
        return self.source_types.get(source_type, self.source_types["other"])

    def source_label(self, source_type: str) -> str:
        return self.source_labels.get(source_type, source_type.replace("_", " "))

    def source_marker(self, source_type: str) -> str:
        return self.source_markers.get(source_type, "o")


@lru_cache(maxsize=1)
def palette() -> Palette:
    """The palette of every chart (``analysis/lexicons/palette.toml``)."""
    raw = tomllib.loads(resources.files("analysis.lexicons").joinpath("palette.toml").read_text("utf-8"))
    return Palette(
        frames=dict(raw["frames"]),
        frames_extra=tuple(raw["frames_extra"]["colors"]),
        frame_labels=dict(raw["frame_labels"]),
        source_types=dict(raw["source_types"]),
        source_labels=dict(raw["source_labels"]),
        source_markers=dict(raw["source_markers"]),
        focus=raw["highlight"]["focus"],
        reference=raw["highlight"]["reference"],
    )


# ------------------------------------------------------------------ helpers


def shorten(text: Any, limit: int = LABEL_CHARS) -> str:
    """``text`` cut at a word boundary to ``limit`` characters, with an ellipsis.

    >>> shorten("Israeli tanks entered Gaza overnight after a day of talks", 30)
    'Israeli tanks entered Gaza…'
    """
    s = " ".join(text_or_empty(text).split())
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    if s[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:-") + "\u2026"


def _new_axes(figsize: tuple[float, float]) -> Axes:
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _attach(ax: Axes, data: pd.DataFrame) -> Axes:
    ax.plotted = data  # type: ignore[attr-defined]  # the tidy data behind the chart, for save_figure
    return ax


def _article_label(row: pd.Series, limit: int = LABEL_CHARS) -> str:
    title = row.get("title") or row.get("article_id") or ""
    outlet = row.get("outlet") or ""
    label = shorten(title, limit)
    return f"{label} \u2014 {outlet_name(outlet, 28)}" if outlet else label


def _known_meta(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose title/outlet cells are '' when unknown: a table read back from CSV has NaN
    there (labels said 'nan', and articles of no outlet lost their outlet mean)."""
    out = df.copy()
    for c in ("title", "outlet"):
        if c in out.columns:
            out[c] = out[c].map(text_or_empty)
    return out


#: The label shown for a sentence whose frame label is missing (a hand-edited table).
NO_LABEL = "(no label)"


def _frame_labels(frame: pd.Series) -> pd.Series:
    """Frame labels as strings; a missing one (NaN, None) is :data:`NO_LABEL`, drawn in its own
    lane or row, not a crash on NaN (pandas keeps NaN through ``astype(str)`` in a str column)."""
    return frame.map(lambda v: NO_LABEL if is_missing(v) else str(v))


def _focus_mask(df: pd.DataFrame, focus_id: str | None) -> np.ndarray:
    if focus_id is not None:
        return (df["article_id"].astype(str) == str(focus_id)).to_numpy()
    if "focus" in df.columns:
        return df["focus"].fillna(False).astype(bool).to_numpy()
    return np.zeros(len(df), bool)


# ------------------------------------------------------------------ charts


def article_strip(
    sentences: pd.DataFrame,
    ax: Axes | None = None,
    *,
    title: str | None = None,
    extra_frames: Sequence[str] = (),
) -> Axes:
    """One mark per sentence along the article: colour = frame label, shape = source type.

    One article: one lane per frame label (diplomacy on top), x = sentence
    number. Several articles: one lane per article. Expects ``sentence``,
    ``frame``, ``source_type`` (and ``article_id``, ``title`` for lanes).
    """
    pal = palette()
    df = _known_meta(sentences.reset_index(drop=True))
    ids = df["article_id"].astype(str) if "article_id" in df.columns else pd.Series([""] * len(df))
    articles = list(dict.fromkeys(ids))
    by_frame = len(articles) <= 1
    frame = _frame_labels(df["frame"])
    frames_present = list(dict.fromkeys(frame))
    lanes = [f for f in (*FRAME_LABELS, *extra_frames) if f in frames_present or f in FRAME_LABELS]
    lanes += [f for f in frames_present if f not in lanes]
    if ax is None:
        n_lanes = len(lanes) if by_frame else len(articles)
        ax = _new_axes((max(8.0, min(16.0, 0.18 * len(df) + 4)), 1.2 + 0.45 * n_lanes))
    if by_frame:
        y = frame.map({f: len(lanes) - 1 - i for i, f in enumerate(lanes)})
    else:
        y = ids.map({a: len(articles) - 1 - i for i, a in enumerate(articles)})
    x = (df["sentence"] if "sentence" in df.columns else pd.Series(range(len(df)))).astype(int) + 1
    stypes = df["source_type"].fillna("unattributed").astype(str)
    colors = frame.map(lambda f: pal.frame_color(f, extra_frames))
    for st in dict.fromkeys(stypes):
        m = (stypes == st).to_numpy()
        ax.scatter(x[m], y[m], c=list(colors[m]), marker=pal.source_marker(st), s=70,
                   edgecolors="#333333", linewidths=0.6, zorder=3)
    if by_frame:
        ax.set_yticks(range(len(lanes)), [pal.frame_label(f) for f in reversed(lanes)])
        ax.set_ylabel("frame of the sentence")
    else:
        titles = {}
        if "title" in df.columns:
            titles = df.assign(_id=ids).groupby("_id", sort=False)["title"].first().to_dict()
        ax.set_yticks(range(len(articles)), [shorten(titles.get(a) or a, 40) for a in reversed(articles)])
    ax.set_ylim(-0.7, (len(lanes) if by_frame else len(articles)) - 0.3)
    ax.set_xlim(0, max(int(x.max()) if len(x) else 1, 1) + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("sentence number (position in the article; 1 = headline). Each mark is one sentence.")
    ax.grid(axis="x", color="#EEEEEE", zorder=0)
    ax.set_axisbelow(True)
    frame_handles = [Patch(facecolor=pal.frame_color(f, extra_frames), edgecolor="#333333", label=pal.frame_label(f))
                     for f in lanes if f in frames_present]
    src_handles = [Line2D([], [], marker=pal.source_marker(s), linestyle="", markerfacecolor="white",
                          markeredgecolor="#333333", markersize=8, label=pal.source_label(s))
                   for s in SOURCE_TYPES if s in set(stypes)]
    leg1 = ax.legend(handles=frame_handles, title="colour: frame", loc="upper left",
                     bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8, title_fontsize=9)
    ax.add_artist(leg1)
    ax.legend(handles=src_handles, title="shape: who is speaking", loc="lower left",
              bbox_to_anchor=(1.01, 0.0), frameon=False, fontsize=8, title_fontsize=9)
    if title is None:  # like every chart: ``title`` is the whole title, else one is made
        name = shorten(df["title"].iloc[0], 70) if "title" in df.columns and len(df) and by_frame else ""
        title = f"Sentence by sentence: {name}" if name else "Sentence by sentence: frame and source"
    ax.set_title(title, loc="left", fontsize=11)
    data = pd.DataFrame({
        "article_id": ids, "sentence": x - 1, "frame": frame, "source_type": stypes,
        "x": x, "y": y, "color": colors, "marker": stypes.map(pal.source_marker),
        "text": df["text"] if "text" in df.columns else "",
    })
    return _attach(ax, data)


def balance_forest(
    profiles: pd.DataFrame,
    ax: Axes | None = None,
    *,
    focus_id: str | None = None,
    title: str | None = None,
) -> Axes:
    """Balance (diplomacy share minus escalation share) with its 95% interval, one row per article,
    sorted; the focus article in black and bold, the reference median as a dashed line."""
    pal = palette()
    df = _known_meta(profiles.reset_index(drop=True))
    df["_focus"] = _focus_mask(df, focus_id)
    df = df.sort_values(["balance", "article_id"], ascending=[True, True]).reset_index(drop=True)
    n = len(df)
    if ax is None:
        ax = _new_axes((10.0, max(3.0, 0.16 * n + 1.5)))
    y = np.arange(n)
    ref = ~df["_focus"].to_numpy()
    lo = (df["balance"] - df["balance_low"]).clip(lower=0).to_numpy()
    hi = (df["balance_high"] - df["balance"]).clip(lower=0).to_numpy()
    ax.errorbar(df["balance"][ref], y[ref], xerr=[lo[ref], hi[ref]], fmt="o", color=pal.reference,
                ecolor="#BBBBBB", markersize=3.5, elinewidth=1, capsize=0, label="reference article")
    if (~ref).any():
        ax.errorbar(df["balance"][~ref], y[~ref], xerr=[lo[~ref], hi[~ref]], fmt="D", color=pal.focus,
                    ecolor=pal.focus, markersize=6, elinewidth=2, capsize=3, label="focus article", zorder=4)
        for yy in y[~ref]:
            ax.axhspan(yy - 0.5, yy + 0.5, color="#FFE9A8", zorder=0)
    if ref.any():
        med = float(df["balance"][ref].median())
        ax.axvline(med, color=pal.reference, linestyle="--", linewidth=1, label=f"reference median ({med:+.2f})")
    ax.axvline(0, color="#333333", linewidth=0.8)
    one_outlet = "outlet" in df.columns and df.loc[ref, "outlet"].nunique() <= 1
    labels = [_article_label(r, 50) if (f or not one_outlet) else shorten(r.get("title") or r["article_id"], 70)
              for (_, r), f in zip(df.iterrows(), df["_focus"], strict=True)]
    ax.set_yticks(y, labels, fontsize=6 if n > 60 else 8)
    for tick, f in zip(ax.get_yticklabels(), df["_focus"], strict=True):
        if f:
            tick.set_fontweight("bold")
            tick.set_fontsize(9)
    ax.set_ylim(-0.8, n - 0.2)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("\u2190 more escalation      balance = diplomacy share \u2212 escalation share      more diplomacy \u2192")
    ax.grid(axis="x", color="#EEEEEE")
    ax.set_axisbelow(True)
    ax.legend(loc="lower right", fontsize=8, framealpha=0.9)
    where = ""
    if one_outlet and ref.any():
        where = f"; all reference articles from {df.loc[ref, 'outlet'].iloc[0]}"
    ax.set_title(title or f"Diplomacy vs escalation in {n} articles (95% bootstrap intervals{where})",
                 loc="left", fontsize=11)
    data = df[[c for c in ("article_id", "title", "outlet", "balance", "balance_low", "balance_high") if c in df.columns]].copy()
    data["focus"] = df["_focus"]
    data["y"] = y
    return _attach(ax, data)


def source_mix_bars(
    table: pd.DataFrame,
    ax: Axes | None = None,
    *,
    label: str | None = None,
    title: str | None = None,
    sort_by: str = "source_unattributed_share",
) -> Axes:
    """Stacked horizontal bars of the source-type mix, one bar per row of ``table``
    (articles or outlets: columns ``source_<type>_share``). The focus row (``focus`` True)
    is drawn first and bold; the rest sorted by ``sort_by``."""
    pal = palette()
    df = _known_meta(table.reset_index(drop=True))
    if label is None:
        label = "outlet" if "outlet" in df.columns and "title" not in df.columns else "title"
    df["_focus"] = _focus_mask(df, None)
    if sort_by in df.columns:
        df = df.sort_values(["_focus", sort_by], ascending=[False, False], kind="stable").reset_index(drop=True)
    n = len(df)
    if ax is None:
        ax = _new_axes((10.0, max(3.0, 0.28 * n + 1.6)))
    y = np.arange(n)
    left = np.zeros(n)
    for st in SOURCE_TYPES:
        col = f"source_{st}_share"
        if col not in df.columns:
            continue
        w = df[col].fillna(0).to_numpy(dtype=float)
        ax.barh(y, w, left=left, color=pal.source_color(st), edgecolor="white", linewidth=0.5,
                label=pal.source_label(st), height=0.8)
        left += w
    names = []
    for _, r in df.iterrows():
        base = shorten(r.get(label) or r.get("article_id") or "", 50)
        if "n_articles" in df.columns and not r["_focus"]:
            base += f" (n={int(r['n_articles'])})"
        names.append(base)
    ax.set_yticks(y, names, fontsize=8 if n <= 40 else 6)
    for tick, f in zip(ax.get_yticklabels(), df["_focus"], strict=True):
        if f:
            tick.set_fontweight("bold")
    ax.set_xlim(0, 1)
    ax.set_ylim(n - 0.4, -0.6)  # first row on top
    n_focus = int(df["_focus"].sum())
    if 0 < n_focus < n:
        ax.axhline(n_focus - 0.5, color="#333333", linewidth=1.2)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel("share of sentences, by who the sentence is attributed to")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8, title="source type")
    ax.set_title(title or f"Who speaks: source mix per {label}", loc="left", fontsize=11)
    keep = [label, "n_articles", "focus"] if "n_articles" in df.columns else [label, "focus"]
    data = df[[c for c in dict.fromkeys(["article_id", *keep]) if c in df.columns]].copy()
    for st in SOURCE_TYPES:
        if f"source_{st}_share" in df.columns:
            data[f"source_{st}_share"] = df[f"source_{st}_share"]
    data["y"] = y
    return _attach(ax, data)


def frame_source_heatmap(
    sentences: pd.DataFrame,
    ax: Axes | None = None,
    *,
    title: str | None = None,
    normalize: str = "row",
) -> Axes:
    """Frame label (rows) by source type (columns): each cell shows the share of the row's
    sentences (``normalize="row"``; ``"all"``: the share of all sentences) and the count;
    darker = larger share."""
    if normalize not in ("row", "all"):  # 'column' drew shares of all sentences, labelled so
        raise ValueError(f"normalize must be 'row' or 'all', got {normalize!r}")
    pal = palette()
    frame = _frame_labels(sentences["frame"])
    frames = [f for f in FRAME_LABELS] + sorted(set(frame) - set(FRAME_LABELS))
    ct = pd.crosstab(frame, sentences["source_type"].fillna("unattributed").astype(str))
    ct = ct.reindex(index=frames, columns=list(SOURCE_TYPES), fill_value=0)
    share = ct.div(ct.sum(axis=1).replace(0, np.nan), axis=0).fillna(0.0) if normalize == "row" else ct / max(ct.to_numpy().sum(), 1)
    if ax is None:
        ax = _new_axes((9.0, 3.6))
    im = ax.imshow(share.to_numpy(), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for i in range(share.shape[0]):
        for j in range(share.shape[1]):
            v, c = share.iat[i, j], ct.iat[i, j]
            pct = "<1%" if 0 < v < 0.005 else f"{v:.0%}"
            ax.text(j, i, f"{pct}\n({c})" if c else "\u2013", ha="center", va="center", fontsize=7,
                    color="white" if v > 0.55 else "#222222")
    ax.set_xticks(range(len(SOURCE_TYPES)), [pal.source_label(s) for s in SOURCE_TYPES], rotation=30, ha="right", fontsize=8)
    totals = ct.sum(axis=1)
    ax.set_yticks(range(len(frames)), [f"{pal.frame_label(f)} (n={totals[f]})" for f in frames], fontsize=8)
    ax.set_xlabel("who the sentence is attributed to (each row adds up to 100%; sentence counts in brackets)"
                  if normalize == "row" else "who the sentence is attributed to (share of all sentences)", fontsize=8)
    ax.set_title(title or "Who carries each frame", loc="left", fontsize=10)
    cb = ax.figure.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cb.ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    data = ct.stack().rename("count").reset_index()
    data.columns = ["frame", "source_type", "count"]
    data["share"] = share.stack().to_numpy()
    data["normalized_by"] = normalize
    return _attach(ax, data)


def frame_scatter(
    profiles: pd.DataFrame,
    ax: Axes | None = None,
    *,
    focus_id: str | None = None,
    title: str | None = None,
    label_outlets: bool = True,
) -> Axes:
    """Diplomacy share (x) against escalation share (y): one grey dot per reference article
    (articles at the same point share one dot, its area growing with their number), outlet means
    as labelled circles (size = number of articles), the focus as a black diamond."""
    pal = palette()
    df = _known_meta(profiles.reset_index(drop=True))
    df["_focus"] = _focus_mask(df, focus_id)
    if ax is None:
        ax = _new_axes((8.5, 7.0))
    ref = df[~df["_focus"]]
    foc = df[df["_focus"]]
    ax.plot([0, 1], [0, 1], color="#999999", linewidth=0.8, linestyle=":", zorder=1)
    # articles at the same point (short articles: 0%, 50%, 100% ...) are one dot whose area
    # grows with their number, not a pile that looks like one article
    same = (ref.assign(_x=ref["diplomacy_share"].astype(float).round(4),
                       _y=ref["escalation_share"].astype(float).round(4))
            .groupby(["_x", "_y"]).size().reset_index(name="n"))
    ax.scatter(same["_x"], same["_y"], s=14 * same["n"], color=pal.reference, alpha=0.55,
               edgecolors="none", label="reference article", zorder=2)
    rows = [{"kind": "article", "label": r.get("title", ""), "outlet": r.get("outlet", ""),
             "article_id": r["article_id"], "diplomacy_share": r["diplomacy_share"],
             "escalation_share": r["escalation_share"], "n_articles": 1} for _, r in ref.iterrows()]
    top = max(0.3, float(np.nanmax(df[["diplomacy_share", "escalation_share"]].to_numpy())) + 0.05) if len(df) else 1
    top = min(1.03, top)  # a margin so that articles at 100% are not cut by the frame
    ax.set_xlim(-0.02, top)
    ax.set_ylim(-0.02, top)
    ax.set_aspect("equal")
    fig_w = _root_figure(ax).get_size_inches()[0] * max(ax.get_position().width, 0.5)
    unit = (top + 0.01) / (fig_w * 72)  # data units per point (approximate, equal aspect)
    labeller = _Labeller(ax, unit)
    for _, r in foc.iterrows():
        labeller.obstacle(r["diplomacy_share"], r["escalation_share"], 6)
    if label_outlets and "outlet" in ref.columns and len(ref):
        g = ref.assign(outlet=ref["outlet"].replace("", "(unknown outlet)")).groupby("outlet")
        means = g[["diplomacy_share", "escalation_share"]].mean().assign(n=g.size())
        sizes = 40 + 460 * np.sqrt(means["n"] / means["n"].max())  # area grows with n, capped
        ax.scatter(means["diplomacy_share"], means["escalation_share"], s=sizes, facecolors="none",
                   edgecolors="#4D4D4D", linewidths=1.2, label="outlet mean (size: no. of articles)", zorder=3)
        for (_, r), size in zip(means.iterrows(), sizes, strict=True):
            labeller.obstacle(r["diplomacy_share"], r["escalation_share"], np.sqrt(size) / 2)
        for name, r in means.sort_values("n", ascending=False).iterrows():
            x0, y0 = float(r["diplomacy_share"]), float(r["escalation_share"])
            labeller.label(outlet_name(name, 36), x0, y0, np.sqrt(float(sizes[name])) / 2)
            rows.append({"kind": "outlet mean", "label": name, "outlet": name, "article_id": "",
                         "diplomacy_share": x0, "escalation_share": y0, "n_articles": int(r["n"])})
    for _, r in foc.iterrows():
        ax.scatter([r["diplomacy_share"]], [r["escalation_share"]], s=120, marker="D", color=pal.focus,
                   edgecolors="white", linewidths=1.2, label="focus article", zorder=6)
        labeller.label("focus: " + shorten(r.get("title") or r["article_id"], 40), r["diplomacy_share"],
                       r["escalation_share"], 6, fontsize=8, fontweight="bold", color=pal.focus)
        rows.append({"kind": "focus", "label": r.get("title", ""), "outlet": r.get("outlet", ""),
                     "article_id": r["article_id"], "diplomacy_share": r["diplomacy_share"],
                     "escalation_share": r["escalation_share"], "n_articles": 1})
    ax.text(top * 0.97, top * 0.97 - 0.01, "dotted line: balance 0\n(as much diplomacy as escalation)",
            ha="right", va="top", fontsize=7, color="#777777")
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel("diplomacy share (sentences with the diplomacy frame)")
    ax.set_ylabel("escalation share (sentences with the escalation frame)")
    ax.grid(color="#EEEEEE")
    ax.set_axisbelow(True)
    handles = [
        Line2D([], [], marker="o", linestyle="", color=pal.reference, alpha=0.6, markersize=4,
               label="reference article (bigger dot:\nseveral at the same point)"),
        Line2D([], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor="#4D4D4D", markersize=11,
               label="outlet mean (bigger: more articles)"),
        Line2D([], [], marker="D", linestyle="", color=pal.focus, markersize=8, label="focus article"),
    ]
    # outside the axes: inside, it hid the articles at 100% escalation in the top-left corner
    ax.legend(handles=handles if len(foc) else handles[:2], loc="upper left", bbox_to_anchor=(1.02, 1.0),
              fontsize=8, frameon=False)
    ax.set_title(title or "Diplomacy against escalation, per article", loc="left", fontsize=11)
    return _attach(ax, pd.DataFrame(rows))


def outlet_name(name: Any, limit: int = 36) -> str:
    """An outlet's name for a label: without a trailing web domain or "(inferred)" (kept in the
    CSV), shortened to ``limit``.

    >>> outlet_name("U.S. Department of the Treasury (home.treasury.gov)")
    'U.S. Department of the Treasury'
    """
    s = " ".join(str(name).split())
    base, _, paren = s.rpartition(" (")
    drop = s.endswith(")") and base and ("." in paren or paren.rstrip(")") == "inferred")
    base = base if drop else s
    return shorten(base if len(base) >= 3 else s, limit)


class _Labeller:
    """Places text labels beside points without overlapping earlier labels or markers.

    Boxes are approximate (data units from font size and character count);
    a label pushed away from its point gets a thin leader line.
    """

    def __init__(self, ax: Axes, unit: float) -> None:
        self.ax = ax
        self.unit = unit  # data units per point
        self.boxes: list[tuple[float, float, float, float]] = []

    def obstacle(self, x: float, y: float, radius_pt: float) -> None:
        r = radius_pt * self.unit
        self.boxes.append((x - r, y - r, x + r, y + r))

    def _free(self, b: tuple[float, float, float, float]) -> bool:
        lo_x, lo_y = self.ax.get_xlim()[0], self.ax.get_ylim()[0]
        hi_x, hi_y = self.ax.get_xlim()[1], self.ax.get_ylim()[1]
        if b[0] < lo_x or b[2] > hi_x or b[1] < lo_y or b[3] > hi_y:
            return False
        return all(b[2] <= o[0] or b[0] >= o[2] or b[3] <= o[1] or b[1] >= o[3] for o in self.boxes)

    def label(self, text: str, x: float, y: float, radius_pt: float, *, fontsize: float = 7, **kw: Any) -> None:
        w = 0.56 * fontsize * len(text) * self.unit
        h = 1.25 * fontsize * self.unit
        gap = (radius_pt + 2) * self.unit
        tried = []
        first = True
        for ring in (1.0, 2.2, 3.6, 5.2, 7.0):
            d = gap * ring + (ring - 1) * h
            for dx, dy, ha in ((d, -h / 2, "left"), (-d, -h / 2, "right"), (0, d, "center"), (0, -d - h, "center"),
                               (d * 0.7, d * 0.7, "left"), (-d * 0.7, d * 0.7, "right"),
                               (d * 0.7, -d * 0.7 - h, "left"), (-d * 0.7, -d * 0.7 - h, "right")):
                left = x + dx - (w if ha == "right" else w / 2 if ha == "center" else 0)
                b = (left, y + dy, left + w, y + dy + h)
                tried.append((ring, dx, dy, ha, b))
                if self._free(b):
                    # every label but one straight to the right of its mark gets a leader line
                    self._draw(text, x, y, dx, dy, ha, b, not first, fontsize, kw, radius_pt)
                    return
                first = False
        ring, dx, dy, ha, b = tried[0]
        self._draw(text, x, y, dx, dy, ha, b, False, fontsize, kw, radius_pt)

    def _draw(self, text, x, y, dx, dy, ha, box, leader, fontsize, kw, radius_pt=0.0) -> None:
        self.boxes.append(box)
        self.ax.annotate(
            text, (x, y), xytext=(x + dx, y + dy), fontsize=fontsize, ha=ha, va="bottom", zorder=7,
            color=kw.pop("color", "#333333"), fontweight=kw.pop("fontweight", "normal"),
            arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.6, "shrinkA": 1, "shrinkB": radius_pt + 1}
            if leader else None,
            bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.7},
        )


def percentile_chart(
    percentiles: pd.DataFrame,
    ax: Axes | None = None,
    *,
    metrics: Sequence[str] | None = None,
    title: str | None = None,
) -> Axes:
    """The focus article's percentile among reference articles, one bar per metric
    (``percentiles`` = ``Comparison.percentiles``); the 5%-95% band shaded."""
    pal = palette()
    default = [
        "balance", "diplomacy_share", "escalation_share", "attributed_share", "anonymous_share",
        "direct_quote_share", *[f"source_{s}_share" for s in SOURCE_TYPES],
        "diplomacy_unattributed_share", "escalation_unattributed_share",
    ]
    wanted = list(metrics) if metrics is not None else default
    unknown = [m for m in wanted if m not in set(percentiles["metric"])] if metrics is not None else []
    if unknown:  # a misspelt metric was left out without a word
        raise ValueError(f"no such metric in the percentiles: {', '.join(map(repr, unknown))}")
    df = percentiles.set_index("metric").reindex([m for m in wanted if m in set(percentiles["metric"])]).reset_index()
    df = df[df["percentile"].notna()].reset_index(drop=True)
    n = len(df)
    if ax is None:
        ax = _new_axes((9.0, max(3.0, 0.32 * n + 1.5)))
    y = np.arange(n)[::-1]
    ax.axvspan(5, 95, color="#F2F2F2", zorder=0, label="middle 90% of reference articles")
    ax.axvline(50, color="#999999", linewidth=0.8, linestyle="--", label="reference median")
    outside = [p >= 95 or p <= 5 for p in df["percentile"]]
    colors = [pal.focus if o else pal.reference for o in outside]
    ax.hlines(y, 50, df["percentile"], color=colors, linewidth=3, zorder=2)
    ax.scatter(df["percentile"], y, color=colors, s=40, zorder=3)
    labels = [_metric_label(m) for m in df["metric"]]
    values = [f"{v:+.2f}" if m == "balance" else f"{v:.0%}" for m, v in zip(df["metric"], df["focus"], strict=True)]
    ax.set_yticks(y, [f"{lab}  ({v})" for lab, v in zip(labels, values, strict=True)], fontsize=8)
    for tick, o in zip(ax.get_yticklabels(), outside, strict=True):
        if o:
            tick.set_fontweight("bold")
    ax.scatter([], [], color=pal.focus, s=40, label="outside the middle 90% (bold)")
    ax.set_xlim(-3, 103)
    ax.set_xlabel("percentile of the focus article among reference articles (0 = lowest, 100 = highest)")
    ax.legend(loc="lower right", fontsize=7, framealpha=0.9)
    ax.set_title(title or "How unusual is the focus article? Its percentile among reference articles\n"
                 "(its own value in brackets; shares are of its sentences)", loc="left", fontsize=11)
    return _attach(ax, df[["metric", "focus", "reference_median", "percentile", "n_reference"]].assign(y=y))


def _metric_label(metric: str) -> str:
    """The same words for a metric as the tables and the summary (``compare.metric_label``)."""
    from .compare import metric_label

    return metric_label(metric)


# ------------------------------------------------------------------ saving


def _root_figure(ax: Axes) -> Figure:
    """The figure an Axes is drawn on (the top figure when it sits in a subfigure)."""
    fig: Any = ax.figure
    while not isinstance(fig, Figure):  # a SubFigure: its .figure is the parent
        fig = fig.figure
    return fig


def _plotted(ax: Axes) -> pd.DataFrame:
    """The tidy table a chart function of this module attached to its Axes."""
    data = getattr(ax, "plotted", None)
    if data is None:
        raise ValueError("this Axes was not drawn by a chart function of analysis.charts")
    return data


def save_figure(fig_or_ax: Figure | Axes, path_stem: str | Path, data: pd.DataFrame | None = None) -> list[Path]:
    """Write ``<stem>.png``, ``<stem>.svg`` and ``<stem>.csv`` (the plotted data) atomically.

    ``data`` defaults to the ``plotted`` table the chart function attached
    to the Axes. Returns the three paths.
    """
    from .io import atomic_path, write_table

    if isinstance(fig_or_ax, Axes):
        fig = _root_figure(fig_or_ax)
        if data is None:
            data = getattr(fig_or_ax, "plotted", None)
    else:
        fig = fig_or_ax
        if data is None:
            tables = [getattr(a, "plotted", None) for a in fig.axes]
            tables = [t for t in tables if t is not None]
            data = pd.concat(tables, ignore_index=True) if tables else None
    if data is None:
        raise ValueError("save_figure needs the plotted data (pass data=...)")
    stem = Path(path_stem)
    if stem.suffix in (".png", ".svg", ".csv"):
        stem = stem.with_suffix("")
    paths = []
    for suffix, dpi in ((".png", 150), (".svg", None)):
        target = stem.with_name(stem.name + suffix)
        with atomic_path(target) as tmp:
            if dpi is None:
                fig.savefig(tmp, format=suffix[1:], bbox_inches="tight")
            else:
                fig.savefig(tmp, format=suffix[1:], bbox_inches="tight", dpi=dpi)
        paths.append(target)
    paths.append(write_table(data, stem.with_name(stem.name + ".csv")))
    return paths


def _figure(figsize: tuple[float, float]) -> Figure:
    """A figure outside pyplot (no global state, works headless)."""
    return Figure(figsize=figsize, layout="constrained")


def _footnote(fig: Figure, text: str) -> None:
    """A grey note under the whole figure; constrained layout keeps it clear of the axis labels."""
    if text:
        fig.supxlabel(shorten(text, 180), x=0.01, ha="left", fontsize=7, color="#555555")


def draw_compare_charts(
    focus_sentences: pd.DataFrame,
    reference_sentences: pd.DataFrame,
    profiles: pd.DataFrame,
    comparison: Any,
    out_dir: str | Path,
    *,
    description: str = "",
) -> list[Path]:
    """Draw and save the charts of ``framing compare``; returns the path stems."""
    out = Path(out_dir)
    note = description.split(". ")[0] + "." if description else ""
    stems: list[Path] = []
    title = str(profiles.loc[profiles["focus"], "title"].iloc[0]) if profiles["focus"].any() else ""

    def save(fig: Figure, name: str, data: pd.DataFrame | None = None) -> None:
        _footnote(fig, note)
        save_figure(fig, out / name, data)
        stems.append(out / name)

    n = len(focus_sentences)
    fig = _figure((max(9.0, min(18.0, 0.2 * n + 5)), 3.6))
    ax = article_strip(focus_sentences.assign(title=title), fig.add_subplot())
    save(fig, "article_strip", _plotted(ax))

    fig = _figure((10.5, max(4.0, 0.14 * len(profiles) + 1.8)))
    ax = balance_forest(profiles, fig.add_subplot())
    save(fig, "balance_forest", _plotted(ax))

    bo = comparison.by_outlet
    if (~bo["focus"]).sum() >= 2:
        fig = _figure((10.5, max(3.5, 0.32 * len(bo) + 1.8)))
        ax = source_mix_bars(bo, fig.add_subplot(), label="outlet",
                             title="Who speaks: source mix of the focus article and of each reference outlet")
        save(fig, "source_mix_by_outlet", _plotted(ax))
    else:  # one reference outlet: one bar per article says more
        fig = _figure((10.5, max(3.5, 0.16 * len(profiles) + 1.8)))
        ax = source_mix_bars(profiles, fig.add_subplot(), label="title",
                             title="Who speaks: source mix of the focus article (top) and of each reference article")
        save(fig, "source_mix_by_article", _plotted(ax))

    fig = _figure((13.0, 4.2))
    a1, a2 = fig.subplots(1, 2)
    h1 = frame_source_heatmap(focus_sentences, a1, title="Focus article: who carries each frame")
    h2 = frame_source_heatmap(reference_sentences, a2, title="Reference articles (pooled): who carries each frame")
    data = pd.concat([_plotted(h1).assign(group="focus"), _plotted(h2).assign(group="reference")], ignore_index=True)
    save(fig, "frame_source_heatmap", data)

    fig = _figure((9.0, 7.5))
    ax = frame_scatter(profiles, fig.add_subplot())
    save(fig, "frame_scatter", _plotted(ax))

    pct = comparison.percentiles
    fig = _figure((9.5, 6.0))
    ax = percentile_chart(pct, fig.add_subplot())
    save(fig, "percentiles", _plotted(ax))
    return stems
