"""Generates the rule list in README.md from the registry (`python -m contentlint.docs_gen --write`).

A test compares the README with this output, so the docs cannot fall behind the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .registry import Registry

_BLOCK = re.compile(r"(<!-- rules:start -->\n)(.*?)(<!-- rules:end -->)", re.S)


def rules_table(registry: Registry) -> str:
    rows = [
        "| Code | Slug | Category | Severity | What it finds |",
        "| --- | --- | --- | --- | --- |",
    ]
    for meta in registry.metas():
        rows.append(
            f"| {meta.code} | `{meta.slug}` | {meta.category.value} | {meta.severity.value} "
            f"| {meta.summary} |"
        )
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    readme = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("-") else Path("README.md")
    table = rules_table(Registry.from_entry_points())
    if "--write" not in argv:
        sys.stdout.write(table)
        return 0
    text = readme.read_text(encoding="utf-8")
    new, count = _BLOCK.subn(lambda m: m.group(1) + table + m.group(3), text)
    if count != 1:
        sys.stderr.write(f"{readme}: no <!-- rules:start --> block\n")
        return 1
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
