"""The package's public face: lazy imports, __all__, the schema."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import analysis
from analysis import schema


def test_import_does_no_work():
    code = (
        "import sys, analysis; "
        "heavy = [m for m in ('pandas', 'sklearn', 'matplotlib', 'numpy') if m in sys.modules]; "
        "sub = sorted(m for m in sys.modules if m.startswith('analysis.')); "
        "print(heavy, sub)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] []"


@pytest.mark.parametrize("name", analysis.__all__)
def test_every_public_name_resolves(name):
    obj = getattr(analysis, name)
    assert obj is not None
    assert name in dir(analysis)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        analysis.nope  # noqa: B018


def test_all_is_sorted_and_unique():
    assert analysis.__all__ == sorted(set(analysis.__all__))


@pytest.mark.parametrize(
    "name", ["sentences", "articles", "scoring", "framing", "sourcing", "compare", "charts"]
)
def test_modules_have_docstrings(name):
    mod = importlib.import_module(f"analysis.{name}")
    assert mod.__doc__ and len(mod.__doc__.strip()) > 40


def test_schema_columns_are_unique_and_complete():
    cols = schema.SENTENCE_COLUMNS
    assert len(cols) == len(set(cols))
    for c in ("article_id", "sentence", "frame_evidence", "source_type", "side", "source_rule"):
        assert c in cols


@pytest.mark.parametrize(
    "first, name",
    [
        ("from analysis import profile_articles", "compare"),  # imports analysis.compare first
        ("import analysis.compare", "compare"),
        ("from analysis import evaluate_sets", "evaluate"),
        ("from analysis.evaluate import evaluate_sets", "evaluate"),
    ],
)
def test_a_function_named_like_its_module_stays_the_function(first, name):
    """``compare`` and ``evaluate`` are functions and module names: importing the
    module first must not turn ``from analysis import compare`` into the module."""
    code = (
        f"{first}\n"
        f"from analysis import {name}\n"
        f"import analysis, inspect\n"
        f"assert inspect.isfunction({name}), type({name})\n"
        f"assert inspect.isfunction(analysis.{name})\n"
        f"import importlib\n"
        f"assert inspect.ismodule(importlib.import_module('analysis.{name}'))\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
