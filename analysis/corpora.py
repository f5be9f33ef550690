"""Reference corpora for ``framing compare``: the embedded default and the user's own.

The default works offline on a fresh machine: the *Lee background corpus*,
300 real ABC News (Australia) stories of 2001-2002 that ship inside the
``gensim`` package (``gensim/test/test_data/lee_background.cor``, one story
per line, no titles, dates or authors). It is filtered to conflict coverage
(Israeli-Palestinian, Afghanistan, India-Pakistan) by the keyword rule in
``analysis/lexicons/lee_conflict_terms.csv``:

* the story names at least ``min_concepts`` (2) distinct concepts of one
  conflict ("Arafat" and "Gaza"; "India" and "Indian" are one concept), and
* its lead (first two sentences) names a term of some listed conflict.

    >>> df = load_default_corpus()                 # doctest: +SKIP
    >>> df.loc[0, ["id", "outlet"]].tolist()       # doctest: +SKIP
    ['lee-0001', 'ABC News (Lee corpus)']

The file is found with ``importlib.util.find_spec("gensim")`` and read as
text, so gensim itself (slow to import) is never imported.

Whatever the reference, outputs must say plainly what it is:
:func:`describe_reference` gives that statement, :func:`resolve_corpus`
returns it with the articles.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import InputError
from .paths import ENV_CORPUS
from .resources import read_rule_table

#: Outlet name given to every story of the default corpus.
LEE_OUTLET = "ABC News (Lee corpus)"
#: File inside the gensim package.
LEE_FILE = ("test", "test_data", "lee_background.cor")
#: Rule file (package data) listing the conflict terms.
LEE_TERMS_FILE = "lee_conflict_terms.csv"
#: Minimum number of distinct concepts of one conflict a story must name.
MIN_CONCEPTS = 2
#: Number of leading sentences that must name a conflict term.
LEAD_SENTENCES = 2
#: Human names of the conflicts (keys are the ``conflict`` column of the rule file).
CONFLICT_NAMES = {
    "israel_palestine": "Israeli-Palestinian conflict",
    "afghanistan": "war in Afghanistan",
    "india_pakistan": "India-Pakistan crisis",
}
#: Title length (characters) before truncation with an ellipsis.
TITLE_CHARS = 90


@dataclass(frozen=True)
class ConflictTerm:
    """One row of the rule file: ``term`` names ``concept`` of ``conflict``."""

    conflict: str
    concept: str
    term: str


@dataclass(frozen=True)
class ConflictRule:
    """The compiled keyword rule: one regex per concept, grouped by conflict.

    >>> rule = load_conflict_rule()
    >>> rule.concepts("Israeli tanks entered Gaza overnight.")["israel_palestine"]
    ['gaza', 'israel']
    """

    terms: tuple[ConflictTerm, ...]
    min_concepts: int = MIN_CONCEPTS
    lead_sentences: int = LEAD_SENTENCES

    @property
    def _patterns(self) -> dict[tuple[str, str], re.Pattern[str]]:
        return _compile(self.terms)

    def concepts(self, text: str) -> dict[str, list[str]]:
        """Concepts named in ``text``, per conflict (sorted; conflicts with none omitted)."""
        found: dict[str, set[str]] = {}
        for (conflict, concept), pat in self._patterns.items():
            if pat.search(text):
                found.setdefault(conflict, set()).add(concept)
        return {c: sorted(v) for c, v in sorted(found.items())}

    def classify(self, text: str) -> str | None:
        """The conflict a story covers under the rule, or None when it is not kept.

        The conflict with most distinct concepts wins (ties: file order).
        """
        found = self.concepts(text)
        best = [(len(v), c) for c, v in found.items() if len(v) >= self.min_concepts]
        if not best:
            return None
        lead = " ".join(split_story(text)[: self.lead_sentences])
        if not self.concepts(lead):
            return None
        order = list(dict.fromkeys(t.conflict for t in self.terms))
        best.sort(key=lambda nc: (-nc[0], order.index(nc[1])))
        return best[0][1]


@lru_cache(maxsize=8)
def _compile(terms: tuple[ConflictTerm, ...]) -> dict[tuple[str, str], re.Pattern[str]]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for t in terms:
        grouped.setdefault((t.conflict, t.concept), []).append(t.term)
    return {
        key: re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) + r")(?![\w-])",
            re.IGNORECASE,
        )
        for key, ws in grouped.items()
    }


def load_conflict_rule(path: str | Path | None = None) -> ConflictRule:
    """Load the conflict-term rule (the shipped file, or a user's file of the same columns)."""

    def validate(row: dict[str, str]) -> str | None:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", row["conflict"]):
            return f"conflict {row['conflict']!r} must be a lowercase identifier"
        return None

    rows = read_rule_table(
        path if path is not None else LEE_TERMS_FILE,
        required=["conflict", "concept", "term"],
        validate=validate,
        package=path is None,
    )
    return ConflictRule(tuple(ConflictTerm(r["conflict"], r["concept"], r["term"]) for r in rows))


def split_story(text: str) -> list[str]:
    """The story's sentences (the package's splitter), for titles and leads.

    >>> split_story("Talks ended. Troops will deploy in Kabul.")
    ['Talks ended.', 'Troops will deploy in Kabul.']
    """
    from .sentences import split_sentences

    return [s.text for s in split_sentences(text)]


def title_from(text: str, limit: int = TITLE_CHARS) -> str:
    """The story's first sentence, cut at a word boundary to ``limit`` characters."""
    sents = split_story(text)
    first = sents[0] if sents else text.strip()
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "\u2026"


def lee_background_path() -> Path:
    """Where gensim's ``lee_background.cor`` is, without importing gensim.

    Raises :class:`InputError` when gensim (or the file) is not installed.
    """
    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("gensim", "the gensim package is not installed; the default corpus ships inside it")
    for loc in spec.submodule_search_locations:
        p = Path(loc).joinpath(*LEE_FILE)
        if p.is_file():
            return p
    raise InputError("gensim/" + "/".join(LEE_FILE), "not found in the installed gensim package")


def read_lee_background(path: str | Path | None = None) -> list[str]:
    """All stories of the Lee background corpus, one per line (blank lines dropped)."""
    p = Path(path) if path is not None else lee_background_path()
    text = p.read_text(encoding="utf-8", errors="replace")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def lee_conflict_table(path: str | Path | None = None, rule: ConflictRule | None = None) -> pd.DataFrame:
    """Every Lee story with the rule's verdict: ``line`` (1-based), ``conflict`` (or None),
    ``concepts`` (the concepts of the winning conflict), ``text``."""
    rule = rule or load_conflict_rule()
    rows = []
    for i, story in enumerate(read_lee_background(path), start=1):
        conflict = rule.classify(story)
        found = rule.concepts(story)
        rows.append(
            {
                "line": i,
                "conflict": conflict,
                "concepts": ", ".join(found.get(conflict, [])) if conflict else "",
                "text": story,
            }
        )
    return pd.DataFrame(rows)


@lru_cache(maxsize=1)
def _default_corpus_cached() -> pd.DataFrame:
    table = lee_conflict_table()
    kept = table[table["conflict"].notna()]
    df = pd.DataFrame(
        {
            "id": [f"lee-{n:04d}" for n in kept["line"]],
            "title": [title_from(t) for t in kept["text"]],
            "outlet": LEE_OUTLET,
            "author": None,
            "date": None,
            "url": None,
            "text": kept["text"].tolist(),
            "conflict": kept["conflict"].tolist(),
        }
    )
    df.attrs["skipped"] = []
    df.attrs["n_background"] = len(table)
    return df


def load_default_corpus() -> pd.DataFrame:
    """The embedded reference: conflict stories of the Lee corpus as an articles table.

    Columns ``id`` (``lee-NNNN``, the 1-based line in the file), ``title``
    (the first sentence, shortened), ``outlet`` ("ABC News (Lee corpus)"),
    ``author``/``date``/``url`` (None: the corpus has none), ``text`` and
    ``conflict`` (which conflict the rule assigned). Offline, no gensim import.
    """
    df = _default_corpus_cached()
    out = df.copy()
    out.attrs = dict(df.attrs)
    return out


def describe_reference(df: pd.DataFrame | None = None, *, source: str | None = None) -> str:
    """The plain statement of what the reference corpus is, for every output.

    ``df`` is the reference articles table; ``source`` the path it came from
    (None for the embedded default).
    """
    how = (
        "To compare against coverage of your own conflict and period, pass your articles with "
        "--corpus PATH (a folder of .txt/.json files, a .jsonl or a .csv with a 'text' column), "
        f"set the {ENV_CORPUS} environment variable, or download pages first with "
        "'framing fetch URL... -o DIR' and pass that folder."
    )
    n = 0 if df is None else len(df)
    if source is None:
        counts = ""
        if df is not None and "conflict" in df.columns:
            parts = [f"{k} {CONFLICT_NAMES.get(c, c)}" for c, k in df["conflict"].value_counts().items()]
            counts = f" ({', '.join(parts)})"
        total = df.attrs.get("n_background", 300) if df is not None else 300
        return (
            f"Reference: the embedded default corpus, {n} ABC News (Australia) stories from "
            f"2001-2002 on OTHER conflicts{counts}, selected from the {total} stories of the Lee "
            "background corpus shipped with gensim by a keyword rule (at least two distinct "
            "terms of one conflict, and a conflict term in the lead; see "
            "analysis/lexicons/lee_conflict_terms.csv). It is a different conflict, period, "
            "outlet and genre (short wire-style radio news) from most articles you will analyse, "
            "so percentiles against it say how an article compares with that coverage, not with "
            "coverage of the same war. The shares by side (US, Russian, Ukrainian, ...) are coded "
            "for the Russia-Ukraine war and mean little against this reference. " + how
        )
    outlets = ""
    if df is not None and "outlet" in df.columns:
        outlets = _outlets_phrase(df["outlet"])
    dates = ""
    if df is not None and "date" in df.columns:
        d = pd.to_datetime(df["date"], errors="coerce", format="mixed").dropna()
        if len(d):
            dates = f", dated {d.min():%Y-%m-%d} to {d.max():%Y-%m-%d}"
    return f"Reference: {n} article{'s' if n != 1 else ''}{outlets}{dates}, read from {source}. " + how


def _outlets_phrase(outlet: pd.Series) -> str:
    """' from K outlets' for the statement, the articles without an outlet (a missing
    or blank value) counted apart, never as one more outlet.

    >>> _outlets_phrase(pd.Series(["A", "B", None, "A", " ", None, "B"]))
    ' from 2 outlets (3 without an outlet)'
    >>> _outlets_phrase(pd.Series([None, None]))
    ' without an outlet'
    """
    named = outlet.dropna().astype(str).str.strip()
    named = named[named != ""]
    k = named.nunique()
    n_without = len(outlet) - len(named)
    if k == 0:
        return " without an outlet" if n_without else ""
    phrase = f" from {k} outlet{'s' if k != 1 else ''}"
    if n_without:
        phrase += f" ({n_without} without an outlet)"
    return phrase


def resolve_corpus(path: str | Path | None = None) -> tuple[pd.DataFrame, str]:
    """The reference articles and the statement describing them.

    ``path`` None means ``$FRAMING_CORPUS`` when set, else the embedded default.
    A path is loaded with ``analysis.articles.load_corpus`` (folder, .jsonl, .csv).
    """
    import os

    if path is None:
        env = os.environ.get(ENV_CORPUS)
        if env:
            path = env
    if path is None:
        df = load_default_corpus()
        return df, describe_reference(df)
    from .articles import load_corpus

    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "no such corpus file or folder")
    df = load_corpus(p)
    return df, describe_reference(df, source=str(p))
