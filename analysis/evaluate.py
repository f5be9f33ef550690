"""Evaluate the scorers against gold labels in the codebook format.

The gold sentences are scored with the gold's own boundaries, one article at
a time, so that sourcing sees the whole article (quotations carry over
sentences); when an article's text is unavailable the sentences are scored on
their own (sourcing then only sees the sentences).

    >>> result = evaluate("data/annotations/seed.json")           # doctest: +SKIP
    >>> result.metrics["frames"]["diplomacy"]["f1"]                  # doctest: +SKIP
    1.0
    >>> print(result.to_text())                                      # doctest: +SKIP

Metrics: precision, recall and F1 per frame, the confusion table of the
``frame`` column, and the worst framing errors with their evidence; for
sourcing, accuracy and F1 per ``source_type``, macro-F1, F1 of attributed vs
unattributed, and the speaker match rate over gold-attributed sentences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import MalformedRecordError
from .gold import Gold, load_gold
from .schema import FRAME_LABELS, FRAMES, SOURCE_TYPES
from .sentences import Sentence

#: A predicted speaker counts as matching when it is at most this many words long ...
MAX_SPEAKER_WORDS = 12
#: ... and shares at least this share of the shorter mention's content words.
MIN_SPEAKER_OVERLAP = 0.5

_STOP = frozenset(
    "a an the of and or to in on at for by from with his her its their our my your "
    "s ’s 's who which that this these those".split()
)
_TOKEN = re.compile(r"[\w]+", re.UNICODE)


# ------------------------------------------------------------------ helpers


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1 (0 when undefined).

    >>> prf(8, 2, 2)["f1"]
    0.8
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def binary_metrics(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, Any]:
    """P/R/F1 and counts of one binary label."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    tn = len(gold) - tp - fp - fn
    return {**prf(tp, fp, fn), "support": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def content_words(mention: str) -> list[str]:
    """Lower-cased content words of a mention ("the State Department" -> state, department)."""
    return [w for w in _TOKEN.findall(mention.lower()) if w not in _STOP]


def speaker_matches(pred: str, gold: str, alternatives: Sequence[str] = ()) -> bool:
    """Does a predicted speaker mention match the gold speaker (or an alternative)?

    It must be at most 12 words long and share at least half of the shorter
    mention's content words with one gold mention; pronouns and other mentions
    without content words must be equal (case-insensitive).

    >>> speaker_matches("Russia's leading negotiator Vladimir Medinsky", "Medinsky")
    True
    >>> speaker_matches("the Kremlin", "Medinsky")
    False
    """
    pred = (pred or "").strip()
    if not pred or len(pred.split()) > MAX_SPEAKER_WORDS:
        return False
    p_words = set(content_words(pred))
    for g in [gold, *alternatives]:
        g = (g or "").strip()
        if not g:
            continue
        g_words = set(content_words(g))
        if not p_words or not g_words:
            if pred.lower() == g.lower():
                return True
            continue
        shorter = min(len(p_words), len(g_words))
        if len(p_words & g_words) >= MIN_SPEAKER_OVERLAP * shorter:
            return True
    return False


def _gold_frame(d: bool, e: bool) -> str:
    return "mixed" if d and e else "diplomacy" if d else "escalation" if e else "neutral"


def _sentences_for(rows: pd.DataFrame, text: str | None) -> tuple[list[Sentence], str | None]:
    """Gold rows -> Sentence objects; the article text only if the offsets fit it."""
    sents: list[Sentence] = []
    fits = text is not None
    pos = 0
    for r in rows.itertuples(index=False):
        st, en = r.start, r.end
        ok = st is not None and en is not None and not pd.isna(st) and not pd.isna(en)
        if ok:
            st, en = int(st), int(en)
        if fits and (not ok or text is None or text[st:en] != r.text):
            fits = False
        if not ok:
            st, en = pos, pos + len(r.text)
        sents.append(Sentence(start=st, end=en, text=r.text, paragraph=0))
        pos = en + 1
    if not fits:
        # offsets unusable: renumber so the sentences are consecutive, and drop the text
        out, pos = [], 0
        for s in sents:
            out.append(Sentence(start=pos, end=pos + len(s.text), text=s.text, paragraph=0))
            pos += len(s.text) + 1
        return out, None
    return sents, text


def _evidence_text(evidence: Any, frame: str) -> str:
    if not isinstance(evidence, list | tuple):
        return ""
    parts = []
    for e in evidence:
        if isinstance(e, dict) and e.get("frame") == frame:
            mods = "".join(
                f" {m}" for m in ("negated", "hedged", "quoted") if e.get(m)
            )
            parts.append(f"{e.get('match')!r} ({e.get('subframe')}, {e.get('weight')}{mods})")
    return "; ".join(parts)


# ------------------------------------------------------------------ result


def _count(n: int, noun: str) -> str:
    """'1 article', '2 articles'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _prf_cells(v: dict[str, Any]) -> str:
    """Precision, recall and F1 of one class for the text report, 'n/a' where undefined:
    precision without any prediction of the class, recall and F1 without any gold one
    (zero support). The metrics dict keeps its numbers (0 when undefined, as :func:`prf`).

    >>> _prf_cells(binary_metrics([False, False], [False, False]))
    '      n/a     n/a    n/a'
    >>> _prf_cells(binary_metrics([False, True], [True, True]))
    '    0.500   1.000  0.667'
    """
    predicted = v.get("tp", 0) + v.get("fp", 0)
    precision = f"{v['precision']:.3f}" if predicted else "n/a"
    recall = f"{v['recall']:.3f}" if v["support"] else "n/a"
    f1 = f"{v['f1']:.3f}" if v["support"] else "n/a"
    return f"{precision:>9} {recall:>7} {f1:>6}"


@dataclass
class EvaluationResult:
    """What :func:`evaluate` measured: ``metrics`` (a JSON-able dict),
    ``errors`` (the worst framing errors, with evidence) and ``predictions``
    (every gold sentence with gold and predicted labels)."""

    metrics: dict[str, Any]
    errors: pd.DataFrame
    predictions: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    gold_path: str = ""

    def to_text(self) -> str:
        """A readable report."""
        m = self.metrics
        n_without = m.get("n_without_text")
        lines = [
            f"Evaluation on {_count(m['n_sentences'], 'sentence')} of {_count(m['n_articles'], 'article')}"
            + (f" ({self.gold_path})" if self.gold_path else "")
            + (f"; {n_without} scored without their article text" if n_without else ""),
            "",
            "Framing            precision  recall     F1   support",
        ]
        for f, v in m["frames"].items():
            lines.append(f"  {f:<16} {_prf_cells(v)} {v['support']:>8}")
        lines.append(f"  frame accuracy (4 classes): {m['frame_accuracy']:.3f}")
        lines.append("")
        lines.append("Confusion of the frame column (rows gold, columns predicted):")
        conf = pd.DataFrame(m["confusion"]).T
        lines.extend("  " + ln for ln in conf.to_string().splitlines())
        s = m.get("sourcing")
        if s:
            lines += [
                "",
                f"Sourcing: accuracy {s['accuracy']:.3f}, macro-F1 {s['macro_f1']:.3f}, "
                f"attributed-vs-unattributed F1 {s['attributed_f1']:.3f}, "
                f"speaker match {s['speaker_match_rate']:.3f} "
                f"({s['speaker_matched']}/{s['speaker_total']} gold-attributed sentences)",
                "  source_type         precision  recall     F1   support",
            ]
            for t, v in s["per_type"].items():
                lines.append(f"  {t:<18} {_prf_cells(v)} {v['support']:>8}")
        if len(self.errors):
            lines += ["", f"Worst framing errors ({len(self.errors)}):"]
            for r in self.errors.itertuples(index=False):
                lines.append(
                    f"- [{r.article_id} #{r.sentence}] {r.error}: gold {r.gold_frame}, "
                    f"predicted {r.pred_frame} (scores {r.scores})"
                )
                lines.append(f"    {r.text[:220]}")
                if r.evidence:
                    lines.append(f"    evidence: {r.evidence}")
        return "\n".join(lines)

    def save(self, path: str | Path) -> Path:
        """Write metrics and errors as JSON (atomically)."""
        path = Path(path)
        payload = {
            "gold": self.gold_path,
            "metrics": self.metrics,
            "errors": json.loads(self.errors.to_json(orient="records", force_ascii=False)),
        }
        from .io import write_text

        return write_text(path, json.dumps(payload, ensure_ascii=False, indent=2, default=str))


# ------------------------------------------------------------------ evaluate


def predict_gold(
    gold: Gold,
    *,
    lexicon: Any = None,
    model: Any = None,
    with_sourcing: bool = True,
) -> pd.DataFrame:
    """Score every gold sentence (gold boundaries, one article at a time).

    Returns the gold table with predicted columns ``pred_<frame>``,
    ``<frame>_score``, ``pred_frame``, ``frame_evidence`` and (with sourcing)
    ``pred_source_type``, ``pred_speaker``; ``has_text`` says whether the
    article text was used.
    """
    from .scoring import Scorer

    scorer = Scorer(lexicon=lexicon, model=model) if with_sourcing else None
    if scorer is None:
        from .framing import FrameScorer

        framer = FrameScorer(lexicon)
    parts = []
    g = gold.sentences
    for aid, rows in g.groupby("article_id", sort=False):
        rows = rows.sort_values("sentence")
        sents, text = _sentences_for(rows, gold.texts.get(aid))
        if scorer is not None:
            df = scorer.score_sentences(sents, text=text, article_id=str(aid))
        else:
            fs = [framer.score(s.text) for s in sents]
            df = pd.DataFrame(
                {
                    **{f: [x.labels[f] for x in fs] for f in framer.frames},
                    **{f"{f}_score": [x.scores[f] for x in fs] for f in framer.frames},
                    "frame": [x.frame for x in fs],
                    "frame_evidence": [[e.__dict__ for e in x.evidence] for x in fs],
                }
            )
        out = rows.reset_index(drop=True).copy()
        for f in FRAMES:
            col = f"{f}_model" if model is not None and f"{f}_model" in df.columns else f
            out[f"pred_{f}"] = df[col].astype(bool).to_numpy()
            out[f"{f}_score"] = df[f"{f}_score"].to_numpy()
            if model is not None and f"{f}_prob" in df.columns:
                out[f"{f}_prob"] = df[f"{f}_prob"].to_numpy()
        out["pred_frame"] = [
            _gold_frame(d, e) for d, e in zip(out["pred_diplomacy"], out["pred_escalation"], strict=True)
        ]
        out["frame_evidence"] = list(df["frame_evidence"])
        if "source_type" in df.columns:
            out["pred_source_type"] = df["source_type"].to_numpy()
            out["pred_speaker"] = df["speaker"].fillna("").to_numpy()
        out["has_text"] = text is not None
        parts.append(out)
    if not parts:
        return g.copy()
    return pd.concat(parts, ignore_index=True)


def frame_metrics(pred: pd.DataFrame) -> dict[str, Any]:
    """Per-frame P/R/F1, the 4-class confusion table and accuracy of a predictions table."""
    frames = {f: binary_metrics(list(pred[f].astype(bool)), list(pred[f"pred_{f}"])) for f in FRAMES}
    gold_frame = [_gold_frame(d, e) for d, e in zip(pred["diplomacy"], pred["escalation"], strict=True)]
    confusion = {g: dict.fromkeys(FRAME_LABELS, 0) for g in FRAME_LABELS}
    for g, p in zip(gold_frame, pred["pred_frame"], strict=True):
        confusion[g][p] += 1
    acc = sum(confusion[k][k] for k in FRAME_LABELS) / len(pred) if len(pred) else 0.0
    return {"frames": frames, "confusion": confusion, "frame_accuracy": round(acc, 4)}


def sourcing_metrics(pred: pd.DataFrame) -> dict[str, Any]:
    """Accuracy, per-type P/R/F1, macro-F1, attributed F1 and speaker match rate."""
    gold_t = list(pred["source_type"])
    pred_t = list(pred["pred_source_type"])
    n = len(gold_t)
    acc = sum(g == p for g, p in zip(gold_t, pred_t, strict=True)) / n if n else 0.0
    per_type = {}
    for t in SOURCE_TYPES:
        m = binary_metrics([g == t for g in gold_t], [p == t for p in pred_t])
        per_type[t] = m
    present = [t for t in SOURCE_TYPES if per_type[t]["support"] or per_type[t]["fp"]]
    macro = sum(per_type[t]["f1"] for t in present) / len(present) if present else 0.0
    attributed = binary_metrics([g != "unattributed" for g in gold_t], [p != "unattributed" for p in pred_t])
    matched = total = 0
    for r in pred.itertuples(index=False):
        if r.source_type == "unattributed":
            continue
        total += 1
        alts = r.speaker_alt if isinstance(r.speaker_alt, list | tuple) else []
        if speaker_matches(r.pred_speaker, r.speaker, alts):
            matched += 1
    return {
        "accuracy": round(acc, 4),
        "per_type": per_type,
        "macro_f1": round(macro, 4),
        "macro_f1_types": present,
        "attributed_f1": attributed["f1"],
        "attributed": attributed,
        "speaker_match_rate": round(matched / total, 4) if total else 0.0,
        "speaker_matched": matched,
        "speaker_total": total,
    }


def worst_errors(pred: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Framing errors, the most confident first (score furthest on the wrong side)."""
    rows = []
    for r in pred.to_dict("records"):
        for f in FRAMES:
            g, p = bool(r[f]), bool(r[f"pred_{f}"])
            if g == p:
                continue
            score = float(r.get(f"{f}_prob", r[f"{f}_score"]))
            rows.append(
                {
                    "article_id": r["article_id"],
                    "sentence": int(r["sentence"]),
                    "frame": f,
                    "error": f"false {'positive' if p else 'negative'} {f}",
                    "confidence": round(abs(score - 0.5), 4),
                    "gold_frame": _gold_frame(bool(r["diplomacy"]), bool(r["escalation"])),
                    "pred_frame": r["pred_frame"],
                    "scores": {k: round(float(r[f"{k}_score"]), 3) for k in FRAMES},
                    "text": r["text"],
                    "evidence": _evidence_text(r.get("frame_evidence"), f),
                }
            )
    cols = ["article_id", "sentence", "frame", "error", "confidence", "gold_frame", "pred_frame",
            "scores", "text", "evidence"]
    df = pd.DataFrame(rows, columns=cols)
    if df.empty:
        return df
    # false positives: most evidence first; false negatives: the ones with least evidence first
    df = df.sort_values(["confidence", "article_id", "sentence"], ascending=[False, True, True])
    return df.head(n).reset_index(drop=True)


def evaluate(
    gold: str | Path | Gold,
    *,
    corpus: str | Path | None = None,
    lexicon: Any = None,
    model: Any = None,
    n_errors: int = 10,
) -> EvaluationResult:
    """Score the gold sentences and compare: see the module docstring.

    ``gold`` is a gold file (JSON or JSON Lines in the codebook format) or a
    loaded :class:`~analysis.gold.Gold`; ``corpus`` where ``corpus:<id>``
    articles are found; ``lexicon`` extra frame lexicon file(s); ``model`` a
    trained :class:`~analysis.learn.FrameModel` (its predictions are then
    evaluated instead of the lexicon's).
    """
    g = gold if isinstance(gold, Gold) else load_gold(gold, corpus=corpus)
    pred = predict_gold(g, lexicon=lexicon, model=model)
    metrics: dict[str, Any] = {
        "n_sentences": int(len(pred)),
        "n_articles": int(pred["article_id"].nunique()) if len(pred) else 0,
        "n_without_text": int((~pred["has_text"]).sum()) if "has_text" in pred else 0,
        "scorer": "model" if model is not None else "lexicon",
    }
    metrics.update(frame_metrics(pred))
    if "pred_source_type" in pred.columns:
        metrics["sourcing"] = sourcing_metrics(pred)
    return EvaluationResult(
        metrics=metrics,
        errors=worst_errors(pred, n_errors),
        predictions=pred,
        gold_path=g.path,
    )


#: The gold sets of ``data/annotations`` (plus the shared dev set), and what they are for.
#: "tuning": rules were written while reading its errors; "held out": nobody tunes on it;
#: "(new)": labelled before any scorer ran on it; its first-run figures, on code that had
#: not seen it, are in data/annotations/README.md.
GOLD_SETS: tuple[tuple[str, str, str], ...] = (
    ("seed", "seed.json", "worked example (tuning)"),
    ("dev", "shared:gold/dev.jsonl", "Russia–Ukraine, tuning"),
    ("corpus_fresh", "corpus_fresh.jsonl", "Russia–Ukraine, tuning"),
    ("corpus_tune2", "corpus_tune2.jsonl", "Russia–Ukraine, tuning"),
    ("corpus_holdout", "corpus_holdout.jsonl", "Russia–Ukraine, held out"),
    ("corpus_fresh2", "corpus_fresh2.jsonl", "Russia–Ukraine, tuning (new)"),
    ("corpus_fresh3", "corpus_fresh3.jsonl", "Russia–Ukraine, tuning (new)"),
    ("corpus_fresh4", "corpus_fresh4.jsonl", "Russia–Ukraine, tuning (new)"),
    ("lee_ood", "lee_ood.jsonl", "other conflicts, tuning"),
    ("lee_ood2", "lee_ood2.jsonl", "other conflicts, tuning"),
    ("lee_holdout", "lee_holdout.jsonl", "other conflicts, held out"),
)

SETS_COLUMNS = [
    "set", "role", "articles", "sentences",
    "diplomacy_precision", "diplomacy_recall", "diplomacy_f1",
    "escalation_precision", "escalation_recall", "escalation_f1",
    "source_type_accuracy", "source_type_macro_f1", "attributed_f1", "speaker_found",
    "note",
]


def evaluate_sets(
    names: Sequence[str] | None = None, *, corpus: str | Path | None = None, lexicon: Any = None
) -> pd.DataFrame:
    """One row of figures per gold set of :data:`GOLD_SETS` (``names``: some of
    them): how well the scorers do where they were tuned and where nobody
    tuned. A set whose articles' texts are not on this machine (the shared
    corpus, gensim's Lee corpus) is listed with the reason in ``note`` and no
    figures, never left out.

        >>> table = evaluate_sets(["seed"])                       # doctest: +SKIP
        >>> table.loc[0, ["set", "diplomacy_f1"]].tolist()        # doctest: +SKIP
        ['seed', 1.0]
    """
    from .paths import annotations_dir, shared_path

    known = {name: (where, role) for name, where, role in GOLD_SETS}
    wanted = list(known) if names is None else list(names)
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise ValueError(f"unknown gold set(s) {unknown}; known: {list(known)}")
    rows = []
    for name in wanted:
        where, role = known[name]
        row: dict[str, Any] = {c: None for c in SETS_COLUMNS}
        row.update(set=name, role=role, note="")
        if where.startswith("shared:"):
            path = shared_path(*where.removeprefix("shared:").split("/"))
        else:
            path = annotations_dir() / where
        if path is None or not Path(path).exists():
            row["note"] = f"not on this machine ({where.removeprefix('shared:')})"
            rows.append(row)
            continue
        try:
            g = load_gold(path, corpus=corpus)
        except MalformedRecordError as exc:  # offsets only, and the articles are not here
            hint = "install gensim" if where.startswith("lee") else "set FRAMING_CORPUS"
            row["note"] = (
                f"article texts not on this machine (offsets only: {hint})"
                if "missing ['text']" in str(exc)
                else f"not scored: {exc}"
            )
            rows.append(row)
            continue
        m = evaluate(g, lexicon=lexicon, n_errors=0).metrics
        d, e, src = m["frames"]["diplomacy"], m["frames"]["escalation"], m.get("sourcing", {})
        row.update(
            articles=m["n_articles"],
            sentences=m["n_sentences"],
            diplomacy_precision=d["precision"],
            diplomacy_recall=d["recall"],
            diplomacy_f1=d["f1"],
            escalation_precision=e["precision"],
            escalation_recall=e["recall"],
            escalation_f1=e["f1"],
            source_type_accuracy=src.get("accuracy"),
            source_type_macro_f1=src.get("macro_f1"),
            attributed_f1=src.get("attributed_f1"),
            speaker_found=src.get("speaker_match_rate"),
        )
        rows.append(row)
    table = pd.DataFrame(rows, columns=SETS_COLUMNS)
    # counts stay whole numbers when a set has no figures
    return table.astype({"articles": "Int64", "sentences": "Int64"})


def sets_to_text(table: pd.DataFrame) -> str:
    """:func:`evaluate_sets` as a plain-text table (two decimals)."""
    cols = {
        "set": "set", "role": "role", "sentences": "sent.",
        "diplomacy_f1": "dipl F1", "escalation_f1": "esc F1",
        "source_type_accuracy": "src acc", "source_type_macro_f1": "src mF1",
        "attributed_f1": "attr F1", "speaker_found": "speaker",
    }
    out = table[list(cols)].rename(columns=cols).copy()
    for c in ["dipl F1", "esc F1", "src acc", "src mF1", "attr F1", "speaker"]:
        out[c] = ["–" if pd.isna(v) else f"{v:.2f}" for v in out[c]]
    out["sent."] = ["–" if pd.isna(v) else str(int(v)) for v in out["sent."]]
    text = out.to_string(index=False)
    notes = [f"{r.set}: {r.note}" for r in table.itertuples() if r.note]
    return text + ("\n\n" + "\n".join(notes) if notes else "")


def lexicon_coverage(predictions, lexicon: Any = None):
    """How much of the gold the cue lexicon reaches, and how clean each cue is.

    ``predictions`` is ``EvaluationResult.predictions`` (gold labels, predicted
    labels and ``frame_evidence`` per sentence). Returns ``(by_frame, by_cue)``:
    per frame, the lexicon's cue count, how many cues fired at least once, the
    share of gold-positive sentences with at least one cue of the frame
    (reach) and of gold-negative sentences with one (false alarms); per cue
    that fired, how often, and the share of its sentences whose gold has the
    frame (its precision on this gold).
    """
    from .framing import load_lexicon
    from .render import _evidence

    lex = load_lexicon(lexicon)
    fired: list[dict[str, Any]] = []
    per_sentence: list[set[str]] = []
    for rec in predictions.to_dict("records"):
        frames_here: set[str] = set()
        for ev in _evidence(rec.get("frame_evidence")):
            f = str(ev.get("frame", ""))
            frames_here.add(f)
            fired.append(
                {
                    "frame": f,
                    "rule": str(ev.get("rule", "")),
                    "cue": str(ev.get("cue", ev.get("match", ""))),
                    "gold": bool(rec.get(f, False)) if f in predictions.columns else False,
                }
            )
        per_sentence.append(frames_here)
    fired_df = pd.DataFrame(fired, columns=["frame", "rule", "cue", "gold"])
    rows = []
    for f in lex.frames:
        if f not in predictions.columns:
            continue
        gold = predictions[f].astype(bool).to_numpy()
        has = [f in fs for fs in per_sentence]
        pos = [h for h, g in zip(has, gold, strict=True) if g]
        neg = [h for h, g in zip(has, gold, strict=True) if not g]
        n_cues = sum(1 for c in lex.cues if c.frame == f)
        n_fired = fired_df.loc[fired_df["frame"] == f, "rule"].nunique()
        rows.append(
            {
                "frame": f,
                "cues in lexicon": n_cues,
                "cues that fired": int(n_fired),
                "gold sentences with the frame": int(gold.sum()),
                "reached by a cue": sum(pos) / len(pos) if pos else float("nan"),
                "other sentences with a cue (false alarms)": sum(neg) / len(neg)
                if neg
                else float("nan"),
            }
        )
    by_frame = pd.DataFrame(rows)
    if fired_df.empty:
        return by_frame, pd.DataFrame(columns=["frame", "cue", "rule", "fires", "precision"])
    by_cue = (
        fired_df.groupby(["frame", "cue", "rule"], sort=False)
        .agg(fires=("gold", "size"), precision=("gold", "mean"))
        .reset_index()
        .sort_values(["fires", "precision"], ascending=[False, False])
        .reset_index(drop=True)
    )
    return by_frame, by_cue


def _match_key(rec: dict[str, Any], by_offsets: bool) -> tuple:
    if by_offsets:
        return (str(rec["article_id"]), int(rec["start"]), int(rec["end"]))
    return (str(rec["article_id"]), " ".join(str(rec["text"]).split()))


def annotation_agreement(gold_a: Any, gold_b: Any):
    """Agreement between two annotations of the same sentences: raw agreement and Cohen's kappa.

    ``gold_a``/``gold_b`` are gold files or loaded ``Gold`` objects. Sentences are
    matched by article and character offsets (by article and text when offsets are
    missing); one row per label: ``diplomacy``, ``escalation``, ``source_type`` and
    ``attributed`` (source type other than unattributed).
    """
    from sklearn.metrics import cohen_kappa_score

    a = gold_a if isinstance(gold_a, Gold) else load_gold(gold_a)
    b = gold_b if isinstance(gold_b, Gold) else load_gold(gold_b)
    sa, sb = a.sentences, b.sentences
    by_offsets = bool(
        sa[["start", "end"]].notna().all().all() and sb[["start", "end"]].notna().all().all()
    )
    index_b = {_match_key(r, by_offsets): r for r in sb.to_dict("records")}
    pairs = [
        (r, index_b[k])
        for r in sa.to_dict("records")
        if (k := _match_key(r, by_offsets)) in index_b
    ]
    rows = []
    labels: dict[str, Callable[[dict[str, Any]], Any]] = {
        "diplomacy": lambda r: int(r["diplomacy"]),
        "escalation": lambda r: int(r["escalation"]),
        "source_type": lambda r: str(r["source_type"]),
        "attributed": lambda r: int(str(r["source_type"]) != "unattributed"),
    }
    for name, get in labels.items():
        ya = [get(x) for x, _ in pairs]
        yb = [get(y) for _, y in pairs]
        agree = (
            sum(x == y for x, y in zip(ya, yb, strict=True)) / len(pairs) if pairs else float("nan")
        )
        if len(set(ya) | set(yb)) > 1:
            kappa = float(cohen_kappa_score(ya, yb))
        else:  # one class only: kappa is undefined; perfect agreement reads as 1
            kappa = 1.0 if agree == 1.0 else float("nan")
        rows.append(
            {
                "label": name,
                "sentences matched": len(pairs),
                "agreement": agree,
                "cohen_kappa": kappa,
            }
        )
    out = pd.DataFrame(rows)
    out.attrs["unmatched"] = (len(sa) - len(pairs), len(sb) - len(pairs))
    return out
