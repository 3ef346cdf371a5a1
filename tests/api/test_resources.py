"""The API's resources beyond a family's records: files, search, the chapter and the
calendar feed."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from icalendar import Calendar

from liaison.agenda.feeds import feed_bytes, uid_of
from liaison.attachments.models import Attachment
from liaison.core.choices import Classification, WorkflowState
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def upload(client, record, content=b"visit report\n", name="report.txt", **extra):
    data = {
        "record_type": "activity",
        "record_id": record.pk,
        "file": SimpleUploadedFile(name, content),
        **extra,
    }
    return client.post("/api/v1/attachments/", data)


def test_files_are_uploaded_listed_and_downloaded(api_client, editor, viewer, agency):
    record = ActivityFactory(agency=agency, state=WorkflowState.DRAFT, approved_at=None)
    client = api_client(editor)
    assert upload(client, record).status_code == 428
    created = upload(client, record, version=1, description="Report")
    assert created.status_code == 201, created.content
    file = created.json()
    assert file["original_name"] == "report.txt" and file["size"] == 13
    listed = client.get(f"/api/v1/attachments/?record_type=activity&record_id={record.pk}")
    assert [row["id"] for row in listed.json()] == [file["id"]]
    download = client.get(file["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"visit report\n"
    assert download["Content-Disposition"].startswith("attachment")
    # a viewer does not see the draft, so neither its files nor their content
    reader = api_client(viewer)
    assert reader.get(file["download"]).status_code == 404
    assert (
        reader.get(f"/api/v1/attachments/?record_type=activity&record_id={record.pk}").json()[
            "code"
        ]
        == "not_found"
    )


def test_a_file_that_is_not_what_it_says_is_refused(api_client, editor, agency):
    record = ActivityFactory(agency=agency)
    response = upload(api_client(editor), record, b"<html><script>", "report.pdf", version=1)
    assert response.status_code == 422
    assert not Attachment.objects.exists()


@override_settings(LIAISON_ATTACHMENT_MAX_BYTES=10)
def test_a_file_too_large_is_413(api_client, editor, agency):
    record = ActivityFactory(agency=agency)
    response = upload(api_client(editor), record, version=1)
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_files_are_removed_at_the_record_version(api_client, editor, agency):
    record = ActivityFactory(agency=agency)
    client = api_client(editor)
    file = upload(client, record, version=1).json()
    assert (
        client.delete(f"/api/v1/attachments/{file['id']}", headers={"if-match": '"1"'}).status_code
        == 409
    )
    assert (
        client.delete(f"/api/v1/attachments/{file['id']}", headers={"if-match": '"2"'}).status_code
        == 204
    )
    assert not Attachment.objects.exists()


def test_search_finds_only_what_the_caller_may_see(api_client, viewer, agency):
    ActivityFactory(agency=agency, title_zh_hant="反貪交流會議")
    ActivityFactory(
        agency=agency, title_zh_hant="反貪秘密會議", classification=Classification.CONFIDENTIAL
    )
    call_command("search-index", "--rebuild", verbosity=0)
    found = api_client(viewer).get("/api/v1/search/?q=反貪").json()
    assert found["total"] == 1 and not found["kinds"][0]["more"]
    assert [hit["title"] for kind in found["kinds"] for hit in kind["hits"]] == ["反貪交流會議"]
    assert api_client(viewer).get("/api/v1/search/?q=x&kind=nothing").status_code == 422


def test_the_chapter_in_any_format_and_language(api_client, viewer, agency):
    ActivityFactory(agency=agency, title_zh_hant="出訪交流", title_pt="Visita", title_en="Visit")
    client = api_client(viewer)
    markdown = client.get("/api/v1/chapter/?year=2024&lang=zh-Hant&format=md")
    assert markdown.status_code == 200, markdown.content
    assert "出訪交流" in markdown.content.decode()
    docx = client.get("/api/v1/chapter/?year=2024&lang=en&format=docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert client.get("/api/v1/chapter/?format=exe").status_code == 422
    for year in (1998, 2101):  # the command's bounds, not the records' (1990)
        assert client.get(f"/api/v1/chapter/?year={year}").status_code == 422


def test_the_calendar_feed_shows_what_the_caller_may_see(api_client, viewer, editor, agency):
    shown = ActivityFactory(agency=agency, title_en="Visit", start_date=datetime.date(2024, 5, 2))
    draft = ActivityFactory(
        agency=agency, title_en="Draft", state=WorkflowState.DRAFT, approved_at=None
    )
    secret = ActivityFactory(
        agency=agency, title_en="Secret", classification=Classification.CONFIDENTIAL
    )
    response = api_client(viewer).get("/api/v1/calendar/feed")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.content == feed_bytes(viewer, "all", "http://testserver")
    uids = {str(event["uid"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}
    assert uids == {uid_of(shown)}
    editors = api_client(editor).get(f"/api/v1/calendar/feed?kind={shown.kind}").content
    uids = {str(event["uid"]) for event in Calendar.from_ical(editors).walk("VEVENT")}
    assert uids == {uid_of(shown), uid_of(draft)} and uid_of(secret) not in uids
    assert api_client(viewer).get("/api/v1/calendar/feed?kind=party").status_code == 422
    assert api_client(viewer).get("/api/v1/calendar/feed?kind=obligation").status_code == 200
