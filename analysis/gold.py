"""Gold sentences in the codebook format: load them, find their articles.

A gold file is either one JSON object (an article) or JSON Lines (one
article a line). Each article: ``{"id", "source", "outlet", "title",
"sentences": [{"start", "end", "text", "diplomacy", "escalation",
"source_type", "speaker", ...}]}``. ``source`` says where the full text is:
``seed`` (the shipped seed article), ``corpus:<id>`` (an article of a corpus
given by path, default ``$FRAMING_CORPUS`` or the shared corpus, read in
place), ``lee:<line>`` (a story of the Lee corpus inside gensim),
``file:<path>``, or the article may carry its own ``text``. Sentences may
omit ``text`` when their article's text is available: annotations of
third-party text are kept as offsets only. For the same reason a sentence
may give its speaker as ``speaker_span: [start, end]`` (and other mentions as
``speaker_alt_spans``), offsets into the article text, instead of
``speaker``/``speaker_alt`` strings.

    >>> gold = load_gold(seed_gold_path())          # doctest: +SKIP
    >>> gold.sentences.loc[0, "text"]               # doctest: +SKIP
    'State Department: Blinken Hasn’t Spoken With Russian FM Since Before Invasion'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import EmptyInputError, InputError, MalformedRecordError
from .paths import seed_article_path, shared_corpus_path
from .schema import SOURCE_TYPES

GOLD_SENTENCE_COLUMNS = [
    "article_id", "sentence", "start", "end", "text",
    "diplomacy", "escalation", "source_type", "speaker", "speaker_alt",
]


@dataclass
class Gold:
    """Gold labels: one row per sentence, plus each article's full text and metadata."""

    sentences: pd.DataFrame
    texts: dict[str, str | None] = field(default_factory=dict)
    articles: pd.DataFrame | None = None
    path: str = ""


def _read_records(path: Path) -> list[dict]:
    raw = path.read_text(encoding="utf-8-sig")
    if not raw.strip():
        raise EmptyInputError(str(path), "gold file is empty")
    stripped = raw.lstrip()
    if stripped.startswith("{") and path.suffix != ".jsonl":
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError:
            pass  # maybe JSON Lines after all
        else:
            if not isinstance(rec, dict) or "sentences" not in rec:
                raise MalformedRecordError(str(path), "not a gold article (no 'sentences')")
            return [rec]
    records = []
    for i, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecordError(str(path), f"invalid JSON ({exc.msg})", line=i) from exc
        if not isinstance(rec, dict) or "sentences" not in rec:
            raise MalformedRecordError(str(path), "not a gold article (no 'sentences')", line=i)
        records.append(rec)
    return records


def _corpus_texts(corpus: str | Path | None) -> dict[str, str]:
    path = Path(corpus) if corpus else shared_corpus_path()
    if path is None or not Path(path).exists():
        return {}
    out: dict[str, str] = {}
    if Path(path).suffix == ".jsonl":
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(rec, dict) and "id" in rec and "text" in rec:
                    out[str(rec["id"])] = rec["text"]
        return out
    from .articles import load_corpus  # folder or CSV

    df = load_corpus(path)
    return dict(zip(df["id"].astype(str), df["text"], strict=True))


def _why_no_text(source: str, corpus: str | Path | None) -> str:
    """Why an article's text could not be found (for the error of a sentence without text)."""
    kind, _, ref = source.partition(":")
    if kind == "corpus":
        where = Path(corpus) if corpus else shared_corpus_path()
        if where is None or not Path(where).exists():
            return (
                f"the corpus holding article {ref!r} was not found (give --corpus / corpus=, "
                "or set FRAMING_CORPUS to the corpus or FRAMING_SHARED to the shared folder "
                "holding corpus/articles.jsonl)"
            )
        return f"the corpus {where} has no article with id {ref!r}"
    if kind == "lee":
        return f"the Lee corpus has no story {ref!r}"
    if kind == "file":
        return f"the article file {ref!r} does not exist"
    return "the article has neither a 'text' nor a 'source' (seed, corpus:ID, lee:N, file:PATH)"


def _lee_story(ref: str, stories: list[str]) -> str | None:
    """A story of the Lee corpus shipped in gensim, by 1-based line (``"12"`` or
    ``"lee-0012"``); None for a line that is not there (0, negative, too large).

    >>> _lee_story("lee-0002", ["first", "second"]), _lee_story("0", ["first", "second"])
    ('second', None)
    """
    try:
        n = int(ref.removeprefix("lee-"))
    except ValueError:
        return None
    return stories[n - 1] if 1 <= n <= len(stories) else None


def _lee_stories() -> list[str]:
    """The Lee background stories, or none when gensim's copy cannot be read."""
    from .corpora import read_lee_background

    try:
        return read_lee_background()
    except OSError:
        return []


def _check_sentence(s: object, text: str | None, where: str, aid: str, i: int) -> dict:
    """A gold sentence record, checked: a dict with offsets inside its article
    (when the text is known), 0/1 frame labels and a codebook source type.
    Anything else raises an error naming the file, article and sentence
    (a label the evaluation cannot read must not be scored as something else)."""
    def bad(msg: str) -> MalformedRecordError:
        return MalformedRecordError(where, f"article {aid} sentence {i}: {msg}")

    if not isinstance(s, dict):
        raise bad(f"a sentence must be a JSON object, got {type(s).__name__}")
    start, end = s.get("start"), s.get("end")
    if start is not None or end is not None:
        if (
            not (isinstance(start, int) and isinstance(end, int))
            or isinstance(start, bool)
            or isinstance(end, bool)
            or not 0 <= start <= end
            or (text is not None and end > len(text))
        ):
            size = f" (article of {len(text)} characters)" if text is not None else ""
            raise bad(f"bad offsets start={start!r} end={end!r}{size}")
    for key in ("diplomacy", "escalation"):
        v = s.get(key)
        if key in s and (not isinstance(v, (int, float)) or v not in (0, 1)):
            raise bad(f"{key} must be 0 or 1, got {s[key]!r}")
    if "source_type" in s and s["source_type"] not in SOURCE_TYPES:
        raise bad(f"unknown source_type {s['source_type']!r} (one of {', '.join(SOURCE_TYPES)})")
    return s


def _span(value: object, text: str, where: str, aid: str, i: int) -> str:
    """The text at ``[start, end)`` of an article, for a speaker given as offsets."""
    if (
        not isinstance(value, (list, tuple))
        or len(value) != 2
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in value)
        or not 0 <= value[0] < value[1] <= len(text)
    ):
        raise MalformedRecordError(
            where, f"article {aid} sentence {i}: bad speaker span {value!r} (want [start, end])"
        )
    return text[value[0] : value[1]]


def _resolve_spans(s: dict, text: str | None, where: str, aid: str, i: int) -> dict:
    """Fill ``speaker``/``speaker_alt`` from ``speaker_span``/``speaker_alt_spans``
    (offsets into the article: third-party text is not stored in annotations).
    Without the article's text the speaker stays unknown (empty)."""
    if text is None:
        return s
    out = dict(s)
    if s.get("speaker_span") not in (None, []) and not s.get("speaker"):
        out["speaker"] = _span(s["speaker_span"], text, where, aid, i)
    if s.get("speaker_alt_spans") not in (None, []) and not s.get("speaker_alt"):
        alts = s["speaker_alt_spans"]
        if not isinstance(alts, list):
            raise MalformedRecordError(
                where, f"article {aid} sentence {i}: speaker_alt_spans must be a list of "
                f"[start, end], got {alts!r}"
            )
        out["speaker_alt"] = [_span(v, text, where, aid, i) for v in alts]
    return out


#: the keys a gold article and a gold sentence may have (the codebook format); any other
#: key is not read, and a warning says so: a misspelt "speakr" must not pass as no speaker
ARTICLE_KEYS = frozenset(
    "id source text title outlet date author url conflict sentences note notes".split()
)
SENTENCE_KEYS = frozenset(
    "start end text diplomacy escalation source_type speaker speaker_alt speaker_span "
    "speaker_alt_spans note notes".split()
)


def _unknown_keys_note(unknown: dict[str, int], known: frozenset[str], what: str) -> str:
    """"unknown sentence key 'speakr' (in 3 sentences, did you mean 'speaker'?) not read; ..."."""
    import difflib

    parts = []
    for key, n in unknown.items():
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.75)
        hint = f", did you mean {close[0]!r}?" if close else ""
        parts.append(f"{key!r} (in {n} {what}{'s' * (n != 1)}{hint})")
    s = "s" if len(unknown) > 1 else ""
    return f"unknown {what} key{s} {', '.join(parts)} not read; known: {', '.join(sorted(known))}"


def load_gold(path: str | Path, *, corpus: str | Path | None = None) -> Gold:
    """Load gold labels in the codebook format.

    Article texts are found from each article's ``source`` (see module doc);
    ``texts[article_id]`` is None when the text is not available (the
    sentences still carry their own text, so sentence-level evaluation works).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "gold file not found")
    records = _read_records(path)
    corpus_texts: dict[str, str] | None = None
    lee: list[str] | None = None
    rows: list[dict[str, Any]] = []
    texts: dict[str, str | None] = {}
    meta: list[dict[str, Any]] = []
    unknown_article: dict[str, int] = {}
    unknown_sentence: dict[str, int] = {}
    for rec in records:
        for key in rec.keys() - ARTICLE_KEYS:
            unknown_article[key] = unknown_article.get(key, 0) + 1
        aid = str(rec.get("id") or f"article-{len(meta)}")
        source = str(rec.get("source") or "")
        text = rec.get("text")
        if text is None and source == "seed":
            text = seed_article_path().read_text(encoding="utf-8")
        elif text is None and source.startswith("corpus:"):
            if corpus_texts is None:
                corpus_texts = _corpus_texts(corpus)
            text = corpus_texts.get(source.split(":", 1)[1])
        elif text is None and source.startswith("lee:"):
            if lee is None:  # read once per gold file, not once per story
                lee = _lee_stories()
            text = _lee_story(source.split(":", 1)[1], lee)
        elif text is None and source.startswith("file:"):
            p = Path(source.split(":", 1)[1])
            text = p.read_text(encoding="utf-8") if p.exists() else None
        texts[aid] = text
        meta.append({k: rec.get(k) for k in ("id", "source", "outlet", "title", "date", "author")})
        sentences = rec["sentences"]
        if not isinstance(sentences, list):
            raise MalformedRecordError(
                str(path), f"article {aid}: 'sentences' must be a list, got {type(sentences).__name__}"
            )
        for i, s in enumerate(sentences):
            s = _check_sentence(s, text, str(path), aid, i)
            for key in s.keys() - SENTENCE_KEYS:
                unknown_sentence[key] = unknown_sentence.get(key, 0) + 1
            if "text" not in s and text is not None and s.get("start") is not None:
                s = {**s, "text": text[s["start"] : s["end"]]}  # annotations kept as offsets only
            if s.get("speaker_span") not in (None, []) or s.get("speaker_alt_spans") not in (None, []):
                s = _resolve_spans(s, text, str(path), aid, i)
            if "text" not in s and text is None:  # say why, not just "missing ['text']"
                raise MalformedRecordError(
                    str(path),
                    f"article {aid} sentence {i}: missing ['text']: {_why_no_text(source, corpus)}",
                )
            missing = [k for k in ("text", "diplomacy", "escalation", "source_type") if k not in s]
            if missing:
                raise MalformedRecordError(str(path), f"article {aid} sentence {i}: missing {missing}")
            rows.append(
                {
                    "article_id": aid,
                    "sentence": i,
                    "start": s.get("start"),
                    "end": s.get("end"),
                    "text": s["text"],
                    "diplomacy": int(s["diplomacy"]),
                    "escalation": int(s["escalation"]),
                    "source_type": s["source_type"],
                    "speaker": s.get("speaker") or "",
                    "speaker_alt": list(s.get("speaker_alt") or []),
                }
            )
    for unknown, known, what in (
        (unknown_article, ARTICLE_KEYS, "article"), (unknown_sentence, SENTENCE_KEYS, "sentence")
    ):
        if unknown:
            import warnings

            from .errors import InputWarning

            warnings.warn(
                InputWarning(f"{path}: {_unknown_keys_note(unknown, known, what)}"), stacklevel=2
            )
    return Gold(
        sentences=pd.DataFrame(rows, columns=GOLD_SENTENCE_COLUMNS),
        texts=texts,
        articles=pd.DataFrame(meta),
        path=str(path),
    )
