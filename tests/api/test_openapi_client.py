"""A client written against the OpenAPI document alone (plain httpx): it finds each
operation by its operationId, creates an activity, is refused a stale edit (409) and gets
the activity approved by a second user."""

import httpx
import pytest
from django.core.wsgi import get_wsgi_application

from liaison.api.tokens import issue_token
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


class OpenApiClient:
    """Calls operations by operationId, with the paths and methods the document gives."""

    def __init__(self, token: str):
        transport = httpx.WSGITransport(app=get_wsgi_application())
        self.http = httpx.Client(
            transport=transport,
            base_url="http://testserver",
            headers={"Authorization": f"Bearer {token}"},
        )
        document = self.http.get("/api/v1/openapi.json").raise_for_status().json()
        self.operations = {
            operation["operationId"]: (method.upper(), path)
            for path, methods in document["paths"].items()
            for method, operation in methods.items()
        }

    def call(self, operation_id: str, *, etag: str | None = None, json=None, **path):
        method, template = self.operations[operation_id]
        headers = {"If-Match": etag} if etag else {}
        return self.http.request(method, template.format(**path), json=json, headers=headers)


def test_create_edit_stale_and_approve(editor, second_editor, approver, agency):
    place = PlaceFactory()
    author = OpenApiClient(issue_token(editor, name="intranet")[1])
    colleague = OpenApiClient(issue_token(second_editor, name="portal")[1])
    boss = OpenApiClient(issue_token(approver, name="script")[1])

    created = author.call(
        "activity_create",
        json={
            "kind": "outbound_visit",
            "title_zh_hant": "赴里斯本交流",
            "start_date": "2024-04-08",
            "places": [place.pk],
        },
    )
    assert created.status_code == 201, created.text
    pk, first_etag = created.json()["id"], created.headers["ETag"]

    theirs = colleague.call(
        "activity_update", pk=pk, etag=first_etag, json={"title_en": "To Lisbon"}
    )
    assert theirs.status_code == 200
    stale = author.call("activity_update", pk=pk, etag=first_etag, json={"title_pt": "A Lisboa"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "stale" and stale.json()["changed_by"] == "editor2"
    assert stale.json()["current"]["title_en"] == "To Lisbon"

    current = author.call("activity_read", pk=pk)
    retried = author.call(
        "activity_update", pk=pk, etag=current.headers["ETag"], json={"title_pt": "A Lisboa"}
    )
    assert retried.status_code == 200
    assert retried.json()["title_en"] == "To Lisbon" and retried.json()["title_pt"] == "A Lisboa"

    submitted = author.call("activity_submit", pk=pk, etag=retried.headers["ETag"], json={})
    assert submitted.json()["state"] == "submitted"
    approved = boss.call("activity_approve", pk=pk, etag=submitted.headers["ETag"], json={})
    assert approved.status_code == 200, approved.text
    assert approved.json()["state"] == "approved"


def test_the_docs_page_needs_no_internet(client):
    from django.contrib.staticfiles import finders

    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert finders.find("ninja/swagger-ui-bundle.js") and finders.find("ninja/swagger-ui.css")
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {"TokenAuth", "MemberSessionAuth"} <= set(document["components"]["securitySchemes"])
