"""Exclude/include globs: the compiled matcher answers exactly as fnmatch and PurePath.match do."""

from __future__ import annotations

import fnmatch
from pathlib import Path, PurePosixPath

from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.config import default_exclude
from contentlint.files import matches_any

NAMES = ["a", "b", "docs", "node_modules", ".git", "x.md", "y.txt", "draft", "drafts", ".venv",
         "site", "a.b", "[x]", "venv", "*"]
GLOBS = [*default_exclude(), "docs/*.md", "*.txt", "/tmp/*", "/abs/docs/x.md", "draft*", "**/x.md",
         "a/**", "[ab]", "*/b/*", "?.md", "site/", "/"]


def reference(path: Path, globs: list[str]) -> bool:
    """The definition: fnmatch on the path or a trailing part, or PurePosixPath.match."""
    posix = PurePosixPath(path.as_posix())
    parts = posix.parts
    candidates = {"/".join(parts[i:]) for i in range(len(parts))}
    return any(fnmatch.fnmatchcase(c, g) or posix.match(g) for g in globs for c in candidates)


@settings(max_examples=400, deadline=None)
@given(
    rooted=st.booleans(),
    parts=st.lists(st.sampled_from(NAMES), min_size=1, max_size=5),
    globs=st.lists(st.sampled_from(GLOBS), min_size=1, max_size=5),
)
def test_compiled_globs_match_the_definition(rooted: bool, parts: list[str], globs: list[str]) -> None:
    path = Path(("/" if rooted else "") + "/".join(parts))
    assert matches_any(path, globs) == reference(path, globs)


def test_default_excludes_skip_tool_folders() -> None:
    assert matches_any(Path("site/node_modules"), list(default_exclude()))
    assert matches_any(Path("/repo/.git"), list(default_exclude()))
    assert not matches_any(Path("site/docs/post.md"), list(default_exclude()))
