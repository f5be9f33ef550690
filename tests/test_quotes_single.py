"""Single quotation marks (British style) told from apostrophes (analysis/quotes.py).

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from analysis.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # British-style quotations, straight and curly
    ("'We will not surrender,' he said.", ["We will not surrender,"]),
    ("\u2018We will not surrender,\u2019 he said.", ["We will not surrender,"]),
    ("The mayor said: 'The bridge will reopen next week.'",
     ["The bridge will reopen next week."]),
    ("\u2018It\u2019s the council\u2019s decision,\u2019 she said, \u2018and it won\u2019t change.\u2019",
     ["It\u2019s the council\u2019s decision,", "and it won\u2019t change."]),
    # apostrophes inside the quotation do not close it
    ("'We don't know what Russia's army will do,' he said.",
     ["We don't know what Russia's army will do,"]),
    # a plural possessive inside the quotation is not its end
    ("'The farmers' union was never asked,' she said.", ["The farmers' union was never asked,"]),
    # ... unless nothing else can close it
    ("Critics called the plan 'a gift to the banks' last year.", ["a gift to the banks"]),
    # scare quotes around one word
    ("He called the raid 'murder'.", ["murder"]),
    ("Headline: Minister \u2018not sure\u2019 about the deal", ["not sure"]),
    # apostrophes that are not quotation marks
    ("I don't think Russia's army will win, he said.", []),
    ("Songs of the '90s and rock 'n' roll were played.", []),
    ("Music from the \u201990s and rock \u2018n\u2019 roll filled the hall.", []),
    ("The soldiers' families said they were angry.", []),
    ("Ministers' pay rose, the report's authors said.", []),
    ("Fans of Guns N' Roses met at the class of '68 reunion.", []),
    ("They stayed in 's-Hertogenbosch for a week.", []),
    ("'Tis the season, the shop owner joked.", []),
    # single marks nested in a double-quoted quotation belong to it
    ("\u201cHe told me 'no' twice,\u201d she said.", ["He told me 'no' twice,"]),
    ("\"They said 'never', and we believed it,\" he said.",
     ["They said 'never', and we believed it,"]),
    # two apostrophes are one double mark
    ("''We are ready,'' the general said.", ["We are ready,"]),
])
def test_single_quotes_and_apostrophes(text, expected):
    assert quoted(text) == expected


def test_single_quote_runs_over_paragraphs():
    t = "'We will fight on the beaches.\n\n'We shall never surrender,' he said."
    spans = find_quotes(t)
    assert [t[q.start:q.end] for q in spans] == ["We will fight on the beaches.",
                                                  "We shall never surrender,"]
    assert spans[0].chain == spans[1].chain and not spans[0].closed and spans[1].closed


def test_unclosed_single_mark_mid_paragraph_is_no_quotation():
    assert quoted("He said 'we will see about that and left the room.") == []


@pytest.mark.parametrize("unit", [" 'a", " \u2018a", " 'a b'c"])
def test_many_unclosed_single_marks_in_one_paragraph_are_linear(unit):
    # every opener used to search the rest of its paragraph for a closer again (quadratic:
    # ~10 s for 5,000 marks); an opener after one that found no closer finds none either
    import time
    text = unit * 5000
    t0 = time.perf_counter()
    spans = find_quotes(text)
    assert time.perf_counter() - t0 < 1.0
    assert all(text[q.open_at] in "'\u2018" for q in spans)
    assert find_quotes("x" + unit * 3) == []
