"""The two tables that carry everything, each defined once.

**The sentence table** (one row per sentence) is what ``score_sentences``,
``score_article`` and ``score_corpus`` return and what charts, notebooks,
reports and the CLI read. **The article table** (one row per article) is
what ``profile_articles`` returns.

Every table also carries :data:`SPAN_COLUMNS` (where the speaker and the
reporting cue are in the sentence). ``check_sentence_table(df)`` raises ``ValueError`` naming any missing
column; tests call it on every path that builds the table.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Position of a sentence in its article.
POSITION_COLUMNS: dict[str, str] = {
    "article_id": "str: the article's id",
    "sentence": "int: 0-based index of the sentence in the article",
    "paragraph": "int: 0-based paragraph index",
    "start": "int: character offset of the sentence in the article text",
    "end": "int: end offset (exclusive); text[start:end] == sentence text",
    "text": "str: the sentence",
}

#: Framing columns (added by ``framing.py``). User-defined frames add
#: ``<frame>`` (bool) and ``<frame>_score`` (float) columns too.
FRAMING_COLUMNS: dict[str, str] = {
    "diplomacy": "bool: the sentence foregrounds dialogue or a negotiated path",
    "escalation": "bool: the sentence foregrounds force, coercion or intensification",
    "diplomacy_score": "float in [0, 1]",
    "escalation_score": "float in [0, 1]",
    "frame": "str: diplomacy | escalation | mixed | neutral",
    "frame_evidence": "list[dict]: cues that fired (match, start, end, frame, subframe, weight, rule, negated, hedged, quoted)",
}

#: Sourcing columns (added by ``sourcing.py``).
SOURCING_COLUMNS: dict[str, str] = {
    "source_type": "str: unattributed | named_official | unnamed_official | institution | media | expert | other",
    "speaker": "str: the span naming the source as written ('' when none)",
    "speaker_canonical": "str: the fullest earlier mention of the same source",
    "cue": "str: the reporting verb or pattern",
    "quote_mode": "str: direct | partial | indirect | continuation | none",
    "via_outlet": "str: outlet the claim was relayed through ('' when none)",
    "anonymous": "bool: the source is not named",
    "side": "str: us | russia | ukraine | belarus | eu_nato | un | other | unknown",
    "source_rule": "str: which rule decided",
}

SENTENCE_COLUMNS: list[str] = [*POSITION_COLUMNS, *FRAMING_COLUMNS, *SOURCING_COLUMNS]

#: Where the speaker and the cue are (added by ``sourcing.py`` after the columns above;
#: not required by :func:`check_sentence_table`, so older tables still pass).
SPAN_COLUMNS: dict[str, str] = {
    "speaker_start": "int: offset of the speaker in the sentence text; text[speaker_start:speaker_end] "
    "== speaker (-1 when the speaker is not in this sentence: a continued quotation, a transcript label)",
    "speaker_end": "int: end offset (exclusive) of the speaker in the sentence text, or -1",
    "cue_start": "int: offset of the reporting cue in the sentence text (the words as written, "
    "which ``cue`` names by its rule), or -1",
    "cue_end": "int: end offset (exclusive) of the reporting cue in the sentence text, or -1",
}

FRAMES: tuple[str, ...] = ("diplomacy", "escalation")
FRAME_LABELS: tuple[str, ...] = ("diplomacy", "escalation", "mixed", "neutral")
SOURCE_TYPES: tuple[str, ...] = (
    "unattributed",
    "named_official",
    "unnamed_official",
    "institution",
    "media",
    "expert",
    "other",
)
QUOTE_MODES: tuple[str, ...] = ("direct", "partial", "indirect", "continuation", "none")
SIDES: tuple[str, ...] = ("us", "russia", "ukraine", "belarus", "eu_nato", "un", "other", "unknown")

#: Article metadata columns of the article table (profile metrics follow).
ARTICLE_COLUMNS: list[str] = ["article_id", "title", "outlet", "author", "date", "url"]


def missing_columns(columns: Iterable[str], required: Iterable[str]) -> list[str]:
    have = set(columns)
    return [c for c in required if c not in have]


def check_sentence_table(df, *, require_position: bool = True) -> None:
    """Raise ``ValueError`` if ``df`` lacks a column of the sentence table."""
    required = SENTENCE_COLUMNS if require_position else [*FRAMING_COLUMNS, *SOURCING_COLUMNS]
    missing = missing_columns(df.columns, required)
    if missing:
        raise ValueError(f"not a sentence table: missing columns {missing}")
