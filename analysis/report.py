"""The HTML report: run the notebooks with papermill, render them with nbconvert.

``build_report()`` with no arguments reports the seed article against the
embedded default corpus; it writes, into ``out_dir``::

    index.html                   links to everything, says what the reference is
    article.html                 the annotated article (analysis.render)
    01-seed-article.html         the article: sentence table, framing strip, sourcing
    02-compare-coverage.html     the article against the reference corpus
    03-validate-scorers.html     the scorers against gold annotations
    notebooks/*.ipynb            the executed notebooks (with outputs)

The notebooks are read from their reviewed jupytext form (``notebooks/*.py``,
percent format; the paired ``.ipynb`` is used when the ``.py`` is missing),
executed in a kernel running this interpreter, and rendered with code
hidden, charts embedded as images, and no script or remote resource (the
pages carry a Content-Security-Policy that forbids both)::

    >>> build_report()                                # doctest: +SKIP
    PosixPath('/.../out/report')

A notebook that fails does not stop the others: its page shows the error,
the index marks it, and :class:`ReportError` is raised at the end naming it.
"""

from __future__ import annotations

import html
import json
import os
import sys
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .articles import GENERATOR_META
from .errors import FramingError, InputError
from .paths import notebooks_dir

#: The Content-Security-Policy of every report page: inline styles and data: images only.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)

KERNEL_NAME = "python3"
PRIVATE_KERNEL_NAME = "framing-analysis"


class ReportError(FramingError):
    """A notebook of the report failed (the message names it and the error)."""


@dataclass(frozen=True)
class ReportPart:
    """One notebook of the report: its file stem, a heading and what it answers."""

    name: str
    heading: str
    blurb: str
    params: Callable[[dict[str, Any]], dict[str, Any]] = field(repr=False)


def _only(*keys: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda p: {k: p[k] for k in keys if k in p}


#: The notebooks of the report, in order, and the parameters each one takes.
PARTS: tuple[ReportPart, ...] = (
    ReportPart(
        "01-seed-article",
        "The article",
        "Every sentence with its frame and source; the framing strip; who is cited.",
        _only("article"),
    ),
    ReportPart(
        "02-compare-coverage",
        "Compared with other coverage",
        "Profiles, percentiles and a permutation test against the reference corpus; "
        "charts; the sentences that drive the difference.",
        _only("article", "corpus", "exclude"),
    ),
    ReportPart(
        "03-validate-scorers",
        "How good are the labels?",
        "The scorers against hand annotations: metrics per label, confusion tables, "
        "worst errors, lexicon coverage, the supervised model's cross-validation.",
        _only("gold", "gold2"),
    ),
)


# ------------------------------------------------------------ notebook helpers
#
# The notebooks stay thin: what they say in words is computed here, from the
# tables, so that it stays true for any article. Article text that goes into
# Markdown or HTML is escaped (a ``<script>`` in an article is shown, not run).

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+!|~$"})


def md_escape(text: Any) -> str:
    """Text made safe for Markdown (and the HTML inside it): shown literally.

    >>> md_escape("<b>*Talks*</b> in [Geneva]")
    '&lt;b&gt;\\\\*Talks\\\\*&lt;/b&gt; in \\\\[Geneva\\\\]'
    """
    return html.escape(str(text), quote=False).translate(_MD_SPECIAL).replace("\n", " ")


def text_block(text: str):
    """Plain text (e.g. ``Comparison.summary()``) for display: escaped, paragraphs kept,
    and a run of lines opening with "- " shown as a bulleted list."""
    from IPython.display import HTML

    return HTML(text_block_html(text))


def text_block_html(text: str) -> str:
    r"""The HTML of :func:`text_block`.

    >>> text_block_html("Two findings:\n- more talks\n- fewer officials\n\nDone.")
    '<div style="font-family:system-ui,sans-serif;line-height:1.5"><p>Two findings:</p><ul><li>more talks</li><li>fewer officials</li></ul><p>Done.</p></div>'
    """
    parts: list[str] = []
    para: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if para:
            parts.append(f"<p>{'<br>'.join(html.escape(x) for x in para)}</p>")
            para.clear()
        if items:
            parts.append(f"<ul>{''.join(f'<li>{html.escape(x)}</li>' for x in items)}</ul>")
            items.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("- "):
            if para:
                flush()
            items.append(stripped[2:])
        elif not stripped:
            flush()
        else:
            if items:
                flush()
            para.append(stripped)
    flush()
    return (
        '<div style="font-family:system-ui,sans-serif;line-height:1.5">' + "".join(parts) + "</div>"
    )


def show_table(df, *, index: bool = False, digits: int | None = 2):
    """A DataFrame as an HTML table for reports: escaped cells, no index column by default,
    numbers shown with ``digits`` decimals (0.0 as 0.00, like its neighbours), empty cells
    for missing values."""
    from IPython.display import HTML

    if digits is not None:
        df = df.round(digits)
    nullable = [c for c in df.columns if str(df[c].dtype) in ("Int64", "Int32", "Float64", "boolean")]
    if nullable:  # na_rep does not reach pandas' <NA> of nullable columns
        df = df.assign(**{c: df[c].astype(object).where(df[c].notna(), "") for c in nullable})
    fmt = {"float_format": f"{{:.{digits}f}}".format} if digits is not None else {}
    return HTML(df.to_html(index=index, escape=True, border=0, classes="dataframe", na_rep="", **fmt))


def collapsed_table(summary: str, df, **to_html: Any):
    """A table folded under a one-line summary (``<details>``); cells are escaped."""
    from IPython.display import HTML

    table = df.to_html(escape=True, border=0, classes="dataframe", **to_html)
    return HTML(f"<details><summary>{html.escape(summary)}</summary>{table}</details>")


def p_value_text(p: Any) -> str:
    """A p-value as people read it: '< 0.001' rather than '0.000' or '0.0002'.

    >>> p_value_text(0.0002), p_value_text(0.0412), p_value_text(1.0)
    ('< 0.001', '0.041', '1.000')
    """
    try:
        v = float(p)
    except (TypeError, ValueError):
        return ""
    if v != v:  # NaN
        return ""
    return "< 0.001" if v < 0.001 else f"{v:.3f}"


def metrics_table(df, metrics: Sequence[str] | None = None, *, keep: Sequence[str] = ()):
    """Metric columns of an article or outlet table for people: headed in words
    (``compare.metric_label``), shares as percentages, the balance signed; ``keep``
    columns go first, renamed from snake_case."""
    import pandas as pd

    from .compare import metric_columns, metric_label, metric_value

    if metrics is None:  # every metric, not the flags and counts (focus, n_articles)
        metrics = [
            m for m in metric_columns(df) if not m.startswith("n_") and df[m].dtype != bool
        ]
    metrics = [m for m in metrics if m in df.columns]
    out = pd.DataFrame(index=df.index)
    for c in keep:
        if c in df.columns:
            out[_COLUMN_WORDS.get(c, c.replace("_", " "))] = df[c]
    for m in metrics:
        out[metric_label(m)] = [metric_value(m, v) for v in df[m]]
    return out


_COLUMN_WORDS = {
    "n_articles": "articles",
    "n_sentences": "sentences",
    "source_type": "source",
    "article_id": "article",
}


def percentile_table(percentiles, metrics: Sequence[str] | None = None):
    """``Comparison.percentiles`` for people: each measure in words, the article's value,
    the reference's median and middle half, and the percentile as a whole number."""
    import pandas as pd

    from .compare import metric_label, metric_value

    df = percentiles
    if metrics is not None:
        df = df.set_index("metric").reindex([m for m in metrics if m in set(df["metric"])]).reset_index()
    rows = []
    # a carrier share exists only for the reference articles with that frame's sentences
    n_all = int(percentiles["n_reference"].max()) if "n_reference" in percentiles.columns and len(percentiles) else 0
    for r in df.to_dict("records"):
        m = r["metric"]
        pct = r["percentile"]
        n = r.get("n_reference", n_all)
        fewer = f" (among {int(n)} of {n_all} articles)" if pct == pct and n == n and int(n) < n_all else ""
        rows.append(
            {
                "measure": metric_label(m),
                "this article": metric_value(m, r["focus"]),
                "reference median": metric_value(m, r["reference_median"]),
                "middle half of the reference": (
                    f"{metric_value(m, r['reference_q25'])} to {metric_value(m, r['reference_q75'])}"
                ),
                "percentile (0\u2013100)": "" if pct != pct else f"{pct:.0f}{fewer}",
            }
        )
    return pd.DataFrame(rows)


def tests_tables(tests):
    """``Comparison.tests`` for people: (overall, per category). The overall table has one
    row per test (sentences compared, Cramér's V, p-value); the other one row per frame
    label or source type, with shares and their difference as percentages."""
    import pandas as pd

    from .compare import _FRAME_WORDS
    from .render import source_name

    overall = tests[tests["category"] == "(all)"]
    whole = pd.DataFrame(
        {
            "what is compared": [
                "the mix of frame labels" if str(t).startswith("frame") else "the mix of source types"
                for t in overall["test"]
            ],
            "sentences: article": overall["n_focus"].astype(int).to_numpy(),
            "sentences: reference": overall["n_reference"].astype(int).to_numpy(),
            "effect size (Cramér's V)": [f"{v:.2f}" for v in overall["effect_size"]],
            "p-value": [p_value_text(p) for p in overall["p_value"]],
        }
    )
    cats = tests[tests["category"] != "(all)"]
    share = pd.DataFrame(
        {
            "": ["frame label" if str(t).startswith("frame") else "source" for t in cats["test"]],
            "category": [
                _FRAME_WORDS.get(c, c) if str(t).startswith("frame") else source_name(c)
                for t, c in zip(cats["test"], cats["category"], strict=True)
            ],
            "share in the article": [f"{v:.0%}" for v in cats["focus_share"]],
            "share in the reference": [f"{v:.0%}" for v in cats["reference_share"]],
            "difference (95% interval)": [
                f"{_signed_pct(d)} ({_signed_pct(lo)} to {_signed_pct(hi)})"
                for d, lo, hi in zip(
                    cats["difference"], cats["difference_low"], cats["difference_high"], strict=True
                )
            ],
            "p-value": [p_value_text(p) for p in cats["p_value"]],
        }
    )
    return whole, share


def _signed_pct(x: float) -> str:
    """A difference of shares in points: '+42%', '-3%', and '0%' (never '-0%')."""
    k = round(float(x) * 100)
    return f"{k:+d}%" if k else "0%"


def _label_order(counts) -> list[str]:
    """The four frame labels in their usual order, then any user label present."""
    from .schema import FRAME_LABELS

    return [*FRAME_LABELS, *[f for f in counts.index if f not in FRAME_LABELS]]


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _n(k: int, noun: str, plural: str | None = None) -> str:
    """'1 sentence', '3 sentences'."""
    return f"{k} {noun if k == 1 else plural or noun + 's'}"


def speaker_key(name: Any) -> str:
    """The same speaker however an article writes it: 'The State Department' and 'State
    Department' are one speaker (case and a leading article ignored).

    >>> speaker_key("The State Department") == speaker_key("State Department")
    True
    """
    words = " ".join(str(name or "").split()).lower()
    for article in ("the ", "a ", "an "):
        if words.startswith(article):
            return words[len(article) :]
    return words


def _speaker_column(scored) -> str:
    return "speaker_canonical" if "speaker_canonical" in scored.columns else "speaker"


def _speaker_groups(scored):
    """Sentences grouped by speaker_key; each group named by its most frequent spelling."""
    col = _speaker_column(scored)
    names = scored[col].fillna("").astype(str).str.strip()
    cited = scored[names != ""].assign(_name=names[names != ""])
    key = cited["_name"].map(speaker_key)
    shown = cited.groupby(key)["_name"].agg(lambda s: s.value_counts().index[0])
    return cited.assign(speaker_shown=key.map(shown))


def speaker_table(scored):
    """Who is cited in one article: one row per speaker (spellings merged by ``speaker_key``),
    with the source type, sentence count, the sentences carrying each frame and how they are
    quoted; most cited first."""
    import pandas as pd

    from .render import source_name

    cols = ["speaker", "source", "sentences", "with diplomacy", "with escalation", "quoted as"]
    if len(scored) == 0:
        return pd.DataFrame(columns=cols)
    cited = _speaker_groups(scored)
    if len(cited) == 0:
        return pd.DataFrame(columns=cols)
    modes = cited["quote_mode"] if "quote_mode" in cited.columns else pd.Series("", index=cited.index)
    table = (
        cited.assign(_mode=modes.fillna("").astype(str))
        .groupby("speaker_shown", sort=False)
        .agg(
            # the most common type; none known (cells with no value): an empty cell
            source=("source_type", lambda s: source_name(m.iloc[0]) if len(m := s.mode()) else ""),
            sentences=("text", "size"),
            dip=("diplomacy", "sum"),
            esc=("escalation", "sum"),
            quoted=("_mode", lambda s: ", ".join(QUOTE_WORDS.get(m, m) for m in sorted(set(s) - {"none", ""}))),
        )
        .sort_values("sentences", ascending=False, kind="stable")
        .reset_index()
    )
    table.columns = cols
    return table


#: How a quote mode reads (``quote_mode`` of the sentence table).
QUOTE_WORDS = {
    "direct": "direct quote",
    "partial": "quoted phrase",
    "indirect": "reported speech",
    "continuation": "quote running on",
    "none": "",
}


def article_findings(scored) -> str:
    """What the numbers say about one scored article, as Markdown bullets.

    Shares of each frame, the balance, who is cited and who carries each
    frame, where in the article the frames sit; every figure is computed
    from ``scored`` (the sentence table of one article).
    """
    from .render import frame_name, source_name

    n = len(scored)
    if n == 0:
        return "- The article has no sentences."
    frame = scored["frame"].astype(str)
    dip = scored["diplomacy"].astype(bool)
    esc = scored["escalation"].astype(bool)
    stype = scored["source_type"].fillna("unattributed").astype(str)
    lines = []
    n_par = scored["paragraph"].nunique() if "paragraph" in scored.columns else 1
    lines.append(
        f"- **{_n(n, 'sentence')}** in {_n(n_par, 'paragraph')}: "
        f"{dip.sum()} ({_pct(dip.mean())}) {'carries' if dip.sum() == 1 else 'carry'} the **diplomacy** frame, "
        f"{esc.sum()} ({_pct(esc.mean())}) the **escalation** frame "
        f"({(frame == 'mixed').sum()} both, {(frame == 'neutral').sum()} neither)."
    )
    labels = frame.value_counts()
    lines.append(
        "- By label, as in the charts and the annotated article (a sentence with both frames "
        "counted once): "
        + ", ".join(f"{frame_name(f)} {int(labels.get(f, 0))}" for f in _label_order(labels))
        + "."
    )
    bal = dip.mean() - esc.mean()
    lean = "diplomacy" if bal > 0.05 else "escalation" if bal < -0.05 else "neither frame clearly"
    lines.append(
        f"- Balance (diplomacy share minus escalation share): **{bal:+.2f}** — "
        f"the article leans towards {lean}."
    )
    attributed = stype != "unattributed"
    counts = stype[attributed].value_counts()
    if len(counts):
        mix = ", ".join(f"{source_name(t)} {k}" for t, k in counts.items())
        rest = "none is in the writer's own voice" if attributed.all() else "the rest is the writer's own voice"
        lines.append(
            f"- **{attributed.sum()} of {_n(n, 'sentence')} ({_pct(attributed.mean())}) "
            f"{'is' if attributed.sum() == 1 else 'are'} attributed** "
            f"to a source ({mix}); {rest}."
        )
    else:
        lines.append(
            "- No sentence is attributed to a source: the article is all in the writer's own voice."
        )
    speakers = _speaker_groups(scored[attributed.to_numpy()])["speaker_shown"].value_counts()
    if len(speakers) and speakers.iloc[0] > 1:
        top = ", ".join(f"{md_escape(s)} ({k})" for s, k in speakers.head(4).items() if k > 1)
        lines.append(f"- Most cited (number of sentences): {top}.")
    elif len(speakers):
        names = ", ".join(md_escape(s) for s in speakers.index[:4])
        more = f" and {len(speakers) - 4} more" if len(speakers) > 4 else ""
        lines.append(f"- Cited, in one sentence each: {names}{more}.")
    if "anonymous" in scored.columns and attributed.any():
        anon = (scored["anonymous"].astype(bool) & attributed).sum()
        lines.append(
            f"- {anon} of the {_n(int(attributed.sum()), 'attributed sentence')} "
            f"{'cites' if attributed.sum() == 1 else 'cite'} a source that is not named."
        )
    for name, flag in (("diplomacy", dip), ("escalation", esc)):
        k = int(flag.sum())
        if k == 0:
            continue
        own = int((flag & ~attributed).sum())
        top_type = stype[flag & attributed].value_counts()
        carrier = f"; most often cited: {_tied_top(top_type, source_name)}" if len(top_type) else ""
        lines.append(
            f"- Of the {_n(k, name + ' sentence')}, {own} ({_pct(own / k)}) "
            f"{'is' if own == 1 else 'are'} in the writer's own voice{carrier}."
        )
    if "sentence" in scored.columns and n >= 4 and (dip.any() or esc.any()):
        first = (scored["sentence"].rank(method="first") <= n / 2).to_numpy()
        where = [
            f"{name} {int((flag & first).sum())} and {int((flag & ~first).sum())}"
            for name, flag in (("diplomacy", dip), ("escalation", esc))
        ]
        lines.append(
            f"- Where the frames sit (sentences in the first half of the article and in the "
            f"second): {'; '.join(where)}."
        )
    label_counts = frame.value_counts()
    if len(label_counts):
        k = int(label_counts.iloc[0])
        tied = [f for f in _label_order(label_counts) if int(label_counts.get(f, 0)) == k]
        if len(tied) == 1:
            lines.append(f"- The most common label is *{frame_name(tied[0])}* ({_n(k, 'sentence')}).")
        else:  # value_counts puts one of the tied labels first; naming it alone was arbitrary
            names = _and([f"*{frame_name(f)}*" for f in tied])
            lines.append(f"- The most common labels are {names}, tied at {_n(k, 'sentence')} each.")
    return "\n".join(lines)


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _tied_top(counts, name: Callable[[str], str]) -> str:
    """The most frequent category of ``counts`` (a value_counts), or all of those tied for it."""
    k = counts.iloc[0]
    tied = [name(str(c)) for c, v in counts.items() if v == k]
    return tied[0] if len(tied) == 1 else _and(tied) + f" (tied, {int(k)} each)"


def resolve_gold(gold: str | Path | None = None) -> Path:
    """The gold to validate against: ``gold``, else the shared dev gold when present,
    else the seed article's hand labels (``data/annotations/seed.json``)."""
    from .paths import seed_gold_path, shared_gold_dev_path

    if gold is not None:
        return Path(gold)
    return shared_gold_dev_path() or seed_gold_path()


def validation_findings(result, gold_path: str | Path | None = None) -> str:
    """What an ``EvaluationResult`` says, as Markdown bullets (computed, never hand-written).

    With ``gold_path``, a shipped gold set says whether the rules were tuned on it."""
    m = result.metrics
    lines = [
        f"- Evaluated on **{m['n_sentences']} hand-labelled sentences of {m['n_articles']} "
        f"article{'s' if m['n_articles'] != 1 else ''}**"
        + (
            f" ({m['n_without_text']} scored without their article's text)"
            if m.get("n_without_text")
            else ""
        )
        + "."
    ]
    role_line = _role_line(gold_role(gold_path)) if gold_path is not None else ""
    if role_line:
        lines.append(role_line)
    frames = m["frames"]
    parts = [
        f"**{f}** F1 {v['f1']:.2f} (precision {v['precision']:.2f}, recall {v['recall']:.2f}, "
        f"{v['support']} gold sentences)"
        for f, v in frames.items()
    ]
    lines.append("- Frames: " + "; ".join(parts) + ".")
    lines.append(
        f"- The four-way frame label (diplomacy, escalation, both, neither) is right for "
        f"{m['frame_accuracy']:.0%} of sentences."
    )
    src = m.get("sourcing")
    if src:
        lines.append(
            f"- Sourcing: the source type is right for {src['accuracy']:.0%} of sentences "
            f"(macro-F1 {src['macro_f1']:.2f}); attributed-or-not F1 {src['attributed_f1']:.2f}; "
            f"the speaker is found for {src['speaker_match_rate']:.0%} of gold-attributed sentences "
            f"({src['speaker_matched']} of {src['speaker_total']})."
        )
        per = {t: v for t, v in src["per_type"].items() if v.get("support")}
        if per:
            worst = min(per, key=lambda t: per[t]["f1"])
            from .render import source_name

            lines.append(
                f"- Weakest source type: *{source_name(worst)}* "
                f"(F1 {per[worst]['f1']:.2f} on {per[worst]['support']} gold sentences)."
            )
    errs = result.errors
    if len(errs):
        kinds = errs["error"].map(error_words).value_counts()
        lines.append(
            f"- Of the {len(errs)} framing errors shown below (the scorer's most confident): "
            + ", ".join(f"{k} {v}" for k, v in kinds.items())
            + "."
        )
    return "\n".join(lines)


def gold_role(gold_path: str | Path) -> str | None:
    """The role of a shipped gold set ('Russia–Ukraine, tuning', '… held out') when
    ``gold_path`` is one of them (``evaluate.GOLD_SETS``), else None (the user's own gold)."""
    from .evaluate import GOLD_SETS
    from .paths import annotations_dir, shared_path

    try:
        target = Path(gold_path).resolve()
    except OSError:
        return None
    for _, where, role in GOLD_SETS:
        if where.startswith("shared:"):
            path = shared_path(*where.removeprefix("shared:").split("/"))
        else:
            path = annotations_dir() / where
        if path is not None and Path(path).resolve() == target:
            return role
    return None


def _role_line(role: str | None) -> str:
    if role is None:
        return ""
    if "tuning" in role:
        return (
            f"- **These figures flatter the scorers.** This gold ({md_escape(role)}) was used to "
            "write the rules: its errors were read and fixed. For articles the scorers have not "
            "seen, read the *held out* rows of the table at the end of this page."
        )
    return (
        f"- This gold ({md_escape(role)}) was labelled before any scorer ran on it and nobody "
        "tunes on it: the figures are an honest estimate for unseen articles."
    )


#: What an error of ``evaluate.worst_errors`` means, in words.
_ERROR_WORDS = {"false positive": "false alarm", "false negative": "missed"}


def error_words(error: str) -> str:
    """'false negative escalation' -> 'missed escalation'; 'false positive diplomacy' ->
    'false alarm: diplomacy' (the scorer gave the frame, the gold does not)."""
    for raw, words in _ERROR_WORDS.items():
        if error.startswith(raw):
            frame = error[len(raw) :].strip()
            return f"{words} {frame}" if words == "missed" else f"{words}: {frame}"
    return error


def label_metrics_table(per_label: Mapping[str, Mapping[str, Any]], names: Callable[[str], str] = str):
    """Per-label precision, recall and F1 (``EvaluationResult.metrics``) for people: one row
    per label that the gold or the scorer uses, counts headed in words, and a blank where a
    figure is undefined (no gold sentence with the label: no recall; never predicted: no
    precision), not a 0.00 that reads as a failure."""
    import pandas as pd

    rows = []
    for label, v in per_label.items():
        tp, fp, fn = int(v["tp"]), int(v["fp"]), int(v["fn"])
        if tp + fp + fn == 0:
            continue
        rows.append(
            {
                "label": names(label),
                "precision": v["precision"] if tp + fp else None,
                "recall": v["recall"] if tp + fn else None,
                "F1": v["f1"] if tp + fn and tp + fp else None,
                "gold sentences": tp + fn,
                "found (agree)": tp,
                "false alarms": fp,
                "missed": fn,
            }
        )
    return pd.DataFrame(rows, columns=[
        "label", "precision", "recall", "F1", "gold sentences", "found (agree)", "false alarms",
        "missed",
    ]).astype({"precision": "Float64", "recall": "Float64", "F1": "Float64"})


# --------------------------------------------------------------------- kernel


def ensure_kernel(name: str | None = None) -> str:
    """A Jupyter kernel name that runs this interpreter (where ``analysis`` is installed).

    ``python3`` when its kernel spec runs this interpreter (jupyter_client
    replaces a bare ``python`` with ``sys.executable``); otherwise a spec
    named ``framing-analysis`` is installed for ``sys.executable`` in
    ``sys.prefix`` (or the user's Jupyter folder when that is read-only).
    An explicit ``name`` is returned unchanged.
    """
    if name:
        return name
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    ksm = KernelSpecManager()
    for candidate in (KERNEL_NAME, PRIVATE_KERNEL_NAME):
        try:
            spec = ksm.get_kernel_spec(candidate)
        except NoSuchKernel:
            continue
        if _runs_this_python(spec.argv):
            return candidate
    from ipykernel.kernelspec import install

    try:
        install(
            kernel_name=PRIVATE_KERNEL_NAME,
            display_name="Python (framing-analysis)",
            prefix=sys.prefix,
        )
    except OSError:
        install(
            kernel_name=PRIVATE_KERNEL_NAME, display_name="Python (framing-analysis)", user=True
        )
    return PRIVATE_KERNEL_NAME


def _runs_this_python(argv: Sequence[str]) -> bool:
    if not argv:
        return False
    exe = argv[0]
    bare = {"python", f"python{sys.version_info[0]}", "python{}.{}".format(*sys.version_info[:2])}
    if exe in bare:
        return True
    try:
        return Path(exe).resolve() == Path(sys.executable).resolve() or Path(exe) == Path(
            sys.executable
        )
    except OSError:
        return False


# ------------------------------------------------------------------ notebooks


def read_notebook(name: str, folder: str | Path | None = None):
    """The notebook ``name`` as an nbformat node: from its jupytext ``.py`` when present."""
    import nbformat

    folder = Path(folder) if folder is not None else notebooks_dir()
    py, ipynb = folder / f"{name}.py", folder / f"{name}.ipynb"
    if py.exists():
        import jupytext

        nb = jupytext.read(py)
    elif ipynb.exists():
        nb = nbformat.read(ipynb, as_version=4)
    else:
        raise ReportError(f"{folder}: no notebook {name}.py or {name}.ipynb")
    nb.metadata.setdefault(
        "kernelspec", {"name": KERNEL_NAME, "display_name": "Python 3", "language": "python"}
    )
    return nb


def execute_notebook(
    name: str,
    parameters: Mapping[str, Any],
    output_path: str | Path,
    *,
    kernel_name: str | None = None,
    timeout: float = 600,
    cwd: str | Path | None = None,
    folder: str | Path | None = None,
) -> tuple[Any, BaseException | None]:
    """Run one notebook with papermill; returns (executed notebook, error or None).

    The executed notebook (with outputs, including the failing cell) is
    always written to ``output_path``.
    """
    import nbformat
    import papermill as pm

    nb = read_notebook(name, folder)
    output_path = Path(output_path)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    error: BaseException | None = None
    # The kernel inherits the environment: charts as inline images, and this very
    # checkout of ``analysis`` first on the path (not another installed copy).
    from .paths import ENV_CORPUS, repo_root

    env = {
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(repo_root()), os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    if os.environ.get(ENV_CORPUS):  # the kernel runs in ``cwd`` (the report folder): a relative
        # $FRAMING_CORPUS must name the corpus it names here, where the command was run
        env[ENV_CORPUS] = str(Path(os.environ[ENV_CORPUS]).resolve())
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        pm.execute_notebook(
            nb,
            str(output_path),
            parameters=dict(parameters),
            kernel_name=ensure_kernel(kernel_name),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            cwd=str(cwd) if cwd is not None else None,
            # the kernel's own start-up chatter (e.g. "running over TCP") is not the report's
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except Exception as exc:  # noqa: BLE001 - papermill raises its own and kernel errors
        error = exc
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    if output_path.exists():
        executed = nbformat.read(output_path, as_version=4)
    else:  # papermill failed before writing anything
        executed = nb
    return executed, error


_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block extra_css -%}
<meta http-equiv="Content-Security-Policy" content="__CSP__">
<meta name="referrer" content="no-referrer">
__GENERATOR__
<style>
body.jp-Notebook{max-width:62rem;margin:0 auto;padding:1rem 1.5rem 3rem}
.jp-Cell{padding:.15rem 0}
.jp-OutputArea-output img{max-width:100%;height:auto}
.jp-RenderedHTMLCommon table{font-size:.85rem}
.fa-nav{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.9rem;
  border-bottom:1px solid #ddd;padding:.5rem 0 .6rem;margin-bottom:1rem}
.fa-nav a,.fa-nav strong{margin-right:1.1rem}
body .jp-RenderedHTMLCommon td,body .jp-RenderedHTMLCommon th{text-align:left!important;
  vertical-align:top!important}
body .jp-RenderedHTMLCommon td{max-width:36rem}
details>summary{cursor:pointer;font-weight:600;margin:.4rem 0}
</style>
{%- endblock extra_css -%}
"""


def _exporter():
    import jinja2
    from nbconvert import HTMLExporter

    template = _TEMPLATE.replace("__CSP__", REPORT_CSP).replace("__GENERATOR__", GENERATOR_META)
    return HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"framing_report.html.j2": template})],
        template_file="framing_report.html.j2",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )


def _nav(current: str) -> str:
    links = ['<a href="index.html">Report home</a>', '<a href="article.html">Annotated article</a>']
    for part in PARTS:
        label = html.escape(part.heading)
        if part.name == current:
            links.append(f"<strong>{label}</strong>")
        else:
            links.append(f'<a href="{part.name}.html">{label}</a>')
    return '<nav class="fa-nav">' + "".join(links) + "</nav>"


def render_notebook_html(nb, *, name: str = "", title: str | None = None) -> str:
    """Render an executed notebook to a standalone HTML page with code hidden."""
    nb = _strip_hidden(nb)
    resources = {"metadata": {"name": title or name}}
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    if name:
        body = body.replace("<main>", "<main>" + _nav(name), 1)
    return body


def _strip_hidden(nb):
    """Drop cells tagged ``remove_cell``/``parameters``/``injected-parameters`` and stream
    output (warnings, progress) from the rendered copy; the notebook itself is untouched."""
    import copy

    nb = copy.deepcopy(nb)
    drop = {"remove_cell", "parameters", "injected-parameters"}
    cells = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & drop:
            continue
        if cell.cell_type == "code":
            cell.outputs = [
                o
                for o in cell.get("outputs", [])
                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
            ]
        cells.append(cell)
    nb.cells = cells
    return nb


def _error_text(exc: BaseException) -> str:
    ename = getattr(exc, "ename", None) or type(exc).__name__
    evalue = getattr(exc, "evalue", None) or str(exc)
    cell = getattr(exc, "exec_count", None)
    where = f" (cell {cell})" if cell is not None else ""
    return f"{ename}: {evalue}{where}".strip()


# ---------------------------------------------------------------------- index


#: What an input left out means, on the index page.
_INPUT_DEFAULTS = {
    "article": "the seed article",
    "corpus": "$FRAMING_CORPUS if set, else the embedded default corpus (described above)",
    "gold": "the shared dev gold when on this machine, else the seed article's hand labels",
    "gold2": "none (agreement between annotators not measured)",
}


def _index_html(
    *,
    article_title: str,
    reference: str,
    results: list[tuple[ReportPart, str | None]],
    seconds: float,
    params: Mapping[str, Any],
    findings: str = "",
    earlier: Collection[str] = (),
) -> str:
    """The index page; ``earlier`` names the parts whose page an earlier run built from the
    same inputs (not rebuilt by this one: ``build_report(parts=...)``)."""
    findings_html = ""
    if findings:  # Markdown of article_findings: its article text is escaped already
        import mistune

        findings_html = (
            "<h2>What the numbers say</h2>"
            f"{mistune.html(findings)}"
            '<p class="note">Counted from the automatic labels of every sentence; the pages '
            "below show the evidence, and the last one how often the labels agree with a human "
            "reader.</p>"
        )
    items = []
    items.append(
        '<li><a href="article.html"><strong>The annotated article</strong></a> — every sentence '
        "highlighted by frame, speakers underlined, cue words marked; hover for the evidence.</li>"
    )
    for part, err in results:
        status = f' <span class="fa-fail">failed: {html.escape(err)}</span>' if err else ""
        if part.name in earlier:
            status += ' <span class="note">(built by an earlier run from the same inputs)</span>'
        items.append(
            f'<li><a href="{part.name}.html"><strong>{html.escape(part.heading)}</strong></a> — '
            f"{html.escape(part.blurb)}{status}</li>"
        )
    inputs = "".join(
        f"<li><code>{html.escape(k)}</code>: "
        f"{html.escape(str(v) if v is not None else _INPUT_DEFAULTS.get(k, 'default'))}</li>"
        for k, v in params.items()
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
{GENERATOR_META}
<title>Framing report — {html.escape(article_title)}</title>
<style>
body{{font-family:system-ui,'DejaVu Sans',sans-serif;color:#1a1a1a;max-width:46rem;margin:0 auto;
padding:2rem 1rem;line-height:1.55}}
h1{{font-size:1.5rem;margin-bottom:.2rem}} .sub{{color:#555;margin-top:0}}
li{{margin:.5rem 0}} .fa-fail{{color:#b00020;font-weight:bold}}
.ref{{background:#f6f6f6;border-left:4px solid #999;padding:.6rem .9rem;font-size:.92rem}}
.note{{color:#555;font-size:.9rem}}
footer{{color:#666;font-size:.8rem;margin-top:2rem;border-top:1px solid #ddd;padding-top:.5rem}}
</style></head>
<body>
<h1>Framing report</h1>
<p class="sub">{html.escape(article_title)}</p>
<p>How this article frames the conflict (diplomacy or escalation) and whom it lets speak,
compared with other coverage. All labels are automatic; the last page says how often they
agree with a human reader.</p>
{findings_html}
<h2>The pages</h2>
<ol>{"".join(items)}</ol>
<h2>What the article is compared with</h2>
<p class="ref">{html.escape(reference)}</p>
<h2>Inputs</h2><ul>{inputs}</ul>
<footer>Built by <code>framing report</code> (framing-analysis) in {seconds:.0f} s.
The pages are self-contained: no scripts, no network.</footer>
</body></html>
"""


# --------------------------------------------------------------------- report


def _reference_statement(
    corpus: str | Path | None,
    focus_id: str | None = None,
    exclude: str | Path | None = None,
    *,
    strict: bool = False,
) -> tuple[str, list]:
    """What the reference is, in words (without the focus article and the report's own folder,
    as the comparison page says), and what loading it skipped or repaired. ``strict``: a
    corpus that cannot be read (no usable article, say) raises its InputError."""
    try:
        from .compare import reference_corpus

        _, statement, skipped, _ = reference_corpus(corpus, focus_id=focus_id, exclude=exclude)
        return statement, [s for s in skipped if "focus article is also in" not in s.reason]
    except InputError as exc:
        if strict:
            raise
        return (
            f"Reference: {corpus or 'the embedded default corpus'} (could not be read: {exc})",
            [],
        )
    except Exception as exc:  # noqa: BLE001 - the index still gets written
        return (
            f"Reference: {corpus or 'the embedded default corpus'} (could not be described: {exc})",
            [],
        )


def _earlier_pages(
    out: Path, parts: Sequence[ReportPart], params: dict[str, Any]
) -> tuple[list[tuple[ReportPart, str | None]], list[str]]:
    """The pages of ``parts`` (not rebuilt by this run) that an earlier run left in ``out``:
    ``(kept, removed)``. A page built from the same inputs as this run's (its report.json
    says so) is kept, with the failure it had, and linked from the index; any other (another
    article, corpus or gold, or no record of its inputs) is removed with its executed notebook,
    and named in ``removed``: an index must neither hide a current page nor link a stale one."""
    try:
        record = json.loads((out / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    if not isinstance(record, dict):
        record = {}
    recorded = record.get("parts")
    if not isinstance(recorded, dict):  # a report.json written before the per-part record
        failed = record.get("failed")
        failed = failed if isinstance(failed, dict) else {}
        pages = record.get("pages")
        pages = pages if isinstance(pages, list) else []
        before = {"article": record.get("article"), "corpus": record.get("corpus"), "exclude": str(out)}
        recorded = {
            p.name: {"inputs": p.params(before), "failed": failed.get(p.name)}
            for p in PARTS
            if f"{p.name}.html" in pages and not (set(p.params(params)) - set(p.params(before)))
        }
    kept: list[tuple[ReportPart, str | None]] = []
    removed: list[str] = []
    for part in parts:
        page = out / f"{part.name}.html"
        if not page.is_file():
            continue
        rec = recorded.get(part.name)
        if isinstance(rec, dict) and rec.get("inputs") == json.loads(json.dumps(part.params(params))):
            err = rec.get("failed")
            kept.append((part, str(err) if err else None))
            continue
        page.unlink()
        (out / "notebooks" / f"{part.name}.ipynb").unlink(missing_ok=True)
        removed.append(page.name)
    return kept, removed


def build_report(
    article: str | Path | None = None,
    corpus: str | Path | None = None,
    out_dir: str | Path = "out/report",
    *,
    gold: str | Path | None = None,
    gold2: str | Path | None = None,
    parts: Sequence[str] | None = None,
    kernel_name: str | None = None,
    timeout: float = 600,
    quiet: bool = False,
    notebooks: str | Path | None = None,
) -> Path:
    """Run the report's notebooks and write the HTML report into ``out_dir``; returns it.

    ``article`` is the focus article (a file; None: the seed), ``corpus`` the
    reference (folder, .jsonl, .csv; None: ``$FRAMING_CORPUS`` or the
    embedded default), ``gold``/``gold2`` annotations for the validation page
    (None: the shared dev gold when present, else the seed's gold). ``parts``
    selects notebooks by name (default: all): the page of another part that an
    earlier run built into ``out_dir`` stays linked from the index when it was built from the
    same inputs, and is removed (and said so) when not; ``notebooks`` is the folder they are
    read from (default: the repository's ``notebooks/``). Raises :class:`ReportError`
    after writing everything when a notebook failed.
    """
    from .io import write_text
    from .paths import seed_article_path
    from .render import save_article_html
    from .scoring import score_article

    t0 = time.perf_counter()
    for what, value in (("article", article), ("corpus", corpus), ("gold", gold), ("gold2", gold2)):
        if value is not None and not Path(value).exists():
            raise InputError(str(value), f"no such {what} file or folder")
    if article is not None:  # one article, before any folder is made or notebook run
        from .compare import check_focus_path

        check_focus_path(Path(article))
    out = Path(out_dir).resolve()
    article_path = Path(article).resolve() if article is not None else seed_article_path()
    corpus_path = Path(corpus).resolve() if corpus is not None else None

    def say(msg: str) -> None:
        if not quiet:
            print(f"framing report: {msg}", file=sys.stderr, flush=True)

    scored = score_article(article_path)
    meta = scored.attrs.get("article") or {}
    focus_id = meta.get("id")
    # the reference, before any notebook runs: a corpus of no usable article stops here
    reference, skipped = _reference_statement(
        corpus_path, None if focus_id is None else str(focus_id), out, strict=corpus_path is not None
    )
    out.mkdir(parents=True, exist_ok=True)
    save_article_html(scored, out / "article.html")
    article_title = str(meta.get("title") or article_path.name)
    say(f"annotated article -> {out / 'article.html'}")

    params: dict[str, Any] = {
        "exclude": str(out),  # the report's own pages are never reference articles
        "article": str(article_path),
        "corpus": str(corpus_path) if corpus_path is not None else None,
        "gold": str(Path(gold).resolve()) if gold is not None else None,
        "gold2": str(Path(gold2).resolve()) if gold2 is not None else None,
    }
    selected = [p for p in PARTS if parts is None or p.name in parts]
    kernel = ensure_kernel(kernel_name)
    results: list[tuple[ReportPart, str | None]] = []
    for part in selected:
        t1 = time.perf_counter()
        nb, err = execute_notebook(
            part.name,
            part.params(params),
            out / "notebooks" / f"{part.name}.ipynb",
            kernel_name=kernel,
            timeout=timeout,
            cwd=out,
            folder=notebooks,
        )
        write_text(
            out / f"{part.name}.html", render_notebook_html(nb, name=part.name, title=part.heading)
        )
        msg = _error_text(err) if err is not None else None
        results.append((part, msg))
        say(f"{part.name} {'FAILED: ' + msg if msg else 'ok'} ({time.perf_counter() - t1:.1f} s)")

    # parts not rebuilt now: an earlier run's page of the same inputs stays linked, others go
    earlier, removed = _earlier_pages(out, [p for p in PARTS if p not in selected], params)
    if removed:
        say(f"removed {', '.join(removed)}: built by an earlier run from other inputs")
    built = {p.name: e for p, e in results}
    linked = sorted([*results, *earlier], key=lambda r: PARTS.index(r[0]))

    try:
        from .articles import load_article

        skipped = list(load_article(article_path).warnings) + skipped
    except InputError:  # pragma: no cover - it was scored above
        pass
    (out / "skipped.json").unlink(missing_ok=True)  # never one left from an earlier run
    if skipped:
        write_text(
            out / "skipped.json",
            json.dumps([k.as_dict() for k in skipped], indent=1, ensure_ascii=False),
        )
    seconds = time.perf_counter() - t0
    write_text(
        out / "index.html",
        _index_html(
            article_title=article_title,
            reference=reference,
            results=linked,
            seconds=seconds,
            params={"article": article_path, "corpus": corpus_path, "gold": gold, "gold2": gold2},
            findings=article_findings(scored),
            earlier=[p.name for p, _ in earlier],
        ),
    )
    write_text(
        out / "report.json",
        json.dumps(
            {
                "article": str(article_path),
                "corpus": params["corpus"],
                "seconds": round(seconds, 1),
                "pages": ["index.html", "article.html", *[f"{p.name}.html" for p, _ in linked]],
                "failed": {p.name: e for p, e in linked if e},
                # each page's inputs: a later run of some parts keeps the others only when current
                "parts": {p.name: {"inputs": p.params(params), "failed": e, "this_run": p.name in built}
                          for p, e in linked},
                "removed": removed,
                "skipped": [k.as_dict() for k in skipped],
            },
            indent=1,
        ),
    )
    if skipped:
        say(f"{len(skipped)} input item(s) skipped or repaired (also in skipped.json):")
        for k in skipped:
            say(f"  - {k}")
    failed = [(p, e) for p, e in results if e]
    if failed:
        names = "; ".join(f"{p.name}: {e}" for p, e in failed)
        raise ReportError(f"{out}: report written, but {len(failed)} notebook(s) failed — {names}")
    say(f"done in {seconds:.0f} s -> {out / 'index.html'}")
    return out
