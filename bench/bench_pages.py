"""Benchmark the staff's pages at one office's size, in process (Django's test client).

    python bench/bench_pages.py [--activities 5000] [--repeat 100] [--database-url URL]

Builds a throw-away SQLite database in a temporary folder (or migrates the empty database
at URL, PostgreSQL), fills it with one office (bench/office.py), then times an approver's
dashboard (as most requests find it, kept, and as the first after a write builds it), a
filtered activity list and an outbound visit's detail page: server time as the test client
sees it (middleware, views, templates; no network), and the API's activity list
(a page of 50 with their places, bodies' roles, events and delegations). Exits non-zero
naming each page whose p95 is over 30 ms or that runs more than 10 queries. The load test
(gunicorn and a load generator) is another benchmark; this one is the quick check.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from measure import p95, setup_django, timings_ms
from office import build_office

P95_TARGET_MS, QUERY_TARGET = 30.0, 10


def time_page(client, url: str, repeat: int, *, built: bool = False) -> tuple[list[float], int]:
    """Times in ms of `repeat` requests after a warm-up, and the queries of one warm request
    (counted before the timed ones: each request's start empties the log the count reads).
    `built`: each request as the first after a write, with nothing of it kept in the cache
    (core.freshness); otherwise as most are, after another reader's."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        if built:
            cache.clear()
        return client.get(url, secure=True)

    client.get(url, secure=True)  # a worker's per-process caches (content types) warm up once
    with CaptureQueriesContext(connection) as queries:
        response = get()
    count = len(queries)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return timings_ms(get, repeat), count


def log_in_with_second_factor(client, user) -> None:
    """Log `user` in past both steps, as django-otp leaves a session after a correct code
    (an approver must pass a second factor before any page)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, confirmed=True, name="bench")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def pages(office) -> dict[str, str]:
    from liaison.activities.choices import ActivityKind
    from liaison.activities.models import Activity

    visit = (
        Activity.objects.filter(pk__in=office.activity_ids, kind=ActivityKind.OUTBOUND_VISIT)
        .order_by("-pk")
        .first()
    )
    return {
        "dashboard": "/",
        "dashboard, new": "/",
        "filtered list": f"/activities/?kind={ActivityKind.OUTBOUND_VISIT}&year=2024"
        "&region=mainland",
        "detail page": f"/activities/{visit.pk}/",
        "detail page, new": f"/activities/{visit.pk}/",
    }


def api_pages() -> dict[str, str]:
    """Read with a personal token, the way programs call the API."""
    from liaison.activities.choices import ActivityKind

    return {
        "API list": "/api/v1/activities/?limit=50",
        "API filtered": f"/api/v1/activities/?kind={ActivityKind.OUTBOUND_VISIT}&limit=50",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=5000)
    # p95 of 100: on a shared machine, 30 put one stray pause at the 95th percentile.
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder), args.database_url)
        from django.db import connection
        from django.test import Client

        from liaison.api.tokens import issue_token

        start = time.perf_counter()
        office = build_office(args.activities)
        connection.queries_log.clear()
        gc.collect()  # as liaison.wsgi does once the server has loaded
        gc.freeze()
        took = time.perf_counter() - start
        print(f"{connection.vendor}: {args.activities} activities in {took:.1f} s")
        client = Client(headers={"accept-language": "zh-hant"})
        log_in_with_second_factor(client, office.approver)
        token = issue_token(office.approver, name="bench")[1]
        program = Client(headers={"authorization": f"Bearer {token}"})
        program.get(api_pages()["API list"], secure=True)  # the token's last use, once a while
        missed = []
        wanted = [(name, url, client) for name, url in pages(office).items()]
        wanted += [(name, url, program) for name, url in api_pages().items()]
        for name, url, reader in wanted:
            times, queries = time_page(reader, url, args.repeat, built=name.endswith(", new"))
            median = statistics.median(times)
            print(
                f"  {name:16} p50 {median:6.1f} ms  p95 {p95(times):6.1f} ms"
                f"  {queries:3} queries  {url}"
            )
            if p95(times) > P95_TARGET_MS:
                missed.append(f"{name} p95 {p95(times):.1f} ms > {P95_TARGET_MS} ms")
            if queries > QUERY_TARGET:
                missed.append(f"{name} {queries} queries > {QUERY_TARGET}")
        for line in missed:
            print(f"over target: {line}")
        return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
