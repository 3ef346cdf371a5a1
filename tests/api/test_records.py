"""Every record family's endpoints as every role: the web pages' visibility and permissions,
the workflow, the version required on writes, and the one error shape."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.test import Client

from liaison.activities.choices import ActivityKind, BodyRole
from liaison.activities.models import Activity, ActivityBody, DelegationMember
from liaison.api.records import PATHS
from liaison.core.choices import Classification, Role, WorkflowState
from tests.factories import (
    ActivityFactory,
    CaseAssistanceRequestFactory,
    EventFactory,
    PartnerBodyFactory,
    PlaceFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db
JSON = "application/json"


def list_paths() -> list[str]:
    """Every record family's list in the API."""
    return list(PATHS.values())


def test_every_list_is_refused_without_credentials():
    for path in list_paths():
        response = Client().get(path)
        assert response.status_code == 401, path
        assert response.json()["code"] == "unauthenticated"


@pytest.mark.parametrize(
    ("roles", "register"),
    [((Role.VIEWER,), 403), ((Role.EDITOR,), 403), ((Role.REGISTER_OFFICER, Role.VIEWER), 200)],
)
def test_every_list_answers_a_member(api_client, make_user, roles, register):
    client = api_client(make_user(*roles))
    for path in list_paths():
        response = client.get(path)
        expected = register if path.endswith("/register/") else 200
        assert response.status_code == expected, (path, response.content)
        if expected == 200:
            assert set(response.json()) == {"count", "limit", "offset", "results"}


def test_a_user_without_a_role_gets_no_token(make_user):
    from django.core.exceptions import ValidationError

    from liaison.api.tokens import issue_token

    with pytest.raises(ValidationError):
        issue_token(make_user(), name="x")


def test_viewer_reads_approved_records_only(api_client, viewer, agency):
    approved = ActivityFactory(agency=agency, title_zh_hant="已批准")
    draft = ActivityFactory(agency=agency, state=WorkflowState.DRAFT, approved_at=None)
    client = api_client(viewer)
    listed = client.get("/api/v1/activities/").json()
    assert [row["id"] for row in listed["results"]] == [approved.pk]
    assert listed["count"] == 1
    assert client.get(f"/api/v1/activities/{approved.pk}").status_code == 200
    hidden = client.get(f"/api/v1/activities/{draft.pk}")
    missing = client.get("/api/v1/activities/987654")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_viewer_may_not_write(api_client, viewer, agency):
    record = ActivityFactory(agency=agency)
    client = api_client(viewer)
    created = client.post("/api/v1/activities/", {"kind": "meeting"}, content_type=JSON)
    assert created.status_code == 403
    assert created.json()["code"] == "forbidden"
    changed = client.patch(
        f"/api/v1/activities/{record.pk}", {"title_en": "x", "version": 1}, content_type=JSON
    )
    assert changed.status_code == 403


def test_another_agency_records_are_not_there(api_client, editor, other_agency):
    theirs = PartnerBodyFactory(agency=other_agency)
    client = api_client(editor)
    assert client.get(f"/api/v1/bodies/{theirs.pk}").status_code == 404
    assert client.get("/api/v1/bodies/").json()["count"] == 0


def test_confidential_record_is_404_unless_named(api_client, editor, make_user, agency):
    secret = PartnerBodyFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    named = make_user(Role.EDITOR)
    secret.cleared_officers.add(named)
    assert api_client(editor).get(f"/api/v1/bodies/{secret.pk}").status_code == 404
    response = api_client(named).get(f"/api/v1/bodies/{secret.pk}")
    assert response.status_code == 200
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=named).count() == 1


def test_editor_creates_edits_and_submits(api_client, editor, agency):
    place = PlaceFactory()
    client = api_client(editor)
    body = {"kind": "outbound_visit", "title_zh_hant": "外訪", "start_date": "2024-05-02"}
    refused = client.post("/api/v1/activities/", body, content_type=JSON)
    assert refused.status_code == 422  # like the form: a visit goes somewhere
    assert "places" in refused.json()["errors"]
    created = client.post("/api/v1/activities/", {**body, "places": [place.pk]}, content_type=JSON)
    assert created.status_code == 201, created.content
    record = created.json()
    assert record["year"] == 2024 and record["state"] == "draft"
    assert created["ETag"] == '"1"'
    url = f"/api/v1/activities/{record['id']}"
    edited = client.patch(
        url, {"title_en": "Visit"}, content_type=JSON, headers={"if-match": '"1"'}
    )
    assert edited.status_code == 200
    assert edited.json()["title_en"] == "Visit" and edited.json()["places"] == [place.pk]
    submitted = client.post(f"{url}/submit", {"version": 2}, content_type=JSON)
    assert submitted.json()["state"] == "submitted"


def test_a_write_without_the_version_is_refused(api_client, editor, agency):
    record = ActivityFactory(agency=agency)
    client = api_client(editor)
    response = client.patch(f"/api/v1/activities/{record.pk}", {"title_en": "x"}, content_type=JSON)
    assert response.status_code == 428
    assert response.json()["code"] == "version_required"
    record.refresh_from_db()
    assert record.title_en == "" and record.version == 1


def test_a_stale_write_is_409_with_the_current_state(api_client, editor, second_editor, agency):
    record = ActivityFactory(agency=agency, kind=ActivityKind.MEETING)
    url = f"/api/v1/activities/{record.pk}"
    mine, theirs = api_client(editor), api_client(second_editor)
    assert (
        theirs.patch(url, {"title_en": "Theirs", "version": 1}, content_type=JSON).status_code
        == 200
    )
    stale = mine.patch(url, {"title_en": "Mine", "version": 1}, content_type=JSON)
    assert stale.status_code == 409
    answer = stale.json()
    assert answer["code"] == "stale" and answer["changed_by"] == "editor2"
    assert answer["current"]["title_en"] == "Theirs" and answer["current"]["version"] == 2
    assert Activity.objects.get(pk=record.pk).title_en == "Theirs"


def test_approval_needs_another_approver(api_client, editor, approver, make_user, agency):
    record = ActivityFactory(agency=agency, state=WorkflowState.SUBMITTED, updated_by=approver)
    url = f"/api/v1/activities/{record.pk}/approve"
    assert api_client(editor).post(url, {"version": 1}, content_type=JSON).status_code == 403
    assert api_client(approver).post(url, {"version": 1}, content_type=JSON).status_code == 403
    other = make_user(Role.APPROVER, Role.VIEWER)
    approved = api_client(other).post(url, {"version": 1}, content_type=JSON)
    assert approved.status_code == 200 and approved.json()["state"] == "approved"


def test_reject_needs_a_reason(api_client, approver, agency):
    record = ActivityFactory(agency=agency, state=WorkflowState.SUBMITTED)
    url = f"/api/v1/activities/{record.pk}/reject"
    client = api_client(approver)
    assert client.post(url, {"version": 1}, content_type=JSON).status_code == 422
    back = client.post(url, {"version": 1, "reason": "Dates wrong"}, content_type=JSON)
    assert back.json()["state"] == "draft"


def test_rows_are_added_and_removed_at_the_record_version(api_client, editor, agency):
    course = ActivityFactory(
        agency=agency, kind=ActivityKind.TRAINING, training_hours=10, state=WorkflowState.DRAFT
    )
    officer = StaffFactory(agency=agency)
    client = api_client(editor)
    url = f"/api/v1/activities/{course.pk}/attendance"
    too_long = client.post(
        url, {"participant": officer.pk, "hours": 12, "version": 1}, content_type=JSON
    )
    assert too_long.status_code == 422  # the form's rule: no more hours than the course
    added = client.post(
        url, {"participant": officer.pk, "hours": 6, "version": 1}, content_type=JSON
    )
    assert added.status_code == 201, added.content
    row = added.json()["attendance"][0]
    assert row["participant"] == officer.pk and added.json()["version"] == 2
    stale = client.delete(f"{url}/{row['id']}", headers={"if-match": '"1"'})
    assert stale.status_code == 409
    removed = client.delete(f"{url}/{row['id']}", headers={"if-match": '"2"'})
    assert removed.status_code == 200 and removed.json()["attendance"] == []


def test_administrator_deletes_with_the_version(api_client, administrator, agency):
    record = ActivityFactory(agency=agency)
    client = api_client(administrator)
    url = f"/api/v1/activities/{record.pk}"
    assert client.delete(url).status_code == 428
    assert client.delete(url, headers={"if-match": '"1"'}).status_code == 204
    assert not Activity.objects.filter(pk=record.pk).exists()


def test_register_is_for_its_named_officers_and_every_read_is_logged(
    api_client, register_officer, make_user, agency
):
    entry = CaseAssistanceRequestFactory(agency=agency)
    entry.cleared_officers.add(register_officer)
    other_officer = make_user(Role.REGISTER_OFFICER, Role.VIEWER)
    assert api_client(other_officer).get("/api/v1/register/").json()["count"] == 0
    assert api_client(other_officer).get(f"/api/v1/register/{entry.pk}").status_code == 404
    client = api_client(register_officer)
    assert client.get("/api/v1/register/").json()["count"] == 1
    assert client.get(f"/api/v1/register/{entry.pk}").status_code == 200
    views = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(entry.pk))
    assert views.filter(actor=register_officer).count() == 2


def test_lists_filter_like_the_web_lists(api_client, viewer, agency):
    ActivityFactory(agency=agency, kind=ActivityKind.MEETING, title_zh_hant="會議甲")
    ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, title_zh_hant="課程乙")
    client = api_client(viewer)
    meetings = client.get("/api/v1/activities/?kind=meeting").json()
    assert [row["title_zh_hant"] for row in meetings["results"]] == ["會議甲"]
    assert client.get("/api/v1/activities/?q=課程").json()["count"] == 1
    bad = client.get("/api/v1/activities/?body=987654")
    assert bad.status_code == 422 and "body" in bad.json()["errors"]


def test_a_list_carries_places_bodies_roles_events_and_members(
    api_client, viewer, make_user, agency
):
    keeper = make_user(Role.EDITOR, username="keeper")
    activity = ActivityFactory(agency=agency)
    place = PlaceFactory()
    activity.places.add(place)
    host = PartnerBodyFactory(agency=agency)
    secret = PartnerBodyFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    secret.cleared_officers.add(keeper)
    for body, role in ((host, BodyRole.HOST), (secret, BodyRole.ORGANIZER)):
        ActivityBody.objects.create(activity=activity, body=body, role=role)
    event = EventFactory(activity=activity, session_number=10)
    head = DelegationMember.objects.create(
        activity=activity, staff=StaffFactory(agency=agency), is_head=True
    )
    listed = api_client(viewer).get("/api/v1/activities/").json()["results"][0]
    assert listed["places"] == [place.pk]
    assert [(row["body"], row["role"]) for row in listed["body_roles"]] == [(host.pk, "host")]
    assert [(row["id"], row["session_number"]) for row in listed["events"]] == [(event.pk, 10)]
    assert [(row["staff"], row["is_head"]) for row in listed["delegation"]] == [
        (head.staff_id, True)
    ]
    named = api_client(keeper).get("/api/v1/activities/").json()["results"][0]
    assert {row["body"] for row in named["body_roles"]} == {host.pk, secret.pk}


def test_pages_are_stable_and_counted(api_client, viewer, agency):
    for day in range(1, 8):
        ActivityFactory(agency=agency, start_date=datetime.date(2024, 3, day))
    client = api_client(viewer)
    pages = [client.get(f"/api/v1/activities/?limit=3&offset={o}").json() for o in (0, 3, 6)]
    ids = [row["id"] for page in pages for row in page["results"]]
    assert len(ids) == len(set(ids)) == 7
    assert {page["count"] for page in pages} == {7}
    assert client.get("/api/v1/activities/?limit=1000").status_code == 422


@pytest.mark.parametrize(
    "address",
    ["/api/v2/", "/api/v1/activities/1/events/x", "/api/v1/activities/%0A/events/1"],
)
def test_an_address_the_api_does_not_have_is_a_json_404(api_client, editor, address):
    response = api_client(editor).delete(address)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
