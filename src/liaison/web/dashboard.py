"""The dashboard's figures: one year's counts, queues and deadlines, in a fixed handful of
queries of plain values whatever the number of records.

Everything starts from `visible_to(user)`, the link rows too (a body's role, an attendance),
so a figure never counts what its reader may not see. Approved records and the rest (drafts
and records waiting for approval) are counted apart: the page says which is which.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.db.models import CharField, Count, Q, QuerySet, Sum, Value
from django.utils import timezone
from django.utils.translation import get_language

from liaison.activities.models import Activity, ActivityBody
from liaison.agenda.reminders import due_obligations
from liaison.core.choices import Role, WorkflowState
from liaison.core.translation import column_suffix
from liaison.core.visibility import roles_of
from liaison.partners.models import Obligation
from liaison.training.models import Attendance

#: How many rows each list of the page shows.
LIST_LENGTH = 8
#: The most records in the workflow the queues read (drafts and submitted records only).
QUEUE_READ = 200
TOP_BODIES = 10
TITLES = ("title_zh_hant", "title_pt", "title_en")
UNKNOWN = "unknown"

#: The record families a queue (my drafts, waiting for approval) lists, with the three
#: columns that name a record of the family (zh-Hant, Portuguese, English).
QUEUE_FAMILIES = {
    "activities.Activity": ("title_zh_hant", "title_pt", "title_en"),
    "partners.PartnerBody": ("name_zh_hant", "name_pt", "name_en"),
    "partners.Membership": ("body__name_zh_hant", "body__name_pt", "body__name_en"),
    "partners.Obligation": ("title_zh_hant", "title_pt", "title_en"),
    "people.Unit": ("name_zh_hant", "name_pt", "name_en"),
    "people.Staff": ("name_zh_hant", "name_latin", "name_latin"),
    "cooperation.CaseAssistanceRequest": ("reference", "reference", "reference"),
}


def pick(names: tuple[str, str, str]) -> str:
    """The name in the active language, else in zh-Hant (the reference language)."""
    index = {"zh_hant": 0, "pt": 1, "en": 2}[column_suffix(get_language())]
    return names[index] or names[0]


@dataclass
class QueueItem:
    """A record in a queue, named in the active language."""

    model: type
    pk: int
    name: str
    updated_at: datetime
    state: str

    @property
    def family(self) -> str:
        return self.model._meta.verbose_name

    @property
    def url(self) -> str:
        """The record's page, once its family has one."""
        if hasattr(self.model, "get_absolute_url"):
            return self.model(pk=self.pk).get_absolute_url()
        return ""


@dataclass
class Dashboard:
    year: int
    years: list[int]
    #: kind -> (approved, not yet approved) for the year
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    by_region: Counter[str] = field(default_factory=Counter)
    by_body: list[tuple[str, int]] = field(default_factory=list)
    by_unit: list[tuple[str, int, Decimal]] = field(default_factory=list)
    drafts: list[QueueItem] = field(default_factory=list)
    to_approve: list[QueueItem] | None = None
    upcoming: list[Activity] = field(default_factory=list)
    deadlines: list[Obligation] = field(default_factory=list)
    today: date | None = None

    @property
    def approved_total(self) -> int:
        return sum(approved for approved, _ in self.by_kind.values())

    @property
    def pending_total(self) -> int:
        return sum(pending for _, pending in self.by_kind.values())


def counts_by_year(visible: QuerySet[Activity]) -> dict[int, dict[str, list[int]]]:
    """year -> kind -> [approved, not yet approved], in one query over every year."""
    years: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    rows = visible.order_by().values_list("year", "kind", "state").annotate(n=Count("pk"))
    for year, kind, state, n in rows:
        years[year][kind][0 if state == WorkflowState.APPROVED else 1] += n
    return years


def choose_year(asked: int | None, years: list[int]) -> int:
    """The year asked for, else the latest year that has records, else the current one."""
    if asked is not None:
        return asked
    return years[0] if years else timezone.localdate().year


def links_of(ids: QuerySet, user, total: int) -> tuple[Counter[str], list[tuple[str, int]]]:
    """Activities per region and per body, from one query: a union of the places and the
    bodies' roles of the activities `ids`.

    By region as the chapter counts: the region group of an activity's places, else of its
    bodies (or the bodies' seats); an activity in several regions counts once in each, one
    in none as unknown. By body: the bodies taking part in the most activities."""
    text = CharField()
    places = Activity.places.through.objects.filter(activity__in=ids).values_list(
        "activity_id",
        "place__region_group",
        *[Value("", output_field=text)] * 5,
    )
    bodies = (
        ActivityBody.objects.visible_to(user)
        .filter(activity__in=ids)
        .values_list(
            "activity_id",
            Value("", output_field=text),
            "body__region_group",
            "body__place__region_group",
            "body__name_zh_hant",
            "body__name_pt",
            "body__name_en",
        )
    )
    by_place, by_body, activities_of = defaultdict(set), defaultdict(set), defaultdict(set)
    for activity_id, place_region, region, seat_region, *names in places.union(bodies, all=True):
        if place_region:
            by_place[activity_id].add(place_region)
            continue
        if region or seat_region:
            by_body[activity_id].add(region or seat_region)
        activities_of[tuple(names)].add(activity_id)
    for activity_id, found in by_body.items():
        by_place.setdefault(activity_id, found)
    regions = Counter(region for found in by_place.values() for region in found)
    if total > len(by_place):
        regions[UNKNOWN] = total - len(by_place)
    ranked = sorted(activities_of.items(), key=lambda item: (-len(item[1]), item[0][0]))
    return regions, [(pick(names), len(found)) for names, found in ranked[:TOP_BODIES]]


def hours_by_unit(ids: QuerySet, user) -> list[tuple[str, int, Decimal]]:
    """(unit, participants, hours attended) from the attendance rows the user may see."""
    rows = (
        Attendance.objects.visible_to(user)
        .filter(course__in=ids)
        .values_list(
            "participant__unit__name_zh_hant",
            "participant__unit__name_pt",
            "participant__unit__name_en",
        )
        .annotate(people=Count("participant", distinct=True), hours=Sum("hours"))
        .order_by("participant__unit__code")
    )
    return [(pick(names), people, hours or Decimal(0)) for *names, people, hours in rows]


def queues(user) -> tuple[list[QueueItem], list[QueueItem] | None]:
    """My drafts (created or last changed by me) and, for approvers, the submitted records
    I may approve (never my own last change): the latest of each, across every family, in
    one query (a union of each family's name columns). Only records still in the workflow
    are read, however many approved records the tables hold."""
    approver = Role.APPROVER in roles_of(user)
    mine = Q(state=WorkflowState.DRAFT) & (Q(created_by=user) | Q(updated_by=user))
    wanted = mine | (Q(state=WorkflowState.SUBMITTED) & ~Q(updated_by=user)) if approver else mine
    parts = [
        apps.get_model(label)
        .objects.visible_to(user)
        .filter(wanted)
        .order_by()
        .values_list(Value(label, CharField()), "pk", *columns, "updated_at", "state")
        for label, columns in QUEUE_FAMILIES.items()
    ]
    first, *others = parts
    drafts, to_approve = [], []
    for label, pk, *names, updated_at, state in first.union(*others, all=True).order_by(
        "-updated_at"
    )[:QUEUE_READ]:
        found = drafts if state == WorkflowState.DRAFT else to_approve
        if len(found) < LIST_LENGTH:
            found.append(QueueItem(apps.get_model(label), pk, pick(names), updated_at, state))
    return drafts, to_approve if approver else None


def upcoming_activities(visible: QuerySet[Activity], today: date) -> list[Activity]:
    return list(
        visible.filter(start_date__gte=today)
        .only("pk", "kind", "state", "start_date", "end_date", *TITLES)
        .order_by("start_date", "pk")[:LIST_LENGTH]
    )


def obligation_deadlines(user, today: date) -> list[Obligation]:
    """What the reminders are about: open obligations late or due within 30 days."""
    return list(due_obligations(Obligation.objects.visible_to(user), today)[:LIST_LENGTH])


def build(user, asked_year: int | None) -> Dashboard:
    """Every figure of the dashboard for `user` and the year asked (or the latest)."""
    visible = Activity.objects.visible_to(user)
    years = counts_by_year(visible)
    year_list = sorted(years, reverse=True)
    year = choose_year(asked_year, year_list)
    today = timezone.localdate()
    board = Dashboard(year=year, years=year_list, today=today)
    board.by_kind = {kind: list(figures) for kind, figures in years.get(year, {}).items()}
    approved = visible.filter(year=year, state=WorkflowState.APPROVED).order_by().values("pk")
    board.by_region, board.by_body = links_of(approved, user, board.approved_total)
    board.by_unit = hours_by_unit(approved, user)
    board.drafts, board.to_approve = queues(user)
    board.upcoming = upcoming_activities(visible, today)
    board.deadlines = obligation_deadlines(user, today)
    return board
