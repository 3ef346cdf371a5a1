"""The admin links each stored file to its permission-checked download, never to storage."""

import pytest
from django.urls import reverse

from liaison.core.choices import Role
from tests.factories import CaseAssistanceRequestFactory


@pytest.fixture
def officer(make_user):
    return make_user(Role.REGISTER_OFFICER, Role.VIEWER, is_staff=True, username="register")


@pytest.fixture
def case_file(agency, officer, attach):
    record = CaseAssistanceRequestFactory(agency=agency)
    record.cleared_officers.add(officer)
    return attach(record, name="協查請求.pdf")


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["record", "attachment"])
def test_admin_pages_link_to_the_download_view(client, officer, case_file, page):
    client.force_login(officer)
    if page == "record":
        url = reverse("admin:cooperation_caseassistancerequest_change", args=[case_file.object_id])
    else:
        url = reverse("admin:attachments_attachment_change", args=[case_file.pk])
    html = client.get(url).content.decode()
    download = reverse("attachments:download", args=[case_file.pk])
    assert f'<a href="{download}">協查請求.pdf</a>' in html
    assert case_file.file.name not in html  # the stored name appears nowhere
    assert client.get(download).status_code == 200
