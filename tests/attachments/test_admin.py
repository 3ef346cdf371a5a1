"""The admin links each stored file to its permission-checked download, never to storage."""

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from liaison.attachments.admin import AttachmentInline
from liaison.attachments.models import Attachment
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


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"), [("zh-hant", "網頁程式碼"), ("pt", "código de página web")]
)
def test_a_disguised_upload_on_the_record_page_is_refused_in_the_users_language(
    rf, officer, case_file, language, expected
):
    record = case_file.record
    inline = AttachmentInline(type(record), admin.site)
    request = rf.post("/")
    request.user = officer
    formset_class = inline.get_formset(request, record)
    prefix = formset_class.get_default_prefix()
    data = {
        f"{prefix}-TOTAL_FORMS": "2",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-0-id": str(case_file.pk),
        f"{prefix}-0-kind": case_file.kind,
        f"{prefix}-1-kind": "other",
    }
    polyglot = SimpleUploadedFile("invitation.pdf", b"%PDF-1.7\n<html><script>alert(1)")
    with translation.override(language):
        formset = formset_class(data, {f"{prefix}-1-file": polyglot}, instance=record)
        assert not formset.is_valid()
        assert expected in " ".join(formset.errors[1]["file"])
    assert Attachment.objects.count() == 1
