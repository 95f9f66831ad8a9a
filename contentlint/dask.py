"""Checking corpora beyond one machine with Dask: ``pip install "contentlint[dask]"``.

:func:`lint_bag` takes a ``dask.bag.Bag`` of ``(id, text, format)`` tuples and
returns a bag of finding records (plain dicts) or a Dask DataFrame of them.
Each worker process builds one linter, and so one spaCy pipeline, on its
first partition and keeps it for every later one (threads in a worker share
it under a lock; prefer one thread per worker process). Settings travel as
one small picklable value; texts are never gathered on the client.

Example::

    import dask.bag as db
    from distributed import Client
    from contentlint.dask import lint_bag

    client = Client(n_workers=8, threads_per_worker=1)
    bag = db.from_sequence(((row.id, row.body, "html") for row in rows), npartitions=64)
    findings = lint_bag(bag, dataframe=True, ignore=["CL502"]).compute()
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .api import settings

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

    from .engine import Overrides
    from .findings import FileResult

__all__ = ["FINDING_COLUMNS", "lint_bag", "lint_bag_results"]

#: Columns (and dtypes) of the findings DataFrame, in order; ``id`` is the input's id.
FINDING_COLUMNS: dict[str, str] = {
    "id": "object",
    "path": "object",
    "code": "object",
    "slug": "object",
    "category": "object",
    "severity": "object",
    "message": "object",
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "end_column": "int64",
    "offset": "int64",
    "end_offset": "int64",
    "excerpt": "object",
    "fix": "object",
    "replacement": "object",
}


def lint_bag(
    bag: dask.bag.Bag, *, dataframe: bool = False, **options: Any
) -> dask.bag.Bag | dask.dataframe.DataFrame:
    """Finding records for a bag of ``(id, text, format)``; ``format`` may be None (text).

    ``options`` are those of :func:`contentlint.api.settings` (``config``,
    ``select``, ``ignore``, ``language``, ...). With ``dataframe=True`` the
    result is a Dask DataFrame with :data:`FINDING_COLUMNS`; otherwise a bag
    of dicts with those keys. Files without findings contribute no rows; use
    :func:`lint_bag_results` for per-file results and metrics.
    """
    options.setdefault("metrics", False)  # records carry no metrics: skip computing them
    overrides = settings(**options)
    records = bag.map_partitions(_finding_records, overrides)
    if dataframe:
        return records.to_dataframe(meta=FINDING_COLUMNS)
    return records


def lint_bag_results(bag: dask.bag.Bag, **options: Any) -> dask.bag.Bag:
    """A bag of ``(id, FileResult)``: findings, metrics and language of every input."""
    return bag.map_partitions(_results, settings(**options))


Items = Iterable[tuple[Any, str, "str | None"]]


def _results(items: Items, overrides: Overrides) -> list[tuple[Any, FileResult]]:
    from .parallel import lint_texts

    return list(lint_texts(items, overrides))


def _finding_records(items: Items, overrides: Overrides) -> list[dict[str, Any]]:
    out = []
    for ident, result in _results(items, overrides):
        for finding in result.findings:
            record = finding.to_dict()
            out.append({column: record.get(column) for column in FINDING_COLUMNS} | {
                "id": ident,
                "path": finding.path,
            })
    return out
