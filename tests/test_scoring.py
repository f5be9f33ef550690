"""The sentence table: one row per input sentence, the schema's columns, nothing mutated."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Article, Sentence, score_article, score_sentences
from analysis.schema import FRAME_LABELS, SENTENCE_COLUMNS, SOURCE_TYPES, check_sentence_table


def test_score_sentences_one_row_per_input_in_order():
    sents = [
        "Russian forces shelled the city overnight, killing at least 12 civilians.",
        "The two delegations will meet again in Istanbul on Tuesday for a new round of talks.",
        "The weather in the capital was mild.",
    ]
    df = score_sentences(sents)
    check_sentence_table(df)
    assert df["text"].tolist() == sents
    assert df["sentence"].tolist() == [0, 1, 2]
    assert df["frame"].tolist() == ["escalation", "diplomacy", "neutral"]
    assert df["diplomacy_score"].between(0, 1).all() and df["escalation_score"].between(0, 1).all()


def test_score_sentences_rejects_a_bare_string():
    with pytest.raises(TypeError, match="sequence of sentences"):
        score_sentences("Talks resumed.")


def test_score_sentences_empty():
    df = score_sentences([])
    assert len(df) == 0
    assert list(df.columns)[: len(SENTENCE_COLUMNS)] == SENTENCE_COLUMNS


def test_an_empty_table_has_the_columns_and_dtypes_of_one_with_rows():
    """Code that concatenates or filters per-article tables must not meet other
    columns (the sourcing offsets were missing) or object dtypes for no rows."""
    empty, full = score_sentences([]), score_sentences(["Talks resumed in Geneva."])
    assert list(empty.columns) == list(full.columns)
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()
    assert empty.attrs == {}


@pytest.mark.parametrize("bad", [None, 5, b"Talks resumed."])
def test_an_item_that_is_not_a_sentence_is_an_error_naming_it(bad):
    """Not scored as the text 'None' or '5'."""
    with pytest.raises(TypeError, match=f"item 1 is {type(bad).__name__}"):
        score_sentences(["Talks resumed.", bad])


def test_input_is_not_mutated():
    sents = [Sentence(0, 22, "Talks resumed Monday.", 0)]
    before = list(sents)
    score_sentences(sents)
    assert sents == before


def test_quote_continues_across_sentences():
    df = score_sentences(
        [
            "“On secondary issues, positions are converging.",
            "However on the main political issues, we are in fact treading water,” Medinsky said.",
        ]
    )
    assert df["speaker"].tolist()[1] == "Medinsky"
    assert df["source_type"].tolist() == ["named_official", "named_official"]


def test_score_article_on_seed(seed_path, seed_text):
    df = score_article(seed_path)
    check_sentence_table(df)
    assert (df["article_id"] == "antiwar-blinken-lavrov-not-spoken").all()
    for row in df.itertuples():
        assert seed_text[row.start : row.end] == row.text
    assert set(df["frame"]) <= set(FRAME_LABELS)
    assert set(df["source_type"]) <= set(SOURCE_TYPES)
    assert df.attrs["article"]["outlet"] == "Antiwar.com"
    # every predicted frame has evidence; a neutral sentence has none
    for row in df.itertuples():
        if row.frame != "neutral":
            assert row.frame_evidence, row.text
    assert df["paragraph"].is_monotonic_increasing


def test_score_article_accepts_text_and_article(seed_text):
    a = score_article(seed_text)
    b = score_article(Article.from_text(seed_text, id="x"))
    pd.testing.assert_frame_equal(
        a.drop(columns="article_id"), b.drop(columns="article_id"), check_like=False
    )
    assert (b["article_id"] == "x").all()


# --- the fast table builder gives exactly what pd.DataFrame(cols) gives -------------------

_TABLES = [
    pytest.param({"a": ["x", "y"], "b": [1, 2], "c": [True, False], "d": [0.5, 1.0]}, id="typed"),
    pytest.param(
        {"a": ["x", None], "b": [1, 2.5], "c": [True, 1]}, id="None-in-str+int/float+bool/int"
    ),
    pytest.param({"e": [[{"k": 1}], []], "s": ["", "ü “quoted”"]}, id="lists+unicode"),
    pytest.param({"m": ["x", 1], "n": [None, None]}, id="mixed-object"),
    pytest.param({"big": [2**63 - 1, 0], "neg": [-1, 2**40]}, id="large-ints"),
    pytest.param(
        {"e": [[], []], "f": [[{"a": 1}], [{"b": 2}]], "g": [[1, 2], [3, 4]]},
        id="equal-length-lists",
    ),
    pytest.param({"x": [1.5, True], "y": [1, True], "z": [True, 0]}, id="bool-mixed-numbers"),
]


@pytest.mark.parametrize("cols", _TABLES)
def test_fast_table_equals_pandas_inference(cols):
    from analysis.scoring import table_from_columns

    n = len(next(iter(cols.values())))
    pd.testing.assert_frame_equal(
        table_from_columns(cols, list(cols), n), pd.DataFrame(cols), check_exact=True
    )


def test_fast_table_equals_pandas_inference_on_the_seed(seed_text):
    from analysis.scoring import table_from_columns

    df = score_article(seed_text)
    cols = {c: df[c].tolist() for c in df.columns}
    rebuilt = pd.DataFrame(cols)
    pd.testing.assert_frame_equal(df, rebuilt, check_exact=True)
    pd.testing.assert_frame_equal(
        table_from_columns(cols, list(cols), len(df)), rebuilt, check_exact=True
    )


@pytest.mark.parametrize("bad", [None, 3, 2.5, b"Talks resumed."])
def test_score_sentences_names_a_wrong_input_type(bad):
    from analysis import score_sentences

    with pytest.raises(TypeError, match=r"takes a sequence of sentences .*got "):
        score_sentences(bad)


@pytest.mark.parametrize(
    "name", ["seeds/000_a4065e105c25a52d.tx", "my_articles/story.txt", "story.md", "corpus.jsonl"]
)
def test_a_mistyped_path_is_an_error_not_a_one_line_article(name, tmp_path, monkeypatch):
    # score_article("seeds/000.tx") scored the file name as a one-sentence text, silently
    from analysis.errors import InputError

    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        score_article(name)


@pytest.mark.parametrize(
    "text", ["Talks resumed in Kyiv/Moscow.", "Talks resumed.", "Ceasefire", "He said: see page 2/3 of the deal"]
)
def test_one_line_texts_are_still_texts(text):
    df = score_article(text)
    assert " ".join(df["text"]) == text


def test_every_column_of_the_table_is_documented_in_the_schema():
    # speaker_start/speaker_end/cue_start/cue_end were in every table but in no schema
    from analysis.schema import SPAN_COLUMNS

    df = score_article("“We are ready to talk,” Lavrov told reporters. Talks resumed.")
    assert list(df.columns) == [*SENTENCE_COLUMNS, *SPAN_COLUMNS]
    row = df.iloc[0]
    assert row["text"][row["speaker_start"] : row["speaker_end"]] == row["speaker"] == "Lavrov"
    assert "told" in row["text"][row["cue_start"] : row["cue_end"]]
    assert (df.iloc[1][list(SPAN_COLUMNS)] == -1).all()


def test_a_non_english_article_is_flagged_when_scored():
    # score_article on a German text gave an all-neutral table and said nothing
    from analysis.errors import InputWarning

    german = (
        "Die Verhandlungen zwischen Russland und der Ukraine wurden am Freitag in Istanbul "
        "fortgesetzt, sagte der Sprecher."
    )
    with pytest.warns(InputWarning, match="German"):
        df = score_article(german)
    assert df.attrs["article"]["language"] == "de"
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        score_article("Talks between the two delegations resumed in Istanbul on Tuesday.")
