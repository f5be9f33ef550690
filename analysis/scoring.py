"""Score sentences and articles: the sentence table, built in one place.

Framing looks at one sentence; sourcing needs the whole article (quotations
and speakers carry over sentences), so this module owns the order of work:
split, then frame every sentence, then attribute the article's sentences.

    >>> df = score_sentences(["Russia launched more missile strikes on Kyiv overnight."])
    >>> df.loc[0, "frame"]
    'escalation'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .articles import Article, load_article
from .schema import FRAMES, SENTENCE_COLUMNS
from .sentences import Sentence, split_sentences

SentenceLike = str | Sentence


class Scorer:
    """A configured scorer: lexicon and rules compiled once, reused for every article.

    ``lexicon`` is an extra frame lexicon file (or files) that adds or
    overrides cues or defines new frames; ``source_rules`` a mapping from
    rule table name to an extra file (see ``sourcing.py``).
    """

    def __init__(
        self,
        lexicon: str | Path | Sequence[str | Path] | None = None,
        source_rules: dict[str, str | Path] | None = None,
        model: Any | None = None,
    ) -> None:
        from .framing import FrameScorer
        from .sourcing import SourceAttributor

        self.framer = FrameScorer(lexicon)
        self.attributor = SourceAttributor(source_rules)
        self.model = model

    @property
    def frames(self) -> tuple[str, ...]:
        return self.framer.frames

    def score_sentences(
        self, sentences: Sequence[SentenceLike], *, text: str | None = None, article_id: str | None = None
    ) -> pd.DataFrame:
        """One row per input sentence, same order (see ``analysis.score_sentences``)."""
        sents = _as_sentences(sentences)
        frame_scores = [self.framer.score(s.text) for s in sents]
        attributions = self.attributor.attribute(sents, text=text)
        rows: list[dict[str, Any]] = []
        for i, (s, fs, at) in enumerate(zip(sents, frame_scores, attributions, strict=True)):
            row: dict[str, Any] = {
                "article_id": article_id if article_id is not None else "",
                "sentence": i,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for f in self.frames:
                row[f] = bool(fs.labels[f])
                row[f"{f}_score"] = float(fs.scores[f])
            row["frame"] = fs.frame
            row["frame_evidence"] = [asdict(e) for e in fs.evidence]
            row.update(at.as_row())
            rows.append(row)
        columns = list(SENTENCE_COLUMNS)
        for f in self.frames:
            if f not in FRAMES:
                columns += [f, f"{f}_score"]
        extra = [c for c in (rows[0] if rows else {}) if c not in columns]
        df = pd.DataFrame(rows, columns=columns + extra)
        if self.model is not None:
            df = self.model.apply(df)
        return df

    def score_article(self, article: Article | str | Path) -> pd.DataFrame:
        art = _as_article(article)
        sents = split_sentences(art.text)
        df = self.score_sentences(sents, text=art.text, article_id=art.id)
        df.attrs["article"] = art.metadata()
        return df


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The scorer with the shipped rules, built once per process."""
    return Scorer()


def _scorer(lexicon=None, source_rules=None, model=None) -> Scorer:
    if lexicon is None and source_rules is None and model is None:
        return default_scorer()
    return Scorer(lexicon=lexicon, source_rules=source_rules, model=model)


def _as_sentences(sentences: Sequence[SentenceLike]) -> list[Sentence]:
    if isinstance(sentences, str):
        raise TypeError("score_sentences takes a sequence of sentences; use score_article for a text")
    out: list[Sentence] = []
    pos = 0
    for s in sentences:
        if isinstance(s, Sentence):
            out.append(s)
            pos = s.end + 1
        else:
            s = str(s)
            out.append(Sentence(start=pos, end=pos + len(s), text=s, paragraph=0))
            pos += len(s) + 1
    return out


def _as_article(article: Article | str | Path) -> Article:
    if isinstance(article, Article):
        return article
    if isinstance(article, Path):
        return load_article(article)
    if isinstance(article, str):
        if "\n" not in article and len(article) < 4096:
            try:
                if Path(article).is_file():
                    return load_article(article)
            except OSError:
                pass
        return Article.from_text(article)
    raise TypeError(f"expected an Article, a path or a text, got {type(article).__name__}")


def score_sentences(
    sentences: Sequence[SentenceLike],
    *,
    lexicon: str | Path | Sequence[str | Path] | None = None,
    source_rules: dict[str, str | Path] | None = None,
    model: Any | None = None,
    text: str | None = None,
) -> pd.DataFrame:
    """Score the sentences of one article, in order: one row per input sentence.

    Sentences are strings (or :class:`Sentence` objects from
    ``split_sentences``); sourcing treats them as one article, so a
    quotation opened in one sentence continues into the next.

    >>> df = score_sentences([
    ...     "“On secondary issues, positions are converging.",
    ...     "However on the main political issues, we are in fact treading water,” Medinsky said.",
    ... ])
    >>> df["frame"].tolist()
    ['diplomacy', 'diplomacy']
    """
    return _scorer(lexicon, source_rules, model).score_sentences(sentences, text=text)


def score_article(
    article: Article | str | Path,
    *,
    lexicon: str | Path | Sequence[str | Path] | None = None,
    source_rules: dict[str, str | Path] | None = None,
    model: Any | None = None,
) -> pd.DataFrame:
    """Split an article (an :class:`Article`, a path or a text) and score every sentence.

    The table has ``article_id``, ``sentence``, ``paragraph``, ``start``,
    ``end`` and every framing and sourcing column; ``df.attrs["article"]``
    holds the article's metadata.
    """
    return _scorer(lexicon, source_rules, model).score_article(article)
