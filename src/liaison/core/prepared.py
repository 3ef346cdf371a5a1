"""Queries compiled once for what their caller names, then sent again as the same SQL.

Django takes longer to build and compile a query that carries the chokepoint's rules
(joins to linked records, the need-to-know subqueries, a union over every record family)
than the database takes to answer it: the dashboard built for its first reader after a
write spent about half its time there. `prepared(model, name, key, build)` compiles
`build()` the first time a connection meets `(name, key)`; afterwards it sends that SQL
with those parameters and reads the rows as Django would (the same converters, the same
model instances, prefetches included). A `slot` is the one parameter that changes from
call to call (a detail page's record): the query is compiled with a stand-in for it, and
each call sends its own value in the stand-in's place, as a prepared statement would.

The caller's `key` must name everything else the SQL is made of: the reader
(`reader_key`: the rules are built from it alone, which is why `core.visibility` keeps
its built queries too), and the caller's own parameters (a year, today's date, content
type ids). Each connection keeps its own (a compiler is bound to its connection, and
connections are per thread), the latest `SIZE` of them, forgotten after a migration or a
flush (`forget`): the content types the queries name may have been made anew.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, models, router
from django.db.models import prefetch_related_objects

#: Prepared queries kept per connection.
SIZE = 256
#: What a slot's query is compiled with: an id no row has (ids are positive), told apart
#: from every other parameter by its value, and within any integer column's range (Django
#: compiles a lookup beyond it as matching nothing).
STAND_IN = -2_104_093_917


class Prepared:
    """A queryset, never evaluated itself, whose query hands out one compiler, which says
    the SQL compiled first with the parameters of the call being run."""

    def __init__(self, queryset: models.QuerySet, slotted: bool):
        self.queryset = queryset
        compiler = queryset.query.get_compiler(using=queryset.db)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.slots = [i for i, value in enumerate(self.params) if value == STAND_IN]
        if slotted and not self.slots:
            raise ImproperlyConfigured(f"{queryset.query} does not take its slot's value.")
        self.current = (self.sql, tuple(self.params))
        compiler.as_sql = lambda *args, **kwargs: self.current
        queryset.query.get_compiler = lambda *args, **kwargs: compiler

    def run(self, slot) -> list:
        if self.slots:
            params = list(self.params)
            for position in self.slots:
                params[position] = slot
            self.current = (self.sql, tuple(params))
        queryset = self.queryset
        # What QuerySet._fetch_all does, without a copy of the queryset for its result cache.
        results = list(queryset._iterable_class(queryset))
        if queryset._prefetch_related_lookups:
            prefetch_related_objects(results, *queryset._prefetch_related_lookups)
        return results


def prepared(
    model: type[models.Model],
    name: str,
    key: tuple,
    build: Callable[..., models.QuerySet],
    *,
    slot: int | None = None,
) -> list:
    """The results of `build()` (of `build(slot)` when a slot is given: a list), compiled
    only when `(name, key)` is new."""
    alias = router.db_for_read(model)
    if slot is not None:
        low, high = connections[alias].ops.integer_field_range("BigIntegerField")
        if not low <= slot <= high:  # as Django reads a lookup beyond a column's range
            return []
    kept = kept_on(alias)
    found = kept.get((name, key))
    if found is None:
        built = build() if slot is None else build(STAND_IN)
        found = kept[(name, key)] = Prepared(built.using(alias), slotted=slot is not None)
        if len(kept) > SIZE:
            kept.popitem(last=False)
    else:
        kept.move_to_end((name, key))
    return found.run(slot)


def forget(**kwargs) -> None:
    """Drop every query this thread's connections prepared (a post_migrate receiver)."""
    for connection in connections.all(initialized_only=True):
        vars(connection).pop("liaison_prepared", None)


def kept_on(alias: str) -> OrderedDict:
    """The queries the connection `alias` of this thread has prepared, the latest last."""
    return vars(connections[alias]).setdefault("liaison_prepared", OrderedDict())
