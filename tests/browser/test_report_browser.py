"""The HTML report in a real headless browser (Debian's chromium driven by Playwright).

Two reports are built once for the module: the shared ketamine example exactly
as the linter sees it (its screenshot goes to ``test-artifacts/``), and a
several-article report that adds hostile articles (``<script>`` and
``onerror=`` in their text) and a few hand-made overlapping findings of every
severity, so filters, jumps and sorting have something to act on whatever
rules are installed. One browser serves every test; each page records console
errors and uncaught exceptions, and every test ends by asserting there were none.

Needs ``pip install playwright`` (the Python package only: never
``playwright install``) and ``apt-get install chromium``; skipped, with the
reason, when either is missing or ``../shared`` is not beside the repository.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from contentlint.document import Document, Span
from contentlint.findings import FileResult, Finding, LintResult, Severity
from contentlint.reporters import ReportOptions, RuleDoc, sorted_findings

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright Python package is not installed"
)

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
KETAMINE = SHARED / "examples" / "ketamine-seo-article.txt"
CHROMIUM = Path(os.environ.get("CONTENTLINT_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "test-artifacts"
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOSTILE_MD = """\
# Safe &lt;script&gt;window.__pwned = true&lt;/script&gt; title

Before &lt;script&gt;window.__pwned = true&lt;/script&gt; and
&lt;img src=x onerror="window.__pwned = true"&gt; after, with a raw
<script>window.__pwned = true</script> tag and <img src=x onerror="window.__pwned = true">.
"""
HOSTILE_HTML = """<!DOCTYPE html><html><head><title>Hostile page</title></head><body>
<main><article><h1>Hostile page</h1>
<p>Text &lt;script&gt;window.__pwned = true&lt;/script&gt; and
<a href="javascript:window.__pwned=true" onclick="window.__pwned=true">a link</a> and
&lt;img src=x onerror="window.__pwned = true"&gt; here.</p>
<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">
</article></main></body></html>"""
INJECTED = "<script>window.__pwned = true</script>"

TEST_RULES = {
    "CL990": RuleDoc(
        "CL990",
        "test-error",
        "sourcing",
        "error",
        "A test error.",
        "Exercises the error filter.",
        "Fix the test.",
        "",
    ),
    "CL991": RuleDoc(
        "CL991",
        "test-warning",
        "promises",
        "warning",
        "A test warning.",
        "Exercises the rule filter.",
        None,
        "",
    ),
}


def _skip_reason() -> str | None:
    if not CHROMIUM.is_file():
        return f"no chromium at {CHROMIUM} (apt-get install chromium chromium-driver)"
    if not KETAMINE.is_file():
        return f"shared example not found at {KETAMINE} (../shared is not beside the repo)"
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")


def _made(doc: Document, needle: str, code: str, sev: Severity, message: str) -> Finding:
    start = doc.source.index(needle)
    end = start + len(needle)
    a, b = doc.line_index.position(start), doc.line_index.position(end)
    category = TEST_RULES[code].category if code in TEST_RULES else "style"
    slug = TEST_RULES[code].slug if code in TEST_RULES else "test"
    return Finding(
        doc.path,
        a.line,
        a.column,
        b.line,
        b.column,
        code,
        slug,
        sev,
        message,
        doc.source[start:end],
        category=category,
        span=Span(start, end),
    )


def _with(file: FileResult, *extra: Finding) -> FileResult:
    return replace(file, findings=tuple(sorted(file.findings + extra)))


def in_rendered_text(document: Document, finding: Finding) -> bool:
    """Independently of the reporter: does any character a reader sees come from the span?"""
    span = finding.span
    if span.end <= span.start:
        return False
    for block in document.blocks:
        if block.span.start >= span.end or block.span.end <= span.start:
            continue
        for i in range(len(block.text)):
            char = block.source_span(i, i + 1)
            if char.start < span.end and span.start < char.end:
                return True
    return False


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from contentlint.docs import rule_docs
    from contentlint.engine import Linter, Overrides
    from contentlint.registry import Registry
    from contentlint.reporters.html import render

    tmp = tmp_path_factory.mktemp("html-report")
    (tmp / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    (tmp / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    registry = Registry.from_entry_points()
    linter = Linter(registry=registry, overrides=Overrides(keep_documents=True))
    docs = rule_docs(registry)

    ketamine = linter.lint_paths([str(KETAMINE)])
    single = tmp / "ketamine.html"
    with single.open("w", encoding="utf-8") as out:
        render(ketamine, out, ReportOptions(rules=docs))

    k = ketamine.files[0]
    assert k.document is not None
    extra = (
        _made(
            k.document,
            "Ketamine infusions, a unique approach",
            "CL991",
            Severity.WARNING,
            "a promise the section never keeps",
        ),
        _made(
            k.document, "a unique approach to treating", "CL990", Severity.ERROR, "unsourced claim"
        ),
        _made(k.document, "to treating depression", "CL991", Severity.WARNING, "crossing"),
    )
    others = linter.lint_paths([str(tmp / "hostile.md"), str(tmp / "hostile.html")])
    hostile = []
    for file in others.files:
        assert file.document is not None
        needle = "&lt;script&gt;window.__pwned"
        hostile.append(_with(file, _made(file.document, needle, "CL990", Severity.ERROR, INJECTED)))
    multi_result = LintResult((_with(k, *extra), *hostile))
    multi = tmp / "multi.html"
    with multi.open("w", encoding="utf-8") as out:
        render(multi_result, out, ReportOptions(rules={**docs, **TEST_RULES}))
    paths = sorted(file.path for file in multi_result.files)  # the report's section order
    sections = {path: f"#a{n}" for n, path in enumerate(paths)}
    return {
        "single": single,
        "ketamine": ketamine,
        "multi": multi,
        "ketamine_section": sections[k.path],
        "hostile_sections": [sections[file.path] for file in hostile],
    }


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield launched
        launched.close()


class Page:
    """A page plus the console errors and uncaught exceptions it produced."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.goto(path.as_uri())

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def visible_ids(self, selector: str) -> list[str]:
        return self.js(f"""() => Array.from(document.querySelectorAll({selector!r}))
            .filter(n => n.offsetParent !== null).map(n => n.dataset.f)""")


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    pages: list[Page] = []

    def opener(path: Path) -> Page:
        pages.append(Page(browser, path))
        return pages[-1]

    yield opener
    for page in pages:
        errors = list(page.errors)
        page.page.close()
        assert not errors, errors


def test_ketamine_report_highlights_every_finding(reports: dict[str, Any], open_page: Any) -> None:
    file = reports["ketamine"].files[0]
    findings = sorted_findings(file.findings)
    in_text = [f for f in findings if in_rendered_text(file.document, f)]
    assert in_text, "the ketamine example should have findings in its text"
    page = open_page(reports["single"])
    assert page.page.locator("mark[id]").count() == len(in_text)
    distinct = page.js(
        "() => new Set([...document.querySelectorAll('mark[data-f]')].map(m => m.dataset.f)).size"
    )
    assert distinct == len(in_text)
    assert page.page.locator("li.x").count() == len(findings) - len(in_text)
    assert page.page.locator("li.e").count() == len(findings)
    codes = sorted(
        page.js("() => [...document.querySelectorAll('mark[id]')].map(m => m.dataset.code)")
    )
    assert codes == sorted(f.code for f in in_text)

    first = page.page.locator("mark[id]").first
    first.scroll_into_view_if_needed()
    first.hover()
    pop = page.page.locator("#pop")
    assert pop.is_visible()
    shown = findings[int((first.get_attribute("data-f") or "0-0").split("-")[1])]
    assert shown.message in pop.inner_text()
    page.page.mouse.move(5, 5)
    assert not pop.is_visible()
    first.click()  # pinned: stays after the mouse leaves
    page.page.mouse.move(5, 5)
    assert pop.is_visible() and shown.code in pop.inner_text()
    page.page.keyboard.press("Escape")
    assert not pop.is_visible()

    # The artefacts: the highlighted article as it opens, and a highlight's popover.
    page.js("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "report-ketamine.png"))
    in_paragraph = page.page.locator("article.doc p mark[id]").first
    in_paragraph.scroll_into_view_if_needed()
    in_paragraph.click()
    assert pop.is_visible()
    page.page.screenshot(path=str(ARTIFACTS / "report-ketamine-popover.png"))


def test_filters_hide_and_show_entries_and_highlights(
    reports: dict[str, Any], open_page: Any
) -> None:
    page = open_page(reports["multi"])
    section = reports["ketamine_section"]
    entries = f"{section} li.e"
    all_ids = page.visible_ids(entries)
    sev_of = dict(
        page.js(f"""() => [...document.querySelectorAll({entries!r})]
        .map(e => [e.dataset.f, e.dataset.sev])""")
    )
    warnings = {f for f, sev in sev_of.items() if sev == "warning"}
    assert len(warnings) >= 2 and len(all_ids) > len(warnings)

    page.page.uncheck(f'{section} input[data-k="sev"][value="warning"]')
    shown = set(page.visible_ids(entries))
    assert shown == set(all_ids) - warnings
    off = set(
        page.js(f"""() => [...document.querySelectorAll('{section} mark.off')]
        .map(m => m.dataset.f)""")
    )
    assert off == warnings
    assert f"{len(shown)} of {len(all_ids)} shown" in page.page.inner_text(f"{section} .shown")

    page.page.check(f'{section} input[data-k="sev"][value="warning"]')
    assert page.visible_ids(entries) == all_ids
    assert page.page.locator(f"{section} mark.off").count() == 0

    page.page.uncheck(f'{section} input[data-k="rule"][value="CL990"]')
    hidden = set(all_ids) - set(page.visible_ids(entries))
    codes = dict(
        page.js(f"""() => [...document.querySelectorAll({entries!r})]
        .map(e => [e.dataset.f, e.dataset.code])""")
    )
    assert hidden == {f for f, code in codes.items() if code == "CL990"} and hidden
    page.page.click(f"{section} button.reset")
    assert page.visible_ids(entries) == all_ids


def test_entry_jumps_to_its_highlight(reports: dict[str, Any], open_page: Any) -> None:
    page = open_page(reports["multi"])
    entry = page.page.locator(f"{reports['ketamine_section']} li.e").last
    fid = entry.get_attribute("data-f")
    entry.locator("a.go").click()
    mark = page.page.locator(f"#m{fid}")
    assert "active" in (mark.get_attribute("class") or "")
    assert page.js(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight; }""",
        f"m{fid}",
    )
    assert page.page.locator("#pop").is_visible()
    for piece in page.page.locator(f'mark[data-f="{fid}"]').all():
        assert "active" in (piece.get_attribute("class") or "")


def test_overlapping_findings_nest_and_show_together(
    reports: dict[str, Any], open_page: Any
) -> None:
    page = open_page(reports["multi"])
    section = reports["ketamine_section"]
    nested = page.page.locator(f"{section} mark[data-code='CL990'] mark[data-f]").first
    nested.click()
    text = page.page.inner_text("#pop")
    assert "unsourced claim" in text and "CL991" in text
    assert "Exercises the error filter." in text  # the rule's explanation


def test_injected_script_never_runs(reports: dict[str, Any], open_page: Any) -> None:
    page = open_page(reports["multi"])
    for section in reports["hostile_sections"]:
        mark = page.page.locator(f"{section} mark[data-code='CL990']").first
        mark.hover()
        mark.click()
    assert page.js("() => typeof window.__pwned") == "undefined"
    assert page.js("() => document.images.length") == 0
    assert page.js("() => document.scripts.length") == 1
    texts = page.page.locator("article.doc").all_inner_texts()
    assert any(INJECTED in text for text in texts)
    assert any('onerror="window.__pwned = true"' in text for text in texts)
    assert INJECTED in page.page.inner_text("#pop")  # a hostile message stays text too


def test_index_sorts_by_column(reports: dict[str, Any], open_page: Any) -> None:
    page = open_page(reports["multi"])
    scores = (
        "() => [...document.querySelectorAll('table.idx tbody tr')].map(r => +r.cells[2].dataset.v)"
    )
    page.page.click("table.idx th:nth-child(3) button")
    ascending = page.js(scores)
    assert ascending == sorted(ascending)
    page.page.click("table.idx th:nth-child(3) button")
    assert page.js(scores) == sorted(ascending, reverse=True)
    assert page.page.get_attribute("table.idx th:nth-child(3)", "aria-sort") == "descending"
    page.page.locator("table.idx tbody tr").first.locator("a").click()
    assert page.js("() => location.hash").startswith("#a")
