"""Shared fixtures: the seed, its gold, paths to the shared data (read in place), and the
sourcing tests' attributor and sentence builder (tests/test_sourcing*.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import analysis.paths as paths
from analysis.sentences import Sentence
from analysis.sourcing import SourceAttributor

REPO = Path(__file__).resolve().parents[1]
FRAMING_BIN = Path(sys.executable).with_name("framing")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return paths.seed_article_path()


@pytest.fixture(scope="session")
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold_path() -> Path:
    return paths.seed_gold_path()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    p = paths.shared_corpus_path()
    if p is None or not Path(p).exists():
        pytest.skip("shared corpus not available (set FRAMING_CORPUS or place ../shared)")
    return Path(p)


@pytest.fixture(scope="session")
def shared_dev_gold() -> Path:
    p = paths.shared_gold_dev_path()
    if p is None:
        pytest.skip("shared dev gold not available")
    return p


@pytest.fixture
def framing_cli():
    """Run the installed ``framing`` console script in a subprocess."""
    import subprocess

    def run(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
        env = dict(os.environ)
        env.setdefault("MPLBACKEND", "Agg")
        return subprocess.run(
            [str(FRAMING_BIN), *args],
            cwd=cwd or REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )

    return run


@pytest.fixture(scope="module")
def at() -> SourceAttributor:
    """A default source attributor, one per test module (tests/test_sourcing*.py)."""
    return SourceAttributor()


def sents_of(*paragraphs: list[str] | str) -> tuple[list[Sentence], str]:
    """Sentences (with offsets and paragraph numbers) and the article text."""
    out, parts, pos = [], [], 0
    for p, para in enumerate(paragraphs):
        para = [para] if isinstance(para, str) else para
        if p:
            parts.append("\n\n")
            pos += 2
        for k, s in enumerate(para):
            if k:
                parts.append(" ")
                pos += 1
            out.append(Sentence(pos, pos + len(s), s, p))
            parts.append(s)
            pos += len(s)
    return out, "".join(parts)
