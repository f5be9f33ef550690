"""Who is talking to whom: the camps of the conflict (codebook frame rule 4).

Diplomacy is contact *across* the conflict. A call or a meeting whose named
parties all belong to one camp is coordination inside that camp, so the
framing scorer keeps only a fraction of its contact cues' weight (the
evidence carries the rule ``+one_camp``); a contact cue with parties of both
camps right beside it counts more (``+cross_camp``). The camps, the fraction and the
patterns that tell a participant from a topic are data
(``analysis/lexicons/camps.toml``); the parties are the countries, capitals,
demonyms, people and organisations of the sourcing gazetteers
(``sides.csv``, ``institutions.csv``) whose side has a camp.

    >>> camps = default_camps()
    >>> camps.one_camp("Zelensky had an hour-long phone call with US President Joe Biden.")
    'west'
    >>> camps.one_camp("Blinken spoke with Russian Foreign Minister Sergei Lavrov.") is None
    True
    >>> camps.one_camp("Austin spoke with his French counterpart about Russia's invasion.")
    'west'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import LexiconError
from .schema import SIDES

_ahocorasick_rs: Any
try:  # one automaton over the gazetteer terms (Rust); a regex without it
    import ahocorasick_rs as _ahocorasick_rs
except ImportError:  # pragma: no cover
    _ahocorasick_rs = None

CAMPS_FILE = "camps.toml"
#: where a call's list of participants ends when a camps file says nothing (patterns.participants_end)
_SENTENCE_END = r"[.;:!?]"



@dataclass(frozen=True)
class Camps:
    """The camps, and how a sentence's parties are found (see the module docstring)."""

    factor: float
    min_parties: int
    cross_factor: float
    window: int
    camp_of: dict[str, str]  # side -> camp
    topic_before: re.Pattern[str]
    topic_after: re.Pattern[str]
    not_contact: re.Pattern[str]
    side_of: dict[str, str]  # gazetteer term -> side (only sides with a camp)
    # a lead-in right after a contact cue that names its participants ("a call
    # between ..."), and how far they may run, to the clause's end
    participants: re.Pattern[str] | None = None
    participants_window: int = 160
    # where that list ends: a sentence or clause break (patterns.participants_end)
    participants_end: re.Pattern[str] = re.compile(_SENTENCE_END)
    if TYPE_CHECKING:  # an instance attribute set by _build, not a dataclass field

        def _find(self, text: str) -> list[tuple[str, int, int]]:
            """(term, start, end) of each gazetteer term in ``text``."""
            ...

    def __post_init__(self) -> None:
        self._build()

    def _build(self) -> None:
        """One automaton over every term (leftmost-longest), built in each
        process (``ahocorasick_rs`` objects do not pickle); a regex without it."""
        terms = sorted(self.side_of, key=len, reverse=True)
        if _ahocorasick_rs is not None and terms:
            find = _ahocorasick_rs.AhoCorasick(
                terms, matchkind=_ahocorasick_rs.MatchKind.LeftmostLongest
            ).find_matches_as_indexes

            def finder(text: str) -> list[tuple[str, int, int]]:
                return [(terms[i], a, b) for i, a, b in find(text, overlapping=False)]
        else:
            rx = re.compile("|".join(map(re.escape, terms)) or r"(?!)")

            def finder(text: str) -> list[tuple[str, int, int]]:
                return [(m.group(), m.start(), m.end()) for m in rx.finditer(text)]

        object.__setattr__(self, "_find", finder)

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_find"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._build()

    def parties(self, text: str) -> list[tuple[str, int, int, str]]:
        """``(term, start, end, camp)`` of each party named as a participant, in text order.

        >>> [p[0] for p in default_camps().parties("Biden met Scholz to discuss Russian aggression.")]
        ['Biden', 'Scholz']
        """
        out = []
        n = len(text)
        for term, a, b in self._find(text):  # whole words; a hyphen may join two ("Putin-Biden")
            # inside a word: after a letter, or after an apostrophe that joins
            # a word ("d'Ukraine"); an opening quote ("'Russia and ...") does not
            if a and (
                text[a - 1].isalnum()
                or text[a - 1] == "_"
                or (text[a - 1] in "’'" and a > 1 and text[a - 2].isalnum())
            ):
                continue
            if b < n and (text[b].isalnum() or text[b] == "_"):
                continue
            if self.topic_before.search(text, max(0, a - 30), a):
                continue
            if self.topic_after.match(text, b, b + 40):
                continue
            out.append((term, a, b, self.camp_of[self.side_of[term]]))
        return out

    def across(self, text: str, start: int, end: int, parties: list | None = None) -> bool:
        """Whether parties of two camps are named within ``window`` characters
        of ``text[start:end]`` (a contact cue); ``parties``: :meth:`parties` of
        ``text`` when known.

        >>> text = "The ministers of Ukraine and Russia met in Antalya."
        >>> default_camps().across(text, text.index("met"), text.index("met") + 3)
        True

        After a lead-in of ``patterns.participants`` ("between") the participants
        may run on to the end of the clause (``participants_window`` characters at most):

        >>> text = ("A telephone conversation between the President of the Russian "
        ...         "Federation and the President of the United States has just concluded.")
        >>> default_camps().across(text, 2, 24)
        True
        """
        found = self.parties(text) if parties is None else parties
        lo, hi = start - self.window, end + self.window
        lead = self.participants.match(text, end) if self.participants is not None else None
        if lead and any(lead.end() <= p[1] <= lead.end() + self.window for p in found):
            # "a telephone conversation between the President of Russia ... and the
            # President of the United States": the participants run on past the window
            # (a party must open the list: not "met in Geneva between rounds of shelling by
            # Russia's army", "between" of time)
            stop = self.participants_end.search(text, lead.end())
            hi = max(hi, min(stop.start() if stop else len(text),
                             lead.end() + self.participants_window))
        return len({p[3] for p in found if p[1] >= lo and p[2] <= hi}) > 1

    def one_camp(self, text: str, parties: list | None = None) -> str | None:
        """The camp when at least ``min_parties`` participants are named and all
        belong to it; None otherwise (parties of two camps, or too few)."""
        found = self.parties(text) if parties is None else parties
        camps = {p[3] for p in found}
        if len(camps) == 1 and len(found) >= self.min_parties:
            return camps.pop()
        return None


def _fail(where: str, message: str) -> LexiconError:
    return LexiconError(where, message)


def load_camps(path: str | Path | None = None) -> Camps:
    """The shipped ``camps.toml`` or a user's file of the same layout; a bad
    value raises :class:`LexiconError` naming the file and the key."""
    from .resources import read_rule_table
    from .speakers import _VALIDATORS, TABLES

    if path is None:
        where = f"analysis/lexicons/{CAMPS_FILE}"
        raw = resources.files("analysis.lexicons").joinpath(CAMPS_FILE).read_text(encoding="utf-8")
    else:
        where = str(path)
        if not Path(path).exists():
            raise _fail(where, "file not found")
        raw = Path(path).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(where, f"not valid TOML ({exc})") from exc
    unknown = set(data) - {
        "factor", "min_parties", "cross_factor", "window", "participants_window", "camps",
        "patterns",
    }
    if unknown:
        raise _fail(where, f"unknown key(s) {sorted(unknown)}")
    factor = data.get("factor", 0.3)
    if isinstance(factor, bool) or not isinstance(factor, int | float) or not 0 <= factor <= 1:
        raise _fail(where, f"factor must be a number from 0 to 1, got {factor!r}")
    min_parties = data.get("min_parties", 2)
    if isinstance(min_parties, bool) or not isinstance(min_parties, int) or min_parties < 1:
        raise _fail(where, f"min_parties must be a whole number >= 1, got {min_parties!r}")
    cross_factor = data.get("cross_factor", 1.0)
    if (
        isinstance(cross_factor, bool)
        or not isinstance(cross_factor, int | float)
        or not 1 <= cross_factor <= 5
    ):
        raise _fail(where, f"cross_factor must be a number from 1 to 5, got {cross_factor!r}")
    window = data.get("window", 40)
    if isinstance(window, bool) or not isinstance(window, int) or not 0 <= window <= 400:
        raise _fail(where, f"window must be a whole number of characters, 0 to 400, got {window!r}")
    participants_window = data.get("participants_window", 160)
    if (
        isinstance(participants_window, bool)
        or not isinstance(participants_window, int)
        or not 0 <= participants_window <= 400
    ):
        raise _fail(
            where,
            "participants_window must be a whole number of characters, 0 to 400, "
            f"got {participants_window!r}",
        )
    camp_of = data.get("camps", {})
    if not isinstance(camp_of, dict):
        raise _fail(where, '[camps] must be a table of side = "camp"')
    for side, camp in camp_of.items():
        if side not in SIDES:
            raise _fail(where, f"camps: {side!r} is not a side (one of {', '.join(SIDES)})")
        if not isinstance(camp, str) or not camp.strip():
            raise _fail(where, f"camps: {side} = {camp!r} must be a camp name")
    patterns = data.get("patterns", {})
    compiled = {}
    for key, wrap in (
        ("topic_before", r"(?i)\b(?:{})\s+(?:the\s+)?\Z"),
        ("topic_after", r"(?i)(?:[’']s\s+(?:\w+\s+){{0,2}}?|\s+)(?:{})\b"),
        ("not_contact", r"(?i){}"),
    ):
        value = patterns.get(key)
        if not isinstance(value, str) or not value:
            raise _fail(where, f"patterns.{key} must be a non-empty regex")
        try:
            compiled[key] = re.compile(wrap.format(value))
        except re.error as exc:
            raise _fail(where, f"patterns.{key} is not a valid regex ({exc})") from exc
    lead = patterns.get("participants")  # optional: older files have none
    participants = None
    if lead is not None:
        if not isinstance(lead, str) or not lead:
            raise _fail(where, "patterns.participants must be a non-empty regex")
        try:
            participants = re.compile(rf"(?i)\s*(?:\w+\s+){{0,2}}?(?:{lead})\s")
        except re.error as exc:
            raise _fail(where, f"patterns.participants is not a valid regex ({exc})") from exc
    end = patterns.get("participants_end", _SENTENCE_END)  # optional too
    if not isinstance(end, str) or not end:
        raise _fail(where, "patterns.participants_end must be a non-empty regex")
    try:
        participants_end = re.compile(end)
    except re.error as exc:
        raise _fail(where, f"patterns.participants_end is not a valid regex ({exc})") from exc
    side_of: dict[str, str] = {}
    for name, column in (("sides", "term"), ("institutions", "name")):
        fname, req, opt = TABLES[name]
        rows = read_rule_table(
            fname, required=req, optional=opt, validate=_VALIDATORS[name], package=True
        )
        for r in rows:
            if r["side"] in camp_of and r[column]:
                side_of.setdefault(r[column], r["side"])
    return Camps(
        factor=float(factor),
        min_parties=min_parties,
        cross_factor=float(cross_factor),
        window=window,
        camp_of=dict(camp_of),
        side_of=side_of,
        participants=participants,
        participants_window=participants_window,
        participants_end=participants_end,
        **compiled,
    )


@lru_cache(maxsize=1)
def default_camps() -> Camps:
    """The shipped camps, loaded once per process."""
    return load_camps()
