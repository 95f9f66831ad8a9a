"""ACME's house rules for contentlint: one pack, one entry point."""

from __future__ import annotations

from .click_here import ClickHereLink

RULES = (ClickHereLink,)
