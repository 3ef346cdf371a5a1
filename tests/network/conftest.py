"""The loopback network deployment (scripts/network.sh) under test.

Collected only when `network.sh test` has brought the stack up and named its state folder
in LIAISON_NETWORK_DIR; the test process writes its fixtures straight to the primary
(DATABASE_URL), as an administrator would, and reads the answers through HTTP.
"""

import json
import os
import subprocess
import time
import uuid
from pathlib import Path

import psycopg
import pytest

from liaison.core.choices import Role
from tests.factories import ActivityFactory, AgencyFactory, UserFactory

if not os.environ.get("LIAISON_NETWORK_DIR"):
    collect_ignore_glob = ["test_*.py"]

AGENCIES = 30


@pytest.fixture(scope="session")
def network():
    return json.loads((Path(os.environ["LIAISON_NETWORK_DIR"]) / "network.json").read_text())


def wait_for_replica(network, timeout=30.0):
    """Until the replica has replayed everything the primary had written when asked."""
    with psycopg.connect(network["primary_url"], autocommit=True) as primary:
        lsn = primary.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
    deadline = time.monotonic() + timeout
    with psycopg.connect(network["replica_url"], autocommit=True) as replica:
        while time.monotonic() < deadline:
            query = "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn"
            if replica.execute(query, [lsn]).fetchone()[0]:
                return
            time.sleep(0.1)
    raise AssertionError("the replica did not catch up")


@pytest.fixture(scope="session")
def world(network, django_db_blocker):
    """Many agencies, each with an editor (also admin staff) and three activities whose
    titles carry the run's token and the agency's code."""
    token = uuid.uuid4().hex[:10]
    agencies = {}
    with django_db_blocker.unblock():
        for n in range(AGENCIES):
            agency = AgencyFactory(code=f"net{token}{n}")
            user = UserFactory(
                username=f"officer{token}{n}", agency=agency, roles=(Role.EDITOR,), is_staff=True
            )
            titles = [f"{token}x{n}x{i}" for i in range(3)]
            activities = [ActivityFactory(agency=agency, title_zh_hant=t) for t in titles]
            agencies[agency.code] = {
                "user": user.username,
                "titles": titles,
                "pks": [a.pk for a in activities],
            }
    wait_for_replica(network)
    return {"token": token, "agencies": agencies}


@pytest.fixture
def restart_host(network):
    """Brings a host that a test killed back up afterwards."""
    killed = []
    yield killed.append
    for n in killed:
        subprocess.run(["bash", "scripts/network.sh", "start-host", str(n)], check=True)
