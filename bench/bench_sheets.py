"""Benchmark importing a sheet: 10,000 attendance rows in an .xlsx workbook.

    python bench/bench_sheets.py [--rows 10000] [--database-url URL]

Builds a throw-away SQLite database in a temporary folder (or migrates the empty database
at URL), with 20 training courses and 500 officers (enough for every row to be new),
writes the workbook, then imports it for an editor (written, not a dry run: audited,
sealed, with its provenance) and reports the seconds (and the CPU seconds: on a shared
machine the wall clock counts others' turns too) and the process's peak memory (its
maximum resident set). Exits non-zero naming the figure over its target: 10 s, 200 MB.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
from pathlib import Path

from measure import Stopwatch, peak_memory_mb, setup_django

SECONDS_TARGET, MEGABYTES_TARGET = 10.0, 200.0
COURSES = 20


def officers(rows: int) -> int:
    """Enough officers that every row is a new attendance (500 for 10,000 rows)."""
    return max(500, -(-rows // COURSES))


def fill(rows: int):
    """The courses and officers the rows name; returns an editor of the agency."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from liaison.accounts.models import Agency
    from liaison.activities.choices import ActivityKind, DatePrecision
    from liaison.activities.models import Activity
    from liaison.core.choices import Role, WorkflowState
    from liaison.people.models import Staff, Unit

    now = datetime.datetime(2025, 1, 15, tzinfo=datetime.UTC)
    agency = Agency.objects.create(code="bench", name_zh_hant="廉政公署", name_en="CCAC")
    owned = {"agency": agency, "state": WorkflowState.APPROVED, "approved_at": now}
    unit = Unit.objects.create(code="train", name_zh_hant="培訓廳", **owned)
    Staff.objects.bulk_create(
        Staff(name_zh_hant=f"陳大文{n}", staff_number=f"S{n:05d}", unit=unit, **owned)
        for n in range(officers(rows))
    )
    Activity.objects.bulk_create(
        Activity(
            kind=ActivityKind.TRAINING,
            title_zh_hant=f"調查技巧培訓班（第{n}期）",
            year=2024,
            start_date=datetime.date(2024, 1 + n % 12, 1),
            date_precision=DatePrecision.MONTH,
            **owned,
        )
        for n in range(COURSES)
    )
    editor = get_user_model().objects.create_user("bench-editor", agency=agency)
    editor.groups.add(Group.objects.get_or_create(name=Role.EDITOR)[0])
    return editor


def write_workbook(path: Path, rows: int, kind) -> None:
    """The rows under their Chinese headers, as the office would type them."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("出席")
    keys = ("course", "course_year", "staff_number", "participant", "hours", "completed")
    sheet.append([str(kind.column(key).label) for key in keys])
    for n in range(rows):
        course, officer = n % COURSES, (n // COURSES) % officers(rows)
        sheet.append([f"調查技巧培訓班（第{course}期）", 2024, f"S{officer:05d}", "", 3, "是"])
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder), args.database_url)
        from django.utils import translation

        from liaison.sheets import registry
        from liaison.sheets.importing import import_sheet

        editor = fill(args.rows)
        path = Path(folder) / "attendance.xlsx"
        kind = registry.kind_named("attendance")
        with translation.override("zh-hant"):
            write_workbook(path, args.rows, kind)
            with Stopwatch() as took:
                result = import_sheet(kind, path, user=editor)
    seconds, megabytes = took.seconds, peak_memory_mb()
    print(
        f"{args.rows:,} attendance rows: {seconds:.2f} s (CPU {took.cpu_seconds:.2f} s), "
        f"peak memory {megabytes:.0f} MB"
    )
    print(f"  {result.counts}")
    missed = []
    if not result.written or result.counts["create"] != args.rows:
        missed.append(f"rows created: {result.counts['create']} of {args.rows}")
    if seconds > SECONDS_TARGET:
        missed.append(f"time: {seconds:.2f} s > {SECONDS_TARGET:.0f} s")
    if megabytes > MEGABYTES_TARGET:
        missed.append(f"memory: {megabytes:.0f} MB > {MEGABYTES_TARGET:.0f} MB")
    for figure in missed:
        print(f"MISSED {figure}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
