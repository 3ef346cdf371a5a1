"""The leak test: a confidential record of every family, with a file, a linked body and an
attended course, and every reader that exists walked as every role.

For anyone not named on the planted records, every page reads the same before and after
they are planted (nothing shown, nothing counted), none of their markers appears anywhere,
and their own pages are 404. The officer named on them does see them, so the test can fail.
"""

import difflib
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from liaison.core.choices import Role
from liaison.reports.builder import build_chapter
from liaison.reports.render import render
from tests.leaks import readers
from tests.leaks.world import MARKERS, plant_confidential, plant_public, record_families

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": None,
    "viewer": (Role.VIEWER,),
    "editor": (Role.EDITOR,),
    "approver": (Role.APPROVER, Role.VIEWER),
    "register officer": (Role.REGISTER_OFFICER, Role.VIEWER),
    "administrator": (Role.ADMINISTRATOR,),
    "every role": tuple(Role),
    "superuser": (),
}

#: Roles that download the chapter in every format. The others read it as Markdown and
#: HTML only: the DOCX and PDF renderers read nothing but the chapter already built for the
#: reader (`test_a_binary_chapter_shows_only_what_was_built_for_its_reader`), and rendering
#: and extracting them for every role was a third of the suite's time.
EVERY_FORMAT_ROLES = ("viewer", "every role")


@pytest.fixture
def keeper(make_user):
    """The only officer named on the confidential records."""
    return make_user(Role.EDITOR, Role.REGISTER_OFFICER, username="keeper", is_staff=True)


def client_for(make_user, role: str) -> Client:
    client = Client(headers={"accept-language": "zh-hant"})
    roles = ROLES[role]
    if roles is not None:
        user = make_user(
            *roles, username=role.replace(" ", "_"), is_staff=True, is_superuser=role == "superuser"
        )
        client.force_login(user)
    return client


def read(client: Client, pages) -> dict[str, tuple[int, str]]:
    seen = {}
    for label, url in pages:
        response = client.get(url)
        assert response.status_code < 500, (label, url, response.status_code)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        text = readers.text_of(content, response.get("Content-Type", ""))
        seen[label] = (response.status_code, readers.normalised(text))
    return seen


def leaked(seen: dict[str, tuple[int, str]]) -> list[str]:
    return [label for label, (_, text) in seen.items() if any(m in text for m in MARKERS)]


def test_every_record_family_is_planted(agency, keeper):
    planted = plant_confidential(agency, plant_public(agency), keeper)
    assert {type(record) for record in planted["records"]} == record_families()


@pytest.mark.parametrize("role", list(ROLES))
def test_no_reader_shows_or_counts_a_confidential_record(agency, make_user, keeper, role):
    public = plant_public(agency)
    rebuild_search_index()
    client = client_for(make_user, role)
    reader = get_user_model().objects.filter(username=role.replace(" ", "_")).first()
    formats = readers.CHAPTER_FORMATS if role in EVERY_FORMAT_ROLES else ("md", "html")
    pages = [
        *readers.admin_pages(public),
        *readers.web_pages(public),
        *readers.chapter_downloads(formats),
        *readers.api_pages(public),
        *readers.calendar_pages(public),
        *readers.feed_pages(reader),
        *readers.account_page(),
        *readers.sheet_pages(),
    ]
    before = read(client, pages)
    import_before = readers.import_preview(client)
    sheet_before = readers.sheet_previews(client)
    planted = plant_confidential(agency, public, keeper)
    rebuild_search_index()
    after = read(client, pages)
    assert readers.import_preview(client) == import_before, f"{role}: the import preview differs"
    assert readers.sheet_previews(client) == sheet_before, f"{role}: a sheet preview differs"
    changed = [label for label in pages_labels(pages) if before[label] != after[label]]
    assert changed == [], f"{role} sees a difference in {changed}:\n" + difference(
        before[changed[0]][1], after[changed[0]][1]
    )
    assert leaked(after) == []
    audit = read(client, readers.audit_pages())
    assert leaked(audit) == [], f"{role} reads confidential content in the audit log"
    hidden = readers.hidden_pages(planted)
    missing = [(label, readers.of_missing_record(url, planted)) for label, url in hidden]
    for (label, (status, _)), (_, (absent, _)) in zip(
        read(client, hidden).items(), read(client, missing).items(), strict=True
    ):
        assert status in (302, 401, 403, 404), f"{role} opens {label}: {status}"
        assert status == absent, f"{role}: {label} answers {status}, a missing record {absent}"


def rebuild_search_index() -> None:
    """The planted records are written by factories, not the services that index them."""
    call_command("search-index", "--rebuild", stdout=io.StringIO(), stderr=io.StringIO())


def difference(before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
    return "\n".join(list(lines)[:40])


def pages_labels(pages) -> list[str]:
    return [label for label, _ in pages]


def test_the_named_officer_does_see_them(agency, keeper):
    public = plant_public(agency)
    planted = plant_confidential(agency, public, keeper)
    client = Client(headers={"accept-language": "zh-hant"})
    client.force_login(keeper)
    rebuild_search_index()
    seen = read(
        client,
        [
            *readers.admin_pages(public),
            *readers.web_pages(public),
            *readers.api_pages(public),
            *readers.calendar_pages(public),
            *readers.feed_pages(keeper),
            *readers.sheet_pages(),
        ],
    )
    assert {"search", "api search", "api list activity"} <= set(leaked(seen))
    assert {"calendar 2024-09", "agenda 2025", "feed all", "feed meeting"} <= set(leaked(seen))
    assert {"api feed all", "api feed meeting", "api feed obligation"} <= set(leaked(seen))
    assert {"export body xlsx", "export activity csv"} <= set(leaked(seen))
    for label in (
        "activities.Activity",
        "partners.PartnerBody",
        "cooperation.CaseAssistanceRequest",
    ):
        assert f"admin list {label}" in leaked(seen)
    pages = [page for page in readers.hidden_pages(planted, ("detail",)) if "file" not in page[0]]
    statuses = {label: status for label, (status, _) in read(client, pages).items()}
    assert set(statuses.values()) == {200}, statuses


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_binary_chapter_shows_only_what_was_built_for_its_reader(
    agency, keeper, fmt, django_assert_num_queries
):
    public = plant_public(agency)
    plant_confidential(agency, public, keeper)
    chapter = build_chapter(agency, 2024, "zh-Hant", reader=keeper)
    with django_assert_num_queries(0):
        render(chapter, fmt)


@pytest.mark.parametrize("language", readers.LANGUAGES)
@pytest.mark.parametrize("fmt", readers.CHAPTER_FORMATS)
def test_the_published_chapter_never_shows_them(agency, keeper, language, fmt, tmp_path):
    public = plant_public(agency)
    plant_confidential(agency, public, keeper)
    output = tmp_path / f"chapter.{fmt}"
    call_command("report", year=2024, lang=language, format=fmt, output=str(output))
    text = readers.text_of(output.read_bytes(), "")
    assert {"zh-Hant": "公開機構", "pt": "Órgão Público", "en": "Public Body"}[language] in text
    assert not any(marker in text for marker in MARKERS)
