"""Peak memory and time of streaming a large JSONL corpus to Parquet.

    python benchmarks/streaming_memory.py                      # 1,000,000 sentences (issue 7 target)
    python benchmarks/streaming_memory.py --sentences 50000    # a quick run
    python benchmarks/streaming_memory.py --jobs 2             # with two worker processes

A JSONL file of at least ``--sentences`` sentences is generated in a
temporary folder (the shared corpus, read in place and replicated with new
ids), then ``analysis.batch.score_jsonl_to_parquet`` runs in a fresh
subprocess; its peak resident memory is read from ``ru_maxrss`` (and, with
worker processes, the peak of the sum over the process tree, sampled with
psutil). Target: peak < 500 MB for 1,000,000 sentences. The temporary folder
is removed afterwards unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _corpus import machine_note, peak_rss_mb, replicate, sentence_counts, source_records  # noqa: E402


def make_jsonl(path: Path, n_sentences: int) -> tuple[int, int]:
    """Write the replicated corpus to ``path``: (articles, sentences)."""
    records, _ = source_records()
    counts = sentence_counts(records)
    per = dict(zip((r["id"] for r in records), counts, strict=True))
    n_art = n_sent = 0
    keep = ("id", "title", "outlet", "date", "url", "text")
    with open(path, "w", encoding="utf-8") as fh:
        for rec in replicate(records, counts, n_sentences):
            fh.write(json.dumps({k: rec.get(k) for k in keep}, ensure_ascii=False) + "\n")
            n_art += 1
            n_sent += per[rec["id"].rsplit("~r", 1)[0]]
    return n_art, n_sent


def child(src: str, dst: str, batch_size: int, n_jobs: int) -> dict:
    from analysis.batch import score_jsonl_to_parquet

    baseline = peak_rss_mb()  # after the imports above: the interpreter and the package
    t = time.perf_counter()
    summary = score_jsonl_to_parquet(src, dst, batch_size=batch_size, n_jobs=n_jobs, progress=False)
    return {
        "seconds": time.perf_counter() - t,
        "articles": summary.articles,
        "sentences": summary.sentences,
        "row_groups": summary.row_groups,
        "skipped": len(summary.skipped),
        "rss_after_import_mb": baseline,
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_worker_mb": peak_rss_mb(children=True) if n_jobs > 1 else None,
    }


def _sample_tree(pid: int, stop: threading.Event, out: dict) -> None:
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil comes with distributed
        return
    try:
        proc = psutil.Process(pid)
        tick = 0
        while not stop.is_set():
            procs = [proc, *proc.children(recursive=True)]
            total = 0
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            out["tree_peak_mb"] = max(out.get("tree_peak_mb", 0.0), total / 2**20)
            if len(procs) > 1 and tick % 5 == 0:
                # forked workers share pages with the parent: RSS counts them in every
                # process, PSS splits them (reading smaps is slower, so every 0.5 s)
                pss = 0
                for p in procs:
                    try:
                        pss += p.memory_full_info().pss
                    except (psutil.Error, AttributeError):
                        pass
                out["tree_pss_peak_mb"] = max(out.get("tree_pss_peak_mb", 0.0), pss / 2**20)
            tick += 1
            stop.wait(0.1)
    except psutil.Error:
        return


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=1_000_000, help="sentences (default 1,000,000)")
    ap.add_argument("--batch-size", type=int, default=256, help="articles per batch (default 256)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    ap.add_argument("--child", nargs=2, metavar=("SRC", "DST"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        print(json.dumps(child(*args.child, args.batch_size, args.jobs)))
        return 0

    print(f"# streaming benchmark, >= {args.sentences:,} sentences, batch {args.batch_size}, "
          f"n_jobs={args.jobs}; {machine_note()}")
    tmp = Path(tempfile.mkdtemp(prefix="framing-stream-"))
    try:
        src, dst = tmp / "articles.jsonl", tmp / "sentences.parquet"
        t = time.perf_counter()
        n_art, n_sent = make_jsonl(src, args.sentences)
        print(f"generated {src.name}: {n_art:,} articles, {n_sent:,} sentences, "
              f"{src.stat().st_size / 2**20:.0f} MB in {time.perf_counter() - t:.1f} s")
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(src), str(dst),
               "--batch-size", str(args.batch_size), "--jobs", str(args.jobs)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        sampled: dict = {}
        stop = threading.Event()
        sampler = threading.Thread(target=_sample_tree, args=(proc.pid, stop, sampled), daemon=True)
        sampler.start()
        out, _ = proc.communicate()
        stop.set()
        sampler.join()
        if proc.returncode != 0:
            raise SystemExit(f"streaming run failed (exit {proc.returncode})")
        r = json.loads(out.strip().splitlines()[-1])
        print(f"scored {r['articles']:,} articles -> {r['sentences']:,} rows in {r['row_groups']} row groups, "
              f"{dst.stat().st_size / 2**20:.0f} MB Parquet; {r['skipped']} skipped")
        print(f"time: {r['seconds']:.1f} s ({r['sentences'] / r['seconds']:,.0f} sentences/s, "
              f"{1e6 * r['seconds'] / r['sentences']:.1f} µs/sentence)")
        peak = r["peak_rss_mb"]
        line = f"peak RSS (ru_maxrss) of the scoring process: {peak:.0f} MB (after imports: {r['rss_after_import_mb']:.0f} MB)"
        if r["peak_rss_worker_mb"] is not None:
            line += f"; largest worker {r['peak_rss_worker_mb']:.0f} MB"
        print(line)
        if "tree_peak_mb" in sampled:
            print(f"peak RSS summed over the process tree (sampled every 0.1 s): {sampled['tree_peak_mb']:.0f} MB")
        if "tree_pss_peak_mb" in sampled:
            print(f"peak PSS summed over the process tree (shared pages counted once; sampled every 0.5 s): "
                  f"{sampled['tree_pss_peak_mb']:.0f} MB")
        # the whole tree's footprint: PSS when there are workers (RSS double-counts the pages
        # forked workers share with the parent), the scoring process's own peak otherwise
        worst = max(peak, sampled.get("tree_pss_peak_mb", 0.0))
        print(f"target peak < 500 MB: {'MET' if worst < 500 else 'NOT MET'} ({worst:.0f} MB)")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            for p in tmp.iterdir():
                p.unlink()
            tmp.rmdir()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TQDM_DISABLE", "1")
    sys.exit(main())
