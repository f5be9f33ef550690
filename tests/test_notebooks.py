"""The notebooks: paired with jupytext, parameterised, and executing without an error cell on real data."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from analysis.paths import notebooks_dir, seed_gold_path
from analysis.report import PARTS, execute_notebook

NAMES = [p.name for p in PARTS]


def _read_py(name: str):
    import jupytext

    return jupytext.read(notebooks_dir() / f"{name}.py")


def test_every_report_notebook_exists_in_both_forms():
    found = sorted(p.stem for p in notebooks_dir().glob("*.py"))
    assert found == sorted(NAMES)
    for name in NAMES:
        assert (notebooks_dir() / f"{name}.ipynb").exists(), name


@pytest.mark.parametrize("name", NAMES)
def test_paired_with_jupytext_percent(name):
    text = (notebooks_dir() / f"{name}.py").read_text(encoding="utf-8")
    assert "formats: ipynb,py:percent" in text
    ipynb = nbformat.read(notebooks_dir() / f"{name}.ipynb", as_version=4)
    assert ipynb.metadata["jupytext"]["formats"] == "ipynb,py:percent"


@pytest.mark.parametrize("name", NAMES)
def test_ipynb_is_in_sync_with_py_and_has_no_outputs(name):
    py = _read_py(name)
    ipynb = nbformat.read(notebooks_dir() / f"{name}.ipynb", as_version=4)
    assert [(c.cell_type, c.source) for c in ipynb.cells] == [
        (c.cell_type, c.source) for c in py.cells
    ], f"{name}.ipynb differs from {name}.py: run `jupytext --sync notebooks/{name}.py`"
    for cell in ipynb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: committed outputs"


@pytest.mark.parametrize("name", NAMES)
def test_first_cell_states_question_inputs_findings(name):
    first = _read_py(name).cells[0]
    assert first.cell_type == "markdown"
    for word in ("**Question.**", "**Inputs.**", "**Findings.**"):
        assert word in first.source, f"{name}: first cell lacks {word}"


@pytest.mark.parametrize("name", NAMES)
def test_one_parameters_cell_with_the_report_parameters(name):
    cells = [c for c in _read_py(name).cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    part = next(p for p in PARTS if p.name == name)
    expected = set(part.params({"article": 1, "corpus": 2, "gold": 3, "gold2": 4, "exclude": 5}))
    declared = {line.split("=")[0].strip() for line in cells[0].source.splitlines() if "=" in line}
    assert expected <= declared, f"{name}: parameters cell lacks {expected - declared}"


# ------------------------------------------------------------------ execution


def _run(name: str, params: dict, tmp_path: Path):
    nb, err = execute_notebook(name, params, tmp_path / f"{name}.ipynb", timeout=600, cwd=tmp_path)
    errors = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert err is None and not errors, f"{name} failed: {err}\n" + "\n".join(
        f"{o.get('ename')}: {o.get('evalue')}" for o in errors
    )
    return nb


def _outputs_text(nb) -> str:
    parts = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            data = o.get("data", {})
            parts += [str(data.get(k, "")) for k in ("text/html", "text/markdown", "text/plain")]
            parts.append(str(o.get("text", "")))
    return "\n".join(parts)


def _n_images(nb) -> int:
    return sum(
        1 for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})
    )


@pytest.mark.slow
def test_01_seed_article_executes(tmp_path):
    nb = _run("01-seed-article", {}, tmp_path)
    text = _outputs_text(nb)
    assert "Blinken" in text and 'class="fa-legend"' in text
    assert "21 sentences" in text or "sentences** in" in text
    assert _n_images(nb) >= 2


@pytest.mark.slow
def test_01_on_an_article_with_markup_shows_it_as_text(tmp_path):
    art = tmp_path / "markup.txt"
    art.write_text(
        "Talks stall as <script>document.title='PWNED'</script> strikes go on\n\n"
        "Negotiators met in Geneva on Tuesday, the foreign ministry said. "
        "“We will not accept an <b>ultimatum</b>,” Defence Minister Ana Petrova told reporters.\n",
        encoding="utf-8",
    )
    nb = _run("01-seed-article", {"article": str(art)}, tmp_path)
    html_out = "\n".join(
        str(o.get("data", {}).get("text/html", ""))
        + str(o.get("data", {}).get("text/markdown", ""))
        for c in nb.cells
        for o in c.get("outputs", [])
    )
    assert "&lt;script&gt;document.title" in html_out
    assert "<script>document.title" not in html_out and "<b>ultimatum</b>" not in html_out


@pytest.mark.slow
def test_02_compare_with_the_embedded_corpus_executes(tmp_path):
    nb = _run("02-compare-coverage", {}, tmp_path)
    text = _outputs_text(nb)
    assert "Reference:" in text and "Lee" in text
    assert _n_images(nb) >= 4
    # tables and findings for people: no column names of the package, no '0.000' p-values
    for raw in ("reference_median", "p_value", "n_focus", "unnamed_official", "float in [0, 1]"):
        assert raw not in text, raw
    assert "<td>0.000</td>" not in text


@pytest.mark.slow
def test_02_compare_with_the_shared_corpus_executes(tmp_path, shared_corpus):
    nb = _run("02-compare-coverage", {"corpus": str(shared_corpus)}, tmp_path)
    assert str(shared_corpus) in _outputs_text(nb)


@pytest.mark.slow
def test_03_validate_on_the_default_gold_executes(tmp_path):
    nb = _run("03-validate-scorers", {}, tmp_path)
    text = _outputs_text(nb)
    assert "F1" in text and "cues in lexicon" in text and "gold: diplomacy" in text
    from analysis.paths import shared_gold_dev_path

    if shared_gold_dev_path() is not None:  # several articles: grouped cross-validation runs
        assert "supervised model" in text and "folds grouped by article" in text
    # every gold set, tuned on and held out, one row each
    assert "held out" in text and "lee_holdout" in text and "corpus_fresh" in text


@pytest.mark.slow
def test_03_validate_with_two_annotations_measures_agreement(tmp_path):
    gold = json.loads(seed_gold_path().read_text(encoding="utf-8"))
    for s in gold["sentences"][:3]:  # a second annotator who disagrees on three sentences
        s["escalation"] = 1 - s["escalation"]
    gold2 = tmp_path / "seed_second_annotator.json"
    gold2.write_text(json.dumps(gold), encoding="utf-8")
    nb = _run(
        "03-validate-scorers",
        {"gold": str(seed_gold_path()), "gold2": str(gold2), "all_sets": False},
        tmp_path,
    )
    text = _outputs_text(nb)
    assert "sentences matched" in text and "agreement not measured" not in text
    assert "cohen_kappa" not in text and "source_type" not in text
    assert "flatter the scorers" in text  # the seed's gold was used to write the rules
    for raw in ("pred_frame", "article_id", "false negative", ">tp<"):
        assert raw not in text, raw
    assert "the other gold sets were not scored" in text
    assert "at least three annotated articles" in text  # one article: no grouped CV
