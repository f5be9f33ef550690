"""The ``framing`` command line: a thin layer over the library.

    framing sentences seeds/000_a4065e105c25a52d.txt
    framing score seeds/000_a4065e105c25a52d.txt -o out/scored.csv
    framing evaluate data/annotations/seed.json
    framing train my_gold.jsonl -o my_model.skops --cv 5
    framing score my_articles/ --model my_model.skops -o out/scored.csv
    framing compare seeds/000_a4065e105c25a52d.txt --corpus my_articles/ -o out/
    framing fetch URL... -o articles/
    framing report

Exit codes: 0 success, 1 input error, 2 usage error (130 interrupted; 141
when the reader of the output went away, as in ``framing score x | head``,
without a message). Errors print one line
(``framing: error: ...``); ``--debug`` shows the traceback.
Every command reports what it skipped, on stderr and (with ``-o``) in a JSON
file: ``OUT.skipped.json`` beside an output file (``scored.skipped.json`` for
``-o scored.csv``), ``skipped.json`` inside an output folder. A run that skips
nothing removes the file an earlier run with the same output left (and says so);
another output's file is never touched.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
import warnings
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a tool stopped by a closed pipe


class UsageError(Exception):
    """Wrong use of the command line (exit code 2)."""


# --------------------------------------------------------------------- helpers


def _emit_table(df, out: str | None, *, terminal_columns: Sequence[str] | None = None) -> None:
    """Write ``df`` to ``out``, else as CSV to stdout: the whole table to a pipe or a file
    (``framing score x > scored.csv`` is the table ``-o scored.csv`` writes), only
    ``terminal_columns`` to a terminal, where the evidence column would bury the rest
    (and stderr says so)."""
    from .io import table_for_csv, write_table

    if out:
        write_table(df, out)
        print(f"wrote {len(df)} rows to {out}", file=sys.stderr)
        return
    shown = df
    if terminal_columns and sys.stdout.isatty():
        shown = df[list(terminal_columns)]
        print(
            f"framing: showing {shown.shape[1]} of {df.shape[1]} columns; -o FILE or a pipe "
            "('> scored.csv') gives them all",
            file=sys.stderr,
        )
    table_for_csv(shown).to_csv(sys.stdout, index=False)


def _report_skipped(skipped: list, skip_file: Path | None) -> None:
    """Print what was skipped, and write it to ``skip_file`` (see :func:`_skip_file`). With
    nothing skipped, a ``skip_file`` an earlier run left is removed, and that is said: left
    there, it would read as this run's."""
    if not skipped:
        if skip_file is not None and skip_file.is_file():
            skip_file.unlink()
            print(f"framing: nothing skipped; removed {skip_file}, left by an earlier run", file=sys.stderr)
        return
    print(f"framing: {len(skipped)} item(s) skipped or repaired:", file=sys.stderr)
    for s in skipped:
        print(f"  - {s}", file=sys.stderr)
    if skip_file is not None:
        from .io import write_text

        write_text(skip_file, json.dumps([s.as_dict() for s in skipped], indent=1, ensure_ascii=False))
        print(f"framing: the list is in {skip_file}", file=sys.stderr)


def _skip_file(out: str | None) -> Path | None:
    """Where the skips of a run writing ``-o out`` go: ``scored.skipped.json`` beside an
    output file ``scored.csv`` (named after it: two outputs in one folder keep their own),
    ``skipped.json`` inside an output folder; None for stdout."""
    if not out:
        return None
    p = Path(out)
    return p / "skipped.json" if p.suffix == "" else p.with_name(f"{p.stem}.skipped.json")


def _load_articles(path: str):
    """An article file or a corpus (folder, .jsonl, .csv) -> (articles DataFrame, skipped)."""
    from .articles import CORPUS_SUFFIXES, load_article, load_corpus

    p = Path(path)
    if not p.exists():
        from .errors import InputError

        raise InputError(path, "no such file or folder")
    if p.is_dir() or p.suffix.lower() in CORPUS_SUFFIXES:
        df = load_corpus(p)
        return df, list(df.attrs.get("skipped", []))
    import pandas as pd

    art = load_article(p)
    return pd.DataFrame([art.as_record()]), list(art.warnings)


def _jobs(value: str) -> int:
    """``-j``: a number of worker processes, or -1 for one per core (checked before any work)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {value!r}") from None
    if n == 0 or n < -1:
        raise argparse.ArgumentTypeError(f"{n}: give 1 or more worker processes, or -1 for one per core")
    return n


def _check_table_output(command: str, out: str | None) -> None:
    """Refuse a wrong ``-o`` before reading or scoring anything (exit 2)."""
    if not out:
        return
    from .io import TABLE_SUFFIXES

    suffix = Path(out).suffix.lower()
    if out.endswith(("/", "\\")) or Path(out).is_dir():
        raise UsageError(
            f"framing {command}: -o {out!r} is a folder; give a file such as "
            f"{str(Path(out) / 'scored.csv')!r} (formats: {', '.join(TABLE_SUFFIXES)})"
        )
    if suffix not in TABLE_SUFFIXES:
        raise UsageError(
            f"framing {command}: -o {out!r}: unknown output format {suffix or '(no suffix)'}; "
            f"use one of {', '.join(TABLE_SUFFIXES)}"
        )


def _check_output_folder(command: str, out: str | None) -> None:
    """``-o`` of compare/report is a folder: refuse an existing file before any work (exit 2)."""
    if out and Path(out).exists() and not Path(out).is_dir():
        raise UsageError(f"framing {command}: -o {out!r} is a file; give a folder for the outputs")


# -------------------------------------------------------------------- commands


def cmd_sentences(args: argparse.Namespace) -> int:
    import pandas as pd

    from .sentences import split_sentences

    _check_table_output("sentences", args.output)
    articles, skipped = _load_articles(args.path)
    frames = []
    for rec in articles.itertuples(index=False):
        sents = split_sentences(rec.text)
        frames.append(
            pd.DataFrame(
                {
                    "article_id": rec.id,
                    "sentence": range(len(sents)),
                    "paragraph": [s.paragraph for s in sents],
                    "start": [s.start for s in sents],
                    "end": [s.end for s in sents],
                    "text": [s.text for s in sents],
                }
            )
        )
    cols = ["article_id", "sentence", "paragraph", "start", "end", "text"]
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    _emit_table(df, args.output)
    _report_skipped(skipped, _skip_file(args.output))
    return EXIT_OK


def _source_rules(items: list[str] | None) -> dict[str, str] | None:
    """``--source-rules outlets=my_outlets.csv`` (repeatable) -> {"outlets": "my_outlets.csv"}."""
    if not items:
        return None
    from .errors import InputError

    out: dict[str, str] = {}
    for item in items:
        name, sep, path = item.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise InputError("--source-rules", f"expected TABLE=FILE, got {item!r}")
        out[name.strip()] = path.strip()
    return out


def cmd_score(args: argparse.Namespace) -> int:
    from .batch import score_corpus

    if args.stream:
        if args.model:
            raise UsageError(
                "framing score: --model is applied to a table in memory, not with --stream; "
                "score without --stream, or in batches of the corpus"
            )
        return _score_streaming(args)
    _check_table_output("score", args.output)
    model = _load_model(args.model)
    articles, skipped = _load_articles(args.path)
    df = score_corpus(
        articles,
        n_jobs=args.jobs,
        progress=not args.quiet and len(articles) > 1,
        lexicon=args.lexicon,
        source_rules=_source_rules(args.source_rules),
    )
    skipped += list(df.attrs.get("skipped", []))
    shown = ["article_id", "sentence", "frame", "source_type", "speaker", "text"]
    if model is not None:  # <frame>_prob and <frame>_model beside the lexicon's columns
        df = model.apply(df)
        shown[3:3] = [c for f in model.models_ for c in (f"{f}_prob", f"{f}_model")]
    _emit_table(df, args.output, terminal_columns=shown)
    _report_skipped(skipped, _skip_file(args.output))
    return EXIT_OK


def _score_streaming(args: argparse.Namespace) -> int:
    """``framing score big.jsonl --stream -o out.parquet``: batches in, row groups out, memory flat."""
    from .batch import score_jsonl_to_parquet

    if Path(args.path).suffix.lower() != ".jsonl":
        raise UsageError(f"framing score: --stream reads a .jsonl corpus, not {args.path!r}")
    if not args.output or Path(args.output).suffix.lower() != ".parquet":
        raise UsageError("framing score: --stream writes Parquet: give -o OUT.parquet")
    if not Path(args.path).is_file():
        from .errors import InputError

        raise InputError(args.path, "no such file")
    summary = score_jsonl_to_parquet(
        args.path,
        args.output,
        n_jobs=args.jobs,
        progress=not args.quiet,
        lexicon=args.lexicon,
        source_rules=_source_rules(args.source_rules),
    )
    print(summary, file=sys.stderr)
    _report_skipped(list(summary.skipped), _skip_file(args.output))
    return EXIT_OK


def _load_model(path: str | None):
    """The FrameModel saved at ``path`` (``framing train -o``), or None."""
    if not path:
        return None
    from .learn import FrameModel

    return FrameModel.load(path)


def cmd_train(args: argparse.Namespace) -> int:
    """``framing train gold.jsonl [more.jsonl] -o model.skops [--cv 5]``: a frame model
    learnt from gold sentences in the codebook format, for ``framing score --model``."""
    import pandas as pd

    from .errors import InputError
    from .gold import load_gold
    from .learn import FrameModel, cross_validate
    from .schema import FRAMES

    if Path(args.output).suffix.lower() != ".skops":
        raise UsageError(f"framing train: -o {args.output!r}: a model is saved as a .skops file")
    if args.cv < 0 or args.cv == 1:
        raise UsageError(f"framing train: --cv {args.cv}: give 2 folds or more (0: none)")
    tables = []
    for k, path in enumerate(args.gold):
        sents = load_gold(path, corpus=args.corpus).sentences
        missing = [c for c in ("text", *FRAMES) if c not in sents.columns]
        if missing:
            raise InputError(path, f"no {', '.join(missing)} labels to learn from")
        sents = sents.assign(  # two files may use the same article ids
            article_id=[f"{k}:{a}" for a in sents["article_id"].astype(str)]
        ) if "article_id" in sents.columns else sents
        tables.append(sents)
    table = pd.concat(tables, ignore_index=True)
    n_articles = table["article_id"].nunique() if "article_id" in table.columns else None
    if args.cv and (n_articles or 0) < 2:  # said before any training, not after
        raise InputError(args.gold[0], "--cv groups folds by article: it needs at least two articles")
    counts = ", ".join(f"{f} {int(table[f].astype(bool).sum())}" for f in FRAMES)
    model = FrameModel(args.lexicon).fit(table)
    model.save(args.output)
    print(
        f"trained on {len(table)} sentences"
        + (f" of {n_articles} article{'s' * (n_articles != 1)}" if n_articles is not None else "")
        + f" (positive: {counts}); saved to {args.output}"
    )
    if args.cv:
        cv = cross_validate(table, n_splits=args.cv, lexicon=args.lexicon)
        print(f"cross-validation grouped by article ({cv['folds']} folds): P / R / F1")
        for f in FRAMES:
            figs = "    ".join(
                f"{name} {cv[name][f]['precision']:.2f} / {cv[name][f]['recall']:.2f} / "
                f"{cv[name][f]['f1']:.2f}"
                for name in ("lexicon", "model")
            )
            print(f"  {f:11} {figs}")
        print("  (the lexicon needs no training: its figure is on the same sentences, "
              "for comparison)")
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, evaluate_sets, sets_to_text

    if args.all or args.gold is None:
        if args.gold is not None:
            from .errors import InputError

            raise InputError(args.gold, "give a gold file or --all, not both")
        table = evaluate_sets(corpus=args.corpus, lexicon=args.lexicon)
        print(sets_to_text(table))
        if args.output:
            from .io import write_table

            write_table(table, args.output)
            print(f"wrote the table to {args.output}", file=sys.stderr)
        return EXIT_OK
    if args.output and Path(args.output).suffix.lower() != ".json":
        # the metrics and errors are one JSON document: 'ev.csv' got JSON inside
        raise UsageError(
            f"framing evaluate: -o {args.output!r}: the evaluation of one gold file is written "
            "as JSON; give a .json file (a .csv table is written with --all)"
        )
    result = evaluate(args.gold, corpus=args.corpus, lexicon=args.lexicon, n_errors=args.errors)
    print(result.to_text())
    if args.output:
        result.save(args.output)
        print(f"wrote evaluation to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from .compare import run_compare

    _check_output_folder("compare", args.output)
    outputs = run_compare(
        args.article, corpus=args.corpus, out_dir=args.output, n_jobs=args.jobs,
        progress=not args.quiet, lexicon=args.lexicon,
    )
    print(outputs.summary())
    return EXIT_OK


def cmd_fetch(args: argparse.Namespace) -> int:
    from .fetch import fetch_articles

    result = fetch_articles(args.urls, args.output, timeout=args.timeout, max_bytes=args.max_bytes)
    print(result.summary().splitlines()[0])  # the failures follow once, with the other skips
    _report_skipped(result.skipped, Path(args.output) / "skipped.json")
    return EXIT_OK if result.saved else EXIT_INPUT


def cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    _check_output_folder("report", args.output)
    out = build_report(article=args.article, corpus=args.corpus, out_dir=args.output)
    print(f"report written to {out}")
    return EXIT_OK


# ---------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: one line, exit 2
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="framing",
        description="How a news article frames a conflict and who it lets speak.",
    )
    p.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    s = sub.add_parser("sentences", help="split an article or corpus into sentences", description="Print or write the sentence table (article_id, sentence, paragraph, start, end, text).")
    s.add_argument("path", help="an article (.txt .md .html .json) or a corpus (folder, .jsonl, .csv)")
    s.add_argument("-o", "--output", help="write to this file (.csv .jsonl .parquet) instead of stdout")
    s.set_defaults(func=cmd_sentences)

    s = sub.add_parser("score", help="score every sentence for framing and sourcing", description="Score an article or a corpus: the sentence table with framing and sourcing columns.")
    s.add_argument("path", help="an article or a corpus (folder, .jsonl, .csv)")
    s.add_argument("-o", "--output", help="output file: .csv, .json, .jsonl or .parquet (default: CSV on stdout: the whole table to a pipe or file, the main columns to a terminal)")
    s.add_argument("--lexicon", action="append", help="an extra frame lexicon CSV (repeatable)")
    s.add_argument("--source-rules", action="append", metavar="TABLE=FILE", help="extend a sourcing rule table (reporting_verbs, roles, institutions, outlets, sides, anonymity: your CSV; sourcing_words: your TOML) (repeatable)")
    s.add_argument("--model", help="also apply a frame model saved by 'framing train' (adds <frame>_prob and <frame>_model columns)")
    s.add_argument("-j", "--jobs", type=_jobs, default=1, help="worker processes (default 1; -1: one per core)")
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    s.add_argument("--stream", action="store_true", help="for corpora larger than memory: read a .jsonl in batches and write -o OUT.parquet in row groups")
    s.set_defaults(func=cmd_score)

    s = sub.add_parser("evaluate", help="evaluate the scorers against gold labels", description="Precision, recall and F1 per frame, sourcing accuracy, and the worst errors, on gold in the codebook format.")
    s.add_argument("gold", nargs="?", help="gold file in the codebook format (.json or .jsonl); without it, --all")
    s.add_argument("--all", action="store_true", help="one row of figures per shipped gold set (tuning and held out; sets whose texts are not on this machine are listed, not scored)")
    s.add_argument("--corpus", help="corpus holding the gold articles' texts (default: $FRAMING_CORPUS or the shared corpus)")
    s.add_argument("--lexicon", action="append", help="an extra frame lexicon CSV (repeatable)")
    s.add_argument("--errors", type=int, default=10, help="how many worst errors to show (default 10)")
    s.add_argument("-o", "--output", help="write metrics and errors (.json) here; with --all, the table (.csv)")
    s.set_defaults(func=cmd_evaluate)

    s = sub.add_parser("train", help="learn a frame model from gold labels", description="Train a frame model (word n-grams and the lexicon's evidence, one calibrated logistic regression per frame) on gold sentences in the codebook format, for 'framing score --model'.")
    s.add_argument("gold", nargs="+", help="gold file(s) in the codebook format (.json or .jsonl)")
    s.add_argument("-o", "--output", required=True, help="where to save the model (.skops)")
    s.add_argument("--corpus", help="corpus holding the gold articles' texts (default: $FRAMING_CORPUS or the shared corpus)")
    s.add_argument("--lexicon", action="append", help="an extra frame lexicon CSV, also used as the model's features (repeatable)")
    s.add_argument("--cv", type=int, default=0, metavar="K", help="also print K-fold cross-validation grouped by article, lexicon against model")
    s.set_defaults(func=cmd_train)

    s = sub.add_parser("compare", help="compare an article with other coverage", description="Profile an article and a reference corpus; write profiles.csv, comparison.csv and charts.")
    s.add_argument("article", nargs="?", help="the focus article (default: the seed)")
    s.add_argument("--corpus", help="reference corpus: folder, .jsonl or .csv (default: $FRAMING_CORPUS if set, else the embedded Lee corpus of ABC News conflict stories)")
    s.add_argument("-o", "--output", default="out/compare", help="output folder (default out/compare)")
    s.add_argument("--lexicon", action="append", help="an extra frame lexicon CSV, for the focus and the reference alike (repeatable)")
    s.add_argument("-j", "--jobs", type=_jobs, default=1, help="worker processes (default 1; -1: one per core)")
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_compare)

    s = sub.add_parser("fetch", help="download web pages and store them as articles", description="Download pages, extract the article text and metadata, and store them as JSON articles in a folder.")
    s.add_argument("urls", nargs="+", help="page URLs")
    s.add_argument("-o", "--output", required=True, help="folder to store the articles in")
    s.add_argument("--timeout", type=float, default=20.0, help="seconds per request (default 20)")
    s.add_argument("--max-bytes", type=int, default=5_000_000, help="largest page accepted (default 5 MB)")
    s.set_defaults(func=cmd_fetch)

    s = sub.add_parser("report", help="render the HTML report", description="Run the notebooks and render an HTML report (default: the seed against the embedded corpus).")
    s.add_argument("article", nargs="?", help="the focus article (default: the seed)")
    s.add_argument("--corpus", help="reference corpus: folder, .jsonl or .csv (default: $FRAMING_CORPUS if set, else the embedded Lee corpus)")
    s.add_argument("-o", "--output", default="out/report", help="output folder (default out/report)")
    s.set_defaults(func=cmd_report)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "command", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        global _command
        _command = args.command
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _one_line_warning
            return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"{exc}\n(see 'framing --help')", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("framing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away ('framing score x.jsonl | head'): stop quietly,
        # as Unix tools do, and keep Python from complaining again when it flushes stdout
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # noqa: BLE001 - the CLI's one place for all errors
        from .errors import FramingError

        if debug:
            traceback.print_exc()
        if isinstance(exc, FramingError | OSError | ValueError):
            print(f"framing: error: {exc}", file=sys.stderr)
        else:
            print(f"framing: internal error ({type(exc).__name__}): {exc} (rerun with --debug for the traceback)", file=sys.stderr)
        return EXIT_INPUT


#: the commands that list every skipped or repaired item at the end of their run
_LIST_SKIPS = frozenset({"sentences", "score", "compare", "report", "fetch"})
#: the pointer of the library's summary warnings to its Python objects
_DETAILS_IN = re.compile(r" \(details in (?:df\.attrs\['skipped'\]|summary\.skipped)\)")
_command: str | None = None  # the command running (set by main)


def _one_line_warning(message, category, filename, lineno, file=None, line=None):
    text = str(message)
    if _DETAILS_IN.search(text):  # a summary of skips, pointing to df.attrs: Python, not CLI
        if _command in _LIST_SKIPS:
            return  # the command lists each item itself at the end: no second count
        text = _DETAILS_IN.sub("", text)
    print(f"framing: warning: {text}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
