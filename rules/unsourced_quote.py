"""CL401 unsourced-quote: expert quotes that no reader can check.

Health and finance articles borrow authority from "Dr. Sarah Thompson,
Psychiatrist" without saying where she works, where she said it, or linking
to anything. A quote is sourced when the person is introduced the
journalistic way ("said Jane Doe, a cardiologist at Mount Sinai"), when the
attribution names a publication ("told Newsweek"), or when a link, citation,
footnote or reference entry sits in or next to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._sourcing_attribution import Attribution, Attributor, BlockView
from ._sourcing_evidence import block_has_source, is_source_line, references, texts_name_source
from ._sourcing_lexicon import Lexicon, lexicon
from ._sourcing_people import Mention, descriptor

_BAD = (
    "Ketamine works fast, but it is not for everyone.\n\n"
    "- Dr. Sarah Thompson, Psychiatrist:\n"
    "  - On candidacy: “Candidacy depends on various factors, and patients with a history of "
    "substance abuse need careful assessment.”\n"
)
_GOOD = (
    "Ketamine works fast, but it is not for everyone. “Patients with a history of substance "
    "abuse need careful assessment,” said Sarah Thompson, a psychiatrist at Mount Sinai "
    "Hospital in New York."
)


@dataclass(frozen=True, slots=True)
class Options:
    min_quote_words: int = option(
        4, "Shortest quotation (in words) that counts; shorter ones are usually scare quotes."
    )
    reported_speech: bool = option(
        True, 'Also check claims reported without quotation marks ("according to Dr. X, ...").'
    )
    extra_titles: tuple[str, ...] = option(
        (), "More job titles that present a person as an authority (lower case, singular)."
    )


@dataclass
class _Person:
    key: str
    quotes: list[Attribution]


class UnsourcedQuote(Rule[Options]):
    meta = RuleMeta(
        code="CL401",
        slug="unsourced-quote",
        summary=(
            "Flags quotes from people presented as authorities (Dr., Prof., psychiatrist, "
            "expert, ...) with no affiliation, link, citation or publication a reader could check."
        ),
        why=(
            "An expert quote borrows authority. Without an affiliation, a link to where it was "
            "said, or a citation, nobody can check that the expert exists or said it, and "
            "invented experts are a hallmark of low-quality health and finance content. "
            "Journalists introduce experts with their institution for exactly this reason."
        ),
        bad=(_BAD,),
        good=(_GOOD,),
        severity=Severity.WARNING,
        category=Category.SOURCING,
        needs=frozenset({Need.SENTENCES}),
        fix=(
            "Say where the expert works (\"a psychiatrist at ...\"), link to the interview or "
            "paper the quote comes from, or cite it; if the quote cannot be verified, cut it."
        ),
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        opts = ctx.options
        lex = lexicon(tuple(opts.extra_titles))
        attributor = Attributor(ctx.document, ctx.analysis, lex, opts.min_quote_words)
        persons: dict[str, _Person] = {}
        for attribution in attributor.attributions(opts.reported_speech):
            key = attribution.speaker.key
            persons.setdefault(key, _Person(key, [])).quotes.append(attribution)
        if not persons:
            return
        refs = references(ctx.document)
        by_key: dict[str, list[Mention]] = {}
        for m in attributor.all_mentions:
            by_key.setdefault(m.key, []).append(m)
        sourced_blocks: dict[int, bool] = {}  # each block's links and citations, checked once
        for person in persons.values():
            mentions = by_key.get(person.key) or [person.quotes[0].speaker]
            title = _authority(attributor, lex, mentions)
            if title is None or refs.names(person.key):
                continue
            if any(_mention_sourced(attributor, lex, m) for m in mentions):
                continue
            if any(_quote_sourced(attributor, lex, a, sourced_blocks) for a in person.quotes):
                continue
            yield _hit(ctx, person, title, mentions)


def _describing(attributor: Attributor, lex: Lexicon, m: Mention) -> str:
    view = attributor.views[m.block]
    text = view.block.text
    start, end = descriptor(text, m, view.sentence(m.start)[1], lex)
    return text[start : m.start] + " " + text[m.end : end]


def _authority(attributor: Attributor, lex: Lexicon, mentions: list[Mention]) -> str | None:
    """How the person is presented as an expert ("Psychiatrist"; "" for a bare "Dr."), or None."""
    found: str | None = None
    for m in mentions:
        if not m.named:
            return m.name
        around = _describing(attributor, lex, m)
        title = lex.title.search(around)
        if title:
            return _role(around, title.group(0), lex)
        if m.honorific.lower() in lex.authority_honorific:
            found = ""
    return found


def _role(around: str, title: str, lex: Lexicon) -> str:
    """The short appositive holding the title ("Clinical Psychologist"), else the title."""
    for part in re.split(r"[,:;()]", around):
        part = part.strip(" .—–-")
        lead = re.match(rf"(?i:(?:{lex.speech}|a|an|the)\s+)+", part)
        part = part[lead.end() :] if lead else part
        if title in part and len(part.split()) <= 6:
            return part
    return title


def _mention_sourced(attributor: Attributor, lex: Lexicon, m: Mention) -> bool:
    view = attributor.views[m.block]
    start, end = descriptor(view.block.text, m, view.sentence(m.start)[1], lex)
    if _org_entity(view, start, end):
        return True
    around = view.block.text[start : m.start] + " " + view.block.text[m.end : end]
    return bool(texts_name_source([around], lex.organisation, lex.publication))


def _quote_sourced(
    attributor: Attributor, lex: Lexicon, a: Attribution, memo: dict[int, bool]
) -> bool:
    blocks = attributor.document.blocks
    for i in a.blocks:
        if i not in memo:
            memo[i] = block_has_source(blocks[i])
        if memo[i]:
            return True
    nxt = max(a.blocks) + 1
    if nxt < len(blocks) and is_source_line(blocks[nxt]):
        return True
    # NOTE: entity-recogniser organisations count only in the words describing the person
    # (_mention_sourced); a label such as "Opinion on Ketamine’s Mechanisms:" is no affiliation.
    texts = [attributor.views[b].block.text[start:end] for b, start, end in a.context]
    return bool(texts_name_source(texts, lex.organisation, lex.publication))


def _org_entity(view: BlockView, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in view.orgs)


def _hit(ctx: RuleContext[Options], person: _Person, title: str, mentions: list[Mention]) -> Hit:
    first = person.quotes[0]
    speaker = first.speaker
    named = [m for m in mentions if m.named]
    who = max((m.name for m in named), key=len) if named else speaker.name
    n = len(person.quotes)
    noun = "quote" if any(a.quote.direct for a in person.quotes) else "statement"
    quotes = f"a {noun}" if n == 1 else f"{n} {noun}s"
    if speaker.named:
        described = f"{who} ({title})" if title else who
        missing = "no affiliation, link, citation or publication is given"
        todo = "say where they work, link to where the quote appeared, or cite it"
    else:
        described = f"an unnamed expert (“{who}”)"
        missing = "no name, affiliation, link, citation or publication is given"
        todo = "name the expert and where they work, link to the source, or cite it"
    anchor = first.anchor or speaker  # "she said": point at where she was named
    blocks = ctx.document.blocks
    span = blocks[anchor.block].source_span(anchor.start, anchor.end)
    related = tuple(
        (blocks[a.quote.block].source_span(a.quote.start, a.quote.end), f"quoted here ({who})")
        for a in person.quotes
    )
    return Hit(
        span,
        f"{quotes} attributed to {described} {'has' if n == 1 else 'have'} no verifiable source: "
        f"{missing}; {todo}",
        fix=UnsourcedQuote.meta.fix,
        related=related,
    )
