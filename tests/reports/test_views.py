"""The chapter page: login required, read through the user's visibility, every format."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.core.choices import Classification, WorkflowState
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(agency, other_agency):
    ActivityFactory(
        agency=agency,
        summary_zh_hant="赴香港出席會議。",
        summary_en="Attended a meeting in Hong Kong.",
    )
    ActivityFactory(
        agency=agency, summary_zh_hant="草擬的外訪。", state=WorkflowState.DRAFT, approved_at=None
    )
    ActivityFactory(
        agency=agency, summary_zh_hant="機密的外訪。", classification=Classification.CONFIDENTIAL
    )
    ActivityFactory(agency=other_agency, summary_zh_hant="他署的外訪。")


def test_login_required(client):
    response = client.get(reverse("reports:preview"))
    assert response.status_code == 302


def test_preview_shows_the_chapter_and_links_every_format(client, viewer, records):
    client.force_login(viewer)
    response = client.get(reverse("reports:preview"), {"year": 2024, "lang": "zh-Hant"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "一、外訪" in page and "赴香港出席會議。" in page
    for text in ("草擬的外訪。", "機密的外訪。", "他署的外訪。"):
        assert text not in page
    for fmt in ("md", "html", "docx", "pdf"):
        assert reverse("reports:download", args=[fmt]) in page
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.REPORT_GENERATED, actor=viewer).exists()


@pytest.mark.parametrize("asked", ["1998", "2101", "twenty"])
def test_a_year_no_chapter_can_have_shows_the_latest(client, viewer, records, asked):
    client.force_login(viewer)
    page = client.get(reverse("reports:preview"), {"year": asked, "lang": "zh-Hant"})
    assert page.status_code == 200 and "赴香港出席會議。" in page.content.decode()


def test_drafts_shown_marked_to_an_editor_who_asks(client, editor, records):
    client.force_login(editor)
    page = client.get(reverse("reports:preview"), {"year": 2024, "drafts": "1"}).content.decode()
    assert "【草稿】" in page and "草擬的外訪。" in page
    assert "機密的外訪。" not in page


@pytest.mark.parametrize(
    ("fmt", "magic"), [("md", b"# "), ("html", b"<!DOCTYPE html>"), ("docx", b"PK")]
)
def test_download(client, viewer, records, fmt, magic):
    client.force_login(viewer)
    url = reverse("reports:download", args=[fmt])
    response = client.get(url, {"year": 2024, "lang": "en"})
    assert response.status_code == 200
    assert response.content.startswith(magic)
    assert f'filename="chapter-2024-en.{fmt}"' in response["Content-Disposition"]
    assert "機密".encode() not in response.content
    if fmt == "html":
        ET.fromstring(response.content)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.REPORT_GENERATED)
    assert event.details["format"] == fmt and event.details["lang"] == "en"


def test_unknown_format_is_404(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("reports:download", args=["odt"])).status_code == 404


def test_a_final_chapter_with_untranslated_names_is_refused_with_the_list(client, viewer, agency):
    ActivityFactory(agency=agency, title_zh_hant="某某研討會", summary_zh_hant="出席某某研討會。")
    client.force_login(viewer)
    for url in (reverse("reports:preview"), reverse("reports:download", args=["pdf"])):
        response = client.get(url, {"year": 2024, "lang": "en"})
        assert response.status_code == 409
        page = response.content.decode()
        assert "某某研討會" in page and "drafts=1" in page
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.REPORT_GENERATED).exists()
    draft = client.get(reverse("reports:preview"), {"year": 2024, "lang": "en", "drafts": "1"})
    assert draft.status_code == 200 and "not for publication" in draft.content.decode()
