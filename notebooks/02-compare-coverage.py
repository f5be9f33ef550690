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
# # Is this article unusual? Its framing and sourcing against other coverage
#
# **Question.** Compared with a reference set of articles, does this article give
# diplomacy or escalation more room than usual, and does it lean on different sources?
#
# **Inputs.** `article`: the focus article (default: the seed article in `seeds/`).
# `corpus`: the reference articles (a folder, `.jsonl` or `.csv`; default:
# `$FRAMING_CORPUS` or the embedded default, ABC News stories of 2001–2002 on *other*
# conflicts — the next section says exactly what the reference is). Every sentence of
# every article is scored with the same rules (`analysis.score_corpus`), each article is
# profiled (`analysis.profile_articles`: shares of each frame, balance with a bootstrap
# 95% interval, source mix) and the focus is compared with the reference
# (`analysis.compare`: percentiles, a permutation test, outlet means).
#
# **Findings.** Stated in words right below, computed from the comparison, then shown in
# charts: the forest plot of balance, the percentiles, the scatter of the two frames,
# the source mix per outlet, and the sentences that drive the difference.

# %% tags=["remove_cell"]
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

from analysis import compare_coverage
from analysis.charts import (
    article_strip,
    balance_forest,
    frame_scatter,
    frame_source_heatmap,
    percentile_chart,
    source_mix_bars,
)
from analysis.render import frame_name, source_name
from analysis.report import (
    collapsed_table,
    md_escape,
    metrics_table,
    percentile_table,
    show_table,
    tests_tables,
    text_block,
)

pd.set_option("display.max_colwidth", None)
pd.set_option("display.max_rows", 200)

# %% tags=["parameters"]
article = None  # the focus article (a file); None: the seed article
corpus = (
    None  # reference corpus (folder, .jsonl, .csv); None: $FRAMING_CORPUS or the embedded default
)
n_jobs = 1  # worker processes for scoring the reference
exclude = None  # a folder whose files are never reference articles (framing report: its own)

# %% tags=["remove_cell"]
coverage = compare_coverage(article, corpus=corpus, n_jobs=n_jobs, progress=False, exclude=exclude)
focus, reference = coverage.focus, coverage.reference
comparison, profiles = coverage.comparison, coverage.profiles
reference_statement, focus_id = coverage.description, coverage.focus_id

# %% [markdown]
# ## What the reference is

# %%
display(Markdown(md_escape(reference_statement)))

# %% [markdown]
# ## What the comparison says

# %%
display(text_block(comparison.summary(include_reference=False)))

# %% [markdown]
# ## Balance of every article, with its uncertainty
#
# Balance is the share of diplomacy sentences minus the share of escalation sentences
# (−1: all escalation, +1: all diplomacy). The bars are 95% bootstrap intervals over the
# article's sentences: an article has only a few dozen sentences, so wide bars are normal.

# %%
ax = balance_forest(profiles, focus_id=focus_id, title="Balance of diplomacy over escalation")
plt.show()

# %%
ranked = profiles.sort_values("balance", ascending=False).assign(
    title=lambda d: [
        ("▶ " if f else "") + str(t) for f, t in zip(d["focus"], d["title"], strict=True)
    ],
    interval=lambda d: [
        f"{lo:+.2f} to {hi:+.2f}"
        for lo, hi in zip(d["balance_low"], d["balance_high"], strict=True)
    ],
)
profile_table = metrics_table(
    ranked,
    ["balance"],
    keep=["title", "outlet", "n_sentences"],
).assign(**{"balance 95% interval": ranked["interval"]})
profile_table = profile_table.join(
    metrics_table(
        ranked,
        ["diplomacy_share", "escalation_share", "attributed_share", "anonymous_share"],
    )
)
display(
    collapsed_table(
        f"The profiles of all {len(profiles)} articles (one row per article, ▶ the focus)",
        profile_table,
        index=False,
    )
)

# %% [markdown]
# ## Where the article stands on each measure
#
# The focus article's percentile among the reference articles for each measure: the share
# of reference articles with a lower value, ties counting half (50: typical; beyond the
# shaded 5–95 band: unusual). A measure the article cannot have (diplomacy in the writer's
# voice, when it has no diplomacy sentence) has no percentile.

# %%
ax = percentile_chart(
    comparison.percentiles, title="Percentile of the focus among reference articles"
)
plt.show()

# %%
main = [
    "balance",
    "diplomacy_share",
    "escalation_share",
    "attributed_share",
    "anonymous_share",
    "direct_quote_share",
    "source_unattributed_share",
]
display(show_table(percentile_table(comparison.percentiles, main)))
display(
    collapsed_table(
        f"All {len(comparison.percentiles)} measures",
        percentile_table(comparison.percentiles),
        index=False,
    )
)

# %% [markdown]
# ## Diplomacy against escalation, article by article
#
# Each grey dot is a reference article (a bigger dot: several articles at the same point),
# the circle the mean of an outlet, the black diamond the focus article. Above the dotted
# line an article has more escalation sentences than diplomacy ones; towards the bottom
# left, most of its sentences carry neither frame. A sentence with both frames counts on
# both axes.

# %%
ax = frame_scatter(profiles, focus_id=focus_id, title="Share of diplomacy and escalation sentences")
plt.show()

# %% [markdown]
# ## Outlets and their sources
#
# Mean metrics per outlet of the reference (each article weighs the same), with the
# focus article as the first row; then the mix of source types per outlet.

# %%
outlets = comparison.by_outlet
# the package's outlet metrics, without the source-type shares (charted below)
outlet_table = metrics_table(outlets, keep=["outlet", "n_articles", "n_sentences"])
display(show_table(outlet_table[[c for c in outlet_table.columns if not c.startswith("source:")]]))

# %%
ax = source_mix_bars(
    outlets, label="outlet", title="Who the sentences are attributed to, by outlet"
)
plt.show()

# %% [markdown]
# ## Frames by source: the focus against the pooled reference
#
# Who carries each frame label. Each row adds up to 100%: of the sentences with that label,
# the share attributed to each kind of source (counts in brackets). Read a row of the focus
# article against the same row of the reference, e.g. whether its diplomacy comes from
# named officials or from unnamed ones more often than usual. The reference pools the
# sentences of all its articles, so long articles weigh more there.

# %%
ax = frame_source_heatmap(focus, title="Focus article: frame label by source type")
plt.show()
ax = frame_source_heatmap(
    reference, title="Reference articles (pooled sentences): frame label by source type"
)
plt.show()

# %% [markdown]
# ## The permutation tests
#
# Is the focus article's mix of frame labels (and of source types) different from the
# reference's pooled sentences? The p-value comes from a seeded permutation test: how often
# as many sentences drawn at random from all of them (article and reference pooled) differ
# from the rest as much as the article does (below 0.05: unlikely to be chance). The effect size is Cramér's V for the whole mix (0: same mix, below 0.1
# negligible, 0.1–0.3 small, 0.3–0.5 moderate, above: large). Per category, the share of
# the article's sentences against the reference's, and the difference with a 95% bootstrap
# interval over articles. Sentences of one article are not independent draws, so the
# p-values are optimistic; the percentiles above do not have that problem.

# %%
whole, by_category = tests_tables(comparison.tests)
display(show_table(whole))
display(show_table(by_category))

# %% [markdown]
# ## The sentences that drive the difference
#
# Focus sentences whose frame label is rarer in the reference (ranked by how much rarer,
# then by the strength of their evidence), with who they are attributed to; then the
# focus article's framing strip. Sentence numbers are those of the annotated article.

# %%
drivers = comparison.drivers.copy()
if len(drivers):
    display(
        show_table(
            pd.DataFrame(
                {
                    "#": drivers["sentence"] + 1,
                    "frame": drivers["frame"].map(frame_name),
                    "source": drivers["source_type"].map(source_name),
                    "speaker": drivers["speaker"],
                    "sentence": drivers["text"],
                }
            )
        )
    )
else:
    display(Markdown("No focus sentence carries a frame that is rarer in the reference."))

# %%
ax = article_strip(focus, title="The focus article, sentence by sentence")
plt.show()
