"""What the benchmarks measure with: a Django set up on a throw-away database, timings and
their p95, a stopwatch of wall-clock and CPU time, the process's peak memory; and what
bench_load measures inside Django (`measure`: queries per page and the chapter per format,
run in a child process whose environment names the benchmark's database; prints JSON).
"""

from __future__ import annotations

import os
import resource
import statistics
import time
from dataclasses import dataclass
from pathlib import Path


def setup_django(folder: Path, database_url: str | None = None) -> None:
    """Django as served (no query log, cached templates) on the empty database at
    `database_url`, or a new SQLite file in `folder`, migrated."""
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["LIAISON_VAR_DIR"] = str(folder)
    os.environ["LIAISON_DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liaison.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {  # no collectstatic manifest in a throw-away folder
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0, interactive=False)


def timings_ms(action, repeat: int, clock=time.perf_counter) -> list[float]:
    """The milliseconds of `repeat` runs of `action`, after one to warm up."""
    action()
    found = []
    for _ in range(repeat):
        start = clock()
        action()
        found.append((clock() - start) * 1000)
    return found


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


@dataclass
class Stopwatch:
    """Wall-clock and CPU seconds of the block it times: on a shared machine the wall
    clock also counts the time other processes had the cores."""

    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def __enter__(self) -> Stopwatch:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self._wall
        self.cpu_seconds = time.process_time() - self._cpu


def peak_memory_mb() -> float:
    """The process's largest resident set so far (Linux reports it in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(pages) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from liaison.accounts.models import User
    from liaison.activities.models import Activity
    from liaison.reports.services import generate

    officer = User.objects.get(username="officera000")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(officer)
    pk = (
        Activity.objects.filter(agency=officer.agency)
        .order_by("pk")
        .values_list("pk", flat=True)[1]
    )
    queries = {}
    for name, ours in pages:
        path = ours.format(pk=pk)
        client.get(path)  # warm: the first request loads templates and translations
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path).status_code
        queries[name] = len(captured) if status == 200 else -status
    chapter = {}
    for fmt in ("md", "docx", "pdf"):
        generate(officer.agency, 2020, "zh-Hant", fmt)  # warm: fonts, templates
        runs = []
        for _ in range(1):  # one timed run: the PDF takes seconds
            start = time.perf_counter()
            generate(officer.agency, 2020, "zh-Hant", fmt)
            runs.append((time.perf_counter() - start) * 1000)
        chapter[fmt] = statistics.median(runs)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    return {"pk": pk, "cookie": cookie, "queries": queries, "chapter": chapter}
