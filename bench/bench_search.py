"""Benchmark the search box at network size against the admin's icontains over the same rows.

    python bench/bench_search.py [--activities 50000] [--repeat 20] [--database-url URL]

Builds a throw-away SQLite database in a temporary folder (or migrates the empty database
at URL, PostgreSQL), fills it with approved activities and bodies by bulk_create, rebuilds
the index, then times a viewer's search (every kind counted through the chokepoint, the
best five of each) for common, rare, short, Latin and acronym queries, and the admin's
`icontains` (count and first page) over the same activities. Exits non-zero when a p95 is
over 30 ms or search is not 20x faster than icontains (the ratio of the medians).
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

P95_TARGET_MS, RATIO_TARGET = 30.0, 20.0
QUERIES = ["监察委员会", "盧森堡", "香港", "comissao", "GlobE", "機構"]
CITIES = ["香港", "北京", "廣州", "深圳", "維也納", "新加坡", "首爾", "里斯本", "巴黎", "東京"]
EVENTS = ["研討會", "工作會議", "培訓班", "交流訪問", "年會", "論壇", "考察", "簽署備忘錄"]


def setup_django(folder: Path, database_url: str | None) -> None:
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["LIAISON_VAR_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liaison.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def fill(count: int):
    """`count` approved activities and a few hundred bodies; one activity names a rare
    place (盧森堡). Returns a viewer of the agency."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from liaison.accounts.models import Agency
    from liaison.activities.choices import ActivityKind, DatePrecision
    from liaison.activities.models import Activity
    from liaison.core.choices import RegionGroup, Role, WorkflowState
    from liaison.partners.models import PartnerBody

    now = datetime.datetime(2025, 1, 15, tzinfo=datetime.UTC)
    agency = Agency.objects.create(code="bench", name_zh_hant="廉政公署", name_en="CCAC")
    owned = {"agency": agency, "state": WorkflowState.APPROVED, "approved_at": now}
    PartnerBody.objects.bulk_create(
        PartnerBody(
            name_zh_hant=f"{CITIES[n % 10]}監察委員會{n}",
            name_pt=f"Comissão de Fiscalização {n}",
            acronym="GlobE" if n == 7 else f"B{n}",
            region_group=RegionGroup.MAINLAND,
            **owned,
        )
        for n in range(300)
    )
    kinds = list(ActivityKind)
    Activity.objects.bulk_create(
        (
            Activity(
                kind=kinds[n % len(kinds)],
                title_zh_hant=(
                    f"赴{'盧森堡' if n == count // 2 else CITIES[n % 10]}出席"
                    f"{EVENTS[n % 8]}（第{n}屆）"
                ),
                title_pt=f"Visita de trabalho n.º {n} à Comissão",
                summary_zh_hant=f"本署代表與{CITIES[(n * 7) % 10]}反貪機構交流經驗，第{n}次。",
                year=2000 + n % 25,
                start_date=datetime.date(2000 + n % 25, 1 + n % 12, 1),
                date_precision=DatePrecision.MONTH,
                **owned,
            )
            for n in range(count)
        ),
        batch_size=2000,
    )
    viewer = get_user_model().objects.create_user("viewer", password="x", agency=agency)
    viewer.groups.add(Group.objects.get_or_create(name=Role.VIEWER)[0])
    return viewer


def admin_icontains(user, query: str):
    """What the admin's search does: icontains over the text columns, count and a page."""
    from django.db.models import Q

    from liaison.activities.models import Activity

    condition = Q()
    for field in ("title_zh_hant", "title_pt", "title_en", "summary_zh_hant", "summary_pt"):
        condition |= Q(**{f"{field}__icontains": query})
    rows = Activity.objects.visible_to(user).filter(condition).order_by("-pk")
    return rows.count(), list(rows[:20])


def timings_ms(action, repeat: int) -> list[float]:
    action()  # warm-up
    found = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        found.append((time.perf_counter() - start) * 1000)
    return found


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder), args.database_url)
        from django.db import connection

        from liaison.search.indexing import rebuild
        from liaison.search.results import search

        viewer = fill(args.activities)
        start = time.perf_counter()
        indexed = rebuild()
        print(
            f"{connection.vendor}: {args.activities} activities, {indexed} documents indexed"
            f" in {time.perf_counter() - start:.1f} s"
        )
        failed = False
        for query in QUERIES:
            found = sum(kind.count for kind in search(viewer, query))
            ours = timings_ms(lambda q=query: search(viewer, q), args.repeat)
            theirs = timings_ms(lambda q=query: admin_icontains(viewer, q), args.repeat)
            ratio = statistics.median(theirs) / statistics.median(ours)
            print(
                f"  {query:12} {found:6} hits  search p95 {p95(ours):7.1f} ms"
                f"  icontains p95 {p95(theirs):7.1f} ms  ratio {ratio:5.1f}x"
            )
            failed |= p95(ours) > P95_TARGET_MS or ratio < RATIO_TARGET
        if failed:
            print(f"over target: p95 ≤ {P95_TARGET_MS} ms and ≥ {RATIO_TARGET}x icontains")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
