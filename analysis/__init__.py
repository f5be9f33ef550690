"""framing-analysis: how a news article frames a conflict and who it lets speak.

One obvious call per question::

    from analysis import load_article, split_sentences, score_article, compare
    scored = score_article("seeds/000_a4065e105c25a52d.txt")
    scored[["text", "frame", "source_type", "speaker"]]

Importing this package does no work: each public name is imported from its
module the first time it is used.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # articles and sentences
    "Article": "articles",
    "load_article": "articles",
    "load_corpus": "articles",
    "Sentence": "sentences",
    "split_sentences": "sentences",
    "SentenceSplitter": "sentences",
    # scoring
    "Scorer": "scoring",
    "score_sentences": "scoring",
    "score_article": "scoring",
    "score_corpus": "batch",
    "score_jsonl_to_parquet": "batch",
    "skipped_table": "batch",
    "FrameScorer": "framing",
    "load_lexicon": "framing",
    "load_camps": "camps",
    "score_frames": "framing",
    "SourceAttributor": "sourcing",
    "attribute_sentences": "sourcing",
    # learning and evaluation
    "LexiconFeatures": "learn",
    "FrameModel": "learn",
    "load_gold": "gold",
    "evaluate": "evaluate",
    "evaluate_sets": "evaluate",
    "cross_validate": "learn",
    # comparison, corpora, pictures, reports
    "profile_articles": "compare",
    "compare": "compare",
    "compare_coverage": "compare",
    "run_compare": "compare",
    "load_default_corpus": "corpora",
    "fetch_articles": "fetch",
    "render_article": "render",
    "save_article_html": "render",
    "ScoredArticle": "render",
    "build_report": "report",
    # errors
    "FramingError": "errors",
    "InputError": "errors",
    "InputWarning": "errors",
    "LexiconError": "errors",
    "Skipped": "errors",
}

__all__ = sorted(_EXPORTS)


class _Package(types.ModuleType):
    """The package module. ``compare`` and ``evaluate`` are public functions AND
    the names of their modules: when such a module is first imported, the
    import system sets the package attribute of that name to the module, and
    ``from analysis import compare`` would then give a module ("'module' object
    is not callable"), depending on what was imported before. The function
    stays the attribute; the modules are reached as ``from analysis.compare
    import ...`` or ``importlib.import_module("analysis.compare")``."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _EXPORTS.get(name) == name:
            value = getattr(value, name)  # the module has run: its function exists
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # cache: the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .articles import Article, load_article, load_corpus
    from .batch import score_corpus, score_jsonl_to_parquet, skipped_table
    from .camps import load_camps
    from .compare import compare, compare_coverage, profile_articles, run_compare
    from .corpora import load_default_corpus
    from .errors import FramingError, InputError, InputWarning, LexiconError, Skipped
    from .evaluate import evaluate, evaluate_sets
    from .fetch import fetch_articles
    from .framing import FrameScorer, load_lexicon, score_frames
    from .gold import load_gold
    from .learn import FrameModel, LexiconFeatures, cross_validate
    from .render import ScoredArticle, render_article, save_article_html
    from .report import build_report
    from .scoring import Scorer, score_article, score_sentences
    from .sentences import Sentence, SentenceSplitter, split_sentences
    from .sourcing import SourceAttributor, attribute_sentences
