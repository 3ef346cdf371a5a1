"""A record's history as sentences: who changed which field from what to what, and why.

Read from django-auditlog's entries of the record and of its child rows (events, bodies'
roles, delegation members, attendance, attachments), in the reader's language: field labels
and choices translated, linked records named rather than numbered, and only what the reader
may see (a linked record they may not see is not named; a child row they may not see is left
out). Times are aware datetimes, shown by the template in Asia/Macau.

Core imports no record family: children and linked models are found through `_meta`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.template.defaultfilters import yesno
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from liaison.core import registry
from liaison.core.models import ChildModel, RecordModel, RowTrail
from liaison.core.prepared import prepared
from liaison.core.visibility import reader_key

#: Columns every row has whose change says nothing a reader needs (the entry says who/when).
QUIET_FIELDS = {"id", "agency", "created_by", "updated_by", "submitted_at", "approved_at"}
QUIET_FIELDS |= {"content_type", "object_id"}  # an attachment's record: the one shown
#: The attachment model, found by label: attachments hang on any record (generic relation).
ATTACHMENT = "attachments.Attachment"
ACTIONS = {
    LogEntry.Action.CREATE: "created",
    LogEntry.Action.UPDATE: "changed",
    LogEntry.Action.DELETE: "deleted",
}


@dataclass
class Change:
    """One field's change; `added`/`removed` for many-to-many fields."""

    label: str
    old: str = ""
    new: str = ""
    added: str = ""
    removed: str = ""


@dataclass
class Entry:
    at: datetime
    actor: str
    action: str  # "created", "changed" or "deleted"
    subject: str  # "" for the record itself, else the child row ("event “…”")
    changes: list[Change] = field(default_factory=list)
    reason: str = ""


def child_relations(model: type[Model]):
    """(child model, the child's field pointing at `model`) for each audited child row."""
    for relation in model._meta.related_objects:
        child = relation.related_model
        if (
            relation.one_to_many
            and auditlog.contains(child)
            and issubclass(child, ChildModel)
            and child.parent_field == relation.field.name
        ):
            yield child, relation.field.name


def entries_of(record, user):
    """The audit entries (changes, not views) of `record`, which `user` may see (history_for
    asks first), and of the child rows they may see, with those of deleted children, found
    through the trail of the record's rows."""
    children = [child for child, _ in child_relations(type(record))]
    if apps.is_installed("liaison.attachments"):
        children.append(apps.get_model(ATTACHMENT))
    types = ContentType.objects.get_for_models(type(record), *children)
    condition = Q(content_type=types[type(record)], object_id=record.pk)
    trailed = RowTrail.objects.filter(record_type=types[type(record)], record_id=record.pk)
    for child in children:
        rows = trailed.filter(row_type=types[child]).values("row_id")
        manager = child._default_manager
        if hasattr(manager, "visible_of"):  # the record is visible: check the rows' links
            # A row there is now: if the user may see it. A row created or deleted: by the
            # links its entry names (a row linking a record the user may not see is left
            # out later), so a deleted row's story is found.
            seen = Q(object_id__in=manager.visible_of(user, [record.pk]).values("pk"))
            told = Q(
                object_id__in=rows, action__in=[LogEntry.Action.CREATE, LogEntry.Action.DELETE]
            )
            condition |= Q(content_type=types[child]) & (seen | told)
        else:  # files are seen with their record, kept or deleted
            condition |= Q(content_type=types[child], object_id__in=rows)
    # Every entry is the record's or one of its trailed rows': read those by index first (the
    # rules of each kind of row, one OR, left the planner a scan of the whole log).
    own = type(record)._base_manager.filter(pk=record.pk).order_by().values("pk")
    candidates = trailed.order_by().values("row_id").union(own, all=True)
    return (
        LogEntry.objects.filter(condition, object_id__in=candidates)
        .exclude(action=LogEntry.Action.ACCESS)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


def history_for(record, user) -> list[Entry]:
    """The record's history, newest first, as `core/history.html` shows it."""
    if not may_see(record, user):
        return []
    logged = list(entries_of(record, user))
    names = linked_names(logged, user, known=names_at_hand(record))
    entries = []
    for log in logged:
        model = log.content_type.model_class()
        if model is None:
            continue
        changes = [
            change
            for name, values in (log.changes or {}).items()
            if (change := describe(model, name, values, names, log.action)) is not None
        ]
        if model is not type(record) and hides_a_link(model, log.changes or {}, names):
            continue
        entries.append(
            Entry(
                at=log.timestamp,
                actor=actor_name(log),
                action=ACTIONS[log.action],
                subject=""
                if model is type(record)
                else f"{model._meta.verbose_name} “{log.object_repr}”",
                changes=changes,
                reason=(log.additional_data or {}).get("reason", ""),
            )
        )
    return entries


def may_see(record, user) -> bool:
    """Whether `user` may see `record`; a page that read it through the chokepoint has
    said so already (`_visible_to`, as RecordModel.is_visible_to keeps it)."""
    answers = record.__dict__.get("_visible_to", {})
    if user.pk in answers:
        return answers[user.pk]
    manager = type(record)._default_manager
    return not hasattr(manager, "visible_to") or (
        manager.visible_to(user).filter(pk=record.pk).exists()
    )


def names_at_hand(record) -> dict[type[Model], dict[int, str]]:
    """The names of the records `record`'s page has read already: itself, what it links
    to, its rows read along (registry.shown_rows) and what they link to (each read through
    the chokepoint, or visible by the chokepoint's rule 5: what a visible record links to
    is visible)."""
    names: dict[type[Model], dict[int, str]] = defaultdict(dict)
    read = record.__dict__.get(registry.SHOWN, {})
    for item in [record, *(row for rows in read.values() for row in rows)]:
        names[type(item)][item.pk] = str(item)
        for model_field in item._meta.concrete_fields:
            if model_field.is_relation and model_field.is_cached(item):
                linked = model_field.get_cached_value(item)
                if linked is not None:
                    names[type(linked)][linked.pk] = str(linked)
    return names


def actor_name(log: LogEntry) -> str:
    if log.actor is None:
        return _("the system")
    return log.actor.get_full_name() or log.actor.get_username()


def linked_names(logged: list[LogEntry], user, known) -> dict[type[Model], dict[int, str]]:
    """The names of every record the entries link to, one query per linked model, through
    the chokepoint: a record the user may not see is missing from the result. `known`
    holds names already at hand (the record itself, which its children link to)."""
    wanted: dict[type[Model], set[int]] = defaultdict(set)
    for log in logged:
        model = log.content_type.model_class()
        for name, values in (log.changes or {}).items():
            target = foreign_key_target(model, name)
            if target is not None and name not in QUIET_FIELDS and isinstance(values, list):
                wanted[target].update(int(v) for v in values if str(v).isdigit())
    names = {model: dict(found) for model, found in known.items()}
    for target, ids in wanted.items():
        ids -= set(names.get(target, {}))
        if not ids:
            continue
        manager = target._default_manager
        rows = manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()
        names.setdefault(target, {}).update({pk: str(obj) for pk, obj in rows.in_bulk(ids).items()})
    return names


def foreign_key_target(model, name: str) -> type[Model] | None:
    try:
        found = model._meta.get_field(name)
    except Exception:
        return None
    return found.related_model if found.many_to_one or found.one_to_one else None


def hides_a_link(model, changes: dict, names) -> bool:
    """Whether a child row's entry points at a record the user may not see (an attendance
    of a hidden officer): such a row is left out, as it is from every list."""
    for name, values in changes.items():
        target = foreign_key_target(model, name)
        if (
            name in QUIET_FIELDS
            or target is None
            or not hasattr(target._default_manager, "visible_to")
        ):
            continue
        for value in values if isinstance(values, list) else []:
            if value not in (None, "") and int(value) not in names.get(target, {}):
                return True
    return False


def describe(model, name: str, values, names, action: int) -> Change | None:
    """One field's change in words, or None for a field a reader need not see."""
    if name in QUIET_FIELDS:
        return None
    try:
        model_field = model._meta.get_field(name)
    except Exception:
        return None
    if not model_field.concrete:
        return None
    label = str(model_field.verbose_name)
    if isinstance(values, dict):  # many-to-many: {"operation": "add", "objects": [...]}
        objects = ", ".join(str(item) for item in values.get("objects", []))
        if values.get("operation") == "add":
            return Change(label, added=objects)
        if values.get("operation") == "remove":
            return Change(label, removed=objects)
        return Change(label, new=objects)
    old, new = values if isinstance(values, list) and len(values) == 2 else (None, values)
    if action == LogEntry.Action.CREATE and old is None and new in ("", None, [], {}):
        return None
    return Change(label, show(model_field, old, names), show(model_field, new, names))


def show(model_field, value, names) -> str:
    """A stored value as its reader should see it."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if model_field.many_to_one or model_field.one_to_one:
        found = names.get(model_field.related_model, {}).get(int(value))
        return found if found is not None else _("a record you may not see")
    if model_field.choices:
        choices = {str(key): label for key, label in model_field.flatchoices}
        return str(choices.get(str(value), value))
    kind = model_field.get_internal_type()
    if kind == "BooleanField":
        return yesno(value in (True, "True", "true", 1))
    if kind == "DateField":
        parsed = parse_date(str(value)[:10])
        return formats.date_format(parsed) if parsed else str(value)
    if kind == "DateTimeField":
        parsed = parse_datetime(str(value))
        if parsed is None:
            return str(value)
        if timezone.is_naive(parsed):
            parsed = parsed.replace(tzinfo=UTC)
        return formats.date_format(timezone.localtime(parsed), "DATETIME_FORMAT")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, (int, float)) or kind == "DecimalField":
        return formats.localize(value)
    return str(value)


@dataclass
class Recent:
    """A line of the dashboard's recent changes."""

    at: datetime
    actor: str
    action: str
    family: str
    name: str


def recent_changes(user, limit: int = 10) -> list[Recent]:
    """The latest changes to records `user` may see, across every record family, in one
    query: a union of each family's latest `limit` entries, the latest `limit` of them all.
    Each family's are read back from the log's index by kind and time, each checked until
    enough are found (EXISTS: with IN, SQLite read the entries of every visible record)."""
    record_models = [m for m in apps.get_models() if issubclass(m, RecordModel)]
    types = ContentType.objects.get_for_models(*record_models)
    key = (reader_key(user), limit, tuple(sorted(kind.pk for kind in types.values())))
    logged = prepared(LogEntry, "recent_changes", key, lambda: latest_entries(user, types, limit))
    return [
        Recent(
            log.timestamp,
            actor_name(log),
            ACTIONS[log.action],
            log.content_type.name,
            log.object_repr,
        )
        for log in logged
    ]


def latest_entries(user, types: dict, limit: int) -> QuerySet[LogEntry]:
    """The latest `limit` entries, of records of `types` that `user` may see (compiled once
    per reader: a union with each family's rules)."""
    latest = [
        LogEntry.objects.filter(
            Exists(model.objects.visible_to(user).filter(pk=OuterRef("object_id"))),
            content_type=content_type,
        )
        .exclude(action=LogEntry.Action.ACCESS)
        .order_by("-timestamp", "-pk")
        .values("pk")[:limit]
        for model, content_type in types.items()
    ]
    # SQLite takes no LIMIT in a member of a UNION; in an IN subquery it does.
    first, *others = [LogEntry.objects.filter(pk__in=ids).order_by().values("pk") for ids in latest]
    return (
        LogEntry.objects.filter(pk__in=first.union(*others, all=True))
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")[:limit]
    )
