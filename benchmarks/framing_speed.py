"""Speed of the framing scorer alone: µs per sentence on the shared corpus.

    python benchmarks/framing_speed.py               # best of 7 rounds
    python benchmarks/framing_speed.py --rounds 3 --check --vader

Figures are printed, not asserted. In one process, on the sentences of the
shared corpus (read in place, split with ``split_sentences``), rounds
alternate between

- ``FrameScorer().score`` (the Aho-Corasick prefilter: only the words where a
  cue, modifier or rule literal can begin are looked at), and
- ``FrameScorer(prefilter=False).score`` (every word looked at: the
  reference the prefilter must agree with), and, with ``--vader``,
- VADER's ``polarity_scores`` on the same sentences (issue 7 compares the
  whole pipeline with it),

and the best round of each counts (CPU time, ``time.process_time``: on a
shared machine wall time mostly measures the neighbours). Also printed: the
share of sentences with no cue at all. ``--check`` compares the two paths'
results on every sentence (labels, scores, frame, evidence, suppressed).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _corpus import source_records  # noqa: E402

from analysis.framing import FrameScore, FrameScorer  # noqa: E402
from analysis.sentences import split_sentences  # noqa: E402


def corpus_sentences() -> tuple[list[str], str]:
    records, where = source_records()
    return [s.text for r in records for s in split_sentences(r["text"])], where


def best_us(fn, sentences: list[str], best: dict[str, float], name: str) -> None:
    """One timed pass; keeps the best µs/sentence under ``name``."""
    t0 = time.process_time()
    for s in sentences:
        fn(s)
    us = (time.process_time() - t0) / len(sentences) * 1e6
    best[name] = min(best.get(name, float("inf")), us)


def same(a: FrameScore, b: FrameScore) -> bool:
    return (a.labels, a.scores, a.frame, a.evidence, a.suppressed) == (
        b.labels,
        b.scores,
        b.frame,
        b.evidence,
        b.suppressed,
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7, help="timed rounds of each (best counts)")
    ap.add_argument("--check", action="store_true", help="compare both paths on every sentence")
    ap.add_argument("--vader", action="store_true", help="also time VADER polarity_scores")
    args = ap.parse_args(argv)

    sentences, where = corpus_sentences()
    fast, slow = FrameScorer(), FrameScorer(prefilter=False)
    contenders = {"prefilter": fast.score, "word by word": slow.score}
    if args.vader:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        contenders["VADER polarity_scores"] = SentimentIntensityAnalyzer().polarity_scores
    for fn in contenders.values():  # warm-up: caches and lazily compiled alternations
        for s in sentences:
            fn(s)
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, fn in contenders.items():
            best_us(fn, sentences, best, name)

    no_cue = sum(1 for s in sentences if not fast.matches(s))
    print(f"corpus: {where}")
    print(f"{len(sentences):,} sentences; {no_cue / len(sentences):.1%} have no cue at all")
    print(f"CPU µs per sentence, best of {args.rounds} rounds:")
    for name, us in best.items():
        print(f"  {name:<24} {us:8.2f}")
    print(f"prefilter speed-up over word by word: {best['word by word'] / best['prefilter']:.2f}x")
    if args.vader:
        ratio = best["VADER polarity_scores"] / best["prefilter"]
        print(f"framing is {ratio:.2f}x as fast as VADER polarity_scores")
    if args.check:
        differ = sum(1 for s in sentences if not same(fast.score(s), slow.score(s)))
        print(f"check: {len(sentences):,} sentences compared, {differ} differ")


if __name__ == "__main__":
    main()
