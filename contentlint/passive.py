"""Passive voice without a part-of-speech tagger (the analysis's ``passives`` view).

The default pipeline has no tagger, so a passive verb group is found lexically:
a form of *be*, up to three adverbs, then a past participle, either a regular
``-ed`` form or a listed irregular one. Precision over recall: participles that
after *be* name a state ("is interested", "is based in") count only with a
"by" agent, and "get" passives are not recognised.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .document import Span

if TYPE_CHECKING:
    from .analysis import Sentence, Word


@dataclass(frozen=True, slots=True)
class Passive:
    """A passive verb group: a form of *be*, optional adverbs, a past participle."""

    sentence: Sentence
    auxiliary: Word
    participle: Word
    span: Span  # auxiliary through participle
    by_agent: bool  # the participle is followed by "by" (the agent is named)


_BE = frozenset("am is are was were be been being 're 'm ’re ’m".split())
#: Words allowed between the form of "be" and the participle ("is not yet approved").
_BETWEEN = frozenset(
    "not n't never also still often always already usually generally typically now then "
    "just only even further once commonly currently widely rarely sometimes first later "
    "soon increasingly largely mostly highly well being been all both yet again ever very "
    "so too".split()
)
#: Irregular past participles; intransitive ones ("gone", "risen") never make a passive.
IRREGULAR_PARTICIPLES = frozenset(
    """
    arisen awoken beaten begun bent bet bid bitten bled blown bred broken brought built
    burnt bought caught chosen clung cut dealt dug done drawn dreamt driven eaten
    fed felt fought found flung flown forbidden forecast foreseen forgotten forgiven
    forsaken frozen given hung heard hidden hit held hurt kept known laid led leant
    learnt left lent let lit lost made meant met misled misread misunderstood overcome
    overheard overseen overtaken overthrown overridden overrun paid proven put quit read
    rebuilt redone rewritten rid ridden rung run said seen sought sold sent set sewn
    shaken shed shot shown shrunk shut slain slung slit sown spoken spent spilt spun spat
    split spread sprung stolen stuck stung stricken struck strung strewn sworn swept
    swollen swung taken taught torn told thought thrown thrust trodden understood
    undertaken undone upheld withdrawn withheld woken worn woven wed won wound written
    wrung
    """.split()
)
#: Words ending in -ed that are not participles after "be".
NOT_PARTICIPLES = frozenset(
    """
    indeed need speed seed breed greed deed weed heed steed bed red shred sled hundred
    kindred sacred naked wicked rugged ragged crooked beloved aged jagged wretched dogged
    """.split()
)
#: Participles that after "be" describe a state rather than an action ("she is interested
#: in", "it is based in Leeds"): an active rewrite would not be clearer, so they count as
#: passive only with a "by" agent ("the dose is determined by weight").
STATIVE = frozenset(
    """
    interested concerned worried excited tired pleased satisfied disappointed surprised
    bored scared frightened amazed amused annoyed ashamed confused delighted depressed
    embarrassed exhausted frustrated thrilled relieved stressed married divorced engaged
    supposed experienced skilled talented dedicated determined detailed advanced
    complicated sophisticated limited related based located involved entitled renowned
    prepared armed
    """.split()
)
#: Verbs that start with "un" (most "un-...-ed" words after "be" are adjectives instead).
UN_VERBS = frozenset(
    """
    unveiled uncovered unleashed unlocked unloaded unpacked united unified untied unearthed
    unplugged unwrapped unfolded unsealed unblocked unbanned
    """.split()
)


def is_participle(word: Word, by_agent: bool = False) -> bool:
    """Whether ``word``, right after a form of *be*, is a past participle of an action."""
    lower = word.lower
    if lower in NOT_PARTICIPLES or word.text != lower or (lower in STATIVE and not by_agent):
        return False
    if lower in IRREGULAR_PARTICIPLES:
        return True
    if len(lower) <= 3 or not lower.endswith("ed"):
        return False
    # NOTE: "un-...-ed" words after "be" are mostly adjectives ("is unprecedented").
    return not lower.startswith("un") or lower.startswith("under") or lower in UN_VERBS


def passives_in(sentence: Sentence) -> Iterator[Passive]:
    """Passive verb groups: a form of *be*, up to three adverbs, then a past participle.

    Without a part-of-speech tagger this is a lexical pattern: participles are
    regular ``-ed`` forms or listed irregular ones. Participles that name a
    state (``STATIVE``) need a "by" agent, and "get" passives are not
    recognised. Precision over recall: a style hint should rarely be wrong.
    """
    words = sentence.words
    i = 0
    while i < len(words):
        if words[i].lower not in _BE:
            i += 1
            continue
        j = i + 1
        while j < len(words) and j - i <= 3 and _is_between(words[j]):
            j += 1
        by = j + 1 < len(words) and words[j + 1].lower == "by"
        if j < len(words) and is_participle(words[j], by):
            span = Span(words[i].span.start, words[j].span.end)
            yield Passive(sentence, words[i], words[j], span, by)
            i = j + 1
        else:
            i += 1


def _is_between(word: Word) -> bool:
    lower = word.lower
    return lower in _BETWEEN or (lower.endswith("ly") and len(lower) > 4 and lower != "family")
