"""The CLI through a subprocess: help, exit codes, one-line errors, --debug."""

from __future__ import annotations

import json

import pytest

COMMANDS = ["sentences", "score", "evaluate", "train", "compare", "fetch", "report"]


def test_top_level_help(framing_cli):
    r = framing_cli("--help")
    assert r.returncode == 0
    for c in COMMANDS:
        assert c in r.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(framing_cli, command):
    r = framing_cli(command, "--help")
    assert r.returncode == 0, r.stderr
    assert "usage: framing" in r.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("nonsense",),
        ("sentences",),
        ("score", "x.txt", "--jobs", "many"),
        ("fetch", "http://127.0.0.1:9/"),  # -o is required
        ("train", "gold.jsonl"),  # -o is required
        ("train", "gold.jsonl", "-o", "model.csv"),  # a model is a .skops file
        ("train", "gold.jsonl", "-o", "model.skops", "--cv", "1"),  # one fold is no CV
        ("score", "x.jsonl", "--stream", "-o", "x.parquet", "--model", "m.skops"),
    ],
)
def test_usage_errors_exit_2_without_traceback(framing_cli, args):
    r = framing_cli(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert r.stderr.strip()


def test_no_command_prints_help_and_exits_2(framing_cli):
    r = framing_cli()
    assert r.returncode == 2
    assert "COMMAND" in r.stderr


@pytest.mark.parametrize("command", ["sentences", "score"])
def test_missing_input_is_one_line_exit_1(framing_cli, command, tmp_path):
    r = framing_cli(command, str(tmp_path / "missing.txt"))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "missing.txt" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_debug_shows_traceback(framing_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = framing_cli("--debug", "sentences", str(empty))
    assert r.returncode == 1
    assert "Traceback" in r.stderr


def test_sentences_on_the_seed(framing_cli, seed_path, tmp_path):
    out = tmp_path / "s.csv"
    r = framing_cli("sentences", str(seed_path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    import pandas as pd

    df = pd.read_csv(out)
    assert list(df.columns) == ["article_id", "sentence", "paragraph", "start", "end", "text"]
    text = seed_path.read_text(encoding="utf-8")
    assert len(df) >= 18
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text


def test_sentences_to_stdout(framing_cli, seed_path):
    r = framing_cli("sentences", str(seed_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "article_id,sentence,paragraph,start,end,text"
    assert "Medinsky" in r.stdout


def test_score_writes_jsonl(framing_cli, seed_path, tmp_path):
    import json

    out = tmp_path / "scored.jsonl"
    r = framing_cli("score", str(seed_path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rows and {"frame", "source_type", "speaker", "frame_evidence"} <= set(rows[0])
    assert all(r["article_id"] == "antiwar-blinken-lavrov-not-spoken" for r in rows)


def test_score_stream_writes_parquet_and_reports_bad_lines(framing_cli, tmp_path):
    import json

    import pandas as pd

    src = tmp_path / "big.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "Talks resumed in Geneva on Monday, officials said."}),
                "{not json",
                json.dumps({"id": "b", "text": "Missiles struck the port overnight."}),
            ]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "o" / "scored.parquet"
    r = framing_cli("score", str(src), "--stream", "-o", str(out), "-q")
    assert r.returncode == 0, r.stderr
    df = pd.read_parquet(out)
    assert df["article_id"].tolist() == ["a", "b"]
    assert "big.jsonl:2" in r.stderr
    skipped = json.loads((out.parent / "scored.skipped.json").read_text())
    assert [s["line"] for s in skipped] == [2]


@pytest.mark.parametrize(
    "args", [("corpus.csv", "-o", "x.parquet"), ("corpus.jsonl", "-o", "x.csv"), ("corpus.jsonl",)]
)
def test_score_stream_needs_jsonl_in_and_parquet_out(framing_cli, tmp_path, args):
    (tmp_path / "corpus.jsonl").write_text('{"text": "Talks resumed."}\n')
    r = framing_cli("score", "--stream", *[str(tmp_path / a) if a.startswith("corpus") else a for a in args])
    assert r.returncode == 2
    assert "--stream" in r.stderr and "Traceback" not in r.stderr


def test_closed_pipe_stops_quietly(tmp_path):
    # 'framing sentences big.txt | head -1' printed "framing: error: [Errno 32] Broken pipe"
    import subprocess

    from tests.conftest import FRAMING_BIN

    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(f"Talks resumed in Geneva on day {i}." for i in range(5000)))
    p = subprocess.Popen(
        [str(FRAMING_BIN), "sentences", str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert p.stdout.readline().startswith(b"article_id,")
    p.stdout.close()
    assert p.wait(timeout=120) == 141
    err = p.stderr.read().decode()
    p.stderr.close()
    assert "Broken pipe" not in err and "Traceback" not in err and "Exception" not in err


@pytest.mark.parametrize(
    "args, message",
    [
        (("score", "-o", "scored.xlsx"), "unknown output format .xlsx"),
        (("sentences", "-o", "scored"), "unknown output format (no suffix)"),
        (("score", "-o", "out/"), "is a folder"),
        (("score", "-j", "0"), "-j/--jobs"),
        (("compare", "-j", "-2"), "-j/--jobs"),
    ],
)
def test_wrong_output_or_jobs_is_a_usage_error_before_any_work(
    framing_cli, seed_path, tmp_path, args, message
):
    # they were found only after the whole corpus had been read and scored (exit 1)
    command, *rest = args
    rest = [f"{tmp_path}/{a}" if a.startswith(("scored", "out")) else a for a in rest]
    r = framing_cli(command, str(seed_path), *rest)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_evaluate_refuses_to_write_json_into_a_csv(framing_cli, seed_gold_path, tmp_path):
    # 'framing evaluate gold.json -o ev.csv' wrote a JSON document into ev.csv
    r = framing_cli("evaluate", str(seed_gold_path), "-o", str(tmp_path / "ev.csv"))
    assert r.returncode == 2 and ".json" in r.stderr and "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []
    r = framing_cli("evaluate", str(seed_gold_path), "-o", str(tmp_path / "ev.json"))
    assert r.returncode == 0, r.stderr
    assert "metrics" in json.loads((tmp_path / "ev.json").read_text())


@pytest.mark.parametrize("command", ["compare", "report"])
def test_output_folder_that_is_a_file_is_refused_before_any_work(framing_cli, tmp_path, command):
    # compare scored the focus and the whole reference, then failed on 'afile/profiles.csv'
    afile = tmp_path / "afile"
    afile.write_text("keep me")
    r = framing_cli(command, "-o", str(afile))
    assert r.returncode == 2 and "is a file" in r.stderr and "Traceback" not in r.stderr
    assert afile.read_text() == "keep me"


@pytest.mark.parametrize("command", ["compare", "report"])
def test_corpus_help_names_the_environment_variable(command):
    # '--corpus ... (default: the embedded Lee corpus)' was false with $FRAMING_CORPUS set
    from analysis.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command" or getattr(a, "choices", None))
    corpus = next(a for a in sub.choices[command]._actions if a.dest == "corpus")
    assert "$FRAMING_CORPUS if set, else the embedded Lee corpus" in corpus.help


def _corpus_with_an_empty_file(tmp_path):
    """A corpus folder of one good article (a.txt) and an empty file (empty.txt)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks resumed in Geneva on Monday. Envoys met again.")
    (corpus / "empty.txt").write_text("")
    return corpus


@pytest.mark.parametrize("command", ["score", "sentences"])
def test_a_run_that_skips_nothing_removes_an_earlier_skipped_json(framing_cli, tmp_path, command):
    # a first run over a corpus with an empty file wrote out/first.skipped.json; a second run
    # to the same output over good articles only left it there, where it read as its skips
    corpus, out = _corpus_with_an_empty_file(tmp_path), tmp_path / "out"
    r = framing_cli(command, str(corpus), "-o", str(out / "first.csv"))
    assert r.returncode == 0, r.stderr
    assert "empty.txt" in (out / "first.skipped.json").read_text()
    assert "the list is in" in r.stderr and "first.skipped.json" in r.stderr
    r = framing_cli(command, str(corpus / "a.txt"), "-o", str(out / "first.csv"))
    assert r.returncode == 0, r.stderr
    assert not (out / "first.skipped.json").exists()
    assert "nothing skipped; removed" in r.stderr and "first.skipped.json" in r.stderr


@pytest.mark.parametrize("command", ["score", "sentences"])
def test_another_outputs_skip_list_is_left_alone(framing_cli, tmp_path, command):
    # user review: 'framing score big.jsonl --stream -o rv/big.parquet' wrote rv/skipped.json;
    # an unrelated 'framing score art.txt -o rv/other.csv' then deleted it as its own
    corpus, out = _corpus_with_an_empty_file(tmp_path), tmp_path / "out"
    assert framing_cli(command, str(corpus), "-o", str(out / "big.csv")).returncode == 0
    r = framing_cli(command, str(corpus / "a.txt"), "-o", str(out / "other.csv"))
    assert r.returncode == 0, r.stderr
    assert "empty.txt" in (out / "big.skipped.json").read_text()
    assert "removed" not in r.stderr and not (out / "other.skipped.json").exists()


@pytest.mark.parametrize("command", ["compare", "report"])
@pytest.mark.parametrize("focus", ["folder", "corpus.csv"])
def test_a_corpus_given_as_the_focus_is_refused_in_the_commands_words(framing_cli, tmp_path, command, focus):
    # 'framing compare my_articles/' said 'is a folder; load it with load_corpus() (the CLI does
    # that for folders)', 'framing report corpus.csv' 'load it with load_corpus()': Python, for a
    # command that wants one article; report made its output folder first
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "a.txt").write_text("Talks resumed in Geneva on Monday.")
    (tmp_path / "corpus.csv").write_text("text\nTalks resumed in Geneva on Monday.\n")
    r = framing_cli(command, focus, "-o", "out", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "the focus is one article file" in r.stderr and "--corpus" in r.stderr
    assert "load_corpus" not in r.stderr and not (tmp_path / "out").exists()


def _two_article_gold(seed_gold_path, path):
    """The seed's gold sentences as two articles of a JSONL gold file (CV needs two)."""
    art = json.loads(seed_gold_path.read_text(encoding="utf-8"))
    half = len(art["sentences"]) // 2
    with path.open("w", encoding="utf-8") as fh:
        for k, part in enumerate((art["sentences"][:half], art["sentences"][half:])):
            fh.write(json.dumps({"id": f"part-{k}", "sentences": part}) + "\n")
    return path


def test_train_then_score_with_the_model(framing_cli, seed_gold_path, seed_path, tmp_path):
    """'framing train' learns a model from gold; 'framing score --model' adds its columns
    beside the lexicon's, whose labels it leaves as they were."""
    gold = _two_article_gold(seed_gold_path, tmp_path / "gold.jsonl")
    model = tmp_path / "m.skops"
    r = framing_cli("train", str(gold), "-o", str(model), "--cv", "2")
    assert r.returncode == 0, r.stderr
    assert model.is_file()
    assert "trained on 21 sentences of 2 articles (positive: diplomacy 14, escalation 8)" in r.stdout
    assert "cross-validation grouped by article (2 folds)" in r.stdout
    assert "diplomacy   lexicon" in r.stdout and "model" in r.stdout

    plain, with_model = tmp_path / "plain.csv", tmp_path / "model.csv"
    assert framing_cli("score", str(seed_path), "-q", "-o", str(plain)).returncode == 0
    r = framing_cli("score", str(seed_path), "-q", "--model", str(model), "-o", str(with_model))
    assert r.returncode == 0, r.stderr
    import pandas as pd

    a, b = pd.read_csv(plain), pd.read_csv(with_model)
    assert list(b.columns) == [
        *a.columns, "diplomacy_prob", "diplomacy_model", "escalation_prob", "escalation_model"
    ]
    assert b["diplomacy_prob"].between(0, 1).all()
    assert b["diplomacy_model"].isin([True, False]).all()
    pd.testing.assert_frame_equal(a, b[a.columns])
    # a model that learnt the seed's labels finds most of its diplomacy again
    assert (b["diplomacy_model"] & b["diplomacy"]).sum() >= 10

    r = framing_cli("score", str(seed_path), "-q", "--model", str(model))  # stdout, a pipe
    assert r.stdout.splitlines()[0].split(",") == list(b.columns)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: None, "model file not found"),
        (lambda d: (d / "m.skops").write_text("not a model"), "not a saved frame model"),
    ],
)
def test_score_with_a_bad_model_is_one_line_exit_1(framing_cli, seed_path, tmp_path, make, message):
    make(tmp_path)
    r = framing_cli("score", str(seed_path), "--model", str(tmp_path / "m.skops"))
    assert r.returncode == 1
    assert message in r.stderr and "Traceback" not in r.stderr


def test_train_on_bad_gold_is_one_line_exit_1(framing_cli, seed_gold_path, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    r = framing_cli("train", str(bad), "-o", str(tmp_path / "m.skops"))
    assert r.returncode == 1 and "no 'sentences'" in r.stderr and "Traceback" not in r.stderr
    # one article cannot be cross-validated by article: said before any training
    r = framing_cli("train", str(seed_gold_path), "-o", str(tmp_path / "m.skops"), "--cv", "2")
    assert r.returncode == 1 and "at least two articles" in r.stderr
    assert not (tmp_path / "m.skops").exists()


def test_score_to_a_pipe_is_the_whole_table_and_to_a_terminal_a_short_view(
    framing_cli, seed_path, tmp_path
):
    """User review: 'framing score art.txt > out.csv' gave 6 of the table's columns (no
    diplomacy, scores or evidence), with nothing said. A pipe or file now gets the table
    that -o writes; a terminal gets the main columns, and stderr says so."""
    import io
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    import pandas as pd

    framing_bin = Path(sys.executable).with_name("framing")  # as the framing_cli fixture runs
    written = tmp_path / "scored.csv"
    assert framing_cli("score", str(seed_path), "-q", "-o", str(written)).returncode == 0
    piped = framing_cli("score", str(seed_path), "-q")
    assert piped.returncode == 0, piped.stderr
    pd.testing.assert_frame_equal(pd.read_csv(io.StringIO(piped.stdout)), pd.read_csv(written))
    assert "showing" not in piped.stderr

    leader, follower = pty.openpty()
    proc = subprocess.run(
        [str(framing_bin), "score", str(seed_path), "-q"],
        stdout=follower, stderr=subprocess.PIPE, text=True, timeout=300,
        env={**os.environ, "COLUMNS": "500"},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal's other end is closed: all read
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.returncode == 0, proc.stderr
    header = b"".join(chunks).decode().splitlines()[0]
    assert header == "article_id,sentence,frame,source_type,speaker,text"
    assert "showing 6 of" in proc.stderr and "-o FILE or a pipe" in proc.stderr


@pytest.mark.parametrize("command", ["score", "sentences", "evaluate"])
def test_no_python_objects_in_the_commands_messages(framing_cli, tmp_path, command, seed_gold_path):
    """User review: 'framing compare' printed 'warning: ... 5 item(s) skipped, 1 repaired or
    flagged (details in df.attrs['skipped'])' and then its own list of 7: Python for a command
    user, and two counts. A command that lists the skips prints the list alone; another
    (evaluate) keeps the count without the pointer to df.attrs."""
    corpus = _corpus_with_an_empty_file(tmp_path)
    if command == "evaluate":  # a gold article read from a corpus with an empty file
        gold = tmp_path / "g.jsonl"
        gold.write_text(json.dumps({"id": "g", "source": "corpus:" + "x", "sentences": [
            {"start": 0, "end": 5, "diplomacy": 1, "escalation": 0, "source_type": "unattributed"}]}))
        r = framing_cli("evaluate", str(gold), "--corpus", str(corpus))
        assert "1 item(s) skipped" in r.stderr
    else:
        r = framing_cli(command, str(corpus), "-o", str(tmp_path / "out.csv"))
        assert r.returncode == 0, r.stderr
        assert "empty.txt: file is empty" in r.stderr and "warning" not in r.stderr
    assert "df.attrs" not in r.stderr and "summary.skipped" not in r.stderr


def test_compare_takes_a_user_lexicon(framing_cli, tmp_path):
    """User review: run_compare(lexicon=) existed, but a command user could not reach it."""
    import pandas as pd

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks resumed in Geneva on Monday. Envoys met again.")
    (corpus / "b.txt").write_text("An aid convoy reached Kharkiv. Shelling went on.")
    focus = tmp_path / "focus.txt"
    focus.write_text("An aid convoy reached Kharkiv on Monday. Talks resumed in Geneva.")
    lexicon = tmp_path / "lex.csv"
    lexicon.write_text("frame,subframe,cue,weight\nhumanitarian,aid,aid convoy,1.0\n")
    out = tmp_path / "out"
    r = framing_cli("compare", str(focus), "--corpus", str(corpus), "-o", str(out), "-q",
                    "--lexicon", str(lexicon))
    assert r.returncode == 0, r.stderr
    profiles = pd.read_csv(out / "profiles.csv")
    assert profiles.set_index("focus").loc[True, "humanitarian_share"] == 0.5
