"""Quick sourcing figures on gold sets (development loop; the official metrics are in evaluate.py).

Scores gold sentences with the gold's own boundaries, article by article, and prints
source_type accuracy, macro-F1 (over the types present in the gold or the predictions, as
``analysis/evaluate.py`` computes it, and over all seven types), attributed-vs-unattributed F1
and speaker match.

    python benchmarks/sourcing_eval.py            # seed + shared dev
    python benchmarks/sourcing_eval.py --errors   # also list the disagreements
    python benchmarks/sourcing_eval.py data/annotations/lee_ood.jsonl --ids tune

``--ids`` keeps only some articles: a comma-separated list, or ``tune`` / ``held`` for the
two halves of ``lee_ood.jsonl`` (develop on the tune half only; read the held-out half's
aggregate figures at the end, never its errors).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.gold import load_gold  # noqa: E402
from analysis.paths import seed_gold_path, shared_gold_dev_path  # noqa: E402
from analysis.schema import SOURCE_TYPES  # noqa: E402
from analysis.sentences import Sentence  # noqa: E402
from analysis.sourcing import SourceAttributor  # noqa: E402

_STOP = set("a an the of for with at in on to from and its his her their our mr mrs ms".split())


def content(s: str) -> set[str]:
    return {w.lower().strip(".,’'s") for w in re.findall(r"[\w’'.\-]+", s or "")} - _STOP - {""}


def speaker_match(pred: str, golds: list[str]) -> bool:
    p = content(pred)
    if not p or len((pred or "").split()) > 12:
        return False
    for g in golds:
        gw = content(g)
        if not gw:
            continue
        shorter = min(len(p), len(gw))
        if len(p & gw) * 2 >= shorter and len(p & gw) > 0:
            return True
    return False


def paragraphs_for(text: str | None, starts: list[int]) -> list[int]:
    if not text:
        return [0] * len(starts)
    out = []
    for st in starts:
        out.append(len(re.findall(r"\n\s*\n", text[:st])))
    return out


#: the halves of data/annotations/lee_ood.jsonl (issue 4: tune on one, report the other)
LEE_HALVES = {
    "tune": ("lee-0030", "lee-0117", "lee-0149", "lee-0236", "lee-0014", "lee-0142", "lee-0244",
             "lee-0013", "lee-0001", "lee-0048"),
    "held": ("lee-0094", "lee-0135", "lee-0198", "lee-0036", "lee-0217", "lee-0293", "lee-0027",
             "lee-0035", "lee-0043", "lee-0196"),
}


def run(path: Path, at: SourceAttributor, show_errors: bool,
        ids: tuple[str, ...] | None = None) -> dict:
    gold = load_gold(path)
    df = gold.sentences
    if ids:
        df = df[df["article_id"].isin(ids)]
    preds, n_sent, elapsed = [], 0, 0.0
    for aid, g in df.groupby("article_id", sort=False):
        text = gold.texts.get(aid)
        starts = [int(x) if x == x and x is not None else -1 for x in g["start"]]
        paras = paragraphs_for(text, starts)
        sents = [Sentence(int(r.start), int(r.end), r.text, p) for r, p in
                 zip(g.itertuples(), paras, strict=True)]
        t0 = time.perf_counter()
        out = at.attribute(sents, text=text)
        elapsed += time.perf_counter() - t0
        n_sent += len(sents)
        for r, a in zip(g.itertuples(), out, strict=True):
            preds.append((aid, r, a))
    tp = fp = fn = 0
    correct = 0
    per = {t: Counter() for t in SOURCE_TYPES}
    spk_ok = spk_n = 0
    for aid, r, a in preds:
        gt, pt = r.source_type, a.source_type
        correct += gt == pt
        for t in SOURCE_TYPES:
            if gt == t and pt == t:
                per[t]["tp"] += 1
            elif pt == t:
                per[t]["fp"] += 1
            elif gt == t:
                per[t]["fn"] += 1
        ga, pa = gt != "unattributed", pt != "unattributed"
        tp += ga and pa
        fp += pa and not ga
        fn += ga and not pa
        ok = None
        if ga:
            spk_n += 1
            ok = speaker_match(a.speaker, [r.speaker, *list(r.speaker_alt)]) or (
                not r.speaker and pa)
            spk_ok += ok
        if show_errors and (gt != pt or ok is False):
            print(f"  [{aid[:28]}#{r.sentence}] gold={gt}:{r.speaker!r} pred={pt}:{a.speaker!r} "
                  f"({a.source_rule}, {a.quote_mode}, via={a.via_outlet!r}, canon={a.speaker_canonical!r})"
                  f"\n      {r.text[:160]!r}")
    f1s = []
    for t in SOURCE_TYPES:
        c = per[t]
        if c["tp"] + c["fn"] + c["fp"] == 0:  # labels present in the gold or the predictions
            continue
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rr = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1s.append((t, 2 * p * rr / (p + rr) if p + rr else 0.0, c["tp"] + c["fn"]))
    all7 = []
    for t in SOURCE_TYPES:  # the official evaluate.py averages over all seven types
        c = per[t]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rr = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        all7.append(2 * p * rr / (p + rr) if p + rr else 0.0)
    att_p = tp / (tp + fp) if tp + fp else 0.0
    att_r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": len(preds),
        "accuracy": correct / len(preds),
        "macro_f1": sum(f for _, f, _ in f1s) / len(f1s),  # types in gold or predictions
        "macro_f1_all7": sum(all7) / len(all7),
        "per_type": {t: round(f, 3) for t, f, _ in f1s},
        "attributed_f1": 2 * att_p * att_r / (att_p + att_r) if att_p + att_r else 0.0,
        "speaker_match": spk_ok / spk_n if spk_n else 0.0,
        "us_per_sentence": elapsed / max(1, n_sent) * 1e6,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--ids", default="", help="article ids (comma-separated), or tune / held")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    at = SourceAttributor()
    paths = [Path(p) for p in args.paths] or [seed_gold_path(), shared_gold_dev_path()]
    for p in paths:
        if p is None:
            continue
        print(p)
        ids = LEE_HALVES.get(args.ids) or tuple(x for x in args.ids.split(",") if x) or None
        res = run(p, at, args.errors, ids)
        print("  " + ", ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                               for k, v in res.items()))


if __name__ == "__main__":
    main()
