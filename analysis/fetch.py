"""Download web pages and store them as articles: ``framing fetch URL... -o DIR``.

Each page is downloaded with the standard library (``urllib``), with a
timeout, a size limit enforced while the bytes arrive, and http/https only
(redirects included). Its main text and metadata are extracted by the same
code that reads ``.html`` files (:func:`analysis.articles.article_from_html`);
a plain-text page (``text/plain``) is the article's text as it stands, decoded
with the charset the server names or, without one, sniffed as files are
(:func:`analysis.textio.decode_bytes`), its title the first line when that has
no final punctuation (as for ``.txt`` files). Either is stored atomically as ``DIR/<id>.json`` with ``url`` and ``fetched_at``,
ready for ``load_corpus(DIR)``::

    >>> result = fetch_articles(["https://example.org/news/talks-resume"], "articles/")  # doctest: +SKIP
    >>> print(result.summary())  # doctest: +SKIP
    fetched 1 of 1 URL(s) into articles/

Every URL that yields no article is reported in ``result.skipped`` with the
reason: HTTP status, timeout, too large, not HTML or plain text, no article
text found.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from pathlib import Path

from . import __version__
from .errors import FetchError, InputError, Skipped
from .io import write_text
from .textio import decode_bytes, sniff_binary

USER_AGENT = f"framing-analysis/{__version__} (news framing research; +https://pypi.org/project/framing-analysis/)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_CHUNK = 65_536


@dataclass
class FetchResult:
    """What a fetch run produced: the files saved and the URLs skipped (with reasons)."""

    out_dir: Path
    saved: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    n_urls: int = 0

    def summary(self) -> str:
        """One line per problem after a headline, e.g.
        ``fetched 1 of 2 URL(s) into out/; 1 failed`` + ``  - http://...: HTTP 404 Not Found``."""
        failed = [s for s in self.skipped if s.kind == "skipped"]
        head = f"fetched {len(self.saved)} of {self.n_urls} URL(s) into {self.out_dir}"
        if failed:
            head += f"; {len(failed)} failed"
        return "\n".join([head, *(f"  - {s}" for s in failed)])


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http/https (urllib alone would follow ftp too)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(
                req.full_url,
                f"redirected to a {scheme or 'relative'} URL ({newurl}); only http/https are fetched",
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_SafeRedirects())


def check_url(url: str) -> str:
    """The URL stripped, or :class:`FetchError` if it is not an absolute http(s) URL."""
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(
            url, f"only http and https URLs are fetched (got {parts.scheme or 'no scheme'!r})"
        )
    if not parts.netloc:
        raise FetchError(url, "URL has no host")
    return url


def _content_type(headers: Message) -> tuple[str, str | None]:
    ctype = headers.get_content_type() if headers.get("Content-Type") else ""
    return ctype.lower(), headers.get_content_charset()


def download(
    url: str, *, timeout: float = 20.0, max_bytes: int = 5_000_000
) -> tuple[bytes, str, str | None, str]:
    """GET ``url``: (body, final URL, charset from the headers, content type: one of
    :data:`HTML_TYPES` or :data:`TEXT_TYPES`, or "" when the server named none and
    the body has HTML tags).

    Raises :class:`FetchError` naming the URL: HTTP error status, timeout
    (``timeout`` seconds for connecting, for each read, and for the whole
    body), body over ``max_bytes`` (checked against Content-Length first, then
    while streaming), or a content type that is neither HTML nor plain text.
    """
    url = check_url(url)
    req = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(req, timeout=timeout) as resp:
            ctype, charset = _content_type(resp.headers)
            if ctype and ctype not in HTML_TYPES + TEXT_TYPES:
                raise FetchError(url, f"not HTML or plain text (content type {ctype})")
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(url, f"too large ({int(length):,} bytes; limit {max_bytes:,})")
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = resp.read1(_CHUNK)  # returns as soon as bytes arrive
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, f"too large (more than {max_bytes:,} bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(url, f"timed out after {timeout:g} s (body still arriving)")
                chunks.append(chunk)
            body = b"".join(chunks)
            if not ctype and not re.search(rb"(?i)<(!doctype html|html|body|p)[\s>]", body[:4096]):
                raise FetchError(url, "not HTML (no content type and no HTML tags)")
            return body, resp.geturl(), charset, ctype
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(url, f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(url, f"timed out after {timeout:g} s") from exc
        raise FetchError(url, f"cannot connect: {reason}") from exc
    except TimeoutError as exc:
        raise FetchError(url, f"timed out after {timeout:g} s") from exc
    except OSError as exc:  # connection reset, TLS errors, ...
        raise FetchError(url, f"download failed: {exc}") from exc


def url_id(url: str) -> str:
    """A stable, file-name-safe id for a URL: the last path segment as a slug plus a short hash.

    >>> url_id("https://news.example/world/2022/03/talks-resume-in-istanbul.html")
    'talks-resume-in-istanbul-ada4e432'
    """
    parts = urllib.parse.urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    last = segments[-1] if segments else parts.netloc
    last = re.sub(r"\.(s?html?|php|aspx?)$", "", last, flags=re.I)
    slug = re.sub(r"[^a-z0-9]+", "-", last.lower()).strip("-")[:60].strip("-") or "page"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}"


def _decode(body: bytes, charset: str | None, url: str) -> tuple[str, list[Skipped]]:
    if charset:
        try:
            return body.decode(charset), []
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(body, url)


def fetch_article(
    url: str, out_dir: str | Path, *, timeout: float = 20.0, max_bytes: int = 5_000_000
) -> tuple[Path, list[Skipped]]:
    """Download one page, extract the article and store it as ``out_dir/<id>.json``.

    An HTML page gives its main text and metadata; a plain-text page its text as
    it stands. Returns (path written, repairs). Raises :class:`FetchError` (or
    another :class:`InputError`) naming the URL when there is no article to store.
    """
    from .articles import Article, article_from_html

    body, final_url, charset, ctype = download(url, timeout=timeout, max_bytes=max_bytes)
    if ctype in TEXT_TYPES:
        kind = sniff_binary(body)
        if kind:  # a PDF or an image served as text/plain
            raise FetchError(url, f"not text: looks like a {kind} (served as {ctype})")
    page, repairs = _decode(body, charset, url)
    try:
        if ctype in TEXT_TYPES:
            art = Article.from_text(page, url=final_url, path=url)
        else:
            art = article_from_html(page, where=url, url=final_url)
    except InputError as exc:
        raise FetchError(
            url,
            exc.reason
            if "no article text" in exc.reason
            else f"no article text found ({exc.reason})",
        ) from exc
    art_id = url_id(url)
    record = {
        "id": art_id,
        "title": art.title,
        "outlet": art.outlet,
        "author": art.author,
        "date": art.date,
        "url": final_url,
        "language": art.language,
        "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "text": art.text,
    }
    path = write_text(
        Path(out_dir) / f"{art_id}.json", json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    )
    return path, [*repairs, *art.warnings]


def fetch_articles(
    urls: list[str] | tuple[str, ...],
    out_dir: str | Path,
    *,
    timeout: float = 20.0,
    max_bytes: int = 5_000_000,
) -> FetchResult:
    """Fetch every URL (in order, duplicates once) into ``out_dir``; never raises for one bad URL.

    Each failure becomes a ``Skipped`` record with the URL and the reason;
    repairs on saved pages (encoding, non-English text) are ``Skipped`` of
    kind ``"warning"``.
    """
    if timeout <= 0:
        raise ValueError(f"timeout must be positive, not {timeout}")
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    out = Path(out_dir)
    result = FetchResult(out_dir=out, n_urls=len(urls))
    seen: set[str] = set()
    for url in urls:
        key = url.strip()
        if key in seen:
            result.skipped.append(Skipped(key, "duplicate URL; fetched once", None, "warning"))
            result.n_urls -= 1
            continue
        seen.add(key)
        try:
            path, repairs = fetch_article(key, out, timeout=timeout, max_bytes=max_bytes)
        except InputError as exc:
            result.skipped.append(Skipped(key, exc.reason))
            continue
        result.saved.append(path)
        result.skipped.extend(Skipped(key, r.reason, None, r.kind) for r in repairs)
    return result
