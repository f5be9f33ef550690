"""Compare sentence segmenters: boundary F1 on gold sentences, and speed.

Run from the repository root::

    .venv/bin/python benchmarks/segmenters.py            # seed + dev F1, speed on the shared corpus
    .venv/bin/python benchmarks/segmenters.py --scale 100000 --stress 10
                                                          # + our splitter on >= 100k sentences,
                                                          #   + a 10 MB line without punctuation

Candidates
    rules            analysis.sentences.split_sentences (our rules-as-data splitter)
    pysbd            pysbd.Segmenter(language="en", clean=False, char_span=True) on the whole text
    syntok           syntok.segmenter.analyze on the whole text (token offsets)
    blingfire        blingfire.text_to_sentences_and_offsets on the whole text
    <lib>+lines      the same library run on each non-empty line separately, so that headlines
                     and bylines (lines without final punctuation) end a sentence, as the gold has it

Boundary F1 (the figure in the table)
    A segmentation of one article is turned into its set of *sentence end offsets*: for every
    predicted or gold span (start, end), whitespace at its end is stripped
    (end = start + len(text[start:end].rstrip())); spans holding only whitespace are dropped; the
    end of the article's last non-whitespace character is removed from the set (every segmenter
    gets it for free). Over all articles, TP = ends in both sets, precision = TP / predicted ends,
    recall = TP / gold ends, F1 = 2PR / (P + R) (micro-averaged).
    `seed` is the hand-split seed article (data/annotations/seed.json): the real target.
    `dev` is /work/shared/gold/dev.jsonl (23 articles of the shared corpus, read in place): its
    boundaries were set by an automatic splitter, so the figure is only indicative.

Speed
    Wall time of segmenting every article of the shared corpus (118 articles, ~0.5 M characters),
    best of --repeat runs, divided by the number of sentences *that candidate* produced
    (µs/sentence). `--scale N` repeats the corpus until our splitter has seen >= N sentences.
    For scale, VADER's SentimentIntensityAnalyzer.polarity_scores is timed on our sentences too
    (the pipeline must be >= 2x faster than it per sentence).

The shared data is third-party: it is read in place and nothing of it is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis.paths import (  # noqa: E402
    seed_article_path,
    seed_gold_path,
    shared_corpus_path,
    shared_gold_dev_path,
)
from analysis.sentences import split_sentences  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import jsonl_records  # noqa: E402

Spans = list[tuple[int, int]]
Segmenter = Callable[[str], Spans]


# --- candidates ---------------------------------------------------------------------------------
def seg_rules(text: str) -> Spans:
    return [(s.start, s.end) for s in split_sentences(text)]


def _pysbd() -> Segmenter | None:
    try:
        import pysbd
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def run(text: str) -> Spans:
        return [(s.start, s.end) for s in seg.segment(text)] if text.strip() else []

    return run


def _syntok() -> Segmenter | None:
    try:
        from syntok import segmenter
    except ImportError:
        return None

    def run(text: str) -> Spans:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                if sentence:
                    last = sentence[-1]
                    out.append((sentence[0].offset, last.offset + len(last.value)))
        return out

    return run


def _blingfire() -> Segmenter | None:
    try:
        import blingfire
    except ImportError:
        return None

    def run(text: str) -> Spans:
        if not text.strip():
            return []
        return [tuple(o) for o in blingfire.text_to_sentences_and_offsets(text)[1]]

    return run


def per_line(seg: Segmenter) -> Segmenter:
    """Run ``seg`` on each non-empty line and shift its offsets back into the text."""

    def run(text: str) -> Spans:
        out: Spans = []
        pos = 0
        for line in text.splitlines(keepends=True):
            if line.strip():
                out.extend((pos + a, pos + b) for a, b in seg(line))
            pos += len(line)
        return out

    return run


def candidates() -> dict[str, Segmenter]:
    cands: dict[str, Segmenter] = {"rules": seg_rules}
    for name, make in (("pysbd", _pysbd), ("syntok", _syntok), ("blingfire", _blingfire)):
        seg = make()
        if seg is None:
            print(f"({name} is not installed: skipped; pip install '.[dev]')", file=sys.stderr)
            continue
        cands[name] = seg
        cands[f"{name}+lines"] = per_line(seg)
    return cands


# --- data ---------------------------------------------------------------------------------------
def load_seed() -> list[tuple[str, Spans]]:
    text = seed_article_path().read_text(encoding="utf-8")
    gold = json.loads(seed_gold_path().read_text(encoding="utf-8"))
    return [(text, [(s["start"], s["end"]) for s in gold["sentences"]])]


def load_corpus() -> dict[str, str]:
    path = shared_corpus_path()
    if path is None or not Path(path).exists():
        return {}
    return {rec["id"]: rec["text"] for rec in jsonl_records(path)}


def load_dev(corpus: dict[str, str]) -> list[tuple[str, Spans]]:
    path = shared_gold_dev_path()
    if path is None or not corpus:
        return []
    out = []
    for rec in jsonl_records(path):
        src = rec.get("source", "")
        text = rec.get("text") or corpus.get(src.split(":", 1)[1] if src.startswith("corpus:") else "")
        if text:
            out.append((text, [(s["start"], s["end"]) for s in rec["sentences"]]))
    return out


# --- metric -------------------------------------------------------------------------------------
def boundary_set(text: str, spans: Spans) -> set[int]:
    """Sentence end offsets after stripping trailing whitespace, without the article's own end."""
    ends = set()
    for a, b in spans:
        piece = text[a:b]
        if piece.strip():
            ends.add(a + len(piece.rstrip()))
    ends.discard(len(text.rstrip()))
    return ends


def boundary_prf(docs: list[tuple[str, Spans]], seg: Segmenter) -> tuple[float, float, float]:
    tp = n_pred = n_gold = 0
    for text, gold in docs:
        g = boundary_set(text, gold)
        p = boundary_set(text, seg(text))
        tp += len(g & p)
        n_pred += len(p)
        n_gold += len(g)
    prec = tp / n_pred if n_pred else 1.0
    rec = tp / n_gold if n_gold else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def time_corpus(texts: list[str], seg: Segmenter, repeat: int) -> tuple[float, int]:
    """Best wall time (s) over ``repeat`` runs, and the number of sentences produced."""
    best = float("inf")
    count = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = sum(len(seg(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    return best, count


def vader_us_per_sentence(sentences: list[str]) -> float | None:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyzer = SentimentIntensityAnalyzer()
    t0 = time.perf_counter()
    for s in sentences:
        analyzer.polarity_scores(s)
    return (time.perf_counter() - t0) / len(sentences) * 1e6


# --- main ---------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per fast candidate (best is kept)")
    ap.add_argument("--scale", type=int, default=0, help="also time our splitter on >= N sentences")
    ap.add_argument("--stress", type=float, default=0, help="also split a line of this many MB without punctuation")
    ap.add_argument("--only", nargs="*", help="candidate names to run (default: all)")
    args = ap.parse_args(argv)

    cands = candidates()
    if args.only:
        cands = {k: v for k, v in cands.items() if k in args.only}
    seed = load_seed()
    corpus = load_corpus()
    dev = load_dev(corpus)
    texts = list(corpus.values())
    if not corpus:
        print("(shared corpus not found: dev F1 and speed are skipped)", file=sys.stderr)

    n_gold_dev = sum(len(g) for _, g in dev)
    print(f"seed: 1 article, {len(seed[0][1])} gold sentences (hand-set boundaries)")
    print(f"dev:  {len(dev)} articles, {n_gold_dev} gold sentences (automatic boundaries: indicative)")
    print(f"speed corpus: {len(texts)} articles, {sum(map(len, texts)):,} characters\n")
    header = f"{'candidate':<16} {'seed P':>7} {'seed R':>7} {'seed F1':>7} {'dev P':>7} {'dev R':>7} {'dev F1':>7} {'sentences':>9} {'µs/sent':>8}"
    print(header)
    print("-" * len(header))
    for name, seg in cands.items():
        sp, sr, sf = boundary_prf(seed, seg)
        dp, dr, df = boundary_prf(dev, seg) if dev else (float("nan"),) * 3
        if texts:
            slow = name.startswith(("pysbd", "syntok"))
            secs, count = time_corpus(texts, seg, 1 if slow else args.repeat)
            us = secs / max(count, 1) * 1e6
        else:
            count, us = 0, float("nan")
        print(f"{name:<16} {sp:7.3f} {sr:7.3f} {sf:7.3f} {dp:7.3f} {dr:7.3f} {df:7.3f} {count:9d} {us:8.1f}")
        sys.stdout.flush()

    if texts:
        sample = [s.text for t in texts for s in split_sentences(t)][:3000]
        vader = vader_us_per_sentence(sample)
        if vader is not None:
            print(f"\nreference: VADER polarity_scores {vader:.1f} µs/sentence ({len(sample)} sentences)")

    if args.scale and texts:
        reps = []
        n = 0
        per_pass = sum(len(split_sentences(t)) for t in texts)
        while n < args.scale:
            reps.extend(texts)
            n += per_pass
        # distinct string objects, so nothing can be cached by identity
        reps = [t + " " * (i % 3) for i, t in enumerate(reps)]
        secs, count = time_corpus(reps, seg_rules, 1)
        print(f"rules at scale: {count:,} sentences in {secs:.2f} s = {secs / count * 1e6:.1f} µs/sentence")

    if args.stress:
        size = int(args.stress * 1_000_000)
        line = ("word " * (size // 5 + 1))[:size]
        t0 = time.perf_counter()
        out = split_sentences(line)
        secs = time.perf_counter() - t0
        print(f"stress: {size / 1e6:.0f} MB line without punctuation -> {len(out):,} sentences "
              f"(max {max(s.end - s.start for s in out)} chars) in {secs:.2f} s")
        blob = "x" * size
        t0 = time.perf_counter()
        out = split_sentences(blob)
        secs = time.perf_counter() - t0
        print(f"stress: {size / 1e6:.0f} MB without whitespace -> {len(out):,} sentences in {secs:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
