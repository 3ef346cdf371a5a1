"""The dashboard's figures: one year's counts, queues and deadlines, in a fixed handful of
queries of plain values whatever the number of records, each compiled once per reader and
year (core.prepared): built anew, the rules took longer to compile than to answer.

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
from django.db.models import CharField, Count, DateField, IntegerField, Q, QuerySet, Sum, Value
from django.utils import timezone
from django.utils.translation import get_language

from liaison.activities.models import Activity, ActivityBody
from liaison.agenda.reminders import due_obligations
from liaison.core.choices import Role, WorkflowState
from liaison.core.prepared import prepared
from liaison.core.translation import column_suffix
from liaison.core.visibility import reader_key, roles_of
from liaison.partners.models import Obligation
from liaison.training.models import Attendance

#: How many rows each list of the page shows.
LIST_LENGTH = 8
#: The most records in the workflow the queues read (drafts and submitted records only).
QUEUE_READ = 200
TOP_BODIES = 10
TITLES = ("title_zh_hant", "title_pt", "title_en")
UNKNOWN = "unknown"
#: The upcoming activities' rows among the queues' (dashboard.lists).
UPCOMING = "upcoming"

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


def counts_by_year(user) -> dict[int, dict[str, list[int]]]:
    """year -> kind -> [approved, not yet approved], in one query over every year."""
    years: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    rows = prepared(
        Activity,
        "dashboard:counts",
        reader_key(user),
        lambda: (
            Activity.objects.visible_to(user)
            .order_by()
            .values_list("year", "kind", "state")
            .annotate(n=Count("pk"))
        ),
    )
    for year, kind, state, n in rows:
        years[year][kind][0 if state == WorkflowState.APPROVED else 1] += n
    return years


def choose_year(asked: int | None, years: list[int]) -> int:
    """The year asked for, else the latest year that has records, else the current one."""
    if asked is not None:
        return asked
    return years[0] if years else timezone.localdate().year


def approved_in(user, year: int) -> QuerySet:
    """The ids of the year's approved activities `user` may see."""
    visible = Activity.objects.visible_to(user)
    return visible.filter(year=year, state=WorkflowState.APPROVED).order_by().values("pk")


def links_of(user, year: int, total: int) -> tuple[Counter[str], list[tuple[str, int]]]:
    """Activities per region and per body, from one query: a union of the places and the
    bodies' roles of the year's approved activities.

    By region as the chapter counts: the region group of an activity's places, else of its
    bodies (or the bodies' seats); an activity in several regions counts once in each, one
    in none as unknown. By body: the bodies taking part in the most activities."""
    rows = prepared(
        Activity, "dashboard:links", (reader_key(user), year), lambda: links(user, year)
    )
    by_place, by_body, activities_of = defaultdict(set), defaultdict(set), defaultdict(set)
    for activity_id, place_region, region, seat_region, *names in rows:
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


def links(user, year: int) -> QuerySet:
    """The region of each place, and each body's regions and names, of the year's approved
    activities (a union)."""
    ids = approved_in(user, year)
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
    return places.union(bodies, all=True)


def hours_by_unit(user, year: int) -> list[tuple[str, int, Decimal]]:
    """(unit, participants, hours attended) from the attendance rows the user may see."""
    rows = prepared(
        Attendance,
        "dashboard:hours",
        (reader_key(user), year),
        lambda: (
            Attendance.objects.visible_to(user)
            .filter(course__in=approved_in(user, year))
            .values_list(
                "participant__unit__name_zh_hant",
                "participant__unit__name_pt",
                "participant__unit__name_en",
            )
            .annotate(people=Count("participant", distinct=True), hours=Sum("hours"))
            .order_by("participant__unit__code")
        ),
    )
    return [(pick(names), people, hours or Decimal(0)) for *names, people, hours in rows]


def lists(user, today: date) -> tuple[list[QueueItem], list[QueueItem] | None, list[Activity]]:
    """My drafts (created or last changed by me), for approvers the submitted records I may
    approve (never my own last change), and the upcoming activities, in one query.

    The queues are the latest of each, across every family: a union of each family's name
    columns, of records still in the workflow only, however many approved records the
    tables hold. The upcoming activities come first in it, read by their own subquery, so
    no queue crowds them out."""
    approver = Role.APPROVER in roles_of(user)
    drafts, to_approve, upcoming = [], [], []
    rows = prepared(
        Activity,
        "dashboard:lists",
        (reader_key(user), today),
        lambda: listed(user, approver, today),
    )
    for _, label, pk, *names, updated_at, state, kind, start, end in rows:
        if label == UPCOMING:
            titles = dict(zip(TITLES, names, strict=True))
            upcoming.append(
                Activity(pk=pk, kind=kind, state=state, start_date=start, end_date=end, **titles)
            )
            continue
        found = drafts if state == WorkflowState.DRAFT else to_approve
        if len(found) < LIST_LENGTH:
            found.append(QueueItem(apps.get_model(label), pk, pick(names), updated_at, state))
    return drafts, to_approve if approver else None, upcoming


def listed(user, approver: bool, today: date) -> QuerySet:
    """The upcoming activities (ranked 0), then the latest records of every family that
    wait on `user` (ranked 1): a union with the same columns throughout."""
    mine = Q(state=WorkflowState.DRAFT) & (Q(created_by=user) | Q(updated_by=user))
    wanted = mine | (Q(state=WorkflowState.SUBMITTED) & ~Q(updated_by=user)) if approver else mine
    text, day, rank = CharField(), DateField(), IntegerField()
    queued = [
        apps.get_model(label)
        .objects.visible_to(user)
        .filter(wanted)
        .order_by()
        .values_list(
            Value(1, rank),
            Value(label, text),
            "pk",
            *columns,
            "updated_at",
            "state",
            *[Value(None, field) for field in (text, day, day)],
        )
        for label, columns in QUEUE_FAMILIES.items()
    ]
    soon = (
        Activity.objects.visible_to(user)
        .filter(start_date__gte=today)
        .order_by("start_date", "pk")
        .values("pk")[:LIST_LENGTH]
    )
    upcoming = (
        Activity.objects.filter(pk__in=soon)
        .order_by()
        .values_list(
            Value(0, rank),
            Value(UPCOMING, text),
            "pk",
            *TITLES,
            "updated_at",
            "state",
            "kind",
            "start_date",
            "end_date",
        )
    )
    # The rank, then the latest first; the upcoming activities are sorted by the caller.
    ordered = upcoming.union(*queued, all=True).order_by("value1", "-updated_at")
    return ordered[: LIST_LENGTH + QUEUE_READ]


def obligation_deadlines(user, today: date) -> list[Obligation]:
    """What the reminders are about: open obligations late or due within 30 days."""
    return prepared(
        Obligation,
        "dashboard:deadlines",
        (reader_key(user), today),
        lambda: due_obligations(Obligation.objects.visible_to(user), today)[:LIST_LENGTH],
    )


def build(user, asked_year: int | None) -> Dashboard:
    """Every figure of the dashboard for `user` and the year asked (or the latest)."""
    years = counts_by_year(user)
    year_list = sorted(years, reverse=True)
    year = choose_year(asked_year, year_list)
    today = timezone.localdate()
    board = Dashboard(year=year, years=year_list, today=today)
    board.by_kind = {kind: list(figures) for kind, figures in years.get(year, {}).items()}
    board.by_region, board.by_body = links_of(user, year, board.approved_total)
    board.by_unit = hours_by_unit(user, year)
    board.drafts, board.to_approve, upcoming = lists(user, today)
    board.upcoming = sorted(upcoming, key=lambda activity: (activity.start_date, activity.pk))
    board.deadlines = obligation_deadlines(user, today)
    return board
