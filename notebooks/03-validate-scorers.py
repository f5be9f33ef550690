# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # How good are the labels? The scorers against hand annotations
#
# **Question.** How often do the automatic frame and source labels agree with careful
# human readers following the codebook, where do they go wrong, and how much of the gold
# does the cue lexicon reach?
#
# **Inputs.** `gold`: hand-labelled sentences in the codebook format (`.json` or `.jsonl`);
# by default the team's shared development gold when it is available, otherwise the seed
# article's labels shipped in `data/annotations/seed.json`. `gold2`: optionally, a second,
# independent annotation of the same sentences, to measure agreement between annotators
# (Cohen's kappa). `corpus`: where the gold articles' full texts are (default:
# `$FRAMING_CORPUS` or the shared corpus). The gold sentences are scored with the gold's own
# sentence boundaries (`analysis.evaluate`).
#
# **Findings.** Computed from the evaluation right below; then metrics per label,
# confusion tables, the worst errors with the evidence that caused them, lexicon coverage,
# the supervised model's cross-validated scores by article, the same figures on every gold
# set (tuned on, and held out), and annotator agreement.

# %% tags=["remove_cell"]
import pandas as pd
from IPython.display import Markdown, display

from analysis.evaluate import annotation_agreement, evaluate, lexicon_coverage
from analysis.gold import load_gold
from analysis.render import frame_name, source_name
from analysis.report import (
    collapsed_table,
    error_words,
    label_metrics_table,
    md_escape,
    resolve_gold,
    show_table,
    validation_findings,
)
from analysis.schema import FRAME_LABELS, SOURCE_TYPES

pd.set_option("display.max_colwidth", None)

# %% tags=["parameters"]
gold = None  # gold annotations; None: the shared dev gold if available, else the seed's gold
gold2 = None  # a second annotation of the same sentences (for Cohen's kappa); None: skip
corpus = (
    None  # where corpus:<id> gold articles are found; None: $FRAMING_CORPUS or the shared corpus
)
n_errors = 12  # how many of the worst errors to show
all_sets = True  # also score every shipped gold set (tuning and held out), ~15 s

# %% tags=["remove_cell"]
gold_path = resolve_gold(gold)
gold_data = load_gold(gold_path, corpus=corpus)
result = evaluate(gold_data, n_errors=n_errors)
pred = result.predictions
m = result.metrics

# %% [markdown]
# ## What the evaluation says

# %%
display(Markdown(f"Gold: `{md_escape(gold_path.name)}` — {md_escape(gold_path)}"))
display(Markdown(validation_findings(result, gold_path)))

# %% [markdown]
# ## Metrics per label
#
# Precision: of the sentences the scorer labels with the frame (or source type), the share
# the gold agrees with. Recall: of the gold's sentences with the label, the share the scorer
# finds. F1 combines the two (their harmonic mean; 1 is perfect). The counts: gold sentences
# with the label, those the scorer also labels (found), those it labels but the gold does not
# (false alarms) and those it misses. Source types that neither the gold nor the scorer uses
# are left out; a blank is a figure that cannot be computed (no gold sentence, or no
# prediction, with that label).

# %%
display(show_table(label_metrics_table(m["frames"]).rename(columns={"label": "frame"})))

# %%
if "sourcing" in m:
    display(
        show_table(
            label_metrics_table(m["sourcing"]["per_type"], source_name).rename(
                columns={"label": "source type"}
            )
        )
    )

# %% [markdown]
# ## Confusion tables
#
# Rows: the gold label; columns: the scorer's. The diagonal is agreement.

# %%
confusion = pd.DataFrame(m["confusion"]).T.reindex(index=FRAME_LABELS, columns=FRAME_LABELS)
confusion.index = [f"gold: {frame_name(f)}" for f in confusion.index]
confusion.columns = [f"predicted: {frame_name(f)}" for f in confusion.columns]
display(show_table(confusion, index=True))

# %%
if "pred_source_type" in pred.columns:
    src_conf = pd.crosstab(pred["source_type"], pred["pred_source_type"]).reindex(
        index=[t for t in SOURCE_TYPES if t in set(pred["source_type"])],
        columns=[t for t in SOURCE_TYPES if t in set(pred["pred_source_type"])],
        fill_value=0,
    )
    src_conf.index = [f"gold: {source_name(t)}" for t in src_conf.index]
    src_conf.columns = [f"predicted: {source_name(t)}" for t in src_conf.columns]
    display(show_table(src_conf, index=True))

# %% [markdown]
# ## The worst framing errors, with their evidence
#
# The errors the scorer was most confident about: a false alarm with strong cues, or a
# missed frame where no cue fired at all. The evidence is what the lexicon matched.

# %%
errors = result.errors
display(
    show_table(
        pd.DataFrame(
            {
                "article": errors["article_id"],
                "#": errors["sentence"] + 1,
                "error": errors["error"].map(error_words),
                "gold label": errors["gold_frame"].map(frame_name),
                "scorer's label": errors["pred_frame"].map(frame_name),
                "evidence": errors["evidence"].where(
                    errors["evidence"].astype(bool), "(no cue fired)"
                ),
                "sentence": errors["text"],
            }
        )
    )
)

# %% [markdown]
# ## Lexicon coverage
#
# How many cues of the lexicon fired on this gold, the share of gold-positive sentences that
# at least one cue of the frame reaches (the ceiling of recall) and of other sentences that
# a cue fires on (where false positives come from); then the cues that fire most, and the
# noisiest ones (precision on this gold, at least three firings).

# %%
by_frame, by_cue = lexicon_coverage(pred)
shares = ["reached by a cue", "other sentences with a cue (false alarms)"]
display(show_table(by_frame.assign(**{c: by_frame[c].map("{:.0%}".format) for c in shares})))
by_cue = by_cue.assign(cue=by_cue["cue"].str.slice(0, 60))
display(show_table(by_cue.head(15)))
noisy = by_cue[by_cue["fires"] >= 3].sort_values(["precision", "fires"], ascending=[True, False])
display(
    collapsed_table(
        f"The {min(len(noisy), 15)} noisiest cues", noisy.head(15).round(2), index=False
    )
)

# %% [markdown]
# ## The supervised model, cross-validated by article
#
# A model trained on lexicon features and words (`analysis.FrameModel`), scored with
# grouped cross-validation: the folds split by article, so the model is always tested on
# articles it has not seen.

# %% tags=["remove_cell"]
n_articles = pred["article_id"].nunique()
model_scores = None
model_note = ""
if n_articles < 3:
    model_note = (
        f"Cross-validation by article needs at least three annotated articles; this gold has "
        f"{n_articles}. Give `gold` a file with more articles (e.g. the shared dev gold)."
    )
else:
    from analysis.learn import cross_validate

    cv = cross_validate(gold_data, n_splits=5)
    model_scores = pd.DataFrame(
        [
            {
                "scorer": "supervised model" if name == "model" else "lexicon alone",
                "frame": f,
                "precision": v["precision"],
                "recall": v["recall"],
                "f1 (pooled)": v["f1"],
                "f1 per fold": ", ".join(f"{x:.2f}" for x in v["fold_f1"]),
                "f1 mean of folds": v["fold_f1_mean"],
            }
            for name in ("lexicon", "model")
            for f, v in cv[name].items()
        ]
    )
    model_note = (
        f"{cv['folds']} folds grouped by article ({cv['n_articles']} articles, "
        f"{cv['n_sentences']} sentences): each fold's articles are held out from training. "
        "The lexicon alone is scored on the same held-out sentences for comparison; its rules "
        "were written by people who may have read this gold, so its figures are not an estimate "
        "on unseen articles, while the model's are."
    )

# %%
if model_scores is not None:
    display(show_table(model_scores))
display(Markdown(model_note))

# %% [markdown]
# ## Where the rules were tuned, and where nobody tuned
#
# The same figures on every gold set the project has: the sets whose errors were read
# while the rules were written ("tuning") and the sets nobody tunes on ("held out", labelled
# before any scorer was run on them). The held-out rows are the honest estimate for
# articles the scorers have never seen; the gap between the two kinds of row is how much
# the tuning flatters the scorers. Sets whose texts are not on this machine are listed
# without figures. Macro-F1 is the mean F1 over the source types, so that a rare type counts
# as much as a common one; attributed F1 scores only "attributed or the writer's own voice";
# speaker found is the share of gold-attributed sentences where the scorer names the same
# speaker.

# %%
if all_sets:
    from analysis.evaluate import evaluate_sets

    sets = evaluate_sets(corpus=corpus)
    shown = {
        "set": "gold set",
        "role": "role",
        "sentences": "sentences",
        "diplomacy_f1": "diplomacy F1",
        "escalation_f1": "escalation F1",
        "source_type_accuracy": "source type accuracy",
        "source_type_macro_f1": "macro-F1",
        "attributed_f1": "attributed F1",
        "speaker_found": "speaker found",
    }
    if sets["note"].astype(bool).any():
        shown["note"] = "note"
    display(show_table(sets[list(shown)].rename(columns=shown)))
else:
    display(Markdown("`all_sets` is off: the other gold sets were not scored."))

# %% [markdown]
# ## Agreement between two annotations
#
# Cohen's kappa corrects raw agreement for the agreement expected by chance (1: perfect,
# 0: chance level). For reference, the shared dev gold's two annotators reached kappa
# 0.97 (diplomacy), 0.91 (escalation) and 0.99 (source type).

# %%
if gold2 is not None:
    agreement = annotation_agreement(gold_data, load_gold(gold2, corpus=corpus))
    unmatched = agreement.attrs.get("unmatched", (0, 0))
    display(
        show_table(
            agreement.assign(
                label=agreement["label"].str.replace("_", " "),
                agreement=agreement["agreement"].map("{:.0%}".format),
            ).rename(columns={"agreement": "same label", "cohen_kappa": "Cohen's kappa"}),
            digits=2,
        )
    )
    if any(unmatched):
        display(
            Markdown(
                f"Sentences without a match: {unmatched[0]} in `gold`, {unmatched[1]} in `gold2`."
            )
        )
else:
    display(Markdown("No second annotation given (`gold2`): agreement not measured."))
