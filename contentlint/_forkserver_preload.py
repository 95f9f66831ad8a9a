"""Imported once by the forkserver (see ``parallel._context``): workers fork with spaCy ready."""

from __future__ import annotations

from .parallel import preload

preload()
