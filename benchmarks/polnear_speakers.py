"""Speaker extraction against PolNeAR (attribution relations in US political news).

Sentence level, as in ``../shared/external/polnear/README.md``:

- a sentence is *gold attributed* when it overlaps a relation's content fragment
  (variant ``+src``: or its source or cue span);
- the speaker is *found* when the predicted speaker span overlaps the source span of a
  relation overlapping the sentence (lenient), or, for a continued quotation whose
  speaker is not in the sentence, when the speaker shares content words with one of
  those relations' source strings; *strict* is normalised string equality;
  ``speaker_found_when_both_attributed`` counts only sentences the scorer also attributes
  (how well the speaker span is chosen, apart from detection recall).

PolNeAR counts beliefs and intentions too; the figures are also given without relations
whose cue is a cognition verb (from ``analysis/lexicons/reporting_verbs.csv``).

Develop on dev only; run the test split once, at the end::

    python benchmarks/polnear_speakers.py                 # dev
    python benchmarks/polnear_speakers.py --split train --limit 200
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.paths import polnear_path  # noqa: E402
from analysis.sentences import split_sentences  # noqa: E402
from analysis.sourcing import SourceAttributor  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import jsonl_records  # noqa: E402

_STOP = set("a an the of for with at in on to from and its his her their our mr mrs ms".split())


def _content(s: str) -> set[str]:
    return {w.lower().strip(".,’'") for w in re.findall(r"[\w’'.\-]+", s or "")} - _STOP - {""}


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", (s or "").lower()))


def _overlaps(a0: int, a1: int, spans) -> bool:
    return any(a0 < b1 and b0 < a1 for b0, b1 in spans)


def load(split: str, limit: int | None) -> list[dict]:
    path = polnear_path()
    if path is None:
        sys.exit("PolNeAR not found (../shared/external/polnear/articles.jsonl)")
    out = []
    for rec in jsonl_records(path):
        if rec.get("split") == split:
            out.append(rec)
            if limit and len(out) >= limit:
                break
    return out


def evaluate(records: list[dict], at: SourceAttributor, cognition: set[str]) -> dict:
    counts = {k: [0, 0, 0] for k in ("content", "content_nocog", "content+src")}  # tp fp fn
    spk_n = spk_lenient = spk_strict = 0
    spk_both = spk_both_ok = 0  # sentences both gold- and predicted-attributed
    spk_n_nocog = spk_ok_nocog = 0
    n_sent = 0
    elapsed = 0.0
    for rec in records:
        text = rec["text"]
        sents = split_sentences(text)
        t0 = time.perf_counter()
        preds = at.attribute(sents, text=text)
        elapsed += time.perf_counter() - t0
        n_sent += len(sents)
        quotes = rec.get("quotes") or []
        starts = [s.start for s in sents]
        # relations overlapping each sentence, by content (and by source/cue)
        by_content: dict[int, list[dict]] = {}
        by_any: dict[int, set[int]] = {}
        for qi, q in enumerate(quotes):
            frags = q.get("content_fragments") or []
            other = (q.get("speaker_fragments") or []) + (q.get("cue_fragments") or [])
            for spans, target in ((frags, "c"), (other, "o")):
                for b0, b1 in spans:
                    i = max(0, bisect.bisect_right(starts, b0) - 1)
                    while i < len(sents) and sents[i].start < b1:
                        if sents[i].end > b0:
                            if target == "c":
                                lst = by_content.setdefault(i, [])
                                if q not in lst:
                                    lst.append(q)
                            by_any.setdefault(i, set()).add(qi)
                        i += 1
        for i, (s, a) in enumerate(zip(sents, preds, strict=True)):
            pa = a.source_type != "unattributed"
            rels = by_content.get(i, [])
            gold_c = bool(rels)
            gold_nc = any((r.get("cue") or "").lower() not in cognition for r in rels)
            gold_any = gold_c or bool(by_any.get(i))
            for key, g in (("content", gold_c), ("content_nocog", gold_nc),
                           ("content+src", gold_any)):
                c = counts[key]
                c[0] += g and pa
                c[1] += pa and not g
                c[2] += g and not pa
            with_src = [r for r in rels if r.get("speaker")]
            if not with_src:
                continue
            spk_n += 1
            nocog = any((r.get("cue") or "").lower() not in cognition for r in with_src)
            spk_n_nocog += nocog
            ok = strict = False
            if pa and a.speaker:
                if a.speaker_start >= 0:
                    p0, p1 = s.start + a.speaker_start, s.start + a.speaker_end
                    for r in with_src:
                        spans = r.get("speaker_fragments") or [[r["speaker_start"], r["speaker_end"]]]
                        if _overlaps(p0, p1, spans):
                            ok = True
                else:
                    pw = _content(a.speaker)
                    for r in with_src:
                        gw = _content(r["speaker"])
                        if pw and gw and 2 * len(pw & gw) >= min(len(pw), len(gw)) and pw & gw:
                            ok = True
                strict = any(_norm(a.speaker) == _norm(r["speaker"]) for r in with_src)
            spk_lenient += ok
            spk_strict += strict
            spk_both += pa
            spk_both_ok += ok and pa
            spk_ok_nocog += ok and nocog
    res = {"articles": len(records), "sentences": n_sent}
    for key, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        res[f"attributed_{key}"] = {"P": round(p, 3), "R": round(r, 3),
                                    "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}
    res["speaker_found_lenient"] = round(spk_lenient / spk_n, 3) if spk_n else 0.0
    res["speaker_found_strict"] = round(spk_strict / spk_n, 3) if spk_n else 0.0
    res["speaker_found_when_both_attributed"] = round(spk_both_ok / spk_both, 3) if spk_both else 0.0
    res["speaker_found_lenient_nocog"] = round(spk_ok_nocog / spk_n_nocog, 3) if spk_n_nocog else 0.0
    res["us_per_sentence"] = round(elapsed / max(1, n_sent) * 1e6, 1)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = ap.parse_args()
    at = SourceAttributor()
    cognition = {f for f, k in at.lex.verb_kind.items() if k == "cognition"}
    res = evaluate(load(args.split, args.limit), at, cognition)
    print(f"PolNeAR {args.split}")
    for k, v in res.items():
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
