"""The annotated article and a report page in headless Chromium: they render, show the legend,
and never run a script that came from article text.

Chromium is Debian's ``chromium`` (``bash scripts/install_browser.sh``; ``make test`` runs it).
Without it the tests skip, except under CI (``CI=true``), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
    "--mute-audio",
    # resolve no host name: nothing leaves the machine, whatever Chromium itself wants to fetch
    "--host-resolver-rules=MAP * ~NOTFOUND",
]

HOSTILE = (
    "Talks stall as <script>document.title='PWNED'</script> strikes go on\n\n"
    "Negotiators met in Geneva on Tuesday, the foreign ministry said. "
    "<img src=x onerror=\"document.title='PWNED'\"> "
    "“We will not accept an ultimatum,” Defence Minister Ana Petrova told reporters.\n\n"
    "Shelling resumed overnight in the east, officials said.\n"
)


def _chromium() -> str | None:
    for cand in (
        os.environ.get("CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if cand and Path(cand).exists():
            return cand
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = _chromium()
    if exe is None:
        msg = "headless Chromium not found (install it with: bash scripts/install_browser.sh)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(msg)
        pytest.skip(msg)
    return exe


def _run(chromium: str, tmp: Path, *args: str, timeout: float = 90) -> subprocess.CompletedProcess:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "HOME": str(tmp)},
    )


def dump_dom(chromium: str, page: Path, tmp: Path) -> str:
    """The DOM after load (and after any script would have run)."""
    res = _run(chromium, tmp, "--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    assert "<body" in res.stdout, res.stderr[-2000:]
    return res.stdout


def screenshot(chromium: str, page: Path, tmp: Path, height: int = 2000) -> Path:
    png = tmp / f"{page.stem}-{len(list(tmp.glob('*.png')))}.png"
    res = _run(
        chromium,
        tmp,
        f"--screenshot={png}",
        f"--window-size=1280,{height}",
        page.resolve().as_uri(),
    )
    assert png.exists() and png.stat().st_size > 0, res.stderr[-2000:]
    return png


def pixel_variety(png: Path) -> tuple[int, float]:
    """(number of distinct colours, standard deviation of the pixel values)."""
    import numpy as np

    try:
        from PIL import Image

        arr = np.asarray(Image.open(png).convert("RGB"))
    except ImportError:  # pragma: no cover - PIL is normally there (matplotlib needs it)
        import matplotlib.image as mpimg

        arr = (mpimg.imread(png)[..., :3] * 255).astype("uint8")
    flat = arr.reshape(-1, 3)
    colours = len(np.unique(flat[:: max(1, len(flat) // 200_000)], axis=0))
    return colours, float(arr.std())


def _title(dom: str) -> str:
    import re

    m = re.search(r"<title>(.*?)</title>", dom, re.S)
    return m.group(1) if m else ""


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def seed_page(tmp) -> Path:
    from analysis import score_article
    from analysis.paths import seed_article_path
    from analysis.render import save_article_html

    scored = score_article(seed_article_path())
    page = save_article_html(scored, tmp / "seed.html")
    (tmp / "seed.n").write_text(str(len(scored)))
    return page


@pytest.fixture(scope="module")
def hostile_report(tmp) -> Path:
    """A report (annotated article + the article notebook) of an article full of markup."""
    from analysis.report import build_report

    art = tmp / "hostile.txt"
    art.write_text(HOSTILE, encoding="utf-8")
    return build_report(article=art, out_dir=tmp / "report", parts=["01-seed-article"], quiet=True)


# --------------------------------------------------------------------- tests


def test_detector_sees_a_script_that_does_run(chromium, tmp):
    """Control: without escaping, the same text WOULD run, and the DOM dump shows it."""
    page = tmp / "control.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><title>x</title></head><body>{HOSTILE}</body></html>"
    )
    assert _title(dump_dom(chromium, page, tmp)) == "PWNED"


def test_annotated_seed_renders_with_legend(chromium, tmp, seed_page):
    colours, spread = pixel_variety(screenshot(chromium, seed_page, tmp))
    assert colours > 50 and spread > 10, (colours, spread)
    dom = dump_dom(chromium, seed_page, tmp)
    assert 'class="fa-legend"' in dom and "Legend" in dom
    assert dom.count('class="fa-s fa-f-') == int((tmp / "seed.n").read_text())
    assert "Blinken" in dom


@pytest.mark.parametrize("page", ["article.html", "01-seed-article.html"])
def test_article_text_never_runs_as_script(chromium, tmp, hostile_report, page):
    path = hostile_report / page
    dom = dump_dom(chromium, path, tmp)
    assert "PWNED" != _title(dom)
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom  # shown as text
    assert "<script>document.title" not in dom and '<img src="x"' not in dom
    assert 'class="fa-legend"' in dom


@pytest.mark.parametrize("page", ["article.html", "01-seed-article.html", "index.html"])
def test_report_pages_are_not_blank(chromium, tmp, hostile_report, page):
    colours, spread = pixel_variety(screenshot(chromium, hostile_report / page, tmp))
    assert colours > 30 and spread > 5, (page, colours, spread)


def page_requests(chromium: str, page: Path, tmp: Path) -> list[str]:
    """http(s) URLs the PAGE asked for (Chromium's own update/time/spellcheck requests,
    which carry no page origin, are left out), from Chromium's network log."""
    import json

    log = tmp / f"netlog-{len(list(tmp.glob('netlog-*')))}.json"
    res = _run(
        chromium,
        tmp,
        f"--log-net-log={log}",
        "--virtual-time-budget=2000",
        "--dump-dom",
        page.resolve().as_uri(),
    )
    assert res.returncode == 0 and log.exists(), res.stderr[-2000:]
    text = log.read_text(encoding="utf-8", errors="replace").rstrip()
    try:
        events = json.loads(text if text.endswith("}") else text.rstrip(",") + "]}")["events"]
    except json.JSONDecodeError as exc:  # pragma: no cover - a truncated log
        pytest.fail(f"unreadable network log {log}: {exc}")
    urls = set()
    for e in events:
        p = e.get("params", {})
        url = str(p.get("url", ""))
        from_page = p.get("initiator") not in (None, "not an origin") or str(
            p.get("network_isolation_key", "")
        ).startswith("file://")
        if url.startswith(("http://", "https://")) and from_page:
            urls.add(url)
    return sorted(urls)


def test_network_detector_sees_a_remote_image(chromium, tmp):
    page = tmp / "remote.html"
    page.write_text(
        '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/probe.png">x</body></html>'
    )
    assert page_requests(chromium, page, tmp) == ["http://127.0.0.1:9/probe.png"]


@pytest.mark.parametrize("which", ["seed", "report-index", "report-article", "report-notebook"])
def test_no_network_request_from_the_pages(chromium, tmp, seed_page, hostile_report, which):
    page = {
        "seed": seed_page,
        "report-index": hostile_report / "index.html",
        "report-article": hostile_report / "article.html",
        "report-notebook": hostile_report / "01-seed-article.html",
    }[which]
    assert page_requests(chromium, page, tmp) == []
