"""CL204 repeated-title: the title or a heading shown again as a line or heading elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

from contentlint.rule import Category, Hit, NoOptions, Rule, RuleContext, RuleMeta

from ._structure_chrome import chrome_of
from ._structure_repeats import repeats_of


class RepeatedTitle(Rule[NoOptions]):
    meta = RuleMeta(
        code="CL204",
        slug="repeated-title",
        summary=(
            "Flags the title or a heading repeated as a line or heading elsewhere, also with "
            "small differences (case, punctuation, a missing question mark)."
        ),
        why=(
            "Scraped and re-published pages often show the title two or three times: once "
            "from the page template, once from the post, once from a breadcrumb or an SEO "
            "plugin. Readers see a stutter before the first sentence, and a heading printed "
            "twice makes the outline look broken. A title quoted inside a sentence is fine; "
            "only lines that consist of the title or heading are reported."
        ),
        bad=(
            "# How Long Do You Have to Take Ketamine for Depression?\n\n"
            "How long do you have to take ketamine for depression\n\n"
            "Most patients receive six infusions over two to three weeks.",
        ),
        good=(
            "# How Long Do You Have to Take Ketamine for Depression?\n\n"
            "\u201cHow long do you have to take ketamine for depression?\u201d is the first "
            "question most patients ask. Most receive six infusions over two to three weeks.",
        ),
        category=Category.STRUCTURE,
        languages=None,
        fix="Delete the repeated line.",
    )

    def check(self, ctx: RuleContext[NoOptions]) -> Iterator[Hit]:
        document = ctx.document
        repeats = repeats_of(document)
        if not repeats:
            return
        # NOTE: a repeated widget label ("Comments" above "comments") is CL203's to report.
        chrome = {c.line.index for c in chrome_of(document)}
        for repeat in repeats:
            if repeat.line.index in chrome:
                continue
            what = "title" if repeat.of_title else "heading"
            related = ((repeat.original, f"{what} is here"),) if repeat.original else ()
            yield Hit(
                repeat.line.span,
                f"the {what} \u201c{repeat.text}\u201d is repeated here; delete the repeated line",
                fix=self.meta.fix,
                related=related,
            )
