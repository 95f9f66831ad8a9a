"""Building a rule's typed Options dataclass from its config table.

The dataclass is the only schema: field names (kebab-case in TOML), types,
defaults and docs. Values are type-checked here, with messages naming the
config file, the rule and the option.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, Union

from .errors import ConfigError
from .rule import option_fields

#: Keys of a ``[rules.<slug>]`` table that belong to the engine, not the rule.
ENGINE_KEYS = frozenset({"severity", "enabled"})


def build_options(options_cls: type, raw: Mapping[str, Any], source: str, slug: str) -> Any:
    fields = {f.name: f for f in option_fields(options_cls)}
    hints = typing.get_type_hints(options_cls) if fields else {}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ENGINE_KEYS:
            continue
        name = key.replace("-", "_")
        if name not in fields:
            known = ", ".join(n.replace("_", "-") for n in fields) or "none"
            raise ConfigError(
                source, f"unknown option {key!r} for rule {slug!r} (known options: {known})"
            )
        try:
            values[name] = _coerce(value, hints[name])
        except (TypeError, ValueError) as exc:
            raise ConfigError(source, f"rules.{slug}.{key}: {exc}") from None
    try:
        return options_cls(**values)
    except (TypeError, ValueError) as exc:  # validation in the rule's own __post_init__
        raise ConfigError(source, f"rules.{slug}: {exc}") from None


def _coerce(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _coerce(value, arg)
            except (TypeError, ValueError) as exc:
                errors.append(str(exc))
        raise TypeError("; ".join(errors))
    if origin is typing.Literal:
        if value not in args:
            raise ValueError(f"must be one of {', '.join(map(repr, args))}, not {value!r}")
        return value
    if origin in (tuple, frozenset, list, set):
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"must be a list, not {type(value).__name__}")
        item = args[0] if args else Any
        items = [_coerce(v, item) for v in value]
        return frozenset(items) if origin in (frozenset, set) else tuple(items)
    if hint is Any:
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise TypeError(f"must be true or false, not {value!r}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"must be an integer, not {value!r}")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"must be a number, not {value!r}")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise TypeError(f"must be a string, not {value!r}")
        return value
    if dataclasses.is_dataclass(hint):
        raise TypeError("nested option tables are not supported")
    return value
