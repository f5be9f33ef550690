"""The supervised option: lexicon features for scikit-learn, and a frame model
trained at run time from gold sentences in the codebook format.

The default scorer (``framing.py``) needs no training data; this module is for
a researcher who has labelled sentences of her own and wants a model that
learns from them, keeping the lexicon's knowledge as features.

    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.linear_model import LogisticRegression
    >>> pipe = make_pipeline(LexiconFeatures(), LogisticRegression())   # doctest: +SKIP
    >>> model = FrameModel().fit("data/annotations/seed.json")          # doctest: +SKIP
    >>> model.apply(score_sentences(["Talks resumed in Istanbul."]))     # doctest: +SKIP

``FrameModel`` combines word n-gram TF-IDF with the lexicon features in one
logistic regression per frame, calibrated with ``CalibratedClassifierCV``;
:func:`cross_validate` measures it with folds grouped by article. Models are
saved with skops (no pickle): :meth:`FrameModel.load` accepts only the types
listed in :data:`TRUSTED_TYPES`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import MaxAbsScaler

from .errors import InputError
from .schema import FRAMES
from .textio import text_or_empty

#: Types a saved FrameModel may contain beyond those skops trusts by default
#: (scikit-learn estimators, numpy, builtins); loading refuses anything else.
TRUSTED_TYPES: tuple[str, ...] = (
    "analysis.learn.LexiconFeatures",
    "analysis.learn._TextColumn",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
)


def _texts(X: Any) -> list[str]:
    """Accept a sequence of strings, a Series, a 1-column array or a DataFrame
    with a ``text`` column (or a single column). Missing texts are empty."""
    if isinstance(X, pd.DataFrame):
        if "text" in X.columns:
            col = X["text"]
        elif X.shape[1] == 1:
            col = X.iloc[:, 0]
        else:
            raise ValueError(f"expected a 'text' column, got columns {list(X.columns)}")
        return [text_or_empty(t) for t in col]
    if isinstance(X, str):
        raise TypeError("expected a sequence of texts, got one string")
    arr = np.asarray(X, dtype=object)
    if arr.ndim == 2:
        if arr.shape[1] != 1:
            raise ValueError(f"expected one column of texts, got shape {arr.shape}")
        arr = arr[:, 0]
    return [text_or_empty(t) for t in arr]


class LexiconFeatures(TransformerMixin, BaseEstimator):
    """The framing lexicon as numeric features, one row per text.

    Columns: ``<frame>_score`` for every frame, ``<frame>__<subframe>`` (sum
    of the weights of that subframe's evidence), and counts of negated,
    hedged and quoted evidence. Works in a Pipeline and with
    ``set_output(transform="pandas")``.

    >>> LexiconFeatures().fit(["x"]).transform(["Talks resumed in Istanbul."]).shape[0]
    1
    """

    def __init__(self, lexicon: str | Path | Sequence[str | Path] | None = None) -> None:
        self.lexicon = lexicon

    def _framer(self, lexicon: Any):
        """The frame scorer of ``lexicon``, built once per lexicon (``fit`` passes the
        current parameter, so ``set_params(lexicon=...)`` then ``fit`` uses the new one)."""
        from .framing import FrameScorer, default_frame_scorer

        scorer = getattr(self, "_scorer", None)
        if scorer is None or getattr(self, "_scorer_lexicon", None) != lexicon:
            scorer = default_frame_scorer() if lexicon is None else FrameScorer(lexicon)
            self._scorer, self._scorer_lexicon = scorer, lexicon
        return scorer

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_scorer", None)  # compiled regexes are rebuilt on demand, never saved
        state.pop("_scorer_lexicon", None)
        return state

    def fit(self, X: Any, y: Any = None) -> LexiconFeatures:
        scorer = self._framer(self.lexicon)
        self._fit_lexicon = self.lexicon  # transform scores with the lexicon of fit
        names = [f"{f}_score" for f in scorer.frames]
        self.subframes_ = [(f, s) for f in scorer.frames for s in scorer.lexicon.subframes.get(f, ())]
        names += [f"{f}__{s}" for f, s in self.subframes_]
        names += ["n_negated", "n_hedged", "n_quoted"]
        self.frames_ = list(scorer.frames)
        self.feature_names_out_ = np.asarray(names, dtype=object)
        self.n_features_in_ = 1
        return self

    def transform(self, X: Any) -> np.ndarray:
        if not hasattr(self, "feature_names_out_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("LexiconFeatures is not fitted yet; call fit first")
        scorer = self._framer(getattr(self, "_fit_lexicon", self.lexicon))
        texts = _texts(X)
        col = {name: i for i, name in enumerate(self.feature_names_out_)}
        out = np.zeros((len(texts), len(self.feature_names_out_)), dtype=float)
        for i, t in enumerate(texts):
            fs = scorer.score(t)
            for f in self.frames_:
                out[i, col[f"{f}_score"]] = fs.scores.get(f, 0.0)
            for e in fs.evidence:
                j = col.get(f"{e.frame}__{e.subframe}")
                if j is not None:
                    out[i, j] += e.weight
                out[i, col["n_negated"]] += e.negated
                out[i, col["n_hedged"]] += e.hedged
                out[i, col["n_quoted"]] += e.quoted
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "feature_names_out_")  # NotFittedError before fit, as sklearn's own
        return np.asarray(self.feature_names_out_, dtype=object)


class _TextColumn(TransformerMixin, BaseEstimator):
    """Pass texts through as a 1-d list (for TfidfVectorizer after any input shape)."""

    def fit(self, X: Any, y: Any = None) -> _TextColumn:
        return self

    def transform(self, X: Any) -> list[str]:
        return _texts(X)


def _plain_paths(lexicon: Any) -> Any:
    """Lexicon paths as strings: a saved model holds them, and skops trusts ``str`` but not
    ``pathlib.Path`` (a model trained with ``lexicon=Path(...)`` saved, then refused to load)."""
    if isinstance(lexicon, Path):
        return str(lexicon)
    if isinstance(lexicon, list | tuple):
        return [str(p) if isinstance(p, Path) else p for p in lexicon]
    return lexicon


def _frame_pipeline(lexicon: Any, C: float, ngram_range: tuple[int, int], min_df: int) -> Pipeline:
    features = FeatureUnion(
        [
            (
                "words",
                Pipeline(
                    [
                        ("text", _TextColumn()),
                        (
                            "tfidf",
                            TfidfVectorizer(
                                ngram_range=ngram_range, min_df=min_df, sublinear_tf=True,
                                lowercase=True, token_pattern=r"(?u)\b\w[\w'’-]*\b",
                            ),
                        ),
                    ]
                ),
            ),
            ("lexicon", Pipeline([("features", LexiconFeatures(_plain_paths(lexicon))), ("scale", MaxAbsScaler())])),
        ]
    )
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
    return Pipeline([("features", features), ("clf", clf)])


def _labels(table: pd.DataFrame, frame: str) -> np.ndarray:
    """A frame's 0/1 labels; an empty or other value is an InputError naming the rows (pandas
    raised IntCastingNaNError or "invalid literal for int()")."""
    col = table[frame] if frame in table.columns else None
    if col is None:
        raise InputError("<training data>", f"no {frame!r} column")
    ok = col.map(lambda v: isinstance(v, bool | int | float | np.bool_ | np.integer | np.floating) and v in (0, 1))
    if not ok.all():
        bad = col[~ok]
        rows = ", ".join(str(i) for i in bad.index[:5]) + (" ..." if len(bad) > 5 else "")
        raise InputError(
            "<training data>",
            f"column {frame!r} must hold 0/1 or True/False labels; {len(bad)} row(s) do not "
            f"(rows {rows}: {', '.join(repr(v) for v in bad.head(3))})",
        )
    return col.astype(int).to_numpy()


def _gold_table(gold: Any) -> pd.DataFrame:
    """Gold sentences as a DataFrame with text, article_id and the frame labels."""
    from .gold import Gold, load_gold

    if isinstance(gold, str | Path):
        gold = load_gold(gold)
    if isinstance(gold, Gold):
        return gold.sentences
    if isinstance(gold, pd.DataFrame):
        missing = [c for c in ("text", *FRAMES) if c not in gold.columns]
        if missing:
            raise InputError("<training table>", f"missing column(s) {missing}")
        return gold
    raise TypeError(f"expected a gold path, a Gold or a DataFrame, got {type(gold).__name__}")


class FrameModel(BaseEstimator):
    """A calibrated classifier per frame, trained from labelled sentences.

    ``fit(gold)`` takes a gold file in the codebook format (or a
    :class:`~analysis.gold.Gold`, or a DataFrame with ``text`` and 0/1
    ``diplomacy``/``escalation`` columns), or ``fit(texts, y)`` with ``y`` a
    table of those 0/1 columns. ``apply(df)`` adds ``<frame>_prob``
    (calibrated probability) and ``<frame>_model`` (prob >= ``threshold``)
    columns to a sentence table, leaving the lexicon's columns and evidence as
    they are.

    A scikit-learn estimator: ``get_params``/``set_params``, ``clone`` and
    ``GridSearchCV`` work (``score`` is the mean F1 over the frames)::

        >>> from sklearn.base import clone
        >>> clone(FrameModel(C=1.0)).get_params()["C"]
        1.0
    """

    def __init__(
        self,
        lexicon: str | Path | Sequence[str | Path] | None = None,
        *,
        C: float = 2.0,
        ngram_range: tuple[int, int] = (1, 2),
        min_df: int = 2,
        calibration_folds: int = 3,
        threshold: float = 0.5,
        frames: Sequence[str] = FRAMES,
    ) -> None:
        # stored as given (scikit-learn's rule: clone and set_params rely on it); fit reads them
        self.lexicon = lexicon
        self.C = C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.calibration_folds = calibration_folds
        self.threshold = threshold
        self.frames = frames

    def _new(self) -> CalibratedClassifierCV:
        lo, hi = self.ngram_range
        pipe = _frame_pipeline(self.lexicon, self.C, (lo, hi), self.min_df)
        return CalibratedClassifierCV(pipe, method="sigmoid", cv=self.calibration_folds)

    def _fitted_models(self) -> dict[str, CalibratedClassifierCV]:
        models = getattr(self, "models_", None)
        if not models:
            raise RuntimeError("FrameModel is not fitted; call fit(gold) or FrameModel.load(path)")
        return models

    def fit(self, gold: Any, y: Any = None) -> FrameModel:
        """Train on ``gold`` (a gold path, a Gold or a labelled table), or on texts
        ``gold`` with the 0/1 labels ``y`` (a table with a column per frame, or an
        array with one column per frame in the order of ``frames``). Returns self."""
        table = _gold_table(gold) if y is None else _labelled_texts(gold, y, self.frames)
        texts = [text_or_empty(t) for t in table["text"]]
        if len(texts) < 2 * self.calibration_folds:
            raise InputError("<training data>", f"need at least {2 * self.calibration_folds} sentences, got {len(texts)}")
        models: dict[str, CalibratedClassifierCV] = {}
        for f in self.frames:
            labels = _labels(table, f)
            if labels.min() == labels.max():
                raise InputError("<training data>", f"frame {f!r} has only one class in the training data")
            models[f] = self._new().fit(texts, labels)
        self.models_ = models
        self.n_train_ = len(texts)
        return self

    def predict_proba(self, texts: Any) -> pd.DataFrame:
        """Calibrated probability of each frame, one row per text (with the index of a
        Series or DataFrame given, so the result lines up with the rows it came from)."""
        models = self._fitted_models()
        index = texts.index if isinstance(texts, pd.Series | pd.DataFrame) else None
        texts = _texts(texts)
        return pd.DataFrame(
            {f"{f}_prob": m.predict_proba(texts)[:, 1] for f, m in models.items()}, index=index
        )

    def predict(self, texts: Any) -> pd.DataFrame:
        """``<frame>`` True where the probability reaches ``threshold`` (index as ``predict_proba``)."""
        probs = self.predict_proba(texts)
        return pd.DataFrame({f: probs[f"{f}_prob"] >= self.threshold for f in self.models_})

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        """A copy of a sentence table with ``<frame>_prob`` and ``<frame>_model`` columns."""
        self._fitted_models()
        out = df.copy()
        if len(out) == 0:
            for f in self.models_:
                out[f"{f}_prob"] = pd.Series(dtype=float)
                out[f"{f}_model"] = pd.Series(dtype=bool)
            return out
        probs = self.predict_proba(out["text"])
        for f in self.models_:
            p = probs[f"{f}_prob"].to_numpy()
            out[f"{f}_prob"] = p
            out[f"{f}_model"] = p >= self.threshold
        return out

    def score(self, gold: Any, y: Any = None) -> float:
        """Mean F1 over the frames on labelled sentences (as ``fit`` takes them): the
        figure ``GridSearchCV`` maximises unless given its own ``scoring``."""
        from .evaluate import binary_metrics

        table = _gold_table(gold) if y is None else _labelled_texts(gold, y, self.frames)
        pred = self.predict(table["text"])
        f1 = [
            binary_metrics(list(_labels(table, f).astype(bool)), list(pred[f]))["f1"]
            for f in self._fitted_models()
        ]
        return float(np.mean(f1))

    # -------------------------------------------------------------- persistence

    def params(self) -> dict[str, Any]:
        return {
            "lexicon": None if self.lexicon is None else [str(p) for p in _as_list(self.lexicon)],
            "C": self.C,
            "ngram_range": list(self.ngram_range),
            "min_df": self.min_df,
            "calibration_folds": self.calibration_folds,
            "threshold": self.threshold,
            "frames": list(self.frames),
        }

    def save(self, path: str | Path) -> Path:
        """Save with skops (a zip of JSON and arrays; no pickle)."""
        import skops.io as sio

        from .io import atomic_path

        if not getattr(self, "models_", None):
            raise RuntimeError("nothing to save: the model is not fitted")
        path = Path(path)
        payload = {"format": "framing-analysis/frame-model/1", "params": json.dumps(self.params()),
                   "n_train": self.n_train_, "models": dict(self.models_)}
        with atomic_path(path) as tmp:
            sio.dump(payload, tmp)
        return path

    @classmethod
    def load(cls, path: str | Path) -> FrameModel:
        """Load a model saved by :meth:`save`; refuses types outside :data:`TRUSTED_TYPES`."""
        import skops.io as sio

        path = Path(path)
        if not path.exists():
            raise InputError(str(path), "model file not found")
        try:
            untrusted = sio.get_untrusted_types(file=path)
        except Exception as exc:  # not a skops file
            raise InputError(str(path), f"not a saved frame model ({exc})") from exc
        unknown = [t for t in untrusted if t not in TRUSTED_TYPES]
        if unknown:
            raise InputError(str(path), f"refusing to load untrusted types {unknown}")
        payload = sio.load(path, trusted=list(untrusted))
        if not isinstance(payload, dict) or payload.get("format") != "framing-analysis/frame-model/1":
            raise InputError(str(path), "not a saved frame model")
        params = json.loads(payload["params"])
        model = cls(
            params["lexicon"],
            C=params["C"],
            ngram_range=tuple(params["ngram_range"]),
            min_df=params["min_df"],
            calibration_folds=params["calibration_folds"],
            threshold=params["threshold"],
            frames=params["frames"],
        )
        model.models_ = dict(payload["models"])
        model.n_train_ = int(payload["n_train"])
        return model


def _labelled_texts(texts: Any, y: Any, frames: Sequence[str]) -> pd.DataFrame:
    """The training table of texts and their labels ``y``: a table with a column per
    frame, or an array-like with one column per frame (in the order of ``frames``)."""
    text = _texts(texts)
    if isinstance(y, pd.DataFrame):
        labels = y.reset_index(drop=True)
    else:
        arr = np.asarray(y)
        if arr.ndim == 1 and len(frames) == 1:
            arr = arr[:, None]
        if arr.ndim != 2 or arr.shape[1] != len(frames):
            raise InputError(
                "<training data>",
                f"y must have one column per frame ({', '.join(frames)}); got shape {arr.shape}",
            )
        labels = pd.DataFrame(arr, columns=list(frames))
    if len(labels) != len(text):
        raise InputError("<training data>", f"{len(text)} texts but {len(labels)} rows of labels")
    return labels.assign(text=text)


def _as_list(x: Any) -> list:
    return [x] if isinstance(x, str | Path) else list(x)


# ------------------------------------------------------------------ cross-validation


def cross_validate(
    gold: Any,
    *,
    n_splits: int = 5,
    lexicon: Any = None,
    model_params: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """F1 per frame from cross-validation grouped by article, for the lexicon
    alone and for :class:`FrameModel` trained on the other folds.

    Returns ``{"lexicon": {frame: {...}}, "model": {frame: {...}}, "folds": n}``
    where each entry holds pooled precision/recall/F1 over all held-out
    sentences and the per-fold F1 values.
    """
    from .evaluate import binary_metrics
    from .framing import FrameScorer

    table = _gold_table(gold).reset_index(drop=True)
    if "article_id" not in table.columns:
        raise InputError("<gold>", "cross-validation groups sentences by article: the table needs an 'article_id' column")
    groups = table["article_id"].astype(str).to_numpy()
    n_groups = len(set(groups))
    if n_groups < 2:
        raise InputError("<gold>", "cross-validation by article needs at least two articles")
    n_splits = min(n_splits, n_groups)
    scorer = FrameScorer(lexicon)
    texts = [text_or_empty(t) for t in table["text"]]
    lex_pred = {f: np.zeros(len(texts), dtype=bool) for f in FRAMES}
    for i, t in enumerate(texts):
        fs = scorer.score(t)
        for f in FRAMES:
            lex_pred[f][i] = fs.labels[f]
    model_pred = {f: np.zeros(len(texts), dtype=bool) for f in FRAMES}
    folds: dict[str, dict[str, list[float]]] = {"lexicon": {f: [] for f in FRAMES}, "model": {f: [] for f in FRAMES}}
    for train, test in GroupKFold(n_splits=n_splits).split(texts, groups=groups):
        model = FrameModel(lexicon, **(model_params or {})).fit(table.iloc[train])
        pred = model.predict([texts[i] for i in test])
        for f in FRAMES:
            model_pred[f][test] = pred[f].to_numpy()
            gold_f = table[f].astype(bool).to_numpy()[test]
            folds["model"][f].append(binary_metrics(list(gold_f), list(model_pred[f][test]))["f1"])
            folds["lexicon"][f].append(binary_metrics(list(gold_f), list(lex_pred[f][test]))["f1"])
    out: dict[str, Any] = {"folds": n_splits, "n_sentences": len(texts), "n_articles": n_groups}
    for name, pred in (("lexicon", lex_pred), ("model", model_pred)):
        out[name] = {}
        for f in FRAMES:
            m = binary_metrics(list(table[f].astype(bool)), list(pred[f]))
            m["fold_f1"] = folds[name][f]
            m["fold_f1_mean"] = round(float(np.mean(folds[name][f])), 4)
            out[name][f] = m
    return out
