"""Personal API tokens: issued on the account page and shown once, stored as a digest,
listed by prefix, revoked, expiring; the session works too, with CSRF on writes; the rate
limit is per token."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from liaison.api.models import ApiToken
from liaison.api.tokens import issue_token, revoke_token
from liaison.core.choices import WorkflowState
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def bearer(token: str) -> Client:
    return Client(headers={"authorization": f"Bearer {token}"})


def test_a_token_is_issued_once_on_the_account_page_and_stored_hashed(editor):
    client = Client()
    client.force_login(editor)
    issued = client.post("/api/tokens/", {"name": "intranet", "expires_on": "2099-12-31"})
    assert issued.status_code == 200 and issued["Cache-Control"] == "no-store"
    token = issued.context["token"]
    row = ApiToken.objects.get()
    assert token.startswith(row.prefix) and token not in row.digest
    assert row.expires_at.date() == datetime.date(2099, 12, 31)
    page = client.get("/account/").content.decode()
    assert row.prefix in page and token not in page and "intranet" in page
    assert bearer(token).get("/api/v1/activities/").status_code == 200


def test_the_account_page_refuses_a_bad_token_form(editor):
    client = Client()
    client.force_login(editor)
    client.post("/api/tokens/", {"name": " "})
    client.post("/api/tokens/", {"name": "old", "expires_on": "2001-01-01"})
    client.post("/api/tokens/", {"name": "bad", "expires_on": "next week"})
    assert not ApiToken.objects.exists()


def test_revoked_and_expired_tokens_stop_working(editor, viewer):
    row, token = issue_token(editor, name="script")
    client = Client()
    client.force_login(viewer)  # someone else's token cannot be revoked
    assert client.post(f"/api/tokens/{row.pk}/revoke/").status_code == 404
    client.force_login(editor)
    assert client.post(f"/api/tokens/{row.pk}/revoke/").status_code == 302
    assert bearer(token).get("/api/v1/activities/").status_code == 401
    old, expired = issue_token(
        editor, name="old", expires_at=timezone.now() + datetime.timedelta(seconds=1)
    )
    ApiToken.objects.filter(pk=old.pk).update(expires_at=timezone.now())
    assert bearer(expired).get("/api/v1/activities/").status_code == 401
    assert bearer("lia_not-a-token").get("/api/v1/activities/").json()["code"] == "unauthenticated"


def test_an_inactive_user_token_stops_working(editor):
    _row, token = issue_token(editor, name="script")
    editor.is_active = False
    editor.save()
    assert bearer(token).get("/api/v1/activities/").status_code == 401


def test_the_session_works_and_its_writes_need_the_csrf_token(editor, agency):
    record = ActivityFactory(agency=agency, state=WorkflowState.DRAFT, approved_at=None)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(f"/api/v1/activities/{record.pk}").status_code == 200
    url = f"/api/v1/activities/{record.pk}/submit"
    refused = client.post(url, {"version": 1}, content_type="application/json")
    assert refused.status_code == 403 and refused.json()["code"] == "csrf"
    client.get("/account/")  # sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    done = client.post(
        url, {"version": 1}, content_type="application/json", headers={"x-csrftoken": csrf}
    )
    assert done.status_code == 200, done.content


@override_settings(LIAISON_API_RATE_LIMIT="3/min")
def test_the_rate_limit_is_per_token(editor):
    cache.clear()
    first, second = (
        bearer(issue_token(editor, name="a")[1]),
        bearer(issue_token(editor, name="b")[1]),
    )
    answers = [first.get("/api/v1/places/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    throttled = first.get("/api/v1/places/")
    assert throttled.json()["code"] == "throttled" and int(throttled["Retry-After"]) > 0
    assert second.get("/api/v1/places/").status_code == 200
    cache.clear()


def test_token_revocation_is_audited(editor):
    from auditlog.models import LogEntry

    row, _token = issue_token(editor, name="script")
    revoke_token(row, user=editor)
    entries = LogEntry.objects.get_for_object(row)
    assert entries.count() == 2
    assert all("digest" not in (entry.changes_dict or {}) for entry in entries)


def test_errors_are_json_never_html(api_client, viewer):
    client = api_client(viewer)
    for response in (
        client.get("/api/v1/no-such-thing"),
        client.get("/api/elsewhere"),
        client.post("/api/v1/activities/", "{not json", content_type="application/json"),
        client.put("/api/v1/activities/1"),
    ):
        assert response["Content-Type"].startswith("application/json"), response.content
        assert set(response.json()) >= {"detail", "code"}
