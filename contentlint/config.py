"""Configuration: finding, reading and validating ``[tool.contentlint]`` settings.

The nearest config file above a checked file wins (``contentlint.toml``,
``.contentlint.toml``, or a ``pyproject.toml`` with a ``[tool.contentlint]``
table, in that order within one directory); ``--config`` overrides discovery.
Unknown keys and bad values raise :class:`ConfigError` naming file and key.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

CONFIG_NAMES = ("contentlint.toml", ".contentlint.toml", "pyproject.toml")

AUDIENCES: dict[str, dict[str, float]] = {
    # Flesch reading ease >= min_reading_ease and Flesch-Kincaid grade <= max_grade.
    "general": {"min_reading_ease": 60.0, "max_grade": 8.0},
    "professional": {"min_reading_ease": 40.0, "max_grade": 12.0},
    "academic": {"min_reading_ease": 20.0, "max_grade": 16.0},
}

FAIL_ON_CHOICES = ("error", "warning", "info", "never")

_DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
)


@dataclass(frozen=True)
class Audience:
    """Readability targets (CL501). The presets set the two Flesch targets; Gunning Fog,
    SMOG and Dale-Chall are always reported but only checked when a custom table sets them."""

    name: str
    min_reading_ease: float
    max_grade: float  # Flesch-Kincaid grade
    max_gunning_fog: float | None = None
    max_smog: float | None = None
    max_dale_chall: float | None = None


#: Audience table keys (TOML spelling) that hold optional targets, beside the presets' two.
_OPTIONAL_TARGETS = ("max-gunning-fog", "max-smog", "max-dale-chall")


def default_audience() -> Audience:
    return Audience("general", **AUDIENCES["general"])


@dataclass(frozen=True)
class Config:
    """Validated settings. ``root`` is the directory relative globs and plugins resolve against."""

    source: str = "<defaults>"
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    audience: Audience = field(default_factory=default_audience)
    language: str = "auto"
    model: str | None = None
    plugins: tuple[Path, ...] = ()
    fail_on: str | None = None
    max_file_size: int = 50 * 1024 * 1024


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a directory)."""
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    # NOTE: a cheap textual check first; the full parse happens in load_config.
    return "[tool.contentlint" in text


def load_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read config: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("contentlint", {})
    return parse_config(data, source=str(path), root=path.parent.resolve())


_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "severity",
    "rules",
    "per-file-ignores",
    "include",
    "exclude",
    "audience",
    "language",
    "model",
    "plugins",
    "fail-on",
    "max-file-size",
}


def parse_config(data: Mapping[str, Any], source: str, root: Path) -> Config:
    """Validate a raw settings table (already unwrapped from ``[tool.contentlint]``)."""
    data = {str(k).replace("_", "-"): v for k, v in data.items()}
    for key in data:
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(source, f"unknown key {key!r} (known keys: {known})")
    check = _Checker(source)
    select = check.str_list(data, "select") if "select" in data else None
    severity = {
        sel: check.severity(value, f"severity.{sel}")
        for sel, value in check.table(data, "severity").items()
    }
    rules = {}
    for slug, table in check.table(data, "rules").items():
        if not isinstance(table, Mapping):
            raise ConfigError(source, f"rules.{slug} must be a table of options")
        rules[str(slug)] = dict(table)
    per_file = {
        str(glob): check.str_list({"v": v}, "v", f"per-file-ignores.{glob}")
        for glob, v in check.table(data, "per-file-ignores").items()
    }
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON_CHOICES:
        raise ConfigError(source, f"fail-on must be one of {', '.join(FAIL_ON_CHOICES)}")
    max_size = data.get("max-file-size", Config.max_file_size)
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
        raise ConfigError(source, "max-file-size must be a positive integer (bytes)")
    model = data.get("model")
    if model is not None and not isinstance(model, str):
        raise ConfigError(source, "model must be a string naming an installed spaCy pipeline")
    language = data.get("language", "auto")
    if not isinstance(language, str) or not language:
        raise ConfigError(source, "language must be 'auto' or an ISO 639-1 code such as 'en'")
    return Config(
        source=source,
        root=root,
        select=select,
        ignore=check.str_list(data, "ignore"),
        extend_select=check.str_list(data, "extend-select"),
        severity=severity,
        rules=rules,
        per_file_ignores=per_file,
        include=check.str_list(data, "include"),
        exclude=check.str_list(data, "exclude"),
        audience=_audience(data.get("audience", "general"), source),
        language=language.lower(),
        model=model or None,
        plugins=tuple(root / p for p in check.str_list(data, "plugins")),
        fail_on=fail_on,
        max_file_size=max_size,
    )


def _audience(value: Any, source: str) -> Audience:
    if isinstance(value, str):
        if value not in AUDIENCES:
            raise ConfigError(
                source, f"audience {value!r} is not a preset ({', '.join(AUDIENCES)}) "
                "or a table with min-reading-ease and max-grade"
            )
        return Audience(value, **AUDIENCES[value])
    if isinstance(value, Mapping):
        table = {str(k).replace("_", "-"): v for k, v in value.items()}
        base = table.pop("preset", "general")
        if base not in AUDIENCES:
            raise ConfigError(source, f"audience.preset {base!r} is not one of {', '.join(AUDIENCES)}")
        numbers: dict[str, float | None] = dict(AUDIENCES[base])
        known = (*(k.replace("_", "-") for k in numbers), *_OPTIONAL_TARGETS)
        for key, v in table.items():
            attr = key.replace("-", "_")
            if key not in known:
                raise ConfigError(source, f"unknown key audience.{key} (use {', '.join(known)})")
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                raise ConfigError(source, f"audience.{key} must be a number")
            numbers[attr] = float(v)
        return Audience("custom", **numbers)  # type: ignore[arg-type]
    raise ConfigError(source, "audience must be a preset name or a table")


class _Checker:
    """Type checks with messages that name the config file and the key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def str_list(self, data: Mapping[str, Any], key: str, label: str | None = None) -> tuple[str, ...]:
        value = data.get(key, ())
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(self.source, f"{label or key} must be a list of strings")
        return tuple(value)

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            raise ConfigError(self.source, f"{key} must be a table")
        return value

    def severity(self, value: Any, label: str) -> Severity:
        if not isinstance(value, str):
            raise ConfigError(self.source, f"{label} must be a string")
        try:
            return Severity.parse(value)
        except ValueError as exc:
            raise ConfigError(self.source, f"{label}: {exc}") from None


def default_exclude() -> tuple[str, ...]:
    return _DEFAULT_EXCLUDE
