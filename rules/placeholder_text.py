"""CL201 placeholder-text: template defaults, lorem ipsum, fill-in markers, stray field labels."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Need, Rule, RuleContext, RuleMeta, option

from ._structure_chrome import chrome_of
from ._structure_labels import topic_of
from ._structure_lines import lines_of
from ._structure_placeholders import find_placeholders

_MESSAGES = {
    "default": "\u201c{text}\u201d is a site builder's or theme's default text; replace it with "
    "real content or delete it",
    "lorem": "lorem ipsum filler text; replace it with real content or delete it",
    "fill-in": "\u201c{text}\u201d is a fill-in marker left for the writer; put the real "
    "content in its place",
    "marker": "\u201c{text}\u201d is a writer's note: this part is unfinished; finish it and "
    "remove the note",
    "instruction": "\u201c{text}\u201d is an editor instruction, not content; replace it with "
    "real content or delete it",
    "label": "\u201c{text}\u201d is a field label of another page template and has nothing to "
    "do with this article; delete it",
    "unknown-label": "\u201c{text}\u201d looks like a leftover template label: nothing follows "
    "it and none of its words occurs in the article; delete it or write the section",
}
_FIXES = {
    "label": "Delete the label.",
    "unknown-label": "Delete the label, or write the section it announces.",
}


@dataclass(frozen=True, slots=True)
class Options:
    extra_phrases: tuple[str, ...] = option(
        (),
        "More placeholder strings (your own templates' defaults); a line that consists of one "
        "of them is reported (case, spacing and surrounding punctuation are ignored).",
    )


class PlaceholderText(Rule[Options]):
    meta = RuleMeta(
        code="CL201",
        slug="placeholder-text",
        summary=(
            "Flags template defaults and unfinished writing: lorem ipsum, site-builder and "
            "theme defaults (\"Add Your Heading Text Here\"), fill-in markers "
            "(\"[Insert statistic here]\", TODO, TBD) and field labels of other page templates."
        ),
        why=(
            "A placeholder in a published article is a visible sign that nobody finished or "
            "read the page: readers lose trust, and search engines treat template text as thin "
            "content. Themes and builders leave their scaffolding behind when an article is "
            "pasted into a new layout or scraped from one, such as a property-listing label "
            "(\"Total Floor Area\") above a health article."
        ),
        bad=(
            "# Ketamine for depression\n\n## Add Your Heading Text Here\n\nKetamine is given "
            "as a series of infusions over two to three weeks.",
            "# Half marathon training\n\nRoughly [Insert statistic here] of first-time entrants "
            "never make it to the start line.",
            "# Sourdough starter\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.",
        ),
        good=(
            "# Ketamine for depression\n\n## How often are infusions given?\n\nKetamine is "
            "given as a series of infusions over two to three weeks.",
            "# Half marathon training\n\nRoughly one in five first-time entrants never make "
            "it to the start line [1].\n\n[1]: https://example.com/survey",
        ),
        severity=Severity.ERROR,
        category=Category.STRUCTURE,
        needs=frozenset({Need.LEMMAS}),
        languages=None,
        fix="Replace the placeholder with real content, or delete it.",
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        document, analysis = ctx.document, ctx.analysis
        lines = lines_of(document)
        english = analysis.language.code in ("en", "und")
        found = find_placeholders(
            document,
            lines,
            lambda: topic_of(analysis, document.title or ""),
            ctx.options.extra_phrases,
            lambda: frozenset(c.line.index for c in chrome_of(document)),
            unknown_labels=english,
        )
        for p in found:
            text = p.text if len(p.text) <= 80 else p.text[:77] + "..."
            yield Hit(
                p.span,
                _MESSAGES[p.kind].format(text=text),
                fix=_FIXES.get(p.kind, self.meta.fix),
            )
