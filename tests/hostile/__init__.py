"""Hostile and broken input: every kind of file a repository holds, and none may crash the run."""
