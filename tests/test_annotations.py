"""The shipped gold annotations load and are well formed.

``data/annotations/seed.json`` (the seed, with its text) and
``data/annotations/lee_ood.jsonl`` (out-of-domain check on Lee corpus stories,
offsets and labels only; the text comes from gensim's copy of the corpus) are
loaded with :func:`analysis.gold.load_gold` and checked sentence by sentence:
text resolved from offsets, valid labels, offsets in order and inside the
article, ``unattributed`` exactly when the speaker is empty, and each speaker
mention found where the codebook says it must be.
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
SEED = ANNOTATIONS / "seed.json"
LEE_OOD = ANNOTATIONS / "lee_ood.jsonl"
LEE_OOD2 = ANNOTATIONS / "lee_ood2.jsonl"
CORPUS_FRESH = ANNOTATIONS / "corpus_fresh.jsonl"
CORPUS_HOLDOUT = ANNOTATIONS / "corpus_holdout.jsonl"
CORPUS_TUNE2 = ANNOTATIONS / "corpus_tune2.jsonl"
CORPUS_FRESH2 = ANNOTATIONS / "corpus_fresh2.jsonl"
CORPUS_FRESH3 = ANNOTATIONS / "corpus_fresh3.jsonl"
CORPUS_FRESH4 = ANNOTATIONS / "corpus_fresh4.jsonl"

#: The documented mix of lee_ood.jsonl (README): articles per ``conflict`` value.
LEE_OOD_MIX = {"israel_palestine": 7, "afghanistan": 6, "india_pakistan": 3, "none": 4}
#: ... and of lee_ood2.jsonl
LEE_OOD2_MIX = {"israel_palestine": 8, "afghanistan": 10, "none": 3}


def _lee_available() -> bool:
    from analysis.corpora import read_lee_background

    try:
        return len(read_lee_background()) >= 300
    except (OSError, InputError):  # gensim or its data file missing
        return False


def _shared_corpus_available() -> bool:
    from analysis.paths import shared_corpus_path

    path = shared_corpus_path()
    return path is not None and path.exists()


@pytest.fixture(
    scope="module",
    params=[
        "seed",
        "lee_ood",
        "lee_ood2",
        "corpus_fresh",
        "corpus_holdout",
        "corpus_tune2",
        "corpus_fresh2",
        "corpus_fresh3",
        "corpus_fresh4",
    ],
)
def gold(request):
    path = {
        "seed": SEED,
        "lee_ood": LEE_OOD,
        "lee_ood2": LEE_OOD2,
        "corpus_fresh": CORPUS_FRESH,
        "corpus_holdout": CORPUS_HOLDOUT,
        "corpus_tune2": CORPUS_TUNE2,
        "corpus_fresh2": CORPUS_FRESH2,
        "corpus_fresh3": CORPUS_FRESH3,
        "corpus_fresh4": CORPUS_FRESH4,
    }
    if request.param.startswith("lee") and not _lee_available():
        pytest.skip("Lee corpus (inside gensim) not available: texts cannot be resolved")
    if request.param.startswith("corpus") and not _shared_corpus_available():
        pytest.skip("shared corpus not available (read in place; set FRAMING_CORPUS)")
    return load_gold(path[request.param])


def _records(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(
    scope="module",
    params=[(LEE_OOD, LEE_OOD_MIX), (LEE_OOD2, LEE_OOD2_MIX)],
    ids=["lee_ood", "lee_ood2"],
)
def lee_file(request) -> tuple[list[dict], dict]:
    path, mix = request.param
    return _records(path), mix


@pytest.fixture(scope="module")
def lee_records(lee_file) -> list[dict]:
    return lee_file[0]


def _mentions(needle: str, haystack: str) -> bool:
    """Word-bounded occurrence (so the pronoun 'he' is not found inside 'the')."""
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def test_every_sentence_has_text(gold):
    df = gold.sentences
    assert len(df) > 0
    assert df["text"].map(lambda t: isinstance(t, str) and t.strip() != "").all()


def test_labels_are_valid(gold):
    df = gold.sentences
    assert set(df["diplomacy"]) <= {0, 1}
    assert set(df["escalation"]) <= {0, 1}
    assert set(df["source_type"]) <= set(SOURCE_TYPES)


def test_offsets_inside_article_and_in_order(gold):
    for aid, group in gold.sentences.groupby("article_id", sort=False):
        text = gold.texts[aid]
        assert text is not None, aid
        prev_end = 0
        for row in group.itertuples():
            assert 0 <= prev_end <= row.start < row.end <= len(text), (aid, row.sentence)
            assert text[row.start : row.end] == row.text, (aid, row.sentence)
            assert text[prev_end : row.start].strip() == "" or prev_end == 0, (aid, row.sentence)
            prev_end = row.end


def test_unattributed_iff_no_speaker(gold):
    df = gold.sentences
    unattributed = df["source_type"] == "unattributed"
    empty = df["speaker"] == ""
    assert (unattributed == empty).all(), df.loc[unattributed != empty, ["article_id", "sentence"]]


def test_speaker_named_in_sentence_or_opening_quote(gold):
    """The speaker is in the sentence; a continued quotation's speaker is earlier (or, when a
    quotation is split before its 'he said', in one of the next four sentences)."""
    for aid, group in gold.sentences.groupby("article_id", sort=False):
        texts = group["text"].tolist()
        for i, row in enumerate(group.itertuples()):
            if not row.speaker:
                continue
            if _mentions(row.speaker, row.text):
                continue
            # speakers given as spans (corpus_fresh) point into the article by construction;
            # a long statement may name its speaker many sentences later
            window = len(texts) if "corpus_" in Path(gold.path).name else i + 5
            around = " ".join(texts[:window])
            assert _mentions(row.speaker, around), (aid, row.sentence, row.speaker)


def test_speaker_alternatives_occur_in_article(gold):
    for row in gold.sentences.itertuples():
        text = gold.texts[row.article_id] or ""
        for alt in row.speaker_alt:
            assert alt and alt != row.speaker, (row.article_id, row.sentence, alt)
            assert alt.lower() in text.lower(), (row.article_id, row.sentence, alt)


def test_lee_ood_mix_is_as_documented(lee_file):
    lee_records, mix = lee_file
    assert Counter(r["conflict"] for r in lee_records) == mix
    for r in lee_records:
        n = int(r["id"].removeprefix("lee-"))
        assert r["source"] == f"lee:{n}"
        assert all("text" not in s for s in r["sentences"]), "third-party text must not be stored"


def test_lee_ood_conflict_stories_match_default_corpus(lee_records):
    if not _lee_available():
        pytest.skip("Lee corpus not available")
    from analysis.corpora import load_default_corpus

    df = load_default_corpus()
    conflicts = dict(zip(df["id"], df["conflict"], strict=True))
    for r in lee_records:
        if r["conflict"] == "none":
            assert r["id"] not in conflicts, r["id"]
        else:
            assert conflicts.get(r["id"]) == r["conflict"], r["id"]


def test_lee_ood_non_conflict_stories_carry_no_frame(lee_records):
    for r in lee_records:
        if r["conflict"] == "none":
            assert all(s["diplomacy"] == 0 and s["escalation"] == 0 for s in r["sentences"]), r[
                "id"
            ]


def test_lee_tuning_sets_share_no_story():
    ids = [{r["id"] for r in _records(p)} for p in (LEE_OOD, LEE_OOD2)]
    assert not ids[0] & ids[1]


@pytest.mark.parametrize(
    ("path", "n"),
    [
        (CORPUS_FRESH, 20),
        (CORPUS_HOLDOUT, 20),
        (CORPUS_TUNE2, 13),
        (CORPUS_FRESH2, 15),
        (CORPUS_FRESH3, 13),
        (CORPUS_FRESH4, 14),
    ],
    ids=["fresh", "holdout", "tune2", "fresh2", "fresh3", "fresh4"],
)
def test_corpus_annotations_store_no_third_party_text(path, n):
    """Offsets and labels only: no text, no title, speakers as spans into the article."""
    records = _records(path)
    assert len(records) == n
    for r in records:
        assert r["source"] == f"corpus:{r['id']}"
        assert not r.get("text") and not r.get("title")
        for s in r["sentences"]:
            assert not {"text", "speaker", "speaker_alt"} & set(s), (r["id"], s["start"])
            assert (s["source_type"] == "unattributed") == (not s.get("speaker_span"))


def test_corpus_annotations_share_no_article_with_dev_or_each_other():
    from analysis.paths import shared_gold_dev_path

    fresh = {r["source"] for r in _records(CORPUS_FRESH)}
    holdout = {r["source"] for r in _records(CORPUS_HOLDOUT)}
    tune2 = {r["source"] for r in _records(CORPUS_TUNE2)}
    fresh2 = {r["source"] for r in _records(CORPUS_FRESH2)}
    assert not fresh & holdout and not tune2 & holdout and not tune2 & fresh
    fresh3 = {r["source"] for r in _records(CORPUS_FRESH3)}
    assert not fresh2 & (fresh | holdout | tune2)
    assert not fresh3 & (fresh | holdout | tune2 | fresh2)
    fresh4 = {r["source"] for r in _records(CORPUS_FRESH4)}
    assert not fresh4 & (fresh | holdout | tune2 | fresh2 | fresh3)
    dev = shared_gold_dev_path()
    if dev is None or not dev.exists():
        pytest.skip("shared dev gold not available")
    dev_sources = {r["source"] for r in _records(dev)}
    assert not dev_sources & (fresh | holdout | tune2 | fresh2 | fresh3 | fresh4)
