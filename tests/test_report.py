"""The HTML report (analysis/report.py): helpers, kernel choice, and a full build of the seed report."""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from analysis import report
from analysis.errors import InputWarning
from analysis.report import (
    PARTS,
    ReportError,
    article_findings,
    build_report,
    md_escape,
    render_notebook_html,
    resolve_gold,
    show_table,
)

# --------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ("*talks* _resume_ [now]", "\\*talks\\* \\_resume\\_ \\[now\\]"),
        ("Tom & Jerry | #1", "Tom &amp; Jerry \\| \\#1"),
        ("two\nlines", "two lines"),
        ("$1 billion", "\\$1 billion"),
    ],
)
def test_md_escape(text, expected):
    assert md_escape(text) == expected


def test_show_table_escapes_cells_and_drops_index():
    df = pd.DataFrame({"text": ["<img src=x onerror=alert(1)>"], "score": [0.123456]})
    out = show_table(df).data
    assert "<img" not in out and "&lt;img src=x" in out
    assert "0.12" in out and "0.1234" not in out
    assert "<th></th>" not in out  # no index column


@pytest.mark.parametrize(
    "argv, ok",
    [
        (["python", "-m", "ipykernel_launcher"], True),
        ([f"python{sys.version_info[0]}"], True),
        ([sys.executable, "-m", "ipykernel_launcher"], True),
        (["/nonexistent/python3.99"], False),
        ([], False),
    ],
)
def test_kernel_spec_must_run_this_interpreter(argv, ok):
    assert report._runs_this_python(argv) is ok


def test_ensure_kernel_returns_a_spec_for_this_interpreter():
    from jupyter_client.kernelspec import KernelSpecManager

    name = report.ensure_kernel()
    spec = KernelSpecManager().get_kernel_spec(name)
    assert report._runs_this_python(spec.argv)
    assert report.ensure_kernel("my-kernel") == "my-kernel"


def _scored(rows):
    cols = [
        "sentence",
        "paragraph",
        "text",
        "frame",
        "diplomacy",
        "escalation",
        "source_type",
        "speaker",
        "speaker_canonical",
        "anonymous",
    ]
    return pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows])


def test_article_findings_are_computed_from_the_table():
    scored = _scored(
        [
            (0, 0, "Talks resumed.", "diplomacy", True, False, "unattributed", "", "", False),
            (
                1,
                1,
                "Shelling hit Kharkiv, officials said.",
                "escalation",
                False,
                True,
                "unnamed_official",
                "officials",
                "officials",
                True,
            ),
            (
                2,
                1,
                "Both sides met as strikes went on, <b>Ana Petrova</b> said.",
                "mixed",
                True,
                True,
                "named_official",
                "<b>Ana Petrova</b>",
                "<b>Ana Petrova</b>",
                False,
            ),
            (3, 2, "Author: Jane Roe", "neutral", False, False, "unattributed", "", "", False),
        ]
    )
    text = article_findings(scored)
    assert "**4 sentences** in 3 paragraphs" in text
    assert (
        "2 (50%) carry the **diplomacy** frame, 2 (50%) the **escalation** frame (1 both, 1 neither)"
        in text
    )
    # the label counts of the charts and legend, so that 2 'diplomacy' above and 1 there agree
    assert "diplomacy only 1, escalation only 1, both frames 1, neither frame 1." in text
    assert "**+0.00**" in text and "leans towards neither frame clearly" in text
    assert "**2 of 4 sentences (50%) are attributed**" in text
    assert "1 of the 2 attributed sentences cite a source that is not named" in text
    assert "&lt;b&gt;Ana Petrova&lt;/b&gt;" in text and "<b>" not in text


def test_article_findings_empty():
    assert "no sentences" in article_findings(_scored([]))


def test_resolve_gold(tmp_path, monkeypatch, seed_gold_path):
    assert resolve_gold(tmp_path / "x.json") == tmp_path / "x.json"
    import analysis.paths as paths

    monkeypatch.setattr(paths, "shared_gold_dev_path", lambda: None)
    assert resolve_gold(None) == seed_gold_path


# ------------------------------------------------------------- notebook pages


def _nb(cells):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    return nb


def test_rendered_page_hides_code_and_loads_nothing_remote(tmp_path):
    import nbformat

    code = nbformat.v4.new_code_cell("secret_code_marker = 1")
    code.outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "42"}, execution_count=1)
    ]
    hidden = nbformat.v4.new_code_cell("x = 2", metadata={"tags": ["remove_cell"]})
    hidden.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hidden_output_marker")]
    page = render_notebook_html(
        _nb([nbformat.v4.new_markdown_cell("# Title $x^2$"), code, hidden]),
        name="01-seed-article",
        title="T",
    )
    assert "secret_code_marker" not in page and "hidden_output_marker" not in page
    assert "42" in page and "Title" in page
    assert "<script" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert 'href="index.html"' in page and 'href="article.html"' in page
    # the mark a corpus folder reader knows the report's pages by, in the <head> of each
    from analysis.articles import GENERATOR_META, own_output

    assert 'content="framing-analysis" name="generator"' in page[: page.index("<body")]
    index = report._index_html(article_title="T", reference="Reference: x", results=[], seconds=1.0, params={})
    assert GENERATOR_META in index[: index.index("<body")]
    for name, html_page in (("01-seed-article.html", page), ("index.html", index)):
        (tmp_path / name).write_text(html_page, encoding="utf-8")
        assert own_output(tmp_path / name).startswith("written by framing-analysis: an HTML page")
        # a page rendered before the mark: known by its Content-Security-Policy
        (tmp_path / name).write_text(re.sub(r"<meta[^>]*generator[^>]*>", "", html_page), encoding="utf-8")
        assert "generator" not in (tmp_path / name).read_text(encoding="utf-8")[:5000]
        assert own_output(tmp_path / name) is not None


@pytest.mark.parametrize("arg", ["article", "corpus", "gold", "gold2"])
def test_missing_input_is_an_input_error_before_any_work(tmp_path, arg):
    from analysis.errors import InputError

    with pytest.raises(InputError, match=f"no such {arg}"):
        build_report(out_dir=tmp_path / "out", **{arg: tmp_path / "missing.file"}, quiet=True)
    assert not (tmp_path / "out").exists()


def test_a_corpus_of_no_usable_article_stops_before_any_notebook(tmp_path, monkeypatch):
    """A --corpus folder whose files are all unusable is an InputError naming each file's
    reason, before any notebook runs or the output folder is made (it failed at the end,
    on the comparison page, after every notebook had run)."""
    from analysis.errors import InputError

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tiny.txt").write_bytes(b"\x00\x01\x02")
    (corpus / "empty.txt").write_bytes(b"")
    ran = []
    monkeypatch.setattr(report, "execute_notebook", lambda *a, **k: ran.append(a))
    with pytest.raises(InputError, match="no usable article") as info:
        build_report(corpus=corpus, out_dir=tmp_path / "out", quiet=True)
    assert "tiny.txt: no words in the text" in str(info.value)
    assert "empty.txt: file is empty" in str(info.value)
    assert ran == [] and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("text", "html_out"),
    [
        ("Focus: <b>x</b>\nCompared with 2.", "<p>Focus: &lt;b&gt;x&lt;/b&gt;<br>Compared with 2.</p>"),
        ("Of 9 sentences:\n- balance: +0.20\n  - nested & indented",
         "<p>Of 9 sentences:</p><ul><li>balance: +0.20</li><li>nested &amp; indented</li></ul>"),
        ("- first\nthen prose", "<ul><li>first</li></ul><p>then prose</p>"),
        ("a\n\n\nb", "<p>a</p><p>b</p>"),
    ],
)
def test_text_block_shows_dash_lines_as_a_list(text, html_out):
    """User review: the comparison summary's '- ' lines showed as one paragraph of hyphens."""
    from analysis.report import text_block_html

    assert text_block_html(text) == (
        '<div style="font-family:system-ui,sans-serif;line-height:1.5">' + html_out + "</div>"
    )


# ---------------------------------------------------------------- full builds


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    import time

    t0 = time.perf_counter()
    path = build_report(out_dir=out, quiet=True)
    return path, time.perf_counter() - t0


@pytest.mark.slow
def test_seed_report_builds_every_page(seed_report):
    out, seconds = seed_report
    names = {p.name for p in out.glob("*.html")}
    assert names == {"index.html", "article.html", *(f"{p.name}.html" for p in PARTS)}
    meta = json.loads((out / "report.json").read_text())
    assert meta["failed"] == {}
    assert seconds < 240, f"build_report took {seconds:.0f} s"


@pytest.mark.slow
def test_seed_report_has_charts_and_no_code(seed_report):
    out, _ = seed_report
    n_images = 0
    for part in PARTS:
        page = (out / f"{part.name}.html").read_text(encoding="utf-8")
        n_images += len(re.findall(r'<img[^>]+src="data:image/png;base64,', page))
        body = page[page.index("<body") :]
        code_cells = re.findall(r'class="(jp-Cell jp-CodeCell[^"]*)"', body)
        assert code_cells and all("jp-mod-noInput" in c for c in code_cells), f"{part.name}: code"
        assert "hl-ipython3" not in body and "jp-InputArea-editor" not in body
        assert "import matplotlib" not in page and "from analysis" not in page
        assert (
            "Traceback" not in page
            and 'data-mime-type="application/vnd.jupyter.stderr"' not in page
        )
        assert "<script" not in page.lower()
        assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", page)
    assert n_images >= 3


@pytest.mark.slow
def test_seed_report_index_says_what_the_reference_is(seed_report):
    out, _ = seed_report
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Reference:" in index and "Lee" in index
    for target in ["article.html", *(f"{p.name}.html" for p in PARTS)]:
        assert f'href="{target}"' in index
    article = (out / "article.html").read_text(encoding="utf-8")
    assert "Blinken" in article and 'class="fa-legend"' in article


@pytest.mark.slow
def test_failing_notebook_is_reported_not_hidden(tmp_path):
    folder = tmp_path / "nbs"
    folder.mkdir()
    (folder / "01-seed-article.py").write_text(
        textwrap.dedent(
            """\
            # %% [markdown]
            # # A notebook that fails

            # %% tags=["parameters"]
            article = None

            # %%
            raise ValueError("deliberate failure for the test")
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(ReportError, match="01-seed-article: ValueError: deliberate failure"):
        build_report(
            out_dir=tmp_path / "out", parts=["01-seed-article"], notebooks=folder, quiet=True
        )
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "failed: ValueError: deliberate failure" in index
    page = (tmp_path / "out" / "01-seed-article.html").read_text(encoding="utf-8")
    assert "deliberate failure for the test" in page


def test_show_table_leaves_missing_counts_empty():
    df = pd.DataFrame({"set": ["seed", "dev"], "sentences": pd.array([21, None], dtype="Int64")})
    html = show_table(df).data
    assert "<td>21</td>" in html and "NA" not in html


# ----------------------------------------------------- tables for people (02)


def test_show_table_gives_every_number_the_same_decimals():
    html = show_table(pd.DataFrame({"score": [0.0, 0.5912]})).data
    assert "<td>0.00</td>" in html and "<td>0.59</td>" in html


def test_p_value_text():
    from analysis.report import p_value_text

    assert p_value_text(0.0002) == "< 0.001" and p_value_text(0.0412) == "0.041"
    assert p_value_text(float("nan")) == ""


def _comparison():
    from analysis.compare import compare

    rows = []
    for a, (dip, esc, src) in enumerate(
        [(1, 0, "unnamed_official"), (0, 1, "unattributed"), (0, 1, "named_official")] * 3
    ):
        for k in range(4):
            frame = "diplomacy" if dip and k % 2 == 0 else "escalation" if esc else "neutral"
            rows.append(
                {
                    "article_id": f"a{a}",
                    "sentence": k,
                    "text": f"Sentence {k}.",
                    "frame": frame,
                    "diplomacy": frame == "diplomacy",
                    "escalation": frame == "escalation",
                    "diplomacy_score": 0.9 if frame == "diplomacy" else 0.0,
                    "escalation_score": 0.9 if frame == "escalation" else 0.0,
                    "source_type": src,
                    "speaker": "",
                    "quote_mode": "none",
                    "anonymous": src == "unnamed_official",
                    "side": "unknown",
                    "title": f"Story {a}",
                    "outlet": "Wire",
                }
            )
    table = pd.DataFrame(rows)
    return compare(table[table["article_id"] == "a0"], table[table["article_id"] != "a0"], n_perm=200)


def test_percentile_table_speaks_in_words_and_percentages():
    from analysis.report import percentile_table

    c = _comparison()
    t = percentile_table(c.percentiles, ["balance", "diplomacy_share", "side_us_share"])
    assert list(t.columns) == [
        "measure", "this article", "reference median", "middle half of the reference",
        "percentile (0\u2013100)",
    ]
    assert t["measure"].tolist()[:2] == ["balance (diplomacy \u2212 escalation)", "diplomacy sentences"]
    assert t.loc[1, "this article"].endswith("%") and t.loc[0, "this article"].startswith(("+", "-"))
    assert all("." not in v for v in t["percentile (0\u2013100)"])
    assert not any("_" in v for v in t["measure"])


def test_tests_tables_have_no_internal_names_and_no_zero_p():
    from analysis.report import tests_tables

    whole, share = tests_tables(_comparison().tests)
    text = whole.to_string() + share.to_string()
    for raw in ("p_value", "n_focus", "effect_size", "unnamed_official", "mixed", "-0%", "0.000"):
        assert raw not in text, raw
    assert set(share["category"]) >= {"diplomacy only", "unnamed official"}


def test_metrics_table_leaves_out_flags_and_counts():
    from analysis.report import metrics_table

    bo = _comparison().by_outlet
    t = metrics_table(bo, keep=["outlet", "n_articles"])
    assert "focus" not in t.columns and "n articles" not in t.columns
    assert t.columns[:2].tolist() == ["outlet", "articles"]
    assert t["diplomacy sentences"].str.endswith("%").all()


# ------------------------------------------------------ validation page (03)


def test_gold_role_knows_the_shipped_sets(tmp_path):
    from analysis.paths import seed_gold_path
    from analysis.report import gold_role

    assert "tuning" in gold_role(seed_gold_path())
    assert gold_role(tmp_path / "mine.jsonl") is None


def _eval_result():
    from analysis.evaluate import evaluate
    from analysis.gold import load_gold
    from analysis.paths import seed_gold_path

    return evaluate(load_gold(seed_gold_path()), n_errors=5)


def test_validation_findings_say_when_the_rules_were_tuned_on_the_gold(tmp_path):
    from analysis.paths import seed_gold_path
    from analysis.report import validation_findings

    result = _eval_result()
    assert "flatter the scorers" in validation_findings(result, seed_gold_path())
    assert "flatter" not in validation_findings(result, tmp_path / "mine.jsonl")
    text = validation_findings(result)
    assert "false negative" not in text and "false positive" not in text


def test_error_words():
    from analysis.report import error_words

    assert error_words("false negative escalation") == "missed escalation"
    assert error_words("false positive diplomacy") == "false alarm: diplomacy"


def test_label_metrics_table_blanks_what_cannot_be_computed():
    from analysis.report import label_metrics_table

    per = {
        "named_official": {"precision": 1.0, "recall": 0.5, "f1": 0.67, "support": 2, "tp": 1, "fp": 0, "fn": 1},
        "media": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0, "tp": 0, "fp": 0, "fn": 0},
        "expert": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0, "tp": 0, "fp": 2, "fn": 0},
    }
    t = label_metrics_table(per, lambda s: s.replace("_", " "))
    assert t["label"].tolist() == ["named official", "expert"]  # media: nobody uses it
    expert = t.set_index("label").loc["expert"]
    assert expert["precision"] == 0.0 and pd.isna(expert["recall"]) and pd.isna(expert["F1"])
    html = show_table(t).data
    assert "NA" not in html and "nan" not in html
    assert "tp" not in t.columns and "false alarms" in t.columns


# ------------------------------------------------------ the article page (01)


def test_article_findings_of_one_sentence_are_singular():
    scored = _scored(
        [(0, 0, "Russia fired missiles, officials said.", "escalation", False, True,
          "unnamed_official", "officials", "officials", True)]
    )
    text = article_findings(scored)
    assert "**1 sentence** in 1 paragraph:" in text
    assert "**1 of 1 sentence (100%) is attributed**" in text
    assert "1 of the 1 attributed sentence cites" in text
    assert "Of the 1 escalation sentence," in text and "(1 sentence)" in text
    assert "1 sentences" not in text and "Most cited" not in text
    # '0 (0%) carry the diplomacy frame' is plural; one diplomacy sentence said '1 (100%) carry'
    assert "0 (0%) carry the **diplomacy** frame" in text
    one = _scored([(0, 0, "Talks resumed.", "diplomacy", True, False, "unattributed", "", "", False)])
    assert "1 (100%) carries the **diplomacy** frame" in article_findings(one)


def test_article_findings_say_where_the_frames_sit_in_counts():
    rows = [
        (i, i, f"S{i}.", f, f == "diplomacy", f == "escalation", "unattributed", "", "", False)
        for i, f in enumerate(["diplomacy", "diplomacy", "neutral", "escalation", "escalation", "escalation"])
    ]
    text = article_findings(_scored(rows))
    assert "diplomacy 2 and 0; escalation 0 and 3" in text
    assert "throughout" not in text


def test_speaker_table_merges_spellings_of_one_speaker():
    from analysis.report import speaker_table

    rows = [
        (0, 0, "A.", "diplomacy", True, False, "institution", "State Department", "State Department", False),
        (1, 0, "B.", "diplomacy", True, False, "institution", "the State Department", "the State Department", False),
        (2, 0, "C.", "escalation", False, True, "named_official", "Medinsky", "Vladimir Medinsky", False),
        (3, 0, "D.", "neutral", False, False, "unattributed", "", "", False),
    ]
    t = speaker_table(_scored(rows).assign(quote_mode=["indirect", "indirect", "direct", "none"]))
    assert t["speaker"].tolist() == ["State Department", "Vladimir Medinsky"]
    assert t["sentences"].tolist() == [2, 1] and t["source"].tolist() == ["institution", "named official"]
    assert t.loc[1, "quoted as"] == "direct quote" and "none" not in t["quoted as"].tolist()
    assert speaker_table(_scored(rows[3:])).empty


def test_index_says_what_a_left_out_input_means():
    page = report._index_html(
        article_title="T", reference="Reference: x", results=[], seconds=1.0,
        params={"article": "a.txt", "corpus": None, "gold": None, "gold2": None},
    )
    assert ": default<" not in page
    assert "<code>gold2</code>: none (agreement between annotators not measured)" in page


def test_index_leads_with_the_findings_escaped():
    scored = _scored(
        [(0, 0, "Talks resumed.", "diplomacy", True, False, "unattributed", "", "", False),
         (1, 0, "<script>x</script> said.", "escalation", False, True, "named_official",
          "<script>x</script>", "<script>x</script>", False)]
    )
    page = report._index_html(
        article_title="T", reference="Reference: x", results=[], seconds=1.0,
        params={"article": "a.txt"}, findings=article_findings(scored),
    )
    assert "<h2>What the numbers say</h2>" in page
    assert "<strong>2 sentences</strong>" in page
    assert "<script>" not in page
    assert page.index("What the numbers say") < page.index("The pages")


def test_report_lists_and_writes_what_its_inputs_skipped(tmp_path, capsys):
    # 'framing report ART --corpus DIR' printed one summary warning and kept no list:
    # no skipped.json, nothing in report.json, unlike every other command
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks resumed in Geneva on Monday, officials said.")
    (corpus / "b.txt").write_text("Missiles struck the port overnight.")
    (corpus / "empty.txt").write_text("")
    article = tmp_path / "focus.txt"
    article.write_text("Talks\r\nresumed on Monday.\nNo deal.\x00")
    out = tmp_path / "out"
    with pytest.warns(InputWarning):
        report.build_report(article=article, corpus=corpus, out_dir=out, parts=[])
    listed = json.loads((out / "skipped.json").read_text(encoding="utf-8"))
    reasons = [(Path(k["source"]).name, k["kind"], k["reason"]) for k in listed]
    assert ("empty.txt", "skipped", "file is empty") in reasons
    assert any(n == "focus.txt" and "NUL" in r for n, _, r in reasons)
    assert json.loads((out / "report.json").read_text())["skipped"] == listed
    assert "empty.txt: file is empty" in capsys.readouterr().err


def test_index_reference_statement_leaves_the_focus_out_like_the_comparison(tmp_path):
    # the index said 'Reference: 3 articles' while the comparison page compared with 2
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks resumed in Geneva on Monday.")
    (corpus / "b.txt").write_text("Missiles struck the port overnight.")
    (corpus / "focus.txt").write_text("Drones attacked the city.")
    from analysis.articles import load_article

    fid = load_article(corpus / "focus.txt").as_record()["id"]
    statement, _ = report._reference_statement(corpus, str(fid))
    assert statement.startswith("Reference: 2 articles") and "is left out" in statement
    statement, _ = report._reference_statement(corpus, "another id")
    assert statement.startswith("Reference: 3 articles") and "left out" not in statement


def test_a_relative_framing_corpus_means_the_same_folder_in_the_notebooks(tmp_path, monkeypatch):
    # the notebooks run in the report folder: FRAMING_CORPUS="my corpus" (relative to where
    # 'framing report' ran) failed with "no such corpus file or folder" in 02-compare-coverage
    folder = tmp_path / "nbs"
    folder.mkdir()
    (folder / "02-compare-coverage.py").write_text(
        textwrap.dedent(
            """\
            # %% tags=["parameters"]
            article = None
            corpus = None

            # %%
            import os
            from pathlib import Path

            assert Path(os.environ["FRAMING_CORPUS"]).is_dir(), os.environ["FRAMING_CORPUS"]
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "my corpus").mkdir()
    (tmp_path / "my corpus" / "a.txt").write_text("Talks resumed in Geneva.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FRAMING_CORPUS", "my corpus")
    build_report(out_dir=tmp_path / "out", parts=["02-compare-coverage"], notebooks=folder, quiet=True)
    assert os.environ["FRAMING_CORPUS"] == "my corpus"  # the caller's environment is left as it was


def test_article_findings_name_every_label_tied_for_most_common():
    # 'The most common label is *diplomacy only* (1 sentence).' beside diplomacy only 1,
    # escalation only 1, neither frame 1; likewise 'most often cited' named one of two tied types
    from analysis import score_sentences

    scored = score_sentences(["Talks resumed, officials said.", "Missiles hit the port.", "It rained."])
    assert scored["frame"].tolist() == ["diplomacy", "escalation", "neutral"]
    text = article_findings(scored)
    assert "The most common labels are *diplomacy only*, *escalation only* and *neither frame*, tied at 1 sentence each." in text
    two = score_sentences(["Talks resumed, officials said.", "The ministry said talks would resume.", "Talks resumed."])
    assert two["source_type"].tolist() == ["unnamed_official", "institution", "unattributed"]
    text = article_findings(two)
    assert "most often cited: unnamed official and institution (tied, 1 each)" in text
    assert "The most common label is *diplomacy only* (3 sentences)." in text


def test_article_findings_of_an_all_attributed_article_have_no_rest():
    # '3 of 3 sentences (100%) are attributed to a source (...); the rest is the writer's own voice.'
    from analysis import score_sentences

    scored = score_sentences(["Talks resumed, officials said.", "Missiles hit the port, the army said."])
    assert (scored["source_type"] != "unattributed").all()
    text = article_findings(scored)
    assert "the rest is" not in text and "none is in the writer's own voice" in text


def test_percentile_table_says_when_a_measure_has_fewer_reference_articles():
    # 'diplomacy sentences in the writer's own voice ... percentile 0' was ranked against the one
    # reference article with diplomacy sentences, with nothing to tell it from the other rows
    from analysis import compare, score_corpus
    from analysis.report import percentile_table

    focus = score_corpus(pd.DataFrame({"id": ["f"], "text": ["Envoys met to discuss a truce, officials said. Talks resumed."]}), progress=False)
    ref = score_corpus(pd.DataFrame({"id": ["a", "b", "c"], "text": [
        "Negotiators met in Vienna to discuss a ceasefire.", "Farmers began the harvest.", "Prices rose slightly."
    ]}), progress=False)
    t = percentile_table(compare(focus, ref, n_perm=100).percentiles).set_index("measure")
    assert t.loc["diplomacy sentences in the writer's own voice", "percentile (0\u2013100)"].endswith("(among 1 of 3 articles)")
    assert t.loc["diplomacy sentences", "percentile (0\u2013100)"].isdigit()


def test_the_report_folder_inside_the_corpus_is_not_reference(tmp_path):
    # 'framing report story.txt --corpus .' run twice: the first run's pages (article.html holds
    # the focus's sentences) were read as reference articles by the index and by 02-compare-coverage
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks resumed in Geneva on Monday.")
    (corpus / "b.txt").write_text("Missiles struck the port overnight.")
    out = corpus / "out" / "report"
    out.mkdir(parents=True)
    (out / "article.html").write_text("<html><body><h1>Drones attacked</h1><p>Drones attacked the city.</p></body></html>")
    (out / "index.html").write_text("<html><body><p>Ministers discussed a truce.</p></body></html>")
    statement, skipped = report._reference_statement(corpus, None, out)
    assert statement.startswith("Reference: 2 articles") and "output folder" in statement
    assert {Path(s.source).name for s in skipped} == {"article.html", "index.html"}
    part = next(p for p in report.PARTS if p.name == "02-compare-coverage")
    assert part.params({"article": "x", "corpus": "y", "exclude": str(out)})["exclude"] == str(out)


def test_rebuilding_some_parts_links_the_current_pages_of_others_and_removes_stale_ones(tmp_path):
    # build_report(parts=[...]) wrote an index linking only the parts it ran, while the pages
    # of the others, built by an earlier run, stayed in the folder unlinked (current or not)
    folder = tmp_path / "nbs"
    folder.mkdir()
    for part in report.PARTS:
        (folder / f"{part.name}.py").write_text(
            '# %% tags=["parameters"]\narticle = corpus = exclude = gold = gold2 = None\n\n'
            f'# %%\nprint("{part.name} of", article)\n', encoding="utf-8")
    first, other = tmp_path / "first.txt", tmp_path / "other.txt"
    first.write_text("Talks resumed in Geneva on Monday, officials said.")
    other.write_text("Missiles struck the port overnight, the army said.")
    out = tmp_path / "out"
    names = [p.name for p in report.PARTS]

    def build(article, parts):
        build_report(article=article, out_dir=out, parts=parts, notebooks=folder, quiet=True)
        index = (out / "index.html").read_text(encoding="utf-8")
        record = json.loads((out / "report.json").read_text(encoding="utf-8"))
        return [n for n in names if f'href="{n}.html"' in index], index, record

    build(first, [names[0], names[2]])
    linked, index, record = build(first, [names[1]])
    assert linked == names  # the two pages of the same article are current: linked, and said so
    assert index.count("built by an earlier run from the same inputs") == 2
    assert record["pages"][2:] == [f"{n}.html" for n in names] and record["removed"] == []
    assert [record["parts"][n]["this_run"] for n in names] == [False, True, False]
    linked, index, record = build(other, [names[2]])
    # another article: its own two pages are stale, removed with their notebooks, and said so
    assert linked == [names[2]] and "earlier run" not in index
    assert record["removed"] == [f"{names[0]}.html", f"{names[1]}.html"]
    assert not (out / f"{names[0]}.html").exists() and not (out / "notebooks" / f"{names[0]}.ipynb").exists()


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_speaker_table_of_a_speaker_whose_source_type_has_no_value(missing):
    # a sentence table edited or read back with an empty source_type for a cited speaker:
    # IndexError 'single positional indexer is out-of-bounds'
    from analysis import score_sentences

    scored = score_sentences(["Talks resumed, the foreign minister said.", "Missiles hit the port."])
    scored = scored.assign(source_type=pd.Series([missing, "unattributed"], dtype=object))
    t = report.speaker_table(scored)
    assert t["speaker"].tolist() == ["the foreign minister"] and t["source"].tolist() == [""]
