"""What the calendar pages and feeds show: activities and obligation deadlines as dated
entries, read only through the chokepoint.

An activity known to the day spans its start and end dates; one known only to the month
spans its month, and says so (a page does not pin it on the 1st); one known only to the
year spans its year, and the pages list it under the year, "date to be set" (a feed leaves
it out: a calendar program would show a year-long event). An obligation falls on its due
date. The rows an entry
lists (a body's role) come through the chokepoint too, so a public activity's confidential
host is never named. A fixed handful of queries, whatever the number of entries.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from liaison.activities.choices import DatePrecision
from liaison.activities.models import Activity, ActivityBody
from liaison.agenda.choices import OBLIGATION, EntryKind
from liaison.partners.choices import DeadlineStatus
from liaison.partners.models import Obligation

#: How far before a range an activity may start and still reach into it (longer ones are
#: rare: a course of a season); month-precision ones start at most a month before.
LONGEST_SPAN = datetime.timedelta(days=366)


@dataclass
class Entry:
    """One record on the calendar, named in the active language."""

    record: Activity | Obligation
    kind: str
    title: str
    start: datetime.date
    #: The last day (inclusive).
    end: datetime.date
    #: How much of the date is known (DatePrecision): the day, or only the month or year.
    precision: str = DatePrecision.DAY
    places: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    #: Obligations only: open, due soon, overdue, done or waived, as of today.
    deadline: DeadlineStatus | None = None

    @property
    def month_only(self) -> bool:
        return self.precision == DatePrecision.MONTH

    @property
    def year_only(self) -> bool:
        return self.precision == DatePrecision.YEAR

    @property
    def kind_label(self) -> str:
        return str(EntryKind(self.kind).label)

    @property
    def is_obligation(self) -> bool:
        return self.kind == OBLIGATION

    @property
    def overdue(self) -> bool:
        return self.deadline == DeadlineStatus.OVERDUE

    @property
    def cancelled(self) -> bool:
        return self.deadline == DeadlineStatus.WAIVED

    @property
    def url(self) -> str:
        name = "partners:obligation_detail" if self.is_obligation else "activities:activity_detail"
        return reverse(name, kwargs={"pk": self.record.pk})

    def overlaps(self, first: datetime.date, last: datetime.date) -> bool:
        return self.start <= last and self.end >= first


def month_span(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last days of `day`'s month."""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def dated_activities(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """The activities of `queryset` a feed can place (known to the month or the day)."""
    return queryset.exclude(date_precision=DatePrecision.YEAR).filter(start_date__isnull=False)


def activities_between(queryset: QuerySet[Activity], first, last) -> QuerySet[Activity]:
    """Those that may reach into [first, last], and those known only to a year it touches;
    `activity_entries` keeps the exact ones."""
    year = DatePrecision.YEAR
    reaching = (
        Q(start_date__lte=last, start_date__gte=first - LONGEST_SPAN)
        & (Q(last_day__gte=first) | Q(date_precision=DatePrecision.MONTH))
        & ~Q(date_precision=year)
    )
    of_the_year = Q(date_precision=year, year__gte=first.year, year__lte=last.year)
    return queryset.alias(last_day=Coalesce("end_date", "start_date")).filter(
        reaching | of_the_year
    )


def activity_entries(queryset: QuerySet[Activity], user) -> list[Entry]:
    """Entries of already visible activities, with their places and the bodies' roles the
    user may see (three queries)."""
    rows = queryset.prefetch_related(
        "places",
        Prefetch(
            "body_roles",
            queryset=ActivityBody.objects.visible_to(user).select_related("body"),
        ),
    )
    found = []
    for activity in rows:
        precision = activity.date_precision
        if precision == DatePrecision.YEAR:
            start, end = datetime.date(activity.year, 1, 1), datetime.date(activity.year, 12, 31)
        elif precision == DatePrecision.MONTH:
            start, end = month_span(activity.start_date)
        else:
            start, end = activity.start_date, activity.end_date or activity.start_date
        found.append(
            Entry(
                record=activity,
                kind=activity.kind,
                title=activity.title,
                start=start,
                end=max(end, start),
                precision=precision,
                places=[place.name for place in activity.places.all()],
                bodies=[str(role) for role in activity.body_roles.all()],
            )
        )
    return found


def obligation_entries(queryset: QuerySet[Obligation], today=None) -> list[Entry]:
    """Entries of already visible obligations, each with its deadline status (one query)."""
    today = today or timezone.localdate()
    return [
        Entry(
            record=obligation,
            kind=OBLIGATION,
            title=obligation.title,
            start=obligation.due_date,
            end=obligation.due_date,
            bodies=[str(obligation.membership.body)],
            deadline=obligation.deadline(today),
        )
        for obligation in queryset.select_related("membership__body")
    ]


#: On the same first day, the day's own entries, then its month's, then its year's.
PRECISION_ORDER = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}


def in_order(entries: list[Entry]) -> list[Entry]:
    return sorted(
        entries, key=lambda entry: (entry.start, PRECISION_ORDER[entry.precision], entry.title)
    )
