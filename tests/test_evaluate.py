"""Evaluation against gold in the codebook format."""

from __future__ import annotations

import importlib
import json

import pandas as pd
import pytest

from analysis.evaluate import (
    EvaluationResult,
    binary_metrics,
    content_words,
    evaluate,
    prf,
    speaker_matches,
)
from analysis.gold import Gold, load_gold


@pytest.fixture(scope="module")
def seed_result(seed_gold_path) -> EvaluationResult:
    return evaluate(seed_gold_path, n_errors=5)


def test_seed_framing_metrics(seed_result):
    m = seed_result.metrics
    assert m["n_sentences"] == 21 and m["n_articles"] == 1 and m["n_without_text"] == 0
    for f in ("diplomacy", "escalation"):
        assert m["frames"][f]["f1"] >= 0.8, m["frames"][f]
    d = m["frames"]["diplomacy"]
    assert d["tp"] + d["fn"] == 14 and d["support"] == 14
    conf = m["confusion"]
    assert sum(sum(row.values()) for row in conf.values()) == 21
    assert m["frame_accuracy"] >= 0.8


def test_seed_sourcing_metrics(seed_result):
    s = seed_result.metrics["sourcing"]
    assert s["speaker_total"] == 16  # gold-attributed sentences of the seed
    assert s["accuracy"] >= 0.8 and s["attributed_f1"] >= 0.8
    assert 0.0 <= s["macro_f1"] <= 1.0 and s["speaker_match_rate"] >= 0.7
    assert set(s["per_type"]) >= {"unattributed", "named_official", "unnamed_official", "institution"}


def test_errors_table_and_report(seed_result, tmp_path):
    errs = seed_result.errors
    assert list(errs.columns)[:4] == ["article_id", "sentence", "frame", "error"]
    assert len(errs) <= 5
    text = seed_result.to_text()
    assert "diplomacy" in text and "Sourcing" in text and "Confusion" in text
    path = seed_result.save(tmp_path / "eval.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["metrics"]["frames"]["diplomacy"]["f1"] == seed_result.metrics["frames"]["diplomacy"]["f1"]
    assert isinstance(data["errors"], list)


def test_gold_object_without_text(seed_gold_path):
    gold = load_gold(seed_gold_path)
    no_text = Gold(sentences=gold.sentences, texts={k: None for k in gold.texts}, path="mem")
    res = evaluate(no_text)
    assert res.metrics["n_without_text"] == 21
    assert res.metrics["frames"]["diplomacy"]["f1"] >= 0.8


def test_bad_offsets_fall_back(seed_gold_path):
    gold = load_gold(seed_gold_path)
    shifted = gold.sentences.assign(start=gold.sentences["start"] + 3, end=gold.sentences["end"] + 3)
    res = evaluate(Gold(sentences=shifted, texts=gold.texts, path="shifted"))
    assert res.metrics["n_without_text"] == 21  # offsets do not fit the text: scored on their own


def test_errors_are_sorted_with_evidence():
    gold = Gold(
        sentences=pd.DataFrame(
            {
                "article_id": ["a", "a", "a"],
                "sentence": [0, 1, 2],
                "start": [None] * 3,
                "end": [None] * 3,
                "text": [
                    "Peace talks and a ceasefire agreement were signed.",
                    "The weather was fine.",
                    "Missiles struck the city.",
                ],
                "diplomacy": [0, 1, 0],
                "escalation": [0, 0, 1],
                "source_type": ["unattributed"] * 3,
                "speaker": [""] * 3,
                "speaker_alt": [[], [], []],
            }
        ),
        texts={"a": None},
    )
    res = evaluate(gold)
    errs = res.errors
    assert sorted(errs["error"]) == ["false negative diplomacy", "false positive diplomacy"]
    assert list(errs["confidence"]) == sorted(errs["confidence"], reverse=True)  # most confident first
    fp = errs[errs["error"] == "false positive diplomacy"].iloc[0]
    assert "ceasefire" in fp["evidence"] and fp["sentence"] == 0
    assert res.metrics["frames"]["escalation"]["f1"] == 1.0
    assert res.metrics["frames"]["diplomacy"]["f1"] == 0.0


@pytest.mark.parametrize(
    ("pred", "gold", "alts", "expected"),
    [
        ("Medinsky", "Medinsky", [], True),
        ("Russia's leading negotiator, Vladimir Medinsky", "Vladimir Medinsky", [], True),
        ("the State Department", "State Department", [], True),
        ("the spokesperson", "a State Department spokesperson", ["the spokesperson"], True),
        ("he", "he", [], True),
        ("he", "she", [], False),
        ("the Kremlin", "Medinsky", ["Vladimir Medinsky"], False),
        ("", "Medinsky", [], False),
        (" ".join(["word"] * 13) + " Medinsky", "Medinsky", [], False),  # longer than 12 words
    ],
)
def test_speaker_matches(pred, gold, alts, expected):
    assert speaker_matches(pred, gold, alts) is expected


def test_metric_helpers():
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    m = binary_metrics([True, True, False, False], [True, False, True, False])
    assert (m["tp"], m["fp"], m["fn"], m["tn"]) == (1, 1, 1, 1) and m["f1"] == 0.5
    assert content_words("the State Department's spokesperson") == ["state", "department", "spokesperson"]


def test_dev_gold_if_available():
    from analysis.paths import shared_gold_dev_path

    path = shared_gold_dev_path()
    if path is None:
        pytest.skip("shared dev gold not available")
    res = evaluate(path, n_errors=3)
    assert res.metrics["n_articles"] == 23
    for f in ("diplomacy", "escalation"):
        assert res.metrics["frames"][f]["f1"] >= 0.8


def test_evaluate_a_trained_model(seed_gold_path):
    from analysis.learn import FrameModel

    gold = load_gold(seed_gold_path)
    model = FrameModel(min_df=1, calibration_folds=2).fit(gold)
    res = evaluate(gold, model=model, n_errors=3)
    assert res.metrics["scorer"] == "model"
    assert {"diplomacy_prob", "escalation_prob"} <= set(res.predictions.columns)
    # trained and tested on the same 21 sentences: it must at least fit them reasonably
    assert res.metrics["frames"]["diplomacy"]["f1"] >= 0.8


# moved from test_report.py with the functions (now in analysis.evaluate)
from analysis.evaluate import annotation_agreement, lexicon_coverage  # noqa: E402


def _gold_file(path, labels: list[tuple[int, int, str]]):
    sents = [
        {
            "start": i * 40,
            "end": i * 40 + 30,
            "text": f"Invented sentence number {i} here.",
            "diplomacy": d,
            "escalation": e,
            "source_type": st,
            "speaker": "",
        }
        for i, (d, e, st) in enumerate(labels)
    ]
    path.write_text(
        json.dumps({"id": "inv-1", "title": "Invented", "sentences": sents}), encoding="utf-8"
    )
    return path



def test_annotation_agreement_kappa(tmp_path):
    a = _gold_file(
        tmp_path / "a.json",
        [
            (1, 0, "unattributed"),
            (0, 1, "named_official"),
            (1, 1, "institution"),
            (0, 0, "unattributed"),
        ],
    )
    b = _gold_file(
        tmp_path / "b.json",
        [(1, 0, "unattributed"), (0, 0, "named_official"), (1, 1, "institution"), (0, 0, "media")],
    )
    agr = annotation_agreement(a, b).set_index("label")
    assert agr.loc["diplomacy", "cohen_kappa"] == pytest.approx(1.0)
    assert agr.loc["escalation", "agreement"] == pytest.approx(0.75)
    # escalation: a = [0,1,1,0], b = [0,0,1,0]: p_o = .75, p_e = .5*.75 + .5*.25 = .5 -> kappa .5
    assert agr.loc["escalation", "cohen_kappa"] == pytest.approx(0.5)
    assert agr.loc["attributed", "agreement"] == pytest.approx(0.75)
    assert (agr["sentences matched"] == 4).all()


def test_annotation_agreement_of_the_seed_with_itself(seed_gold_path):
    agr = annotation_agreement(seed_gold_path, seed_gold_path)
    assert (agr["cohen_kappa"] == 1.0).all() and (agr["sentences matched"] == 21).all()


def test_lexicon_coverage_on_the_seed(seed_gold_path):
    from analysis.evaluate import evaluate

    pred = evaluate(seed_gold_path).predictions
    by_frame, by_cue = lexicon_coverage(pred)
    row = by_frame.set_index("frame").loc["diplomacy"]
    assert row["gold sentences with the frame"] == int(pred["diplomacy"].sum())
    assert 0 < row["cues that fired"] <= row["cues in lexicon"]
    assert 0.0 <= row["reached by a cue"] <= 1.0
    assert by_cue["fires"].sum() == sum(len(e) for e in pred["frame_evidence"])
    assert by_cue["precision"].between(0, 1).all()


# ------------------------------------------------------------------ every gold set at once


def test_evaluate_sets_scores_the_seed_and_names_what_is_missing(monkeypatch, tmp_path):
    ev = importlib.import_module("analysis.evaluate")  # the module (analysis.evaluate is the function)
    from analysis.evaluate import SETS_COLUMNS, evaluate_sets

    monkeypatch.setattr(
        ev,
        "GOLD_SETS",
        (("seed", "seed.json", "worked example"), ("nowhere", "shared:gold/nowhere.jsonl", "x")),
    )
    table = evaluate_sets()
    assert list(table.columns) == SETS_COLUMNS
    seed, missing = table.iloc[0], table.iloc[1]
    assert seed["set"] == "seed" and seed["sentences"] == 21 and seed["diplomacy_f1"] == 1.0
    assert seed["source_type_accuracy"] == 1.0 and seed["note"] == ""
    assert missing["set"] == "nowhere" and pd.isna(missing["diplomacy_f1"])
    assert "not on this machine" in missing["note"]


def test_evaluate_sets_rejects_an_unknown_name():
    from analysis.evaluate import evaluate_sets

    with pytest.raises(ValueError, match="unknown gold set"):
        evaluate_sets(["no-such-set"])


def test_cli_evaluate_all_prints_one_row_per_set(monkeypatch, capsys, tmp_path):
    ev = importlib.import_module("analysis.evaluate")  # the module (analysis.evaluate is the function)
    from analysis.cli import main

    monkeypatch.setattr(
        ev,
        "GOLD_SETS",
        (("seed", "seed.json", "worked example"), ("nowhere", "shared:gold/nowhere.jsonl", "x")),
    )
    out_csv = tmp_path / "sets.csv"
    assert main(["evaluate", "--all", "-o", str(out_csv)]) == 0
    printed = capsys.readouterr().out
    assert "seed" in printed and "1.00" in printed
    assert "nowhere: not on this machine" in printed
    assert "nan" not in printed  # a set with no figures shows dashes
    nowhere = next(line for line in printed.splitlines() if line.lstrip().startswith("nowhere "))
    assert nowhere.split()[2:] == ["–"] * 7
    assert pd.read_csv(out_csv)["set"].tolist() == ["seed", "nowhere"]


def test_evaluate_sets_lists_a_set_whose_article_texts_are_missing(monkeypatch, tmp_path):
    """On a user's machine without the shared corpus, the corpus sets get a note, no crash."""
    from analysis.evaluate import evaluate_sets

    monkeypatch.setenv("FRAMING_CORPUS", str(tmp_path / "no-corpus.jsonl"))
    row = evaluate_sets(["corpus_holdout"]).iloc[0]
    assert pd.isna(row["diplomacy_f1"])
    assert "article texts not on this machine (offsets only: set FRAMING_CORPUS)" in row["note"]
    assert str(evaluate_sets(["seed", "corpus_holdout"])["sentences"].dtype) == "Int64"


def test_every_shipped_gold_file_is_a_gold_set():
    """A new annotation file must show up in `framing evaluate --all` and the report."""
    from analysis.evaluate import GOLD_SETS
    from analysis.paths import annotations_dir

    registered = {where for _, where, _ in GOLD_SETS}
    shipped = {p.name for p in annotations_dir().iterdir() if p.suffix in (".json", ".jsonl")}
    assert shipped <= registered, f"not in GOLD_SETS: {sorted(shipped - registered)}"
    assert len({name for name, _, _ in GOLD_SETS}) == len(GOLD_SETS)


def test_report_says_n_a_for_undefined_figures_and_counts_in_the_singular(seed_result):
    """The seed is one article with no media, expert or 'other' source: those rows have no
    support, and '0.000 0.000 0.000 0' read as a measured zero. The metrics keep numbers."""
    text = seed_result.to_text()
    assert text.startswith("Evaluation on 21 sentences of 1 article")
    assert "1 articles" not in text
    per_type = seed_result.metrics["sourcing"]["per_type"]
    empty = [t for t, v in per_type.items() if v["support"] == 0 and v["fp"] == 0]
    assert empty  # (the seed has such types)
    for t in empty:
        (row,) = [ln for ln in text.splitlines() if ln.split()[:1] == [t]]
        assert row.split() == [t, "n/a", "n/a", "n/a", "0"]
        assert per_type[t]["precision"] == per_type[t]["recall"] == per_type[t]["f1"] == 0.0
    assert "0.000   0.000  0.000        0" not in text


def test_zero_support_class_with_predictions_has_a_precision_only():
    from analysis.evaluate import _prf_cells

    v = binary_metrics([False, False, False], [True, False, False])  # predicted once, never gold
    assert _prf_cells(v).split() == ["0.000", "n/a", "n/a"]
    v = binary_metrics([True, False], [False, False])  # gold once, never predicted
    assert _prf_cells(v).split() == ["n/a", "0.000", "0.000"]
