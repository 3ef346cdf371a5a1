"""The benchmark's data at two sizes, generated in bulk and cached between runs.

    office:  one agency, 5 k activities over 10 years, 3 k attendance rows, 200 bodies
    network: 100 agencies, 300 k activities, 3 M attendance rows, 200 bodies each

Rows go in by COPY (PostgreSQL) or executemany (SQLite) with the values Django would write,
then the search index is rebuilt. The result is kept under var/bench/, keyed by size,
database and GENERATOR_VERSION (bump it when the rows change): a SQLite file, or a stopped
PostgreSQL cluster; a rerun starts from it in seconds.
"""

from __future__ import annotations

import datetime
import json
import sys
import time
from dataclasses import dataclass
from decimal import Decimal

GENERATOR_VERSION = 2
PASSWORD = "bench-password-0"
CITIES = ["香港", "北京", "廣州", "深圳", "維也納", "新加坡", "首爾", "里斯本", "巴黎", "東京"]
EVENTS = ["研討會", "工作會議", "培訓班", "交流訪問", "年會", "論壇", "考察", "簽署備忘錄"]


@dataclass(frozen=True)
class Size:
    name: str
    agencies: int
    activities: int  # in all
    attendance: int  # in all
    bodies: int  # per agency
    staff: int  # per agency


SIZES = {
    "office": Size("office", 1, 5_000, 3_000, 200, 150),
    "network": Size("network", 100, 300_000, 3_000_000, 200, 200),
}


class Progress:
    """One line on stderr: what, how far, how fast."""

    def __init__(self, what: str, total: int):
        self.what, self.total, self.done, self.start = what, total, 0, time.monotonic()

    def advance(self, count: int) -> None:
        if count <= 0:
            return
        self.done += count
        width = 30
        filled = width * self.done // max(self.total, 1)
        rate = self.done / max(time.monotonic() - self.start, 1e-6)
        sys.stderr.write(
            f"\r  {self.what:12} [{'#' * filled}{'.' * (width - filled)}] "
            f"{self.done:>9,}/{self.total:,} {rate:,.0f}/s"
        )
        if self.done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def columns(model):
    return [f for f in model._meta.concrete_fields]


def insert(model, rows, total: int, what: str, batch: int = 20_000) -> None:
    """Insert dicts of field values (pk included) as Django would store them."""
    from django.db import connection
    from django.db.models import JSONField

    fields = columns(model)
    defaults = {f.attname: f.get_default() for f in fields}
    names = [f.column for f in fields]
    progress = Progress(what, total)

    def prepared(row):
        values = []
        for f in fields:
            value = row.get(f.attname, defaults[f.attname])
            if isinstance(f, JSONField):
                value = json.dumps(value)
            values.append(value)
        return values

    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(n) for n in names)
    with connection.cursor() as cursor:
        pending = []

        def flush():
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                    for values in pending:
                        copy.write_row(values)
            else:
                marks = ", ".join("%s" for _ in names)
                cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", pending)
            progress.advance(len(pending))
            pending.clear()

        for row in rows:
            pending.append(prepared(row))
            if len(pending) >= batch:
                flush()
        if pending:
            flush()


def generate(size: Size) -> None:
    """Fill the (migrated, empty) database with `size`'s rows."""
    from django.contrib.auth.models import Group
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from liaison.accounts.models import Agency, User
    from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision
    from liaison.activities.models import Activity, ActivityBody
    from liaison.core.choices import Classification, RegionGroup, Role, WorkflowState
    from liaison.core.statistics import refresh_statistics
    from liaison.partners.models import PartnerBody
    from liaison.people.models import Staff, Unit
    from liaison.search.indexing import rebuild
    from liaison.training.models import Attendance

    now = datetime.datetime(2025, 12, 31, tzinfo=datetime.UTC)
    stamp = {"created_at": now, "updated_at": now}
    approved = {**stamp, "state": WorkflowState.APPROVED, "approved_at": now}
    kinds = [k for k in ActivityKind if k != ActivityKind.TRAINING]
    per_agency = size.activities // size.agencies
    courses = max(1, size.attendance // size.agencies // 30)  # 30 participants a course
    with transaction.atomic():
        agencies = Agency.objects.bulk_create(
            Agency(code=f"a{n:03d}", name_zh_hant=f"廉政機構{n}", name_en=f"Agency {n}")
            for n in range(size.agencies)
        )
        viewer = Group.objects.get_or_create(name=Role.EDITOR)[0]
        for agency in agencies:
            user = User.objects.create_user(f"officer{agency.code}", agency=agency, is_staff=True)
            user.password = PASSWORD_HASH
            user.save(update_fields=["password"])
            user.groups.add(viewer)
        User.objects.create_superuser("admin", agency=agencies[0], password=PASSWORD)
        units = Unit.objects.bulk_create(
            Unit(agency=a, code="u1", name_zh_hant="調查廳", **approved) for a in agencies
        )
        insert(
            PartnerBody,
            (
                {
                    "id": a * size.bodies + n + 1,
                    "agency_id": agencies[a].pk,
                    "name_zh_hant": f"{CITIES[n % 10]}監察委員會{n}",
                    "name_pt": f"Comissão de Fiscalização {n}",
                    "acronym": f"B{n}",
                    "region_group": RegionGroup.MAINLAND,
                    "kind": PartnerBody.Kind.SUPERVISORY,
                    **approved,
                }
                for a in range(size.agencies)
                for n in range(size.bodies)
            ),
            size.agencies * size.bodies,
            "bodies",
        )
        insert(
            Staff,
            (
                {
                    "id": a * size.staff + n + 1,
                    "agency_id": agencies[a].pk,
                    "unit_id": units[a].pk,
                    "name_zh_hant": f"陳大文{n}",
                    "staff_number": f"S{n:05d}",
                    **approved,
                }
                for a in range(size.agencies)
                for n in range(size.staff)
            ),
            size.agencies * size.staff,
            "staff",
        )

        def activity(a: int, n: int) -> dict:
            pk = a * per_agency + n + 1
            training = n < courses
            year = 2016 + n % 10
            return {
                "id": pk,
                "agency_id": agencies[a].pk,
                "kind": ActivityKind.TRAINING if training else kinds[n % len(kinds)],
                "title_zh_hant": f"赴{CITIES[n % 10]}出席{EVENTS[n % 8]}（第{n}屆）",
                "title_pt": f"Visita de trabalho n.º {n} à Comissão",
                "summary_zh_hant": f"本署代表與{CITIES[(n * 7) % 10]}反貪機構交流經驗，第{n}次。",
                "year": year,
                "start_date": datetime.date(year, 1 + n % 12, 1 + n % 28),
                "date_precision": DatePrecision.DAY,
                "mode": ["in_person", "online"][n % 2],
                "training_hours": Decimal("12.0") if training else None,
                "classification": Classification.INTERNAL,
                **approved,
            }

        insert(
            Activity,
            (activity(a, n) for a in range(size.agencies) for n in range(per_agency)),
            size.agencies * per_agency,
            "activities",
        )
        insert(
            ActivityBody,
            (
                {
                    "id": a * per_agency + n + 1,
                    "activity_id": a * per_agency + n + 1,
                    "body_id": a * size.bodies + n % size.bodies + 1,
                    "role": BodyRole.HOST,
                }
                for a in range(size.agencies)
                for n in range(per_agency)
            ),
            size.agencies * per_agency,
            "body links",
        )
        per_course = min(30, size.staff)
        insert(
            Attendance,
            (
                {
                    "id": (a * courses + c) * per_course + p + 1,
                    "course_id": a * per_agency + c + 1,
                    "participant_id": a * size.staff + (c + p) % size.staff + 1,
                    "hours": Decimal("12.0"),
                    "completed": p % 3 != 0,
                }
                for a in range(size.agencies)
                for c in range(courses)
                for p in range(per_course)
            ),
            size.agencies * courses * per_course,
            "attendance",
        )
        models = [PartnerBody, Staff, Activity, ActivityBody, Attendance]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    progress = None

    def report(done, total):
        nonlocal progress
        progress = progress or Progress("index", total)
        progress.advance(done - progress.done)

    rebuild(report)
    refresh_statistics()  # the planner's, as a server process would find them


PASSWORD_HASH = ""  # set by prepare(): one hash for every officer (argon2 is slow on purpose)


def prepare_passwords() -> None:
    global PASSWORD_HASH
    from django.contrib.auth.hashers import make_password

    PASSWORD_HASH = make_password(PASSWORD)
