"""framing fetch: pages served by a local HTTP server on 127.0.0.1 (never any other address)."""

from __future__ import annotations

import json
import socket
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from analysis.articles import load_corpus
from analysis.errors import FetchError, InputWarning
from analysis.fetch import check_url, fetch_articles, url_id

PAGE = (Path(__file__).parent / "fixtures" / "articles" / "page.html").read_bytes()
LATIN_PAGE = (
    "<html><head><title>Café talks</title></head><body><article>"
    "<p>Delegates met at a café in Genève on Friday and agreed to continue the talks, officials said.</p>"
    "<p>Neither side announced a ceasefire, and shelling was reported overnight near the border.</p>"
    "</article></body></html>"
).encode("cp1252")
PLAIN = (
    "Envoys agree to meet again\n\n"
    "Delegates met at a café in Genève on Friday and agreed to continue the talks, officials said.\n\n"
    "Neither side announced a ceasefire, and shelling was reported overnight near the border.\n"
)
NAV_ONLY = (
    b"<html><head><title>Index</title></head><body><nav>Home | World | Sport</nav></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str | None = "text/html; charset=utf-8",
        length: bool = True,
    ):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's name
        path = self.path.split("?")[0]
        if path == "/ok":
            self._send(200, PAGE)
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.end_headers()
        elif path == "/redirect-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/hostname")
            self.end_headers()
        elif path == "/redirect-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/pub/file.html")
            self.end_headers()
        elif path == "/404":
            self._send(404, b"<html><body>not here</body></html>")
        elif path == "/500":
            self._send(500, b"oops", "text/plain")
        elif path == "/slow":
            time.sleep(2.0)
            self._send(200, PAGE)
        elif path == "/drip":  # headers at once, then the body a few bytes at a time
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for i in range(30):
                try:
                    self.wfile.write(b"<p>drip %d</p>\n" % i)
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)
        elif path == "/big":
            self._send(200, b"<html>" + b"x" * 5000 + b"</html>")
        elif path == "/big-stream":  # no Content-Length: the limit must hold while streaming
            self._send(200, b"<html><body>" + b"<p>talks</p>" * 2000, length=False)
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4 ...", "application/pdf")
        elif path == "/json":
            self._send(200, b'{"a": 1}', "application/json")
        elif path == "/nav-only":
            self._send(200, NAV_ONLY)
        elif path == "/latin":
            self._send(200, LATIN_PAGE, "text/html; charset=windows-1252")
        elif path == "/latin-no-charset":
            self._send(200, LATIN_PAGE, "text/html")
        elif path == "/plain":
            self._send(200, PLAIN.encode("utf-8"), "text/plain; charset=utf-8")
        elif path == "/plain-latin":
            self._send(200, PLAIN.encode("cp1252"), "text/plain; charset=windows-1252")
        elif path == "/plain-no-charset":  # decoded by sniffing, as a file is
            self._send(200, PLAIN.encode("cp1252"), "text/plain")
        elif path == "/plain-pdf":
            self._send(200, b"%PDF-1.4 " + bytes(200), "text/plain")
        elif path == "/no-type":
            self._send(200, PAGE, None)
        elif path == "/no-type-binary":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), None)
        else:
            self._send(404, b"unknown")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_ok_page_is_saved_as_json_article(server, tmp_path):
    url = f"{server}/ok"
    result = fetch_articles([url], tmp_path / "out")
    assert result.skipped == []
    (path,) = result.saved
    assert path == tmp_path / "out" / f"{url_id(url)}.json"
    rec = json.loads(path.read_text(encoding="utf-8"))
    assert rec["url"] == url
    assert rec["title"] == "Foreign ministers hold first call since the war began"
    assert rec["author"] == "Maria Jensen" and rec["date"] == "2022-05-13"
    assert rec["outlet"] == "The Example Post"
    assert rec["fetched_at"].endswith("+00:00")
    assert "spoke by telephone on Friday" in rec["text"]
    assert "LEAK" not in rec["text"]
    assert "fetched 1 of 1" in result.summary()
    assert not list((tmp_path / "out").glob("*.part"))  # written atomically, nothing left over


def test_fetched_folder_loads_as_a_corpus_without_warnings(server, tmp_path):
    out = tmp_path / "out"
    fetch_articles([f"{server}/ok", f"{server}/latin"], out)
    with warnings.catch_warnings():
        warnings.simplefilter("error", InputWarning)
        df = load_corpus(out)
    assert len(df) == 2
    assert set(df["url"]) == {f"{server}/ok", f"{server}/latin"}


@pytest.mark.parametrize("path", ["/plain", "/plain-latin", "/plain-no-charset"])
def test_plain_text_page_is_saved_as_an_article(server, tmp_path, path):
    url = f"{server}{path}"
    result = fetch_articles([url], tmp_path / "out")
    assert [s for s in result.skipped if s.kind == "skipped"] == []
    (saved,) = result.saved
    rec = json.loads(saved.read_text(encoding="utf-8"))
    assert rec["url"] == url and rec["language"] == "en"
    assert rec["title"] == "Envoys agree to meet again"  # the first line, as for a .txt file
    assert rec["text"] == PLAIN.strip()
    with warnings.catch_warnings():
        warnings.simplefilter("error", InputWarning)
        df = load_corpus(tmp_path / "out")
    assert list(df["text"]) == [PLAIN.strip()]
    if path == "/plain-no-charset":  # sniffed: the decoding is named, as for a file
        assert [s.reason for s in result.skipped] == ["not valid UTF-8; decoded as cp1252"]
    else:
        assert result.skipped == []


# (path, timeout, max_bytes, reason fragment)
FAILURES = [
    ("/404", 5.0, 5_000_000, "HTTP 404"),
    ("/500", 5.0, 5_000_000, "HTTP 500"),
    ("/slow", 0.5, 5_000_000, "timed out"),
    ("/drip", 0.5, 5_000_000, "timed out"),
    ("/big", 5.0, 1_000, "too large"),
    ("/big-stream", 5.0, 1_000, "too large"),
    ("/pdf", 5.0, 5_000_000, "not HTML or plain text (content type application/pdf)"),
    ("/plain-pdf", 5.0, 5_000_000, "not text: looks like a PDF"),
    ("/json", 5.0, 5_000_000, "not HTML"),
    ("/nav-only", 5.0, 5_000_000, "no article text"),
    ("/no-type-binary", 5.0, 5_000_000, "not HTML"),
    ("/redirect-file", 5.0, 5_000_000, "is not allowed"),  # urllib refuses file: itself
    ("/redirect-ftp", 5.0, 5_000_000, "only http/https"),  # urllib would follow ftp: we refuse
]


@pytest.mark.parametrize("path, timeout, max_bytes, reason", FAILURES, ids=[f[0] for f in FAILURES])
def test_failures_are_reported_per_url(server, tmp_path, path, timeout, max_bytes, reason):
    url = f"{server}{path}"
    t0 = time.monotonic()
    result = fetch_articles([url], tmp_path / "out", timeout=timeout, max_bytes=max_bytes)
    assert time.monotonic() - t0 < 5  # timeouts and limits cut the wait short
    assert result.saved == []
    (skip,) = result.skipped
    assert skip.source == url and skip.kind == "skipped"
    assert reason in skip.reason
    assert url in result.summary() and "1 failed" in result.summary()
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize(
    "path, check",
    [
        ("/redirect", "spoke by telephone"),
        ("/latin", "café in Genève"),
        ("/latin-no-charset", "café in Genève"),
        ("/no-type", "spoke by telephone"),
    ],
)
def test_pages_that_need_care_still_load(server, tmp_path, path, check):
    result = fetch_articles([f"{server}{path}"], tmp_path)
    assert [s for s in result.skipped if s.kind == "skipped"] == []
    rec = json.loads(result.saved[0].read_text(encoding="utf-8"))
    assert check in rec["text"]


def test_redirect_stores_the_final_url(server, tmp_path):
    result = fetch_articles([f"{server}/redirect"], tmp_path)
    rec = json.loads(result.saved[0].read_text(encoding="utf-8"))
    assert rec["url"] == f"{server}/ok"


def test_mixed_batch_keeps_going_and_counts(server, tmp_path):
    urls = [f"{server}/ok", f"{server}/404", f"{server}/ok", "ftp://127.0.0.1/x", f"{server}/latin"]
    result = fetch_articles(urls, tmp_path, timeout=5)
    assert len(result.saved) == 2
    failed = [s for s in result.skipped if s.kind == "skipped"]
    assert [s.source for s in failed] == [f"{server}/404", "ftp://127.0.0.1/x"]
    assert any("duplicate URL" in s.reason for s in result.skipped)
    assert result.summary().splitlines()[0].startswith("fetched 2 of 4 URL(s)")


def test_connection_refused(tmp_path):
    url = f"http://127.0.0.1:{_closed_port()}/x"
    (skip,) = fetch_articles([url], tmp_path, timeout=2).skipped
    assert "cannot connect" in skip.reason


@pytest.mark.parametrize(
    "url, ok",
    [
        ("http://127.0.0.1/x", True),
        ("  https://news.example/a  ", True),
        ("ftp://127.0.0.1/file", False),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("news.example/article", False),
        ("http:///no-host", False),
    ],
)
def test_check_url(url, ok):
    if ok:
        assert check_url(url) == url.strip()
    else:
        with pytest.raises(FetchError):
            check_url(url)


@pytest.mark.parametrize(
    "url, expected",
    [
        (
            "https://news.example/world/2022/03/talks-resume-in-istanbul.html",
            "talks-resume-in-istanbul-",
        ),
        ("https://news.example/", "news-example-"),
        ("https://news.example/a/Ölpreis%20steigt?x=1", "lpreis-20steigt-"),
    ],
)
def test_url_id_is_a_safe_slug_with_a_hash(url, expected):
    got = url_id(url)
    assert got.startswith(expected) and len(got) - len(expected) == 8
    assert url_id(url) == got  # stable


def test_bad_arguments():
    with pytest.raises(ValueError):
        fetch_articles(["http://127.0.0.1/"], "x", timeout=0)
    with pytest.raises(ValueError):
        fetch_articles(["http://127.0.0.1/"], "x", max_bytes=-1)


def test_cli_fetch_exit_codes_and_skipped_json(server, tmp_path, capsys):
    from analysis.cli import main

    out = tmp_path / "articles"
    assert main(["fetch", f"{server}/ok", f"{server}/404", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "fetched 1 of 2" in captured.out and "HTTP 404" in captured.err
    # each failure is listed once (it was in the summary on stdout and again on stderr)
    assert (captured.out + captured.err).count("HTTP 404") == 1
    skipped = json.loads((out / "skipped.json").read_text(encoding="utf-8"))
    assert skipped[0]["source"] == f"{server}/404"

    out2 = tmp_path / "none"
    assert main(["fetch", f"{server}/pdf", "-o", str(out2), "--timeout", "3"]) == 1
    assert "not HTML" in capsys.readouterr().err
