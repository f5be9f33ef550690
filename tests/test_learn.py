"""The supervised option: the lexicon transformer and the frame model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from analysis.errors import InputError
from analysis.learn import TRUSTED_TYPES, FrameModel, LexiconFeatures, cross_validate

TEXTS = [
    "Russia and Ukraine resumed peace talks in Istanbul.",
    "Missiles struck a residential block in Kharkiv, killing six.",
    "The foreign ministers agreed to meet again next week to discuss a ceasefire.",
    "The EU imposed new sanctions on Russian banks.",
    "The minister arrived in Ankara for a two-day visit.",
    "Mediators from Qatar proposed a truce and a prisoner exchange.",
    "Artillery shelling destroyed the bridge overnight.",
    "Author: Jane Smith",
]
DIPLOMACY = [1, 0, 1, 0, 0, 1, 0, 0]
ESCALATION = [0, 1, 0, 1, 0, 0, 1, 0]


def small_gold(n_articles: int = 4) -> pd.DataFrame:
    rows = []
    for a in range(n_articles):
        for t, d, e in zip(TEXTS, DIPLOMACY, ESCALATION, strict=True):
            rows.append({"article_id": f"a{a}", "text": t.replace("six", str(a + 6)), "diplomacy": d, "escalation": e})
    return pd.DataFrame(rows)


def test_lexicon_features_shape_and_names():
    lf = LexiconFeatures().fit(TEXTS)
    X = lf.transform(TEXTS)
    names = list(lf.get_feature_names_out())
    assert X.shape == (len(TEXTS), len(names))
    assert names[:2] == ["diplomacy_score", "escalation_score"]
    assert "diplomacy__talks" in names and "escalation__sanctions" in names and "n_negated" in names
    col = names.index("diplomacy__talks")
    assert X[0, col] > 0 and X[1, col] == 0
    assert X[1, names.index("escalation_score")] > 0.5


def test_lexicon_features_set_output_pandas():
    s = pd.Series(TEXTS, index=[f"s{i}" for i in range(len(TEXTS))])
    df = LexiconFeatures().set_output(transform="pandas").fit_transform(s)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == list(LexiconFeatures().fit(TEXTS).get_feature_names_out())
    frame = pd.DataFrame({"text": TEXTS, "other": range(len(TEXTS))})
    out = LexiconFeatures().set_output(transform="pandas").fit_transform(frame)
    assert out.shape[0] == len(TEXTS) and list(out.index) == list(frame.index)


def test_lexicon_features_in_a_pipeline():
    pipe = make_pipeline(LexiconFeatures(), LogisticRegression())
    pipe.fit(TEXTS * 2, ESCALATION * 2)
    pred = pipe.predict(["Drones attacked the port again.", "Talks resumed on Monday."])
    assert list(pred) == [1, 0]
    pipe.set_output(transform="pandas")
    assert pipe[:-1].transform(TEXTS).shape[0] == len(TEXTS)


def test_lexicon_features_not_fitted():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        LexiconFeatures().transform(TEXTS)
    with pytest.raises(NotFittedError):  # was an AttributeError about feature_names_out_
        LexiconFeatures().get_feature_names_out()


def test_lexicon_features_user_frame(tmp_path):
    extra = tmp_path / "hum.csv"
    extra.write_text("frame,subframe,cue,weight\nhumanitarian,aid,aid convoy,1\n", encoding="utf-8")
    lf = LexiconFeatures(lexicon=str(extra)).fit(TEXTS)
    names = list(lf.get_feature_names_out())
    assert "humanitarian_score" in names and "humanitarian__aid" in names
    X = lf.transform(["An aid convoy arrived."])
    assert X[0, names.index("humanitarian_score")] > 0.5


def test_lexicon_features_set_params_then_fit_uses_the_new_lexicon(tmp_path):
    # the scorer was cached on the first fit: set_params(lexicon=...) + fit kept the old lexicon
    import pickle

    extra = tmp_path / "hum.csv"
    extra.write_text("frame,subframe,cue,weight\nhumanitarian,aid,aid convoy,1\n", encoding="utf-8")
    lf = LexiconFeatures().fit(TEXTS)
    assert "humanitarian_score" not in lf.get_feature_names_out()
    lf.set_params(lexicon=str(extra)).fit(TEXTS)
    names = list(lf.get_feature_names_out())
    assert "humanitarian_score" in names
    X = lf.transform(["An aid convoy arrived."])
    assert X.shape == (1, len(names)) and X[0, names.index("humanitarian_score")] > 0.5
    again = pickle.loads(pickle.dumps(lf))  # the scorer is rebuilt for the lexicon of fit
    np.testing.assert_array_equal(again.transform(["An aid convoy arrived."]), X)


def test_missing_texts_are_empty_in_every_input_shape():
    # a DataFrame or Series with None/NaN gave the texts 'None' and 'nan' (TF-IDF tokens)
    from analysis.learn import _TextColumn

    raw = ["Talks resumed.", None, np.nan, pd.NA]
    for X in (raw, pd.Series(raw, dtype=object), pd.DataFrame({"text": raw}), np.array(raw, dtype=object)[:, None]):
        assert _TextColumn().transform(X) == ["Talks resumed.", "", "", ""]
    lf = LexiconFeatures().fit(TEXTS)
    assert not lf.transform(pd.Series(raw))[1:].any()


def test_frame_model_train_save_load_round_trip(tmp_path):
    gold = small_gold()
    model = FrameModel(min_df=1).fit(gold)
    probs = model.predict_proba(["Peace talks resumed in Geneva.", "Shelling killed four civilians."])
    assert list(probs.columns) == ["diplomacy_prob", "escalation_prob"]
    assert ((probs >= 0) & (probs <= 1)).all().all()
    assert probs.loc[0, "diplomacy_prob"] > probs.loc[1, "diplomacy_prob"]
    assert probs.loc[1, "escalation_prob"] > probs.loc[0, "escalation_prob"]
    path = model.save(tmp_path / "model.skops")
    loaded = FrameModel.load(path)
    again = loaded.predict_proba(["Peace talks resumed in Geneva.", "Shelling killed four civilians."])
    np.testing.assert_allclose(again.to_numpy(), probs.to_numpy())
    assert loaded.params() == model.params() and loaded.n_train_ == len(gold)


def test_predictions_keep_the_index_of_a_series_or_table():
    # predict_proba(sub["text"]) had a fresh 0..n-1 index: assigning it to a filtered table
    # (sub["p"] = ...["diplomacy_prob"]) gave NaN or another row's probability
    model = FrameModel(min_df=1).fit(small_gold())
    table = pd.DataFrame({"text": ["Shelling killed four civilians.", "Peace talks resumed in Geneva."]}, index=[7, 3])
    probs = model.predict_proba(table["text"])
    assert list(probs.index) == [7, 3] and list(model.predict(table).index) == [7, 3]
    table["p"] = probs["diplomacy_prob"]
    assert table.loc[3, "p"] > table.loc[7, "p"]
    assert list(model.predict_proba(list(table["text"])).index) == [0, 1]


def test_saved_model_has_only_trusted_types(tmp_path):
    import skops.io as sio

    path = FrameModel(min_df=1).fit(small_gold()).save(tmp_path / "m.skops")
    assert set(sio.get_untrusted_types(file=path)) <= set(TRUSTED_TYPES)


def test_a_model_trained_with_a_lexicon_path_object_loads_again(tmp_path):
    # FrameModel(lexicon=Path(...)) saved fine, then load refused: untrusted type pathlib.PosixPath
    from pathlib import Path

    extra = tmp_path / "hum.csv"
    extra.write_text("frame,subframe,cue,weight\nhumanitarian,aid,aid convoy,1\n", encoding="utf-8")
    model = FrameModel(Path(extra), min_df=1).fit(small_gold())
    loaded = FrameModel.load(model.save(tmp_path / "with path.skops"))
    np.testing.assert_allclose(
        loaded.predict_proba(["An aid convoy arrived."]).to_numpy(),
        model.predict_proba(["An aid convoy arrived."]).to_numpy(),
    )


def test_load_refuses_other_files(tmp_path):
    bogus = tmp_path / "x.skops"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(InputError):
        FrameModel.load(bogus)
    with pytest.raises(InputError, match="not found"):
        FrameModel.load(tmp_path / "missing.skops")


def test_apply_adds_model_columns():
    from analysis.scoring import score_sentences

    model = FrameModel(min_df=1).fit(small_gold())
    df = score_sentences(["Peace talks resumed in Geneva.", "Shelling killed four civilians."])
    out = model.apply(df)
    assert {"diplomacy_prob", "diplomacy_model", "escalation_prob", "escalation_model"} <= set(out.columns)
    assert list(out["diplomacy_model"]) == [True, False]
    assert "diplomacy_prob" not in df.columns  # the input is not mutated
    assert list(out["diplomacy"]) == list(df["diplomacy"])  # lexicon columns kept


def test_fit_errors():
    with pytest.raises(InputError, match="only one class"):
        FrameModel().fit(pd.DataFrame({"text": ["a", "b"] * 4, "diplomacy": [0] * 8, "escalation": [0, 1] * 4}))
    with pytest.raises(InputError, match="missing column"):
        FrameModel().fit(pd.DataFrame({"text": ["a"]}))
    with pytest.raises(RuntimeError):
        FrameModel().predict_proba(["x"])


def test_cross_validate_grouped_by_article():
    res = cross_validate(small_gold(4), n_splits=2, model_params={"min_df": 1})
    assert res["folds"] == 2 and res["n_articles"] == 4
    for name in ("lexicon", "model"):
        for f in ("diplomacy", "escalation"):
            assert len(res[name][f]["fold_f1"]) == 2
            assert 0.0 <= res[name][f]["f1"] <= 1.0
    assert res["lexicon"]["diplomacy"]["f1"] == 1.0  # these sentences are easy for the lexicon


def test_cross_validate_on_seed(seed_gold_path):
    from analysis.gold import load_gold

    gold = load_gold(seed_gold_path)
    with pytest.raises(InputError, match="two articles"):
        cross_validate(gold)


def test_cross_validate_without_article_ids_says_what_is_missing():
    # a table that FrameModel.fit accepts (text + frame columns) gave KeyError: 'article_id'
    table = small_gold(2).drop(columns="article_id")
    with pytest.raises(InputError, match="article_id"):
        cross_validate(table, n_splits=2)


def test_fit_names_rows_without_a_0_1_label():
    # an unlabelled row (NaN) raised pandas' IntCastingNaNError; 'yes'/'no' raised
    # "invalid literal for int() with base 10: 'yes'"
    gold = small_gold().astype({"diplomacy": float})
    gold.loc[3, "diplomacy"] = np.nan
    with pytest.raises(InputError, match=r"'diplomacy' must hold 0/1 .* 1 row\(s\) do not \(rows 3: nan\)"):
        FrameModel(min_df=1).fit(gold)
    words = small_gold().assign(escalation=lambda d: d["escalation"].map({1: "yes", 0: "no"}))
    with pytest.raises(InputError, match="'escalation' must hold 0/1"):
        FrameModel(min_df=1).fit(words)
    assert FrameModel(min_df=1).fit(small_gold().astype({"diplomacy": bool})).n_train_ == 32


# --- FrameModel is a scikit-learn estimator ---


def test_frame_model_params_round_trip_and_clone():
    from sklearn.base import clone

    model = FrameModel("extra.csv", C=1.5, ngram_range=(1, 3), min_df=1, threshold=0.4)
    params = model.get_params()
    assert params == {
        "lexicon": "extra.csv", "C": 1.5, "ngram_range": (1, 3), "min_df": 1,
        "calibration_folds": 3, "threshold": 0.4, "frames": ("diplomacy", "escalation"),
    }
    assert model.set_params(C=0.5, min_df=2) is model
    assert (model.C, model.min_df) == (0.5, 2)
    copy = clone(model)
    assert copy is not model and copy.get_params() == model.get_params()
    assert not hasattr(copy, "models_")  # a clone is unfitted
    fitted = FrameModel(min_df=1).fit(small_gold())
    assert not hasattr(clone(fitted), "models_")
    with pytest.raises(RuntimeError, match="not fitted"):
        clone(fitted).predict(["Talks resumed."])


def test_frame_model_in_a_grid_search():
    from sklearn.model_selection import GridSearchCV, GroupKFold

    gold = small_gold(4)
    search = GridSearchCV(FrameModel(min_df=1), {"C": [0.5, 2.0]}, cv=GroupKFold(n_splits=2))
    search.fit(gold, groups=gold["article_id"])
    assert search.best_params_["C"] in (0.5, 2.0)
    assert set(search.best_estimator_.models_) == {"diplomacy", "escalation"}
    assert 0.0 <= search.best_score_ <= 1.0
    probs = search.best_estimator_.predict_proba(["Peace talks resumed in Geneva."])
    assert list(probs.columns) == ["diplomacy_prob", "escalation_prob"]


def test_frame_model_fits_texts_and_labels_as_sklearn_does(tmp_path):
    gold = small_gold()
    y = gold[["diplomacy", "escalation"]]
    a = FrameModel(min_df=1).fit(gold["text"], y)
    b = FrameModel(min_df=1).fit(list(gold["text"]), y.to_numpy())
    texts = ["Peace talks resumed in Geneva.", "Shelling killed four civilians."]
    np.testing.assert_allclose(a.predict_proba(texts).to_numpy(), b.predict_proba(texts).to_numpy())
    assert a.score(gold) == a.score(gold["text"], y) > 0.5
    with pytest.raises(InputError, match="one column per frame"):
        FrameModel(min_df=1).fit(gold["text"], gold["diplomacy"].to_numpy())
    # still saved and loaded with the trusted types only
    loaded = FrameModel.load(a.save(tmp_path / "m.skops"))
    assert loaded.get_params() == {**a.get_params(), "ngram_range": (1, 2), "frames": ["diplomacy", "escalation"]}
    np.testing.assert_allclose(loaded.predict_proba(texts).to_numpy(), a.predict_proba(texts).to_numpy())
