"""CL203 boilerplate-residue: page chrome (search boxes, share bars, comment forms) in the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.findings import Severity
from contentlint.rule import Category, Hit, Rule, RuleContext, RuleMeta, option

from ._structure_chrome import chrome_of


@dataclass(frozen=True, slots=True)
class Options:
    extra_phrases: tuple[str, ...] = option(
        (),
        "More chrome strings of your site or theme; a line that consists of one of them "
        "is reported (case, spacing and surrounding punctuation are ignored).",
    )


class BoilerplateResidue(Rule[Options]):
    meta = RuleMeta(
        code="CL203",
        slug="boilerplate-residue",
        summary=(
            "Flags page chrome left inside the article body: search boxes, skip links, share "
            "buttons, comment forms, cookie and newsletter prompts, related-post widgets, "
            "pagination and breadcrumbs."
        ),
        why=(
            "When an article is copied out of a page, exported from a CMS or scraped, the "
            "theme's buttons and widgets come along. \"Close this search box.\" above the "
            "first paragraph or \"Leave a Reply\" after the last tells readers and search "
            "engines that nobody read the page before publishing it. The rule knows the "
            "strings of common themes and plugins, and recognises unlisted ones by their "
            "shape: a short button-like label at the start or end of the body, or next to "
            "other chrome."
        ),
        bad=(
            "# Ketamine for depression\n\nClose this search box.\n\nKetamine is given as a "
            "series of infusions over two to three weeks.",
            "# Rain gardens\n\nA rain garden costs $5 to $15 per square foot to install.\n\n"
            "Share this:\n\nLeave a Reply",
        ),
        good=(
            "# Rain gardens\n\nShare your rain garden photos with the council: the best "
            "ones appear in the spring newsletter.",
            "# Rain gardens\n\n## Read more about native plants\n\nNative sedges and rushes "
            "tolerate both standing water and summer drought, which is why they anchor most "
            "rain garden plans.",
        ),
        severity=Severity.ERROR,
        category=Category.STRUCTURE,
        languages=None,
        fix="Delete the line.",
    )
    Options = Options

    def check(self, ctx: RuleContext[Options]) -> Iterator[Hit]:
        document = ctx.document
        for chrome in chrome_of(document, tuple(ctx.options.extra_phrases)):
            text = document.excerpt(chrome.span)
            yield Hit(
                chrome.span,
                f"\u201c{text}\u201d is page chrome ({chrome.why}), not article text; "
                "delete the line",
                fix=self.meta.fix,
                replacement="",
            )
