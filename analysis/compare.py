"""Compare an article with other coverage: the article table, statistics, outputs.

``profile_articles`` turns the sentence table into **the article table**
(one row per article, columns defined once in :data:`PROFILE_COLUMNS`);
``compare`` ranks a focus article among reference articles and tests
whether its frames differ; ``run_compare`` does everything the
``framing compare`` command writes.

    >>> focus = score_article("seeds/000_a4065e105c25a52d.txt")         # doctest: +SKIP
    >>> articles = load_default_corpus()                                # doctest: +SKIP
    >>> reference = score_corpus(articles)                              # doctest: +SKIP
    >>> print(compare(focus, reference, reference_articles=articles).summary())  # doctest: +SKIP
    Focus article: State Department: Blinken Hasn’t Spoken With Russian FM ... (Antiwar.com)
    Compared with 68 reference articles.
    ...
    Of its 21 sentences, 67% carry the diplomacy frame and 33% the escalation frame: balance +0.33 (95% interval +0.00 to +0.67; ...

The sentence tables do not carry titles and outlets (``score_article``'s table has them
in ``attrs``); pass the articles as ``reference_articles`` or the outlet means put every
reference article under "(unknown outlet)".

A sentence like "Russian and Ukrainian negotiators met again in Istanbul."
counts toward ``diplomacy_share``; "Russia shelled Kharkiv overnight." toward
``escalation_share``; ``balance`` is their difference.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError, Skipped
from .schema import FRAME_LABELS, FRAMES, SIDES, SOURCE_TYPES
from .textio import text_or_empty

#: Seed of every bootstrap and permutation (results are reproducible).
DEFAULT_SEED = 20220224
#: Bootstrap resamples for intervals; permutations for p-values.
N_BOOTSTRAP = 2000
N_PERMUTATIONS = 5000

#: Who carries a frame: source types grouped into voices.
CARRIERS: dict[str, tuple[str, ...]] = {
    "unattributed": ("unattributed",),
    "official": ("named_official", "unnamed_official", "institution"),
    "expert": ("expert",),
    "media": ("media",),
    "other": ("other",),
}
CARRIER_MEANINGS: dict[str, str] = {
    "unattributed": "in the writer's own voice (no source cited)",
    "official": "attributed to officials or institutions (named, unnamed or speaking as a body)",
    "expert": "attributed to experts and analysts",
    "media": "attributed to another news outlet only",
    "other": "attributed to other people or documents (witnesses, residents, posts)",
}
#: Quote modes counted as direct quotation.
DIRECT_QUOTE_MODES: tuple[str, ...] = ("direct", "continuation")

#: Metadata columns of the article table.
META_COLUMNS: dict[str, str] = {
    "article_id": "str: the article's id",
    "title": "str: the article's title ('' when unknown)",
    "outlet": "str: the outlet ('' when unknown)",
    "date": "str: publication date as given (ISO when known, '' when unknown)",
    "n_sentences": "int: number of sentences scored",
}


def frame_columns(frame: str) -> dict[str, str]:
    """Profile columns for one frame (the two built-in frames and any user-defined one)."""
    cols = {
        f"{frame}_share": f"float in [0, 1]: share of sentences that carry the {frame} frame "
        "(a sentence may carry several frames)",
    }
    for carrier, meaning in CARRIER_MEANINGS.items():
        cols[f"{frame}_{carrier}_share"] = (
            f"float in [0, 1] or empty: share of the {frame} sentences {meaning}; "
            f"empty when the article has no {frame} sentence"
        )
    return cols


def _profile_columns(frames: Sequence[str] = FRAMES) -> dict[str, str]:
    cols: dict[str, str] = dict(META_COLUMNS)
    for f in frames:
        cols[f"{f}_share"] = frame_columns(f)[f"{f}_share"]
    cols["balance"] = (
        "float in [-1, 1]: diplomacy_share minus escalation_share (positive: more diplomacy)"
    )
    cols["balance_low"] = "float: lower end of the seeded bootstrap 95% interval of balance (sentences resampled)"
    cols["balance_high"] = "float: upper end of that interval"
    for label in FRAME_LABELS:
        what = {
            "diplomacy": "diplomacy only",
            "escalation": "escalation only",
            "mixed": "both diplomacy and escalation",
            "neutral": "neither frame",
        }[label]
        cols[f"label_{label}_share"] = f"float in [0, 1]: share of sentences whose frame label is {label} ({what})"
    cols["attributed_share"] = "float in [0, 1]: share of sentences attributed to a source (not the writer's own voice)"
    cols["anonymous_share"] = "float in [0, 1]: share of sentences attributed to a source that is not named"
    cols["direct_quote_share"] = (
        "float in [0, 1]: share of sentences that quote directly (quote_mode direct or continuation)"
    )
    for t in SOURCE_TYPES:
        cols[f"source_{t}_share"] = f"float in [0, 1]: share of sentences whose source type is {t}"
    for s in SIDES:
        cols[f"side_{s}_share"] = (
            f"float in [0, 1]: share of sentences attributed to a source on side {s} "
            "(the side shares add up to attributed_share)"
        )
    for f in frames:
        for k, v in frame_columns(f).items():
            if k != f"{f}_share":
                cols[k] = v
    return cols


#: The article table: every column ``profile_articles`` returns, and what it means.
#: User-defined frames add ``<frame>_share`` and ``<frame>_<carrier>_share`` (see ``frame_columns``).
PROFILE_COLUMNS: dict[str, str] = _profile_columns()

#: Metrics compared by percentile (every numeric profile column but the interval ends).
NOT_METRICS = {"n_sentences", "balance_low", "balance_high"}


# ------------------------------------------------------------------ profiles


def user_frames(scored: pd.DataFrame) -> list[str]:
    """User-defined frames in a sentence table: bool columns ``<f>`` with a ``<f>_score`` beside."""
    out = []
    for c in scored.columns:
        if c in FRAMES or c.endswith("_score") or f"{c}_score" not in scored.columns:
            continue
        if pd.api.types.is_bool_dtype(scored[c]) or set(pd.unique(scored[c].dropna())) <= {0, 1}:
            out.append(c)
    return out


def _rng(seed: int, key: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(key.encode("utf-8"))])


def bootstrap_balance(
    diplomacy: np.ndarray,
    escalation: np.ndarray,
    *,
    seed: int = DEFAULT_SEED,
    key: str = "",
    n_boot: int = N_BOOTSTRAP,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of mean(diplomacy) - mean(escalation), resampling sentences.

    Deterministic for a given ``seed`` and ``key`` (the article id).

    >>> bootstrap_balance(np.array([1, 1, 0, 0]), np.array([0, 0, 0, 1]), key="a")[0] <= 0.25
    True
    """
    n = len(diplomacy)
    if n == 0:
        return (math.nan, math.nan)
    diff = np.asarray(diplomacy, dtype=float) - np.asarray(escalation, dtype=float)
    idx = _rng(seed, key).integers(0, n, size=(n_boot, n))
    stats = diff[idx].mean(axis=1)
    alpha = (1 - level) / 2
    lo, hi = np.quantile(stats, [alpha, 1 - alpha])
    return (float(lo), float(hi))


def _as_bool(s: pd.Series) -> np.ndarray:
    return s.fillna(False).astype(bool).to_numpy()


def _article_meta(article_id: str, group: pd.DataFrame, meta: dict[str, dict[str, Any]]) -> dict[str, Any]:
    m = meta.get(article_id, {})
    out = {}
    for col in ("title", "outlet", "date"):
        value = m.get(col)
        if text_or_empty(value) == "" and col in group.columns:
            vals = group[col].dropna()
            value = vals.iloc[0] if len(vals) else None
        out[col] = text_or_empty(value)
    return out


def _metadata(scored: pd.DataFrame, articles: pd.DataFrame | None) -> dict[str, dict[str, Any]]:
    meta: dict[str, dict[str, Any]] = {}
    attr_art = scored.attrs.get("article")
    if isinstance(attr_art, dict):
        aid = attr_art.get("id", attr_art.get("article_id"))
        if aid is not None:
            meta[str(aid)] = dict(attr_art)
    attr_arts = scored.attrs.get("articles")
    if isinstance(attr_arts, pd.DataFrame):
        articles = attr_arts if articles is None else articles
    if articles is not None:
        idcol = "id" if "id" in articles.columns else "article_id"
        if idcol not in articles.columns:
            raise InputError("articles", f"no 'id' column; found: {', '.join(map(str, articles.columns))}")
        seen: set[str] = set()
        for rec in articles.to_dict("records"):
            key = str(rec[idcol])
            if key in seen:  # a repeated id: score_corpus named this article id~2 (~3, ...)
                n = 2
                while f"{key}~{n}" in seen:
                    n += 1
                key = f"{key}~{n}"
            seen.add(key)
            meta[key] = rec
    return meta


def profile_one(group: pd.DataFrame, frames: Sequence[str], *, key: str, seed: int = DEFAULT_SEED) -> dict[str, float]:
    """The metrics of one article's sentences (no metadata)."""
    n = len(group)
    row: dict[str, float] = {"n_sentences": n}
    if n == 0:
        return row
    flags = {f: _as_bool(group[f]) for f in frames}
    for f in frames:
        row[f"{f}_share"] = float(flags[f].mean())
    dip = flags.get("diplomacy", np.zeros(n, bool))
    esc = flags.get("escalation", np.zeros(n, bool))
    row["balance"] = float(dip.mean() - esc.mean())
    row["balance_low"], row["balance_high"] = bootstrap_balance(dip, esc, seed=seed, key=key)
    labels = group["frame"].astype(str).to_numpy()
    for label in FRAME_LABELS:
        row[f"label_{label}_share"] = float((labels == label).mean())
    stype = group["source_type"].fillna("unattributed").astype(str).to_numpy()
    attributed = stype != "unattributed"
    row["attributed_share"] = float(attributed.mean())
    anon = _as_bool(group["anonymous"]) if "anonymous" in group.columns else np.zeros(n, bool)
    row["anonymous_share"] = float((anon & attributed).mean())
    qmode = group["quote_mode"].fillna("none").astype(str).to_numpy() if "quote_mode" in group.columns else np.array(["none"] * n)
    row["direct_quote_share"] = float(np.isin(qmode, DIRECT_QUOTE_MODES).mean())
    for t in SOURCE_TYPES:
        row[f"source_{t}_share"] = float((stype == t).mean())
    side = group["side"].fillna("unknown").astype(str).to_numpy() if "side" in group.columns else np.array(["unknown"] * n)
    for s in SIDES:
        row[f"side_{s}_share"] = float(((side == s) & attributed).mean())
    for f in frames:
        fl = flags[f]
        k = int(fl.sum())
        for carrier, types in CARRIERS.items():
            row[f"{f}_{carrier}_share"] = float((fl & np.isin(stype, types)).sum() / k) if k else math.nan
    return row


def profile_articles(
    scored: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """The article table: one row per article of a sentence table.

    ``articles`` (columns ``id``, ``title``, ``outlet``, ``date``...) supplies
    metadata; otherwise it comes from ``scored.attrs["article"]`` (what
    ``score_article`` sets) or from ``title``/``outlet``/``date`` columns of
    ``scored``. Articles appear in the order of their first sentence.
    Columns are those of :data:`PROFILE_COLUMNS`, plus ``<frame>_share`` and
    carrier columns for user-defined frames.

    >>> t = pd.DataFrame({"article_id": ["a"] * 2, "diplomacy": [True, False],
    ...     "escalation": [False, True], "frame": ["diplomacy", "escalation"],
    ...     "source_type": ["unattributed", "named_official"], "anonymous": [False, False],
    ...     "quote_mode": ["none", "direct"], "side": ["unknown", "us"]})
    >>> profile_articles(t).loc[0, ["diplomacy_share", "balance", "attributed_share"]].tolist()
    [0.5, 0.0, 0.5]
    """
    missing = [c for c in ("article_id", "diplomacy", "escalation", "frame", "source_type") if c not in scored.columns]
    if missing:
        raise ValueError(f"not a sentence table: missing columns {missing}")
    extra = user_frames(scored)
    frames = [*FRAMES, *extra]
    columns = list(_profile_columns(frames))
    meta = _metadata(scored, articles)
    rows = []
    ids = scored["article_id"].astype(str)
    for aid, group in scored.groupby(ids, sort=False):
        row: dict[str, Any] = {"article_id": str(aid), **_article_meta(str(aid), group, meta)}
        row.update(profile_one(group, frames, key=str(aid), seed=seed))
        rows.append(row)
    out = pd.DataFrame(rows, columns=columns)
    out["n_sentences"] = out["n_sentences"].astype(int)
    for c in ("article_id", "title", "outlet", "date"):
        out[c] = out[c].astype(str)
    out.attrs["frames"] = frames
    return out


def is_profile_table(df: pd.DataFrame) -> bool:
    """True for an article table (profiles), False for a sentence table."""
    return "balance" in df.columns and "n_sentences" in df.columns and "frame" not in df.columns


def metric_columns(profiles: pd.DataFrame) -> list[str]:
    """The numeric metric columns of an article table, in table order."""
    return [
        c
        for c in profiles.columns
        if c not in META_COLUMNS and c not in NOT_METRICS and pd.api.types.is_numeric_dtype(profiles[c])
    ]


def describe_column(name: str) -> str:
    """The meaning of an article-table column (user-frame columns included)."""
    if name in PROFILE_COLUMNS:
        return PROFILE_COLUMNS[name]
    for carrier in CARRIERS:
        suffix = f"_{carrier}_share"
        if name.endswith(suffix):
            return frame_columns(name[: -len(suffix)])[name]
    if name.endswith("_share"):
        return frame_columns(name[: -len("_share")])[name]
    return ""


# ------------------------------------------------------------------ statistics


def percentile_of(value: float, reference: np.ndarray) -> float:
    """Mid-rank percentile of ``value`` among ``reference`` (ties count half), in [0, 100].

    >>> percentile_of(3, np.array([1, 2, 3, 4]))
    62.5
    """
    ref = np.asarray(reference, dtype=float)
    ref = ref[~np.isnan(ref)]
    if len(ref) == 0 or value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    below = float((ref < value).sum())
    ties = float((ref == value).sum())
    return 100.0 * (below + 0.5 * ties) / len(ref)


def cramers_v(table: np.ndarray) -> float:
    """Cramér's V of a contingency table (rows: groups, columns: categories)."""
    table = np.asarray(table, dtype=float)
    table = table[:, table.sum(axis=0) > 0]
    n = table.sum()
    r, k = table.shape
    if n == 0 or min(r, k) < 2:
        return 0.0
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / n
    chi2 = float(((table - expected) ** 2 / expected).sum())
    return math.sqrt(chi2 / (n * (min(r, k) - 1)))


def _chi2_rows(focus_counts: np.ndarray, ref_total: np.ndarray) -> np.ndarray:
    """Chi-square statistic of 2-row tables [focus; rest] for many focus rows at once."""
    total = ref_total.astype(float)  # the pooled counts (focus + reference)
    n_f = focus_counts.sum(axis=-1, keepdims=True).astype(float)
    n = total.sum()
    col = total[None, :] if focus_counts.ndim == 2 else total
    keep = total > 0
    e_f = n_f * col / n
    e_r = (n - n_f) * col / n
    rest = col - focus_counts
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(keep, (focus_counts - e_f) ** 2 / e_f + (rest - e_r) ** 2 / e_r, 0.0)
    return t.sum(axis=-1)


@dataclass(frozen=True)
class DistributionTest:
    """A permutation test of one categorical distribution (focus sentences vs pooled reference)."""

    variable: str
    categories: tuple[str, ...]
    focus_counts: tuple[int, ...]
    reference_counts: tuple[int, ...]
    statistic: float  # chi-square
    cramers_v: float
    p_value: float
    n_permutations: int
    diff: tuple[float, ...]  # focus share - reference share, per category
    diff_low: tuple[float, ...]
    diff_high: tuple[float, ...]
    p_category: tuple[float, ...]

    def rows(self) -> list[dict[str, Any]]:
        nf, nr = sum(self.focus_counts), sum(self.reference_counts)
        out = [
            {
                "test": f"{self.variable} distribution",
                "category": "(all)",
                "focus_share": math.nan,
                "reference_share": math.nan,
                "difference": math.nan,
                "difference_low": math.nan,
                "difference_high": math.nan,
                "statistic": self.statistic,
                "effect_size": self.cramers_v,
                "effect_measure": "Cramér's V",
                "p_value": self.p_value,
                "n_focus": nf,
                "n_reference": nr,
                "n_permutations": self.n_permutations,
            }
        ]
        for i, c in enumerate(self.categories):
            out.append(
                {
                    "test": f"{self.variable} share",
                    "category": c,
                    "focus_share": self.focus_counts[i] / nf if nf else math.nan,
                    "reference_share": self.reference_counts[i] / nr if nr else math.nan,
                    "difference": self.diff[i],
                    "difference_low": self.diff_low[i],
                    "difference_high": self.diff_high[i],
                    "statistic": math.nan,
                    "effect_size": self.diff[i],
                    "effect_measure": "difference in shares",
                    "p_value": self.p_category[i],
                    "n_focus": nf,
                    "n_reference": nr,
                    "n_permutations": self.n_permutations,
                }
            )
        return out


def permutation_test(
    focus_counts: Sequence[int],
    reference_counts: np.ndarray,
    categories: Sequence[str],
    *,
    variable: str = "frame",
    seed: int = DEFAULT_SEED,
    n_perm: int = N_PERMUTATIONS,
    n_boot: int = N_BOOTSTRAP,
) -> DistributionTest:
    """Permutation test of the focus's category counts against the pooled reference.

    Under the null hypothesis the focus sentences are a random draw (without
    replacement) from all sentences pooled, so the focus counts follow a
    multivariate hypergeometric distribution; the p-value is the share of
    draws whose chi-square statistic is at least the observed one (with the
    +1 correction). ``reference_counts`` is one row per reference article
    (or a single pooled row); the interval of each share difference
    resamples focus sentences and reference *articles*.
    """
    f = np.asarray(focus_counts, dtype=np.int64)
    ref = np.atleast_2d(np.asarray(reference_counts, dtype=np.int64))
    r_tot = ref.sum(axis=0)
    pooled = f + r_tot
    nf, nr = int(f.sum()), int(r_tot.sum())
    rng = _rng(seed, f"perm:{variable}")
    k = len(categories)
    if nf == 0 or nr == 0:
        nan = tuple([math.nan] * k)
        return DistributionTest(variable, tuple(categories), tuple(map(int, f)), tuple(map(int, r_tot)),
                                math.nan, math.nan, math.nan, 0, nan, nan, nan, nan)
    observed = float(_chi2_rows(f, pooled))
    draws = rng.multivariate_hypergeometric(pooled, nf, size=n_perm)
    null = _chi2_rows(draws, pooled)
    p = (1 + int((null >= observed - 1e-9).sum())) / (n_perm + 1)
    # per-category two-sided p-values on the share difference
    diff = f / nf - r_tot / nr
    null_diff = draws / nf - (pooled - draws) / nr
    p_cat = (1 + (np.abs(null_diff) >= np.abs(diff) - 1e-12).sum(axis=0)) / (n_perm + 1)
    # intervals: focus sentences multinomial, reference articles resampled
    boot_f = rng.multinomial(nf, f / nf, size=n_boot) / nf
    idx = rng.integers(0, len(ref), size=(n_boot, len(ref)))
    boot_r_counts = ref[idx].sum(axis=1)
    denom = boot_r_counts.sum(axis=1, keepdims=True)
    boot_r = np.divide(boot_r_counts, denom, out=np.zeros_like(boot_r_counts, dtype=float), where=denom > 0)
    boot_d = boot_f - boot_r
    lo, hi = np.quantile(boot_d, [0.025, 0.975], axis=0)
    return DistributionTest(
        variable=variable,
        categories=tuple(categories),
        focus_counts=tuple(int(x) for x in f),
        reference_counts=tuple(int(x) for x in r_tot),
        statistic=observed,
        cramers_v=cramers_v(np.vstack([f, r_tot])),
        p_value=float(p),
        n_permutations=n_perm,
        diff=tuple(float(x) for x in diff),
        diff_low=tuple(float(x) for x in lo),
        diff_high=tuple(float(x) for x in hi),
        p_category=tuple(float(x) for x in p_cat),
    )


def _counts_from_sentences(scored: pd.DataFrame, column: str, categories: Sequence[str]) -> pd.DataFrame:
    values = scored[column].fillna("").astype(str)
    ids = scored["article_id"].astype(str)
    ct = pd.crosstab(ids, values)
    return ct.reindex(index=list(dict.fromkeys(ids)), columns=list(categories), fill_value=0)


def _counts_from_profiles(profiles: pd.DataFrame, prefix: str, categories: Sequence[str]) -> pd.DataFrame:
    shares = profiles[[f"{prefix}_{c}_share" for c in categories]].to_numpy(dtype=float)
    counts = np.rint(shares * profiles["n_sentences"].to_numpy(dtype=float)[:, None]).astype(int)
    return pd.DataFrame(counts, index=profiles["article_id"].astype(str), columns=list(categories))


# ------------------------------------------------------------------ compare


@dataclass(frozen=True)
class Comparison:
    """The focus article against reference coverage.

    ``percentiles``: one row per metric (focus value, reference quartiles,
    ``reference_below``/``reference_above``: the shares of reference articles
    strictly below/above the focus, and the mid-rank percentile, ties counting
    half); ``tests``: permutation tests of frame labels and source
    types; ``by_outlet``: reference means per outlet (focus as its own row);
    ``drivers``: focus sentences whose frame is rarest in the reference.
    """

    focus: pd.DataFrame  # the focus article's profile (one row)
    reference: pd.DataFrame  # the reference profiles
    percentiles: pd.DataFrame
    tests: pd.DataFrame
    by_outlet: pd.DataFrame
    drivers: pd.DataFrame
    description: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_frame(self) -> pd.DataFrame:
        """One long table for ``comparison.csv``: percentile rows then test rows (``kind`` column)."""
        p = self.percentiles.assign(kind="percentile")
        t = self.tests.assign(kind="test")
        out = pd.concat([p, t], ignore_index=True, sort=False)
        first = ["kind", "metric", "test", "category"]
        return out[[c for c in first if c in out.columns] + [c for c in out.columns if c not in first]]

    def summary(self, *, include_reference: bool = True) -> str:
        """A plain-language account of how the focus differs from the reference.

        ``include_reference=False`` leaves out the paragraph saying what the
        reference is (for a page that shows it already)."""
        f = self.focus.iloc[0]
        n_ref = len(self.reference)
        title = f["title"] or f["article_id"]
        lines = [
            f"Focus article: {title}" + (f" ({f['outlet']})" if f["outlet"] else ""),
            f"Compared with {n_ref} reference article{'s' if n_ref != 1 else ''}.",
        ]
        if self.description and include_reference:
            lines.append(self.description)
        lines.append("")
        n_sent = int(f["n_sentences"])
        lines.append(
            f"Of its {n_sent} sentence{'s' if n_sent != 1 else ''}, {f['diplomacy_share']:.0%} carry the diplomacy frame "
            f"and {f['escalation_share']:.0%} the escalation frame: balance {f['balance']:+.2f} "
            f"(95% interval {f['balance_low']:+.2f} to {f['balance_high']:+.2f}; "
            "positive means more diplomacy than escalation)."
        )
        if n_sent < FEW_SENTENCES:
            lines.append(
                f"- With only {n_sent} sentence{'s' if n_sent != 1 else ''}, each sentence moves a share "
                f"by {1 / max(n_sent, 1):.0%}: the shares and percentiles below say little."
            )
        pct = self.percentiles.set_index("metric")
        for m in ("balance", "diplomacy_share", "escalation_share", "attributed_share", "anonymous_share"):
            if m in pct.index and not math.isnan(pct.loc[m, "percentile"]):
                r = pct.loc[m]
                lines.append(
                    f"- {metric_label(m)}: {metric_value(m, r['focus'])}, "
                    f"{_rank_words(r['reference_below'], r['reference_above'])} "
                    f"(reference median {metric_value(m, r['reference_median'])})."
                )
        unusual = self.percentiles[
            (self.percentiles["percentile"] <= 5) | (self.percentiles["percentile"] >= 95)
        ]
        if len(unusual):
            names = "; ".join(
                f"{metric_label(m)} ({'high' if p >= 95 else 'low'}{_fewer_words(m, int(k), n_ref)})"
                for m, p, k in zip(unusual["metric"], unusual["percentile"], unusual["n_reference"], strict=True)
            )
            lines.append(f"- Measures in the reference's outer 5% on either side: {names}.")
            if unusual["metric"].str.startswith("side_").any():
                lines.append(
                    "  (The sides are those of the Russia\u2013Ukraine war: against coverage of "
                    "another conflict they say more about the conflict than about the article.)"
                )
        if len(self.tests):
            omni = self.tests[self.tests["category"] == "(all)"].set_index("test")
            key = "frame distribution"
            if key in omni.index:
                r = omni.loc[key]
                strength = "negligible" if r["effect_size"] < 0.1 else "small" if r["effect_size"] < 0.3 else "moderate" if r["effect_size"] < 0.5 else "large"
                verdict = "differs from" if r["p_value"] < 0.05 else "is not clearly different from"
                lines.append(
                    f"- Its mix of frame labels {verdict} the pooled reference sentences "
                    f"(permutation test p = {r['p_value']:.3g}, Cramér's V = {r['effect_size']:.2f}, {strength})."
                )
                cats = self.tests[(self.tests["test"] == "frame share")]
                # both: permutation p < 0.05 and a bootstrap interval (articles resampled) clear of 0
                clear = cats[(cats["p_value"] < 0.05) & ((cats["difference_low"] > 0) | (cats["difference_high"] < 0))]
                if len(clear):
                    lines.append("  Frame labels that differ on their own:")
                for _, c in clear.iterrows():
                    lines.append(
                        f"    {_FRAME_WORDS.get(c['category'], c['category'])}: {c['focus_share']:.0%} of its sentences vs {c['reference_share']:.0%} "
                        f"in the reference (difference {c['difference']:+.0%}, 95% interval "
                        f"{c['difference_low']:+.0%} to {c['difference_high']:+.0%})."
                    )
        if len(self.drivers):
            lines.append("- Sentences that drive the difference (their frame is rarer in the reference):")
            from .render import frame_name, source_name

            for _, d in self.drivers.head(3).iterrows():
                text = d["text"] if len(d["text"]) <= 140 else d["text"][:139] + "\u2026"
                lines.append(
                    f"  [sentence {int(d['sentence']) + 1}: {_FRAME_WORDS.get(d['frame'], frame_name(d['frame']))}; "
                    f"{source_name(d['source_type'])}] {text}"
                )
        lines.append("")
        lines.extend(self.notes)
        return "\n".join(lines).rstrip() + "\n"


_FRAME_WORDS = {
    "diplomacy": "diplomacy only",
    "escalation": "escalation only",
    "mixed": "both frames",
    "neutral": "neither frame",
}


#: Below this many sentences the summary warns that an article's shares move in big steps.
FEW_SENTENCES = 10

_SIDE_WORDS = {
    "us": "the US side", "russia": "the Russian side", "ukraine": "the Ukrainian side",
    "belarus": "the Belarusian side", "eu_nato": "the EU/NATO side", "un": "the UN",
    "other": "another side", "unknown": "no side the rules know",
}
_CARRIER_WORDS = {
    "unattributed": "in the writer's own voice",
    "official": "from officials or institutions",
    "expert": "from experts",
    "media": "from other media",
    "other": "from other people",
}


def metric_label(metric: str) -> str:
    """An article-table metric in words, for tables, charts and summaries.

    >>> metric_label("side_us_share"), metric_label("escalation_expert_share")
    ('sources of the US side', 'escalation sentences from experts')
    """
    from .render import source_name

    fixed = {
        "balance": "balance (diplomacy \u2212 escalation)",
        "attributed_share": "attributed sentences",
        "anonymous_share": "sentences from unnamed sources",
        "direct_quote_share": "direct quotes",
    }
    if metric in fixed:
        return fixed[metric]
    base = metric.removesuffix("_share")
    if base.startswith("label_"):
        return f"'{_FRAME_WORDS.get(base[6:], base[6:])}' sentences"
    if base.startswith("side_"):
        return f"sources of {_SIDE_WORDS.get(base[5:], base[5:].replace('_', ' ') + ' side')}"
    if base.startswith("source_"):
        return f"source: {source_name(base[7:])}"
    for carrier, words in _CARRIER_WORDS.items():
        if base.endswith(f"_{carrier}"):
            return f"{base[: -len(carrier) - 1].replace('_', ' ')} sentences {words}"
    if metric.endswith("_share"):
        return f"{base.replace('_', ' ')} sentences"
    return metric.replace("_", " ")


def metric_value(metric: str, value: Any) -> str:
    """A metric's value as people read it: balance signed (+0.33), shares as percentages (67%).

    >>> metric_value("balance", 0.333), metric_value("diplomacy_share", 0.6667)
    ('+0.33', '67%')
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        return ""
    if math.isnan(v):
        return ""
    return f"{v:+.2f}" if metric == "balance" else f"{v:.0%}" if metric.endswith("_share") else f"{v:.2f}"


def _fewer_words(metric: str, n: int, n_ref: int) -> str:
    """'; against the 1 of 3 reference articles with diplomacy sentences' for a measure that
    only some reference articles have (a carrier share is empty without the frame's sentences)."""
    if n >= n_ref:
        return ""
    frame = next((metric[: -len(f"_{c}_share")] for c in CARRIERS if metric.endswith(f"_{c}_share")), "")
    what = f"with {frame.replace('_', ' ')} sentences" if frame else "with a value"
    return f"; against the {n} of {n_ref} reference articles {what}"


def _rank_words(below: float, above: float) -> str:
    """'higher than 93% of reference articles' / 'lower than 35% of reference articles and
    the same as 65%', from the shares of reference articles strictly below and strictly
    above the focus. Rounded down, so that an article is never said to beat more articles
    than it does; ties are named, not counted as beaten (a mid-rank percentile of 32 with
    65% ties is not 'lower than 67%')."""

    def pct(share: float) -> str:
        return f"{math.floor(share * 100 + 1e-9)}%"

    same = max(0.0, 1.0 - below - above)
    if below >= 1:
        return "higher than every reference article"
    if above >= 1:
        return "lower than every reference article"
    if same >= 1:
        return "the same as every reference article"
    if below >= above:
        words = f"higher than {pct(below)} of reference articles"
    else:
        words = f"lower than {pct(above)} of reference articles"
    if pct(same) != "0%":
        words += f" and the same as {pct(same)}"
    return words


_OUTLET_METRICS = [
    "diplomacy_share",
    "escalation_share",
    "balance",
    "attributed_share",
    "anonymous_share",
    "direct_quote_share",
    *[f"source_{t}_share" for t in SOURCE_TYPES],
]


def aggregate_by_outlet(reference: pd.DataFrame, focus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mean metrics per outlet (articles weighted equally), largest outlets first.

    The focus article, when given, is the first row with ``focus`` True and
    outlet "<outlet> (focus article)".
    """
    metrics = [m for m in _OUTLET_METRICS if m in reference.columns]
    reference = _read_profiles(reference)  # NaN outlets (a CSV read back) are unknown, not dropped
    focus = None if focus is None else _read_profiles(focus)
    ref = reference.assign(outlet=reference["outlet"].replace("", "(unknown outlet)"))
    g = ref.groupby("outlet", sort=False)
    out = g[metrics].mean()
    out.insert(0, "n_sentences", g["n_sentences"].sum())
    out.insert(0, "n_articles", g.size())
    out = out.reset_index().sort_values(["n_articles", "outlet"], ascending=[False, True])
    out.insert(1, "focus", False)
    if focus is not None and len(focus):
        f = focus.iloc[[0]]
        row = {"outlet": f"{f['outlet'].iloc[0] or 'focus'} (focus article)", "focus": True,
               "n_articles": 1, "n_sentences": int(f["n_sentences"].iloc[0])}
        row.update({m: float(f[m].iloc[0]) for m in metrics})
        out = pd.concat([pd.DataFrame([row]), out], ignore_index=True)
    return out.reset_index(drop=True)


def find_drivers(focus: pd.DataFrame, ref_label_share: dict[str, float], focus_label_share: dict[str, float], n: int = 10) -> pd.DataFrame:
    """Focus sentences whose frame label is over-represented relative to the reference.

    Ranked by lift (focus share / reference share of the label), then by the
    sentence's score for that frame; neutral sentences are left out.
    """
    cols = ["sentence", "text", "frame", "source_type", "speaker", "focus_share_of_frame",
            "reference_share_of_frame", "lift"]
    if focus is None or not len(focus) or "text" not in focus.columns:
        return pd.DataFrame(columns=cols)
    rows = []
    for rec in focus.to_dict("records"):
        label = str(rec.get("frame", ""))
        if label in ("neutral", "", "nan"):
            continue
        fs = focus_label_share.get(label, 0.0)
        rs = ref_label_share.get(label, 0.0)
        if fs <= rs:
            continue
        score = max(float(rec.get("diplomacy_score", 0) or 0), float(rec.get("escalation_score", 0) or 0))
        rows.append(
            {
                "sentence": int(rec.get("sentence", 0)),
                "text": str(rec.get("text", "")),
                "frame": label,
                "source_type": str(rec.get("source_type", "")),
                "speaker": str(rec.get("speaker", "") or ""),
                "focus_share_of_frame": fs,
                "reference_share_of_frame": rs,
                "lift": fs / rs if rs > 0 else math.inf,
                "_score": score,
            }
        )
    if not rows:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame(rows).sort_values(["lift", "_score", "sentence"], ascending=[False, False, True])
    return df[cols].head(n).reset_index(drop=True)


def _read_profiles(profiles: pd.DataFrame) -> pd.DataFrame:
    """An article table as given (e.g. profiles.csv read back): unknown metadata is '' as in
    ``profile_articles`` (pandas reads an empty CSV cell as NaN, which printed as 'nan')."""
    out = profiles.copy()
    for c in ("article_id", "title", "outlet", "date"):
        if c in out.columns:
            out[c] = out[c].map(text_or_empty)
    return out


def compare(
    focus: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    focus_articles: pd.DataFrame | None = None,
    reference_articles: pd.DataFrame | None = None,
    description: str = "",
    seed: int = DEFAULT_SEED,
    n_perm: int = N_PERMUTATIONS,
) -> Comparison:
    """Compare a focus article with reference coverage.

    ``focus`` and ``reference`` are sentence tables or article tables
    (profiles). With sentence tables the drivers are found too; the
    permutation tests work from either (profiles carry label shares and
    sentence counts). A reference article with the focus's id is left out
    of the reference.
    """
    focus_sent = None if is_profile_table(focus) else focus
    ref_sent = None if is_profile_table(reference) else reference
    fprof = _read_profiles(focus) if focus_sent is None else profile_articles(focus, focus_articles, seed=seed)
    rprof = _read_profiles(reference) if ref_sent is None else profile_articles(reference, reference_articles, seed=seed)
    if len(fprof) != 1:
        raise ValueError(f"the focus must be one article; got {len(fprof)} ({', '.join(fprof['article_id'][:5])})")
    notes: list[str] = []
    if (ref_sent is not None and reference_articles is None and len(rprof)
            and all((rprof[c].astype(str) == "").all() for c in ("title", "outlet")
                    if c in rprof.columns)):
        # score_corpus's table has no titles or outlets: every article would be "(unknown
        # outlet)" without a word
        notes.append(
            "The reference's titles and outlets are unknown (a sentence table without its "
            "articles): pass reference_articles= (e.g. load_corpus(path)) to compare by outlet."
        )
    fid = str(fprof["article_id"].iloc[0])
    if (rprof["article_id"].astype(str) == fid).any():
        rprof = rprof[rprof["article_id"].astype(str) != fid].reset_index(drop=True)
        if ref_sent is not None:
            ref_sent = ref_sent[ref_sent["article_id"].astype(str) != fid]
        notes.append(f"The focus article ({fid}) was also in the reference and was left out of it.")
    if len(rprof) == 0:
        raise ValueError("the reference has no article to compare with")

    # percentiles
    prow = []
    for m in metric_columns(fprof):
        if m not in rprof.columns:
            continue
        ref_vals = rprof[m].to_numpy(dtype=float)
        val = float(fprof[m].iloc[0])
        ok = ref_vals[~np.isnan(ref_vals)]
        prow.append(
            {
                "metric": m,
                "meaning": describe_column(m),
                "focus": val,
                "reference_median": float(np.median(ok)) if len(ok) else math.nan,
                "reference_q25": float(np.quantile(ok, 0.25)) if len(ok) else math.nan,
                "reference_q75": float(np.quantile(ok, 0.75)) if len(ok) else math.nan,
                "reference_min": float(ok.min()) if len(ok) else math.nan,
                "reference_max": float(ok.max()) if len(ok) else math.nan,
                "reference_below": float((ok < val).mean()) if len(ok) and val == val else math.nan,
                "reference_above": float((ok > val).mean()) if len(ok) and val == val else math.nan,
                "percentile": percentile_of(val, ok),
                "n_reference": int(len(ok)),
            }
        )
    percentiles = pd.DataFrame(prow)

    # permutation tests: frame labels and source types
    tests = []
    labels = list(FRAME_LABELS)
    if focus_sent is not None and ref_sent is not None:
        seen = set(focus_sent["frame"].astype(str)) | set(ref_sent["frame"].astype(str))
        labels += sorted(seen - set(labels) - {"", "nan"})
        fc = _counts_from_sentences(focus_sent, "frame", labels).sum(axis=0)
        rc = _counts_from_sentences(ref_sent, "frame", labels)
        fsrc = _counts_from_sentences(focus_sent, "source_type", SOURCE_TYPES).sum(axis=0)
        rsrc = _counts_from_sentences(ref_sent, "source_type", SOURCE_TYPES)
    else:
        fc = _counts_from_profiles(fprof, "label", labels).sum(axis=0)
        rc = _counts_from_profiles(rprof, "label", labels)
        fsrc = _counts_from_profiles(fprof, "source", SOURCE_TYPES).sum(axis=0)
        rsrc = _counts_from_profiles(rprof, "source", SOURCE_TYPES)
    ft = permutation_test(fc.to_numpy(), rc.to_numpy(), labels, variable="frame", seed=seed, n_perm=n_perm)
    st = permutation_test(fsrc.to_numpy(), rsrc.to_numpy(), SOURCE_TYPES, variable="source type", seed=seed, n_perm=n_perm)
    tests = pd.DataFrame(ft.rows() + st.rows())
    notes.append(
        "Note: the permutation tests treat sentences as independent draws; sentences of one "
        "article are not, so p-values are optimistic. The percentiles (article against article) "
        "do not have that problem."
    )

    nf, nr = sum(ft.focus_counts), sum(ft.reference_counts)
    f_share = {c: (ft.focus_counts[i] / nf if nf else 0.0) for i, c in enumerate(labels)}
    r_share = {c: (ft.reference_counts[i] / nr if nr else 0.0) for i, c in enumerate(labels)}
    drivers = find_drivers(focus_sent, r_share, f_share) if focus_sent is not None else find_drivers(None, {}, {})

    return Comparison(
        focus=fprof.reset_index(drop=True),
        reference=rprof.reset_index(drop=True),
        percentiles=percentiles,
        tests=tests,
        by_outlet=aggregate_by_outlet(rprof, fprof),
        drivers=drivers,
        description=description,
        notes=tuple(notes),
    )


# ------------------------------------------------------------------ run (CLI)

#: Every chart ``framing compare`` can write (file stems; a run writes one of the two source mixes).
COMPARE_CHARTS: tuple[str, ...] = (
    "article_strip", "balance_forest", "source_mix_by_outlet", "source_mix_by_article",
    "frame_source_heatmap", "frame_scatter", "percentiles",
)


@dataclass(frozen=True)
class CompareOutputs:
    """What ``run_compare`` wrote, and the comparison itself."""

    out_dir: Path
    comparison: Comparison
    profiles: pd.DataFrame
    files: tuple[Path, ...]
    charts: tuple[Path, ...]
    skipped: tuple[Skipped, ...] = ()

    def summary(self) -> str:
        text = self.comparison.summary()
        text += f"\nWrote {len(self.files)} files to {self.out_dir}/ "
        text += f"({len(self.profiles)} profiles, {len(self.charts)} charts, each as PNG, SVG and CSV).\n"
        if self.skipped:
            text += f"{len(self.skipped)} input item(s) skipped or repaired (also in skipped.json):\n"
            text += "".join(f"  - {s}\n" for s in self.skipped[:20])
            if len(self.skipped) > 20:
                text += f"  ... and {len(self.skipped) - 20} more\n"
        return text


def check_focus_path(path: Path) -> None:
    """Refuse a focus that is no one article file, in the words of the commands (compare,
    report): a folder or a .jsonl/.csv corpus is given with --corpus, not as the focus
    (load_article's 'load it with load_corpus()' speaks to Python users)."""
    from .articles import CORPUS_SUFFIXES

    if not path.exists():
        raise InputError(str(path), "no such article file")
    if path.is_dir() or path.suffix.lower() in CORPUS_SUFFIXES:
        what = "a folder" if path.is_dir() else f"a corpus ({path.suffix.lower()})"
        raise InputError(
            str(path),
            f"is {what}; the focus is one article file (.txt .md .html .json). "
            "Give the corpus with --corpus (corpus= in Python) and one of its articles as the focus",
        )


def _load_focus(article: str | Path | None) -> pd.DataFrame:
    from .articles import load_article
    from .paths import seed_article_path

    path = Path(article) if article is not None else seed_article_path()
    check_focus_path(path)
    art = load_article(path)
    rec = art.as_record()
    if not str(rec.get("title") or "").strip():  # a label for the charts and summary, not a hash
        rec["title"] = path.name
    return pd.DataFrame([rec])


def _readme(description: str, focus: pd.DataFrame, files: Sequence[Path], charts: Sequence[Path]) -> str:
    f = focus.iloc[0]
    lines = [
        "framing compare: one article against reference coverage",
        "",
        f"Focus article: {f['title'] or f['id']} ({f['outlet'] or 'outlet unknown'}), id {f['id']}.",
        "",
        description,
        "",
        "Files:",
        "  profiles.csv    one row per article (the focus has focus=True); columns explained in columns.csv",
        "  comparison.csv  the focus's percentile among reference articles for every metric (kind=percentile)",
        "                  and permutation tests of its frame labels and source types (kind=test)",
        "  by_outlet.csv   reference means per outlet; the focus article is the first row",
        "  drivers.csv     focus sentences whose frame is rarer in the reference",
        "  summary.txt     the same findings in words",
        "Charts (each as .png, .svg and the .csv of the plotted data):",
    ]
    tail = [
        "Sentence numbers: summary.txt, the charts and the HTML report count from 1 (\"sentence 2\"",
        "is the second sentence); the 'sentence' column of the CSV tables counts from 0 (sentence=1).",
    ]
    lines += [f"  {c.name}.png, {c.name}.svg, {c.name}.csv" for c in charts]
    lines += [
        "",
        *tail,
        "",
        "Frames and sources are scored by rules (lexicons in analysis/lexicons/), not by people;",
        "read the drivers and the article strip before trusting a difference.",
    ]
    return "\n".join(lines) + "\n"


def reference_without_focus(description: str, n_left_out: int = 1) -> str:
    """The reference statement once the focus article is left out of the corpus it came with:
    'Reference: 4 articles ..., read from X.' said 4 beside 'Compared with 3 reference articles'.

    >>> reference_without_focus("Reference: 4 articles from 1 outlet, read from c. To compare ...")
    'Reference: 3 articles from 1 outlet, read from c (the focus article, also in it, is left out). To compare ...'
    """
    return _recount_reference(description, n_left_out, "the focus article, also in it, is left out")


def _recount_reference(description: str, n_left_out: int, why: str) -> str:
    """'Reference: N articles ...' with N lowered by ``n_left_out`` and ``why`` said after it."""
    import re

    m = re.match(r"Reference: (\d+) articles?", description)
    if not m or n_left_out <= 0:
        return description
    n = int(m[1]) - n_left_out
    description = f"Reference: {n} article{'s' if n != 1 else ''}{description[m.end():]}"
    return _with_note(description, why)


def _with_note(description: str, note: str) -> str:
    """``note`` in brackets at the end of the statement's first sentence."""
    if not note:
        return description
    # the first sentence ends before the advice (its path may hold '. ', as '.')
    end = description.find(". To compare against coverage")
    if end >= 0:
        head, sep, rest = description[:end], ". ", description[end + 2 :]
    else:
        head, sep, rest = description.partition(". ")
    if not sep and head.endswith("."):
        head, sep = head[:-1], "."
    return f"{head} ({note}){sep}{rest}"


#: files that ``run_compare`` and ``build_report`` write into their output folder
_OUTPUT_FILES = frozenset({
    "profiles.csv", "comparison.csv", "by_outlet.csv", "drivers.csv", "columns.csv",
    "summary.txt", "README.txt", "skipped.json", "report.json", "index.html", "article.html",
})


def is_output_file(path: Path) -> bool:
    """A file this package writes into an output folder (a table, a summary, a chart with
    its CSV, a report page), not an article of the user's."""
    if path.name in _OUTPUT_FILES or path.suffix.lower() in (".png", ".svg"):
        return True
    if path.suffix == ".csv" and path.stem in COMPARE_CHARTS:
        return True
    return path.suffix == ".html" and re.fullmatch(r"\d\d-[\w-]+", path.stem) is not None


def _inside(path: Any, folder: Path) -> bool:
    if not isinstance(path, str | Path) or not str(path):
        return False
    return Path(path).resolve().is_relative_to(folder)


@dataclass
class Coverage:
    """Everything a comparison computed, in memory (what ``run_compare`` writes to disk).

    ``focus`` and ``reference`` are sentence tables; ``profiles`` the article
    table of both (``focus`` column True for the focus article);
    ``comparison`` the :class:`Comparison`; ``description`` says plainly what
    the reference is; ``skipped`` lists every input item not used.
    """

    focus_articles: pd.DataFrame
    reference_articles: pd.DataFrame
    focus: pd.DataFrame
    reference: pd.DataFrame
    comparison: Comparison
    profiles: pd.DataFrame
    description: str
    skipped: list = field(default_factory=list)

    @property
    def focus_id(self) -> str:
        return str(self.focus_articles["id"].iloc[0])


def reference_corpus(
    corpus: str | Path | None = None,
    *,
    focus_id: str | None = None,
    exclude: str | Path | None = None,
) -> tuple[pd.DataFrame, str, list[Skipped], int]:
    """The reference corpus as it is compared: ``(articles, statement, skipped, n_focus)``.

    Files inside the folder ``exclude`` (an output folder of this package: its CSV tables and
    summaries would read as articles) and articles with the focus's id are left out, listed in
    ``skipped`` and the statement counts what is left; ``n_focus`` is how many had the focus's id.
    """
    import os

    from .articles import OWN_OUTPUT
    from .corpora import describe_reference, resolve_corpus
    from .paths import ENV_CORPUS

    ref_arts, description = resolve_corpus(corpus)
    n_loaded = len(ref_arts)
    skipped = list(ref_arts.attrs.get("skipped", []))
    notes: list[str] = []
    source = corpus if corpus is not None else os.environ.get(ENV_CORPUS)
    if exclude is not None:
        root = Path(exclude).resolve()
        # the output folder is the corpus folder (or holds it: "--corpus . -o ."): only the
        # files this package writes there are left out, not every article
        mixed = source is not None and Path(source).resolve().is_relative_to(root)

        def ours(p: Any) -> bool:
            return _inside(p, root) and (not mixed or is_output_file(Path(p)))

        # our own PNGs and chart CSVs there are not listed; the earlier run's tables and text
        # files that the loader knew as ours, or read as articles, are (as left out)
        earlier = [str(s.source) for s in skipped if ours(s.source) and str(s.reason).startswith(OWN_OUTPUT)
                   and Path(str(s.source)).suffix.lower() not in (".png", ".svg")]
        skipped = [s for s in skipped if not ours(s.source)]
        if "path" in ref_arts.columns:
            own = ref_arts["path"].map(ours).to_numpy(dtype=bool)
            earlier += list(ref_arts.loc[own, "path"].astype(str))
            ref_arts = ref_arts[~own].reset_index(drop=True)
        if earlier:
            for p in dict.fromkeys(earlier):
                skipped.append(Skipped(source=p, reason="inside the output folder (an earlier run's output); left out of the reference"))
            notes.append(f"files inside the output folder {root} are left out")
    n_dup = 0
    if focus_id is not None:
        dup = ref_arts["id"].astype(str) == str(focus_id)
        n_dup = int(dup.sum())
        if n_dup:
            ref_arts = ref_arts[~dup].reset_index(drop=True)
            notes.append("the focus article, also in it, is left out")
            skipped.append(Skipped(source=str(focus_id), reason="the focus article is also in the reference corpus; left out of the reference"))
    if notes:  # the statement describes the articles compared: their number, outlets and dates
        if source is not None:
            description = describe_reference(ref_arts, source=str(Path(source)))
        else:
            description = _recount_reference(description, n_loaded - len(ref_arts), "")
        description = _with_note(description, "; ".join(notes))
    return ref_arts, description, skipped, n_dup


def compare_coverage(
    article: str | Path | None = None,
    *,
    corpus: str | Path | None = None,
    n_jobs: int = 1,
    progress: bool = True,
    lexicon: Any = None,
    exclude: str | Path | None = None,
) -> Coverage:
    """Score the focus article and the reference corpus and compare them, without writing files.

    ``article`` None is the seed; ``corpus`` None is ``$FRAMING_CORPUS`` or
    the embedded default (see ``analysis.corpora``). A reference article with
    the focus's id is left out of the reference (it would be compared with itself),
    and so is any file inside the folder ``exclude`` (``run_compare``'s output folder:
    with ``--corpus .`` a second run read the first one's summary.txt and CSV tables,
    the focus's own sentences among them, as reference articles).

    >>> cov = compare_coverage()                          # doctest: +SKIP
    >>> cov.comparison.summary()                          # doctest: +SKIP
    """
    from .batch import score_corpus

    focus_art = _load_focus(article)
    fid = str(focus_art["id"].iloc[0])
    ref_arts, description, skipped, n_dup = reference_corpus(corpus, focus_id=fid, exclude=exclude)
    dup = n_dup > 0
    if len(ref_arts) == 0:
        raise InputError(
            str(corpus or "default corpus"),
            "the reference corpus has no article but the focus article itself "
            "(it is left out of the reference); give a corpus of other articles"
            if dup
            else "the reference corpus has no articles",
        )
    cols = ["id", "title", "outlet", "author", "date", "url", "text"]
    ref_in = ref_arts[[c for c in cols if c in ref_arts.columns]]
    focus_sent = score_corpus(focus_art[cols], n_jobs=1, progress=False, lexicon=lexicon)
    ref_sent = score_corpus(ref_in, n_jobs=n_jobs, progress=progress, lexicon=lexicon)
    skipped += list(focus_sent.attrs.get("skipped", [])) + list(ref_sent.attrs.get("skipped", []))
    if len(focus_sent) == 0:
        raise InputError(str(article or "seed"), "the focus article has no sentence to score")
    if len(ref_sent) == 0:
        raise InputError(str(corpus or "default corpus"), "no reference article could be scored")
    scored_ids = set(ref_sent["article_id"].astype(str))
    reported = {str(s.source) for s in skipped}  # a skipped article is reported under its id
    for rec in ref_in.itertuples(index=False):
        if str(rec.id) not in scored_ids and str(rec.id) not in reported:
            skipped.append(Skipped(source=str(rec.id), reason="no sentences were scored"))
    meta_cols = ["id", "title", "outlet", "date"]
    comp = compare(
        focus_sent,
        ref_sent,
        focus_articles=focus_art[meta_cols],
        reference_articles=ref_in[[c for c in meta_cols if c in ref_in.columns]],
        description=description,
    )
    profiles = pd.concat([comp.focus.assign(focus=True), comp.reference.assign(focus=False)], ignore_index=True)
    profiles = profiles[["article_id", "focus", *[c for c in profiles.columns if c not in ("article_id", "focus")]]]
    return Coverage(
        focus_articles=focus_art,
        reference_articles=ref_in,
        focus=focus_sent,
        reference=ref_sent,
        comparison=comp,
        profiles=profiles,
        description=description,
        skipped=skipped,
    )


def run_compare(
    article: str | Path | None = None,
    *,
    corpus: str | Path | None = None,
    out_dir: str | Path = "out/compare",
    n_jobs: int = 1,
    progress: bool = True,
    lexicon: Any = None,
    charts: bool = True,
) -> CompareOutputs:
    """Score the focus article and the reference, compare, and write everything to ``out_dir``.

    ``article`` None is the seed; ``corpus`` None is ``$FRAMING_CORPUS`` or
    the embedded default (see ``analysis.corpora``). Writes ``profiles.csv``,
    ``comparison.csv``, ``by_outlet.csv``, ``drivers.csv``, ``columns.csv``,
    ``summary.txt``, ``README.txt`` and the charts (PNG + SVG + CSV each).
    """
    from .io import write_table, write_text

    out = Path(out_dir)
    cov = compare_coverage(article, corpus=corpus, n_jobs=n_jobs, progress=progress, lexicon=lexicon, exclude=out)
    comp, profiles, skipped, description = cov.comparison, cov.profiles, cov.skipped, cov.description
    focus_sent, ref_sent, focus_art = cov.focus, cov.reference, cov.focus_articles
    files: list[Path] = []
    files.append(write_table(profiles, out / "profiles.csv"))
    files.append(write_table(comp.to_frame(), out / "comparison.csv"))
    files.append(write_table(comp.by_outlet, out / "by_outlet.csv"))
    files.append(write_table(comp.drivers, out / "drivers.csv"))
    colmeta = pd.DataFrame({"column": list(profiles.columns)})
    colmeta["meaning"] = [
        "bool: True for the focus article" if c == "focus" else describe_column(c) for c in profiles.columns
    ]
    files.append(write_table(colmeta, out / "columns.csv"))
    chart_paths: list[Path] = []
    if charts:
        from .charts import draw_compare_charts

        chart_paths = draw_compare_charts(focus_sent, ref_sent, profiles, comp, out, description=description)
        for stem in chart_paths:
            files += [stem.with_suffix(s) for s in (".png", ".svg", ".csv")]
    files.append(write_text(out / "summary.txt", comp.summary()))
    files.append(write_text(out / "README.txt", _readme(description, focus_art, files, chart_paths)))
    # a re-run into the same folder: no chart or skipped.json of an earlier run is left beside
    # this run's files (source_mix_by_outlet vs _by_article depends on the reference's outlets)
    for chart in COMPARE_CHARTS:
        if out / chart not in chart_paths:
            for suffix in (".png", ".svg", ".csv"):
                (out / f"{chart}{suffix}").unlink(missing_ok=True)
    (out / "skipped.json").unlink(missing_ok=True)
    if skipped:
        import json

        files.append(write_text(out / "skipped.json", json.dumps([s.as_dict() for s in skipped], indent=1, ensure_ascii=False)))
    return CompareOutputs(out_dir=out, comparison=comp, profiles=profiles, files=tuple(files),
                          charts=tuple(chart_paths), skipped=tuple(skipped))
