"""Which activities a chapter may report, and everything its sentences read about them.

The chapter is a publication: whatever its reader may see, it shows only approved records
(drafts only on request, and then marked), of one agency and year, and nothing classified
above the chapter's level. Confidential records never appear in a chapter, even for an
officer cleared to read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.db.models import F, QuerySet

from liaison.activities.choices import DatePrecision
from liaison.activities.models import Activity, ActivityBody, Event
from liaison.core.choices import Classification, WorkflowState

#: The level a chapter is written at unless told otherwise: public and internal records.
DEFAULT_CLASSIFICATION = Classification.INTERNAL


def chapter_activities(
    agency,
    year: int,
    *,
    include_drafts: bool = False,
    max_classification: int = DEFAULT_CLASSIFICATION,
    queryset: QuerySet[Activity] | None = None,
) -> QuerySet[Activity]:
    """The activities of `agency`'s chapter for `year`.

    `queryset` is what the reader may see (`Activity.objects.visible_to(user)`); without
    it the command reads as the system, for the agency, under the same chapter rules.
    """
    base = Activity.objects.all() if queryset is None else queryset
    level = min(int(max_classification), Classification.RESTRICTED)
    activities = base.filter(agency=agency, year=year, classification__lte=level)
    if not include_drafts:
        activities = activities.filter(state=WorkflowState.APPROVED)
    return activities.order_by(F("start_date").asc(nulls_last=True), "pk")


class Name(NamedTuple):
    """A name or title as stored in the three languages; `kind` is what it names (a body's
    or a place's kind), which decides its article in Portuguese and English."""

    zh_hant: str
    pt: str = ""
    en: str = ""
    kind: str = ""


@dataclass
class Record:
    """One activity as a sentence reads it: its columns and the names linked to it."""

    kind: str
    state: str
    start_date: date | None
    date_precision: str
    mode: str
    visitor_count: int | None
    training_hours: Decimal | None
    title: Name
    summary: Name
    places: list[Name] = field(default_factory=list)
    events: list[Name] = field(default_factory=list)
    topics: list[Name] = field(default_factory=list)
    bodies: list[tuple[str, Name]] = field(default_factory=list)
    #: An imported record's sentence as parsed, and where it stood in its chapter.
    source_text: str = ""
    source_ref: dict = field(default_factory=dict)

    @property
    def month(self) -> int | None:
        """The month the activity started in, when known (as `Activity.month`)."""
        if self.start_date and self.date_precision != DatePrecision.YEAR:
            return self.start_date.month
        return None


#: The columns a sentence reads, in `Record`'s order (after which come title and summary).
COLUMNS = (
    "kind",
    "state",
    "start_date",
    "date_precision",
    "mode",
    "visitor_count",
    "training_hours",
)


def names(prefix: str) -> tuple[str, str, str]:
    """The three language columns of a name or title: `name_zh_hant`, `name_pt`, `name_en`."""
    return (f"{prefix}_zh_hant", f"{prefix}_pt", f"{prefix}_en")


def load_records(activities: QuerySet[Activity]) -> list[Record]:
    """The activities with their places, topics, events and bodies, in five queries of plain
    values: model instances and prefetch querysets cost more than all the rest of a chapter."""
    rows = activities.values_list(
        "pk", *COLUMNS, *names("title"), *names("summary"), "source_text", "source_ref"
    )
    records = {
        pk: Record(
            *values[:7],
            Name(*values[7:10]),
            Name(*values[10:13]),
            source_text=values[13],
            source_ref=values[14] or {},
        )
        for pk, *values in rows
    }
    ids = activities.order_by().values("pk")
    places = Activity.places.through.objects.filter(activity__in=ids).order_by("pk")
    for pk, *name in places.values_list("activity_id", *names("place__name"), "place__kind"):
        records[pk].places.append(Name(*name))
    topics = Activity.topics.through.objects.filter(activity__in=ids).order_by("pk")
    for pk, *name in topics.values_list("activity_id", *names("topic__name")):
        records[pk].topics.append(Name(*name))
    events = Event.objects.filter(activity__in=ids).order_by("position", "pk")
    for pk, *name in events.values_list("activity_id", *names("title")):
        records[pk].events.append(Name(*name))
    roles = ActivityBody.objects.filter(activity__in=ids).order_by("pk")
    for pk, role, *name in roles.values_list(
        "activity_id", "role", *names("body__name"), "body__kind"
    ):
        records[pk].bodies.append((role, Name(*name)))
    return list(records.values())
