"""The embedded default corpus and corpus resolution (analysis/corpora.py)."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis.corpora import (
    CONFLICT_NAMES,
    LEE_OUTLET,
    ConflictRule,
    ConflictTerm,
    describe_reference,
    lee_conflict_table,
    load_conflict_rule,
    load_default_corpus,
    resolve_corpus,
    split_story,
    title_from,
)
from analysis.errors import InputError, LexiconError


@pytest.fixture(scope="module")
def default_corpus() -> pd.DataFrame:
    return load_default_corpus()


def test_default_corpus_loads_offline_with_article_columns(default_corpus):
    assert list(default_corpus.columns[:7]) == ["id", "title", "outlet", "author", "date", "url", "text"]
    assert 40 <= len(default_corpus) <= 120
    assert default_corpus["id"].is_unique
    assert default_corpus["id"].str.fullmatch(r"lee-\d{4}").all()
    assert (default_corpus["outlet"] == LEE_OUTLET).all()
    assert default_corpus["text"].str.len().min() > 200
    assert (default_corpus["title"].str.len() <= 90).all()


def test_every_kept_story_satisfies_the_rule(default_corpus):
    rule = load_conflict_rule()
    for rec in default_corpus.itertuples():
        found = rule.concepts(rec.text)
        assert len(found.get(rec.conflict, [])) >= rule.min_concepts, rec.id
        lead = " ".join(split_story(rec.text)[: rule.lead_sentences])
        assert rule.concepts(lead), rec.id


def test_all_three_conflicts_are_covered(default_corpus):
    counts = default_corpus["conflict"].value_counts()
    assert set(counts.index) == set(CONFLICT_NAMES)
    assert (counts > 0).all()


def test_rejected_stories_fail_the_rule():
    table = lee_conflict_table()
    assert len(table) == 300
    rule = load_conflict_rule()
    dropped = table[table["conflict"].isna()]
    assert len(dropped) > 150  # most Lee stories are not conflict news
    for text in dropped["text"]:
        assert rule.classify(text) is None


def test_default_corpus_does_not_import_gensim():
    code = "import sys; from analysis.corpora import load_default_corpus as f; f(); print('gensim' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_default_corpus_returns_a_copy(default_corpus):
    default_corpus.loc[0, "title"] = "changed"
    assert load_default_corpus().loc[0, "title"] != "changed"


RULE = ConflictRule(
    (
        ConflictTerm("afghanistan", "afghanistan", "Afghanistan"),
        ConflictTerm("afghanistan", "afghanistan", "Afghan"),
        ConflictTerm("afghanistan", "kabul", "Kabul"),
        ConflictTerm("india_pakistan", "india", "India"),
        ConflictTerm("india_pakistan", "india", "Indian"),
        ConflictTerm("india_pakistan", "kashmir", "Kashmir"),
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Afghan and British officials met in Kabul. The talks ended.", "afghanistan"),
        ("India's economy grew. Indian exporters were pleased.", None),  # one concept, two inflections
        ("The cricket team won. Fans cheered. Later, troops in Kabul left Afghanistan.", None),  # lead off-topic
        ("Militants attacked in Kashmir, India said. Kabul stayed calm.", "india_pakistan"),
        ("Afghanistan-born chef opens a cafe. Nothing else.", None),
        ("Kabulistan is a made-up place in Afghanistan.", None),  # whole words only
    ],
)
def test_rule_classify(text, expected):
    assert RULE.classify(text) == expected


def test_user_rule_file_and_bad_row(tmp_path):
    good = tmp_path / "terms.csv"
    good.write_text("conflict,concept,term\nsahel,mali,Mali\nsahel,bamako,Bamako\n", encoding="utf-8")
    rule = load_conflict_rule(good)
    assert rule.classify("Fighting near Bamako, Mali reported. More later.") == "sahel"
    bad = tmp_path / "bad.csv"
    bad.write_text("conflict,concept,term\nSahel Region,mali,Mali\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.csv:2"):
        load_conflict_rule(bad)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Talks ended. Troops left.", "Talks ended."),
        ("word " * 40, ("word " * 17).strip() + "\u2026"),
    ],
)
def test_title_from(text, title):
    assert title_from(text) == title


def test_describe_default_says_what_and_how(default_corpus):
    text = describe_reference(default_corpus)
    for needle in ("Lee", "2001-2002", "ABC News", "OTHER conflicts", "--corpus", "FRAMING_CORPUS", "framing fetch"):
        assert needle in text
    assert str(len(default_corpus)) in text


def test_describe_user_corpus():
    df = pd.DataFrame({"id": ["a", "b"], "outlet": ["X", "Y"], "date": ["2022-03-01", "2022-04-02"], "text": ["t", "u"]})
    text = describe_reference(df, source="my/corpus.jsonl")
    assert "2 articles from 2 outlets" in text and "2022-03-01 to 2022-04-02" in text and "my/corpus.jsonl" in text


@pytest.mark.parametrize(
    ("outlets", "phrase"),
    [
        (["X", "Y", None, "X", float("nan"), "", "Y"], "7 articles from 2 outlets (3 without an outlet),"),
        (["X", "X", "X"], "3 articles from 1 outlet,"),
        ([None, None], "2 articles without an outlet,"),
        (["X"], "1 article from 1 outlet,"),
    ],
)
def test_describe_user_corpus_does_not_count_a_missing_outlet_as_an_outlet(outlets, phrase):
    df = pd.DataFrame({"id": [f"a{i}" for i in range(len(outlets))], "outlet": outlets, "text": "t"})
    text = describe_reference(df, source="c.jsonl")
    assert text.startswith(f"Reference: {phrase} read from c.jsonl.")
    assert "unknown" not in text


def test_resolve_corpus_default_and_missing(monkeypatch):
    monkeypatch.delenv("FRAMING_CORPUS", raising=False)
    df, desc = resolve_corpus(None)
    assert len(df) > 0 and "Lee" in desc
    with pytest.raises(InputError, match="no such corpus"):
        resolve_corpus("/nonexistent/corpus.jsonl")


def test_resolve_shared_corpus(shared_corpus):
    pytest.importorskip("analysis.articles")
    df, desc = resolve_corpus(shared_corpus)
    assert len(df) == 118
    assert "read from" in desc


def test_scoring_the_default_corpus_flags_nothing(default_corpus):
    """Its ``conflict`` column is the package's own metadata: scoring the corpus
    as it comes must not warn about an unknown column."""
    import warnings

    from analysis import score_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = score_corpus(default_corpus.head(2), progress=False)
    assert out.attrs["skipped"] == []
    assert set(out["article_id"]) == set(default_corpus["id"].head(2))
