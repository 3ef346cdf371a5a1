"""One office's records, made fast with bulk_create, for the benchmarks that need a full
database (bench_pages.py; the load test may reuse `build_office`).

`build_office(activities)` fills a migrated, empty database with one agency: its units and
officers, places, partner bodies, and `activities` activities over five years with their
places, bodies' roles, delegations, events and (training courses) attendance, and the
audit log of their creation; nine in ten approved, the rest drafts or waiting for
approval. Returns an `Office` naming its users.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

CITIES = ["香港", "北京", "廣州", "深圳", "維也納", "新加坡", "首爾", "里斯本", "巴黎", "東京"]
EVENTS = ["研討會", "工作會議", "培訓班", "交流訪問", "年會", "論壇", "考察", "簽署備忘錄"]
YEARS = range(2020, 2025)
BATCH = 2000


@dataclass
class Office:
    agency: object
    viewer: object
    editor: object
    approver: object
    activity_ids: list[int]


def user(agency, username: str, *roles: str):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    made = get_user_model().objects.create_user(
        username, password="correct horse battery staple", agency=agency
    )
    made.groups.add(*[Group.objects.get_or_create(name=role)[0] for role in roles])
    return made


def log_creations(model) -> None:
    """Each row's creation entry (sealed) and trail, written as a bulk import writes them
    (audit.services.log_created): a record's history then reads the office's whole log."""
    from django.db import transaction

    from liaison.audit.services import log_created

    rows = list(model.objects.select_related())  # what each entry names and is scoped by
    with transaction.atomic():  # sealed in one batch at the commit
        log_created(rows, user=None)


def build_office(activities: int = 5000, bodies: int = 300, places: int = 200) -> Office:
    from liaison.accounts.models import Agency
    from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision
    from liaison.activities.models import Activity, ActivityBody, DelegationMember, Event
    from liaison.core.choices import RegionGroup, Role, WorkflowState
    from liaison.core.statistics import refresh_statistics
    from liaison.partners.models import PartnerBody, Place
    from liaison.people.models import Staff, Unit
    from liaison.training.models import Attendance

    now = datetime.datetime(2025, 1, 15, tzinfo=datetime.UTC)
    agency = Agency.objects.create(code="office", name_zh_hant="廉政公署", name_en="CCAC")
    approved = {"agency": agency, "state": WorkflowState.APPROVED, "approved_at": now}
    regions = list(RegionGroup)
    Place.objects.bulk_create(
        Place(
            name_zh_hant=f"{CITIES[n % 10]}{n}",
            name_en=f"City {n}",
            kind=Place.Kind.CITY,
            region_group=regions[n % len(regions)],
        )
        for n in range(places)
    )
    PartnerBody.objects.bulk_create(
        PartnerBody(
            name_zh_hant=f"{CITIES[n % 10]}監察委員會{n}",
            name_pt=f"Comissão {n}",
            acronym=f"B{n}",
            region_group=regions[n % len(regions)],
            **approved,
        )
        for n in range(bodies)
    )
    Unit.objects.bulk_create(
        Unit(code=f"U{n}", name_zh_hant=f"調查廳{n}", **approved) for n in range(10)
    )
    units = list(Unit.objects.filter(agency=agency))
    Staff.objects.bulk_create(
        Staff(
            name_zh_hant=f"陳大文{n}",
            name_latin=f"Chan Tai Man {n}",
            staff_number=f"S{n:05d}",
            unit=units[n % 10],
            **approved,
        )
        for n in range(100)
    )
    kinds = list(ActivityKind)
    states = [WorkflowState.APPROVED] * 8 + [WorkflowState.DRAFT, WorkflowState.SUBMITTED]
    Activity.objects.bulk_create(
        (
            Activity(
                kind=kinds[n % len(kinds)],
                title_zh_hant=f"赴{CITIES[n % 10]}出席{EVENTS[n % 8]}（第{n}屆）",
                title_pt=f"Visita de trabalho n.º {n}",
                summary_zh_hant=f"本署代表與{CITIES[(n * 7) % 10]}反貪機構交流經驗。",
                year=YEARS[n % len(YEARS)],
                start_date=datetime.date(YEARS[n % len(YEARS)], 1 + n % 12, 1 + n % 28),
                date_precision=DatePrecision.DAY,
                training_hours=12 if kinds[n % len(kinds)] == ActivityKind.TRAINING else None,
                agency=agency,
                state=states[n % len(states)],
                approved_at=now if states[n % len(states)] == WorkflowState.APPROVED else None,
            )
            for n in range(activities)
        ),
        batch_size=BATCH,
    )
    ids = list(Activity.objects.filter(agency=agency).order_by("pk").values_list("pk", "kind"))
    place_ids = list(Place.objects.values_list("pk", flat=True))
    body_ids = list(PartnerBody.objects.filter(agency=agency).values_list("pk", flat=True))
    staff_ids = list(Staff.objects.filter(agency=agency).values_list("pk", flat=True))
    Activity.places.through.objects.bulk_create(
        (
            Activity.places.through(activity_id=pk, place_id=place_ids[(n + k) % len(place_ids)])
            for n, (pk, _kind) in enumerate(ids)
            for k in (0, places // 2)
        ),
        batch_size=BATCH,
    )
    ActivityBody.objects.bulk_create(
        (
            ActivityBody(activity_id=pk, body_id=body_ids[(n + k) % len(body_ids)], role=role)
            for n, (pk, _kind) in enumerate(ids)
            for k, role in ((0, BodyRole.HOST), (bodies // 2, BodyRole.VISITED))
        ),
        batch_size=BATCH,
    )
    DelegationMember.objects.bulk_create(
        (
            DelegationMember(
                activity_id=pk, staff_id=staff_ids[(n + k) % len(staff_ids)], is_head=k == 0
            )
            for n, (pk, _kind) in enumerate(ids)
            for k in range(3)
        ),
        batch_size=BATCH,
    )
    Event.objects.bulk_create(
        (
            Event(activity_id=pk, title_zh_hant=f"第{n}屆{EVENTS[n % 8]}")
            for n, (pk, _kind) in enumerate(ids)
            if n % 3 == 0
        ),
        batch_size=BATCH,
    )
    Attendance.objects.bulk_create(
        (
            Attendance(course_id=pk, participant_id=staff_ids[(n + k) % len(staff_ids)], hours=6)
            for n, (pk, kind) in enumerate(ids)
            if kind == ActivityKind.TRAINING
            for k in range(5)
        ),
        batch_size=BATCH,
    )
    for model in (Activity, ActivityBody, DelegationMember, Event, Attendance):
        log_creations(model)
    refresh_statistics()  # as a new server process would find them (liaison.core.statistics)
    return Office(
        agency=agency,
        viewer=user(agency, "viewer", Role.VIEWER),
        editor=user(agency, "editor", Role.EDITOR),
        approver=user(agency, "approver", Role.APPROVER, Role.EDITOR),
        activity_ids=[pk for pk, _kind in ids],
    )
