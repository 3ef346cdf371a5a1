"""The audit trail as one timeline: change log entries and events, newest first, each told
as a sentence in the reader's language (core.history's words for the field changes).

What is listed is what audit.queries lists; what is said of an entry or an event about a
record the reader may not see is only who did what to which kind of record, and when.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from liaison.audit.models import AuditEvent
from liaison.audit.queries import events_for, log_entries_for
from liaison.audit.scope import RECORD_ID, RECORD_TYPE, SCOPE_KEYS
from liaison.core import history
from liaison.core.models import RecordModel

#: The kinds of change log entry, by the names the filter offers.
ACTIONS = {
    "created": LogEntry.Action.CREATE,
    "changed": LogEntry.Action.UPDATE,
    "deleted": LogEntry.Action.DELETE,
    "viewed": LogEntry.Action.ACCESS,
}


@dataclass
class Line:
    at: datetime
    actor: str
    address: str
    kind: str
    family: str
    sentence: str
    details: list[str] = field(default_factory=list)
    withheld: bool = False


@dataclass
class Criteria:
    """What the filter form asks for; empty values filter nothing."""

    who: str = ""
    family: ContentType | None = None
    record: str = ""
    kind: str = ""
    since: object = None
    until: object = None


def actor_matches(word: str, prefix: str = "actor__") -> Q:
    return (
        Q(**{f"{prefix}username__icontains": word})
        | Q(**{f"{prefix}first_name__icontains": word})
        | Q(**{f"{prefix}last_name__icontains": word})
    )


def entries(user, criteria: Criteria) -> QuerySet:
    found = log_entries_for(user)
    if criteria.who:
        found = found.filter(actor_matches(criteria.who))
    if criteria.family is not None:
        found = found.filter(content_type=criteria.family)
    if criteria.record:  # words of a record are searched only where they may be read
        found = found.filter(readable=True, object_repr__icontains=criteria.record)
    if criteria.kind:
        if criteria.kind not in ACTIONS:
            return found.none()
        found = found.filter(action=ACTIONS[criteria.kind])
    if criteria.since:
        found = found.filter(timestamp__date__gte=criteria.since)
    if criteria.until:
        found = found.filter(timestamp__date__lte=criteria.until)
    return found.select_related("actor", "content_type").order_by("-timestamp", "-pk")


def events(user, criteria: Criteria) -> QuerySet:
    found = events_for(user)
    if criteria.family is not None or criteria.record:
        return found.none()
    if criteria.who:
        found = found.filter(actor_matches(criteria.who) | Q(details__username=criteria.who))
    if criteria.kind:
        if criteria.kind in ACTIONS:
            return found.none()
        found = found.filter(kind=criteria.kind)
    if criteria.since:
        found = found.filter(at__date__gte=criteria.since)
    if criteria.until:
        found = found.filter(at__date__lte=criteria.until)
    return found.select_related("actor").order_by("-at", "-pk")


def count(user, criteria: Criteria) -> int:
    return entries(user, criteria).count() + events(user, criteria).count()


def lines(user, criteria: Criteria, start: int, stop: int) -> list[Line]:
    """Lines `start` to `stop` of the timeline (both sources merged by time)."""
    logged = list(entries(user, criteria)[:stop])
    happened = list(events(user, criteria)[:stop])
    merged = heapq.merge(
        ((log.timestamp, log) for log in logged),
        ((event.at, event) for event in happened),
        key=lambda pair: pair[0],
        reverse=True,
    )
    shown = [row for _, row in merged][start:stop]
    names = history.linked_names(
        [row for row in shown if isinstance(row, LogEntry) and row.readable], user, known={}
    )
    readable_events = _readable_events([row for row in shown if isinstance(row, AuditEvent)], user)
    return [
        entry_line(row, names) if isinstance(row, LogEntry) else event_line(row, readable_events)
        for row in shown
    ]


def entry_line(log: LogEntry, names) -> Line:
    who = history.actor_name(log)
    family = str(log.content_type.name)
    model = log.content_type.model_class()
    if log.readable:
        subject = f"{family} “{log.object_repr}”"
    else:
        subject = _("a record (%(family)s) you may not read") % {"family": family}
    sentences = {
        LogEntry.Action.CREATE: _("%(who)s created %(subject)s."),
        LogEntry.Action.UPDATE: _("%(who)s changed %(subject)s."),
        LogEntry.Action.DELETE: _("%(who)s deleted %(subject)s."),
        LogEntry.Action.ACCESS: _("%(who)s viewed %(subject)s."),
    }
    details = []
    if log.readable and model is not None and log.action != LogEntry.Action.ACCESS:
        for name, values in (log.changes or {}).items():
            change = history.describe(model, name, values, names, log.action)
            if change is not None:
                details.append(change_text(change))
        if reason := (log.additional_data or {}).get("reason"):
            details.append(_("Reason given: %(reason)s") % {"reason": reason})
    return Line(
        at=log.timestamp,
        actor=who,
        address=log.remote_addr or "",
        kind=str(log.get_action_display()),
        family=family,
        sentence=sentences[log.action] % {"who": who, "subject": subject},
        details=details,
        withheld=not log.readable,
    )


def change_text(change: history.Change) -> str:
    """One field's change, in the words of core/history.html."""
    words = {"label": change.label, "old": change.old, "new": change.new}
    if change.added:
        return _("%(label)s: added %(added)s") % {**words, "added": change.added}
    if change.removed:
        return _("%(label)s: removed %(removed)s") % {**words, "removed": change.removed}
    if change.old and change.new:
        return _("%(label)s from “%(old)s” to “%(new)s”") % words
    if change.new:
        return _("%(label)s set to “%(new)s”") % words
    return _("%(label)s emptied (was “%(old)s”)") % words


def event_line(event: AuditEvent, readable: set[int]) -> Line:
    who = event.actor.get_full_name() or event.actor.get_username() if event.actor else ""
    kind = str(event.get_kind_display())
    shown = event.pk in readable
    details = [
        f"{key}: {value}"
        for key, value in sorted(event.details.items())
        if key not in SCOPE_KEYS and shown
    ]
    if who:
        sentence = _("%(who)s: %(kind)s.") % {"who": who, "kind": kind}
    else:
        sentence = _("%(kind)s.") % {"kind": kind}
    return Line(
        at=event.at,
        actor=who,
        address=event.remote_addr or "",
        kind=kind,
        family="",
        sentence=sentence,
        details=details,
        withheld=not shown,
    )


def _readable_events(happened: list[AuditEvent], user) -> set[int]:
    """The events whose details `user` may read: those about no record, or about a record
    visible to them (one query per kind of record)."""
    about: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    readable = set()
    for event in happened:
        if RECORD_TYPE in event.details:
            about[event.details[RECORD_TYPE]][event.details.get(RECORD_ID)].append(event.pk)
        else:
            readable.add(event.pk)
    for type_id, by_record in about.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or not issubclass(model, RecordModel):
            continue
        visible = model.objects.visible_to(user).filter(pk__in=list(by_record))
        for pk in visible.values_list("pk", flat=True):
            readable.update(by_record[pk])
    return readable
