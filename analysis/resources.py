"""Rules are data: load the package's CSV/TOML rule files, validated.

Every lexicon (frame cues, reporting verbs, roles, institutions, outlets,
sides) is a CSV file in ``analysis/lexicons/`` read with
``importlib.resources``; word lists are TOML arrays (``read_word_lists``).
Users extend any of them with a file of the same columns (or lists).
Validation names the file and the row::

    >>> read_rule_table("reporting_verbs.csv", required=["verb"])  # doctest: +SKIP
    [{'verb': 'say', ...}, ...]

A bad row raises :class:`analysis.errors.LexiconError`, e.g.
``frames.csv:14: weight 'high' is not a number``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from .errors import LexiconError

Row = dict[str, str]


def _read_text_package(name: str) -> str:
    return resources.files("analysis.lexicons").joinpath(name).read_text(encoding="utf-8")


def _read_source(source: str | Path, package: bool | None) -> tuple[str, str]:
    """(where, text) of a rules file: shipped in ``analysis/lexicons`` or a user's path
    (``package=None`` decides by whether ``source`` exists as a path)."""
    if package is None:
        package = not Path(source).exists()
    if package:
        where = f"analysis/lexicons/{source}"
        try:
            return where, _read_text_package(str(source))
        except FileNotFoundError as exc:
            raise LexiconError(where, "no such rules file in the package") from exc
    where = str(source)
    try:
        return where, Path(source).read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise LexiconError(where, "file not found") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(where, f"not UTF-8 text ({exc.reason})") from exc


def read_rule_table(
    source: str | Path,
    *,
    required: Iterable[str],
    optional: Iterable[str] = (),
    validate: Callable[[Row], str | None] | None = None,
    package: bool | None = None,
) -> list[Row]:
    """Read a CSV rules file into a list of dict rows (values stripped).

    ``source`` is the name of a file shipped in ``analysis/lexicons`` or a
    path to a user's file (``package=None`` decides by whether ``source``
    exists as a path). Lines starting with ``#`` and blank lines are
    comments. Unknown columns, missing required values and whatever
    ``validate(row)`` returns (an error message or None) raise
    :class:`LexiconError` naming the file and the 1-based line.
    """
    required = list(required)
    optional = list(optional)
    where, text = _read_source(source, package)
    lines = text.splitlines()
    # keep physical line numbers: feed csv only the non-comment lines, remember where they were
    kept = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    if not kept:
        raise LexiconError(where, "no header row")
    reader = csv.reader(io.StringIO("\n".join(ln for _, ln in kept)))
    rows_out: list[Row] = []
    header: list[str] | None = None
    for (lineno, _), values in zip(kept, reader, strict=False):
        if header is None:
            header = [h.strip() for h in values]
            unknown = [h for h in header if h not in required and h not in optional]
            if unknown:
                raise LexiconError(
                    where,
                    f"unknown column(s) {unknown}; allowed: {required + optional}",
                    line=lineno,
                )
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(where, f"missing column(s) {missing}; found {header}", line=lineno)
            continue
        if len(values) != len(header):
            raise LexiconError(
                where, f"expected {len(header)} fields ({', '.join(header)}), got {len(values)}", line=lineno
            )
        row = {h: v.strip() for h, v in zip(header, values, strict=True)}
        for c in optional:
            row.setdefault(c, "")
        empty = [c for c in required if not row[c]]
        if empty:
            raise LexiconError(where, f"empty required field(s) {empty}", line=lineno)
        if validate is not None:
            problem = validate(row)
            if problem:
                raise LexiconError(where, problem, line=lineno)
        row["_line"] = str(lineno)
        row["_file"] = where
        rows_out.append(row)
    return rows_out


def parse_float(row: Row, column: str, *, lo: float | None = None, hi: float | None = None) -> str | None:
    """Validation helper: None when ``row[column]`` is a number in range, else the message."""
    raw = row.get(column, "")
    try:
        value = float(raw)
    except ValueError:
        return f"{column} {raw!r} is not a number"
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return f"{column} {value} is outside [{lo}, {hi}]"
    return None


def read_word_lists(
    source: str | Path,
    *,
    known: Iterable[str],
    validate: Callable[[str, str], str | None] | None = None,
    package: bool | None = None,
) -> dict[str, list[str]]:
    """Read a TOML file of named word lists (``name = ["word", ...]``), validated.

    ``known`` are the list names allowed (a file may hold only some of them);
    ``validate(name, word)`` returns an error message or None. An unknown name,
    a value that is not a list of strings, an empty or repeated word raise
    :class:`LexiconError` naming the file, the line where the list starts and
    the key (``name[3]``: the 0-based position in the list)::

        >>> read_word_lists("my_words.toml", known=["speech_nouns"])  # doctest: +SKIP
        LexiconError: my_words.toml:4: speech_nouns[2]: 'rebuttal' is repeated
    """
    import tomllib

    known = list(known)
    where, text = _read_source(source, package)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(where, f"not valid TOML ({exc})") from exc
    out: dict[str, list[str]] = {}
    for name, words in data.items():
        at = re.search(rf"(?m)^[ \t]*[\"']?{re.escape(name)}[\"']?[ \t]*=", text)
        line = text.count("\n", 0, at.start()) + 1 if at else None  # (where the list starts)
        if name not in known:
            raise LexiconError(where, f"unknown word list {name!r}; known: {', '.join(known)}", line=line)
        if not isinstance(words, list):
            raise LexiconError(where, f"{name}: expected a list of strings, got {type(words).__name__}",
                               line=line)
        seen: set[str] = set()
        for i, w in enumerate(words):
            key = f"{name}[{i}]"
            if not isinstance(w, str):
                raise LexiconError(where, f"{key}: expected a string, got {type(w).__name__} {w!r}",
                                   line=line)
            if not w.strip():
                raise LexiconError(where, f"{key}: empty word", line=line)
            if w != w.strip():
                raise LexiconError(where, f"{key}: {w!r} has leading or trailing spaces", line=line)
            if w in seen:
                raise LexiconError(where, f"{key}: {w!r} is repeated", line=line)
            seen.add(w)
            problem = validate(name, w) if validate is not None else None
            if problem:
                raise LexiconError(where, f"{key}: {problem}", line=line)
        out[name] = words
    return out
