"""Benchmark the annual chapter: a year of 300 activities written as MD, DOCX and PDF.

    python bench/bench_reports.py [--activities 300] [--repeat 5]

Builds a throw-away SQLite database in a temporary folder (migrated here), fills it with a
year of records and the year before, then times the whole generation (queries, statistics,
charts, rendering) per format: the median of `--repeat` runs after one warm-up run (fonts
and templates load once per process). Exits non-zero when a median is over its target.
The CPU time is printed too: on a machine busy with other work it is the steadier figure.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGETS_MS = {"md": 100.0, "docx": 500.0, "pdf": 2000.0}


def setup_django(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["LIAISON_VAR_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liaison.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def fill(count: int):
    """A year of `count` approved activities and the year before, with bodies, places,
    events and training attendance. Rows go in with bulk_create: this database is thrown
    away, so the audit trail the services keep is not wanted here."""
    from liaison.accounts.models import Agency
    from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision, Mode
    from liaison.activities.models import Activity, ActivityBody, Event
    from liaison.core.choices import RegionGroup, WorkflowState
    from liaison.partners.models import PartnerBody, Place
    from liaison.people.models import Staff, Unit
    from liaison.training.models import Attendance

    now = datetime.datetime(2025, 1, 15, tzinfo=datetime.UTC)
    approved = {"state": WorkflowState.APPROVED, "approved_at": now}
    agency = Agency.objects.create(code="bench", name_zh_hant="廉政公署", name_en="CCAC")
    owned = {"agency": agency, **approved}
    regions = list(RegionGroup)
    places = Place.objects.bulk_create(
        Place(
            name_zh_hant=f"城市{n}",
            name_en=f"City {n}" if n % 3 else "",
            kind="city",
            region_group=regions[n % len(regions)],
        )
        for n in range(60)
    )
    bodies = PartnerBody.objects.bulk_create(
        PartnerBody(
            name_zh_hant=f"監察委員會{n}",
            name_pt=f"Comissão {n}" if n % 2 else "",
            region_group=regions[n % len(regions)],
            **owned,
        )
        for n in range(120)
    )
    units = Unit.objects.bulk_create(
        Unit(code=f"u{n}", name_zh_hant=f"調查廳{n}", **owned) for n in range(8)
    )
    staff = Staff.objects.bulk_create(
        Staff(name_zh_hant=f"陳大文{n}", staff_number=f"S{n:05d}", unit=units[n % 8], **owned)
        for n in range(200)
    )
    kinds, modes = list(ActivityKind), [Mode.IN_PERSON, Mode.ONLINE]
    activities = Activity.objects.bulk_create(
        Activity(
            kind=(kind := kinds[n % 5]),
            title_zh_hant=f"活動{n}",
            summary_zh_hant=f"赴城市{n % 60}出席“第{n}屆國際會議”。" if n % 2 else "",
            year=(year := 2024 if n < count else 2023),
            start_date=datetime.date(year, n % 12 + 1, n % 28 + 1),
            date_precision=DatePrecision.DAY,
            mode=modes[n % 2] if kind == ActivityKind.MEETING else "",
            training_hours=12 if kind == ActivityKind.TRAINING else None,
            **owned,
        )
        for n in range(count + count * 4 // 5)
    )
    Activity.places.through.objects.bulk_create(
        Activity.places.through(activity_id=a.pk, place_id=places[n % 60].pk)
        for n, a in enumerate(activities)
    )
    ActivityBody.objects.bulk_create(
        ActivityBody(activity=a, body=bodies[(n + k) % 120], role=BodyRole.HOST)
        for n, a in enumerate(activities)
        for k in range(2)
    )
    Event.objects.bulk_create(
        Event(activity=a, title_zh_hant=f"第{n}屆國際會議", title_en=f"Conference {n}")
        for n, a in enumerate(activities)
    )
    courses = [a for a in activities if a.kind == ActivityKind.TRAINING]
    Attendance.objects.bulk_create(
        Attendance(course=course, participant=staff[(n * 7 + k) % 200], hours=6 + k % 6)
        for n, course in enumerate(courses)
        for k in range(10)
    )
    return agency


def time_format(agency, fmt: str, language: str, repeat: int) -> dict:
    """Wall and CPU milliseconds: the first run, and the medians of `repeat` runs after it."""
    from liaison.reports.services import generate

    def once() -> tuple[float, float, int]:
        wall, cpu = time.perf_counter(), time.process_time()
        _, content = generate(agency, 2024, language, fmt)
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, len(content)

    cold, _, size = once()
    runs = [once() for _ in range(repeat)]
    return {
        "cold": cold,
        "wall": statistics.median(run[0] for run in runs),
        "cpu": statistics.median(run[1] for run in runs),
        "size": size,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lang", default="zh-Hant")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="liaison-bench-") as folder:
        setup_django(Path(folder))
        agency = fill(args.activities)
        over = []
        print(f"chapter of {args.activities} activities ({args.lang}), median of {args.repeat}:")
        for fmt, target in TARGETS_MS.items():
            run = time_format(agency, fmt, args.lang, args.repeat)
            flag = "ok" if run["wall"] <= target else "OVER"
            print(
                f"  {fmt:5} {run['wall']:8.1f} ms (CPU {run['cpu']:7.1f} ms,"
                f" first run {run['cold']:7.1f} ms, {run['size']:>9,} bytes)"
                f"  target ≤ {target:.0f} ms  {flag}"
            )
            if run["wall"] > target:
                over.append(fmt)
    if over:
        print(f"over target: {', '.join(over)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
