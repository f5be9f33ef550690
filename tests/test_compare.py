"""Profiles, percentiles, permutation tests and the compare run (analysis/compare.py)."""

from __future__ import annotations

import json
import math
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from analysis.compare import (
    CARRIERS,
    PROFILE_COLUMNS,
    Comparison,
    bootstrap_balance,
    compare,
    cramers_v,
    describe_column,
    percentile_of,
    permutation_test,
    profile_articles,
)
from analysis.errors import InputWarning
from analysis.schema import FRAME_LABELS, FRAMES, SIDES, SOURCE_TYPES

# Invented sentences (not from any corpus): (text, diplomacy, escalation, source_type, anonymous, quote_mode, side)
ARTICLE_A = [
    ("Negotiators from both sides met in Geneva on Tuesday.", True, False, "unattributed", False, "none", "unknown"),
    ("“We are ready to talk,” the foreign minister said.", True, False, "named_official", False, "direct", "ukraine"),
    ("Artillery pounded the eastern suburbs overnight, officials said.", False, True, "unnamed_official", True, "indirect", "ukraine"),
    ("The ceasefire could collapse if the shelling continues, an analyst warned.", True, True, "expert", False, "indirect", "other"),
    ("The city was founded in the twelfth century.", False, False, "unattributed", False, "none", "unknown"),
]
ARTICLE_B = [
    ("Missiles struck a power plant near the border.", False, True, "unattributed", False, "none", "unknown"),
    ("New sanctions will target the banking sector, the ministry said.", False, True, "institution", False, "indirect", "eu_nato"),
    ("“They will pay a heavy price,” a senior commander said.", False, True, "named_official", False, "direct", "russia"),
    ("It continues the threat, he added.", False, True, "named_official", False, "continuation", "russia"),
]


def _label(d: bool, e: bool) -> str:
    return "mixed" if d and e else "diplomacy" if d else "escalation" if e else "neutral"


def sentence_table(rows, article_id: str, **meta) -> pd.DataFrame:
    recs = []
    for i, (text, d, e, st, anon, qm, side) in enumerate(rows):
        recs.append(
            {
                "article_id": article_id,
                "sentence": i,
                "paragraph": 0,
                "start": 0,
                "end": len(text),
                "text": text,
                "diplomacy": d,
                "escalation": e,
                "diplomacy_score": 0.9 if d else 0.0,
                "escalation_score": 0.8 if e else 0.0,
                "frame": _label(d, e),
                "frame_evidence": [],
                "source_type": st,
                "speaker": "" if st == "unattributed" else "someone",
                "speaker_canonical": "",
                "cue": "",
                "quote_mode": qm,
                "via_outlet": "",
                "anonymous": anon,
                "side": side,
                "source_rule": "test",
                **meta,
            }
        )
    return pd.DataFrame(recs)


def random_table(article_id: str, n: int, p_dip: float, p_esc: float, rng: np.random.Generator, outlet="O") -> pd.DataFrame:
    d = rng.random(n) < p_dip
    e = rng.random(n) < p_esc
    rows = [
        (f"Sentence {i} of {article_id}.", bool(d[i]), bool(e[i]), str(rng.choice(SOURCE_TYPES[:3])), False, "none", "unknown")
        for i in range(n)
    ]
    return sentence_table(rows, article_id, outlet=outlet, title=f"Story {article_id}")


# ------------------------------------------------------------------ profile metrics


def test_profile_exact_shares_article_a():
    prof = profile_articles(sentence_table(ARTICLE_A, "a", title="Talks in Geneva", outlet="Wire", date="2022-03-01"))
    r = prof.iloc[0]
    assert (r["article_id"], r["title"], r["outlet"], r["date"], r["n_sentences"]) == ("a", "Talks in Geneva", "Wire", "2022-03-01", 5)
    expected = {
        "diplomacy_share": 3 / 5,
        "escalation_share": 2 / 5,
        "balance": 1 / 5,
        "label_diplomacy_share": 2 / 5,
        "label_escalation_share": 1 / 5,
        "label_mixed_share": 1 / 5,
        "label_neutral_share": 1 / 5,
        "attributed_share": 3 / 5,
        "anonymous_share": 1 / 5,
        "direct_quote_share": 1 / 5,
        "source_unattributed_share": 2 / 5,
        "source_named_official_share": 1 / 5,
        "source_unnamed_official_share": 1 / 5,
        "source_expert_share": 1 / 5,
        "source_institution_share": 0.0,
        "side_ukraine_share": 2 / 5,
        "side_other_share": 1 / 5,
        "side_unknown_share": 0.0,  # unattributed sentences have no side
        "diplomacy_unattributed_share": 1 / 3,
        "diplomacy_official_share": 1 / 3,
        "diplomacy_expert_share": 1 / 3,
        "escalation_unattributed_share": 0.0,
        "escalation_official_share": 1 / 2,
        "escalation_expert_share": 1 / 2,
    }
    for col, value in expected.items():
        assert r[col] == pytest.approx(value), col


def test_profile_article_b_continuation_counts_as_direct_quote_and_no_diplomacy_carriers_are_empty():
    prof = profile_articles(sentence_table(ARTICLE_B, "b"))
    r = prof.iloc[0]
    assert r["balance"] == pytest.approx(-1.0)
    assert r["direct_quote_share"] == pytest.approx(2 / 4)
    assert r["escalation_official_share"] == pytest.approx(3 / 4)
    assert r["escalation_unattributed_share"] == pytest.approx(1 / 4)
    assert all(math.isnan(r[f"diplomacy_{c}_share"]) for c in CARRIERS)
    assert r["side_russia_share"] == pytest.approx(2 / 4)


def test_profile_columns_defined_once_and_complete():
    prof = profile_articles(pd.concat([sentence_table(ARTICLE_A, "a"), sentence_table(ARTICLE_B, "b")]))
    assert list(prof.columns) == list(PROFILE_COLUMNS)
    assert prof["article_id"].tolist() == ["a", "b"]
    for t in SOURCE_TYPES:
        assert f"source_{t}_share" in PROFILE_COLUMNS
    for s in SIDES:
        assert f"side_{s}_share" in PROFILE_COLUMNS
    for f in FRAMES:
        for c in CARRIERS:
            assert f"{f}_{c}_share" in PROFILE_COLUMNS
    assert all(PROFILE_COLUMNS[c] for c in PROFILE_COLUMNS)  # every column has a meaning
    # shares that partition the sentences add up to 1
    src = prof[[f"source_{t}_share" for t in SOURCE_TYPES]].sum(axis=1)
    lab = prof[[f"label_{lab}_share" for lab in FRAME_LABELS]].sum(axis=1)
    assert np.allclose(src, 1) and np.allclose(lab, 1)
    side = prof[[f"side_{s}_share" for s in SIDES]].sum(axis=1)
    assert np.allclose(side, prof["attributed_share"])


def test_user_frame_gets_shares_and_carriers():
    t = sentence_table(ARTICLE_A, "a")
    t["humanitarian"] = [False, False, True, True, False]
    t["humanitarian_score"] = t["humanitarian"].astype(float)
    prof = profile_articles(t)
    assert prof.loc[0, "humanitarian_share"] == pytest.approx(2 / 5)
    assert prof.loc[0, "humanitarian_official_share"] == pytest.approx(1 / 2)
    assert "humanitarian" in describe_column("humanitarian_official_share")


def test_metadata_from_articles_table_and_attrs():
    t = sentence_table(ARTICLE_A, "a")
    arts = pd.DataFrame([{"id": "a", "title": "T", "outlet": "Wire", "date": "2001-12-01"}])
    assert profile_articles(t, arts).loc[0, "outlet"] == "Wire"
    t2 = t.copy()
    t2.attrs["article"] = {"id": "a", "title": "From attrs", "outlet": "Radio", "date": None}
    r = profile_articles(t2).iloc[0]
    assert (r["title"], r["outlet"], r["date"]) == ("From attrs", "Radio", "")


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA, pd.NaT])
def test_metadata_cells_with_no_value_are_unknown(missing):
    # an articles table with pd.NA cells (read with dtype_backend, or convert_dtypes) raised
    # 'boolean value of NA is ambiguous'; NaT printed as 'NaT'
    t = sentence_table(ARTICLE_A, "a")
    t["title"] = "From the sentences"
    arts = pd.DataFrame({"id": ["a"], "title": [missing], "outlet": [missing], "date": [missing]}, dtype=object)
    r = profile_articles(t, arts).iloc[0]
    assert (r["title"], r["outlet"], r["date"]) == ("From the sentences", "", "")
    t.attrs["article"] = {"id": "a", "title": missing, "outlet": missing, "date": missing}
    r = profile_articles(t).iloc[0]
    assert (r["title"], r["outlet"], r["date"]) == ("From the sentences", "", "")


def test_profile_does_not_mutate_input():
    t = sentence_table(ARTICLE_A, "a")
    before = t.copy()
    profile_articles(t)
    pd.testing.assert_frame_equal(t, before)


def test_missing_column_is_a_clear_error():
    with pytest.raises(ValueError, match="source_type"):
        profile_articles(sentence_table(ARTICLE_A, "a").drop(columns=["source_type"]))


# ------------------------------------------------------------------ bootstrap


def test_bootstrap_is_deterministic_with_seed_and_contains_point():
    rng = np.random.default_rng(1)
    d, e = rng.random(40) < 0.4, rng.random(40) < 0.3
    a = bootstrap_balance(d, e, seed=7, key="x")
    assert a == bootstrap_balance(d, e, seed=7, key="x")
    assert a != bootstrap_balance(d, e, seed=8, key="x")
    point = d.mean() - e.mean()
    assert a[0] <= point <= a[1]
    assert -1 <= a[0] < a[1] <= 1


def test_profile_interval_contains_balance_and_is_reproducible():
    rng = np.random.default_rng(3)
    t = pd.concat([random_table(f"r{i}", 25, 0.3, 0.4, rng) for i in range(5)])
    p1, p2 = profile_articles(t), profile_articles(t)
    pd.testing.assert_frame_equal(p1, p2)
    assert ((p1["balance_low"] <= p1["balance"]) & (p1["balance"] <= p1["balance_high"])).all()


def test_bootstrap_constant_article_has_zero_width():
    lo, hi = bootstrap_balance(np.ones(10, bool), np.zeros(10, bool), key="k")
    assert lo == hi == 1.0


# ------------------------------------------------------------------ statistics


@pytest.mark.parametrize(
    ("value", "reference", "expected"),
    [
        (5, [1, 2, 3, 4], 100.0),
        (0, [1, 2, 3, 4], 0.0),
        (3, [1, 2, 3, 4], 62.5),
        (2, [2, 2, 2, 2], 50.0),
        (1, [1, float("nan"), 3], 25.0),
    ],
)
def test_percentile_of(value, reference, expected):
    assert percentile_of(value, np.array(reference, dtype=float)) == pytest.approx(expected)


def test_cramers_v_bounds():
    assert cramers_v(np.array([[10, 0], [0, 10]])) == pytest.approx(1.0)
    assert cramers_v(np.array([[5, 5], [50, 50]])) == pytest.approx(0.0)


def test_permutation_identical_distributions_large_p():
    t = permutation_test([10, 10, 5, 25], np.array([[20, 20, 10, 50]] * 10), FRAME_LABELS, n_perm=2000)
    assert t.p_value > 0.5
    assert t.cramers_v < 0.05
    assert all(lo <= 0 <= hi for lo, hi in zip(t.diff_low, t.diff_high, strict=True))


def test_permutation_very_different_distributions_small_p():
    t = permutation_test([30, 0, 0, 10], np.array([[2, 20, 3, 15]] * 10), FRAME_LABELS, n_perm=2000)
    assert t.p_value < 0.01
    assert t.cramers_v > 0.3
    assert t.diff[0] > 0 and t.diff_low[0] > 0  # diplomacy over-represented, interval excludes 0
    assert t.p_category[0] < 0.01


def test_permutation_is_seeded():
    a = permutation_test([8, 2, 1, 9], np.array([[5, 5, 2, 8]] * 6), FRAME_LABELS, n_perm=500, seed=1)
    b = permutation_test([8, 2, 1, 9], np.array([[5, 5, 2, 8]] * 6), FRAME_LABELS, n_perm=500, seed=1)
    assert a == b


# ------------------------------------------------------------------ compare


@pytest.fixture(scope="module")
def corpus_tables():
    rng = np.random.default_rng(11)
    ref = pd.concat(
        [random_table(f"r{i}", 30, 0.15, 0.5, rng, outlet=f"Outlet {i % 3}") for i in range(30)], ignore_index=True
    )
    focus_diff = random_table("f", 30, 0.8, 0.05, rng, outlet="Focus Wire")
    focus_same = random_table("g", 30, 0.15, 0.5, rng, outlet="Focus Wire")
    return ref, focus_diff, focus_same


def test_compare_very_different_focus(corpus_tables):
    ref, focus, _ = corpus_tables
    c = compare(focus, ref, n_perm=2000)
    assert isinstance(c, Comparison)
    pct = c.percentiles.set_index("metric")["percentile"]
    assert pct["balance"] == 100.0 and pct["diplomacy_share"] == 100.0 and pct["escalation_share"] == 0.0
    omni = c.tests.set_index("test").loc["frame distribution"]
    assert omni["p_value"] < 0.01 and omni["effect_size"] > 0.3
    assert len(c.drivers) > 0 and set(c.drivers["frame"]) <= {"diplomacy", "mixed"}
    assert (c.drivers["lift"] > 1).all()
    text = c.summary()
    assert "higher than every reference article" in text and "differs from" in text


def test_summary_speaks_in_words_and_percentages(corpus_tables):
    """No column names (unnamed_official, side_us_share) and no shares as 0.67 in the summary."""
    ref, focus, _ = corpus_tables
    text = compare(focus, ref, n_perm=200).summary()
    assert "_" not in text.replace("Focus Wire", "")
    assert not re.search(r"\(0\.\d\d\)", text)  # a share is '67%', not '(0.67)'
    assert re.search(r"diplomacy sentences: \d+%", text)
    assert "[sentence " in text and "diplomacy only" in text
    # a label that differs on its own is introduced as such, not as support of the overall verdict
    assert "Frame labels that differ on their own:" in text


def test_summary_warns_about_a_very_short_article(corpus_tables):
    ref, _, _ = corpus_tables
    one = ref[ref["article_id"] == "r0"].head(1).assign(article_id="one")
    text = compare(one, ref, n_perm=200).summary()
    assert "Of its 1 sentence," in text and "With only 1 sentence" in text


@pytest.mark.parametrize(
    "metric, words",
    [
        ("balance", "balance (diplomacy \u2212 escalation)"),
        ("diplomacy_share", "diplomacy sentences"),
        ("label_mixed_share", "'both frames' sentences"),
        ("source_unnamed_official_share", "source: unnamed official"),
        ("side_us_share", "sources of the US side"),
        ("side_unknown_share", "sources of no side the rules know"),
        ("escalation_expert_share", "escalation sentences from experts"),
        ("diplomacy_unattributed_share", "diplomacy sentences in the writer's own voice"),
        ("humanitarian_share", "humanitarian sentences"),
    ],
)
def test_metric_label(metric, words):
    from analysis.compare import metric_label

    assert metric_label(metric) == words


@pytest.mark.parametrize(
    "below, above, words",
    [
        (1.0, 0.0, "higher than every reference article"),
        (0.9485, 0.0515, "higher than 94% of reference articles"),
        (0.5, 0.5, "higher than 50% of reference articles"),
        (0.2, 0.8, "lower than 80% of reference articles"),
        (0.29, 0.71, "lower than 71% of reference articles"),
        (0.0, 1.0, "lower than every reference article"),
        # ties are named, never counted as beaten: a focus at 0% where 65% of the
        # reference is at 0% too was "lower than 67%" (mid-rank percentile 32.5)
        (0.0, 0.35, "lower than 35% of reference articles and the same as 65%"),
        (0.0, 0.0, "the same as every reference article"),
        (0.4, 0.3, "higher than 40% of reference articles and the same as 30%"),
        (0.51, 0.485, "higher than 51% of reference articles"),  # no "the same as 0%"
    ],
)
def test_rank_words_never_round_up(below, above, words):
    from analysis.compare import _rank_words

    assert _rank_words(below, above) == words


def test_summary_does_not_count_tied_articles_as_beaten():
    # the focus quotes no unnamed source; two of three reference articles do not either
    def table(aid, anonymous):
        n = len(anonymous)
        return pd.DataFrame(
            {
                "article_id": [aid] * n,
                "sentence": range(n),
                "text": [f"Sentence {i}." for i in range(n)],
                "diplomacy": [True] * n,
                "escalation": [False] * n,
                "frame": ["diplomacy"] * n,
                "source_type": ["unnamed_official" if a else "named_official" for a in anonymous],
                "anonymous": anonymous,
                "quote_mode": ["indirect"] * n,
                "side": ["us"] * n,
            }
        )

    focus = table("f", [False, False])
    ref = pd.concat([table("r1", [False, False]), table("r2", [False] * 3), table("r3", [True, False])])
    c = compare(focus, ref, n_perm=50)
    row = c.percentiles.set_index("metric").loc["anonymous_share"]
    assert (row["reference_below"], row["reference_above"]) == (0.0, pytest.approx(1 / 3))
    assert "unnamed sources: 0%, lower than 33% of reference articles and the same as 66%" in c.summary()


def test_compare_similar_focus_not_significant(corpus_tables):
    ref, _, focus = corpus_tables
    c = compare(focus, ref, n_perm=2000)
    omni = c.tests.set_index("test").loc["frame distribution"]
    assert omni["p_value"] > 0.05
    assert 5 < c.percentiles.set_index("metric").loc["balance", "percentile"] < 95
    assert "not clearly different" in c.summary()


def test_compare_from_profiles_matches_sentences(corpus_tables):
    ref, focus, _ = corpus_tables
    from_sent = compare(focus, ref, n_perm=500)
    from_prof = compare(profile_articles(focus), profile_articles(ref), n_perm=500)
    pd.testing.assert_frame_equal(from_sent.percentiles, from_prof.percentiles)
    pd.testing.assert_frame_equal(from_sent.tests, from_prof.tests)
    assert from_prof.drivers.empty  # drivers need sentences


def test_compare_by_outlet_and_to_frame(corpus_tables):
    ref, focus, _ = corpus_tables
    c = compare(focus, ref, n_perm=200)
    bo = c.by_outlet
    assert bo.loc[0, "focus"] and bo.loc[0, "outlet"] == "Focus Wire (focus article)"
    assert bo.loc[1:, "n_articles"].sum() == 30 and set(bo.loc[1:, "outlet"]) == {"Outlet 0", "Outlet 1", "Outlet 2"}
    f = c.to_frame()
    assert set(f["kind"]) == {"percentile", "test"}
    assert len(f) == len(c.percentiles) + len(c.tests)


def test_compare_drops_focus_from_reference(corpus_tables):
    ref, focus, _ = corpus_tables
    c = compare(focus, pd.concat([ref, focus]), n_perm=200)
    assert len(c.reference) == 30
    assert any("left out" in n for n in c.notes)


def test_percentiles_cover_every_metric_and_summary_mentions_reference(corpus_tables):
    from analysis.compare import metric_columns

    ref, focus, _ = corpus_tables
    c = compare(focus, ref, n_perm=200, description="Reference: 30 invented stories.")
    assert c.percentiles["metric"].tolist() == metric_columns(c.focus)
    assert c.percentiles["percentile"].between(0, 100).all()
    text = c.summary()
    assert "Reference: 30 invented stories." in text and "p-values are optimistic" in text


def test_compare_rejects_several_focus_articles(corpus_tables):
    ref, _, _ = corpus_tables
    with pytest.raises(ValueError, match="one article"):
        compare(ref, ref)


# ------------------------------------------------------------------ integration


def _scorers_ready() -> bool:
    try:
        from analysis.batch import score_corpus  # noqa: F401
        from analysis.scoring import score_article

        score_article("Talks resumed in Geneva on Monday, the ministry said.")
        return True
    except Exception:  # noqa: BLE001 - scorers still being built
        return False


@pytest.mark.slow
def test_run_compare_default_corpus(tmp_path):
    if not _scorers_ready():
        pytest.skip("scorers not available yet")
    from analysis.cli import main

    assert main(["compare", "-o", str(tmp_path), "-q"]) == 0  # the seed against the embedded default
    charts = sorted(p.with_suffix("") for p in tmp_path.glob("*.png"))
    prof = pd.read_csv(tmp_path / "profiles.csv")
    assert prof["focus"].sum() == 1 and len(prof) > 50
    assert (tmp_path / "comparison.csv").exists() and (tmp_path / "by_outlet.csv").exists()
    readme = (tmp_path / "README.txt").read_text()
    assert "Lee" in readme and "--corpus" in readme
    assert prof["article_id"].str.startswith("lee-").sum() == len(prof) - 1
    assert len(charts) >= 5
    for stem in charts:
        for suffix in (".png", ".svg", ".csv"):
            assert stem.with_suffix(suffix).stat().st_size > 0


@pytest.mark.slow
def test_run_compare_shared_corpus_119_profiles(tmp_path, shared_corpus):
    if not _scorers_ready():
        pytest.skip("scorers not available yet")
    from analysis.compare import run_compare

    out = run_compare(corpus=shared_corpus, out_dir=tmp_path, progress=False)
    prof = pd.read_csv(tmp_path / "profiles.csv")
    assert len(prof) == 119 and prof["focus"].sum() == 1
    assert prof["outlet"].nunique() >= 15
    assert len(out.charts) >= 5
    assert "read from" in (tmp_path / "README.txt").read_text()


def test_focus_without_a_title_is_labelled_by_its_file_name(tmp_path):
    from analysis.compare import _load_focus

    art = tmp_path / "one_line.txt"
    art.write_text("Russia fired missiles at Kyiv overnight, officials said.\n", encoding="utf-8")
    assert _load_focus(art)["title"].iloc[0] == "one_line.txt"


def test_summary_qualifies_unusual_sides(corpus_tables):
    ref, focus, _ = corpus_tables
    c = compare(focus, ref, n_perm=200)
    pct = c.percentiles.copy()
    pct.loc[pct["metric"] == "side_us_share", "percentile"] = 99.0
    text = Comparison(**{**c.__dict__, "percentiles": pct}).summary()
    assert "sources of the US side (high)" in text and "sides are those of the Russia" in text


def test_readme_says_how_sentences_are_numbered(tmp_path):
    # summary.txt said "[sentence 2: ...]" for the row drivers.csv lists as sentence=1,
    # and nothing told the reader that the two count from different ends
    import re

    from analysis.compare import run_compare

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(
        [
            "Missiles struck the port overnight. Artillery shelled the city.",
            "Russian forces launched new attacks, officials said. Troops advanced.",
            "Sanctions were tightened on Friday. The strikes continued.",
        ]
    ):
        (corpus / f"r{i}.txt").write_text(text)
    focus = tmp_path / "focus.txt"
    focus.write_text("Missiles hit Kyiv overnight. “We are ready for a ceasefire,” Medinsky said.")
    out = tmp_path / "out"
    run_compare(str(focus), corpus=str(corpus), out_dir=str(out), progress=False)
    summary = (out / "summary.txt").read_text()
    drivers = pd.read_csv(out / "drivers.csv")
    number = int(re.search(r"\[sentence (\d+):", summary).group(1))
    assert number == drivers["sentence"].iloc[0] + 1
    readme = (out / "README.txt").read_text()
    assert "count from 1" in readme and "counts from 0" in readme


def test_a_corpus_of_only_the_focus_says_so(tmp_path):
    # 'framing compare a.txt --corpus a.txt' said "the reference corpus has no articles"
    from analysis.compare import compare_coverage
    from analysis.errors import InputError

    art = tmp_path / "a.txt"
    art.write_text("Talks resumed in Geneva on Monday, officials said.")
    with pytest.raises(InputError, match="no article but the focus article itself"):
        compare_coverage(str(art), corpus=str(art), progress=False)


def test_profiles_of_articles_with_one_id_keep_their_own_metadata():
    # score_corpus renames the second 'a' to 'a~2'; profile_articles gave 'a' the last
    # row's title and 'a~2' none
    from analysis import score_corpus

    arts = pd.DataFrame(
        {
            "id": ["a", "b", "a"],
            "title": ["First", "Second", "Third"],
            "text": ["Talks resumed in Geneva.", "Missiles hit Kyiv.", "The ceasefire held."],
        }
    )
    with pytest.warns(InputWarning):
        scored = score_corpus(arts, progress=False)
    p = profile_articles(scored, arts)
    assert p[["article_id", "title"]].values.tolist() == [["a", "First"], ["b", "Second"], ["a~2", "Third"]]


def test_run_compare_again_into_the_same_folder_leaves_nothing_stale(tmp_path):
    # a second run kept the first run's skipped.json (a JSONL line of another corpus) and its
    # source_mix_by_outlet chart beside this run's source_mix_by_article
    import json

    from analysis.compare import run_compare

    focus = tmp_path / "focus.txt"
    focus.write_text("Missiles hit the port overnight. Envoys met to discuss a truce, officials said.")
    rows = [
        {"id": "r1", "outlet": "Daily Planet", "text": "Talks resumed in Vienna. Shelling continued."},
        {"id": "r2", "outlet": "Gazette", "text": "Artillery struck the bridge. The army said it advanced."},
        {"id": "r3", "outlet": "Gazette", "text": "Farmers began the harvest. The weather was dry."},
    ]
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    second = tmp_path / "second"
    second.mkdir()
    for r in rows:
        (second / f"{r['id']}.txt").write_text(r["text"])
    out = tmp_path / "out folder"
    with pytest.warns(InputWarning, match="skipped"):
        one = run_compare(str(focus), corpus=str(first), out_dir=out, progress=False)
    assert (out / "skipped.json").exists() and (out / "source_mix_by_outlet.png").exists()
    two = run_compare(str(focus), corpus=str(second), out_dir=out, progress=False)
    assert not two.skipped and not (out / "skipped.json").exists()
    assert {p.name for p in two.charts} == {p.name for p in one.charts} - {"source_mix_by_outlet"} | {"source_mix_by_article"}
    chart_files = {p.name for p in out.iterdir() if p.suffix in (".png", ".svg")}
    assert chart_files == {f"{c.name}{s}" for c in two.charts for s in (".png", ".svg")}
    assert {p.name for p in out.iterdir()} == {p.name for p in two.files}


def test_summary_says_when_an_unusual_measure_rests_on_fewer_reference_articles():
    # 'diplomacy sentences in the writer's own voice (low)' among the outer 5% of a
    # 3-article reference was computed against the one article that has diplomacy sentences
    from analysis import score_corpus

    focus = score_corpus(pd.DataFrame({"id": ["f"], "text": [
        "Envoys met in Vienna to discuss a truce, officials said. Talks resumed on Monday, the ministry said."
    ]}), progress=False)
    ref = score_corpus(pd.DataFrame({"id": ["r1", "r2", "r3"], "text": [
        "Negotiators met in Vienna to discuss a ceasefire. The talks will resume next week.",
        "Farmers began the harvest. The weather was dry.",
        "The market opened late. Prices rose slightly.",
    ]}), progress=False)
    comp = compare(focus, ref, n_perm=200)
    row = comp.percentiles.set_index("metric").loc["diplomacy_unattributed_share"]
    assert row["n_reference"] == 1 and row["percentile"] <= 5
    line = next(x for x in comp.summary().splitlines() if "outer 5%" in x)
    assert "in the writer's own voice (low; against the 1 of 3 reference articles with diplomacy sentences)" in line
    assert "attributed sentences (high)" in line  # a measure every article has: no qualifier


def test_compare_profiles_read_back_from_csv_have_no_nan_words(corpus_tables, tmp_path):
    # profiles.csv read with pandas has NaN for an unknown outlet: the summary said
    # 'Focus article: Title (nan)' and by_outlet 'nan (focus article)'
    ref, focus, _ = corpus_tables
    profiles = pd.concat([profile_articles(focus).assign(focus=True), profile_articles(ref).assign(focus=False)])
    profiles["outlet"] = ""
    profiles.to_csv(tmp_path / "profiles.csv", index=False)
    back = pd.read_csv(tmp_path / "profiles.csv")
    assert back["outlet"].isna().all()
    comp = compare(back[back["focus"]], back[~back["focus"]], n_perm=200)
    assert "nan" not in comp.summary().split("\n")[0]
    assert comp.by_outlet["outlet"].tolist()[0] == "focus (focus article)"
    assert "(unknown outlet)" in comp.by_outlet["outlet"].tolist()


def test_outlet_means_keep_articles_whose_outlet_is_nan(corpus_tables):
    # aggregate_by_outlet grouped by a NaN outlet (profiles.csv read back) and dropped those
    # articles: an empty table, and 'nan (focus article)'
    from analysis.compare import aggregate_by_outlet

    ref, focus, _ = corpus_tables
    rprof = profile_articles(ref)
    rprof.loc[:4, "outlet"] = np.nan
    out = aggregate_by_outlet(rprof, profile_articles(focus).assign(outlet=np.nan))
    assert out["n_articles"].sum() == len(rprof) + 1
    assert out.loc[0, "outlet"] == "focus (focus article)"
    assert out.set_index("outlet").loc["(unknown outlet)", "n_articles"] == 5


def test_reference_statement_counts_the_articles_compared_when_the_focus_is_left_out(tmp_path):
    # the focus was also in the corpus folder: 'Compared with 2 reference articles.' beside
    # 'Reference: 3 articles from 1 outlet, read from ...'
    from analysis.compare import compare_coverage

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks resumed in Geneva on Monday. Envoys met again.")
    (corpus / "b.txt").write_text("Missiles struck the port overnight. Shelling continued.")
    focus = corpus / "focus.txt"
    focus.write_text("Drones attacked the city. Ministers discussed a truce, officials said.")
    cov = compare_coverage(str(focus), corpus=str(corpus), progress=False)
    summary = cov.comparison.summary()
    assert "Compared with 2 reference articles." in summary
    # the .txt files name no outlet: no 'from 1 outlet' (the unknown one counted as an outlet)
    assert "Reference: 2 articles without an outlet, read from" in summary
    assert "(the focus article, also in it, is left out)" in cov.description


@pytest.fixture
def corpus_folder(tmp_path, monkeypatch):
    """A folder of two reference articles and the focus story.txt, made the working directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Talks resumed in Geneva on Monday. Envoys met again.")
    (tmp_path / "b.txt").write_text("Missiles struck the port overnight. Shelling continued.")
    (tmp_path / "story.txt").write_text("Drones attacked the city. Ministers discussed a truce, officials said.")
    return tmp_path


def test_a_second_run_into_a_folder_inside_the_corpus_does_not_read_its_own_output(corpus_folder):
    # 'cd my_articles; framing compare story.txt --corpus .' twice: the second run read the
    # first one's out/compare/summary.txt, README.txt and CSV tables (article_strip.csv holds the
    # focus's own sentences) as reference articles: 'Compared with 14 reference articles'
    from analysis.compare import run_compare

    first = run_compare("story.txt", corpus=".", out_dir="out/compare", progress=False)
    with pytest.warns(InputWarning):  # the loader still names the files it cannot read (PNG, SVG)
        second = run_compare("story.txt", corpus=".", out_dir="out/compare", progress=False)
    assert len(first.comparison.reference) == len(second.comparison.reference) == 2
    summary = (corpus_folder / "out" / "compare" / "summary.txt").read_text()
    assert "Reference: 2 articles without an outlet, read from . (files inside the output folder" in summary
    skipped = json.loads((corpus_folder / "out" / "compare" / "skipped.json").read_text())
    own = [s["source"] for s in skipped if "output folder" in s["reason"]]
    assert "out/compare/summary.txt" in own and not any(s["source"].endswith(".png") for s in skipped)


def test_a_reference_without_titles_or_outlets_says_how_to_give_them(corpus_tables):
    """score_corpus's sentence table has no titles or outlets: compare says so and how to
    pass them, instead of putting every article under an unknown outlet in silence."""
    ref, focus, _ = corpus_tables
    bare = ref.drop(columns=[c for c in ("title", "outlet", "date") if c in ref.columns])
    c = compare(focus, bare, n_perm=100)
    assert any("reference_articles=" in n for n in c.notes)
    assert "reference_articles=" in c.summary()
    articles = ref.groupby("article_id", as_index=False)["outlet"].first().rename(
        columns={"article_id": "id"})
    c2 = compare(focus, bare, reference_articles=articles, n_perm=100)
    assert not any("reference_articles=" in n for n in c2.notes)
    assert not any("reference_articles=" in n for n in compare(focus, ref, n_perm=100).notes)


def test_an_output_folder_that_is_the_corpus_leaves_out_only_our_own_files(corpus_folder):
    # 'framing compare story.txt --corpus . -o .': excluding everything inside the output
    # folder left no reference article ("the reference corpus has no articles"); only the
    # files this package writes there are left out, on the first run and on a second one
    from analysis.compare import run_compare

    first = run_compare("story.txt", corpus=".", out_dir=".", progress=False)
    assert (corpus_folder / "summary.txt").exists() and (corpus_folder / "profiles.csv").exists()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the loader names the files it cannot read (PNG, SVG)
        second = run_compare("story.txt", corpus=".", out_dir=".", progress=False)
    assert len(first.comparison.reference) == len(second.comparison.reference) == 2


def test_a_corpus_folder_holding_earlier_score_and_report_outputs_compares_only_articles(corpus_folder):
    # 'framing score . -o out/scored.csv' then 'framing report story.txt -o out/report', then
    # 'framing compare story.txt --corpus .': each scored sentence and each report page was a
    # reference article ('Compared with 10 reference articles'); they are left out, and said so
    from analysis.cli import main
    from analysis.compare import compare_coverage
    from analysis.render import save_article_html
    from analysis.scoring import score_article

    assert main(["score", ".", "-o", "out/scored.csv", "-q"]) == 0
    save_article_html(score_article("story.txt"), "out/report/article.html")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the loader's summary of what it left out
        cov = compare_coverage("story.txt", corpus=".", progress=False)
    assert len(cov.comparison.reference) == 2
    reasons = {s.source: s.reason for s in cov.skipped}
    assert reasons["out/scored.csv"].startswith("written by framing-analysis: a table of sentences")
    assert reasons["out/report/article.html"].startswith("written by framing-analysis: an HTML page")
