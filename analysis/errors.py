"""Exception and warning types, and the record of what a run skipped.

Every error names the file (and line or row, when there is one) it is about,
so that the CLI can print one clear line and a library user can catch a
specific type::

    >>> raise MissingColumnError("corpus.csv", "no 'text' column; found: id, title")
    Traceback (most recent call last):
    ...
    analysis.errors.MissingColumnError: corpus.csv: no 'text' column; found: id, title
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


class FramingError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(FramingError):
    """Bad input: a file, a record or a value that cannot be used.

    ``where`` is the file (or "<text>"), ``line`` the 1-based line or row
    number when the problem has one.
    """

    def __init__(self, where: str, reason: str, line: int | None = None) -> None:
        self.where = str(where)
        self.reason = reason
        self.line = line
        loc = self.where if line is None else f"{self.where}:{line}"
        super().__init__(f"{loc}: {reason}")


class EmptyInputError(InputError):
    """The file or text is empty or holds only whitespace."""


class BinaryInputError(InputError):
    """The file looks binary (not text)."""


class DecodingError(InputError):
    """The bytes could not be decoded as text in any supported encoding."""


class MalformedRecordError(InputError):
    """A JSON line, JSON file or CSV row is malformed."""


class MissingColumnError(InputError):
    """A table lacks a required column (the message lists the columns found)."""


class UnsupportedFormatError(InputError):
    """The file extension is not a supported article or corpus format."""


class LexiconError(InputError):
    """A rules file (lexicon, verbs, roles, outlets, ...) has a bad row."""


class FetchError(InputError):
    """A URL could not be downloaded or yielded no article."""


class InputWarning(UserWarning):
    """Something in the input was repaired or skipped; the run goes on."""


@dataclass(frozen=True)
class Skipped:
    """One item a run did not use, and why.

    ``source`` is the file; ``line`` the line/row number inside it (or None);
    ``reason`` a short human sentence. ``as_dict()`` gives the
    machine-readable form written to ``skipped.json`` by the CLI.
    """

    source: str
    reason: str
    line: int | None = None
    kind: str = "skipped"  # "skipped" (not used) or "warning" (used, but repaired)

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        loc = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{loc}: {self.reason}"
