"""What deleting records takes with it, split by what the user deleting them may see.

Deleting a body takes its rows with it and is stopped by the records that refer to it; some
of those may be hidden from the user (a confidential register entry). The service refuses
to delete what a hidden record depends on, and the admin's delete page lists and counts
only what the user may see, so neither reveals a hidden record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.admin.utils import NestedObjects
from django.db import models, router


def _readable(model):
    """The model's visibility query, if its rows are read through the chokepoint."""
    return getattr(model._default_manager, "visible_to", None)


def _visible_keys(objects: Iterable[models.Model], user) -> set[tuple[type, object]]:
    """(model, pk) of the objects `user` may see. A row read through the chokepoint is
    visible when it says so; any other row (a many-to-many link, say) when every record it
    links is."""
    by_model: dict[type, list] = defaultdict(list)
    for obj in objects:
        by_model[type(obj)].append(obj)
    visible = set()
    for model, rows in by_model.items():
        readable = _readable(model)
        if readable is not None:
            shown = readable(user).filter(pk__in=[row.pk for row in rows])
            visible |= {(model, pk) for pk in shown.values_list("pk", flat=True)}
            continue
        links = [
            field
            for field in model._meta.concrete_fields
            if field.many_to_one and _readable(field.related_model) is not None
        ]
        shown_links = {
            field.attname: set(
                _readable(field.related_model)(user)
                .filter(pk__in={getattr(row, field.attname) for row in rows})
                .values_list("pk", flat=True)
            )
            for field in links
        }
        visible |= {
            (model, row.pk)
            for row in rows
            if all(
                getattr(row, attname) is None or getattr(row, attname) in shown
                for attname, shown in shown_links.items()
            )
        }
    return visible


class Deletion:
    """Everything deleting `objects` would delete, and what protects them from deletion."""

    def __init__(self, objects: Iterable[models.Model], user):
        objects = list(objects)
        self.collector = NestedObjects(using=router.db_for_write(type(objects[0])))
        self.collector.collect(objects)
        everything = [
            *(obj for group in self.collector.model_objs.values() for obj in group),
            *self.collector.protected,
        ]
        self.visible = _visible_keys(everything, user)
        self.hidden = [obj for obj in everything if not self.is_visible(obj)]

    def is_visible(self, obj) -> bool:
        return (type(obj), obj.pk) in self.visible


def hidden_dependents(objects: Iterable[models.Model], user) -> list[models.Model]:
    """What deleting `objects` would delete or is stopped by, that `user` may not see."""
    return Deletion(objects, user).hidden
