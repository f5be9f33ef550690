"""Bounded coverage-guided fuzzing of the loaders and the splitter (atheris).

Run by hand (not part of the test suite)::

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python scripts/fuzz.py --target split -- -max_total_time=120
    .venv/bin/python scripts/fuzz.py --target load  -- -max_total_time=120 -rss_limit_mb=2048
    .venv/bin/python scripts/fuzz.py --target score -- -runs=20000

Targets:

- ``split``: ``split_sentences`` on any decoded text; checks the offsets contract.
- ``load``: the raw bytes written as a ``.txt``, ``.md``, ``.html``, ``.json``, ``.jsonl``
  or ``.csv`` file (chosen by the first byte) and read with ``load_article`` /
  ``load_corpus``; only the package's own ``InputError`` family may escape.
- ``score``: ``score_article`` on any decoded text; one row per sentence, scores in range.

Whatever this finds is fixed and kept as a regression test in
``tests/test_fuzz_regressions.py``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from analysis.articles import Article, load_article, load_corpus
    from analysis.errors import InputError
    from analysis.scoring import score_article
    from analysis.sentences import split_sentences

SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".csv"]
TMP = Path(tempfile.mkdtemp(prefix="framing-fuzz-"))
warnings.simplefilter("ignore")


def _text(data: bytes) -> str:
    return atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))


def fuzz_split(data: bytes) -> None:
    text = _text(data)
    prev_end = 0
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text, (s, text)
        assert s.text and not s.text[0].isspace() and not s.text[-1].isspace(), s
        assert s.start >= prev_end, s
        prev_end = s.end


def fuzz_load(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = TMP / f"case{suffix}"
    path.write_bytes(data[1:])
    try:
        if suffix in (".jsonl", ".csv"):
            df = load_corpus(path)
            assert "text" in df.columns
        else:
            art = load_article(path)
            assert isinstance(art.text, str) and art.text.strip()
    except InputError:
        pass  # a clear, typed error is the contract for bad input


def fuzz_score(data: bytes) -> None:
    text = _text(data)
    if not text.strip():
        return
    try:
        article = Article.from_text(text)
    except InputError:
        return  # e.g. only NUL bytes: empty once cleaned, a typed error by contract
    df = score_article(article)
    assert len(df) == len(split_sentences(article.text))
    for row in df.itertuples():
        assert article.text[row.start : row.end] == row.text
    assert df["diplomacy_score"].between(0, 1).all() and df["escalation_score"].between(0, 1).all()


TARGETS = {"split": fuzz_split, "load": fuzz_load, "score": fuzz_score}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--target", choices=sorted(TARGETS), required=True)
    args, rest = ap.parse_known_args()
    if rest and rest[0] == "--":
        rest = rest[1:]
    if not any(a.startswith(("-max_total_time", "-runs")) for a in rest):
        rest.append("-max_total_time=60")  # always bounded
    atheris.Setup([sys.argv[0], *rest], TARGETS[args.target])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
