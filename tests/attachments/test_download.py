"""A file leaves only through its download view: found at the chokepoint, a 404 for anyone
not allowed to see its record (anonymous, other agencies, superusers not named), sent as a
download that no browser renders, and every download of a confidential one logged."""

import importlib

import pytest
from auditlog.models import LogEntry
from django.urls import clear_url_caches, reverse

import liaison.urls
from liaison.audit.services import views_of
from liaison.core.choices import Classification, Role
from tests.attachments.conftest import PDF
from tests.factories import ActivityFactory, CaseAssistanceRequestFactory, UserFactory

NAME = "協查請求 2024.pdf"


@pytest.fixture
def case_file(agency, register_officer, attach):
    """A confidential case-assistance entry on which only the register officer is named."""
    record = CaseAssistanceRequestFactory(agency=agency)
    record.cleared_officers.add(register_officer)
    return attach(record, name=NAME)


@pytest.fixture
def debug_urls(settings):
    """The URL map as a development server (LIAISON_DEBUG=1) builds it."""
    settings.DEBUG = True
    importlib.reload(liaison.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(liaison.urls)
    clear_url_caches()


def get(client, user, attachment):
    if user is not None:
        client.force_login(user)
    return client.get(reverse("attachments:download", args=[attachment.pk]))


@pytest.mark.django_db
def test_no_public_url_serves_a_file_even_in_debug(client, case_file, media_root, debug_urls):
    assert (media_root / case_file.file.name).exists()
    for path in (f"/media/{case_file.file.name}", f"/{case_file.file.name}"):
        assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_the_named_officer_downloads_the_file(client, register_officer, case_file):
    response = get(client, register_officer, case_file)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E5%8D%94%E6%9F%A5%E8%AB%8B%E6%B1%82%202024.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "superuser", "administrator", "editor", "viewer"])
def test_everyone_not_named_gets_a_404(client, agency, make_user, case_file, who):
    users = {
        "anonymous": None,
        "superuser": UserFactory(is_superuser=True, agency=agency, roles=[Role.ADMINISTRATOR]),
        "administrator": make_user(Role.ADMINISTRATOR, Role.REGISTER_OFFICER),
        "editor": make_user(Role.EDITOR),
        "viewer": make_user(Role.VIEWER),
    }
    response = get(client, users[who], case_file)
    assert response.status_code == 404
    assert NAME.encode() not in response.content
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


@pytest.mark.django_db
def test_unknown_and_missing_files_look_the_same(client, register_officer, case_file):
    client.force_login(register_officer)
    assert client.get(reverse("attachments:download", args=[case_file.pk + 1])).status_code == 404
    case_file.file.storage.delete(case_file.file.name)
    assert get(client, None, case_file).status_code == 404


@pytest.mark.django_db
def test_every_download_of_a_confidential_file_is_logged(client, register_officer, case_file):
    for _ in range(2):
        assert get(client, register_officer, case_file).status_code == 200
    downloads = views_of(case_file)
    assert downloads.count() == 2
    assert {entry.actor for entry in downloads} == {register_officer}


@pytest.mark.django_db
def test_other_records_files_follow_their_visibility(client, agency, viewer, other_agency, attach):
    shown = attach(ActivityFactory(agency=agency), name="programme.txt", content=b"agenda\n")
    restricted = attach(ActivityFactory(agency=agency, classification=Classification.RESTRICTED))
    elsewhere = attach(ActivityFactory(agency=other_agency))
    client.force_login(viewer)
    response = get(client, None, shown)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="programme.txt"'
    assert not views_of(shown).exists()  # only confidential records' downloads are logged
    assert get(client, None, restricted).status_code == 404
    assert get(client, None, elsewhere).status_code == 404


@pytest.mark.django_db
def test_behind_nginx_the_file_is_handed_off(client, settings, register_officer, case_file):
    settings.LIAISON_ATTACHMENT_ACCEL_PREFIX = "/protected/"
    response = get(client, register_officer, case_file)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/{case_file.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert views_of(case_file).count() == 1


@pytest.mark.django_db
def test_only_get_downloads(client, register_officer, case_file):
    client.force_login(register_officer)
    url = reverse("attachments:download", args=[case_file.pk])
    assert client.post(url).status_code == 405
    assert not views_of(case_file).exists()
