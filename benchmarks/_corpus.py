"""Shared helpers of the benchmark scripts: a replicated corpus and memory figures.

The shared corpus is read in place (``analysis.paths.shared_corpus_path()``,
or ``$FRAMING_CORPUS``) and repeated, with new ids, until it holds enough
sentences; nothing from it is written into the repository.
"""

from __future__ import annotations

import json
import resource
import sys
from collections.abc import Iterator
from pathlib import Path

from analysis.paths import seed_article_path, shared_corpus_path


def jsonl_records(path: str | Path) -> Iterator[dict]:
    """The records of a JSONL file, read in place (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def source_records() -> tuple[list[dict], str]:
    """The corpus records (id, text, ...) and where they came from."""
    path = shared_corpus_path()
    if path is not None and Path(path).is_file():
        records = [
            rec
            for rec in jsonl_records(path)
            if isinstance(rec.get("text"), str) and rec["text"].strip()
        ]
        return records, str(path)
    seed = seed_article_path()
    print(f"note: shared corpus not found; using the seed article {seed.name}", file=sys.stderr)
    return [{"id": "seed", "text": seed.read_text(encoding="utf-8")}], str(seed)


def sentence_counts(records: list[dict]) -> list[int]:
    from analysis.sentences import split_sentences

    return [len(split_sentences(r["text"])) for r in records]


def replicate(records: list[dict], counts: list[int], sentences: int) -> Iterator[dict]:
    """Records repeated (ids ``<id>~r<k>``) until at least ``sentences`` sentences."""
    total = 0
    k = 0
    while total < sentences:
        for rec, n in zip(records, counts, strict=True):
            yield {**rec, "id": f"{rec.get('id', 'article')}~r{k}"}
            total += n
            if total >= sentences:
                return
        k += 1
        if sum(counts) == 0:
            raise SystemExit("the corpus has no sentences")


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident set size of this process (or its largest waited-for child), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    kb = resource.getrusage(who).ru_maxrss  # kilobytes on Linux
    return kb / 1024.0


def machine_note() -> str:
    import os
    import platform

    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "n/a"
    return (
        f"python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {load} (figures are noisy on a shared machine)"
    )
