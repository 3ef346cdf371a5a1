"""One gunicorn host killed mid-run: the balancer routes around it, and no request that
was answered is lost (every acknowledged write is in the database); only what was in flight
on the victim goes unanswered."""

import os
import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
import requests

from tests.network.client import Officer

pytestmark = pytest.mark.network

CLIENTS = 4
REQUESTS_EACH = 40  # bounded: 160 requests, a few seconds


def test_a_host_killed_mid_run_loses_no_answered_request(network, world, restart_host):
    users = [agency["user"] for agency in world["agencies"].values()][:CLIENTS]
    officers = [Officer(network["balancer"]).log_in(user) for user in users]
    killed = threading.Event()
    victim = "app2"

    def run(officer):
        outcomes = []
        for i in range(REQUESTS_EACH):
            if i == REQUESTS_EACH // 4 and officer is officers[0]:
                pid = int((Path(network["dir"]) / "host2.pid").read_text())
                os.killpg(pid, signal.SIGKILL)
                restart_host(2)
                killed.set()
            try:
                if i % 5 == 4:
                    title = f"load{uuid.uuid4().hex[:10]}"
                    response = officer.submit(
                        "/activities/add/",
                        kind="meeting",
                        title_zh_hant=title,
                        start_date="2025-05-06",
                    )
                    outcomes.append(("write", title, response.status_code, killed.is_set()))
                else:
                    response = officer.get("/activities/")
                    host = response.headers.get("X-Liaison-Host")
                    outcomes.append(("read", host, response.status_code, killed.is_set()))
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):
                # The victim died with this request in flight, its answer begun: the balancer
                # can only drop the connection.
                outcomes.append(("cut", None, None, killed.is_set()))
            time.sleep(0.01)
        return outcomes

    with ThreadPoolExecutor(CLIENTS) as pool:
        outcomes = [o for result in pool.map(run, officers) for o in result]

    reads = [o for o in outcomes if o[0] == "read"]
    assert {o[2] for o in reads} == {200}, "a read was not answered"
    assert any(o[1] == victim for o in reads if not o[3]), "the victim served before"
    after = [o for o in reads if o[3]]
    assert after and all(o[1] != victim for o in after[len(after) // 2 :])
    acknowledged = [o[1] for o in outcomes if o[0] == "write" and o[2] == 302]
    refused = [o for o in outcomes if o[0] == "write" and o[2] != 302]
    assert all(o[2] == 502 for o in refused), refused  # the balancer's: never sent twice
    # An answer the victim was sending when it died is cut short: never answered, so not
    # lost; with the refusals, at most one request in flight per client but the killer.
    cut = [o for o in outcomes if o[0] == "cut"]
    assert len(refused) + len(cut) < CLIENTS, (refused, cut)
    with psycopg.connect(network["primary_url"]) as primary:
        query = "SELECT count(*) FROM activities_activity WHERE title_zh_hant = ANY(%s)"
        assert primary.execute(query, [acknowledged]).fetchone()[0] == len(acknowledged)
