"""CL202 empty-section: a heading with no content before the next heading of its level."""

from __future__ import annotations

from collections.abc import Iterator

from contentlint.rule import Category, Hit, Need, NoOptions, Rule, RuleContext, RuleMeta

from ._structure_chrome import chrome_of
from ._structure_labels import topic_of
from ._structure_lines import lines_of
from ._structure_placeholders import find_placeholders
from ._structure_repeats import repeats_of
from ._structure_sections import empty_headings


class EmptySection(Rule[NoOptions]):
    meta = RuleMeta(
        code="CL202",
        slug="empty-section",
        summary=(
            "Flags a heading with no content before the next heading of the same or a higher "
            "level (a parent whose content is its subsections is fine)."
        ),
        why=(
            "An empty section promises something the article never delivers, and usually "
            "marks a draft that was published before it was finished, or content that got "
            "lost in a copy or an export. In plain text, where heading levels are guessed, a "
            "heading followed by another heading may be a parent with its first subsection, "
            "so the rule only reports a pair of headings that breaks an otherwise flat outline."
        ),
        bad=(
            "# Half marathon training\n\n## Strength Training\n\n## Race Week\n\nCut your "
            "running by about half in the last week.",
        ),
        good=(
            "# Half marathon training\n\n## Race Week\n\n### The last long run\n\nRun 10 km "
            "at an easy pace on the Sunday before the race.",
        ),
        category=Category.STRUCTURE,
        needs=frozenset({Need.LEMMAS}),
        languages=None,
        fix="Write the section, or delete the heading.",
    )

    def check(self, ctx: RuleContext[NoOptions]) -> Iterator[Hit]:
        document = ctx.document
        empty = empty_headings(document)
        if not empty:
            return
        # NOTE: a heading that is a placeholder, page chrome or a repeat is reported by
        # CL201/CL203/CL204 with the better advice (delete it); saying "empty" too is noise.
        lines = lines_of(document)
        others = {r.line.block for r in repeats_of(document)}
        others.update(c.line.block for c in chrome_of(document))
        others.update(
            p.block
            for p in find_placeholders(
                document, lines, lambda: topic_of(ctx.analysis, document.title or "")
            )
        )
        for index in empty:
            if index in others:
                continue
            block = document.blocks[index]
            yield Hit(
                block.span,
                f"the section \u201c{block.text}\u201d is empty: nothing follows the heading "
                "before the next one; write the section or delete the heading",
                fix=self.meta.fix,
            )
