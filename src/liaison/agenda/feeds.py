"""A user's iCalendar feeds (RFC 5545): everything they may see, or one kind of it.

Each record is one all-day event (the records have dates, not times) whose UID never
changes and whose SEQUENCE is the record's version less one, so a calendar that subscribed
updates the event in place when the record changes. DTSTAMP is the record's last change,
as RFC 5545 asks of a feed without a METHOD, so the bytes change only when a record does.
A waived obligation stays, cancelled; a draft activity is tentative; one known only to
the year is left out (a year-long event would cover every day of the subscriber's year).
Titles, kinds and places are in the user's language. `feed_bytes` is what the pages and
the API serve.
"""

from __future__ import annotations

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from liaison.activities.models import Activity
from liaison.agenda.choices import OBLIGATION, EntryKind
from liaison.agenda.entries import (
    Entry,
    activity_entries,
    dated_activities,
    in_order,
    obligation_entries,
)
from liaison.partners.models import Obligation

#: The feed of every kind; the others are named by their kind (EntryKind).
ALL = "all"
FEED_KINDS = (ALL, *EntryKind.values)
PRODUCT = "-//Liaison//Calendar feed//EN"


def feed_entries(user, kind: str) -> list[Entry]:
    """Every dated record of `kind` (or all) the user may see."""
    found = []
    if kind in (ALL, OBLIGATION):
        found += obligation_entries(Obligation.objects.visible_to(user))
    if kind != OBLIGATION:
        activities = dated_activities(Activity.objects.visible_to(user))
        if kind != ALL:
            activities = activities.filter(kind=kind)
        found += activity_entries(activities, user)
    return in_order(found)


def uid_of(record) -> str:
    """Stable across edits: the record's family, number and agency."""
    return f"{record._meta.model_name}-{record.pk}.{record.agency_id}@liaison"


def status_of(entry: Entry) -> str:
    if entry.cancelled:
        return "CANCELLED"
    return "CONFIRMED" if entry.record.is_approved else "TENTATIVE"


def description_of(entry: Entry) -> str:
    lines = [entry.kind_label]
    if entry.month_only:
        lines.append(_("Known only to the month: the day is not recorded."))
    if entry.deadline:
        lines.append(str(entry.deadline.label))
    if entry.is_obligation and entry.record.waived_reason:
        lines.append(entry.record.waived_reason)
    lines += entry.bodies
    return "\n".join(lines)


def event_of(entry: Entry, base_url: str) -> Event:
    record = entry.record
    changed = record.updated_at.astimezone(datetime.UTC)
    event = Event()
    event.add("uid", uid_of(record))
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    event.add("sequence", max(record.version - 1, 0))
    title = _("Due: %(title)s") % {"title": entry.title} if entry.is_obligation else entry.title
    event.add("summary", title)
    event.add("dtstart", entry.start)
    event.add("dtend", entry.end + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("status", status_of(entry))
    event.add("categories", [entry.kind_label])
    event.add("description", description_of(entry))
    if entry.places:
        event.add("location", ", ".join(entry.places))
    if base_url:
        event.add("url", base_url + entry.url)
    return event


def feed_name(kind: str) -> str:
    if kind == ALL:
        return _("Liaison: everything")
    return _("Liaison: %(kind)s") % {"kind": str(EntryKind(kind).label)}


def feed_bytes(user, kind: str = ALL, base_url: str = "") -> bytes:
    """The feed of `kind` for `user`, in their language; links start with `base_url`."""
    with translation.override(user.language):
        calendar = Calendar()
        calendar.add("prodid", PRODUCT)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", feed_name(kind))
        calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
        for entry in feed_entries(user, kind):
            calendar.add_component(event_of(entry, base_url))
        return calendar.to_ical()
