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
from typing import Any, NamedTuple

from django.db import models
from django.db.models import F, Q, QuerySet

from liaison.activities.choices import DatePrecision
from liaison.activities.models import Activity, ActivityBody, Event
from liaison.core.choices import Classification, WorkflowState
from liaison.core.visibility import record_links

#: The level a chapter is written at unless told otherwise: public and internal records.
DEFAULT_CLASSIFICATION = Classification.INTERNAL


@dataclass(frozen=True)
class ChapterScope:
    """What one agency's chapter may show, for one reader or (`reader=None`) for the system.

    The same rules hold for every record the chapter names, not only for its activities: a
    body, an officer or a unit appears in the text, a table or a chart only when it is
    itself approved (or drafts are asked for), at or below the chapter's level, of the
    agency, and visible to the reader. So a confidential body linked to a public activity
    never appears, nor is counted.
    """

    agency: Any
    reader: Any = None
    include_drafts: bool = False
    max_classification: int = DEFAULT_CLASSIFICATION

    def records(self, model: type[models.Model]) -> QuerySet:
        """The records of `model` the chapter may name (rule 5 of the chokepoint included:
        those whose own linked records are in scope too)."""
        if self.reader is None:
            base = model._default_manager.all()
        else:
            base = model._default_manager.visible_to(self.reader)
        level = min(int(self.max_classification), Classification.RESTRICTED)
        records = base.filter(agency=self.agency, classification__lte=level)
        if not self.include_drafts:
            records = records.filter(state=WorkflowState.APPROVED)
        return self._with_links_in_scope(records)

    def activities(self, year: int) -> QuerySet[Activity]:
        """The activities of the chapter for `year`, in the chapter's order."""
        return (
            self.records(Activity)
            .filter(year=year)
            .order_by(F("start_date").asc(nulls_last=True), "pk")
        )

    def links(self, model: type[models.Model], activities: QuerySet[Activity]) -> QuerySet:
        """Rows of `model` (a body's role, an attendance) that hang on `activities` and
        whose other ends are in the chapter's scope too."""
        parent_field = model.parent_field
        rows = model._default_manager.filter(**{f"{parent_field}__in": _ids(activities)})
        return self._with_links_in_scope(rows, skip=parent_field)

    def _with_links_in_scope(self, queryset: QuerySet, skip: str = "") -> QuerySet:
        for link in record_links(queryset.model):
            if link.name == skip or link.related_model is queryset.model:
                continue
            condition = Q(**{f"{link.name}__in": self.records(link.related_model).values("pk")})
            if link.null:
                condition |= Q(**{f"{link.name}__isnull": True})
            queryset = queryset.filter(condition)
        return queryset


def _ids(activities: QuerySet[Activity]) -> QuerySet:
    return activities.order_by().values("pk")


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


def load_records(activities: QuerySet[Activity], scope: ChapterScope) -> list[Record]:
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
    ids = _ids(activities)
    places = Activity.places.through.objects.filter(activity__in=ids).order_by("pk")
    for pk, *name in places.values_list("activity_id", *names("place__name"), "place__kind"):
        records[pk].places.append(Name(*name))
    topics = Activity.topics.through.objects.filter(activity__in=ids).order_by("pk")
    for pk, *name in topics.values_list("activity_id", *names("topic__name")):
        records[pk].topics.append(Name(*name))
    events = Event.objects.filter(activity__in=ids).order_by("position", "pk")
    for pk, *name in events.values_list("activity_id", *names("title")):
        records[pk].events.append(Name(*name))
    roles = scope.links(ActivityBody, activities).order_by("pk")
    for pk, role, *name in roles.values_list(
        "activity_id", "role", *names("body__name"), "body__kind"
    ):
        records[pk].bodies.append((role, Name(*name)))
    return list(records.values())
