"""score_corpus and the streaming path: the same table as scoring articles one by one."""

from __future__ import annotations

import json
import multiprocessing
import warnings

import pandas as pd
import pytest

import analysis.scoring as scoring
from analysis import Article, score_article
from analysis.batch import (
    evidence_to_json,
    read_scored_parquet,
    score_corpus,
    score_jsonl_to_parquet,
)
from analysis.errors import InputError, InputWarning, MissingColumnError
from analysis.schema import SENTENCE_COLUMNS, check_sentence_table

# Invented news articles (not taken from any corpus): paragraphs, quotations
# that run over two sentences, an unnamed source, a short wire item.
TEXTS = {
    "talks": (
        "Delegations from Kyiv and Moscow met in Istanbul on Tuesday for a fresh round of talks.\n\n"
        "“We have made some progress on humanitarian corridors. But the main questions remain open,” "
        "the Ukrainian negotiator told reporters after the meeting.\n\n"
        "The Kremlin said it would study the proposals before the next round."
    ),
    "strikes": (
        "Russian forces launched a wave of missile strikes on the city overnight, local officials said.\n\n"
        "At least nine people were killed and dozens wounded, according to the regional governor. "
        "Emergency crews were still searching the rubble on Wednesday morning.\n\n"
        "A senior Western official, speaking on condition of anonymity, said the attacks were "
        "likely to intensify."
    ),
    "aid": (
        "Washington announced another $800 million in military aid, including artillery and drones. "
        "“This package will make a real difference on the battlefield,” the defense secretary said."
    ),
    "brief": "The two foreign ministers spoke by phone on Friday.",
}


def _frame(ids=None) -> pd.DataFrame:
    ids = list(TEXTS) if ids is None else ids
    return pd.DataFrame(
        {
            "id": ids,
            "title": [f"Headline {i}" for i in ids],
            "outlet": ["Example Wire"] * len(ids),
            "text": [TEXTS[i] for i in ids],
        }
    )


def _one_by_one(frame: pd.DataFrame, **kw) -> pd.DataFrame:
    parts = [score_article(Article.from_text(t, id=i), **kw) for i, t in zip(frame["id"], frame["text"], strict=True)]
    out = pd.concat([p for p in parts if len(p)], ignore_index=True)
    out.attrs = {}
    return out


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    a, b = a.copy(), b.copy()
    a.attrs, b.attrs = {}, {}
    pd.testing.assert_frame_equal(a, b)


@pytest.fixture(scope="module")
def seed_and_texts(seed_text) -> pd.DataFrame:
    seed = pd.DataFrame({"id": ["seed"], "title": ["seed"], "outlet": ["Antiwar.com"], "text": [seed_text]})
    return pd.concat([_frame(), seed], ignore_index=True)


# ------------------------------------------------------------------ in memory


def test_equals_concatenated_score_article(seed_and_texts):
    df = score_corpus(seed_and_texts, progress=False)
    check_sentence_table(df)
    assert list(df.columns)[: len(SENTENCE_COLUMNS)] == SENTENCE_COLUMNS
    _same(df, _one_by_one(seed_and_texts))
    assert df.attrs["skipped"] == []
    # input order, every article present, a fresh RangeIndex
    assert list(dict.fromkeys(df["article_id"])) == list(seed_and_texts["id"])
    assert df.index.equals(pd.RangeIndex(len(df)))


@pytest.mark.parametrize("chunksize", [None, 1, 2, 100])
def test_two_workers_equal_one(seed_and_texts, chunksize):
    frame = pd.concat([seed_and_texts] * 3, ignore_index=True)
    frame["id"] = [f"{i}-{k}" for k, i in enumerate(frame["id"])]
    one = score_corpus(frame, n_jobs=1, progress=False)
    two = score_corpus(frame, n_jobs=2, progress=False, chunksize=chunksize)
    _same(one, two)
    assert two.attrs["skipped"] == []


def test_iterable_of_articles_equals_dataframe():
    frame = _frame()
    arts = (Article.from_text(t, id=i) for i, t in zip(frame["id"], frame["text"], strict=True))
    _same(score_corpus(arts, progress=False), score_corpus(frame, progress=False))


def test_iterable_of_texts_records_and_paths_equals_dataframe(tmp_path):
    """A list of texts (the natural call), records (dicts, as JSON lines) and files
    score like the same articles in a DataFrame."""
    frame = _frame()
    expected = score_corpus(frame, progress=False)
    path = tmp_path / "aid.txt"
    path.write_text(TEXTS["aid"], encoding="utf-8")
    items = [
        TEXTS["talks"],
        {"id": "strikes", "text": TEXTS["strikes"]},
        path,
        {"id": "brief", "text": TEXTS["brief"]},
    ]
    got = score_corpus(items, progress=False)
    assert got["frame"].tolist() == expected["frame"].tolist()
    assert got["source_type"].tolist() == expected["source_type"].tolist()
    assert got["article_id"].iloc[0] == Article.from_text(TEXTS["talks"]).id
    assert got.attrs["skipped"] == []


@pytest.mark.parametrize(
    ("item", "source", "reason"),
    [
        (5, "<articles> item 2", "not an article (int)"),
        (None, "<articles> item 2", "not an article (NoneType)"),
        ("   ", "<articles> item 2", "empty text"),
        ({"id": "x"}, "x", "no text"),
    ],
)
def test_unusable_items_of_an_iterable_are_skipped_and_named(item, source, reason):
    with pytest.warns(InputWarning, match="1 item"):
        df = score_corpus([TEXTS["brief"], item], progress=False)
    assert df["sentence"].tolist() == [0]
    (skip,) = df.attrs["skipped"]
    assert skip.source == source and reason in skip.reason


def test_a_missing_or_empty_file_in_an_iterable_is_skipped_and_named(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.warns(InputWarning, match="2 item"):
        df = score_corpus([tmp_path / "nope.txt", empty, TEXTS["brief"]], progress=False)
    assert len(df) == 1
    assert [(s.source, s.reason) for s in df.attrs["skipped"]] == [
        (str(tmp_path / "nope.txt"), "no such file"),
        (str(empty), "file is empty"),
    ]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_user_lexicon_passes_through(tmp_path, n_jobs):
    lex = tmp_path / "my_frames.csv"
    lex.write_text(
        "frame,subframe,cue,weight,kind,note\n"
        "humanitarian,corridors,humanitarian corridor,1.0,,\n"
        "humanitarian,casualties,wounded,0.8,,\n",
        encoding="utf-8",
    )
    frame = _frame()
    df = score_corpus(frame, n_jobs=n_jobs, progress=False, lexicon=lex)
    assert {"humanitarian", "humanitarian_score"} <= set(df.columns)
    assert df["humanitarian"].any()
    _same(df, _one_by_one(frame, lexicon=lex))


def test_an_edited_lexicon_is_read_again(tmp_path):
    lex = tmp_path / "my_frames.csv"
    header = "frame,subframe,cue,weight,kind,note\n"
    lex.write_text(header + "humanitarian,aid,humanitarian corridor,1.0,,\n", encoding="utf-8")
    first = score_corpus(_frame(["brief"]), progress=False, lexicon=lex)
    assert not first["humanitarian"].any()
    lex.write_text(header + "humanitarian,calls,spoke by phone,1.0,,a new cue\n", encoding="utf-8")
    second = score_corpus(_frame(["brief"]), progress=False, lexicon=lex)
    assert second["humanitarian"].any()


def test_bad_lexicon_fails_before_any_work(tmp_path):
    from analysis.errors import LexiconError

    lex = tmp_path / "bad.csv"
    lex.write_text("frame,subframe,cue,weight,kind,note\nhumanitarian,x,corridor,heavy,,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.csv"):
        score_corpus(_frame(), n_jobs=2, progress=False, lexicon=lex)


def test_input_not_mutated():
    frame = _frame()
    before = frame.copy()
    score_corpus(frame, progress=False)
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_failing_article_is_skipped_and_reported(monkeypatch, n_jobs):
    real = scoring.Scorer.article_columns

    def flaky(self, article):
        if getattr(article, "id", None) == "strikes":
            raise RuntimeError("splitter crashed")
        return real(self, article)

    # patched before the pool starts: forked workers inherit the patch
    if n_jobs > 1 and multiprocessing.get_start_method() != "fork":
        pytest.skip("workers inherit the monkeypatch only when forked")
    monkeypatch.setattr(scoring.Scorer, "article_columns", flaky)
    with pytest.warns(InputWarning, match="strikes"):
        df = score_corpus(_frame(), n_jobs=n_jobs, progress=False)
    assert "strikes" not in set(df["article_id"])
    assert list(dict.fromkeys(df["article_id"])) == ["talks", "aid", "brief"]
    (skip,) = df.attrs["skipped"]
    assert skip.source == "strikes"
    assert "RuntimeError" in skip.reason and "splitter crashed" in skip.reason
    monkeypatch.setattr(scoring.Scorer, "article_columns", real)
    _same(df, _one_by_one(_frame(["talks", "aid", "brief"])))


def test_errors_raise_stops(monkeypatch):
    def broken(self, article):
        raise RuntimeError("nope")

    monkeypatch.setattr(scoring.Scorer, "article_columns", broken)
    with pytest.raises(RuntimeError, match="nope"):
        score_corpus(_frame(), progress=False, errors="raise")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (None, "text is null"),
        (float("nan"), "text is null"),
        (42, "text is an int, not a string"),
        (["Talks resumed."], "text is a list, not a string"),
        ("   \n  ", "empty text"),
    ],
)
def test_unusable_rows_are_skipped(text, reason):
    frame = pd.DataFrame({"id": ["ok", "bad"], "text": [TEXTS["brief"], text]})
    with pytest.warns(InputWarning):
        df = score_corpus(frame, progress=False)
    assert set(df["article_id"]) == {"ok"}
    (skip,) = df.attrs["skipped"]
    assert skip.source == "bad" and reason in skip.reason


def test_missing_id_is_the_hash_of_the_text_as_in_from_text():
    frame = pd.DataFrame({"text": [TEXTS["brief"], TEXTS["aid"]]}, index=[10, 11])
    df = score_corpus(frame, progress=False)
    expected = [Article.from_text(TEXTS["brief"]).id, Article.from_text(TEXTS["aid"]).id]
    assert list(dict.fromkeys(df["article_id"])) == expected


def test_missing_text_column_names_the_columns():
    with pytest.raises(MissingColumnError, match="no 'text' column; found: id, body"):
        score_corpus(pd.DataFrame({"id": ["a"], "body": ["x"]}), progress=False)


def test_empty_input_gives_empty_table_with_the_columns():
    df = score_corpus(pd.DataFrame({"id": [], "text": []}), progress=False)
    assert len(df) == 0
    check_sentence_table(df)
    full = score_corpus(_frame(["brief"]), progress=False)
    assert df.dtypes.to_dict() == full.dtypes.to_dict()


@pytest.mark.parametrize("bad", ["corpus.jsonl", 42])
def test_rejects_a_path_or_scalar(bad):
    with pytest.raises(TypeError, match="DataFrame of articles or an iterable of articles .*use load_corpus"):
        score_corpus(bad, progress=False)


@pytest.mark.parametrize("n_jobs", [0, -2])
def test_bad_n_jobs(n_jobs):
    with pytest.raises(ValueError, match="n_jobs"):
        score_corpus(_frame(), n_jobs=n_jobs, progress=False)


def test_progress_bar_on_stderr_only_when_asked(capsys):
    score_corpus(_frame(), progress=False)
    assert capsys.readouterr().err == ""
    score_corpus(_frame(), progress=True)
    captured = capsys.readouterr()
    assert "article" in captured.err and captured.out == ""


# -------------------------------------------------------------------- streaming


def _write_jsonl(path, records, extra_lines=()):
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    for where, line in extra_lines:
        lines.insert(where, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _records(seed_text):
    recs = [{"id": i, "title": f"Headline {i}", "text": t} for i, t in TEXTS.items()]
    recs.append({"id": "seed", "text": seed_text})
    return recs


@pytest.mark.parametrize(("batch_size", "n_jobs"), [(1, 1), (2, 1), (256, 1), (2, 2)])
def test_stream_equals_in_memory(tmp_path, seed_text, batch_size, n_jobs):
    recs = _records(seed_text)
    src, dst = tmp_path / "in.jsonl", tmp_path / "out" / "sentences.parquet"
    _write_jsonl(src, recs)
    summary = score_jsonl_to_parquet(src, dst, batch_size=batch_size, n_jobs=n_jobs, progress=False)
    assert summary.skipped == ()
    assert summary.articles == len(recs)
    expected = score_corpus(pd.DataFrame(recs), progress=False)
    assert summary.sentences == len(expected)
    back = read_scored_parquet(dst)
    _same(back, expected)
    # no temporary file left beside the output
    assert [p.name for p in dst.parent.iterdir()] == ["sentences.parquet"]


def test_stream_stores_evidence_as_json_and_fixed_schema(tmp_path):
    import pyarrow.parquet as pq

    src, dst = tmp_path / "in.jsonl", tmp_path / "s.parquet"
    _write_jsonl(src, [{"id": i, "text": t} for i, t in TEXTS.items()])
    score_jsonl_to_parquet(src, dst, batch_size=1, progress=False)
    pf = pq.ParquetFile(dst)
    schema = pf.schema_arrow
    assert str(schema.field("frame_evidence").type) == "string"
    assert str(schema.field("diplomacy").type) == "bool"
    assert str(schema.field("sentence").type) == "int64"
    assert pf.metadata.num_row_groups == len(TEXTS)  # one row group per batch
    raw = pd.read_parquet(dst)
    assert all(isinstance(json.loads(v), list) for v in raw["frame_evidence"])


def test_evidence_to_json_matches_the_streamed_layout(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "s.parquet"
    _write_jsonl(src, [{"id": i, "text": t} for i, t in TEXTS.items()])
    score_jsonl_to_parquet(src, dst, progress=False)
    scored = score_corpus(_frame(), progress=False)
    flat = evidence_to_json(scored)
    assert isinstance(scored["frame_evidence"].iloc[0], list)  # the input is not changed
    assert flat["frame_evidence"].map(json.loads).tolist() == scored["frame_evidence"].tolist()
    _same(flat, pd.read_parquet(dst))


def test_stream_reports_malformed_lines_by_number(tmp_path):
    recs = [{"id": i, "text": t} for i, t in TEXTS.items()]
    src, dst = tmp_path / "in.jsonl", tmp_path / "s.parquet"
    # line 2: broken JSON; line 4: blank (ignored); line 5: a list; line 7: no text
    _write_jsonl(
        src,
        recs,
        extra_lines=[(1, '{"id": "x", "text": "unterminated'), (3, ""), (4, "[1, 2]"), (6, '{"id": "notext"}')],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        summary = score_jsonl_to_parquet(src, dst, batch_size=2, progress=False)
    assert [(s.line, s.source) for s in summary.skipped] == [(2, str(src)), (5, str(src)), (7, str(src))]
    reasons = [s.reason for s in summary.skipped]
    assert "malformed JSON" in reasons[0]
    assert "not a JSON object" in reasons[1]
    assert "no text" in reasons[2]
    (warned,) = [w for w in caught if issubclass(w.category, InputWarning)]  # one summary
    assert str(warned.message).startswith("3 item(s) skipped (details in summary.skipped)")
    back = read_scored_parquet(dst)
    assert list(dict.fromkeys(back["article_id"])) == list(TEXTS)


def test_stream_reports_invalid_utf8_and_failed_article_lines(tmp_path, monkeypatch):
    real = scoring.Scorer.article_columns

    def flaky(self, article):
        if article.id == "aid":
            raise RuntimeError("boom")
        return real(self, article)

    monkeypatch.setattr(scoring.Scorer, "article_columns", flaky)
    src, dst = tmp_path / "in.jsonl", tmp_path / "s.parquet"
    lines = [json.dumps({"id": i, "text": t}).encode() for i, t in TEXTS.items()]
    lines.insert(1, b'{"id": "latin1", "text": "caf\xe9"}')
    src.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.warns(InputWarning):
        summary = score_jsonl_to_parquet(src, dst, batch_size=3, progress=False)
    assert [s.line for s in summary.skipped] == [2, 4]
    assert "UTF-8" in summary.skipped[0].reason
    assert "article aid" in summary.skipped[1].reason and "boom" in summary.skipped[1].reason
    assert summary.articles == len(TEXTS) - 1


def test_stream_missing_id_is_the_hash_of_the_text(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "s.parquet"
    _write_jsonl(src, [{"text": TEXTS["brief"]}, {"text": TEXTS["aid"]}])
    score_jsonl_to_parquet(src, dst, progress=False)
    expected = [Article.from_text(TEXTS["brief"]).id, Article.from_text(TEXTS["aid"]).id]
    assert list(dict.fromkeys(read_scored_parquet(dst)["article_id"])) == expected


def test_stream_failure_leaves_no_file(tmp_path, monkeypatch):
    src, dst = tmp_path / "in.jsonl", tmp_path / "s.parquet"
    _write_jsonl(src, [{"id": i, "text": t} for i, t in TEXTS.items()])

    def broken(self, df):
        raise OSError("disk full")

    import analysis.batch as batch

    monkeypatch.setattr(batch._TableSpec, "to_arrow", broken)
    with pytest.raises(OSError, match="disk full"):
        score_jsonl_to_parquet(src, dst, batch_size=1, progress=False)
    assert list(tmp_path.iterdir()) == [src]


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_stream_empty_file_is_an_input_error(tmp_path, content):
    src, dst = tmp_path / "in.jsonl", tmp_path / "s.parquet"
    src.write_bytes(content)
    with pytest.raises(InputError, match="no articles"):
        score_jsonl_to_parquet(src, dst, progress=False)
    assert not dst.exists()


def test_stream_missing_source(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        score_jsonl_to_parquet(tmp_path / "nope.jsonl", tmp_path / "s.parquet", progress=False)


def test_on_the_shared_corpus_two_workers_equal_one(shared_corpus):
    frame = pd.read_json(shared_corpus, lines=True).head(40)[["id", "text"]]
    one = score_corpus(frame, progress=False)
    _same(one, score_corpus(frame, n_jobs=2, progress=False))
    assert set(one["article_id"]) <= set(frame["id"])
    assert one.attrs["skipped"] == []


# ------------------------------------------------------------- duplicate ids


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_duplicate_ids_stay_two_articles_and_are_reported(n_jobs):
    # two rows with one id (or the same text without an id) were one "article" whose
    # sentence numbers restarted: profile_articles merged them without a word
    from analysis import profile_articles

    frame = pd.DataFrame(
        {"id": ["a", "b", "a"], "text": [TEXTS["talks"], TEXTS["brief"], TEXTS["strikes"]]},
        index=[10, 5, 7],
    )
    with pytest.warns(InputWarning, match="duplicate article id 'a'"):
        df = score_corpus(frame, n_jobs=n_jobs, progress=False, chunksize=1)
    assert df["article_id"].unique().tolist() == ["a", "b", "a~2"]
    assert df.loc[df["article_id"] == "a~2", "text"].iloc[0].startswith("Russian forces")
    assert df.loc[df["article_id"] == "a~2", "sentence"].iloc[0] == 0
    (note,) = df.attrs["skipped"]
    assert note.kind == "warning" and "'a~2'" in note.reason
    assert profile_articles(df)["article_id"].tolist() == ["a", "b", "a~2"]
    # the same text twice without an id: the same hash, renamed too
    with pytest.warns(InputWarning, match="duplicate"):
        twice = score_corpus([TEXTS["brief"], TEXTS["brief"]], progress=False)
    first, second = twice["article_id"].tolist()
    assert second == f"{first}~2"


def test_stream_renames_duplicate_ids_across_batches(tmp_path):
    src = tmp_path / "dup.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"id": i, "text": TEXTS[t]})
            for i, t in (("x", "talks"), ("y", "brief"), ("x", "strikes"))
        )
        + "\n"
    )
    with pytest.warns(InputWarning, match="duplicate"):
        summary = score_jsonl_to_parquet(src, tmp_path / "out.parquet", batch_size=1, progress=False)
    df = read_scored_parquet(tmp_path / "out.parquet")
    assert df["article_id"].unique().tolist() == ["x", "y", "x~2"]
    assert [s.kind for s in summary.skipped] == ["warning"]


def test_records_that_are_not_english_are_flagged_not_silent(tmp_path):
    # a DataFrame (or JSONL stream) with a German article was scored as English in silence
    german = (
        "Die Verhandlungen zwischen den beiden Delegationen wurden am Montag in Genf "
        "fortgesetzt, sagte ein Sprecher der Regierung."
    )
    frame = pd.DataFrame({"id": ["en", "de"], "text": [TEXTS["talks"], german]})
    with pytest.warns(InputWarning, match="0 item.s. skipped, 1 repaired or flagged"):
        df = score_corpus(frame, progress=False)
    (flag,) = df.attrs["skipped"]
    assert flag.source == "de" and "German" in flag.reason and flag.kind == "warning"
    assert df["article_id"].unique().tolist() == ["en", "de"]  # flagged, still scored
    # a table that declares the language (load_corpus flagged it already) is not flagged twice
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        score_corpus(frame.assign(language=["en", "de"]), progress=False)
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in frame.to_dict("records")) + "\n")
    with pytest.warns(InputWarning, match="German"):
        summary = score_jsonl_to_parquet(src, tmp_path / "o.parquet", progress=False)
    assert summary.articles == 2
    assert [(s.line, s.kind) for s in summary.skipped] == [(2, "warning")]


# --- a table's columns are read as load_corpus reads them (one helper: articles.field_key) ---


@pytest.mark.parametrize(
    ("columns", "article_id"),
    [
        ({"text": "text"}, None),
        ({"text": "Text"}, None),
        ({"text": "TEXT"}, None),
        ({"text": " text "}, None),
        ({"id": "ID", "text": "Text"}, "a1"),
        ({"id": "Id", "title": "Headline", "outlet": "Publisher", "text": "Text"}, "a1"),
        ({"id": "id", "date": "Published", "url": "Link", "language": "lang", "text": "text"}, "a1"),
    ],
)
def test_table_columns_are_spelt_as_load_corpus_reads_them(tmp_path, columns, article_id):
    values = {"id": "a1", "title": "Talks", "outlet": "Example Wire", "date": "2022-03-29",
              "url": "https://example.org/a1", "language": "en", "text": TEXTS["talks"]}
    frame = pd.DataFrame({name: [values[field]] for field, name in columns.items()})
    got = score_corpus(frame, progress=False)
    canonical = pd.DataFrame({field: [values[field]] for field in columns})
    pd.testing.assert_frame_equal(got, score_corpus(canonical, progress=False))
    assert got.attrs["skipped"] == []
    assert got["article_id"].iloc[0] == (article_id or Article.from_text(TEXTS["talks"]).id)
    # load_corpus reads a CSV of the same header
    path = tmp_path / "corpus.csv"
    frame.to_csv(path, index=False)
    from analysis import load_corpus

    loaded = load_corpus(path)
    assert loaded["text"].tolist() == [TEXTS["talks"]]
    assert loaded["id"].iloc[0] == got["article_id"].iloc[0]


@pytest.mark.parametrize(
    ("columns", "fragment"),
    [
        (["id", "body"], "no 'text' column; found: id, body"),
        (["Body", "Headline"], "found: Body, Headline"),
        ([], "found: no columns"),
    ],
)
def test_a_table_without_a_text_column_names_the_columns_it_has(columns, fragment):
    frame = pd.DataFrame({c: ["Talks resumed."] for c in columns})
    with pytest.raises(MissingColumnError, match=fragment):
        score_corpus(frame, progress=False)


@pytest.mark.parametrize(
    ("columns", "reasons"),
    [
        (["id", "text", "path"], []),  # path is carried
        (["id", "text", "notes", "fetched_at"], []),  # known, not needed: quiet, as in load_corpus
        (["id", "text", "mood"], ["ignored unknown column(s): mood"]),
        (["id", "Text", "mood", "Score"], ["ignored unknown column(s): Score, mood"]),
        (["id", "Text", "text"], ["ignored column 'Text': the text is read from column 'text'"]),
        (["ID", "id", "text"], ["ignored column 'ID': the id is read from column 'id'"]),
    ],
)
def test_columns_not_read_are_reported(columns, reasons):
    frame = pd.DataFrame([[f"a1-{c}" if c.lower() != "text" else TEXTS["brief"] for c in columns]],
                         columns=columns)
    if reasons:
        with pytest.warns(InputWarning, match="repaired or flagged"):
            df = score_corpus(frame, progress=False)
    else:
        df = score_corpus(frame, progress=False)
    assert [s.reason.split(" (known:")[0] for s in df.attrs["skipped"]] == reasons
    assert all(s.kind == "warning" for s in df.attrs["skipped"])
    assert len(df) == 1


# --- a record's text that is null, or not a string, is said to be so on every path ---

TEXT_VALUES = [
    # (the record's text, the reason; ... means the field is absent)
    (None, "text is null"),
    (42, "text is an int, not a string"),
    (1.5, "text is a float, not a string"),
    (["Talks", "resumed."], "text is a list, not a string"),
    ({"body": "Talks resumed."}, "text is a dict, not a string"),
    (True, "text is a bool, not a string"),
    ("  \n ", "empty text"),
    (..., "no text"),
]


def _record(text):
    return {"id": "bad"} if text is ... else {"id": "bad", "text": text}


@pytest.mark.parametrize(("text", "reason"), TEXT_VALUES)
def test_unusable_record_text_in_an_iterable(text, reason):
    with pytest.warns(InputWarning):
        df = score_corpus([{"id": "ok", "text": TEXTS["brief"]}, _record(text)], progress=False)
    (skip,) = [s for s in df.attrs["skipped"] if s.kind == "skipped"]
    assert (skip.source, skip.reason) == ("bad", f"unusable article: {reason}")


@pytest.mark.parametrize(("text", "reason"), TEXT_VALUES)
def test_unusable_record_text_when_streaming(tmp_path, text, reason):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.parquet"
    lines = [{"id": "ok", "text": TEXTS["brief"]}, _record(text)]
    src.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    with pytest.warns(InputWarning):
        summary = score_jsonl_to_parquet(src, dst, progress=False)
    assert [(s.line, s.reason) for s in summary.skipped] == [(2, f"unusable article: {reason}")]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"id": "a", "Text": TEXTS["brief"]}, None),  # spelt as load_corpus reads it
        ({"ID": "a", "text": TEXTS["brief"], "mood": "calm"}, "ignored unknown field(s): mood"),
    ],
)
def test_record_keys_are_read_as_load_corpus_reads_them(tmp_path, record, reason):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.parquet"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        summary = score_jsonl_to_parquet(src, dst, progress=False)
        in_memory = score_corpus([record], progress=False)
    notes = [s.reason.split(" (known:")[0] for s in summary.skipped]
    assert notes == ([reason] if reason else [])
    assert [s.reason.split(" (known:")[0] for s in in_memory.attrs["skipped"]] == notes
    assert set(read_scored_parquet(dst)["article_id"]) == set(in_memory["article_id"]) == {"a"}


# --- an over-long stretch the splitter cut is a repair in the skipped list ---

LONG_RUN = " ".join(["word"] * 600)  # 2,999 characters without a sentence boundary


@pytest.mark.filterwarnings("ignore::analysis.errors.InputWarning")
def test_cut_over_long_stretch_is_reported_per_article(tmp_path):
    text = f"Talks resumed on Monday.\n\n{LONG_RUN}"
    start = text.index(LONG_RUN)
    records = [{"id": "ok", "text": TEXTS["brief"]}, {"id": "long", "text": text}]
    df = score_corpus(records, progress=False)
    notes = [(s.source, s.kind, s.reason) for s in df.attrs["skipped"]]
    assert notes == [
        (
            "long",
            "warning",
            "cut 1 over-long stretch without a sentence boundary (more than 2,000 characters) "
            f"at whitespace into pieces of at most 2,000 characters: characters {start:,}-{len(text):,}",
        )
    ]
    assert set(df["article_id"]) == {"ok", "long"}  # still scored
    # the same when streaming a JSONL file, with the line
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.parquet"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    summary = score_jsonl_to_parquet(src, dst, progress=False)
    assert [(s.line, s.kind) for s in summary.skipped] == [(2, "warning")]
    assert "cut 1 over-long stretch" in summary.skipped[0].reason


def test_normal_articles_have_no_cut_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error", InputWarning)
        df = score_corpus(_frame(), progress=False)
    assert df.attrs["skipped"] == []


def test_a_cut_is_warned_once_by_score_corpus(recwarn):
    """The splitter's own warning about a cut is not repeated beside score_corpus's summary
    (the CLI printed it twice: once as a warning, once in the list of repairs)."""
    score_corpus([{"id": "long", "text": f"Talks resumed on Monday.\n\n{LONG_RUN}"}], progress=False)
    messages = [str(w.message) for w in recwarn]
    assert not [m for m in messages if m.startswith("cut 1 over-long")]
    assert [m for m in messages if "item(s) skipped" in m and "cut 1 over-long" in m]
