"""Loading articles and corpora: every format, every bad-file case, nothing lost silently."""

from __future__ import annotations

import codecs
import dataclasses
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import articles as A
from analysis import textio
from analysis.articles import Article, load_article, load_corpus
from analysis.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputWarning,
    MalformedRecordError,
    MissingColumnError,
    Skipped,
    UnsupportedFormatError,
)

FIXTURES = Path(__file__).parent / "fixtures" / "articles"

GOOD = (
    "Talks resume in Geneva\n\n"
    "Negotiators from both sides met on Monday for a new round of talks, officials said.\n\n"
    "Artillery fire continued overnight near the front line, according to Reuters.\n"
)
GERMAN = (
    "Die Verhandlungen zwischen den beiden Delegationen wurden am Montag in Genf fortgesetzt. "
    "Nach Angaben der Regierung gab es jedoch keine Fortschritte bei den wichtigsten Fragen.\n"
)
FRENCH = (
    "Les négociations entre les deux délégations ont repris lundi à Genève. Selon le "
    "gouvernement, aucun progrès n'a été réalisé sur les questions principales.\n"
)
RUSSIAN = (
    "Переговоры между двумя делегациями возобновились в понедельник в Женеве. "
    "По словам правительства, прогресса по главным вопросам пока нет.\n"
)


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


def _quiet_corpus(path, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return load_corpus(path, **kw)


def _reasons(items) -> str:
    return " | ".join(s.reason for s in items)


# ------------------------------------------------------------------ the record


def test_seed_loads_with_sidecar_metadata(seed_path, seed_text):
    art = load_article(seed_path)
    assert art.id == "antiwar-blinken-lavrov-not-spoken"
    assert art.outlet == "Antiwar.com"
    assert art.author == "Dave DeCamp"
    assert art.date is None and art.url is None
    assert (
        art.title == "State Department: Blinken Hasn’t Spoken With Russian FM Since Before Invasion"
    )
    assert art.text == seed_text.strip()
    assert art.language == "en"
    assert art.warnings == ()  # the sidecar's "notes" key is documentation, not a surprise
    assert art.path == str(seed_path)


def test_seed_gold_offsets_refer_to_the_loaded_text(seed_path, seed_gold_path):
    art = load_article(seed_path)
    gold = json.loads(seed_gold_path.read_text(encoding="utf-8"))
    for s in gold["sentences"]:
        assert art.text[s["start"] : s["end"]] == s["text"]


def test_article_is_frozen_and_records_have_the_contract_fields():
    art = Article.from_text(GOOD, outlet="Example Wire")
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.title = "other"  # type: ignore[misc]
    assert list(art.as_record()) == [
        "id",
        "title",
        "outlet",
        "author",
        "date",
        "url",
        "text",
        "path",
        "language",
    ]
    assert set(art.metadata()) == {
        "id",
        "title",
        "outlet",
        "author",
        "date",
        "url",
        "path",
        "language",
    }
    assert art.outlet == "Example Wire" and art.title == "Talks resume in Geneva"


def test_from_text_id_is_a_stable_hash_of_the_text():
    a, b = Article.from_text(GOOD), Article.from_text(GOOD)
    assert a.id == b.id and len(a.id) == 16
    assert Article.from_text(GOOD + "More.").id != a.id
    assert Article.from_text(GOOD, id="mine").id == "mine"


@pytest.mark.parametrize(
    "text, exc",
    [("", EmptyInputError), ("  \n\t\n ", EmptyInputError), (b"bytes", MalformedRecordError)],
)
def test_from_text_rejects(text, exc):
    with pytest.raises(exc):
        Article.from_text(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, title",
    [
        (GOOD, "Talks resume in Geneva"),
        ("Kyiv says talks will resume.\n\nMore text follows here.", None),  # final period
        ("Will Russia and Ukraine talk again?\n\nMaybe.", None),  # final question mark
        (
            'Zelensky: "We will not give up"\n\nHe spoke on Monday.',
            'Zelensky: "We will not give up"',
        ),
        (
            'He said: "We will not give up."\n\nHe spoke on Monday.',
            None,
        ),  # punctuation inside quotes
        ("Only one line without a full stop", None),  # nothing after it: not a title
        ("x" * 300 + "\n\nBody.", None),  # far too long for a headline
        ("\n\n  Ceasefire holds  \n\nBody.", "Ceasefire holds"),
    ],
)
def test_guess_title(text, title):
    assert A.guess_title(text) == title


def test_from_text_normalises_line_endings_and_reports_nul():
    art = Article.from_text("Talks\r\n\r\nThey met.\rThey left.\n\x00")
    assert art.text == "Talks\n\nThey met.\nThey left."
    assert "NUL" in _reasons(art.warnings)


def test_from_text_drops_a_leading_byte_order_mark():
    # open(path, encoding="utf-8") keeps a file's BOM: it stayed in the first
    # sentence, the guessed title and the id (so the same file read by
    # load_article got another id)
    text = "Talks resume in Geneva\n\nNegotiators met on Monday for a new round of talks."
    art = Article.from_text("\ufeff" + text)
    assert art.text == text and art.title == "Talks resume in Geneva"
    assert art.id == Article.from_text(text).id
    assert "byte-order mark" in _reasons(art.warnings)


# ---------------------------------------------------------------- file formats


FORMAT_CASES = [
    # fixture, title, outlet, author, date, url, first paragraph, last paragraph
    (
        "frontmatter.txt",
        "Envoys agree to meet again next week",
        "The Example Herald",
        "Jane Roe",
        "2022-03-29",
        "https://herald.example/world/envoys-meet-again",
        "Envoys agree to meet again next week",
        "Shelling continued overnight in the south, according to local officials.",
    ),
    (
        "report.md",
        "Ceasefire talks stall over corridors",
        "Example Wire",
        "Ana Lopez, Tom Becker",
        "2022-04-02",
        None,
        "Ceasefire talks stall over corridors",
        "Markets rose 1.2% on the news; the index closed at 4,512.30 points.",
    ),
    (
        "page.html",
        "Foreign ministers hold first call since the war began",
        "The Example Post",
        "Maria Jensen",
        "2022-05-13",
        "https://post.example/world/2022/05/13/ministers-first-call",
        "Foreign ministers hold first call since the war began",
        "Analysts said the contact was nonetheless the most significant diplomatic step in weeks.",
    ),
    (
        "article.json",
        "Grain corridor deal signed in Istanbul",
        "Example Daily",
        "Lee Park, Sam Ortiz",
        "2022-07-22",
        "https://daily.example/grain-deal",
        "Grain corridor deal signed in Istanbul",
        "Fighting continued elsewhere along the front.",
    ),
]


@pytest.mark.parametrize("name, title, outlet, author, date, url, first, last", FORMAT_CASES)
def test_formats(name, title, outlet, author, date, url, first, last):
    art = load_article(FIXTURES / name)
    assert (art.title, art.outlet, art.author, art.date, art.url) == (
        title,
        outlet,
        author,
        date,
        url,
    )
    paragraphs = art.text.split("\n\n")
    assert paragraphs[0] == first and paragraphs[-1] == last
    assert all(p.strip() == p and p for p in paragraphs)  # blank-line paragraphs, no stray blanks
    assert art.language == "en"


def test_markdown_fixture_text_is_plain():
    text = load_article(FIXTURES / "report.md").text
    for junk in ("**", "](", "![", "https://", "# ", "> ", "- a working", "_host_"):
        assert junk not in text
    assert (
        "Istanbul — Negotiators ended a second day of talks without agreement on humanitarian corridors, officials said."
        in text
    )
    assert '"We are not there yet," one diplomat told reporters.' in text
    assert "the host government:" in text


@pytest.mark.parametrize(
    "md, text",
    [
        ("The **EU** said", "The EU said"),
        ("a __bold__ move", "a bold move"),
        ("an *italic* word and an _italic_ one", "an italic word and an italic one"),
        ("***both***", "both"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
        ('[the report](https://un.example/r?id=1 "UN")', "the report"),
        ("[wiki](https://en.example/wiki/Minsk_(city)) link", "wiki link"),
        ("[ref link][1] here", "ref link here"),
        ("see ![chart](c.png) below", "see below"),
        ("<https://mfa.example/statement>", "https://mfa.example/statement"),
        ("`code *not emphasis*`", "code *not emphasis*"),
        (r"a literal \*star\* and \_under\_", "a literal *star* and _under_"),
        ("~~struck~~ text", "struck text"),
        ("Tom &amp; Jerry<br>met", "Tom & Jerry met"),
        ("<span class='x'>inline</span> html", "inline html"),
        ("US$1.2 billion in aid", "US$1.2 billion in aid"),
    ],
)
def test_markdown_inline(md, text):
    assert A.markdown_inline(md) == text


@pytest.mark.parametrize(
    "md, text, heading",
    [
        ("# Title\n\nBody.", "Title\n\nBody.", "Title"),
        ("## Sub ##\nBody.", "Sub\n\nBody.", "Sub"),
        ("Setext title\n============\n\nBody.", "Setext title\n\nBody.", "Setext title"),
        ("Line one\nline two.\n\nNext.", "Line one line two.\n\nNext.", None),
        ("> quoted\n> more\n\nAfter.", "quoted more\n\nAfter.", None),
        ("- one\n- two\n1. three", "one\n\ntwo\n\nthree", None),
        ("Text.\n\n---\n\nMore.", "Text.\n\nMore.", None),
        ("```\nx = 1\ny = 2\n```\nAfter.", "x = 1\ny = 2\n\nAfter.", None),
        ("Para.\n\n[1]: https://example.org/ref", "Para.", None),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |", "a b\n\n1 2\n\n3 4", None),
    ],
)
def test_markdown_to_text(md, text, heading):
    assert A.markdown_to_text(md) == (text, heading)


@pytest.mark.parametrize(
    "raw, meta, body, n_repairs",
    [
        ("---\ntitle: A\n---\nBody", {"title": "A"}, "Body", 0),
        ("---\ntitle: 'Quoted: yes'\n---\nB", {"title": "Quoted: yes"}, "B", 0),
        ("---\ndate:\nurl: ~\n---\nB", {"date": None, "url": "~"}, "B", 0),
        ("---\nauthors: [A, B]\n---\nB", {"authors": ["A", "B"]}, "B", 0),
        ("---\nauthor:\n  - A\n  - B\n---\nB", {"author": ["A", "B"]}, "B", 0),
        ("---\ntitle: A\nnot a pair\n---\nB", {"title": "A"}, "B", 1),
        ("---\n# comment\ntitle: A\n...\nB", {"title": "A"}, "B", 0),
        ("---\nno closing line\nBody", {}, "---\nno closing line\nBody", 0),
        ("Body only", {}, "Body only", 0),
    ],
)
def test_front_matter(raw, meta, body, n_repairs):
    got, rest, repairs = A.parse_front_matter(raw, "x.txt")
    assert (got, rest, len(repairs)) == (meta, body, n_repairs)


def test_front_matter_unknown_keys_are_reported(tmp_path):
    p = _write(
        tmp_path,
        "a.txt",
        "---\ntitle: T\nmood: calm\nheadline: ignored alias\n---\nTalks resumed on Monday, officials said.\n",
    )
    art = load_article(p)
    assert art.title == "T"
    assert "mood" in _reasons(art.warnings)


def test_sidecar_overrides_and_null_does_not_erase(tmp_path):
    p = _write(
        tmp_path,
        "story.txt",
        "---\ndate: 2022-01-05\noutlet: From File\n---\nHeadline here\n\nBody text, officials said.\n",
    )
    _write(
        tmp_path,
        "story.meta.json",
        json.dumps({"id": "s1", "outlet": "From Sidecar", "date": None, "notes": "x"}),
    )
    art = load_article(p)
    assert (art.id, art.outlet, art.date, art.title) == (
        "s1",
        "From Sidecar",
        "2022-01-05",
        "Headline here",
    )
    assert art.warnings == ()


@pytest.mark.parametrize(
    "sidecar, reason",
    [
        ("{not json", "metadata sidecar ignored"),
        ("[1, 2]", "not a JSON object"),
        ('{"text": "x", "mood": 1}', "mood"),
    ],
)
def test_bad_sidecar_is_a_warning_not_a_failure(tmp_path, sidecar, reason):
    p = _write(tmp_path, "story.txt", GOOD)
    _write(tmp_path, "story.meta.json", sidecar)
    art = load_article(p)
    assert art.text == GOOD.strip()
    assert reason in _reasons(art.warnings)


# --------------------------------------------------------------- HTML hygiene


@pytest.mark.parametrize(
    "junk",
    [
        "<script>var LEAK = 1;</script>",
        '<script type=\'application/ld+json\'>{"headline": "LEAK"}</script>',
        "<style>.LEAK { color: red }</style>",
        "<iframe src='https://ads.example'>LEAK</iframe>",
        "<noscript>LEAK enable JavaScript</noscript>",
        "<!-- LEAK -->",
        "<template><p>LEAK</p></template>",
        "<svg><text>LEAK</text></svg>",
        "<form><button>LEAK</button></form>",
    ],
)
def test_html_junk_never_leaks(tmp_path, junk):
    html = (
        "<html><head><title>Ceasefire holds</title></head><body><article>"
        "<p>The ceasefire agreed last week held for a third day on Sunday, the United Nations said.</p>"
        f"{junk}"
        "<p>Mediators said talks on a longer truce would resume on Tuesday in the capital.</p>"
        "</article></body></html>"
    )
    art = load_article(_write(tmp_path, "page.html", html))
    assert "LEAK" not in art.text
    assert "ceasefire agreed last week" in art.text and "longer truce" in art.text


def test_html_fixture_drops_every_junk_element():
    art = load_article(FIXTURES / "page.html")
    for leak in ("LEAK", "dataLayer", "font-family", "Copyright", "Home |"):
        assert leak not in art.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Nothing</title><script>var x = 1;</script></head><body></body></html>",
        "<html><body><nav>Home | World</nav></body></html>",
    ],
)
def test_html_without_article_text_is_an_empty_input_error(tmp_path, html):
    with pytest.raises(EmptyInputError, match="page.htm"):
        load_article(_write(tmp_path, "page.htm", html))


def test_bare_html_paragraphs_use_the_baseline(tmp_path):
    art = load_article(_write(tmp_path, "bare.html", "<p>Diplomats met in Geneva on Friday.</p>"))
    assert art.text == "Diplomats met in Geneva on Friday."


# ---------------------------------------------------------------- bad files

# (case, file name, bytes, exception type or None, repair message fragment or None, text check)
BAD_FILES = [
    ("empty", "empty.txt", b"", EmptyInputError, None, None),
    ("whitespace", "blank.txt", b"   \n\t \r\n  ", EmptyInputError, None, None),
    # a few control bytes (too few to look binary) leave no word once NULs are removed
    ("tiny-binary", "tiny.txt", b"\x00\x01\x02", EmptyInputError, None, None),
    ("punctuation-only", "rule.md", "* * *\n\n— … —\n".encode(), EmptyInputError, None, None),
    (
        "png",
        "image.txt",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        BinaryInputError,
        None,
        None,
    ),
    (
        "pdf",
        "paper.txt",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        BinaryInputError,
        None,
        None,
    ),
    ("zip", "docx.json", b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), BinaryInputError, None, None),
    ("gzip", "a.md", b"\x1f\x8b\x08\x00" + bytes(100), BinaryInputError, None, None),
    ("control-bytes", "raw.txt", b"\x00\x01\x02\x03" * 500, BinaryInputError, None, None),
    (
        "cp1252",
        "cp1252.txt",
        GOOD.replace("talks", "“talks”").encode("cp1252"),
        None,
        "cp1252",
        "“talks”",
    ),
    (
        "latin-1",
        "latin1.txt",
        ("Café diplomacy\n\n" + GOOD).encode("latin-1"),
        None,
        "decoded as",
        "Café diplomacy",
    ),
    (
        "latin-1-undefined-in-cp1252",
        "l1.txt",
        ("Talks\n\nThey met \x81 here.\n").encode("latin-1"),
        None,
        "latin-1",
        "\x81",
    ),
    (
        "utf-8-with-stray-cp1252-bytes",
        "mix.txt",
        "Genève “talks” resumed.\n\n".encode() + b"He said \x93no\x94.",
        None,
        "mostly UTF-8",
        "Genève “talks” resumed.\n\nHe said “no”.",
    ),
    ("utf-16-le-bom", "u16.txt", GOOD.encode("utf-16"), None, "UTF-16", "Negotiators"),
    (
        "utf-16-be-bom",
        "u16be.txt",
        codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"),
        None,
        "UTF-16",
        "Negotiators",
    ),
    ("utf-16-no-bom", "u16n.txt", GOOD.encode("utf-16-le"), None, "utf-16-le", "Negotiators"),
    ("utf-32-bom", "u32.txt", GOOD.encode("utf-32"), None, "UTF-32", "Negotiators"),
    (
        "utf-8-bom",
        "bom.txt",
        codecs.BOM_UTF8 + GOOD.encode(),
        None,
        "byte-order mark",
        "Talks resume",
    ),
    (
        "nul-bytes",
        "nul.txt",
        GOOD.replace("Monday", "Mon\x00day").encode(),
        None,
        "NUL",
        "on Monday for",
    ),
    (
        "mixed-eol",
        "eol.txt",
        b"Talks\r\n\r\nThey met.\rThey left.\nEnd.",
        None,
        "mixed line endings",
        "Talks\n\nThey met.\nThey left.\nEnd.",
    ),
    ("crlf-only", "crlf.txt", b"Talks\r\n\r\nThey met.\r\n", None, None, "Talks\n\nThey met."),
    ("cp1251-russian", "ru.txt", RUSSIAN.encode("cp1251"), None, "cp1251", "Переговоры"),
    ("non-english", "de.txt", GERMAN.encode(), None, "not English", "Verhandlungen"),
    (
        "bad-utf16-after-bom",
        "odd.txt",
        codecs.BOM_UTF16_LE + b"a\x00\x00\xd8",
        InputError,
        None,
        None,
    ),
    (
        "json-array",
        "many.json",
        b'[{"text": "a"}, {"text": "b"}]',
        MalformedRecordError,
        None,
        None,
    ),
    ("json-malformed", "bad.json", b'{"id": "x",\n "text": }', MalformedRecordError, None, None),
    (
        "json-no-text",
        "notext.json",
        b'{"id": "x", "body": "Talks."}',
        MissingColumnError,
        None,
        None,
    ),
    ("json-text-not-string", "num.json", b'{"text": 42}', MalformedRecordError, None, None),
    ("json-empty-text", "blank.json", b'{"text": "   "}', EmptyInputError, None, None),
]


@pytest.mark.parametrize(
    "case, name, data, exc, repair, check", BAD_FILES, ids=[c[0] for c in BAD_FILES]
)
def test_bad_files(tmp_path, case, name, data, exc, repair, check):
    path = _write(tmp_path, name, data)
    if exc is not None:
        with pytest.raises(exc) as info:
            load_article(path)
        assert name in str(info.value)  # the message names the file
        return
    art = load_article(path)
    if repair is None:
        assert art.warnings == ()
    else:
        assert repair in _reasons(art.warnings)
        assert all(w.kind == "warning" and w.source == str(path) for w in art.warnings)
    assert check in art.text
    assert "\r" not in art.text and "\x00" not in art.text


def test_malformed_json_error_names_the_line(tmp_path):
    with pytest.raises(MalformedRecordError) as info:
        load_article(_write(tmp_path, "bad.json", '{"id": "x",\n "text": }'))
    assert info.value.line == 2 and "bad.json:2" in str(info.value)


@pytest.mark.parametrize(
    "name, exc",
    [
        ("notes.pdf", UnsupportedFormatError),
        ("corpus.jsonl", UnsupportedFormatError),
        ("corpus.csv", UnsupportedFormatError),
        ("story.meta.json", UnsupportedFormatError),
        ("README", UnsupportedFormatError),
    ],
)
def test_wrong_kind_of_file(tmp_path, name, exc):
    with pytest.raises(exc, match=name):
        load_article(_write(tmp_path, name, "text"))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        load_article(tmp_path)


def test_json_values_are_coerced_and_odd_ones_reported(tmp_path):
    obj = {
        "id": 123,
        "title": "T",
        "author": {"name": "x"},
        "date": 2022,
        "text": "Talks resumed on Monday, officials said.",
    }
    art = load_article(_write(tmp_path, "a.json", json.dumps(obj)))
    assert (art.id, art.date, art.author) == ("123", "2022", None)
    assert "author" in _reasons(art.warnings)


# ------------------------------------------------------------------ size limits


def test_ten_megabyte_line_loads_whole(tmp_path):
    line = ("ceasefire talks shelling convoy diplomats border villages " * 180_000)[
        : 10 * 1024 * 1024
    ]
    art = load_article(_write(tmp_path, "huge.txt", line))
    assert len(art.text) == len(line.strip())
    assert art.title is None  # one long line is not a headline
    assert art.language == "en" or art.language is None  # never flagged as foreign


def test_ten_megabyte_jsonl_line_loads(tmp_path):
    text = ("Sanctions were tightened again on Friday, officials said " * 180_000)[
        : 10 * 1024 * 1024
    ]
    df = _quiet_corpus(
        _write(tmp_path, "big.jsonl", json.dumps({"id": "big", "text": text}) + "\n")
    )
    assert len(df) == 1 and len(df.loc[0, "text"]) == len(text.strip())


def test_ten_megabyte_csv_field_loads(tmp_path):
    text = ("Sanctions were tightened again on Friday officials said " * 180_000)[
        : 10 * 1024 * 1024
    ]
    df = _quiet_corpus(_write(tmp_path, "big.csv", f'id,text\nbig,"{text}"\n'))
    assert len(df.loc[0, "text"]) == len(text.strip())


@pytest.mark.parametrize(
    "size, outcome",
    [(1_000, "ok"), (textio.LARGE_FILE_BYTES + 1, "warn"), (textio.MAX_FILE_BYTES + 1, "error")],
)
def test_size_limits(size, outcome):
    if outcome == "error":
        with pytest.raises(InputError, match="limit"):
            textio.check_size(size, "big.txt")
    else:
        assert len(textio.check_size(size, "big.txt")) == (1 if outcome == "warn" else 0)


def test_file_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(textio, "MAX_FILE_BYTES", 1_000)
    with pytest.raises(InputError, match="limit"):
        load_article(_write(tmp_path, "long.txt", "Talks resumed. " * 100))


# ------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    "data, text, repair",
    [
        (b"Plain ASCII.", "Plain ASCII.", None),
        ("Genève – “talks”".encode(), "Genève – “talks”", None),
        ("Genève – “talks”".encode("cp1252"), "Genève – “talks”", "cp1252"),
        ("Genève".encode("latin-1"), "Genève", "decoded as"),
        (codecs.BOM_UTF8 + b"x", "x", "UTF-8"),
        (b"x\r\ny\rz", "x\ny\nz", "mixed"),
        (("Москва заявила, что переговоры продолжатся. " * 3).encode("cp1251"), "Москва", "cp1251"),
    ],
)
def test_decode_bytes(data, text, repair):
    got, repairs = textio.decode_bytes(data, "x.txt")
    assert text in got
    assert (repair is None and not repairs) or (repair and repair in _reasons(repairs))


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"%PDF-1.4 ...", "PDF"),
        (b"PK\x03\x04....", "ZIP"),
        (b"\xff\xd8\xff\xe0....", "JPEG"),
        (b"GIF89a....", "GIF"),
        (b"SQLite format 3\x00...", "SQLite"),
        (b"\x7fELF\x02\x01", "ELF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1...", "OLE2"),
    ],
)
def test_binary_signatures(data, kind):
    assert kind in (textio.sniff_binary(data) or "")


@pytest.mark.parametrize(
    "text", ["BZh is not bzip2 without its magic", "RIFF raff", "PAR1 is a name"]
)
def test_text_that_merely_starts_like_a_signature_is_text(text):
    assert textio.sniff_binary(text.encode()) is None


# ------------------------------------------------------------------- language


@pytest.mark.parametrize(
    "text, lang",
    [
        (GOOD, "en"),
        (GERMAN, "de"),
        (FRENCH, "fr"),
        (RUSSIAN, "ru"),
        (
            "Las negociaciones entre las dos delegaciones se reanudaron el lunes en Ginebra, según el gobierno.",
            "es",
        ),
        ("Talks resumed.", None),  # too short to tell
        (
            "Putin Zelensky Biden Scholz Macron Erdogan Lavrov Kuleba Blinken Stoltenberg",
            None,
        ),  # names only
    ],
)
def test_detect_language(text, lang):
    assert A.detect_language(text) == lang


@pytest.mark.parametrize(
    "text, name", [(GERMAN, "German"), (FRENCH, "French"), (RUSSIAN, "Russian")]
)
def test_non_english_article_is_flagged_not_dropped(text, name):
    art = Article.from_text(text)
    assert art.language != "en"
    flags = [w for w in art.warnings if "not English" in w.reason]
    assert len(flags) == 1 and name in flags[0].reason and flags[0].kind == "warning"


def test_declared_language_is_trusted_and_flagged(tmp_path):
    art = load_article(_write(tmp_path, "a.json", json.dumps({"text": GOOD, "language": "uk"})))
    assert art.language == "uk"
    assert "Ukrainian" in _reasons(art.warnings)


# --------------------------------------------------------------------- corpora


def test_shared_corpus_loads_all_118_articles(shared_corpus):
    df = _quiet_corpus(shared_corpus)
    assert len(df) == 118
    assert df["id"].is_unique
    assert list(df.columns) == A.CORPUS_COLUMNS
    assert [s for s in df.attrs["skipped"] if s.kind == "skipped"] == []
    # the only note is about provenance fields the article model does not carry
    assert all("unknown field" in s.reason for s in df.attrs["skipped"])
    assert set(df["language"]) == {"en"}
    assert (df["text"].str.len() > 0).all()


def test_jsonl_with_bad_lines_loads_the_rest_and_reports_each_line(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "One", "text": GOOD}),
        '{"id": "a2", "title": "Broken", "text": "unterminated',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a5", "body": "no text field"}),
        json.dumps({"id": "a6", "text": "   "}),
        json.dumps(
            {"id": "a7", "text": "Sanctions were tightened again on Friday.", "mood": "grim"}
        ),
    ]
    path = _write(tmp_path, "corpus.jsonl", "\n".join(lines) + "\n")
    with pytest.warns(InputWarning, match="4 item"):
        df = load_corpus(path)
    assert df["id"].tolist() == ["a1", "a7"]
    skipped = {s.line: s for s in df.attrs["skipped"] if s.kind == "skipped"}
    assert sorted(skipped) == [2, 4, 5, 6]
    assert "malformed JSON" in skipped[2].reason
    assert "no 'text'" in skipped[5].reason and "body" in skipped[5].reason
    assert all(s.source == str(path) for s in skipped.values())
    assert "mood" in _reasons(df.attrs["skipped"])


def test_on_error_raise_stops_at_the_first_bad_line(tmp_path):
    path = _write(tmp_path, "c.jsonl", json.dumps({"text": GOOD}) + "\n{bad\n")
    with pytest.raises(MalformedRecordError) as info:
        load_corpus(path, on_error="raise")
    assert info.value.line == 2
    with pytest.raises(ValueError):
        load_corpus(path, on_error="ignore")


@pytest.mark.parametrize(
    "content, ids, fragment",
    [
        (
            'id,title,text\n1,One,"Talks resumed, officials said."\n2,Two,Shelling continued.\n',
            ["1", "2"],
            None,
        ),
        ("id;title;text\n1;One;Talks resumed.\n", ["1"], None),
        ("id,text,mood\n1,Talks resumed on Monday.,calm\n", ["1"], "mood"),
        ('ID,Title,Text\n7,T,"Multi-line\n\nbody here."\n', ["7"], None),
        (
            'id,text\n1,Talks resumed.\n2,"Too",many,fields\n3,Shelling continued.\n',
            ["1", "3"],
            "row has 4 field(s)",
        ),
        ("id,text\n1,\n2,Shelling continued.\n", ["2"], "empty text"),
    ],
)
def test_csv(tmp_path, content, ids, fragment):
    df = _quiet_corpus(_write(tmp_path, "corpus.csv", content))
    assert df["id"].tolist() == ids
    if fragment:
        assert fragment in _reasons(df.attrs["skipped"])


def test_csv_row_numbers_are_physical_lines(tmp_path):
    content = 'id,text\n1,"Talks\n\nresumed."\n2,"x",extra\n'
    df = _quiet_corpus(_write(tmp_path, "c.csv", content))
    (bad,) = [s for s in df.attrs["skipped"] if s.kind == "skipped"]
    assert bad.line == 5


@pytest.mark.parametrize(
    "content, exc, fragment",
    [
        ("id,title,body\n1,Hello,Talks resumed.\n", MissingColumnError, "found: id, title, body"),
        ("", EmptyInputError, "empty"),
        ("id,text\n", EmptyInputError, "no usable article"),
    ],
)
def test_csv_errors(tmp_path, content, exc, fragment):
    with pytest.raises(exc, match=fragment) as info:
        _quiet_corpus(_write(tmp_path, "corpus.csv", content))
    assert "corpus.csv" in str(info.value)


def test_csv_in_cp1252_is_decoded_with_a_warning(tmp_path):
    data = "id,text\n1,He said “talks” resumed in Genève.\n".encode("cp1252")
    df = _quiet_corpus(_write(tmp_path, "c.csv", data))
    assert df.loc[0, "text"] == "He said “talks” resumed in Genève."
    assert "cp1252" in _reasons(df.attrs["skipped"])


@pytest.mark.parametrize(
    "ids, expected",
    [
        (["same", "same"], ["same", "same~2"]),
        (["same", "same", "same"], ["same", "same~2", "same~3"]),
        (["x", "x~2", "x"], ["x", "x~2", "x~3"]),  # never collides with an existing id
        (["a", "b"], ["a", "b"]),
    ],
)
def test_duplicate_ids_are_kept_renamed_and_reported(tmp_path, ids, expected):
    rows = [
        {"id": i, "text": f"Report number {n} says talks resumed on Monday."}
        for n, i in enumerate(ids)
    ]
    df = _quiet_corpus(_write(tmp_path, "dup.jsonl", "\n".join(json.dumps(r) for r in rows)))
    assert df["id"].tolist() == expected
    dups = [s for s in df.attrs["skipped"] if "duplicate id" in s.reason]
    assert len(dups) == len(ids) - len(set(ids))
    assert all(s.line is not None for s in dups)


@pytest.mark.parametrize(
    "record, title",
    [
        ({"text": GOOD}, "Talks resume in Geneva"),  # no title field: first-line guess
        ({"title": None, "text": GOOD}, None),  # the source says the title is unknown
        ({"title": "Given", "text": GOOD}, "Given"),
    ],
)
def test_record_titles(tmp_path, record, title):
    df = _quiet_corpus(_write(tmp_path, "c.jsonl", json.dumps(record)))
    assert df.loc[0, "title"] == title


def test_identical_texts_without_ids_are_reported_as_duplicates(tmp_path):
    df = _quiet_corpus(
        _write(tmp_path, "c.csv", "title,text\nA,Same text here.\nB,Same text here.\n")
    )
    assert df["id"].iloc[1] == df["id"].iloc[0] + "~2"


def test_folder_of_mixed_formats(tmp_path):
    root = tmp_path / "corpus"
    _write(root, "b_story.txt", GOOD)
    _write(root, "b_story.meta.json", json.dumps({"id": "story", "outlet": "Example Wire"}))
    _write(
        root, "a_report.md", "# Sanctions\n\nThe EU agreed a new package of sanctions on Friday.\n"
    )
    _write(root, "sub/page.html", (FIXTURES / "page.html").read_text(encoding="utf-8"))
    _write(
        root,
        "sub/more.jsonl",
        json.dumps({"id": "j1", "text": "Shelling continued near the border."}) + "\n",
    )
    _write(root, "sub/table.csv", "id,text\nc1,Prisoners were exchanged on Sunday.\n")
    _write(root, "sub/de.txt", GERMAN)
    _write(root, "empty.txt", "")
    _write(root, "binary.txt", b"\x00\x01\x02\x03" * 500)
    _write(root, "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    _write(root, "orphan.meta.json", "{}")
    _write(root, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    _write(root, ".git/config", "[core]")
    with pytest.warns(InputWarning):
        df = load_corpus(root)
    assert df["id"].tolist()[:2] == [
        A.text_id("Sanctions\n\nThe EU agreed a new package of sanctions on Friday."),
        "story",
    ]
    assert set(df["id"]) >= {"story", "j1", "c1"}
    assert len(df) == 6  # md, txt, de.txt, page.html, more.jsonl, table.csv
    assert df.set_index("id").loc["story", "outlet"] == "Example Wire"
    reasons = {Path(s.source).name: s for s in df.attrs["skipped"]}
    for name in ("empty.txt", "binary.txt", "photo.png", "orphan.meta.json", ".DS_Store", ".git"):
        assert name in reasons, name
        assert reasons[name].kind == "skipped"
    assert "b_story.meta.json" not in reasons  # a sidecar with its article is used, not skipped
    assert "not English" in reasons["de.txt"].reason and reasons["de.txt"].kind == "warning"
    assert df.loc[df["path"].str.endswith("de.txt"), "language"].tolist() == ["de"]


def test_folder_symlinks_to_folders_are_reported_not_followed(tmp_path):
    root = tmp_path / "c"
    _write(root, "a.txt", GOOD)
    (root / "loop").symlink_to(root, target_is_directory=True)
    df = _quiet_corpus(root)
    assert len(df) == 1
    (skip,) = df.attrs["skipped"]
    assert skip.source.endswith("loop") and "symbolic link" in skip.reason


def test_seeds_folder_loads_one_article_without_notes(seed_path):
    df = _quiet_corpus(seed_path.parent)
    assert df["id"].tolist() == ["antiwar-blinken-lavrov-not-spoken"]
    assert df.attrs["skipped"] == []


def test_folder_order_is_sorted_and_stable(tmp_path):
    root = tmp_path / "c"
    for name in ("z.txt", "a.txt", "m/b.txt", "m/a.txt"):
        _write(root, name, f"Report from {name} says talks resumed on Monday.")
    paths = [Path(p).relative_to(root).as_posix() for p in _quiet_corpus(root)["path"]]
    assert paths == ["a.txt", "m/a.txt", "m/b.txt", "z.txt"]


def test_folder_with_nothing_usable_is_an_error_naming_the_reasons(tmp_path):
    root = tmp_path / "c"
    _write(root, "empty.txt", "")
    with pytest.raises(EmptyInputError, match="empty"):
        _quiet_corpus(root)


def test_corpus_table_types_and_attrs(tmp_path):
    df = _quiet_corpus(_write(tmp_path, "c.jsonl", json.dumps({"id": "a", "text": GOOD}) + "\n"))
    assert df.loc[0, "title"] == "Talks resume in Geneva"
    assert df.loc[0, "author"] is None  # unknown metadata stays None
    assert pd.api.types.is_string_dtype(df["text"]) and pd.api.types.is_string_dtype(df["id"])
    assert df.attrs["skipped"] == []


def test_corpus_warning_is_not_raised_when_nothing_was_skipped(tmp_path):
    path = _write(tmp_path, "c.jsonl", json.dumps({"id": "a", "text": GOOD}) + "\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_corpus(path)


@pytest.mark.parametrize("name", ["x.pdf", "x.parquet"])
def test_corpus_wrong_suffix(tmp_path, name):
    with pytest.raises(UnsupportedFormatError):
        load_corpus(_write(tmp_path, name, "x"))


def test_single_article_file_as_a_corpus(tmp_path):
    df = _quiet_corpus(FIXTURES / "frontmatter.txt")
    assert len(df) == 1 and df.loc[0, "author"] == "Jane Roe"


def test_skipped_records_serialise_for_the_cli(tmp_path):
    path = _write(tmp_path, "c.jsonl", json.dumps({"text": GOOD}) + "\n{oops\n")
    df = _quiet_corpus(path)
    (rec,) = [s.as_dict() for s in df.attrs["skipped"]]
    assert rec == {"source": str(path), "reason": rec["reason"], "line": 2, "kind": "skipped"}
    assert isinstance(df.attrs["skipped"][0], Skipped)


# ------------------------------------------------------------------------- CLI

CLI_CASES = [
    # file name, bytes, exit code, fragment expected on stderr
    ("good.txt", GOOD.encode(), 0, None),
    ("empty.txt", b"", 1, "empty"),
    ("blank.txt", b"  \n  ", 1, "whitespace"),
    ("tiny.txt", b"\x00\x01\x02", 1, "no words in the text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), 1, "PNG"),
    ("cp.txt", GOOD.replace("talks", "“talks”").encode("cp1252"), 0, "cp1252"),
    ("nul.txt", GOOD.replace("Monday", "Mon\x00day").encode(), 0, "NUL"),
    ("de.txt", GERMAN.encode(), 0, "not English"),
    ("bad.json", b"{", 1, "malformed JSON"),
    ("c.csv", b"id,body\n1,x\n", 1, "found: id, body"),
    ("c.jsonl", (json.dumps({"id": "a", "text": GOOD}) + "\n{oops\n").encode(), 0, ":2"),
    ("notes.pdf", b"%PDF-1.4", 1, "unsupported format"),
]


@pytest.mark.parametrize("name, data, code, fragment", CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_cli_sentences_on_inputs(tmp_path, capsys, name, data, code, fragment):
    from analysis.cli import main

    path = _write(tmp_path, name, data)
    out = tmp_path / "out" / "sentences.csv"
    assert main(["sentences", str(path), "-o", str(out)]) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if fragment:
        assert fragment in err
    if code == 0:
        df = pd.read_csv(out)
        assert len(df) >= 1 and "text" in df.columns
    else:
        assert name in err and not out.exists()


def test_cli_sentences_on_the_seed_through_the_console_script(framing_cli, seed_path):
    r = framing_cli("sentences", str(seed_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("article_id,")
    assert "antiwar-blinken-lavrov-not-spoken" in r.stdout


# ------------------------------------------------------------ property tests

_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_raise_an_input_error_naming_the_file(data):
    try:
        text, repairs = textio.decode_bytes(data, "fuzz.txt")
    except InputError as exc:
        assert "fuzz.txt" in str(exc)
        return
    assert text.strip() and "\r" not in text and "\x00" not in text
    assert all(isinstance(r, Skipped) and r.kind == "warning" for r in repairs)


@_FAST
@given(st.text(max_size=400))
def test_utf8_text_decodes_to_itself_normalised(text):
    try:
        got, repairs = textio.decode_bytes(text.encode("utf-8"), "t.txt")
    except InputError:
        return  # empty, or control characters dense enough to look binary
    expected, _ = textio.normalise_text(text, "t.txt")
    if not any("decoded as" in r.reason for r in repairs):
        assert got == expected


@_FAST
@given(st.text(max_size=300))
def test_markdown_never_raises_and_leaves_no_newline_runs(md):
    text, _ = A.markdown_to_text(md)
    assert "\n\n\n" not in text


@_FAST
@given(
    st.lists(
        st.one_of(
            st.just("GOOD"),
            st.text(
                alphabet=st.characters(
                    blacklist_characters='\n\r{"', blacklist_categories=["Cs", "Cc"]
                ),
                max_size=30,
            ),
        ),
        max_size=12,
    )
)
def test_jsonl_every_line_is_loaded_or_reported(lines):
    import tempfile

    body = [
        json.dumps({"id": f"a{i}", "text": "Talks resumed on Monday, officials said."})
        if ln == "GOOD"
        else ln
        for i, ln in enumerate(lines)
    ]
    n_good = lines.count("GOOD")
    n_bad = sum(1 for ln in lines if ln != "GOOD" and ln.strip())
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "c.jsonl"
        path.write_text("\n".join(body), encoding="utf-8")
        try:
            df = _quiet_corpus(path)
        except EmptyInputError:
            assert n_good == 0
            return
    assert len(df) == n_good
    assert sum(1 for s in df.attrs["skipped"] if s.kind == "skipped") == n_bad


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_corpus_file_reports_each_articles_own_warnings(tmp_path, suffix):
    # an article of a JSONL/CSV corpus that is not English (or had NUL bytes removed)
    # is flagged in attrs["skipped"] with its line, as a file in a folder is
    if suffix == ".jsonl":
        body = "\n".join(
            json.dumps({"id": i, "text": t}) for i, t in (("en", GOOD), ("de", GERMAN))
        )
    else:
        body = pd.DataFrame({"id": ["en", "de"], "text": [GOOD, GERMAN]}).to_csv(index=False)
    path = _write(tmp_path, "corpus" + suffix, body)
    with pytest.warns(InputWarning, match="1 repaired or flagged"):
        df = load_corpus(path)
    assert df["language"].tolist() == ["en", "de"]
    (flag,) = df.attrs["skipped"]
    assert "German" in flag.reason and flag.kind == "warning"
    assert flag.line == (2 if suffix == ".jsonl" else 3 + GOOD.count("\n"))


def test_no_break_spaces_become_spaces_and_offsets_hold():
    # "humanitarian\xa0corridor" (a no-break space pasted from a web page or a word
    # processor) did not match the cue "humanitarian corridor"; text from HTML had
    # plain spaces already, text from .txt/.json/CSV did not
    from analysis import score_article

    raw = "Kyiv called for a humanitarian\u00a0corridor.\u202fRussia launched a full-scale\u00a0invasion."
    art = Article.from_text(raw)
    assert art.text == raw.replace("\u00a0", " ").replace("\u202f", " ")
    assert len(art.text) == len(raw)
    assert score_article(art)["frame"].tolist() == ["diplomacy", "escalation"]


# --- a text that is null or not a string is said to be so (every reader: articles.text_problem) ---


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (None, "text is null"),
        (42, "text is an int, not a string"),
        (1.5, "text is a float, not a string"),
        (["Talks", "resumed."], "text is a list, not a string"),
        ({"body": "Talks resumed."}, "text is a dict, not a string"),
        (False, "text is a bool, not a string"),
        ("  \n ", "empty text"),
        ("\x01\x02 * * *", "no words in the text (only punctuation, symbols or control characters)"),
    ],
)
def test_a_null_or_non_string_text_is_named(tmp_path, text, reason):
    lines = [json.dumps({"id": "ok", "text": GOOD}), json.dumps({"id": "bad", "text": text})]
    df = _quiet_corpus(_write(tmp_path, "c.jsonl", "\n".join(lines) + "\n"))
    assert df["id"].tolist() == ["ok"]
    (skip,) = [s for s in df.attrs["skipped"] if s.kind == "skipped"]
    assert (skip.line, skip.reason) == (2, reason)
    # one article file says the same
    with pytest.raises(InputError) as info:
        load_article(_write(tmp_path, "one.json", json.dumps({"title": "T", "text": text})))
    assert info.value.reason == reason


def test_an_empty_csv_cell_is_empty_text_not_null(tmp_path):
    df = _quiet_corpus(_write(tmp_path, "c.csv", "id,text\n1,\n2,Shelling continued.\n"))
    (skip,) = [s for s in df.attrs["skipped"] if s.kind == "skipped"]
    assert skip.reason == "empty text"


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("text", "text"), ("Text", "text"), (" TEXT ", "text"), ("ID", "id"), ("Headline", "title"),
        ("Byline", "author"), ("site_name", "outlet"), ("Link", "url"), ("published", "date"),
        ("Lang", "language"), ("mood", "mood"), (3, "3"),
    ],
)
def test_field_key_is_the_one_spelling_rule(tmp_path, name, field):
    assert A.field_key(name) == field
    if field in ("text", "mood", "3"):
        return
    # a CSV header and a JSON key of that spelling give the field
    value = "2022-03-29" if field == "date" else ("en" if field == "language" else "x1")
    text = "Talks resumed on Monday."
    csv_df = _quiet_corpus(_write(tmp_path, "c.csv", f"{str(name).strip()},text\n{value},{text}\n"))
    json_df = _quiet_corpus(_write(tmp_path, "c.jsonl", json.dumps({name: value, "Text": text}) + "\n"))
    assert csv_df[field].tolist() == json_df[field].tolist() == [value]


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA, pd.NaT])
def test_metadata_cells_with_no_value_are_unknown_without_a_warning(missing):
    # a database cell with no value: pd.NA and NaT were 'field is a NAType, not text; ignored'
    art = Article.from_text("Talks resumed in Geneva on Monday.", title=missing, outlet=missing, date=missing)
    assert (art.title, art.outlet, art.date) == (None, None, None)
    assert not [w for w in art.warnings if "not text" in w.reason]


def test_a_corpus_folder_leaves_out_what_this_package_wrote_and_says_so(tmp_path):
    # 'framing compare story.txt --corpus .' read an earlier 'framing score -o out/scored.csv'
    # (one article per sentence), the report's pages and its JSON files as articles
    (tmp_path / "a.txt").write_text("Talks resumed in Geneva on Monday. Envoys met again.")
    (tmp_path / "b.txt").write_text("Missiles struck the port overnight. Shelling continued.")
    (tmp_path / "saved.html").write_text(
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src *">'
        "<title>Talks</title></head><body><p>Ministers discussed a truce on Monday.</p></body></html>")
    (tmp_path / "mine.csv").write_text("text,section,notes\nEnvoys met in Vienna on Friday.,world,x\n")
    out = tmp_path / "out"
    (out / "report").mkdir(parents=True)
    (out / "scored.csv").write_text(
        "article_id,sentence,paragraph,start,end,text,frame\na,0,0,0,34,Talks resumed in Geneva on Monday.,diplomacy\n")
    (out / "sentences.jsonl").write_text(
        json.dumps({"article_id": "a", "sentence": 0, "text": "Talks resumed in Geneva on Monday."}) + "\n")
    (out / "skipped.json").write_text(json.dumps([{"source": "x.txt", "reason": "file is empty", "line": None, "kind": "skipped"}]))
    (out / "scored.skipped.json").write_text(json.dumps([{"source": "x.txt", "reason": "file is empty", "line": None, "kind": "skipped"}]))
    # a report.json of an earlier version, without the list of what was skipped
    (out / "report" / "report.json").write_text(json.dumps({"article": "a.txt", "corpus": None, "seconds": 1, "pages": [], "failed": {}}))
    (out / "report" / "index.html").write_text(
        f"<html><head>{A.GENERATOR_META}<title>Framing report</title></head><body><p>Talks resumed.</p></body></html>")
    # a page written before the generator mark: known by the package's Content-Security-Policy
    from analysis.render import CSP

    (out / "report" / "article.html").write_text(
        f'<html><head><meta http-equiv="Content-Security-Policy" content="{CSP}"></head>'
        "<body><p>Drones attacked the city.</p></body></html>")
    cmp = out / "compare"
    cmp.mkdir()
    for name in ("profiles.csv", "comparison.csv", "by_outlet.csv"):
        (cmp / name).write_text("article_id,focus\na,True\n")
    (cmp / "summary.txt").write_text("Focus article: story.txt. Compared with 2 reference articles.")
    (cmp / "README.txt").write_text("What these files are. Sentences are numbered from 1.")
    with pytest.warns(InputWarning):
        df = load_corpus(tmp_path, on_error="raise")  # leaving them out is no error
    assert sorted(Path(p).name for p in df["path"]) == ["a.txt", "b.txt", "mine.csv", "saved.html"]
    own = {Path(s.source).relative_to(tmp_path).as_posix() for s in df.attrs["skipped"] if s.reason.startswith(A.OWN_OUTPUT)}
    assert own == {
        "out/scored.csv", "out/sentences.jsonl", "out/skipped.json", "out/scored.skipped.json",
        "out/report/report.json",
        "out/report/index.html", "out/report/article.html", "out/compare/profiles.csv",
        "out/compare/comparison.csv", "out/compare/by_outlet.csv", "out/compare/summary.txt",
        "out/compare/README.txt",
    }


def test_pages_this_package_writes_carry_its_mark(tmp_path):
    from analysis import score_sentences
    from analysis.render import render_article

    assert A.GENERATOR_META in render_article(score_sentences(["Talks resumed in Geneva."]))
    assert A.own_output(tmp_path / "none.html") is None  # an unreadable path is not ours


def test_a_corpus_folder_that_compare_wrote_into_still_reads_the_articles_there(tmp_path):
    # 'framing compare story.txt --corpus . -o .' made the corpus folder a compare folder: its
    # tables and summary are left out, the user's own CSV corpus and text files are read
    (tmp_path / "a.txt").write_text("Talks resumed in Geneva on Monday. Envoys met again.")
    (tmp_path / "mine.csv").write_text("text,section\nEnvoys met in Vienna on Friday.,world\n")
    for name in ("profiles.csv", "comparison.csv", "frame_scatter.csv"):
        (tmp_path / name).write_text("article_id,focus\na,True\n")
    (tmp_path / "summary.txt").write_text("Focus article: story.txt. Compared with 2 reference articles.")
    with pytest.warns(InputWarning):
        df = load_corpus(tmp_path)
    assert sorted(Path(p).name for p in df["path"]) == ["a.txt", "mine.csv"]
    own = {Path(s.source).name for s in df.attrs["skipped"] if s.reason.startswith(A.OWN_OUTPUT)}
    assert own == {"profiles.csv", "comparison.csv", "frame_scatter.csv", "summary.txt"}


def test_a_csv_quote_never_closed_is_reported(tmp_path):
    # the rows after an unclosed quote were read into its field without a word: 3 articles
    # became 1 (when the field count came out right, no row was reported either)
    bad = tmp_path / "bad.csv"
    bad.write_text('id,text\n1,"Talks resumed in Geneva.\n2,Missiles hit the port.\n3,Shelling continued.\n')
    with pytest.warns(InputWarning):
        df = load_corpus(bad)
    [w] = [s for s in df.attrs["skipped"] if "never closed" in s.reason]
    assert w.line == 2 and "lines 2-4" in w.reason and w.kind == "warning"
    # a quoted field over several lines, closed, is no problem
    good = tmp_path / "good.csv"
    good.write_text('id,text\n1,"Talks resumed\n\nin Geneva."\n2,"Missiles hit\nthe port."\n')
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_corpus(good)["text"].tolist() == ["Talks resumed\n\nin Geneva.", "Missiles hit\nthe port."]


def test_a_json_article_with_a_broken_escape_is_written_out(tmp_path):
    # '\ud800' without its pair: the article loaded and every output then failed to encode
    from analysis.io import write_table

    (tmp_path / "a.json").write_text('{"text": "Talks resumed.\\ud800 ok", "title": "T\\udc00"}')
    art = load_article(tmp_path / "a.json")
    assert (art.text, art.title) == ("Talks resumed.\ufffd ok", "T\ufffd")
    assert sum("lone surrogate" in w.reason for w in art.warnings) == 2
    write_table(pd.DataFrame([art.as_record()]), tmp_path / "out.csv")


@pytest.mark.parametrize("text", ["Да.", "停火", "3", "A"])
def test_a_short_text_of_any_script_is_an_article(text):
    """Only a text with no letter or digit at all is refused ("no words")."""
    assert Article.from_text(text).text == text
