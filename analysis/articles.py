"""Articles in: one record per article, from text files, web pages, JSON and corpora.

An :class:`Article` is a small frozen record (id, title, outlet, author, date,
url, text, plus where it came from, its language and what was repaired while
loading it). :func:`load_article` reads one file; :func:`load_corpus` reads a
folder, a ``.jsonl`` or a ``.csv`` into a DataFrame and reports everything it
skipped or repaired in ``df.attrs["skipped"]``::

    >>> art = Article.from_text("Talks resume in Geneva\\n\\nDiplomats met on Friday, officials said.")
    >>> art.title
    'Talks resume in Geneva'
    >>> art.text.split("\\n\\n")[1]
    'Diplomats met on Friday, officials said.'

Formats (see :func:`load_article`): ``.txt`` (optional ``---`` front matter,
a first line without final punctuation is the title, a ``<stem>.meta.json``
sidecar adds metadata), ``.md`` (markdown syntax removed), ``.html``/``.htm``
(main text and metadata extracted with trafilatura), ``.json`` (one article
object). The text keeps paragraphs separated by blank lines.

**Offsets** (sentence ``start``/``end``) refer to ``Article.text``: the
decoded text with line endings normalised to ``\\n``, NUL characters removed,
surrounding whitespace stripped, front matter removed (and, for markdown and
HTML, markup removed). The title line of a ``.txt`` file stays in the text, as
the seed's gold offsets expect.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import os
import re
import warnings
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from html import unescape
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import (
    EmptyInputError,
    InputError,
    InputWarning,
    MalformedRecordError,
    MissingColumnError,
    Skipped,
    UnsupportedFormatError,
)
from .textio import MAX_FILE_BYTES, is_missing, normalise_text, read_text_file, without_surrogates

#: Suffixes :func:`load_article` reads (one article per file).
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json")
#: Suffixes :func:`load_corpus` reads as many articles per file (a folder is a corpus too).
CORPUS_SUFFIXES = (".jsonl", ".csv")
#: A metadata sidecar: ``story.meta.json`` beside ``story.txt``.
SIDECAR_SUFFIX = ".meta.json"

#: Metadata fields (str or None).
META_FIELDS = ("title", "outlet", "author", "date", "url")
#: Columns of the DataFrame :func:`load_corpus` returns, in order.
CORPUS_COLUMNS = ["id", "title", "outlet", "author", "date", "url", "text", "path", "language"]

# Other names a field goes by in real data (front matter, JSON keys, CSV headers).
# The text itself has no alias on purpose: a CSV whose body column is called
# "body" should be renamed by the user, not guessed at.
_ALIASES = {
    "headline": "title",
    "byline": "author",
    "authors": "author",
    "publisher": "outlet",
    "sitename": "outlet",
    "site_name": "outlet",
    "link": "url",
    "published": "date",
    "lang": "language",
}
# Keys that are known and deliberately not carried into the Article: no warning.
# ("conflict" is the column the package's own corpora add: load_default_corpus.)
_QUIET_KEYS = {"fetched_at", "notes", "note", "comment", "comments", "path", "conflict"}
_RECORD_KEYS = {"id", *META_FIELDS, "text", "language"}

_FINAL_PUNCT = ".!?;:,…"
_CLOSERS = "\"'”’»)]"
_MAX_TITLE_CHARS = 250


# ----------------------------------------------------------------- the record


@dataclass(frozen=True)
class Article:
    """One article: metadata (str or None), the text, and where it came from.

    ``warnings`` lists what was repaired while loading (``Skipped`` records
    of kind ``"warning"``, e.g. "not valid UTF-8; decoded as cp1252" or
    "article looks like German (de), not English; scores assume English").
    """

    id: str
    title: str | None
    outlet: str | None
    author: str | None
    date: str | None
    url: str | None
    text: str
    path: str | None = None
    language: str | None = None
    warnings: tuple[Skipped, ...] = ()

    @classmethod
    def from_text(
        cls,
        text: str,
        id: str | None = None,  # noqa: A002 - the field is called id
        *,
        title: str | None = None,
        outlet: str | None = None,
        author: str | None = None,
        date: str | None = None,
        url: str | None = None,
        path: str | None = None,
        language: str | None = None,
        warnings: Iterable[Skipped] = (),
    ) -> Article:
        """An article from a string (pasted text, a database cell, ...).

        ``id`` defaults to a stable short hash of the text; ``title`` to the
        first line when it has no final punctuation (as for ``.txt`` files);
        ``language`` to what :func:`detect_language` finds. Line endings are
        normalised and surrounding whitespace stripped (offsets refer to the
        result). Empty text raises :class:`EmptyInputError`.

        >>> Article.from_text("Kyiv and Moscow trade accusations over stalled talks.").title is None
        True
        """
        return _make_article(
            text,
            where=path or "<text>",
            line=None,
            meta={
                "id": id,
                "title": title,
                "outlet": outlet,
                "author": author,
                "date": date,
                "url": url,
            },
            path=path,
            language=language,
            repairs=list(warnings),
        )

    def metadata(self) -> dict[str, Any]:
        """All fields but ``text`` and ``warnings``."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("text", "warnings")
        }

    def as_record(self) -> dict[str, Any]:
        """The row of the corpus table: id, title, outlet, author, date, url, text, path, language."""
        return {c: getattr(self, c) for c in CORPUS_COLUMNS}


def text_id(text: str) -> str:
    """A stable short id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def guess_title(text: str) -> str | None:
    """The first line, when it reads like a headline: no final punctuation, not too
    long, and more text after it.

    >>> guess_title("Ceasefire talks stall in Istanbul\\n\\nNegotiators left without a deal.")
    'Ceasefire talks stall in Istanbul'
    >>> guess_title("Negotiators left without a deal.\\n\\nTalks may resume.") is None
    True
    """
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if not first or not rest.strip() or len(first) > _MAX_TITLE_CHARS:
        return None
    core = first.rstrip(_CLOSERS).rstrip()
    if not core or core[-1] in _FINAL_PUNCT:
        return None
    return first


# ------------------------------------------------------------------- language

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LANG_NAMES = {
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian",
    "cs": "Czech", "sk": "Slovak", "ro": "Romanian", "hu": "Hungarian", "tr": "Turkish",
    "ar": "Arabic", "he": "Hebrew", "fa": "Persian", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish",
    "el": "Greek", "bg": "Bulgarian", "sr": "Serbian", "hr": "Croatian", "lt": "Lithuanian",
    "lv": "Latvian", "et": "Estonian", "ka": "Georgian", "hy": "Armenian", "und": "an unknown language",
}  # fmt: skip
#: Share of English function words above which a text is English without further checks.
ENGLISH_SHARE = 0.15
#: Fewest words for a language verdict; shorter texts get ``None``.
MIN_WORDS = 8
#: Characters looked at (~800 words): the share of function words settles long
#: before that, and a corpus of long articles should not pay to read each one twice.
_LANG_SAMPLE = 5_000


@functools.cache
def _english_words() -> frozenset[str]:
    from .resources import read_rule_table

    rows = read_rule_table("english_function_words.csv", required=["word"])
    return frozenset(r["word"].lower() for r in rows)


@functools.cache
def _identifier():
    """py3langid's model (shipped inside the package, ~0.7 s to load once); None if absent."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:  # pragma: no cover - py3langid is a core dependency
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, ``"en"`` for English, None when too short to tell.

    First a cheap check: English news prose has 30-50% function words
    ("the", "of", "said", ... from ``lexicons/english_function_words.csv``);
    above :data:`ENGLISH_SHARE` the text is English. Otherwise the offline
    py3langid model decides (it needs no download; its model ships in the wheel).

    >>> detect_language("The talks ended without a deal, officials said on Friday.")
    'en'
    >>> detect_language("Die Gespräche endeten am Freitag ohne eine Einigung, sagten Beamte.")
    'de'
    """
    sample = text[:_LANG_SAMPLE]
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return None
    english = _english_words()
    share = sum(1 for w in words if w in english) / len(words)
    if share >= ENGLISH_SHARE:
        return "en"
    ident = _identifier()
    if ident is None:  # pragma: no cover - fallback without the model
        return "und" if share < 0.05 and len(words) >= 30 else None
    lang, prob = ident.classify(sample)
    if lang == "en":
        return "en"
    return lang if prob >= 0.8 else None


def _language_warning(lang: str | None, where: str, line: int | None) -> Skipped | None:
    if not lang or lang == "en" or lang.lower().startswith("en"):
        return None
    name = _LANG_NAMES.get(lang.lower().split("-")[0], lang)
    return Skipped(
        source=where,
        line=line,
        kind="warning",
        reason=f"article looks like {name} ({lang}), not English; scores assume English",
    )


# ------------------------------------------------------------------- building


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "an int", "a list"."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _coerce(
    value: Any, key: str, where: str, line: int | None, repairs: list[Skipped]
) -> str | None:
    """A metadata value as str or None (numbers become text, lists are joined)."""
    if is_missing(value):
        return None
    if isinstance(value, bool):
        value = str(value).lower()
    if isinstance(value, int | float):
        value = str(value)
    if isinstance(value, list | tuple) and all(isinstance(v, str | int | float) for v in value):
        value = ", ".join(str(v).strip() for v in value if str(v).strip())
    if not isinstance(value, str):
        repairs.append(
            Skipped(
                where,
                f"field {key!r} is {_a(type(value).__name__)}, not text; ignored",
                line,
                "warning",
            )
        )
        return None
    value, n = without_surrogates(" ".join(value.split()))
    if n:
        repairs.append(Skipped(where, f"field {key!r}: replaced {n} lone surrogate(s) with U+FFFD", line, "warning"))
    if value.lower() in ("", "null", "none", "~", "nan"):
        return None
    return value


#: a letter or a digit, of any script: a text without one holds no words to score
_WORD_CHAR = re.compile(r"[^\W_]")


def _make_article(
    text: Any,
    *,
    where: str,
    line: int | None,
    meta: dict[str, Any],
    path: str | None,
    language: str | None,
    repairs: list[Skipped],
    guess: bool = True,
) -> Article:
    problem = text_problem(text)
    if problem is not None:
        raise MalformedRecordError(where, problem, line)
    text, more = normalise_text(text, where)
    if line is not None:
        more = [replace(r, line=line) for r in more]
    repairs = repairs + more
    text = text.strip()
    if not text:
        raise EmptyInputError(where, "empty text", line)
    if _WORD_CHAR.search(text) is None:  # "\x01\x02" of a tiny binary file, "* * *", "—"
        raise EmptyInputError(
            where, "no words in the text (only punctuation, symbols or control characters)", line
        )
    clean = {k: _coerce(meta.get(k), k, where, line, repairs) for k in ("id", *META_FIELDS)}
    if clean["title"] is None and guess:
        clean["title"] = guess_title(text)
    article_id = clean["id"] or text_id(text)
    lang = _coerce(language, "language", where, line, repairs) or detect_language(text)
    flag = _language_warning(lang, where, line)
    if flag is not None:
        repairs.append(flag)
    return Article(
        id=article_id,
        title=clean["title"],
        outlet=clean["outlet"],
        author=clean["author"],
        date=clean["date"],
        url=clean["url"],
        text=text,
        path=path,
        language=lang,
        warnings=tuple(repairs),
    )


def field_key(name: Any) -> str:
    """The record field a JSON key or a column name stands for: case and surrounding
    spaces do not matter and other names are resolved (:data:`_ALIASES`). Every reader
    (``load_corpus``, ``load_article``, ``score_corpus``, the streaming path) uses it.

    >>> field_key(" Text "), field_key("ID"), field_key("Headline"), field_key("mood")
    ('text', 'id', 'title', 'mood')
    """
    key = str(name).strip().lower()
    return _ALIASES.get(key, key)


def unknown_fields_note(names: Iterable[str], what: str) -> str:
    """The warning about fields (``what``: "field" or "column") no reader knows."""
    return (
        f"ignored unknown {what}(s): {', '.join(sorted(names))} "
        f"(known: {', '.join(['id', *META_FIELDS, 'text', 'language'])})"
    )


def split_record(
    obj: Mapping[Any, Any], carry: Collection[str] = ()
) -> tuple[dict[str, Any], list[str]]:
    """Map a JSON object / CSV row onto the record keys (:func:`field_key`; the first
    non-null value of a field wins); return (fields, unknown keys). ``carry``: quiet
    keys kept as well (``path``)."""
    out: dict[str, Any] = {}
    unknown: list[str] = []
    for raw_key, value in obj.items():
        key = field_key(raw_key)
        if key in _RECORD_KEYS or key in carry:
            if out.get(key) is None:
                out[key] = value
        elif key not in _QUIET_KEYS:
            unknown.append(str(raw_key))
    return out, unknown


def field_columns(
    names: Sequence[Any], carry: Collection[str] = ()
) -> tuple[dict[str, int], list[str], list[tuple[str, str]]]:
    """The columns of a table of articles, read as :func:`split_record` reads keys:
    for each field the position of its column (a column spelt exactly as the field,
    else the first of the others that stand for it), the unknown columns, and the
    columns left over because another column gives their field (with that field).

    >>> field_columns(["ID", "Text", "text", "mood", "notes"])
    ({'id': 0, 'text': 2}, ['mood'], [('Text', 'text')])
    """
    groups: dict[str, list[int]] = {}
    unknown: list[str] = []
    for i, name in enumerate(names):
        key = field_key(name)
        if key in _RECORD_KEYS or key in carry:
            groups.setdefault(key, []).append(i)
        elif key not in _QUIET_KEYS:
            unknown.append(str(name))
    out: dict[str, int] = {}
    spare: list[tuple[str, str]] = []
    for key, group in groups.items():
        exact = [i for i in group if names[i] == key]
        out[key] = exact[0] if exact else group[0]
        spare += [(str(names[i]), key) for i in group if i != out[key]]
    return out, unknown, spare


def text_problem(value: Any) -> str | None:
    """Why a record's text value cannot be an article's text (None for a string, even
    a blank one: that is "empty text" once normalised).

    >>> text_problem(None), text_problem(42), text_problem(["a", "b"]), text_problem("x")
    ('text is null', 'text is an int, not a string', 'text is a list, not a string', None)
    """
    if isinstance(value, str):
        return None
    if value is None:
        return "text is null"
    return f"text is {_a(type(value).__name__)}, not a string"


# -------------------------------------------------------------- format readers

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_LINE = re.compile(r"^([A-Za-z_][\w\- ]*?)\s*:\s*(.*)$")


def _unquote(v: str) -> str:
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        return v[1:-1]
    return v


def parse_front_matter(text: str, where: str) -> tuple[dict[str, Any], str, list[Skipped]]:
    """Split YAML-ish front matter (``key: value`` lines between ``---`` lines) off a text.

    Returns (fields, body, repairs). Lists (``- item`` lines under a key with
    no value, or ``[a, b]``) are joined with ", ". A line that is not
    ``key: value`` is reported, not fatal.

    >>> meta, body, _ = parse_front_matter("---\\ntitle: Talks stall\\nauthor: Jane Roe\\n---\\nText.", "a.md")
    >>> meta, body
    ({'title': 'Talks stall', 'author': 'Jane Roe'}, 'Text.')
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text, []
    repairs: list[Skipped] = []
    meta: dict[str, Any] = {}
    last_key: str | None = None
    for offset, raw in enumerate(m.group(1).split("\n"), start=2):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s*-\s+(.*)$", line)
        if item and last_key is not None:
            prev = meta.get(last_key)
            meta[last_key] = [*(prev if isinstance(prev, list) else []), _unquote(item.group(1))]
            continue
        kv = _FM_LINE.match(line)
        if not kv:
            repairs.append(
                Skipped(
                    where,
                    f"front matter line is not 'key: value': {line.strip()[:60]!r}",
                    offset,
                    "warning",
                )
            )
            continue
        key, value = kv.group(1).strip().lower(), kv.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            meta[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            meta[key] = _unquote(value) if value else None
        last_key = key
    return meta, text[m.end() :], repairs


def _fields_from_meta(
    meta: dict[str, Any], where: str, repairs: list[Skipped], what: str
) -> dict[str, Any]:
    known, unknown = split_record(meta)
    if "text" in known:
        unknown.append("text")
        known.pop("text")
    if unknown:
        repairs.append(
            Skipped(where, f"ignored unknown {what} key(s): {', '.join(unknown)}", None, "warning")
        )
    return known


def _read_txt(raw: str, where: str) -> tuple[dict[str, Any], list[Skipped]]:
    meta, body, repairs = parse_front_matter(raw, where)
    out = _fields_from_meta(meta, where, repairs, "front matter")
    out["text"] = body
    return out, repairs


# --- markdown

_MD_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_MD_HR = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")

_URL = r"<?[^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*>?"
_LINK_TITLE = r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?"
_MD_INLINE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"!\[[^\]]*\]\(\s*" + _URL + _LINK_TITLE + r"\s*\)", ""),  # images: not article text
        (r"!\[[^\]]*\]\[[^\]]*\]", ""),
        (r"\[([^\]]*)\]\(\s*" + _URL + _LINK_TITLE + r"\s*\)", r"\1"),  # [text](url "title")
        (r"\[([^\]]+)\]\[[^\]]*\]", r"\1"),  # [text][ref]
        (r"<((?:https?|ftp)://[^>\s]+)>", r"\1"),  # <http://...>
        (r"<([^@<>\s]+@[^<>\s]+\.[^<>\s]+)>", r"\1"),  # <a@b.org>
        (r"<br\s*/?>", " "),
        (r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", ""),  # inline HTML tags
        (r"(?<![\w*])(\*\*\*|___)(?=\S)(.+?)(?<=\S)\1(?![\w*])", r"\2"),
        (r"(?<!\*)\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)", r"\1"),
        (r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])", r"\1"),
        (r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", r"\1"),
        (r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", r"\1"),
        (r"~~(?=\S)(.+?)(?<=\S)~~", r"\1"),
    )
)
_MD_CODE = re.compile(r"(`+)(.+?)\1")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|<\"'])")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")


def markdown_inline(s: str) -> str:
    """Inline markdown to plain text: emphasis, links, images, code, escapes, tags.

    >>> markdown_inline("The **EU** said [talks](https://eu.example/t) would *resume* on `Monday`.")
    'The EU said talks would resume on Monday.'
    """
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return f"\ue000{len(kept) - 1}\ue001"

    s = _MD_CODE.sub(lambda m: keep(m.group(2).strip()), s)
    s = _MD_ESCAPE.sub(lambda m: keep(m.group(1)), s)
    for pattern, repl in _MD_INLINE:
        s = pattern.sub(repl, s)
    while _PLACEHOLDER.search(s):
        s = _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], s)
    s = unescape(s)
    return re.sub(r"[ \t]{2,}", " ", s).strip()


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """Markdown to plain text with paragraphs separated by blank lines; also the
    first heading (the title, when front matter gives none).

    Headings, list items and block quotes each become a paragraph; soft-wrapped
    lines of a paragraph are joined with a space; fenced code keeps its lines;
    horizontal rules, link reference definitions, table rules and images go.

    >>> markdown_to_text("# Talks stall\\n\\nEnvoys *met* again\\nin Istanbul.\\n\\n- No deal was reached.")
    ('Talks stall\\n\\nEnvoys met again in Istanbul.\\n\\nNo deal was reached.', 'Talks stall')
    """
    blocks: list[str] = []
    para: list[str] = []
    heading: str | None = None
    fence: str | None = None
    code: list[str] = []

    def flush() -> None:
        if para:
            text = markdown_inline(" ".join(p.strip() for p in para))
            if text:
                blocks.append(text)
            para.clear()

    for line in md.split("\n"):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
                if code:
                    blocks.append("\n".join(code).strip("\n"))
                code = []
            else:
                code.append(line)
            continue
        fm = _MD_FENCE.match(line)
        if fm:
            flush()
            fence = fm.group(1)[0] * 3
            continue
        while _MD_QUOTE.match(line):
            line = _MD_QUOTE.sub("", line, count=1)
        if not line.strip():
            flush()
            continue
        if para and _MD_SETEXT.match(line):  # the paragraph above was a heading
            text = markdown_inline(" ".join(p.strip() for p in para))
            para.clear()
            if text:
                blocks.append(text)
                heading = heading or text
            continue
        if _MD_HR.match(line) or _MD_REFDEF.match(line) or _MD_TABLE_RULE.match(line):
            flush()
            continue
        hm = _MD_HEADING.match(line)
        if hm:
            flush()
            text = markdown_inline(hm.group(1) or "")
            if text:
                blocks.append(text)
                heading = heading or text
            continue
        im = _MD_ITEM.match(line)
        if im:
            flush()
            para.append(im.group(1))
            continue
        if line.strip().startswith("|"):  # a table row: one paragraph per row
            flush()
            row = markdown_inline(" ".join(c.strip() for c in line.strip().strip("|").split("|")))
            if row:
                blocks.append(row)
            continue
        para.append(line.rstrip("\\"))
    flush()
    if code:  # unclosed fence: keep the text
        blocks.append("\n".join(code).strip("\n"))
    return "\n\n".join(b for b in blocks if b.strip()), heading


def _read_md(raw: str, where: str) -> tuple[dict[str, Any], list[Skipped]]:
    meta, body, repairs = parse_front_matter(raw, where)
    out = _fields_from_meta(meta, where, repairs, "front matter")
    text, heading = markdown_to_text(body)
    out["text"] = text
    if out.get("title") is None and heading:
        out["title"] = heading
    return out, repairs


# --- HTML

_DROP_TAGS = (
    "script", "style", "iframe", "frame", "frameset", "noscript", "template",
    "object", "embed", "applet", "svg", "canvas", "math", "form", "button", "select",
    "nav", "aside", "menu", "footer",
)  # fmt: skip
_DROP_XPATH = " | ".join(
    "//script[not(@type='application/ld+json')]" if t == "script" else f"//{t}" for t in _DROP_TAGS
)

_DROP_FURNITURE_XPATH = "//header"


def _clean_html(html: str, where: str, drop_xpath: str = _DROP_XPATH) -> str:
    """Remove elements whose content is never article text (scripts, styles, iframes, ...)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise EmptyInputError(where, f"no HTML content ({exc})") from exc
    # JSON-LD stays: trafilatura reads author and date from it and never emits it as text
    for el in tree.xpath(drop_xpath):
        el.drop_tree()  # keeps the tail text that follows the element
    for el in tree.xpath("//comment() | //processing-instruction()"):
        parent = el.getparent()
        if parent is not None:
            el.drop_tree() if hasattr(el, "drop_tree") else parent.remove(el)
    return lxml_html.tostring(tree, encoding="unicode")


def html_fields(html: str, where: str, url: str | None = None) -> dict[str, Any]:
    """Main text and metadata of a web page (trafilatura), scripts/styles/iframes removed first.

    Returns a dict with text, title, author, date, outlet, url. Raises
    :class:`EmptyInputError` when the page holds no article text.
    """
    import trafilatura

    cleaned = _clean_html(html, where)
    doc = trafilatura.bare_extraction(
        cleaned, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        # pages without article structure (a bare <body><p>): trafilatura's baseline,
        # on the page without its page header (navigation and footers are gone already)
        _, text, _ = trafilatura.baseline(_clean_html(cleaned, where, _DROP_FURNITURE_XPATH))
    paragraphs = [" ".join(p.split()) for p in (text or "").split("\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise EmptyInputError(where, "no article text found in the HTML page")
    get = (lambda k: getattr(doc, k, None)) if doc is not None else (lambda k: None)
    return {
        "text": text,
        "title": get("title"),
        "author": get("author"),
        "date": get("date"),
        "outlet": get("sitename") or get("hostname"),
        "url": get("url") or url,
    }


def _read_html(raw: str, where: str) -> tuple[dict[str, Any], list[Skipped]]:
    return html_fields(raw, where), []


def article_from_html(
    html: str, *, where: str, url: str | None = None, path: str | None = None
) -> Article:
    """An :class:`Article` from the HTML of a page (used by ``fetch``); ``url`` is the
    page's address, used when the page names no canonical URL."""
    return _article_from_fields(
        html_fields(html, where, url=url), where=where, path=path, repairs=[]
    )


# --- JSON


def _read_json(raw: str, where: str) -> tuple[dict[str, Any], list[Skipped]]:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(
            where, f"malformed JSON: {exc.msg} (column {exc.colno})", exc.lineno
        ) from exc
    if isinstance(obj, list):
        raise MalformedRecordError(
            where,
            f"holds a JSON array of {len(obj)} item(s); a .json file is one article "
            "(put many articles in a .jsonl file, one object per line)",
        )
    if not isinstance(obj, dict):
        raise MalformedRecordError(
            where, f"holds a JSON {type(obj).__name__}, not an article object"
        )
    known, unknown = split_record(obj)
    if "text" not in known:
        raise MissingColumnError(
            where, f"no 'text' field; found: {', '.join(map(str, obj)) or 'nothing'}"
        )
    repairs: list[Skipped] = []
    if unknown:
        repairs.append(
            Skipped(where, f"ignored unknown key(s): {', '.join(unknown)}", None, "warning")
        )
    return known, repairs


_READERS = {
    ".txt": _read_txt,
    ".text": _read_txt,
    ".md": _read_md,
    ".markdown": _read_md,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
}


# ------------------------------------------------------------------- sidecars


def sidecar_path(path: str | Path) -> Path:
    """``story.meta.json`` for ``story.txt``."""
    p = Path(path)
    return p.with_name(p.stem + SIDECAR_SUFFIX)


def _read_sidecar(path: Path) -> tuple[dict[str, Any], list[Skipped]]:
    where = str(path)
    try:
        raw, repairs = read_text_file(path)
        obj = json.loads(raw)
    except (InputError, json.JSONDecodeError) as exc:
        return {}, [
            Skipped(
                where, f"metadata sidecar ignored: {getattr(exc, 'reason', exc)}", None, "warning"
            )
        ]
    if not isinstance(obj, dict):
        return {}, [Skipped(where, "metadata sidecar ignored: not a JSON object", None, "warning")]
    known = _fields_from_meta(obj, where, repairs, "sidecar")
    return known, repairs


def _article_from_fields(
    found: dict[str, Any],
    *,
    where: str,
    path: str | None,
    repairs: list[Skipped],
    line: int | None = None,
) -> Article:
    meta = {k: found.get(k) for k in ("id", *META_FIELDS)}
    return _make_article(
        found.get("text"),
        where=where,
        line=line,
        meta=meta,
        path=path,
        language=found.get("language"),
        repairs=repairs,
        # a record that says its title is null (JSON null, empty CSV cell) keeps it unknown;
        # only a text without any title field gets the first-line guess
        guess="title" not in found,
    )


def load_article(path: str | Path) -> Article:
    """Read one article file: ``.txt``, ``.md``, ``.html``/``.htm`` or ``.json``.

    Metadata comes from the file (front matter, the page's metadata, the JSON
    keys) and from a sidecar ``<stem>.meta.json`` beside it, whose non-null
    values take precedence. A ``.txt`` without a title in its metadata takes
    the first line when it has no final punctuation.

    >>> art = load_article("seeds/000_a4065e105c25a52d.txt")  # doctest: +SKIP
    >>> art.id, art.outlet, art.author, art.date  # doctest: +SKIP
    ('antiwar-blinken-lavrov-not-spoken', 'Antiwar.com', 'Dave DeCamp', None)

    Raises an :class:`InputError` subclass naming the file: missing file,
    folder, unsupported suffix, empty or binary content, malformed JSON, no
    text. Repairs (encoding, NUL bytes, unknown keys, non-English text) are in
    ``Article.warnings``.
    """
    p = Path(path)
    where = str(path)
    if p.is_dir():
        raise InputError(
            where, "is a folder; load it with load_corpus() (the CLI does that for folders)"
        )
    name = p.name.lower()
    if name.endswith(SIDECAR_SUFFIX):
        raise UnsupportedFormatError(
            where,
            f"is a metadata sidecar, not an article (it describes {p.name[: -len(SIDECAR_SUFFIX)]}.txt or similar)",
        )
    suffix = p.suffix.lower()
    if suffix in CORPUS_SUFFIXES:
        raise UnsupportedFormatError(where, f"is a corpus ({suffix}); load it with load_corpus()")
    if suffix not in _READERS:
        raise UnsupportedFormatError(
            where,
            f"unsupported format {suffix or '(no suffix)'}; articles: {', '.join(ARTICLE_SUFFIXES)}; "
            f"corpora: a folder, {', '.join(CORPUS_SUFFIXES)}",
        )
    raw, repairs = read_text_file(p)
    found, more = _READERS[suffix](raw, where)
    repairs += more
    side = sidecar_path(p)
    if side.is_file():
        extra, more = _read_sidecar(side)
        repairs += more
        for k, v in extra.items():
            if v is not None:
                found[k] = v
    return _article_from_fields(found, where=where, path=str(p), repairs=repairs)


# --------------------------------------------------------------------- corpora


class _Log:
    """Collects Skipped records; with on_error='raise' the first real skip is raised."""

    def __init__(self, on_error: str) -> None:
        if on_error not in ("skip", "raise"):
            raise ValueError(f"on_error must be 'skip' or 'raise', not {on_error!r}")
        self.raise_errors = on_error == "raise"
        self.items: list[Skipped] = []

    def skip(
        self, source: str, reason: str, line: int | None = None, exc: Exception | None = None
    ) -> None:
        if self.raise_errors:
            if isinstance(exc, InputError):
                raise exc
            raise InputError(source, reason, line)
        self.items.append(Skipped(source, reason, line, "skipped"))

    def warn(self, source: str, reason: str, line: int | None = None) -> None:
        self.items.append(Skipped(source, reason, line, "warning"))


_Row = tuple[Article, int | None]


def _records_to_articles(
    records: Iterator[tuple[int, Any]], where: str, log: _Log, what: str
) -> list[_Row]:
    """JSON objects / CSV rows (with their line numbers) to articles; bad ones logged."""
    out: list[_Row] = []
    unknown: dict[str, int] = {}
    for line, obj in records:
        if not isinstance(obj, dict):
            log.skip(where, f"not a JSON object (a {type(obj).__name__})", line)
            continue
        known, extra = split_record(obj)
        for k in extra:
            unknown[k] = unknown.get(k, 0) + 1
        if "text" not in known:
            log.skip(
                where, f"no 'text' {what}; found: {', '.join(map(str, obj)) or 'nothing'}", line
            )
            continue
        if known["text"] is None:  # an empty CSV cell is None too
            log.skip(where, "empty text" if what == "column" else "text is null", line)
            continue
        try:
            art = _article_from_fields(known, where=where, path=where, repairs=[], line=line)
        except InputError as exc:
            log.skip(where, exc.reason, line, exc)
            continue
        log.items.extend(art.warnings)  # non-English, NUL bytes, ... (as for files in a folder)
        out.append((art, line))
    if unknown:
        log.warn(where, unknown_fields_note(unknown, what))
    return out


def _read_jsonl(path: Path, log: _Log) -> list[_Row]:
    where = str(path)
    raw, repairs = read_text_file(path)
    log.items.extend(repairs)

    def records() -> Iterator[tuple[int, Any]]:
        for lineno, line in enumerate(raw.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                err = MalformedRecordError(
                    where, f"malformed JSON line: {exc.msg} (column {exc.colno})", lineno
                )
                log.skip(where, err.reason, lineno, err)

    return _records_to_articles(records(), where, log, "field")


def _read_csv(path: Path, log: _Log) -> list[_Row]:
    where = str(path)
    raw, repairs = read_text_file(path)
    log.items.extend(repairs)
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)  # a long article is one field
    first = raw.lstrip("\n").split("\n", 1)[0]
    delimiter = ","
    if "," not in first:
        delimiter = max(";\t|", key=first.count) if any(c in first for c in ";\t|") else ","
    reader = csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str | None]]] = []
    start = 1
    try:
        for values in reader:
            line, start = start, reader.line_num + 1
            if not values or not any(v.strip() for v in values):
                continue
            if header is None:
                header = [v.strip() for v in values]
                keys = {field_key(h) for h in header}
                if "text" not in keys:
                    raise MissingColumnError(
                        where,
                        f"no 'text' column; found: {', '.join(header)} "
                        "(rename the column that holds the article text to 'text')",
                        line,
                    )
                continue
            if len(values) != len(header):
                log.skip(
                    where, f"row has {len(values)} field(s); the header has {len(header)}", line
                )
                continue
            rows.append(
                (line, {h: (v if v.strip() else None) for h, v in zip(header, values, strict=True)})
            )
    except csv.Error as exc:
        raise MalformedRecordError(where, f"malformed CSV: {exc}", reader.line_num) from exc
    if header is None:
        raise EmptyInputError(where, "no header row")
    if start - 1 > line and _open_quote(raw, line, delimiter):
        log.warn(
            where,
            f"a quoted field opened in the record of line {line} is never closed: lines {line}"
            f"-{start - 1}, to the end of the file, were read as that one record (rows among "
            "them are not articles of their own); check the file's quotes",
            line,
        )
    return _records_to_articles(iter(rows), where, log, "column")


def _open_quote(raw: str, line: int, delimiter: str) -> bool:
    """Whether the CSV record that starts on ``line`` (1-based) of ``raw`` runs to the end of
    the file inside a quoted field (the lenient reader ends it there, without a word)."""
    tail = "\n".join(raw.split("\n")[line - 1 :])
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$") or name.endswith("~")


#: The mark every HTML page this package writes carries in its ``<head>`` (the annotated
#: article, the report's index and pages): a corpus folder reader knows them by it.
GENERATOR_META = '<meta name="generator" content="framing-analysis">'
#: How a skipped item that this package wrote itself is reported (its reason starts so).
OWN_OUTPUT = "written by framing-analysis"
# pages written before GENERATOR_META: their Content-Security-Policy (no scripts, inline
# styles, data: images only) is this package's, not a saved news page's
_OWN_CSP_RE = re.compile(
    r'<meta\s(?=[^>]*\bhttp-equiv="Content-Security-Policy")(?=[^>]*\bcontent="default-src '
    r"'none'; style-src 'unsafe-inline'; img-src data:;[^\"]*form-action 'none'\")[^>]*>"
)
# the mark in any order of its attributes (nbconvert's pages write content= first)
_GENERATOR_RE = re.compile(
    r'<meta\s(?=[^>]*\bname="generator")(?=[^>]*\bcontent="framing-analysis")[^>]*>'
)
# a table of sentences (framing score / framing sentences, compare's article_strip and
# drivers): one row per sentence, not per article
_SENTENCE_TABLE_KEYS = {"sentence", "text"}
# a folder 'framing compare' wrote into (its other files: compare.is_output_file)
_COMPARE_FOLDER_MARKS = ("profiles.csv", "comparison.csv", "summary.txt")
_SKIPPED_KEYS = {"source", "reason", "line", "kind"}
_REPORT_KEYS = {"article", "corpus", "pages"}  # (older ones have no "skipped")


def _head_bytes(path: Path, n: int = 65_536) -> str:
    try:
        with path.open("rb") as fh:
            return fh.read(n).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _own_html(path: Path) -> bool:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return False
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return False
    end = text.find("<body")
    head = text if end < 0 else text[:end]  # nbconvert pages: the mark follows their styles
    return _GENERATOR_RE.search(head) is not None or _OWN_CSP_RE.search(head) is not None


def _table_keys(path: Path, suffix: str) -> set[str]:
    """The column names of a CSV (its header) or a JSON Lines file (its first record)."""
    lines = [ln for ln in _head_bytes(path).lstrip("\ufeff").split("\n") if ln.strip()]
    if not lines:
        return set()
    first = lines[0].rstrip("\r")
    if suffix == ".jsonl":
        try:
            obj = json.loads(first)
        except json.JSONDecodeError:
            return set()
        return {field_key(k) for k in obj} if isinstance(obj, dict) else set()
    delimiter = ","
    if "," not in first:
        delimiter = max(";\t|", key=first.count) if any(c in first for c in ";\t|") else ","
    try:
        header = next(csv.reader([first], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return set()
    return {field_key(h) for h in header}


def _own_json(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".skipped.json"):  # 'framing score -o scored.csv' writes scored.skipped.json
        name = "skipped.json"
    if name not in ("skipped.json", "report.json"):
        return None
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        obj = json.loads(path.read_bytes().decode("utf-8", errors="replace"))
    except (OSError, ValueError):
        return None
    if name == "skipped.json" and isinstance(obj, list) and all(
        isinstance(o, dict) and set(o) == _SKIPPED_KEYS for o in obj
    ):
        return "the list of what a run skipped"
    if name == "report.json" and isinstance(obj, dict) and _REPORT_KEYS <= set(obj):
        return "the record of a 'framing report' run"
    return None


def own_output(path: str | Path, compare_folder: bool = False) -> str | None:
    """Why ``path`` is a file this package wrote (and no article), or None: a page of the
    HTML report or an annotated article (:data:`GENERATOR_META`), a table of sentences
    (``framing score`` / ``framing sentences`` output, compare's sentence charts), a
    ``skipped.json`` / ``report.json``, or, with ``compare_folder`` (the folder holds
    ``framing compare``'s profiles.csv, comparison.csv and summary.txt), its text files and
    the CSV of its charts. The reason starts with :data:`OWN_OUTPUT`."""
    p = Path(path)
    suffix = p.suffix.lower()
    what = None
    if suffix in (".html", ".htm") and _own_html(p):
        what = "an HTML page of its report or annotated article"
    elif suffix in CORPUS_SUFFIXES and _SENTENCE_TABLE_KEYS <= (keys := _table_keys(p, suffix)) and (
        keys & {"article_id", "frame"}
    ):
        what = "a table of sentences ('framing score' or 'framing sentences' output), one row per sentence"
    elif suffix == ".json":
        what = _own_json(p)
    if what is None and compare_folder and suffix != ".html":
        from .compare import is_output_file  # (here: compare needs numpy)

        if is_output_file(p):
            what = "an output of 'framing compare' (its folder holds profiles.csv, comparison.csv and summary.txt)"
    return None if what is None else f"{OWN_OUTPUT}: {what}, not an article; not read"


def _read_folder(root: Path, log: _Log) -> list[_Row]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        for d in list(dirnames):
            if _is_hidden(d):
                dirnames.remove(d)
                log.skip(str(here / d), "hidden folder not read")
            elif (here / d).is_symlink():  # os.walk would pass over it without a word
                dirnames.remove(d)
                log.skip(str(here / d), "symbolic link to a folder not followed (could loop)")
        for name in filenames:
            if _is_hidden(name):
                log.skip(str(here / name), "hidden or backup file not read")
            else:
                files.append(here / name)
    files.sort(key=lambda q: q.relative_to(root).parts)
    stems = {
        (q.parent, q.stem)
        for q in files
        if q.suffix.lower() in _READERS and not q.name.lower().endswith(SIDECAR_SUFFIX)
    }
    names: dict[Path, set[str]] = {}
    for q in files:
        names.setdefault(q.parent, set()).add(q.name)
    compare_folders = {d for d, ns in names.items() if all(m in ns for m in _COMPARE_FOLDER_MARKS)}
    out: list[_Row] = []
    for f in files:
        where = str(f)
        lower = f.name.lower()
        ours = own_output(f, f.parent in compare_folders)
        if ours is not None:  # an earlier run's output inside the corpus folder
            log.items.append(Skipped(where, ours, None, "skipped"))  # never raised: no error
            continue
        if lower.endswith(SIDECAR_SUFFIX):
            if (f.parent, f.name[: -len(SIDECAR_SUFFIX)]) not in stems:
                log.skip(where, "metadata sidecar without an article beside it")
            continue  # read by load_article with its article
        suffix = f.suffix.lower()
        try:
            if suffix in _READERS:
                art = load_article(f)
                log.items.extend(art.warnings)
                out.append((art, None))
            elif suffix in CORPUS_SUFFIXES:
                out.extend(_read_jsonl(f, log) if suffix == ".jsonl" else _read_csv(f, log))
            else:
                log.skip(
                    where,
                    f"not an article format ({suffix or 'no suffix'}); "
                    f"read: {', '.join(ARTICLE_SUFFIXES + CORPUS_SUFFIXES)}",
                )
        except InputError as exc:
            log.skip(where, exc.reason, exc.line, exc)
    return out


def _dedupe(rows: list[_Row], log: _Log) -> list[Article]:
    taken = {a.id for a, _ in rows}
    first: dict[str, str] = {}
    out: list[Article] = []
    for art, line in rows:
        loc = art.path or "<text>"
        here = loc if line is None else f"{loc}:{line}"
        if art.id in first:
            n = 2
            while f"{art.id}~{n}" in taken:
                n += 1
            new = f"{art.id}~{n}"
            taken.add(new)
            log.warn(
                loc,
                f"duplicate id {art.id!r} (first at {first[art.id]}); both kept, this one renamed {new!r}",
                line,
            )
            art = replace(art, id=new)
        else:
            first[art.id] = here
        out.append(art)
    return out


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """The corpus table (:data:`CORPUS_COLUMNS`) for some articles.

    ``id``, ``text`` and ``path`` are strings; the metadata columns keep
    ``None`` for unknown values (object dtype), so ``row.title or ""`` works.
    """
    records = [a.as_record() for a in articles]
    df = pd.DataFrame(records, columns=CORPUS_COLUMNS, dtype=object)
    for col in ("id", "text"):
        df[col] = df[col].astype("str")
    return df


def summarise_skipped(skipped: list[Skipped], where: str) -> str:
    n_skip = sum(1 for s in skipped if s.kind == "skipped")
    n_warn = len(skipped) - n_skip
    return (
        f"{where}: {n_skip} item(s) skipped, {n_warn} repaired or flagged "
        "(details in df.attrs['skipped'])"
    )


def load_corpus(path: str | Path, *, on_error: str = "skip") -> pd.DataFrame:
    """Read many articles: a folder (recursive, mixed formats), a ``.jsonl`` or a ``.csv``.

    Returns a DataFrame with :data:`CORPUS_COLUMNS`, one row per article, in
    sorted file order (line order inside a file). Everything skipped (binary,
    empty or undecodable files, malformed JSON lines, rows without text) or
    repaired (encodings, duplicate ids renamed ``id~2``, non-English articles
    flagged, unknown columns ignored) is in ``df.attrs["skipped"]`` as
    :class:`Skipped` records, and an :class:`InputWarning` summarises them.
    ``on_error="raise"`` raises the first skip instead.

    A ``.csv`` without a ``text`` column raises :class:`MissingColumnError`
    naming the columns found; a corpus with no usable article raises
    :class:`EmptyInputError`.

    >>> df = load_corpus("my_articles/")  # doctest: +SKIP
    >>> df[["id", "outlet", "title"]].head()  # doctest: +SKIP
    """
    log = _Log(on_error)
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise InputError(where, "no such file or folder")
    suffix = p.suffix.lower()
    if p.is_dir():
        rows = _read_folder(p, log)
    elif suffix == ".jsonl":
        rows = _read_jsonl(p, log)
    elif suffix == ".csv":
        rows = _read_csv(p, log)
    elif suffix in _READERS and not p.name.lower().endswith(SIDECAR_SUFFIX):
        art = load_article(p)
        log.items.extend(art.warnings)
        rows = [(art, None)]
    else:
        raise UnsupportedFormatError(
            where,
            f"not a corpus ({suffix or 'no suffix'}); use a folder, {', '.join(CORPUS_SUFFIXES)} or an article file",
        )
    articles = _dedupe(rows, log)
    if not articles:
        reasons = "; ".join(str(s) for s in log.items if s.kind == "skipped")
        raise EmptyInputError(
            where, "no usable article" + (f" ({reasons[:500]})" if reasons else "")
        )
    df = articles_frame(articles)
    df.attrs["skipped"] = list(log.items)
    if log.items:
        warnings.warn(InputWarning(summarise_skipped(log.items, where)), stacklevel=2)
    return df
