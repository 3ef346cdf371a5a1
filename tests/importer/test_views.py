"""The import page: preview beside the source, then drafts; bad files and forged confirmations
write nothing."""

from importlib import resources
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from liaison.activities.models import Activity
from tests.importer.pdfs import bomb_pdf

pytestmark = pytest.mark.django_db

SAMPLE = resources.files("liaison.importer").joinpath("samples", "000_7b80f90a73d56b59.txt")


def upload(client, content: bytes, name="chapter.txt", year=2024, **headers):
    return client.post(
        reverse("importer:upload"),
        {"chapter": SimpleUploadedFile(name, content), "year": year, "lang": "auto"},
        **headers,
    )


def test_preview_then_confirm_creates_drafts(client, editor):
    client.force_login(editor)
    response = upload(client, SAMPLE.read_bytes())
    assert response.status_code == 200
    page = response.content.decode()
    assert "赴遼寧瀋陽拜訪當地監察委員會" in page and "瀋陽市監察委員會" in page
    assert not Activity.objects.exists()
    digest = response.context["digest"]
    done = client.post(reverse("importer:confirm"), {"digest": digest})
    assert done.status_code == 200
    assert Activity.objects.filter(state="draft", created_by=editor).count() >= 19
    again = client.post(reverse("importer:confirm"), {"digest": digest})
    assert again.status_code == 302
    assert Activity.objects.filter(created_by=editor).count() == len(done.context["drafts"])


def test_forged_digest_imports_nothing(client, editor):
    client.force_login(editor)
    upload(client, SAMPLE.read_bytes())
    response = client.post(reverse("importer:confirm"), {"digest": "0" * 64})
    assert response.status_code == 302 and not Activity.objects.exists()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"", "empty.txt"),
        (b"\x00\xff" * 50, "binary.txt"),
        (b"%PDF-1.4 broken", "x.pdf"),
        ("今天天氣很好。".encode(), "note.txt"),
    ],
)
def test_bad_files_get_a_message(client, editor, content, name):
    client.force_login(editor)
    response = upload(client, content, name)
    assert response.status_code == 200
    assert response.context["form"].errors["chapter"]
    assert not Activity.objects.exists()


def test_year_out_of_range(client, editor):
    client.force_login(editor)
    response = upload(client, SAMPLE.read_bytes(), year=1800)
    assert "year" in response.context["form"].errors


def test_viewers_cannot_import(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("importer:upload")).status_code == 403
    assert client.post(reverse("importer:confirm"), {"digest": "x"}).status_code == 403


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(reverse("importer:upload")).status_code == 302


def test_a_crafted_pdf_gets_a_message_not_a_500(client, editor):
    client.force_login(editor)
    response = upload(client, bomb_pdf(100 * 1024 * 1024), "report.pdf")
    assert response.status_code == 200
    assert "report.pdf" in response.context["form"].errors["chapter"][0]
    assert not Activity.objects.exists()


def test_the_preview_says_which_kinds_the_wording_decided(client, editor):
    client.force_login(editor)
    page = (Path(__file__).parent / "chapters" / "2023_zh_hant_year_headings.txt").read_bytes()
    response = upload(client, page, year=2023, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.content.decode().count("(from its wording: no part heading)") == 6


def test_a_word_file_is_previewed(client, editor):
    client.force_login(editor)
    word = Path(__file__).parent / "chapters" / "2022_docx_table.docx"
    response = upload(client, word.read_bytes(), "chapter.docx", year=2022)
    assert response.status_code == 200 and len(response.context["rows"]) == 8
