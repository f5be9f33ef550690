"""Write tables and files atomically (temporary file in the same folder, then rename).

An interrupted run never leaves half a file behind::

    >>> write_table(df, "out/sentences.csv")      # doctest: +SKIP

The format follows the suffix: ``.csv``, ``.jsonl``, ``.json``, ``.parquet``.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .errors import UnsupportedFormatError

TABLE_SUFFIXES = (".csv", ".jsonl", ".json", ".parquet")


@contextmanager
def atomic_path(path: str | Path):
    """Yield a temporary path beside ``path``; rename it onto ``path`` on success.

    A folder that cannot be made or written, or a ``path`` that is a folder,
    raises the ``OSError`` naming ``path`` (not the hidden temporary file).
    """
    path = Path(path)
    if any(p.exists() and not p.is_dir() for p in path.parents):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    path.parent.mkdir(parents=True, exist_ok=True)  # its error names the folder
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _naming(exc, path) from exc
    os.close(fd)
    try:
        yield Path(tmp)
        try:
            # mkstemp makes the file owner-only (0600): give it the mode a plain open() would
            # (0666 less the umask), or the mode of the file it replaces
            os.chmod(tmp, _mode_for(path))
            os.replace(tmp, path)
        except OSError as exc:
            raise _naming(exc, path) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The permission bits a file written to ``path`` gets: those of the file there now,
    else 0666 less the process's umask (as ``open(path, "w")`` would give)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)  # read the umask (there is no other portable way) and put it back
        os.umask(mask)
        return 0o666 & ~mask


def _naming(exc: OSError, path: Path) -> OSError:
    """The same kind of error about ``path`` ("[Errno 13] Permission denied: 'out/x.csv'")."""
    if exc.errno is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, str(path))


def write_text(path: str | Path, text: str) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def write_with(path: str | Path, writer: Callable[[IO[str]], Any]) -> Path:
    """Call ``writer(handle)`` on a temporary text file, then move it into place."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer(fh)
    return Path(path)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def table_for_csv(df: pd.DataFrame) -> pd.DataFrame:
    """Nested cells (lists, dicts: ``frame_evidence``) become JSON strings for flat formats.
    ``attrs`` are left behind: what a run skipped goes to its own file (pandas would write
    them into Parquet's metadata, and fails on the :class:`~analysis.errors.Skipped` there)."""
    out = df.copy()
    out.attrs = {}
    for col in out.columns:
        if out[col].dtype == object and out[col].map(lambda v: isinstance(v, (list, dict, tuple))).any():
            out[col] = out[col].map(lambda v: json.dumps(_jsonable(v), ensure_ascii=False))
    return out


def write_table(df: pd.DataFrame, path: str | Path) -> Path:
    """Write ``df`` to ``path`` atomically in the format its suffix names."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UnsupportedFormatError(str(path), f"unknown output format {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}")
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            table_for_csv(df).to_csv(tmp, index=False)
        elif suffix == ".parquet":
            table_for_csv(df).to_parquet(tmp, index=False)
        elif suffix == ".jsonl":
            df.to_json(tmp, orient="records", lines=True, force_ascii=False)
        else:
            df.to_json(tmp, orient="records", force_ascii=False, indent=1)
    return path
