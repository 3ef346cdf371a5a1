"""The figures the chapter's prose lacks: counts by part, region, body and meeting mode, and
training by unit, each set beside the previous year's where that year has records.

Every figure is counted from the same queryset the chapter's text comes from, and the rows
linking it to bodies and officers through the same `ChapterScope`, so a table can never
disagree with the text nor count a body or unit the text may not name. The counting is done
on values, never on model instances, so a year of hundreds of activities costs a fixed
handful of light queries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from liaison.activities.choices import ActivityKind, Mode
from liaison.activities.models import Activity, ActivityBody
from liaison.core.choices import RegionGroup
from liaison.partners.models import PartnerBody
from liaison.reports.queries import ChapterScope, Name, names
from liaison.training.models import Attendance

#: How many partner bodies the "by body" table lists, most frequent first.
TOP_BODIES = 10
UNKNOWN = "unknown"

Number = int | Decimal


@dataclass
class Table:
    """A statistics table: a label column, then numbers; `chart_columns` are drawn as bars."""

    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    chart_columns: tuple[int, ...] = ()
    note: str = ""
    has_total: bool = False

    @property
    def body_rows(self) -> list[list]:
        """The rows without the total, which a chart must not draw as one more bar."""
        return self.rows[:-1] if self.has_total else self.rows

    def text_rows(self) -> list[list[str]]:
        return [[format_cell(cell) for cell in row] for row in self.rows]


def format_cell(value) -> str:
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


@dataclass
class Counts:
    """A year's activities counted by part, by meeting mode and by region."""

    by_part: Counter[str]
    meeting_modes: Counter[str]
    by_region: Counter[str]

    @property
    def total(self) -> int:
        return sum(self.by_part.values())


def count(activities: QuerySet[Activity], scope: ChapterScope) -> Counts:
    """The year's counts in three queries, whatever the number of activities."""
    by_part, modes = Counter(), Counter()
    for kind, mode, n in activities.order_by().values_list("kind", "mode").annotate(n=Count("pk")):
        by_part[kind] += n
        if kind == ActivityKind.MEETING:
            modes[mode or UNKNOWN] += n
    return Counts(by_part, modes, count_by_region(activities, sum(by_part.values()), scope))


def count_by_region(
    activities: QuerySet[Activity], total: int, scope: ChapterScope
) -> Counter[str]:
    """Activities per region group of their places, else of their bodies (or the bodies'
    seats); an activity in several regions counts once in each, one in none as unknown."""
    regions = defaultdict(set)
    for activity_id, region in Activity.places.through.objects.filter(
        activity__in=activities.order_by().values("pk")
    ).values_list("activity_id", "place__region_group"):
        regions[activity_id].add(region)
    bodies = defaultdict(set)
    for activity_id, region, seat_region in scope.links(ActivityBody, activities).values_list(
        "activity_id", "body__region_group", "body__place__region_group"
    ):
        if region or seat_region:
            bodies[activity_id].add(region or seat_region)
    for activity_id, found in bodies.items():
        regions.setdefault(activity_id, found)
    counts = Counter(region for found in regions.values() for region in found)
    if total > len(regions):
        counts[UNKNOWN] = total - len(regions)
    return counts


def count_by_body(activities: QuerySet[Activity], scope: ChapterScope) -> list[tuple[Name, int]]:
    """Every body taking part in the activities, whatever its role, with its number of
    activities, most first; a visiting delegation is a visitor, counted by its origin in the
    regions, not a partner."""
    ranked = (
        scope.links(ActivityBody, activities)
        .exclude(body__kind=PartnerBody.Kind.DELEGATION)
        .values_list("body", *names("body__name"), "body__kind")
        .annotate(n=Count("activity", distinct=True))
        .order_by("-n", "body__name_zh_hant")
    )
    return [(Name(*name), n) for _, *name, n in ranked]


def leading(ranked: list[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    """The first `limit` of `ranked` by number, a tie broken alphabetically by the name the
    reader reads (which also decides who makes the cut), as the table's note says."""
    return sorted(ranked, key=lambda row: (-row[1], row[0].casefold()))[:limit]


@dataclass
class Training:
    """Attendance figures of a year: per unit, and the distinct courses over all units."""

    by_unit: dict[str, dict]
    courses: int


def training_by_unit(activities: QuerySet[Activity], scope: ChapterScope) -> Training:
    """Courses, distinct participants and hours attended per unit (keyed by the unit's
    code, which orders the table), from attendance rows."""
    attendance = scope.links(Attendance, activities)
    rows = (
        attendance.values_list("participant__unit__code", *names("participant__unit__name"))
        .annotate(
            courses=Count("course", distinct=True),
            participants=Count("participant", distinct=True),
            hours=Sum("hours"),
        )
        .order_by()
    )
    by_unit = {
        code: {"name": Name(*name), "courses": courses, "participants": people, "hours": hours}
        for code, *name, courses, people, hours in rows
    }
    courses = attendance.values("course").distinct().count() if by_unit else 0
    return Training(by_unit, courses)


class TableBuilder:
    """Turns this year's and last year's activities into localised tables."""

    def __init__(self, labels: dict[str, str], name: Callable[..., str], scope: ChapterScope):
        self.labels = labels
        self.name = name
        self.scope = scope

    def label(self, key: str) -> str:
        return self.labels.get(key, key)

    def year_columns(self, first: str, has_previous: bool) -> list[str]:
        columns = [self.label(first), self.label("column.year")]
        if has_previous:
            columns += [self.label("column.previous_year"), self.label("column.change")]
        return columns

    def compare(self, key, rows, now: Counter, before: Counter | None, *, drop_empty=False):
        """A table of `rows` (value, label) counted this year and, if any, the year before."""
        table = Table(
            key=key,
            title=self.label(f"table.{key}"),
            columns=self.year_columns(f"column.{key}", before is not None),
            chart_columns=(1, 2) if before is not None else (1,),
            note=self.labels.get(f"note.{key}", ""),
        )
        for value, label in rows:
            counts = [now.get(value, 0)] + ([before.get(value, 0)] if before is not None else [])
            if drop_empty and not any(counts):
                continue
            if before is not None:
                counts.append(signed(counts[0] - counts[1]))
            table.rows.append([label, *counts])
        if table.rows:
            sums = [sum(row[1] for row in table.rows)]
            if before is not None:
                sums += [sum(row[2] for row in table.rows)]
                sums.append(signed(sums[0] - sums[1]))
            table.rows.append([self.label("total"), *sums])
            table.has_total = True
        return table

    def build(self, current: QuerySet[Activity], previous: QuerySet[Activity]) -> list[Table]:
        """The tables in the chapter's order, beside `previous` when that year has records."""
        now, before = count(current, self.scope), count(previous, self.scope)
        if not before.total:
            previous, before = None, None

        def both(attribute):
            return getattr(now, attribute), None if before is None else getattr(before, attribute)

        parts = [(kind.value, self.label(f"kind.{kind.value}")) for kind in ActivityKind]
        regions = [(region.value, self.label(f"region.{region.value}")) for region in RegionGroup]
        regions.append((UNKNOWN, self.label("region.unknown")))
        modes = [(mode.value, self.label(f"mode.{mode.value}")) for mode in Mode]
        modes.append((UNKNOWN, self.label("mode.unknown")))
        return [
            self.compare("by_part", parts, *both("by_part")),
            self.compare("by_region", regions, *both("by_region"), drop_empty=True),
            self.by_body(current),
            self.compare("meeting_mode", modes, *both("meeting_modes"), drop_empty=True),
            self.by_unit(
                training_by_unit(current, self.scope),
                None if previous is None else training_by_unit(previous, self.scope),
            ),
        ]

    def by_body(self, activities: QuerySet[Activity]) -> Table:
        ranked = [(self.name(b, "body"), n) for b, n in count_by_body(activities, self.scope)]
        listed = leading(ranked, TOP_BODIES)
        table = Table(
            key="by_body",
            title=self.label("table.by_body"),
            columns=[self.label("column.by_body"), self.label("column.year")],
        )
        table.rows = [list(row) for row in listed]
        notes = [self.label("note.by_body")] if len(listed) < len(ranked) else []
        table.note = " ".join([*notes, self.label("note.by_body_order")]) if listed else ""
        return table

    def by_unit(self, now: Training, before: Training | None) -> Table:
        columns = ["column.by_unit", "column.courses", "column.participants", "column.hours"]
        if before is not None:
            columns.append("column.previous_hours")
        table = Table(
            key="training_by_unit",
            title=self.label("table.training_by_unit"),
            columns=[self.label(column) for column in columns],
            chart_columns=(3, 4) if before is not None else (3,),
            note=self.labels.get("note.training_by_unit", ""),
        )
        previous = before.by_unit if before is not None else {}
        for code in sorted({*now.by_unit, *previous}):
            figures = now.by_unit.get(code, {})
            row = [
                self.name((figures or previous[code])["name"], "unit"),
                figures.get("courses", 0),
                figures.get("participants", 0),
                figures.get("hours") or Decimal(0),
            ]
            if before is not None:
                row.append(previous.get(code, {}).get("hours") or Decimal(0))
            table.rows.append(row)
        if table.rows:
            totals = [sum(row[index] for row in table.rows) for index in range(1, len(columns))]
            totals[0] = now.courses
            table.rows.append([self.label("total"), *totals])
            table.has_total = True
        return table


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number).replace("-", "−")
