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
# # One article: how it frames the war, and whom it lets speak
#
# **Question.** Does this article put diplomacy or escalation in the foreground,
# and whose voices carry each frame?
#
# **Inputs.** `article`: an article file (`.txt`, `.md`, `.html`, `.json`); by default
# the seed article shipped in `seeds/` (Antiwar.com, *State Department: Blinken
# Hasn't Spoken With Russian FM Since Before Invasion*). Every sentence is scored by
# the package's rule-based scorers (`analysis.score_article`): two frames from a cue
# lexicon, a source type and speaker from attribution rules (`docs/scheme.md` explains
# the frames, the source types and the hard cases).
#
# **Findings.** Computed from the scored sentences in the next section, so they stay
# true for whatever article is given. Then: the annotated article, the framing strip,
# the sourcing breakdown and the sentence table.

# %% tags=["remove_cell"]
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display

from analysis import ScoredArticle, score_article
from analysis.charts import article_strip, frame_source_heatmap
from analysis.paths import seed_article_path
from analysis.render import frame_name, source_name
from analysis.report import QUOTE_WORDS, article_findings, md_escape, show_table, speaker_table

pd.set_option("display.max_colwidth", 120)
pd.set_option("display.max_rows", 200)

# %% tags=["parameters"]
article = None  # path to an article file; None: the seed article

# %% tags=["remove_cell"]
article_path = article or seed_article_path()
scored = score_article(article_path)
meta = scored.attrs.get("article", {})

# %% [markdown]
# ## What the numbers say

# %%
display(
    Markdown(
        f"**{md_escape(meta.get('title') or Path(article_path).name)}**"
        + (f" — {md_escape(meta['outlet'])}" if meta.get("outlet") else "")
    )
)
display(Markdown(article_findings(scored)))

# %% [markdown]
# ## The annotated article
#
# Each sentence is tinted by its frame; cue words that fired are bold with a coloured
# underline; the speaker a sentence is attributed to is underlined. Hover over a
# sentence for its evidence and source (the same page is `article.html` in the report).

# %%
display(ScoredArticle(scored))

# %% [markdown]
# ## The framing strip
#
# One mark per sentence along the article: its row and colour are the frame label,
# its shape the source type. Runs of one colour show where the article dwells on a frame.

# %%
ax = article_strip(scored, title="The frame of each sentence, in reading order")
plt.show()

# %% [markdown]
# ## The sourcing breakdown
#
# Who is cited, how often, and which frames their sentences carry (counts of sentences; a
# sentence with both frames counts in both columns).

# %%
sources = (
    scored.assign(source=scored["source_type"].map(source_name))
    .groupby("source", sort=False)
    .agg(
        sentences=("text", "size"),
        **{
            "with diplomacy": ("diplomacy", "sum"),
            "with escalation": ("escalation", "sum"),
        },
    )
    .sort_values("sentences", ascending=False)
)
sources["share of the article"] = (sources["sentences"] / len(scored)).map("{:.0%}".format)
display(show_table(sources, index=True))

# %%
ax = frame_source_heatmap(scored, title="Frame label by source type (share of each row)")
plt.show()

# %% [markdown]
# Each speaker, however the article spells them ("the State Department", "State Department"),
# with the sentences attributed to them and how they are quoted: a direct quote (inside
# quotation marks), a quoted phrase, reported speech ("said that ..."), or a quote running
# on from the sentence before.

# %%
speakers = speaker_table(scored)
if len(speakers):
    display(show_table(speakers))
else:
    display(Markdown("No sentence names a speaker."))

# %% [markdown]
# ## The sentence table
#
# One row per sentence (numbered as in the annotated article): the frame label, the score of
# each frame (0 to 1; the frame is given from 0.5), who the sentence is attributed to and
# how it is quoted (`analysis.schema` documents every column of the full table).

# %%
table = pd.DataFrame(
    {
        "#": scored["sentence"] + 1,
        "sentence": scored["text"],
        "frame": scored["frame"].map(frame_name),
        "diplomacy score": scored["diplomacy_score"],
        "escalation score": scored["escalation_score"],
        "source": scored["source_type"].map(source_name),
        "speaker": scored["speaker"],
        "quoted as": scored["quote_mode"].map(lambda m: QUOTE_WORDS.get(m, m)),
    }
)
display(show_table(table))
