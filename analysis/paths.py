"""Where things are: the repository, the seed, annotations, the shared data.

Nothing here touches the disk at import time; every function resolves its
path when called, so environment variables set later still apply.

    >>> seed_article_path().name
    '000_a4065e105c25a52d.txt'
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variables a user can set to point the package at data.
ENV_CORPUS = "FRAMING_CORPUS"  # a comparison corpus (folder, .jsonl or .csv)
ENV_SHARED = "FRAMING_SHARED"  # the team's read-only shared folder (gold, corpus, polnear)

SEED_NAME = "000_a4065e105c25a52d.txt"


def package_root() -> Path:
    """The ``analysis`` package folder."""
    return Path(__file__).resolve().parent


def repo_root() -> Path:
    """The repository (source checkout) root: the parent of ``analysis/``."""
    return package_root().parent


def seeds_dir() -> Path:
    return repo_root() / "seeds"


def seed_article_path() -> Path:
    """The seed article shipped in ``seeds/``."""
    return seeds_dir() / SEED_NAME


def annotations_dir() -> Path:
    return repo_root() / "data" / "annotations"


def seed_gold_path() -> Path:
    """Hand-labelled sentences of the seed (codebook format)."""
    return annotations_dir() / "seed.json"


def notebooks_dir() -> Path:
    return repo_root() / "notebooks"


def shared_dir() -> Path | None:
    """The shared data folder (``$FRAMING_SHARED`` or ``../shared`` beside the
    repository), or None when it is not there (e.g. a user's machine)."""
    env = os.environ.get(ENV_SHARED)
    candidates = [Path(env)] if env else []
    candidates.append(repo_root().parent / "shared")
    for c in candidates:
        if c.is_dir():
            return c
    return None


def shared_path(*parts: str) -> Path | None:
    """A file inside the shared folder, or None when it does not exist."""
    root = shared_dir()
    if root is None:
        return None
    p = root.joinpath(*parts)
    return p if p.exists() else None


def shared_corpus_path() -> Path | None:
    """``$FRAMING_CORPUS`` or the shared Russia–Ukraine corpus, read in place."""
    env = os.environ.get(ENV_CORPUS)
    if env:
        return Path(env)
    return shared_path("corpus", "articles.jsonl")


def shared_gold_dev_path() -> Path | None:
    return shared_path("gold", "dev.jsonl")


def polnear_path() -> Path | None:
    return shared_path("external", "polnear", "articles.jsonl")
