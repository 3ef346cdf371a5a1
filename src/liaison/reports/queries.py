"""Which activities a chapter may report, decided once for the command and the web page.

The chapter is a publication: whatever its reader may see, it shows only approved records
(drafts only on request, and then marked), of one agency and year, and nothing classified
above the chapter's level. Confidential records never appear in a chapter, even for an
officer cleared to read them.
"""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from liaison.activities.models import Activity, ActivityBody, Event, Topic
from liaison.core.choices import Classification, WorkflowState
from liaison.partners.models import Place

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


NAMES = ("name_zh_hant", "name_pt", "name_en")
TITLES = ("title_zh_hant", "title_pt", "title_en")


def with_details(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Everything a sentence reads, in a fixed number of queries and loading only the
    columns used: a year of hundreds of activities stays well under 100 ms."""
    return activities.only(
        "kind",
        "state",
        "year",
        "start_date",
        "date_precision",
        "mode",
        "visitor_count",
        "training_scope",
        "training_hours",
        *TITLES,
        "summary_zh_hant",
        "summary_pt",
        "summary_en",
    ).prefetch_related(
        Prefetch("places", queryset=Place.objects.only(*NAMES)),
        Prefetch("events", queryset=Event.objects.only("activity_id", "position", *TITLES)),
        Prefetch("topics", queryset=Topic.objects.only(*NAMES)),
        Prefetch(
            "body_roles",
            queryset=ActivityBody.objects.select_related("body")
            .only("activity_id", "role", *(f"body__{name}" for name in NAMES))
            .order_by("pk"),
        ),
    )
