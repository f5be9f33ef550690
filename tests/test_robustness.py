"""Hostile input through the CLI: a clear answer, never a traceback, nothing lost.

Each case writes a bad input, runs ``framing score`` (and ``framing sentences``)
in a subprocess and checks the exit code, that stderr has no traceback, what the
message says, and that everything skipped is reported (``OUT.skipped.json`` beside the output).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

GOOD = (
    "Talks resume in Geneva\n\n"
    "Negotiators from both sides met on Monday for a new round of talks, officials said.\n\n"
    "Artillery fire continued overnight near the front line, according to Reuters.\n"
)


def _mk(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


# (case id, file name, content, expected exit code, regex expected in stderr or None)
SINGLE_FILE_CASES = [
    ("empty", "empty.txt", b"", 1, r"(?i)empty"),
    ("whitespace", "blank.txt", b"   \n\t \n  ", 1, r"(?i)empty|whitespace"),
    ("binary", "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, 1, r"(?i)binary"),
    ("cp1252", "cp1252.txt", GOOD.replace("talks", "“talks”").encode("cp1252"), 0, r"(?i)cp1252|windows-1252|decoded"),
    ("latin1", "latin1.txt", ("Café diplomacy\n\n" + GOOD + "Les négociations à Genève.\n").encode("latin-1"), 0, r"(?i)latin|iso-8859|cp1252|decoded"),
    ("utf16", "utf16.txt", GOOD.encode("utf-16"), 0, None),
    ("utf8-bom", "bom.txt", b"\xef\xbb\xbf" + GOOD.encode("utf-8"), 0, None),
    ("nul-bytes", "nul.txt", GOOD.replace("Monday", "Mon\x00day").encode(), 0, r"(?i)nul"),
    ("mixed-eol", "eol.txt", GOOD.replace("\n\n", "\r\n\r\n", 1).replace("\n", "\r", 1).encode(), 0, None),
    ("unbalanced-quotes", "quotes.txt", "“We will not stop, he said.\n\n\"Nested ‘quotes “here” and there, officials said.\n\n”Stray closing.\n", 0, None),
]


@pytest.mark.parametrize("command", ["sentences", "score"])
@pytest.mark.parametrize("case, name, data, code, pattern", SINGLE_FILE_CASES, ids=[c[0] for c in SINGLE_FILE_CASES])
def test_single_file_matrix(framing_cli, tmp_path, command, case, name, data, code, pattern):
    path = _mk(tmp_path, name, data)
    out = tmp_path / "out" / "table.csv"
    r = framing_cli(command, str(path), "-o", str(out))
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == code, r.stderr
    if pattern:
        assert pd.Series([r.stderr]).str.contains(pattern).iloc[0], r.stderr
    if code == 0:
        df = pd.read_csv(out)
        assert len(df) >= 1
    else:
        assert not out.exists()
        assert name in r.stderr  # the message names the file


def test_html_junk_never_leaks_scripts(framing_cli, tmp_path):
    html = """<html><head><title>Ceasefire holds in the north</title>
    <style>body{color:red} .x{}</style><script>var secret='SCRIPTLEAK'; alert(1)</script></head>
    <body><nav>Home | World | Sport</nav><article><h1>Ceasefire holds in the north</h1>
    <p>The ceasefire agreed last week held for a third day on Sunday, the United Nations said.</p>
    <p>Mediators from Qatar and Egypt said talks on a longer truce would resume on Tuesday.</p>
    <iframe src="http://127.0.0.1:9/ad">IFRAMELEAK</iframe>
    <p>Both sides accused each other of sporadic shelling near the border overnight.</p></article>
    <script>document.write('SCRIPTLEAK2')</script></body></html>"""
    path = _mk(tmp_path, "page.html", html)
    out = tmp_path / "scored.csv"
    r = framing_cli("score", str(path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = " ".join(pd.read_csv(out)["text"])
    assert "ceasefire" in text.lower()
    for leak in ("SCRIPTLEAK", "IFRAMELEAK", "color:red", "alert("):
        assert leak not in text


def test_jsonl_with_a_malformed_line(framing_cli, tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "One", "text": GOOD}),
        '{"id": "a2", "title": "Broken", "text": "unterminated',
        json.dumps({"id": "a3", "title": "Three", "text": "Sanctions were tightened again on Friday."}),
    ]
    path = _mk(tmp_path, "corpus.jsonl", "\n".join(lines) + "\n")
    out = tmp_path / "o" / "scored.csv"
    r = framing_cli("score", str(path), "-o", str(out), "-q")
    assert r.returncode == 0, r.stderr
    assert set(pd.read_csv(out)["article_id"]) == {"a1", "a3"}
    assert ":2" in r.stderr or "line 2" in r.stderr
    skipped = json.loads(out.with_name(f"{out.stem}.skipped.json").read_text())
    assert any(s.get("line") == 2 for s in skipped)


def test_csv_without_text_column(framing_cli, tmp_path):
    path = _mk(tmp_path, "corpus.csv", "id,title,body\n1,Hello,Talks resumed.\n")
    r = framing_cli("score", str(path))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "text" in r.stderr and "body" in r.stderr  # names the columns found


def test_csv_with_unknown_columns_warns_and_loads(framing_cli, tmp_path):
    path = _mk(tmp_path, "corpus.csv", "id,text,mood\n1,Talks resumed on Monday.,calm\n")
    out = tmp_path / "s.csv"
    r = framing_cli("score", str(path), "-o", str(out), "-q")
    assert r.returncode == 0, r.stderr
    assert "mood" in r.stderr
    assert len(pd.read_csv(out)) == 1


def test_duplicate_ids_are_kept_and_reported(framing_cli, tmp_path):
    rows = [
        {"id": "same", "text": "Talks resumed on Monday."},
        {"id": "same", "text": "Missiles struck the port on Tuesday."},
    ]
    path = _mk(tmp_path, "dup.jsonl", "\n".join(json.dumps(r) for r in rows))
    out = tmp_path / "s.csv"
    r = framing_cli("score", str(path), "-o", str(out), "-q")
    assert r.returncode == 0, r.stderr
    ids = pd.read_csv(out)["article_id"].unique().tolist()
    assert len(ids) == 2 and ids[0] == "same"
    assert "duplicate" in r.stderr.lower()


def test_non_english_article_is_flagged(framing_cli, tmp_path):
    german = (
        "Die Verhandlungen zwischen den beiden Delegationen wurden am Montag in Genf fortgesetzt. "
        "Nach Angaben der Regierung gab es jedoch keine Fortschritte bei den wichtigsten Fragen. "
        "Die Angriffe auf die Stadt gingen in der Nacht weiter, und die Behörden meldeten zahlreiche Opfer.\n"
    )
    path = _mk(tmp_path, "de.txt", german)
    out = tmp_path / "s.csv"
    r = framing_cli("score", str(path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "english" in r.stderr.lower()


def test_ten_thousand_sentences(framing_cli, tmp_path):
    body = " ".join(
        f"Delegation {i} met officials in the capital on day {i} and artillery fire was reported nearby."
        for i in range(10_000)
    )
    path = _mk(tmp_path, "long.txt", body)
    out = tmp_path / "s.parquet"
    r = framing_cli("score", str(path), "-o", str(out), timeout=600)
    assert r.returncode == 0, r.stderr
    assert len(pd.read_parquet(out)) == 10_000


@pytest.mark.slow
def test_ten_megabyte_line_without_punctuation(framing_cli, tmp_path):
    words = ("ceasefire talks shelling convoy diplomats border villages " * 190_000)[: 10 * 1024 * 1024]
    assert len(words) == 10 * 1024 * 1024
    path = _mk(tmp_path, "huge.txt", words)
    out = tmp_path / "s.parquet"
    r = framing_cli("score", str(path), "-o", str(out), timeout=900)
    assert "Traceback" not in r.stderr
    assert r.returncode == 0, r.stderr
    df = pd.read_parquet(out)
    assert df["end"].max() == len(words.rstrip())  # the whole line is covered: nothing dropped
    assert (df["end"] - df["start"]).max() <= 2000  # split at the documented length cap


def test_folder_with_mixed_good_and_bad_files(framing_cli, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    _mk(folder, "good.txt", GOOD)
    _mk(folder, "empty.txt", "")
    _mk(folder, "binary.txt", b"\x00\x01\x02\x03" * 500)
    (folder / "sub").mkdir()
    _mk(folder / "sub", "other.md", "# Sanctions\n\nThe EU agreed a new package of sanctions on Friday.\n")
    out = tmp_path / "o" / "s.csv"
    r = framing_cli("score", str(folder), "-o", str(out), "-q")
    assert r.returncode == 0, r.stderr
    assert len(pd.read_csv(out)["article_id"].unique()) == 2
    skipped = json.loads(out.with_name(f"{out.stem}.skipped.json").read_text())
    reasons = {Path(s["source"]).name: s["reason"] for s in skipped}
    assert "empty.txt" in reasons and "binary.txt" in reasons
    assert "empty.txt" in r.stderr and "binary.txt" in r.stderr


@pytest.mark.parametrize(("stream", "output"), [(False, "scored.csv"), (True, "scored.parquet")])
def test_jsonl_with_null_and_non_string_texts_names_each(framing_cli, tmp_path, stream, output):
    lines = [
        {"id": "a1", "text": GOOD},
        {"id": "a2", "text": None},
        {"id": "a3", "text": 42},
        {"id": "a4", "text": ["Talks", "resumed."]},
        {"id": "a5", "text": "   "},
        {"id": "a6", "Text": "Sanctions were tightened again on Friday."},  # spelt as a CSV header may be
    ]
    path = _mk(tmp_path, "corpus.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    out = tmp_path / "o" / output
    r = framing_cli("score", str(path), "-o", str(out), "-q", *(["--stream"] if stream else []))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    ids = pd.read_parquet(out)["article_id"] if stream else pd.read_csv(out)["article_id"]
    assert set(ids) == {"a1", "a6"}
    skipped = json.loads(out.with_name(f"{out.stem}.skipped.json").read_text())
    reasons = {s["line"]: s["reason"] for s in skipped if s.get("kind", "skipped") == "skipped"}
    assert {k: v.removeprefix("unusable article: ") for k, v in reasons.items()} == {
        2: "text is null",
        3: "text is an int, not a string",
        4: "text is a list, not a string",
        5: "empty text",
    }


def test_hidden_characters_inside_words_change_nothing(framing_cli, tmp_path):
    """Soft hyphens and zero-width characters inside words (text pasted from a web page or a
    word processor) leave the frames and the sources as in the plain text; offsets index the
    text as given."""
    hidden = (GOOD.replace("said", "sa\u00adid").replace("Negotiators", "Nego\u200btiators")
              .replace("Reuters", "Reu\u2060ters").replace("officials", "offi\u200dcials")
              .replace("Artillery", "Artil\u00adlery"))
    tables = []
    for name, text in (("plain.txt", GOOD), ("hidden.txt", hidden)):
        out = tmp_path / f"{name}.csv"
        r = framing_cli("score", str(_mk(tmp_path, name, text)), "-o", str(out), "-q")
        assert r.returncode == 0, r.stderr
        tables.append(pd.read_csv(out, keep_default_na=False))
    plain, got = tables
    same = ["frame", "source_type", "speaker", "speaker_canonical", "cue", "quote_mode",
            "via_outlet", "anonymous", "side", "source_rule"]
    assert (plain["source_type"] != "unattributed").sum() == 2  # the table tests something
    pd.testing.assert_frame_equal(got[same], plain[same])
    from analysis.textio import HIDDEN_CHARS

    drop = str.maketrans(dict.fromkeys(HIDDEN_CHARS))
    for (_, g), (_, p) in zip(got.iterrows(), plain.iterrows(), strict=True):
        for a, b in (("speaker_start", "speaker_end"), ("cue_start", "cue_end")):
            assert (g[a] >= 0) == (p[a] >= 0)  # a span in both tables or in neither
            assert g["text"][g[a]:g[b]].translate(drop) == p["text"][p[a]:p[b]]
