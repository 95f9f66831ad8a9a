"""Stable identities for findings that survive edits elsewhere in the file.

A fingerprint hashes the rule code, the start of the flagged text with
whitespace and case normalised, and the occurrence number of that (code, text) pair in the file.
Line numbers are deliberately left out: reflowing a paragraph or adding one
above must not turn an old finding into a "new" one (baselines, SARIF
``partialFingerprints``).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from .findings import Finding

_SPACE = re.compile(r"\s+")
#: Version tag of the scheme; change it if the hashing changes.
SCHEME = "contentlint/v1"
_ANCHOR_CHARS = 48


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _anchor(finding: Finding) -> str:
    """The text a finding is known by: the start of what it flags, whitespace-normalised.

    NOTE: normalising whitespace lets a finding survive a reflowed paragraph; keeping
    only the first characters lets findings that span a whole section or passage
    (readability, off-topic) survive edits further inside them.
    """
    text = normalise(finding.excerpt)
    return text[:_ANCHOR_CHARS] if text else normalise(finding.message)


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, in the given order (which should be file order)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for f in findings:
        anchor = _anchor(f)
        key = (f.path, f.code, anchor)
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256(f"{f.code}\0{anchor}\0{occurrence}".encode()).hexdigest()
        out.append(digest[:32])
    return out
