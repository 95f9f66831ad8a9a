"""Stable identities for findings that survive edits elsewhere in the file.

A fingerprint hashes the rule code, the flagged text with whitespace and case
normalised, and the occurrence number of that (code, text) pair in the file.
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


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, in the given order (which should be file order)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for f in findings:
        anchor = normalise(f.excerpt) if f.excerpt.strip() else normalise(f.message)
        key = (f.path, f.code, anchor)
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256(f"{f.code}\0{anchor}\0{occurrence}".encode()).hexdigest()
        out.append(digest[:32])
    return out
