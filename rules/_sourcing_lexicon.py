"""Word lists and compiled patterns of the sourcing family (CL401, CL402).

The lists live in ``rules/data/sourcing-*.txt`` so an editor can extend them
without reading code. Each list becomes ONE alternation inside a compiled
pattern (longest entry first, any whitespace between words); the patterns are
built once per process and are immutable. Every pattern is linear: repeats are
bounded or separated by characters the repeated part cannot contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from ._wordlist_match import WordStarts, trie_alternation

#: Capital and small letters, Latin-1 accents included ("José Álvarez").
UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
#: One word of a personal name: "Thompson", "McDonald", "O'Brien", "Jean-Pierre".
NAME_WORD = (
    rf"[{UPPER}](?:[{LOWER}]+|['’](?=[{UPPER}]))(?:[{UPPER}][{LOWER}]+)?"
    rf"(?:-[{UPPER}]?[{LOWER}]+)?(?![{LOWER}{UPPER}])"
)
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|el)"
#: A personal name of one to four words, initials and particles allowed ("Silvia S. Martins").
FULL_NAME = rf"{NAME_WORD}(?:[ \t]+(?:(?:[{UPPER}]\.|{_PARTICLE})[ \t]+)?{NAME_WORD}){{0,3}}"

#: Capitalised words that start sentences or name no one; never a speaker's name.
NOT_NAMES = frozenset(
    """a an the this that these those he she it its they them their we our us i you your
    his her him my there here what which who whom whose when where why how if but and or so
    yet while as after before since although though because however meanwhile also still
    some many most several all both each every one other others such no not none nobody
    experts scientists researchers doctors physicians officials analysts authorities critics
    studies research police mr mrs ms dr prof professor sir monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december today yesterday tomorrow last next earlier later then now
    in on at of for from with by to into about according said says""".split()
)


@cache
def lines(name: str) -> tuple[str, ...]:
    """Entries of ``rules/data/<name>``: one per line, blank lines and ``#`` comments skipped."""
    text = (files(__package__) / "data" / name).read_text(encoding="utf-8")
    stripped = (raw.strip() for raw in text.splitlines())
    return tuple(entry for entry in stripped if entry and not entry.startswith("#"))


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A non-capturing alternation of ``phrases``, longest first, spaces matching any whitespace.

    Written as a prefix tree (see :func:`trie_alternation`): the same matches as a flat
    list, but ``re`` no longer tries every phrase at every position.
    """
    return trie_alternation(phrases)


def _kinded(name: str) -> dict[str, tuple[str, ...]]:
    """A ``<kind> <entry>`` data file grouped by kind."""
    grouped: dict[str, list[str]] = {}
    for entry in lines(name):
        kind, _, value = entry.partition(" ")
        grouped.setdefault(kind, []).append(value.strip())
    return {kind: tuple(values) for kind, values in grouped.items()}


#: What every "-ologist" title holds, in folded text, wherever its word starts.
OLOGIST = "olog"


def _titles(extra: tuple[str, ...]) -> tuple[str, ...]:
    return lines("sourcing-titles.txt") + tuple(t.lower() for t in extra)


def title_alternation(extra: tuple[str, ...] = ()) -> str:
    """Authority job titles, singular or plural, plus any ``-ologist`` (lower case)."""
    return rf"(?:{alternation(_titles(extra))}(?:s|es)?|[a-z]+olog(?:ist|ists))"


# NOTE: eq=False hashes a lexicon by identity (lexicon() returns one per title list); the
# generated hash over a dozen large compiled patterns cost more than the lookups it keys.
@dataclass(frozen=True, eq=False)
class Lexicon:
    """The compiled patterns shared by the two sourcing rules."""

    #: An authority job title, any case ("Psychiatrist", "health experts").
    title: re.Pattern[str]
    #: A lower-case title, for "<Harvard> economist" style affiliations.
    title_lower: str
    #: Honorifics: all of them, and those that make a person an authority.
    honorific: str
    authority_honorific: frozenset[str]
    #: Post-nominal credentials ("MD", "PhD") right after a name.
    postnominal: re.Pattern[str]
    #: Speech verbs, lower case ("said", "told"), and those that may precede the speaker.
    speech: str
    speech_before: str
    speech_re: re.Pattern[str]
    #: An organisation name in the text ("Mayo Clinic", "University of York").
    organisation: re.Pattern[str]
    #: A named publication or outlet ("told Newsweek", "the Independent newspaper").
    publication: re.Pattern[str]
    #: An organisation or publication named as the source of a claim (CL402).
    named_source: re.Pattern[str]
    #: Cheap prefilters, searched case-sensitively in folded text (``_wordlist_match.folded``):
    #: where none matches, no speech verb (of those that may precede the speaker) or no
    #: job title can match either. Every pattern that needs one has it start a word (the
    #: "-ologist" titles aside: see ``OLOGIST``), which ``word_starts`` finds.
    speech_hint: re.Pattern[str]
    speech_before_hint: re.Pattern[str]
    title_hint: re.Pattern[str]
    word_starts: WordStarts


@lru_cache(maxsize=8)
def lexicon(extra_titles: tuple[str, ...] = ()) -> Lexicon:
    titles = title_alternation(extra_titles)
    honorifics = _kinded("sourcing-honorifics.txt")
    every = honorifics.get("authority", ()) + honorifics.get("plain", ())
    verbs = _kinded("sourcing-speech-verbs.txt")
    speech = alternation(verbs.get("both", ()) + verbs.get("after", ()))
    speech_words = [v.lower() for v in verbs.get("both", ()) + verbs.get("after", ())]
    title_words = [t.lower() for t in _titles(extra_titles)]
    cues = alternation(lines("sourcing-org-cues.txt"))
    outlets = alternation(lines("sourcing-publications.txt"))
    # NOTE: a capitalised word starts only where no word character precedes it, so scanning
    # a long run of letters stays linear (no restart inside the run).
    cap = rf"(?<![\w&'’.-])[{UPPER}][\w&'’.-]*"
    adjectives = alternation(lines("sourcing-title-adjectives.txt"))
    # A capitalised name ending in a cue word ("Mayo Clinic", "the Clinic") and not followed by a
    # further capitalised word ("Building Services Engineer" is a title), or "<Cue> of <Name>".
    org_name = (
        rf"(?:{cap}|\bthe|\bof)\s+{cues}\b(?!\s+[{UPPER}][{LOWER}])"
        rf"|\b{cues}\s+of\s+(?:the\s+)?[{UPPER}]"
    )
    filler = r"(?!(?:and|or|but|that|who|which|the|of|to|in|on|show|shows|say|says)\b)[a-z][\w-]*"
    organisation = re.compile(
        org_name
        # ... or a preposition of place before a proper name ("a cardiologist at Mount Sinai",
        # "an analyst with the research firm Oanda") ...
        + rf"|\b(?:at|from|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?"
        rf"(?!(?:Dr|Prof|Mr|Mrs|Ms|He|She|It|They|This)\b)[{UPPER}][\w&'’.-]+"
        # ... or a capitalised word qualifying a lower-case title ("Jefferies analyst",
        # "a Sacramento family physician", "NASA's associate administrator").
        rf"|(?<![\w-])(?!(?i:{adjectives})\b){cap}(?:\s+{filler}){{0,3}}?\s+"
        rf"(?:{titles}|director|administrator)\b"
    )
    publication = re.compile(
        rf"\b(?:told|tells|telling)\s+(?:the\s+)?[{UPPER}]"
        rf"|\b(?:published|reported|quoted|cited|appeared|writing|wrote|interviewed)\s+"
        rf"(?:by|in|on|for)\s+(?:the\s+)?[{UPPER}]"
        rf"|\b(?:interview|op-ed|podcast|column|essay|statement)\s+(?:with|to|for|in|on)\s+"
        rf"(?:the\s+)?[{UPPER}]"
        rf"|(?<![\w-])(?:{outlets})(?![\w-])"
        rf"|{cap}\s+(?:newspaper|magazine|journal|podcast|blog|website|radio|broadcaster)\b"
        rf"|\b(?:the\s+)?(?:journal|magazine|newspaper)\s+[{UPPER}]"
    )
    named_source = re.compile(
        rf"{org_name}|{publication.pattern}|\baccording\s+to\s+(?:the\s+)?[{UPPER}]"
    )
    return Lexicon(
        title=re.compile(rf"(?i:\b{titles}\b)"),
        title_lower=titles,
        honorific=alternation(every),
        authority_honorific=frozenset(h.lower() for h in honorifics.get("authority", ())),
        postnominal=re.compile(rf"^,?\s*{alternation(lines('sourcing-postnominals.txt'))}(?!\w)"),
        speech=speech,
        speech_before=alternation(verbs.get("both", ())),
        speech_re=re.compile(rf"(?i:(?<![\w-]){speech}(?![\w-]))"),
        organisation=organisation,
        publication=publication,
        named_source=named_source,
        speech_hint=re.compile(alternation(speech_words)),
        speech_before_hint=re.compile(alternation([v.lower() for v in verbs.get("both", ())])),
        title_hint=re.compile(alternation(title_words)),
        word_starts=WordStarts(speech_words + title_words),
    )
