"""Sourcing recall: attribution forms that general news uses (analysis/sourcing.py).

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from analysis.sentences import Sentence
from analysis.sourcing import SourceAttributor


@pytest.fixture(scope="module")
def at() -> SourceAttributor:
    return SourceAttributor()


def sents_of(*paragraphs: list[str] | str) -> tuple[list[Sentence], str]:
    """Sentences (with offsets and paragraph numbers) and the article text."""
    out, parts, pos = [], [], 0
    for p, para in enumerate(paragraphs):
        para = [para] if isinstance(para, str) else para
        if p:
            parts.append("\n\n")
            pos += 2
        for k, s in enumerate(para):
            if k:
                parts.append(" ")
                pos += 1
            out.append(Sentence(pos, pos + len(s), s, p))
            parts.append(s)
            pos += len(s)
    return out, "".join(parts)


# --- British-style single quotation marks ----------------------------------------------

@pytest.mark.parametrize(("paragraphs", "expected"), [
    # a quotation in single marks is continued by the next sentence like a double-quoted one
    ((["\u2018We will not surrender,\u2019 the defence minister said.",
       "\u2018We will fight on until the last village is free.\u2019"],),
     [("named_official", "the defence minister", "direct"),
      ("named_official", "the defence minister", "continuation")]),
    ((["The mayor of Lviv said: 'The shelter is full. We need more beds.'"],),
     [("unnamed_official", "The mayor of Lviv", "direct")]),
    ((["'The farmers' union was never asked,' said Joan Pike, a spokeswoman for the union.",
       "'Nobody called us.'"],),
     [("other", "Joan Pike", "direct"), ("other", "Joan Pike", "continuation")]),
    # a quotation over two paragraphs, closed only at its end
    (("\u2018We will rebuild the bridge.", "\u2018It will take a year,\u2019 the governor said."),
     [("unnamed_official", "the governor", "continuation"),
      ("unnamed_official", "the governor", "direct")]),
    # apostrophes are no quotation: the writer's sentence stays unattributed
    ((["The soldiers' families didn't get the ministry's letter until the '90s ended."],),
     [("unattributed", "", "none")]),
])
def test_single_quotation_marks(at, paragraphs, expected):
    sents, text = sents_of(*paragraphs)
    got = [(a.source_type, a.speaker, a.quote_mode) for a in at.attribute(sents, text)]
    assert got == expected
