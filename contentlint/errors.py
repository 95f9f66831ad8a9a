"""Domain exceptions. Each names what it is about (file, key, plugin) in its message."""

from __future__ import annotations


class ContentlintError(Exception):
    """Base class for errors contentlint reports to the user in one line."""


class ConfigError(ContentlintError):
    """A config file is unreadable or holds an unknown key or a bad value (exit 2)."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source


class PluginError(ContentlintError):
    """A plugin could not be loaded or declares invalid rules (exit 2)."""

    def __init__(self, plugin: str, message: str) -> None:
        super().__init__(f"plugin {plugin}: {message}")
        self.plugin = plugin


class UsageError(ContentlintError):
    """The command line asks for something impossible (exit 2)."""


class InputError(ContentlintError):
    """One input file cannot be read or decoded; reported as a CL0xx finding for that file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ParseError(InputError):
    """One input file cannot be parsed in its format."""
