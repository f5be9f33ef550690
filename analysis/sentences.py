"""Split an article into sentences with exact character offsets.

(Contract only; the splitter is being built — see issue 2.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: ``article_text[start:end] == text``.

    ``paragraph`` is the 0-based index of the paragraph (blocks separated by
    a blank line, or by a line break after a headline/byline line).
    """

    start: int
    end: int
    text: str
    paragraph: int = 0


def split_sentences(text: str) -> list[Sentence]:
    raise NotImplementedError("being built")
