"""Score many articles: in this process, in worker processes, streamed to Parquet, or on Dask.

The per-article work is :meth:`analysis.scoring.Scorer.score_article`; this
module only decides *where* it runs and glues the results together, so every
path gives the same sentence table as scoring the articles one by one::

    >>> import pandas as pd
    >>> articles = pd.DataFrame({
    ...     "id": ["a1", "a2"],
    ...     "text": ["Talks between the two delegations resumed in Istanbul on Tuesday.",
    ...              "Russian forces shelled the city overnight, officials said."],
    ... })
    >>> df = score_corpus(articles, progress=False)          # doctest: +SKIP
    >>> df["article_id"].unique().tolist()                   # doctest: +SKIP
    ['a1', 'a2']

- ``score_corpus(articles, n_jobs=...)``: a DataFrame (or an iterable of
  :class:`~analysis.articles.Article`) in, the sentence table out, in input
  order. Articles whose scoring fails are listed in ``df.attrs["skipped"]``
  (a :class:`~analysis.errors.Skipped` each) and the run goes on.
- ``score_jsonl_to_parquet(src, dst)``: corpora larger than memory; reads
  JSONL in batches and writes Parquet in batches (row groups), memory flat.
- ``score_corpus(dask_dataframe)``: a lazy Dask DataFrame of the same columns
  (``pip install 'framing-analysis[dask]'``); see ``docs/scale.md``.

Worker processes build their :class:`~analysis.scoring.Scorer` once (the
parent builds it first, so a bad lexicon fails early with a clear error, and
forked workers inherit it) and receive articles in chunks to amortise the
cost of sending them.
"""

from __future__ import annotations

import json
import logging
import math
import os
import sys
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from .errors import InputError, InputWarning, MissingColumnError, Skipped
from .scoring import table_from_columns
from .textio import is_missing

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

    from .articles import Article
    from .scoring import Scorer

log = logging.getLogger(__name__)

LexiconArg = str | Path | Sequence[str | Path] | None
Errors = Literal["skip", "raise"]

#: Article metadata fields read from a DataFrame row or a JSON record (besides id and text).
META_FIELDS: tuple[str, ...] = ("title", "outlet", "author", "date", "url")

#: A sentence used once per process to learn the exact columns and dtypes of the table.
#: Default number of articles per batch (Parquet row group) when streaming.
DEFAULT_BATCH_SIZE = 256


# ----------------------------------------------------------------- configuration


@dataclass(frozen=True)
class _Config:
    """What a worker needs to build its Scorer: hashable and picklable."""

    lexicon: tuple[str, ...] | None = None
    source_rules: tuple[tuple[str, str], ...] | None = None

    @classmethod
    def make(cls, lexicon: LexiconArg, source_rules: Mapping[str, str | Path] | None) -> _Config:
        lex: tuple[str, ...] | None
        if lexicon is None:
            lex = None
        elif isinstance(lexicon, str | Path):
            lex = (str(lexicon),)
        else:
            lex = tuple(str(p) for p in lexicon) or None
        rules = (
            tuple(sorted((str(k), str(v)) for k, v in source_rules.items()))
            if source_rules
            else None
        )
        return cls(lex, rules)

    def build(self) -> Scorer:
        from .scoring import Scorer, default_scorer

        if self.lexicon is None and self.source_rules is None:
            return default_scorer()
        lexicon = None if self.lexicon is None else list(self.lexicon)
        rules = None if self.source_rules is None else dict(self.source_rules)
        return Scorer(lexicon=lexicon, source_rules=rules)

    def stamp(self) -> tuple:
        """Size and modification time of every rules file: a changed file means a new Scorer."""
        out: list[tuple[str, int | None, int | None]] = []
        for p in (*(self.lexicon or ()), *(v for _, v in self.source_rules or ())):
            try:
                st = os.stat(p)
                out.append((p, st.st_mtime_ns, st.st_size))
            except OSError:
                out.append((p, None, None))  # the Scorer will report the missing file
        return tuple(out)


#: One Scorer (and table spec) per configuration per process, rebuilt when a rules
#: file changes. Filled in the parent before a pool starts, so forked workers
#: inherit it ready-made; Dask workers build it on their first partition.
_SCORERS: dict[_Config, tuple[tuple, Scorer]] = {}
_SPECS: dict[_Config, tuple[tuple, _TableSpec]] = {}


def _per_config(
    store: dict[_Config, tuple[tuple, Any]], config: _Config, build: Callable[[], Any]
) -> Any:
    """``store[config]``, built again when a rules file of ``config`` has changed."""
    stamp = config.stamp()
    hit = store.get(config)
    if hit is None or hit[0] != stamp:
        hit = store[config] = (stamp, build())
    return hit[1]


def _scorer_for(config: _Config) -> Scorer:
    return _per_config(_SCORERS, config, config.build)


@dataclass(frozen=True)
class _TableSpec:
    """The exact columns and dtypes of the sentence table a configuration produces."""

    columns: tuple[str, ...]
    dtypes: tuple[tuple[str, Any], ...]
    json_columns: tuple[str, ...]  # nested cells (frame_evidence): JSON strings in Parquet

    def empty(self) -> pd.DataFrame:
        """A zero-row table with the right columns and dtypes (Dask's ``meta``)."""
        return pd.DataFrame(
            {c: pd.Series([], dtype=t) for c, t in self.dtypes}, columns=list(self.columns)
        )

    def conform(self, df: pd.DataFrame) -> pd.DataFrame:
        """Cast ``df`` to exactly these columns and dtypes (a no-op when they match)."""
        if list(df.columns) != list(self.columns):
            df = df.reindex(columns=list(self.columns))
        want = {c: t for c, t in self.dtypes if df[c].dtype != t}
        return df.astype(want) if want else df

    def arrow_schema(self) -> pa.Schema:
        import pyarrow as pa

        fields = []
        for col, dtype in self.dtypes:
            if col in self.json_columns:
                typ = pa.string()
            elif pd.api.types.is_bool_dtype(dtype):
                typ = pa.bool_()
            elif pd.api.types.is_integer_dtype(dtype):
                typ = pa.int64()
            elif pd.api.types.is_float_dtype(dtype):
                typ = pa.float64()
            else:
                typ = pa.string()
            fields.append(pa.field(col, typ))
        return pa.schema(fields)

    def to_arrow(self, df: pd.DataFrame) -> pa.Table:
        """The table as Arrow with the fixed schema; nested cells become JSON strings."""
        import pyarrow as pa

        df = self.conform(df)
        arrays = []
        schema = self.arrow_schema()
        for col, fld in zip(self.columns, schema, strict=True):
            values = df[col]
            if col in self.json_columns:
                arrays.append(pa.array([_json_cell(v) for v in values], type=pa.string()))
            else:
                arrays.append(
                    pa.array(
                        values.to_numpy(dtype=object if fld.type == pa.string() else None),
                        type=fld.type,
                        from_pandas=True,
                    )
                )
        return pa.Table.from_arrays(arrays, schema=schema)


def _json_cell(value: Any) -> str:
    return json.dumps(value.tolist() if hasattr(value, "tolist") else value, ensure_ascii=False)


def _spec_for(config: _Config) -> _TableSpec:
    return _per_config(_SPECS, config, lambda: _probe_spec(_scorer_for(config)))


def _probe_spec(scorer: Scorer) -> _TableSpec:
    """The table spec of what ``scorer`` makes, read off the table of one probe sentence."""
    probe = scorer.probe_table()
    return _TableSpec(
        columns=tuple(probe.columns),
        dtypes=tuple((c, probe[c].dtype) for c in probe.columns),
        json_columns=tuple(
            c for c in probe.columns if isinstance(probe[c].iloc[0], list | dict | tuple)
        ),
    )


# ----------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class _Job:
    """One article to score: an :class:`Article`, or a plain record (a DataFrame row,
    a JSON object) that the worker turns into one, so that this work is parallel too."""

    index: int  # 0-based position in the input
    article: Article | None = None
    record: dict[str, Any] | None = None
    line: int | None = None  # the JSONL line it came from, when streaming
    label: str | None = None  # where it is when positions are not global (a Dask partition's index)

    @property
    def name(self) -> str:
        """The article's id, or where the record is when it has none."""
        if self.article is not None:
            return str(self.article.id)
        rid = (self.record or {}).get("id")
        if isinstance(rid, str) and rid:
            return rid
        if self.label is not None:
            return self.label
        return f"line {self.line}" if self.line is not None else f"<articles> row {self.index + 1}"


class _UnusableRecord(ValueError):
    """A record without a usable text (reported as such, not as a scoring failure)."""


def _article_from_record(record: dict[str, Any]) -> Article:
    """An :class:`Article` from a plain record, exactly as ``Article.from_text`` makes it
    (text normalised, a missing id becomes the hash of the text, language detected
    unless the record gives it)."""
    from .articles import Article, text_problem
    from .errors import InputError

    text = record.get("text")
    if not isinstance(text, str):
        # no text field: no text. A null and an empty cell of a table (NaN, pd.NA) are the
        # same null: a None in a pandas frame is NaN or pd.NA once pandas or Dask makes the
        # column strings, and the pandas and Dask paths must say the same of one row
        if "text" not in record:
            raise _UnusableRecord("no text")
        raise _UnusableRecord(text_problem(None if is_missing(text) else text))
    kw: dict[str, Any] = {}
    for key in ("id", *META_FIELDS, "path", "language"):
        value = record.get(key)
        if not is_missing(value) and str(value) != "":
            kw[key] = str(value)
    try:
        return Article.from_text(text, **kw)
    except InputError as exc:  # empty text, ...
        raise _UnusableRecord(exc.reason) from exc


def _record_warnings(job: _Job, article: Article) -> list[Skipped]:
    """What was repaired or flagged making an article of a record (not English, NUL
    characters, mixed line endings), as warnings naming the article. A language the
    record declares (as ``load_corpus`` tables do, after flagging it) is not flagged again."""
    declared = not is_missing((job.record or {}).get("language"))
    out = []
    for w in article.warnings:
        if declared and w.reason.startswith("article looks like"):
            continue
        out.append(Skipped(source=job.name, reason=w.reason, line=job.line, kind="warning"))
    return out


#: the splitter's warning about cut over-long stretches (see ``sentences.cut_note``)
_CUT_MESSAGE = r"cut \d+ over-long"


def _cut_warnings(job: _Job, article: Article, cols: Mapping[str, Sequence[Any]]) -> list[Skipped]:
    """The over-long stretches the splitter cut in the article (see
    :func:`~analysis.sentences.cut_note`), as a warning naming it. Only an article
    with a sentence of at least half the cap can have one (each piece of a cut is):
    the others are not split again."""
    from .sentences import MAX_SENTENCE_CHARS, cut_note, default_splitter

    if max(map(len, cols.get("text", ())), default=0) < MAX_SENTENCE_CHARS // 2:
        return []
    cuts = default_splitter().split_with_cuts(article.text)[1]
    if not cuts:
        return []
    return [Skipped(source=job.name, reason=cut_note(cuts), line=job.line, kind="warning")]


#: Columns of a table of articles carried to the Article besides the record fields.
_FRAME_CARRY = ("path",)


def _frame_columns(columns: Sequence[Any], where: str) -> tuple[dict[str, int], list[Skipped]]:
    """The position of the column of each field in a table of articles, its columns
    spelt as ``load_corpus`` reads them (``Text``, ``ID``, ``headline``: see
    :func:`~analysis.articles.field_key`), and warnings naming the columns not read
    (unknown ones, and a second column of a field). No text column: MissingColumnError."""
    from .articles import field_columns, unknown_fields_note

    cols, unknown, spare = field_columns(list(columns), _FRAME_CARRY)
    if "text" not in cols:
        found = ", ".join(map(str, columns)) or "no columns"
        raise MissingColumnError(
            where,
            f"no 'text' column; found: {found} "
            "(name the column holding the article text 'text'; 'Text' or 'TEXT' is read too)",
        )
    notes = []
    if unknown:
        notes.append(Skipped(where, unknown_fields_note(unknown, "column"), kind="warning"))
    for name, key in spare:
        notes.append(
            Skipped(
                where,
                f"ignored column {name!r}: the {key} is read from column {str(columns[cols[key]])!r}",
                kind="warning",
            )
        )
    return cols, notes


def _jobs_from_frame(
    frame: pd.DataFrame, where: str = "<articles>", *, by_index: bool = False
) -> tuple[list[_Job], list[Skipped]]:
    """One job per row, and the warnings about columns not read (see
    :func:`_frame_columns`). ``by_index``: an article without an id is named by its
    index label (a Dask partition: positions restart in every partition, the
    index labels of a frame read or made by Dask do not)."""
    found, notes = _frame_columns(frame.columns, where)
    cols = list(found)
    rows = frame.iloc[:, list(found.values())].itertuples(index=False, name=None)
    if by_index:
        return [
            _Job(pos, record=dict(zip(cols, row, strict=True)), label=f"{where} index {label}")
            for pos, (label, row) in enumerate(zip(frame.index, rows, strict=True))
        ], notes
    jobs = [_Job(pos, record=dict(zip(cols, row, strict=True))) for pos, row in enumerate(rows)]
    return jobs, notes


def _jobs_from_iterable(items: Iterable[Any]) -> tuple[list[_Job], list[Skipped]]:
    """Jobs from an iterable of articles: :class:`Article` objects, texts
    (``str``: a text, never taken for a file name), paths (``pathlib.Path``:
    a file read with ``load_article``) or records (mappings with ``text``,
    like a line of JSONL, its keys spelt as ``load_corpus`` reads them: ``Text``,
    ``ID``...; unknown keys are named in one warning). Anything else is skipped with
    the reason."""
    from collections.abc import Mapping

    from .articles import Article, load_article, split_record, unknown_fields_note

    jobs: list[_Job] = []
    skipped: list[Skipped] = []
    unknown: dict[str, None] = {}
    for pos, item in enumerate(items):
        where = f"<articles> item {pos + 1}"
        if isinstance(item, Article):
            jobs.append(_Job(pos, article=item))
        elif isinstance(item, str):
            jobs.append(_Job(pos, record={"text": item}, label=where))
        elif isinstance(item, Mapping):
            record, extra = split_record(item, _FRAME_CARRY)
            unknown.update(dict.fromkeys(extra))
            jobs.append(_Job(pos, record=record, label=where))
        elif isinstance(item, Path):
            try:
                jobs.append(_Job(pos, article=load_article(item)))
            except (InputError, OSError) as exc:
                reason = exc.reason if isinstance(exc, InputError) else str(exc)
                skipped.append(Skipped(source=str(item), reason=reason))
        else:
            skipped.append(
                Skipped(
                    source=where,
                    reason=(
                        f"not an article ({type(item).__name__}): give Article objects, "
                        "texts, paths or records with a 'text'"
                    ),
                )
            )
    if unknown:
        skipped.append(Skipped("<articles>", unknown_fields_note(unknown, "field"), kind="warning"))
    return jobs, skipped


# ------------------------------------------------------------------- the work


@dataclass
class _ChunkResult:
    table: pd.DataFrame | None  # None when no article of the chunk produced a sentence
    skipped: list[Skipped]
    articles: int
    sentences: int


def _score_chunk(jobs: Sequence[_Job], config: _Config, errors: Errors = "skip") -> _ChunkResult:
    """Score a chunk of articles with this process's Scorer (runs in workers too).

    The articles' columns are joined and made into ONE DataFrame for the
    chunk (pandas' fixed cost per frame, ~250 µs for the sentence table, is
    paid once per chunk, not per article); the table is the same as the
    per-article tables concatenated (tested). The batch Scorer has no model
    and makes the same columns for every article."""
    scorer = _scorer_for(config)
    joined: dict[str, list] = {}
    order: list[str] = []
    skipped: list[Skipped] = []
    for job in jobs:
        try:
            article = (
                job.article if job.article is not None else _article_from_record(job.record or {})
            )
            if job.article is None:  # an Article object carries its own warnings
                skipped.extend(_record_warnings(job, article))
            with warnings.catch_warnings():  # the cut is reported below, naming the article
                warnings.filterwarnings("ignore", _CUT_MESSAGE, InputWarning)
                cols, columns = scorer.article_columns(article)
            skipped.extend(_cut_warnings(job, article, cols))
        except _UnusableRecord as exc:
            if errors == "raise":
                raise InputError(job.name, f"unusable article: {exc}", job.line) from exc
            skipped.append(
                Skipped(source=job.name, reason=f"unusable article: {exc}", line=job.line)
            )
            continue
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
            if errors == "raise":
                exc.add_note(f"while scoring article {job.name!r}")
                raise
            reason = f"scoring failed: {type(exc).__name__}: {exc}"
            skipped.append(Skipped(source=job.name, reason=reason, line=job.line))
            continue
        if cols["sentence"]:
            order = columns
            for c in columns:
                joined.setdefault(c, []).extend(cols[c])
    n = len(joined["sentence"]) if order else 0
    table = table_from_columns(joined, order, n) if order else None
    return _ChunkResult(table, skipped, len(jobs), n)


def _score_chunk_worker(jobs: Sequence[_Job], config: _Config, errors: Errors) -> _ChunkResult:
    return _score_chunk(jobs, config, errors)


def _init_worker(config: _Config) -> None:
    _scorer_for(config)  # build once per worker (a no-op when inherited through fork)


def _resolve_jobs(n_jobs: int) -> int:
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool):
        raise TypeError(f"n_jobs must be an int, got {type(n_jobs).__name__}")
    if n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be >= 1 or -1 (all cores), got {n_jobs}")
    return (os.cpu_count() or 1) if n_jobs == -1 else n_jobs


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered_imap(
    executor: Executor,
    fn: Callable[..., Any],
    chunks: Iterable[Any],
    args: tuple,
    max_in_flight: int,
) -> Iterator[Any]:
    """``map`` over an executor that keeps input order and at most ``max_in_flight``
    tasks queued, so a lazy input (a JSONL stream) is never read far ahead."""
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(executor.submit(fn, chunk, *args))
            if len(pending) >= max_in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for fut in pending:
            fut.cancel()


class _Runner:
    """Runs chunks of jobs in this process (``n_jobs=1``) or in a process pool."""

    def __init__(self, config: _Config, n_jobs: int, errors: Errors) -> None:
        self.config = config
        self.workers = n_jobs
        self.errors = errors
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Runner:
        _scorer_for(self.config)  # fail early (bad lexicon) and let forked workers inherit it
        _spec_for(self.config)
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, initializer=_init_worker, initargs=(self.config,)
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, chunks: Iterable[Sequence[_Job]]) -> Iterator[_ChunkResult]:
        if self._pool is None:
            for chunk in chunks:
                yield _score_chunk(chunk, self.config, self.errors)
        else:
            yield from _ordered_imap(
                self._pool,
                _score_chunk_worker,
                chunks,
                (self.config, self.errors),
                self.workers * 3,
            )


def _default_chunksize(n_articles: int, workers: int) -> int:
    """Enough chunks per worker to balance uneven article lengths, few enough to amortise IPC.

    In one process a chunk is up to 32 articles (one DataFrame each, and at
    least ~20 progress updates); a chunk of one article paid pandas' fixed
    cost per frame for every article."""
    if workers <= 1:
        return max(1, min(32, math.ceil(n_articles / 20)))
    return max(1, min(64, math.ceil(n_articles / (workers * 8))))


def _progress(total: float | None, enabled: bool, unit: str, desc: str):
    from tqdm.auto import tqdm

    # no monitor thread: worker processes are forked while the bar is open, and a
    # fork must not copy a lock held by another thread
    bar = type("_Bar", (tqdm,), {"monitor_interval": 0})
    return bar(
        total=total,
        disable=not enabled,
        unit=unit,
        desc=desc,
        file=sys.stderr,
        dynamic_ncols=True,
        leave=False,
        unit_scale=(unit == "B"),
    )


def _warn_skipped(skipped: Sequence[Skipped], where: str) -> None:
    """One InputWarning for the whole run (like ``load_corpus``), naming the first few."""
    if not skipped:
        return
    shown = "; ".join(str(s) for s in skipped[:3]) + (
        f"; and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    )
    n_warn = sum(s.kind == "warning" for s in skipped)
    counts = f"{len(skipped) - n_warn} item(s) skipped" + (
        f", {n_warn} repaired or flagged" if n_warn else ""
    )
    warnings.warn(InputWarning(f"{counts} (details in {where}): {shown}"), stacklevel=3)


class _UniqueIds:
    """Gives a repeated article id a new name (``id~2``, as ``load_corpus`` does), so that
    two articles with one id (the same wire story twice, a duplicated row, the same text
    without an id) stay two articles in the table and in ``profile_articles``.

    Works on finished tables, whose articles each begin at ``sentence == 0``; keeps the
    ids seen so far, so a stream of batches is renamed as one corpus."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def apply(self, table: pd.DataFrame) -> tuple[pd.DataFrame, list[Skipped]]:
        import numpy as np

        if table.empty:
            return table, []
        starts = np.flatnonzero(table["sentence"].to_numpy() == 0)
        ids = [str(i) for i in table["article_id"].to_numpy()[starts]]
        notes: list[Skipped] = []
        new = list(ids)
        for k, aid in enumerate(ids):
            if aid in self.seen:
                n = 2
                while f"{aid}~{n}" in self.seen:
                    n += 1
                new[k] = f"{aid}~{n}"
                notes.append(
                    Skipped(
                        source=aid,
                        reason=f"duplicate article id {aid!r}; both kept, this one renamed {new[k]!r}",
                        kind="warning",
                    )
                )
            self.seen.add(new[k])
        if notes:
            lengths = np.diff(np.append(starts, len(table)))
            table = table.copy(deep=False)
            table["article_id"] = pd.array(
                np.repeat(np.array(new, dtype=object), lengths), dtype=table["article_id"].dtype
            )
        return table, notes


# ----------------------------------------------------------------- public API


def score_corpus(
    articles: pd.DataFrame | Iterable[Article] | Any,
    n_jobs: int = 1,
    progress: bool = True,
    *,
    lexicon: LexiconArg = None,
    source_rules: Mapping[str, str | Path] | None = None,
    chunksize: int | None = None,
    errors: Errors = "skip",
    with_skipped: bool = False,
) -> pd.DataFrame | Any:
    """Score every article: the sentence table of all of them, in input order.

    ``articles`` is a DataFrame with a ``text`` column (and ``id``, ``title``,
    ``outlet``, ``author``, ``date``, ``url`` when present, as
    ``load_corpus`` returns; each row becomes ``Article.from_text(text, id=...,
    ...)``, so a missing id is the hash of the text; columns are spelt as
    ``load_corpus`` reads them, ``Text``, ``ID``, ``headline``..., and the
    columns not read are named in warnings in ``df.attrs["skipped"]``),
    an iterable of :class:`~analysis.articles.Article` objects, texts,
    ``pathlib.Path`` files or records (dicts with ``text``), or a
    ``dask.dataframe.DataFrame`` (then the result is a lazy Dask DataFrame
    with the same columns; ``n_jobs`` and ``progress`` do not apply).

    ``n_jobs > 1`` scores in that many worker processes (``-1``: one per
    core), ``chunksize`` articles per task; the result is identical to
    ``n_jobs=1``. An article that cannot be scored is left out and listed in
    ``df.attrs["skipped"]`` with the reason (and an ``InputWarning``);
    ``errors="raise"`` stops at the first one instead.

    ``with_skipped=True`` returns ``(table, skipped)`` instead, ``skipped``
    being :func:`skipped_table` of those articles. On a Dask DataFrame both
    are lazy and share one graph, so ``dask.compute(table, skipped)`` scores
    every partition once and still tells which articles were left out (a
    lazy frame has no ``attrs`` to carry them).

    >>> df = score_corpus(pd.DataFrame({"id": ["kyiv-1"], "text": [
    ...     "Ukraine and Russia agreed on Friday to hold a new round of talks."]}),
    ...     progress=False)                                  # doctest: +SKIP
    >>> df.loc[0, ["article_id", "frame"]].tolist()          # doctest: +SKIP
    ['kyiv-1', 'diplomacy']
    """
    if errors not in ("skip", "raise"):
        raise ValueError(f"errors must be 'skip' or 'raise', got {errors!r}")
    config = _Config.make(lexicon, source_rules)
    if _is_dask_collection(articles):
        if with_skipped:
            return _score_dask_with_skipped(articles, config, errors)
        return _score_dask(articles, config, errors)
    workers = _resolve_jobs(n_jobs)

    skipped: list[Skipped]
    if isinstance(articles, pd.DataFrame):
        jobs, skipped = _jobs_from_frame(articles)
    elif isinstance(articles, str | bytes | Path) or not isinstance(articles, Iterable):
        raise TypeError(
            "score_corpus takes a DataFrame of articles or an iterable of articles (Article, "
            "text, Path or record), "
            f"got {type(articles).__name__} (use load_corpus(path) for a file or folder)"
        )
    else:
        jobs, skipped = _jobs_from_iterable(articles)

    workers = max(1, min(workers, len(jobs)))
    size = chunksize if chunksize is not None else _default_chunksize(len(jobs), workers)
    if size < 1:
        raise ValueError(f"chunksize must be >= 1, got {size}")

    tables: list[pd.DataFrame] = []
    with (
        _Runner(config, workers, errors) as runner,
        _progress(len(jobs), progress, "article", "scoring") as bar,
    ):
        for result in runner.map(_chunks(jobs, size)):
            if result.table is not None:
                tables.append(result.table)
            skipped.extend(result.skipped)
            bar.update(result.articles)
    spec = _spec_for(config)
    if not tables:
        out = spec.empty()
    elif len(tables) == 1:
        out = tables[0].reset_index(drop=True)
    else:
        out = pd.concat(tables, ignore_index=True)
    out, renamed = _UniqueIds().apply(out)
    skipped.extend(renamed)
    out.attrs = {"skipped": skipped}
    _warn_skipped(skipped, "df.attrs['skipped']")
    if with_skipped:
        return out, skipped_table(skipped)
    return out


#: The columns of :func:`skipped_table`.
SKIPPED_COLUMNS = ("source", "line", "reason", "kind")


def skipped_table(skipped: Iterable[Skipped]) -> pd.DataFrame:
    """What a run left out or repaired, one row per :class:`~analysis.errors.Skipped`:
    ``source`` (the article id or file), ``line`` (row or line number, or
    <NA>), ``reason``, ``kind`` (``skipped`` or ``warning``).

    >>> skipped_table([Skipped("a2", "no text", 3)]).to_dict("records")
    [{'source': 'a2', 'line': 3, 'reason': 'no text', 'kind': 'skipped'}]
    """
    rows = [(s.source, s.line, s.reason, s.kind) for s in skipped]
    cols = list(zip(*rows, strict=True)) if rows else [(), (), (), ()]
    text = _text_dtype()
    return pd.DataFrame(
        {
            "source": pd.array(cols[0], dtype=text),
            "line": pd.array(cols[1], dtype="Int64"),
            "reason": pd.array(cols[2], dtype=text),
            "kind": pd.array(cols[3], dtype=text),
        },
        columns=list(SKIPPED_COLUMNS),
    )


# -------------------------------------------------------------------- streaming


@dataclass(frozen=True)
class StreamSummary:
    """What ``score_jsonl_to_parquet`` did."""

    path: Path
    articles: int  # articles scored (skipped ones not included)
    sentences: int  # rows written
    skipped: tuple[Skipped, ...]
    seconds: float
    row_groups: int

    def __str__(self) -> str:
        rate = self.sentences / self.seconds if self.seconds > 0 else float("nan")
        return (
            f"wrote {self.sentences} sentences of {self.articles} articles to {self.path} "
            f"in {self.seconds:.1f} s ({rate:,.0f} sentences/s); {len(self.skipped)} skipped"
        )


def _read_jsonl_jobs(
    src: Path, skipped: list[Skipped], on_bytes: Callable[[int], None]
) -> Iterator[_Job]:
    """Articles of a JSONL file, one at a time; bad lines go to ``skipped`` with their
    number, unknown fields to one warning at the end (as ``load_corpus`` does)."""
    from .articles import split_record, text_problem, unknown_fields_note

    where = str(src)
    unknown: dict[str, None] = {}
    pos = 0
    with open(src, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            on_bytes(len(raw))
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                skipped.append(
                    Skipped(where, f"not valid UTF-8 ({exc.reason} at byte {exc.start})", lineno)
                )
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                skipped.append(
                    Skipped(where, f"malformed JSON: {exc.msg} (column {exc.colno})", lineno)
                )
                continue
            if not isinstance(record, dict):
                skipped.append(
                    Skipped(where, f"not a JSON object ({type(record).__name__})", lineno)
                )
                continue
            keep, extra = split_record(record)  # as load_corpus reads a line
            unknown.update(dict.fromkeys(extra))
            text = keep.get("text")
            if not isinstance(text, str) or not text.strip():
                why = "no text" if "text" not in keep else text_problem(text) or "empty text"
                skipped.append(Skipped(where, f"unusable article: {why}", lineno))
                continue
            yield _Job(pos, record=keep, line=lineno)
            pos += 1
    if unknown:
        skipped.append(Skipped(where, unknown_fields_note(unknown, "field"), kind="warning"))


def score_jsonl_to_parquet(
    src_jsonl: str | Path,
    dst_parquet: str | Path,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_jobs: int = 1,
    progress: bool = True,
    lexicon: LexiconArg = None,
    source_rules: Mapping[str, str | Path] | None = None,
    compression: str = "zstd",
) -> StreamSummary:
    """Score a JSONL corpus of any size into a Parquet sentence table, memory flat.

    Reads ``batch_size`` articles at a time (one JSON object a line with a
    ``text`` field; ``id``, ``title``, ... optional; a missing id becomes the
    hash of the text, as in ``Article.from_text``), scores them (in ``n_jobs`` worker processes)
    and appends each batch as a row group with a fixed schema;
    ``frame_evidence`` is stored as a JSON string. The file appears only when
    the run succeeds (written to a temporary file, then renamed). Malformed
    lines and articles that fail are reported in ``summary.skipped`` with
    their line number, and as ``InputWarning``.

    >>> s = score_jsonl_to_parquet("articles.jsonl", "out/sentences.parquet")  # doctest: +SKIP
    >>> print(s)                                                               # doctest: +SKIP
    wrote 4212 sentences of 118 articles to out/sentences.parquet in 9.8 s ...
    """
    import pyarrow.parquet as pq

    from .errors import EmptyInputError, InputError
    from .io import atomic_path

    src, dst = Path(src_jsonl), Path(dst_parquet)
    if not src.is_file():
        raise InputError(str(src), "no such file")
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    config = _Config.make(lexicon, source_rules)
    workers = _resolve_jobs(n_jobs)
    started = time.perf_counter()
    skipped: list[Skipped] = []
    n_articles = n_sentences = row_groups = 0
    with (
        _Runner(config, workers, "skip") as runner,
        _progress(src.stat().st_size, progress, "B", "scoring") as bar,
        atomic_path(dst) as tmp,
    ):
        spec = _spec_for(config)
        jobs = _read_jsonl_jobs(src, skipped, bar.update)
        unique = _UniqueIds()
        with pq.ParquetWriter(tmp, spec.arrow_schema(), compression=compression) as writer:
            for result in runner.map(_chunks(jobs, batch_size)):
                n_articles += result.articles - sum(s.kind == "skipped" for s in result.skipped)
                skipped.extend(
                    Skipped(str(src), f"article {s.source}: {s.reason}", s.line, s.kind)
                    for s in result.skipped
                )
                if result.table is not None:
                    table, renamed = unique.apply(result.table)
                    skipped.extend(
                        Skipped(str(src), f"article {s.source}: {s.reason}", kind="warning")
                        for s in renamed
                    )
                    writer.write_table(spec.to_arrow(table))
                    n_sentences += len(result.table)
                    row_groups += 1
        if n_articles == 0 and not skipped:
            raise EmptyInputError(str(src), "no articles (the file is empty or blank)")
    skipped.sort(key=lambda s: (s.line is None, s.line or 0))
    _warn_skipped(skipped, "summary.skipped")
    return StreamSummary(
        dst, n_articles, n_sentences, tuple(skipped), time.perf_counter() - started, row_groups
    )


def evidence_to_json(df: pd.DataFrame | Any) -> pd.DataFrame | Any:
    """The sentence table with ``frame_evidence`` as JSON strings (for Parquet, CSV),
    as ``score_jsonl_to_parquet`` stores it; a pandas or a (lazy) Dask DataFrame.

    Dask cannot infer an Arrow type for a column of lists of dicts, so write a
    lazy table with ``evidence_to_json(scored).to_parquet(...)``.

    >>> evidence_to_json(score_corpus(articles))["frame_evidence"][0]     # doctest: +SKIP
    '[{"frame": "diplomacy", "subframe": "talks", "match": "talks", ...}]'
    """
    if "frame_evidence" not in df.columns:
        return df
    if _is_dask_collection(df):
        col = df["frame_evidence"].map(_json_cell, meta=("frame_evidence", _text_dtype()))
        return df.assign(frame_evidence=col)
    out = df.copy(deep=False)
    out["frame_evidence"] = pd.Series(
        [_json_cell(v) for v in df["frame_evidence"]], index=df.index, dtype=_text_dtype()
    )
    return out


def _text_dtype() -> Any:
    """The dtype pandas gives a column of Python strings (``str`` in pandas 3, object before)."""
    return pd.Series(["text"]).dtype


def read_scored_parquet(path: str | Path) -> pd.DataFrame:
    """Read a table written by ``score_jsonl_to_parquet`` back, with ``frame_evidence``
    (and any other JSON column) decoded to lists again."""
    df = pd.read_parquet(path)
    if "frame_evidence" in df.columns:
        df["frame_evidence"] = [json.loads(v) for v in df["frame_evidence"]]
    return df


# ------------------------------------------------------------------------ Dask


def _is_dask_collection(obj: Any) -> bool:
    """True for a dask DataFrame, without importing dask."""
    mod = type(obj).__module__ or ""
    return mod.split(".", 1)[0] in ("dask", "dask_expr") and hasattr(obj, "map_partitions")


def _score_partition(part: pd.DataFrame, config: _Config, errors: Errors) -> pd.DataFrame:
    """Score one Dask partition of articles (runs on a worker); skipped articles
    are logged there (a lazy frame has no attrs to carry them)."""
    return _score_partition_and_skips(part, config, errors)[0]


def _score_partition_and_skips(
    part: pd.DataFrame, config: _Config, errors: Errors
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score one Dask partition: its table and :func:`skipped_table` of what it left out."""
    spec = _spec_for(config)
    if len(part) == 0:
        return spec.empty(), skipped_table(())
    jobs, _ = _jobs_from_frame(part, "<dask dataframe>", by_index=True)  # columns: _check_dask_input
    result = _score_chunk(jobs, config, errors)
    for s in result.skipped:
        log.warning("framing-analysis skipped %s", s)
    table = spec.empty() if result.table is None else spec.conform(result.table)
    return table, skipped_table(result.skipped)


def _check_dask_input(ddf: Any) -> None:
    """No text column: MissingColumnError, before any work; columns not read: one
    InputWarning (a lazy frame has no attrs to carry them)."""
    _, notes = _frame_columns(list(ddf.columns), "<dask dataframe>")
    for note in notes:
        warnings.warn(InputWarning(str(note)), stacklevel=4)


def _score_dask(ddf: Any, config: _Config, errors: Errors) -> Any:
    _check_dask_input(ddf)
    meta = _spec_for(config).empty()
    return ddf.map_partitions(_score_partition, config, errors, meta=meta, enforce_metadata=True)


def _score_dask_with_skipped(ddf: Any, config: _Config, errors: Errors) -> tuple[Any, Any]:
    """Two lazy frames (the table, the skips) from one task per partition:
    ``dask.compute(table, skipped)`` runs each partition's scoring once."""
    _check_dask_input(ddf)
    import dask
    import dask.dataframe as dd

    spec = _spec_for(config)
    score = dask.delayed(_score_partition_and_skips, nout=2, pure=True)
    pairs = [score(part, config, errors) for part in ddf.to_delayed()]
    # from_delayed would turn object columns (frame_evidence's lists) into
    # strings when Dask converts strings to Arrow: keep the pandas path's dtypes
    with dask.config.set({"dataframe.convert-string": False}):
        table = dd.from_delayed([t for t, _ in pairs], meta=spec.empty())
        skipped = dd.from_delayed([k for _, k in pairs], meta=skipped_table(()))
    return table, skipped
