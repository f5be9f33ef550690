"""Bytes in, clean text out: decoding, binary sniffing, size limits, line endings.

Every loader reads files through :func:`read_text_file` (or decodes bytes it
already has with :func:`decode_bytes`), so a cp1252 file, a UTF-16 file with a
byte-order mark or a file with stray NUL bytes gets the same treatment
everywhere: it is decoded, and each repair is returned as a
``Skipped(kind="warning")`` record. What cannot be read raises a specific
error naming the file::

    >>> text, repairs = decode_bytes("He said “no”.\\r\\n".encode("cp1252"), "note.txt")
    >>> text
    'He said “no”.\\n'
    >>> [r.reason for r in repairs]
    ['not valid UTF-8; decoded as cp1252']

**Offsets.** Line endings are normalised to ``\\n`` (``\\r\\n`` and lone
``\\r`` become ``\\n``) and NUL bytes are removed *before* any article text
exists, so every character offset in this package (sentence ``start`` /
``end``, cue evidence) refers to the normalised text, not to the raw bytes of
the file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Container, Sequence
from pathlib import Path

from .errors import BinaryInputError, DecodingError, EmptyInputError, InputError, Skipped

#: Files larger than this are refused with an :class:`InputError` (50 MB).
MAX_FILE_BYTES = 50_000_000
#: Files larger than this load, with a warning that work on them will be slow (20 MB).
LARGE_FILE_BYTES = 20_000_000

# (name, signature, offset) of common binary formats; checked before any decoding.
_MAGIC: tuple[tuple[str, bytes, int], ...] = (
    ("PNG image", b"\x89PNG\r\n\x1a\n", 0),
    ("JPEG image", b"\xff\xd8\xff", 0),
    ("GIF image", b"GIF87a", 0),
    ("GIF image", b"GIF89a", 0),
    ("WebP/RIFF media", b"RIFF", 0),
    ("PDF document", b"%PDF-", 0),
    ("ZIP archive (or .docx/.xlsx/.epub)", b"PK\x03\x04", 0),
    ("ZIP archive", b"PK\x05\x06", 0),
    ("gzip archive", b"\x1f\x8b", 0),
    ("bzip2 archive", b"BZh", 0),
    ("xz archive", b"\xfd7zXZ\x00", 0),
    ("zstd archive", b"\x28\xb5\x2f\xfd", 0),
    ("7-Zip archive", b"7z\xbc\xaf\x27\x1c", 0),
    ("Microsoft Office (OLE2) document", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0),
    ("SQLite database", b"SQLite format 3\x00", 0),
    ("Linux (ELF) executable", b"\x7fELF", 0),
    ("Parquet file", b"PAR1", 0),
    ("MP4/QuickTime media", b"ftyp", 4),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 (little-endian)"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 (big-endian)"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 (big-endian)"),
)

# control bytes that never occur in text (tab, LF, VT, FF, CR and ESC excepted)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_SNIFF = 65_536
_NEWLINES = re.compile(r"\r\n?")
# no-break and typographic spaces (U+00A0, U+2000-U+200A, U+202F, U+205F, U+3000) -> " ":
# one character for one, so offsets hold; cues of several words ("humanitarian corridor")
# match across them as they do in text from HTML, where &nbsp; is a space already
ODD_SPACES = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
#: ``str.translate`` table: each of :data:`ODD_SPACES` -> " " (the framing scorer uses it
#: too, on sentences given to it directly)
PLAIN_SPACES = str.maketrans(dict.fromkeys(ODD_SPACES, " "))
#: Characters that do not show: the soft hyphen, the zero-width space, non-joiner and
#: joiner, the word joiner and the zero-width no-break space (U+FEFF inside text). Kept in
#: the text (removing them would move offsets); inside a word they would hide a cue or a
#: name ("cease\u00adfire", "Zel\u00adensky"), so the scorers read a copy without them.
HIDDEN_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
HIDDEN_RE = re.compile(f"[{HIDDEN_CHARS}]")
#: a zero-width space between two word characters: inside a word ("nego\u200btiations")
#: or in place of a space between two ("peace\u200btalks")
ZWSP_IN_WORD_RE = re.compile(r"(?<=\w)\u200b(?=\w)")


def without_hidden(text: str, spaces: Container[int] = frozenset()) -> tuple[str, list[int]]:
    """``text`` without its hidden characters (:data:`HIDDEN_CHARS`), the one at each offset
    in ``spaces`` becoming a space instead (a zero-width space that stands for one), and for
    each character of that copy, and for its end, its offset in ``text``: what
    :func:`span_back` maps a span of the copy back with. Which zero-width spaces are spaces
    is the caller's choice (the framing and sourcing scorers choose differently)::

        >>> clean, pos = without_hidden("a cease\u00adfire\u200bdeal", spaces={12})
        >>> clean
        'a ceasefire deal'
        >>> pos
        [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]
        >>> span_back(pos, 2, 11)  # "ceasefire" of the copy: the soft hyphen inside is kept
        (2, 12)
    """
    n = len(text)
    removed = [i for m in HIDDEN_RE.finditer(text) if (i := m.start()) not in spaces]
    if spaces:
        clean = HIDDEN_RE.sub(lambda m: " " if m.start() in spaces else "", text)
    else:
        clean = HIDDEN_RE.sub("", text)
    if not removed:
        return clean, list(range(n + 1))
    gone = set(removed)
    return clean, [i for i in range(n + 1) if i not in gone]


def span_back(pos: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The span ``start:end`` of a copy made by :func:`without_hidden` as a span of the text
    it was made from (``pos``, the offsets it returned): the span keeps the hidden characters
    inside it, not those before or after it. An empty span stays empty, an end past the copy
    is its end, and a negative start (no span) is returned as it is::

        >>> pos = without_hidden("\u200bZel\u00adensky said")[1]  # copy: "Zelensky said"
        >>> span_back(pos, 0, 8), span_back(pos, 9, 13), span_back(pos, 3, 3), span_back(pos, -1, -1)
        ((1, 10), (11, 15), (5, 5), (-1, -1))
    """
    last = len(pos) - 1
    if start < 0:
        return start, end
    start, end = min(start, last), min(end, last)
    return pos[start], (pos[end - 1] + 1 if end > start else pos[start])


def is_missing(value: object) -> bool:
    """Whether a table cell holds no value: None, or a scalar pandas counts as missing (a float
    NaN, ``pd.NA``, ``NaT``); an empty string is a value::

        >>> [is_missing(v) for v in (None, float("nan"), "", "nan", 0)]
        [True, True, False, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        return False
    if isinstance(value, float):
        return value != value  # NaN (a C-speed path for the common case)
    import pandas as pd  # (only here: reading text needs no pandas)

    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def text_or_empty(value: object) -> str:
    """A table cell as text: ``str(value)``, or '' for a missing value (:func:`is_missing`),
    not 'nan' or 'None' (pandas reads an empty CSV cell as NaN)::

        >>> [text_or_empty(v) for v in (None, float("nan"), "Reuters", 3)]
        ['', '', 'Reuters', '3']
    """
    return "" if is_missing(value) else str(value)


def _warn(where: str, reason: str) -> Skipped:
    return Skipped(source=where, reason=reason, kind="warning")


def check_size(size: int, where: str) -> list[Skipped]:
    """Refuse inputs over :data:`MAX_FILE_BYTES`; warn over :data:`LARGE_FILE_BYTES`."""
    if size > MAX_FILE_BYTES:
        raise InputError(
            where,
            f"file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB "
            "(split it into several files or a .jsonl corpus)",
        )
    if size > LARGE_FILE_BYTES:
        return [_warn(where, f"large file ({size / 1e6:.1f} MB); loading and scoring will be slow")]
    return []


def sniff_binary(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts with, or None for (probably) text."""
    for name, magic, offset in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            if name == "bzip2 archive" and data[4:10] != b"1AY&SY":
                continue
            if name == "WebP/RIFF media" and data[8:12] not in (b"WEBP", b"WAVE", b"AVI "):
                continue
            if name == "Parquet file" and not data.endswith(b"PAR1"):
                continue
            return name
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where the NUL bytes sit (ASCII-heavy text)."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _non_latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    non_latin = sum(1 for c in letters if ord(c) > 0x24F and "LATIN" not in unicodedata.name(c, ""))
    return non_latin / len(letters)


def _decode_legacy(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes that are not UTF-8: a non-Latin code page if charset-normalizer
    is sure of one, else cp1252, else latin-1 (which decodes anything)."""
    try:
        import charset_normalizer

        best = charset_normalizer.from_bytes(data[:200_000]).best()
    except Exception:  # noqa: BLE001 - the guess is optional; cp1252/latin-1 follow
        best = None
    # UTF-16/32 without NUL bytes is never right (those were handled before)
    if best is not None and len(data) >= 20 and not best.encoding.startswith(("utf", "ascii")):
        try:
            guessed = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            guessed = None
        # Western code pages are told apart badly by statistics on news-sized texts:
        # only trust the guess when it yields mostly non-Latin letters (Cyrillic, Greek, ...).
        if guessed is not None and _non_latin_share(guessed) > 0.5:
            return guessed, best.encoding
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


# Each byte as cp1252 would read it (latin-1 for the five bytes cp1252 leaves undefined).
_CP1252 = tuple(
    bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
    for b in range(256)
)


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - decoding only
        raise exc
    return "".join(_CP1252[b] for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error("framing-cp1252-fallback", _cp1252_fallback)


def _decode_not_utf8(data: bytes, where: str) -> tuple[str, str]:
    """Bytes that are not valid UTF-8: (text, what was done).

    A file that is mostly UTF-8 with a few stray cp1252 bytes (pasted from a
    Windows program) keeps its UTF-8 characters and reads the stray bytes as
    cp1252; a file without any UTF-8 multi-byte sequence is a legacy code page.
    """
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for c in lenient if c > "\x7f" and c != "\ufffd")
    if good > bad:
        text = data.decode("utf-8", errors="framing-cp1252-fallback")
        return text, f"mostly UTF-8; {bad} invalid byte sequence(s) decoded as cp1252"
    text, used = _decode_legacy(data, where)
    return text, f"not valid UTF-8; decoded as {used}"


_SURROGATES_RE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate (U+D800-U+DFFF: a JSON escape such as ``"\\ud800"``
    without its pair; no decoded file holds one) replaced by U+FFFD, one for one (offsets
    hold), and how many there were. Left in, no UTF-8 output can be written::

        >>> text, n = without_surrogates("ok " + chr(0xD800) + " ok")
        >>> text == "ok \N{REPLACEMENT CHARACTER} ok", n
        (True, 1)
    """
    n = len(_SURROGATES_RE.findall(text))
    return (_SURROGATES_RE.sub("\ufffd", text), n) if n else (text, 0)


def normalise_text(text: str, where: str) -> tuple[str, list[Skipped]]:
    """Remove a leading byte-order mark and NUL characters; normalise line endings to ``\\n``
    and no-break/typographic spaces to plain spaces (one for one: offsets hold).

    >>> normalise_text("Talks resumed.\\r\\nNo deal yet.\\r\\n", "x.txt")
    ('Talks resumed.\\nNo deal yet.\\n', [])

    Only *mixed* line endings (some ``\\r\\n`` or ``\\r``, some ``\\n``) are
    reported; a file written with Windows line endings throughout is normal.
    """
    repairs: list[Skipped] = []
    if text.startswith("\ufeff"):  # a text read with encoding="utf-8" from a file with a BOM
        text = text.lstrip("\ufeff")
        repairs.append(_warn(where, "removed the byte-order mark (U+FEFF) at the start"))
    text = text.translate(PLAIN_SPACES)
    text, n = without_surrogates(text)
    if n:
        repairs.append(_warn(where, f"replaced {n} lone surrogate(s) (a broken \\uD800-\\uDFFF escape) with U+FFFD"))
    if "\x00" in text:
        n = text.count("\x00")
        text = text.replace("\x00", "")
        repairs.append(_warn(where, f"removed {n} NUL character(s)"))
    if "\r" in text:
        crlf = text.count("\r\n")
        lone_cr = text.count("\r") - crlf
        lone_lf = text.count("\n") - crlf
        kinds = sum(1 for n in (crlf, lone_cr, lone_lf) if n)
        text = _NEWLINES.sub("\n", text)
        if kinds > 1:
            repairs.append(
                _warn(
                    where,
                    f"mixed line endings ({crlf} CRLF, {lone_cr} CR, {lone_lf} LF) normalised to LF; "
                    "offsets refer to the normalised text",
                )
            )
    return text, repairs


def decode_bytes(data: bytes, where: str) -> tuple[str, list[Skipped]]:
    """Decode ``data`` (the content of ``where``) to text, reporting every repair.

    Order: empty → :class:`EmptyInputError`; known binary signature (PNG, PDF,
    ZIP, ...) → :class:`BinaryInputError`; a byte-order mark (UTF-8, UTF-16,
    UTF-32) decides the encoding; UTF-16 without a BOM is recognised from its
    NUL pattern; many control bytes → :class:`BinaryInputError`; then UTF-8,
    else a legacy code page (cp1252, latin-1, or a non-Latin one that
    charset-normalizer is sure of). NUL characters are removed and line
    endings normalised (see :func:`normalise_text`). Whitespace-only text →
    :class:`EmptyInputError`.
    """
    repairs: list[Skipped] = []
    if not data:
        raise EmptyInputError(where, "file is empty")
    kind = sniff_binary(data)
    if kind:
        raise BinaryInputError(where, f"not text: looks like a {kind}")
    encoding = None
    for bom, enc, label in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            encoding = enc
            repairs.append(_warn(where, f"decoded as {label} (byte-order mark removed)"))
            break
    if encoding is None:
        sample = data[:_SNIFF]
        guess = _utf16_without_bom(sample) if sample.count(0) > len(sample) // 4 else None
        if guess:
            encoding = guess
            repairs.append(
                _warn(where, f"decoded as {guess} (no byte-order mark; guessed from NUL bytes)")
            )
        else:
            controls = sum(sample.count(b) for b in _CONTROL)
            if controls > max(8, 0.05 * len(sample)):
                raise BinaryInputError(
                    where, f"not text: {controls} control bytes in the first {len(sample)} bytes"
                )
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodingError(
                where, f"invalid {encoding} at byte {exc.start}: {exc.reason}"
            ) from exc
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, reason = _decode_not_utf8(data, where)
            repairs.append(_warn(where, reason))
    text, more = normalise_text(text, where)
    repairs.extend(more)
    if not text.strip():
        raise EmptyInputError(where, "file holds only whitespace" if text else "file holds no text")
    return text, repairs


def read_text_file(path: str | Path) -> tuple[str, list[Skipped]]:
    """Read and decode a text file (see :func:`decode_bytes`), with the size limits.

    Raises :class:`InputError` for a missing file, a folder, or a file over
    :data:`MAX_FILE_BYTES`.
    """
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise InputError(where, "no such file")
    if p.is_dir():
        raise InputError(where, "is a folder, not a file")
    repairs = check_size(p.stat().st_size, where)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot read: {exc.strerror or exc}") from exc
    text, more = decode_bytes(data, where)
    return text, repairs + more
