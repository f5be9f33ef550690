"""The held-out gold set ``data/annotations/lee_holdout.jsonl`` loads and is well formed.

A second out-of-domain set of ABC News stories from the Lee corpus (inside gensim), labelled by
hand by the codebook and kept as offsets and labels only. It is the team's held-out check:
nobody tunes on it. These tests check the file, not the scorers: every sentence resolves to
text through :func:`analysis.gold.load_gold`, labels are valid, offsets are in order,
``unattributed`` exactly when the speaker is empty, speakers are found where the codebook says
they must be, the documented mix of conflicts holds, no story overlaps ``lee_ood.jsonl``,
non-conflict stories carry no frame and no third-party text is stored.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.gold import load_gold
from analysis.schema import SOURCE_TYPES

ANNOTATIONS = Path(__file__).resolve().parents[1] / "data" / "annotations"
HOLDOUT = ANNOTATIONS / "lee_holdout.jsonl"
LEE_OOD = ANNOTATIONS / "lee_ood.jsonl"

#: The documented mix (README, section ``lee_holdout.jsonl``): Lee lines per ``conflict``.
HOLDOUT_LINES = {
    "israel_palestine": [15, 61, 86, 111, 174, 178, 202, 209, 221],
    "afghanistan": [6, 58, 76, 98, 160, 227, 262, 277, 285],
    "india_pakistan": [2, 144],
    "none": [60, 171, 176, 231],
}
#: Documented sentence count.
HOLDOUT_SENTENCES = 163


def _records(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _lee_available() -> bool:
    from analysis.corpora import read_lee_background

    try:
        return len(read_lee_background()) >= 300
    except (OSError, InputError):  # gensim or its data file missing
        return False


def _mentions(needle: str, haystack: str) -> bool:
    """Word-bounded occurrence (so the pronoun 'he' is not found inside 'the')."""
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return _records(HOLDOUT)


@pytest.fixture(scope="module")
def gold():
    if not _lee_available():
        pytest.skip("Lee corpus (inside gensim) not available: lee_holdout texts cannot be resolved")
    return load_gold(HOLDOUT)


def test_every_sentence_has_text(gold):
    df = gold.sentences
    assert len(df) == HOLDOUT_SENTENCES
    assert df["text"].map(lambda t: isinstance(t, str) and t.strip() != "").all()
    assert all(gold.texts[aid] for aid in df["article_id"].unique())


def test_labels_are_valid(gold):
    df = gold.sentences
    assert set(df["diplomacy"]) <= {0, 1}
    assert set(df["escalation"]) <= {0, 1}
    assert set(df["source_type"]) <= set(SOURCE_TYPES)


def test_raw_labels_are_ints_and_known_types(records):
    """Checked on the raw JSON too, so a ``true`` or ``"1"`` cannot slip through ``int()``."""
    for r in records:
        for s in r["sentences"]:
            assert type(s["diplomacy"]) is int and s["diplomacy"] in (0, 1), r["id"]
            assert type(s["escalation"]) is int and s["escalation"] in (0, 1), r["id"]
            assert s["source_type"] in SOURCE_TYPES, r["id"]
            assert isinstance(s["speaker_alt"], list), r["id"]


def test_offsets_inside_article_and_in_order(gold):
    for aid, group in gold.sentences.groupby("article_id", sort=False):
        text = gold.texts[aid]
        prev_end = 0
        for row in group.itertuples():
            assert 0 <= prev_end <= row.start < row.end <= len(text), (aid, row.sentence)
            assert text[row.start : row.end] == row.text, (aid, row.sentence)
            assert text[prev_end : row.start].strip() == "", (aid, row.sentence)  # nothing skipped
            prev_end = row.end
        assert text[prev_end:].strip() == "", aid  # the whole story is labelled


def test_unattributed_iff_no_speaker(gold):
    df = gold.sentences
    unattributed = df["source_type"] == "unattributed"
    empty = df["speaker"] == ""
    assert (unattributed == empty).all(), df.loc[unattributed != empty, ["article_id", "sentence"]]


def test_speaker_in_sentence_or_continued_quote(gold):
    """The speaker is in the sentence; otherwise (a continued quotation) it is in the article,
    in an earlier sentence or, when a quotation is split before its 'he said', the next one."""
    continued = 0
    for aid, group in gold.sentences.groupby("article_id", sort=False):
        texts = group["text"].tolist()
        for i, row in enumerate(group.itertuples()):
            if not row.speaker or _mentions(row.speaker, row.text):
                continue
            continued += 1
            assert _mentions(row.speaker, " ".join(texts[: i + 2])), (aid, row.sentence)
    assert continued < 10  # continuations are the exception, not the rule


def test_speaker_alternatives_occur_in_article(gold):
    for row in gold.sentences.itertuples():
        text = gold.texts[row.article_id]
        for alt in row.speaker_alt:
            assert alt and alt != row.speaker and alt in text, (row.article_id, row.sentence, alt)


def test_mix_is_as_documented(records):
    got = Counter(r["conflict"] for r in records)
    assert got == {c: len(lines) for c, lines in HOLDOUT_LINES.items()}
    for r in records:
        n = int(r["id"].removeprefix("lee-"))
        assert r["source"] == f"lee:{n}"
        assert n in HOLDOUT_LINES[r["conflict"]], r["id"]
        assert r["outlet"] == "ABC News (Lee corpus)"
    assert len({r["id"] for r in records}) == len(records)


def test_conflict_stories_match_default_corpus(records):
    if not _lee_available():
        pytest.skip("Lee corpus not available")
    from analysis.corpora import load_default_corpus

    df = load_default_corpus()
    conflicts = dict(zip(df["id"], df["conflict"], strict=True))
    for r in records:
        if r["conflict"] == "none":
            assert r["id"] not in conflicts, r["id"]
        else:
            assert conflicts.get(r["id"]) == r["conflict"], r["id"]


def test_no_overlap_with_lee_ood(records):
    ood = {r["source"] for r in _records(LEE_OOD)}
    assert ood, "lee_ood.jsonl is empty"
    assert not ood & {r["source"] for r in records}


def test_non_conflict_stories_carry_no_frame(records):
    none = [r for r in records if r["conflict"] == "none"]
    assert none
    for r in none:
        assert all(s["diplomacy"] == 0 and s["escalation"] == 0 for s in r["sentences"]), r["id"]


def test_label_counts_as_documented(records):
    """The README's counts; changing a label means updating the README (and saying so)."""
    sents = [s for r in records for s in r["sentences"]]
    assert sum(s["diplomacy"] for s in sents) == 17
    assert sum(s["escalation"] for s in sents) == 88
    assert Counter(s["source_type"] for s in sents) == {
        "unattributed": 76, "named_official": 41, "institution": 19, "other": 13,
        "unnamed_official": 11, "media": 2, "expert": 1,
    }


def test_no_text_stored(records):
    for r in records:
        assert "text" not in r, r["id"]
        assert all("text" not in s for s in r["sentences"]), "third-party text must not be stored"
