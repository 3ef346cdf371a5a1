"""Queries compiled once for what their caller names, then sent again as the same SQL.

Django takes longer to build and compile a query that carries the chokepoint's rules
(joins to linked records, the need-to-know subqueries, a union over every record family)
than the database takes to answer it: the dashboard built for its first reader after a
write spent about half its time there. `prepared(model, name, key, build)` compiles
`build()` the first time a connection meets `(name, key)`; afterwards it sends that SQL
with those parameters and reads the rows as Django would (the same converters, the same
model instances, prefetches included).

The caller's `key` must name everything the SQL is made of: the reader (`reader_key`:
the rules are built from it alone, which is why `core.visibility` keeps its built queries
too), and the caller's own parameters (a year, today's date, content type ids). Each
connection keeps its own (a compiler is bound to its connection, and connections are per
thread), the latest `SIZE` of them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from django.db import connections, models, router
from django.db.models import prefetch_related_objects

#: Prepared queries kept per connection.
SIZE = 256


def prepared(
    model: type[models.Model], name: str, key: tuple, build: Callable[[], models.QuerySet]
):
    """The results of `build()` (a list), compiled only when `(name, key)` is new."""
    alias = router.db_for_read(model)
    kept = kept_on(alias)
    template = kept.get((name, key))
    if template is None:
        template = kept[(name, key)] = _compiled(build().using(alias))
        if len(kept) > SIZE:
            kept.popitem(last=False)
    else:
        kept.move_to_end((name, key))
    # What QuerySet._fetch_all does, without a copy of the queryset for its result cache.
    results = list(template._iterable_class(template))
    if template._prefetch_related_lookups:
        prefetch_related_objects(results, *template._prefetch_related_lookups)
    return results


def kept_on(alias: str) -> OrderedDict:
    """The queries the connection `alias` of this thread has prepared, the latest last."""
    return vars(connections[alias]).setdefault("liaison_prepared", OrderedDict())


def _compiled(queryset: models.QuerySet) -> models.QuerySet:
    """`queryset`, never evaluated itself, whose query hands out one compiler, which says
    the SQL it compiled now."""
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql = compiler.as_sql()
    compiler.as_sql = lambda *args, **kwargs: sql
    queryset.query.get_compiler = lambda *args, **kwargs: compiler
    return queryset
