"""The built-in rules, installed as ``contentlint.rules``.

``RULES`` is the explicit, reviewable list the ``contentlint.rules`` entry point
names, exactly as a third-party plugin package would. Siblings are imported
relatively so this folder works under either name.
"""

from __future__ import annotations

from .long_sentence import LongSentence

RULES = (LongSentence,)

__all__ = ["RULES"]
