"""The network deployment as its users meet it: through the balancer, on several hosts."""

import re
import uuid
from pathlib import Path

import psycopg
import pytest

from tests.network.client import Officer

pytestmark = pytest.mark.network


def first_officer(world, base):
    return Officer(base).log_in(next(iter(world["agencies"].values()))["user"])


def test_reads_hit_the_replica_and_not_the_primary(network, world):
    officer = first_officer(world, network["balancer"])
    officer.forget_own_writes()  # logging in wrote (last_login): as if its pin had expired
    token = uuid.uuid4().hex
    assert officer.get(f"/activities/?q={token}").status_code == 200
    assert token in Path(network["replica_log"]).read_text()
    assert token not in Path(network["primary_log"]).read_text()


def test_a_write_is_read_back_at_once(network, world):
    """The replica applies commits a second late here: only the pin makes this pass."""
    officer = first_officer(world, network["balancer"])
    title = f"saved{uuid.uuid4().hex[:8]}"
    response = officer.submit(
        "/activities/add/", kind="meeting", title_zh_hant=title, start_date="2025-03-04"
    )
    assert response.status_code == 302, response.text[:300]
    assert "liaison_primary" in officer.cookies
    assert title in officer.get(response.headers["location"]).text
    assert title in officer.get(f"/activities/?q={title}").text


def test_a_file_stored_through_one_host_is_downloaded_through_another(network, world):
    first, second = network["hosts"][:2]
    officer = first_officer(world, first)
    activity = next(iter(world["agencies"].values()))["pks"][0]
    prefix = "attachments-attachment-content_type-object_id"
    content = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    name = f"minutes{uuid.uuid4().hex[:6]}.pdf"
    response = officer.submit(
        f"/admin/activities/activity/{activity}/change/",
        files={f"{prefix}-0-file": (name, content, "application/pdf")},
        **{f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-kind": "other"},
    )
    assert response.status_code == 302, re.findall(r"errorlist.{0,200}", response.text)
    with psycopg.connect(network["primary_url"]) as primary:
        query = "SELECT id, file FROM attachments_attachment WHERE original_name = %s"
        pk, stored = primary.execute(query, [name]).fetchone()
    assert not any(Path(network["dir"]).glob(f"var/**/{Path(stored).name}"))  # not on a disk
    download = officer.at(second).get(f"/attachments/{pk}/")
    assert download.status_code == 200
    assert download.content == content


def test_agencies_see_only_their_own_records(network, world):
    token = world["token"]
    agencies = world["agencies"]
    others = list(agencies.values())
    for code, agency in agencies.items():
        officer = Officer(network["balancer"]).log_in(agency["user"])
        page = officer.get(f"/activities/?q={token}").text
        seen = set(re.findall(rf"{token}x\d+x\d", page))
        assert seen == set(agency["titles"]), code
        stranger = others[(list(agencies).index(code) + 1) % len(others)]
        assert officer.get(f"/activities/{stranger['pks'][0]}/").status_code == 404
