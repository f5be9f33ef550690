"""score_corpus on a Dask DataFrame: lazy, the same columns and dtypes, the same rows."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.batch import score_corpus
from analysis.schema import SENTENCE_COLUMNS

dd = pytest.importorskip("dask.dataframe")

# Invented short news items (not from any corpus).
TEXTS = [
    "Negotiators from both sides agreed on Monday to resume talks in Geneva next week.",
    "Artillery fire hit a residential district overnight, the mayor said. Two people were killed.",
    "“There is no military solution to this conflict,” the UN secretary-general told the assembly.",
    "Officials declined to say whether new sanctions were being prepared.",
    "The central bank left interest rates unchanged on Thursday.",
    "A spokesman for the foreign ministry said the ceasefire was holding. "
    "“We expect both parties to respect it,” he added.",
]


@pytest.fixture(scope="module")
def articles(seed_text) -> pd.DataFrame:
    texts = [*TEXTS, seed_text]
    return pd.DataFrame({"id": [f"a{i}" for i in range(len(texts))], "text": texts})


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    out = df.reset_index(drop=True)
    out.attrs = {}
    return out


def test_returns_a_lazy_frame_with_the_pandas_columns_and_dtypes(articles):
    ddf = dd.from_pandas(articles, npartitions=3)
    lazy = score_corpus(ddf)
    assert isinstance(lazy, dd.DataFrame)
    eager = score_corpus(articles, progress=False)
    assert list(lazy.columns) == list(eager.columns)
    assert list(lazy.columns)[: len(SENTENCE_COLUMNS)] == SENTENCE_COLUMNS
    assert lazy.dtypes.to_dict() == eager.dtypes.to_dict()


def test_synchronous_compute_equals_pandas(articles):
    ddf = dd.from_pandas(articles, npartitions=4)
    got = score_corpus(ddf).compute(scheduler="synchronous")
    pd.testing.assert_frame_equal(_plain(got), _plain(score_corpus(articles, progress=False)))


def test_missing_ids_match_the_pandas_path():
    frame = pd.DataFrame({"text": TEXTS})
    got = score_corpus(dd.from_pandas(frame, npartitions=2)).compute(scheduler="synchronous")
    pd.testing.assert_frame_equal(_plain(got), _plain(score_corpus(frame, progress=False)))


def test_user_lexicon_reaches_the_partitions(articles, tmp_path):
    lex = tmp_path / "my_frames.csv"
    lex.write_text(
        "frame,subframe,cue,weight,kind,note\nhumanitarian,ceasefire,ceasefire,1.0,,\n", encoding="utf-8"
    )
    lazy = score_corpus(dd.from_pandas(articles, npartitions=2), lexicon=lex)
    assert {"humanitarian", "humanitarian_score"} <= set(lazy.columns)
    got = lazy.compute(scheduler="synchronous")
    expected = score_corpus(articles, progress=False, lexicon=lex)
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))
    assert got["humanitarian"].any()


def test_missing_text_column_fails_eagerly():
    from analysis.errors import MissingColumnError

    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "body": ["x"]}), npartitions=1)
    with pytest.raises(MissingColumnError, match="no 'text' column"):
        score_corpus(ddf)


def test_failing_article_is_left_out_and_logged(articles, caplog):
    frame = articles.copy()
    frame.loc[2, "text"] = None
    with caplog.at_level("WARNING", logger="analysis.batch"):
        got = score_corpus(dd.from_pandas(frame, npartitions=2)).compute(scheduler="synchronous")
    assert "a2" not in set(got["article_id"])
    assert any("a2" in r.getMessage() and "text is null" in r.getMessage() for r in caplog.records)


def test_evidence_to_json_lets_dask_write_parquet(articles, tmp_path):
    from analysis.batch import evidence_to_json, read_scored_parquet

    lazy = score_corpus(dd.from_pandas(articles, npartitions=3))
    out = tmp_path / "scored"
    evidence_to_json(lazy).to_parquet(out, write_index=False, compute_kwargs={"scheduler": "synchronous"})
    back = pd.concat([read_scored_parquet(p) for p in sorted(out.glob("*.parquet"))], ignore_index=True)
    expected = _plain(score_corpus(articles, progress=False))
    pd.testing.assert_frame_equal(back, expected)


@pytest.mark.slow
def test_local_cluster_two_processes_equals_pandas(articles):
    distributed = pytest.importorskip("distributed")
    frame = pd.concat([articles] * 3, ignore_index=True)
    frame["id"] = [f"{i}-{k}" for k, i in enumerate(frame["id"])]
    expected = _plain(score_corpus(frame, progress=False))
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.wait_for_workers(2, timeout=120)  # both worker processes up, on a loaded machine too
        lazy = score_corpus(dd.from_pandas(frame, npartitions=6))
        got = client.compute(lazy).result()
        assert len(client.scheduler_info()["workers"]) == 2
        broken = frame.copy()
        broken.loc[4, "text"] = None
        pair = score_corpus(dd.from_pandas(broken, npartitions=6), with_skipped=True)
        got_pair, skipped = (f.result() for f in client.compute(list(pair)))
    pd.testing.assert_frame_equal(_plain(got), expected)
    kept = expected[expected["article_id"] != broken.loc[4, "id"]]
    pd.testing.assert_frame_equal(_plain(got_pair), _plain(kept))
    assert skipped["source"].tolist() == [broken.loc[4, "id"]]


def test_with_skipped_gives_the_table_and_what_was_left_out(articles, monkeypatch):
    import dask

    import analysis.batch as batch

    frame = articles.copy()
    frame.loc[2, "text"] = None
    frame.loc[4, "text"] = "   "
    calls = []
    real = batch._score_chunk

    def counting(jobs, config, errors="skip"):
        calls.append(len(jobs))
        return real(jobs, config, errors)

    monkeypatch.setattr(batch, "_score_chunk", counting)
    lazy, lazy_skipped = score_corpus(dd.from_pandas(frame, npartitions=3), with_skipped=True)
    assert isinstance(lazy, dd.DataFrame) and isinstance(lazy_skipped, dd.DataFrame)
    assert calls == []  # nothing runs before compute
    got, skipped = dask.compute(lazy, lazy_skipped, scheduler="synchronous")
    assert len(calls) == 3  # one scoring per partition for both frames
    monkeypatch.undo()
    expected, expected_skipped = score_corpus(frame, progress=False, with_skipped=True)
    pd.testing.assert_frame_equal(_plain(got), _plain(expected))
    assert skipped["source"].tolist() == ["a2", "a4"] == expected_skipped["source"].tolist()
    assert skipped["reason"].str.contains("text").all()
    assert list(skipped.columns) == ["source", "line", "reason", "kind"]
    assert lazy_skipped.dtypes.to_dict() == skipped.dtypes.to_dict()


def test_with_skipped_and_nothing_skipped_gives_an_empty_table(articles):
    lazy, lazy_skipped = score_corpus(dd.from_pandas(articles, npartitions=2), with_skipped=True)
    assert len(lazy_skipped.compute(scheduler="synchronous")) == 0
    assert len(lazy.compute(scheduler="synchronous")) == len(score_corpus(articles, progress=False))


def test_skipped_articles_without_ids_are_named_by_index_not_by_partition_position(articles):
    """Positions restart in every partition: two bad rows at the same place of two
    partitions must not both be called "row 1"."""
    import dask

    frame = articles[["text"]].copy()  # no id column
    frame.loc[0, "text"] = None
    frame.loc[4, "text"] = ""
    ddf = dd.from_pandas(frame, npartitions=2)
    assert ddf.divisions[1] == 4  # rows 0 and 4 are each the first of their partition
    _, skipped = dask.compute(*score_corpus(ddf, with_skipped=True), scheduler="synchronous")
    assert skipped["source"].tolist() == ["<dask dataframe> index 0", "<dask dataframe> index 4"]


@pytest.mark.parametrize("dtype", [object, None], ids=["object column", "string column"])
@pytest.mark.parametrize("missing", [None, float("nan")], ids=["None", "NaN"])
def test_a_null_text_is_said_the_same_by_pandas_and_dask(dtype, missing):
    """One row, one reason: a None in an object column stays None for pandas but is
    pd.NA once Dask makes the column strings; both paths say 'text is null'."""
    import dask

    frame = pd.DataFrame({"id": ["ok", "bad"], "text": [TEXTS[0], missing]}, dtype=dtype)
    with pytest.warns(Warning):
        _, pandas_skipped = score_corpus(frame, progress=False, with_skipped=True)
    lazy, lazy_skipped = score_corpus(dd.from_pandas(frame, npartitions=1), with_skipped=True)
    _, dask_skipped = dask.compute(lazy, lazy_skipped, scheduler="synchronous")
    expected = [("bad", "unusable article: text is null")]
    assert list(zip(pandas_skipped["source"], pandas_skipped["reason"], strict=True)) == expected
    assert list(zip(dask_skipped["source"], dask_skipped["reason"], strict=True)) == expected
