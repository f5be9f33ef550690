"""The annotated article: one scored article as a standalone, escaped HTML page.

Every sentence is highlighted by its frame, the speaker of each attributed
sentence is underlined, the cue words that fired are marked, and hovering a
sentence shows its evidence and its source (a ``title`` tooltip, so it works
without any script). A legend, a strip of one square per sentence and a
table of every sentence's labels come with it. The page makes no network
request (inline CSS, system fonts, no scripts) and carries a
Content-Security-Policy that forbids scripts and remote resources, so even
a ``<script>`` in an article is shown as text, never run::

    >>> import pandas as pd
    >>> scored = pd.DataFrame([{
    ...     "article_id": "a", "sentence": 0, "paragraph": 0, "start": 0, "end": 39,
    ...     "text": "Talks resumed in Istanbul, Lavrov said.",
    ...     "frame": "diplomacy", "diplomacy": True, "escalation": False,
    ...     "frame_evidence": [{"match": "Talks", "start": 0, "end": 5, "frame": "diplomacy"}],
    ...     "source_type": "named_official", "speaker": "Lavrov",
    ... }])
    >>> page = render_article(scored, title="Talks <resume>")
    >>> "Talks &lt;resume&gt;" in page and '<span class="fa-speaker">Lavrov</span>' in page
    True

In Jupyter, ``ScoredArticle(scored)`` displays as the annotated article
(its ``_repr_html_`` is the same rendering, as a fragment with scoped CSS);
a bare ``score_article(...)`` result is a DataFrame and displays as a table.
"""

from __future__ import annotations

import html
import json
import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from .articles import GENERATOR_META
from .schema import FRAME_LABELS, SOURCE_TYPES
from .textio import is_missing, text_or_empty

# ----------------------------------------------------------------- palettes

#: Fallback colours (Okabe–Ito, colour-blind safe) used only when the shared
#: palette file ``analysis/lexicons/palette.toml`` (the charts' palette) is absent.
FRAME_COLORS: dict[str, str] = {
    "diplomacy": "#0072B2",
    "escalation": "#D55E00",
    "mixed": "#CC79A7",
    "neutral": "#BBBBBB",
}
_EXTRA_COLORS: tuple[str, ...] = ("#009E73", "#E69F00", "#56B4E9", "#F0E442", "#000000")

_FRAME_HELP: dict[str, str] = {
    "diplomacy": "talks, contact, ceasefires, a negotiated path",
    "escalation": "force, weapons, sanctions, threats, the war's cost",
    "mixed": "both frames in one sentence",
    "neutral": "neither frame (background, bylines, procedure)",
}
_FRAME_NAMES: dict[str, str] = {"mixed": "both frames", "neutral": "neither frame"}
_SOURCE_NAMES: dict[str, str] = {"unattributed": "writer's own voice", "media": "other media"}


@lru_cache(maxsize=1)
def _palette_file() -> dict[str, Any]:
    """``palette.toml`` (the charts' palette, package data), or {} when absent or unreadable."""
    try:
        text = resources.files("analysis.lexicons").joinpath("palette.toml").read_text("utf-8")
        return tomllib.loads(text)
    except (FileNotFoundError, ModuleNotFoundError, OSError, tomllib.TOMLDecodeError):
        return {}


def frame_palette() -> dict[str, str]:
    """Frame label -> colour, the same as the charts' (``analysis/lexicons/palette.toml``)."""
    return {**FRAME_COLORS, **dict(_palette_file().get("frames", {}))}


def _extra_colors() -> tuple[str, ...]:
    return (
        tuple(_palette_file().get("frames_extra", {}).get("colors", _EXTRA_COLORS)) or _EXTRA_COLORS
    )


def frame_name(label: str) -> str:
    """How a frame label reads for people ("mixed" -> "both frames"), as on the charts."""
    names = {**_FRAME_NAMES, **dict(_palette_file().get("frame_labels", {}))}
    return str(names.get(label, str(label).replace("_", " ")))


def source_name(source_type: str) -> str:
    """How a source type reads ("unattributed" -> "writer's own voice"), as on the charts."""
    names = {**_SOURCE_NAMES, **dict(_palette_file().get("source_labels", {}))}
    return str(names.get(source_type, str(source_type).replace("_", " ")))


def _tint(color: str, alpha: float) -> str:
    """``color`` (``#rrggbb``) mixed with white: ``alpha`` 1 is the colour itself."""
    c = color.lstrip("#")
    if len(c) != 6:
        return color
    r, g, b = (int(c[i : i + 2], 16) for i in (0, 2, 4))
    mix = [round(255 - (255 - v) * alpha) for v in (r, g, b)]
    return "#" + "".join(f"{v:02x}" for v in mix)


def _css_ident(label: str) -> str:
    """A safe CSS class suffix for a frame label (user frames may be any string)."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in str(label)) or "_"


# ------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class _Mark:
    """A marked span inside one sentence (offsets relative to the sentence)."""

    start: int
    end: int
    kind: str  # "cue" | "speaker"
    frame: str = ""
    strong: bool = True  # a cue of weight >= WEAK_CUE_WEIGHT


def _evidence(value: Any) -> list[dict[str, Any]]:
    """``frame_evidence`` as a list of dicts (it is a JSON string after a CSV round trip)."""
    if is_missing(value):
        return []
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return []
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return []
    if isinstance(value, Mapping):
        value = [value]
    try:
        return [dict(e) for e in value if isinstance(e, Mapping)]
    except TypeError:
        return []


def _int(value: Any, default: int = -1) -> int:
    try:
        if is_missing(value):
            return default
        return int(value)
    except (TypeError, ValueError):
        return default


def _str(value: Any) -> str:
    return text_or_empty(value)


def _speaker_span(row: Mapping[str, Any], text: str) -> tuple[int, int] | None:
    """Where the speaker is named in the sentence, or None (e.g. a continued quotation).

    Uses the sourcing columns ``speaker_start``/``speaker_end`` (offsets in the
    sentence, -1 when none) when the table has them; otherwise looks for the
    speaker's text in the sentence.
    """
    speaker = _str(row.get("speaker"))
    if "speaker_start" in row and "speaker_end" in row:
        s, e = _int(row.get("speaker_start")), _int(row.get("speaker_end"))
        if 0 <= s < e <= len(text):
            return s, e
        return None
    if not speaker:
        return None
    i = text.find(speaker)
    return (i, i + len(speaker)) if i >= 0 else None


#: Cues lighter than this (names, titles that only hint at a frame) are marked
#: with a dotted underline instead of a highlight, so the strong evidence stands out.
WEAK_CUE_WEIGHT = 0.5


def _weight(ev: Mapping[str, Any]) -> float:
    try:
        w = float(ev.get("weight", 1.0))
    except (TypeError, ValueError):
        return 1.0
    return 1.0 if math.isnan(w) else w


def _marks(row: Mapping[str, Any], text: str) -> list[_Mark]:
    marks: list[_Mark] = []
    for ev in _evidence(row.get("frame_evidence")):
        s, e = _int(ev.get("start")), _int(ev.get("end"))
        if 0 <= s < e <= len(text):
            marks.append(_Mark(s, e, "cue", _str(ev.get("frame")), _weight(ev) >= WEAK_CUE_WEIGHT))
    sp = _speaker_span(row, text)
    if sp is not None:
        marks.append(_Mark(sp[0], sp[1], "speaker"))
    return marks


def _segments(text: str, marks: Iterable[_Mark]) -> list[tuple[str, list[_Mark]]]:
    """Cut ``text`` at every mark boundary: (piece, marks covering it) in order.

    Overlapping marks (a cue inside a speaker's name) simply stack their
    classes on the pieces they share, so the HTML never needs crossing tags.
    """
    marks = list(marks)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[tuple[str, list[_Mark]]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        out.append((text[a:b], [m for m in marks if m.start <= a and b <= m.end]))
    return out


# ------------------------------------------------------------------ tooltip


def _fmt_score(row: Mapping[str, Any], frame: str) -> str:
    v: Any = row.get(f"{frame}_score")
    try:
        return f"{float(v):.2f}"
    except (TypeError, ValueError):
        return "?"


def _tooltip(row: Mapping[str, Any], frames: Iterable[str]) -> str:
    n = _int(row.get("sentence"), 0)
    frame = _str(row.get("frame")) or "neutral"
    scores = ", ".join(f"{f} {_fmt_score(row, f)}" for f in frames if f"{f}_score" in row)
    lines = [f"Sentence {n + 1} · {frame_name(frame)}" + (f" ({scores})" if scores else "")]
    evidence = _evidence(row.get("frame_evidence"))
    if evidence:
        cues = []
        for ev in evidence:
            flags = [k for k in ("negated", "hedged", "quoted") if ev.get(k)]
            cue = f"“{_str(ev.get('match'))}” → {_str(ev.get('frame'))}"
            sub = _str(ev.get("subframe"))
            if sub:
                cue += f"/{sub}"
            if "weight" in ev:
                cue += f" w={_weight(ev):.1f}"
            if flags:
                cue += f" ({', '.join(flags)})"
            cues.append(cue)
        lines.append("Cues: " + "; ".join(cues))
    else:
        lines.append("Cues: none")
    stype = _str(row.get("source_type")) or "unattributed"
    speaker = _str(row.get("speaker"))
    src = f"Source: {source_name(stype)}"
    if speaker:
        src += f" — {speaker}"
        canonical = _str(row.get("speaker_canonical"))
        if canonical and canonical != speaker:
            src += f" (= {canonical})"
    details = []
    cue = _str(row.get("cue"))
    if cue:
        details.append(f"cue “{cue}”")
    mode = _str(row.get("quote_mode"))
    if mode and mode != "none":
        details.append(f"{mode} quote" if mode in ("direct", "partial") else mode)
    outlet = _str(row.get("via_outlet"))
    if outlet:
        details.append(f"via {outlet}")
    side = _str(row.get("side"))
    if side and side != "unknown":
        details.append(f"side: {side}")
    if details:
        src += " [" + "; ".join(details) + "]"
    lines.append(src)
    return "\n".join(lines)


def _attr(value: str) -> str:
    """Escape for a double-quoted attribute; newlines survive as line breaks in tooltips."""
    return html.escape(value, quote=True).replace("\n", "&#10;")


# --------------------------------------------------------------------- CSS


def _css(palette: Mapping[str, str]) -> str:
    rules = [
        ".fa-article{font-family:Georgia,'DejaVu Serif',serif;color:#1a1a1a;max-width:46rem;"
        "margin:0 auto;padding:1.5rem 1rem 3rem;line-height:1.65;font-size:1.05rem}",
        ".fa-article h1{font-size:1.6rem;line-height:1.25;margin:0 0 .4rem}",
        ".fa-article .fa-meta{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.85rem;"
        "color:#555;margin:0 0 1rem}",
        ".fa-article .fa-legend,.fa-article .fa-summary,.fa-article .fa-details{"
        "font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.85rem;line-height:1.5}",
        ".fa-article .fa-legend{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;"
        "margin:0 0 1rem;background:#fafafa}",
        ".fa-article .fa-legend ul{list-style:none;margin:.2rem 0;padding:0;display:flex;"
        "flex-wrap:wrap;gap:.3rem 1.1rem}",
        ".fa-article .fa-legend li{margin:0;padding:0}",
        ".fa-article .fa-legend .fa-hint{color:#555;margin:.3rem 0 0}",
        ".fa-article .fa-swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;"
        "vertical-align:-.1em;margin-right:.3em;border:1px solid rgba(0,0,0,.25)}",
        ".fa-article .fa-strip{display:flex;flex-wrap:wrap;gap:2px;margin:.3rem 0 .2rem}",
        ".fa-article .fa-strip a{display:block;width:14px;height:22px;border-radius:2px;"
        "border:1px solid rgba(0,0,0,.15)}",
        ".fa-article .fa-body p{margin:0 0 1em}",
        ".fa-article .fa-body p.fa-headline{font-weight:bold;font-size:1.15rem}",
        ".fa-article .fa-s{padding:.1em 0;border-radius:3px;box-decoration-break:clone;"
        "-webkit-box-decoration-break:clone}",
        ".fa-article .fa-s:hover{outline:2px solid #333;cursor:help}",
        ".fa-article .fa-n{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.62em;"
        "color:#666;vertical-align:super;margin:0 .15em 0 .05em;user-select:none}",
        ".fa-article .fa-speaker{text-decoration:underline;text-decoration-thickness:2px;"
        "text-underline-offset:3px;text-decoration-color:#1a1a1a}",
        ".fa-article .fa-cue{font-weight:bold;border-radius:2px}",
        ".fa-article table.fa-table{border-collapse:collapse;width:100%;margin-top:.5rem}",
        ".fa-article table.fa-table th,.fa-article table.fa-table td{border-bottom:1px solid #e3e3e3;"
        "padding:.25rem .4rem;text-align:left;vertical-align:top}",
        ".fa-article table.fa-table th{background:#f3f3f3}",
        ".fa-article .fa-details summary{cursor:pointer;font-weight:bold;margin:1rem 0 .3rem}",
        ".fa-article .fa-foot{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.75rem;"
        "color:#666;margin-top:2rem;border-top:1px solid #ddd;padding-top:.5rem}",
        ".fa-article .fa-empty{color:#555;font-style:italic}",
        "@media print{.fa-article .fa-s:hover{outline:none}}",
    ]
    for label, color in palette.items():
        ident = _css_ident(label)
        if label == "neutral":
            rules.append(f".fa-article .fa-f-{ident}{{background:transparent}}")
        else:
            rules.append(f".fa-article .fa-f-{ident}{{background:{_tint(color, 0.22)}}}")
        rules.append(
            f".fa-article .fa-cue-{ident}{{background:{_tint(color, 0.5)};"
            f"box-shadow:inset 0 -2px 0 {color}}}"
        )
        rules.append(f".fa-article .fa-weak-{ident}{{border-bottom:2px dotted {color}}}")
        rules.append(f".fa-article .fa-bg-{ident}{{background:{color}}}")
    return "\n".join(rules)


# ------------------------------------------------------------------- render


def _frames_of(df: pd.DataFrame) -> list[str]:
    """Frame names of the table: the built-ins plus any user frame with a score column."""
    frames = [f for f in ("diplomacy", "escalation") if f in df.columns]
    for col in df.columns:
        if col.endswith("_score") and col[: -len("_score")] in df.columns:
            f = col[: -len("_score")]
            if f not in frames:
                frames.append(f)
    return frames


def _article_meta(df: pd.DataFrame) -> dict[str, Any]:
    meta = df.attrs.get("article") if isinstance(df.attrs, Mapping) else None
    return dict(meta) if isinstance(meta, Mapping) else {}


def _check(scored: pd.DataFrame) -> None:
    if not isinstance(scored, pd.DataFrame):
        raise TypeError(
            f"render_article takes the sentence table (a DataFrame), got {type(scored).__name__}"
        )
    if "text" not in scored.columns:
        raise ValueError("not a sentence table: missing column 'text'")
    if "article_id" in scored.columns and scored["article_id"].nunique(dropna=False) > 1:
        ids = ", ".join(map(str, scored["article_id"].unique()[:5]))
        raise ValueError(
            f"render_article renders one article; the table holds several ({ids}, ...): "
            "select one, e.g. scored[scored.article_id == '...']"
        )


def _label_palette(df: pd.DataFrame) -> dict[str, str]:
    palette = frame_palette()
    extra = iter(_extra_colors())
    if "frame" in df.columns:
        for label in df["frame"].dropna().astype(str).unique():
            if label not in palette:
                palette[label] = next(extra, "#777777")
    if "frame_evidence" in df.columns:
        for ev_list in df["frame_evidence"]:
            for ev in _evidence(ev_list):
                f = _str(ev.get("frame"))
                if f and f not in palette:
                    palette[f] = next(extra, "#777777")
    return palette


def _page_title(scored: pd.DataFrame, title: str | None) -> str:
    """The heading of the page and of its browser tab alike: ``title``, else the article's
    title, else its first sentence (the tab said 'Annotated article — annotated' while the
    heading showed the first sentence)."""
    if title:
        return title
    df = scored.sort_values("sentence", kind="stable") if "sentence" in scored.columns else scored
    first = _str(df["text"].iloc[0]) if len(df) else ""
    return _str(_article_meta(scored).get("title")) or first or "Untitled article"


def render_fragment(scored: pd.DataFrame, *, title: str | None = None) -> str:
    """The annotated article as an HTML fragment (``<div>`` with scoped ``<style>``).

    This is what Jupyter displays; :func:`render_article` wraps it in a page.
    """
    _check(scored)
    df = scored.sort_values("sentence", kind="stable") if "sentence" in scored.columns else scored
    meta = _article_meta(scored)
    palette = _label_palette(df)
    frames = _frames_of(df)
    rows = df.to_dict("records")  # a copy: the input table is never touched

    texts = [_str(r.get("text")) for r in rows]
    if title is None:
        title = _page_title(df, None)

    out: list[str] = [f'<div class="fa-article"><style>{_css(palette)}</style>']
    out.append(f"<h1>{html.escape(title)}</h1>")
    meta_bits = [
        html.escape(_str(meta.get(k))) for k in ("outlet", "author", "date") if _str(meta.get(k))
    ]
    url = _str(meta.get("url"))
    if url:
        meta_bits.append(f'<span class="fa-url">{html.escape(url)}</span>')
    if meta_bits:
        out.append(f'<p class="fa-meta">{" · ".join(meta_bits)}</p>')

    # legend and summary
    labels = [lab for lab in FRAME_LABELS if lab in palette]
    labels += [
        lab
        for lab in palette
        if lab not in labels and any(_str(r.get("frame")) == lab for r in rows)
    ]
    counts = {
        lab: sum(1 for r in rows if (_str(r.get("frame")) or "neutral") == lab) for lab in labels
    }
    out.append('<div class="fa-legend" role="note" aria-label="Legend"><strong>Legend</strong><ul>')
    for lab in labels:
        help_text = _FRAME_HELP.get(lab, "user-defined frame")
        out.append(
            f'<li title="{_attr(help_text)}"><span class="fa-swatch fa-bg-{_css_ident(lab)}"></span>'
            f"{html.escape(frame_name(lab))}{' (not highlighted)' if lab == 'neutral' else ''}: "
            f"{counts[lab]} sentence{'' if counts[lab] == 1 else 's'}</li>"
        )
    out.append("</ul><ul>")
    cue_frames = [f for f in frames if f in palette] or ["diplomacy", "escalation"]
    for f in cue_frames:
        out.append(
            f'<li><span class="fa-cue fa-cue-{_css_ident(f)}">cue word</span> of {html.escape(f)}</li>'
        )
    for f in cue_frames[:1]:
        out.append(
            f'<li><span class="fa-weak fa-weak-{_css_ident(f)}">weak cue</span> '
            f"(weight &lt; {WEAK_CUE_WEIGHT:g}: a name or title that only hints at a frame)</li>"
        )
    out.append('<li><span class="fa-speaker">speaker</span> named as the source</li>')
    out.append('<li><span class="fa-n">n</span> sentence number</li>')
    out.append(
        '</ul><p class="fa-hint">Hover over a sentence to see the cues that fired and who is cited; '
        "all sentences with their labels are listed at the end. Labels are automatic "
        "(rule-based scorers), not a human reading.</p>"
    )
    if rows:
        out.append('<div class="fa-strip" aria-label="Frame of each sentence, in order">')
        for r in rows:
            n = _int(r.get("sentence"), 0)
            lab = _str(r.get("frame")) or "neutral"
            out.append(
                f'<a href="#fa-s{n}" class="fa-bg-{_css_ident(lab)}" '
                f'title="{_attr(f"Sentence {n + 1}: {frame_name(lab)}")}"></a>'
            )
        out.append("</div>")
        src_counts: dict[str, int] = {}
        for r in rows:
            st = _str(r.get("source_type")) or "unattributed"
            src_counts[st] = src_counts.get(st, 0) + 1
        order = [s for s in SOURCE_TYPES if s in src_counts] + [
            s for s in src_counts if s not in SOURCE_TYPES
        ]
        mix = ", ".join(f"{html.escape(source_name(s))} {src_counts[s]}" for s in order)
        noun = "sentence" if len(rows) == 1 else "sentences"
        out.append(f'<p class="fa-summary">{len(rows)} {noun}. Sources: {mix}.</p>')
    out.append("</div>")

    # the article, paragraph by paragraph
    out.append('<div class="fa-body">')
    if not rows:
        out.append('<p class="fa-empty">This article has no sentences.</p>')
    para: Any = object()
    opened = False
    for i, (r, text) in enumerate(zip(rows, texts, strict=True)):
        p = r.get("paragraph", 0)
        if i == 0 or p != para:
            if opened:
                out.append("</p>")
            is_headline = i == 0 and bool(title) and text.strip() == title.strip()
            out.append('<p class="fa-headline">' if is_headline else "<p>")
            opened = True
            para = p
        else:
            out.append(" ")
        n = _int(r.get("sentence"), i)
        lab = _str(r.get("frame")) or "neutral"
        pieces = []
        for piece, covering in _segments(text, _marks(r, text)):
            classes = []
            for m in covering:
                if m.kind == "speaker":
                    classes.append("fa-speaker")
                elif m.strong:
                    classes += ["fa-cue", f"fa-cue-{_css_ident(m.frame)}"]
                else:
                    classes += ["fa-weak", f"fa-weak-{_css_ident(m.frame)}"]
            esc = html.escape(piece)
            if classes:
                cls = " ".join(dict.fromkeys(classes))
                pieces.append(f'<span class="{cls}">{esc}</span>')
            else:
                pieces.append(esc)
        out.append(
            f'<span class="fa-s fa-f-{_css_ident(lab)}" id="fa-s{n}" data-frame="{_attr(lab)}" '
            f'title="{_attr(_tooltip(r, frames))}"><span class="fa-n">{n + 1}</span>'
            f"{''.join(pieces)}</span>"
        )
    if opened:
        out.append("</p>")
    out.append("</div>")

    # every sentence with its labels (for print and for readers without a mouse)
    if rows:
        out.append('<details class="fa-details"><summary>All sentences and their labels</summary>')
        out.append(
            '<table class="fa-table"><thead><tr><th>#</th><th>frame</th><th>cues</th>'
            "<th>source</th><th>speaker</th><th>sentence</th></tr></thead><tbody>"
        )
        for r, text in zip(rows, texts, strict=True):
            n = _int(r.get("sentence"), 0)
            lab = _str(r.get("frame")) or "neutral"
            cues = ", ".join(_str(e.get("match")) for e in _evidence(r.get("frame_evidence")))
            out.append(
                f'<tr><td><a href="#fa-s{n}">{n + 1}</a></td>'
                f'<td><span class="fa-swatch fa-bg-{_css_ident(lab)}"></span>{html.escape(frame_name(lab))}</td>'
                f"<td>{html.escape(cues)}</td>"
                f"<td>{html.escape(source_name(_str(r.get('source_type')) or 'unattributed'))}</td>"
                f"<td>{html.escape(_str(r.get('speaker')))}</td>"
                f"<td>{html.escape(text)}</td></tr>"
            )
        out.append("</tbody></table></details>")
    out.append(
        '<p class="fa-foot">Annotated by framing-analysis: frames from a cue lexicon, sources '
        "from attribution rules (the scheme is in docs/scheme.md of framing-analysis). "
        "Automatic labels make mistakes; "
        "check the evidence before quoting a number.</p>"
    )
    out.append("</div>")
    return "".join(out)


#: Forbids scripts, remote fonts, styles and images: the page cannot reach the network.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def render_article(scored: pd.DataFrame, *, title: str | None = None) -> str:
    """A standalone HTML page of the annotated article (one article of the sentence table).

    ``scored`` is what ``score_article`` returns (its ``attrs["article"]``
    supplies the title, outlet, author and date); ``title`` overrides the
    title. All article text is escaped; the page needs no network and runs
    no script. Raises ``ValueError`` if the table holds several articles.
    The input DataFrame is not modified.
    """
    fragment = render_fragment(scored, title=title)
    page_title = _page_title(scored, title)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"{GENERATOR_META}\n"
        f"<title>{html.escape(page_title)} — annotated</title>\n"
        "<style>body{margin:0;background:#fff}</style>\n"
        f"</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )


def save_article_html(scored: pd.DataFrame, path: str | Path, *, title: str | None = None) -> Path:
    """Write :func:`render_article` to ``path`` atomically; returns the path."""
    from .io import write_text

    return write_text(path, render_article(scored, title=title))


class ScoredArticle:
    """A scored article that displays as the annotated article in Jupyter.

        >>> from analysis import score_article               # doctest: +SKIP
        >>> ScoredArticle(score_article("seeds/000_a4065e105c25a52d.txt"))  # doctest: +SKIP

    ``.table`` is the sentence table (unchanged), ``.html()`` the standalone
    page, ``.save(path)`` writes it.
    """

    def __init__(self, scored: pd.DataFrame, *, title: str | None = None) -> None:
        _check(scored)
        self.table = scored
        self.title = title

    def _repr_html_(self) -> str:
        return render_fragment(self.table, title=self.title)

    def html(self) -> str:
        return render_article(self.table, title=self.title)

    def save(self, path: str | Path) -> Path:
        return save_article_html(self.table, path, title=self.title)

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        meta = _article_meta(self.table)
        name = _str(meta.get("title")) or self.title or "article"
        return f"<ScoredArticle {name!r}: {len(self.table)} sentences>"
