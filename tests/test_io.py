"""Atomic output: an interrupted write leaves no half file."""

from __future__ import annotations

import json
import os
import stat

import pandas as pd
import pytest

from analysis.errors import UnsupportedFormatError
from analysis.io import atomic_path, write_table, write_text


def test_interrupted_write_leaves_nothing(tmp_path):
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("killed")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_existing_file_survives_failed_rewrite(tmp_path):
    target = write_text(tmp_path / "a.txt", "old")
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(target) as tmp:
            tmp.write_text("new")
            raise KeyboardInterrupt
    assert target.read_text() == "old"


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json", ".parquet"])
def test_write_table_formats(tmp_path, suffix):
    df = pd.DataFrame({"text": ["a", "b"], "frame_evidence": [[{"match": "talks"}], []]})
    path = write_table(df, tmp_path / f"t{suffix}")
    assert path.exists() and path.stat().st_size > 0
    if suffix == ".csv":
        back = pd.read_csv(path)
        assert json.loads(back.loc[0, "frame_evidence"]) == [{"match": "talks"}]
    if suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        assert json.loads(lines[0])["frame_evidence"] == [{"match": "talks"}]
    if suffix == ".parquet":
        assert len(pd.read_parquet(path)) == 2


def test_unknown_format(tmp_path):
    with pytest.raises(UnsupportedFormatError, match=r"out.xlsx: unknown output format"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "out.xlsx")


def test_unwritable_target_is_named_not_the_temporary_file(tmp_path):
    # the error named the hidden '.x.csv.abc123.part' file the user never asked for
    df = pd.DataFrame({"a": [1]})
    folder = tmp_path / "taken.csv"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as exc:
        write_table(df, folder)
    assert exc.value.filename == str(folder) and ".part" not in str(exc.value)
    assert [p.name for p in tmp_path.iterdir()] == ["taken.csv"]
    assert list(folder.iterdir()) == []
    a_file = write_text(tmp_path / "notes.txt", "x")
    with pytest.raises(NotADirectoryError) as exc:
        write_table(df, a_file / "out.csv")
    assert exc.value.filename == str(a_file / "out.csv")


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_get_the_mode_a_plain_open_gives(tmp_path, umask, expected):
    """Outputs are readable as any file the user writes (the temporary file of atomic_path
    is owner-only: a shared report came out -rw-------)."""
    old = os.umask(umask)
    try:
        text = write_text(tmp_path / "page.html", "<p>x</p>")
        table = write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    finally:
        os.umask(old)
    for path in (text, table):
        assert stat.S_IMODE(path.stat().st_mode) == expected


def test_a_rewritten_file_keeps_its_mode(tmp_path):
    target = tmp_path / "t.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_table(pd.DataFrame({"a": [1]}), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text().startswith("a")


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl", ".json"])
def test_a_table_carrying_its_skips_in_attrs_is_written(tmp_path, suffix):
    """score_corpus keeps Skipped objects in df.attrs['skipped']; to_parquet dumped attrs to
    JSON and failed ('Object of type Skipped is not JSON serializable'): a corpus with a cut
    over-long line or a null text could not be written to Parquet."""
    from analysis.errors import Skipped

    df = pd.DataFrame({"a": [1, 2], "b": [[{"x": 1}], []]})
    df.attrs = {"skipped": [Skipped("a1", "text is null", 2)], "article": {"id": "a1"}}
    path = write_table(df, tmp_path / f"t{suffix}")
    assert path.is_file() and df.attrs["skipped"][0].reason == "text is null"  # input untouched
    if suffix == ".parquet":
        assert pd.read_parquet(path)["a"].tolist() == [1, 2]
