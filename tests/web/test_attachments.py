"""Files on a record's page: a writer attaches and removes them through the services, at the
version the page showed; a refused try keeps the checked file for the next one."""

import os

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.attachments import stash
from liaison.attachments.models import Attachment
from liaison.core import services
from liaison.core.choices import Classification
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

REPORT = b"visit report\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def url(record):
    return f"/attachments/activity/{record.pk}/upload/"


def post(client, record, file=None, version=None, **data):
    fields = {"kind": "visit_report", "description": "", **data}
    fields["version"] = record.version if version is None else version
    if file is not None:
        fields["file"] = file
    return client.post(url(record), fields)


def report(name="report.txt", content=REPORT):
    return SimpleUploadedFile(name, content)


def kept_files(media):
    folder = media / stash.FOLDER
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_a_writer_attaches_a_file_from_the_records_page(login, editor, agency):
    record = ActivityFactory(agency=agency)
    client = login(editor)
    page = client.get(f"/activities/{record.pk}/").content.decode()
    assert f'action="{url(record)}"' in page and 'enctype="multipart/form-data"' in page
    response = post(client, record, report(), description="訪問報告")
    assert response.status_code == 302
    assert response["location"] == f"/activities/{record.pk}/#files"
    attachment = Attachment.objects.get()
    assert (attachment.record, attachment.original_name) == (record, "report.txt")
    assert attachment.file.read() == REPORT
    record.refresh_from_db()
    assert record.version == 2 and attachment.created_by == editor
    page = client.get(response["location"]).content.decode()
    assert "report.txt" in page and "訪問報告" in page


def test_a_reader_gets_no_form_and_may_not_post(login, viewer, agency):
    record = ActivityFactory(agency=agency)
    client = login(viewer)
    assert url(record) not in client.get(f"/activities/{record.pk}/").content.decode()
    assert post(client, record, report()).status_code == 403
    assert not Attachment.objects.exists()


def test_a_record_the_user_may_not_see_answers_as_a_missing_one(login, editor, agency):
    secret = ActivityFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    client = login(editor)
    assert post(client, secret, report()).status_code == 404
    missing = client.post("/attachments/activity/987654/upload/", {"version": 1})
    assert missing.status_code == 404
    assert client.post("/attachments/nosuchkind/1/upload/").status_code == 404
    assert not Attachment.objects.exists()


def test_a_file_that_is_not_what_it_says_is_refused_in_the_users_language(
    login, editor, agency, media
):
    record = ActivityFactory(agency=agency)
    response = post(login(editor), record, report("invitation.pdf", b"<html><script>x</script>"))
    assert response.status_code == 200
    assert "檔案內容並非 pdf 格式" in response.content.decode()
    assert not Attachment.objects.exists() and kept_files(media) == []
    record.refresh_from_db()
    assert record.version == 1


def test_a_stale_page_keeps_the_file_and_names_who_changed_the_record(
    login, editor, second_editor, agency, media
):
    record = ActivityFactory(agency=agency)
    services.update_record(record, user=second_editor, version=1, data={"summary_en": "x"})
    client = login(editor)
    response = post(client, record, report(), version=1)
    page = response.content.decode()
    assert response.status_code == 200 and second_editor.username in page
    assert "report.txt" in page and not Attachment.objects.exists()
    assert len(kept_files(media)) == 1
    form = response.context["form"]
    assert form.data["version"] == 2 and form.data["kept"]
    again = post(client, record, version=2, kept=form.data["kept"])
    assert again.status_code == 302
    assert Attachment.objects.get().file.read() == REPORT
    assert kept_files(media) == []


def test_a_description_too_long_keeps_the_file(login, editor, agency, media):
    record = ActivityFactory(agency=agency)
    client = login(editor)
    response = post(client, record, report(), description="長" * 301)
    assert response.status_code == 200 and response.context["form"].errors["description"]
    token = response.context["form"].data["kept"]
    assert post(client, record, kept=token, description="短").status_code == 302
    assert Attachment.objects.get().description == "短"


def test_a_kept_file_serves_only_its_record_and_its_session(login, editor, second_editor, agency):
    record, other = ActivityFactory(agency=agency), ActivityFactory(agency=agency)
    client = login(editor)
    token = post(client, record, report(), version=99).context["form"].data["kept"]
    assert post(client, other, kept=token).context["form"].errors["file"]
    assert post(login(second_editor), record, kept=token).context["form"].errors["file"]
    assert not Attachment.objects.exists()


def test_kept_files_nobody_came_back_for_are_removed(media):
    default_storage.save(f"{stash.FOLDER}/old", report())
    old = media / stash.FOLDER / "old"
    os.utime(old, (0, 0))
    default_storage.save(f"{stash.FOLDER}/new", report())
    stash.remove_abandoned()
    assert kept_files(media) == ["new"]


def test_a_tampered_version_writes_nothing(login, editor, agency):
    record = ActivityFactory(agency=agency)
    response = post(login(editor), record, report(), version="9" * 30)
    assert response.status_code == 200 and response.context["form"].errors["version"]
    assert not Attachment.objects.exists()


def test_a_writer_removes_a_file_at_the_pages_version(login, editor, agency):
    record = ActivityFactory(agency=agency)
    client = login(editor)
    post(client, record, report())
    attachment = Attachment.objects.get()
    remove = f"/attachments/{attachment.pk}/remove/"
    assert remove in client.get(f"/activities/{record.pk}/").content.decode()
    stale = client.post(remove, {"version": 1}, follow=True)
    assert [m.level_tag for m in stale.context["messages"]] == ["error"]
    assert Attachment.objects.exists()
    assert client.post(remove, {"version": 2}).status_code == 302
    assert not Attachment.objects.exists()
    record.refresh_from_db()
    assert record.version == 3


def test_a_reader_may_not_remove_a_file(login, viewer, agency):
    record = ActivityFactory(agency=agency)
    attachment = Attachment.objects.create(record=record, file=report())
    assert (
        login(viewer).post(f"/attachments/{attachment.pk}/remove/", {"version": 2}).status_code
        == 403
    )
    assert Attachment.objects.exists()
