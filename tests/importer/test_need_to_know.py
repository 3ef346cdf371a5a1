"""The importer sees what its user sees: a confidential body or activity the importing editor
is not named on is never matched, linked, counted or named, and never makes the save fail."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from liaison.activities.models import Activity, ActivityBody
from liaison.core.choices import Classification
from liaison.importer import services as importer
from liaison.importer.parser import parse_chapter
from liaison.partners.models import PartnerBody
from tests.factories import PartnerBodyFactory

pytestmark = pytest.mark.django_db

HIDDEN_NAME = "星海廉政學社"
CHAPTER = (
    "對外交流與培訓\n三、參與國際及區域會議\n"
    f"- 赴北京出席由{HIDDEN_NAME}主辦的“第9屆指導委員會會議”。\n"
    "- 5月，赴上海出席由HSI舉辦的“廉政研討會”。\n"
    "- 赴遼寧瀋陽拜訪當地監察委員會。\n"
)


@pytest.fixture
def hidden_body(editor, second_editor):
    """A confidential body only `second_editor` may see, known by an acronym too."""
    body = PartnerBodyFactory(
        agency=editor.agency,
        name_zh_hant=HIDDEN_NAME,
        name_en="Starsea Integrity Society",
        acronym="HSI",
        classification=Classification.CONFIDENTIAL,
    )
    body.cleared_officers.set([second_editor])
    return body


def parse(user, text=CHAPTER):
    return parse_chapter(text, year=2024, registry=importer.registry_for(user))


def save(user, text=CHAPTER):
    return importer.save_chapter(parse(user, text), user=user, source_name="chapter.txt")


def organizations(parsed):
    return [body.name for activity in parsed.activities for body in activity.organizations]


def test_a_hidden_body_is_not_in_the_registry(hidden_body, editor, second_editor):
    assert organizations(parse(second_editor)).count(HIDDEN_NAME) == 2  # by name and acronym
    assert organizations(parse(editor)).count(HIDDEN_NAME) == 1  # as the sentence writes it
    assert "HSI" in organizations(parse(editor))


def test_a_hidden_body_is_neither_linked_nor_counted_and_the_save_succeeds(hidden_body, editor):
    summary = save(editor)
    assert len(summary.created) == 3
    assert not ActivityBody.objects.filter(body=hidden_body).exists()
    assert HIDDEN_NAME not in summary.bodies_created and summary.bodies_matched == 0
    assert PartnerBody.objects.filter(name_zh_hant=HIDDEN_NAME).get() == hidden_body
    assert PartnerBody.objects.filter(name_zh_hant="HSI").exists()  # an unknown name, new


def test_the_cleared_officer_still_gets_the_body_linked(hidden_body, second_editor):
    summary = save(second_editor)
    assert ActivityBody.objects.filter(body=hidden_body).count() == 2
    assert summary.bodies_matched == 2


def test_a_hidden_activity_is_not_counted_as_already_imported(editor, second_editor):
    first = save(second_editor)
    secret = first.created[0]
    secret.classification = Classification.CONFIDENTIAL
    secret.save()
    secret.cleared_officers.set([second_editor])

    again = save(editor)
    assert again.skipped == 2 and len(again.created) == 1
    twin = again.created[0]
    assert twin.source_text == secret.source_text and twin.import_key != secret.import_key
    assert twin.classification == Classification.INTERNAL

    assert (len(save(editor).created), save(editor).skipped) == (0, 3)
    assert save(second_editor).skipped == 3  # sees both the secret record and its twin
    assert Activity.objects.count() == 4


def upload(client, text=CHAPTER):
    return client.post(
        reverse("importer:upload"),
        {"chapter": SimpleUploadedFile("c.txt", text.encode()), "year": 2024, "lang": "auto"},
    )


def test_the_preview_names_no_hidden_body(client, hidden_body, editor):
    client.force_login(editor)
    response = upload(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert "HSI" in page and "Starsea" not in page
    shown = [body.name for _kind, row in response.context["rows"] for body in row.organizations]
    assert shown.count(HIDDEN_NAME) == 1  # the first sentence's own words, not a match


def test_the_confirmation_counts_only_what_the_editor_sees(client, editor, second_editor):
    secret = save(second_editor).created[1]
    secret.classification = Classification.CONFIDENTIAL
    secret.save()
    secret.cleared_officers.set([second_editor])
    client.force_login(editor)
    digest = upload(client).context["digest"]
    with translation.override("en"):
        done = client.post(
            reverse("importer:confirm"), {"digest": digest}, HTTP_ACCEPT_LANGUAGE="en"
        )
    assert done.status_code == 200
    messages = [str(message) for message in done.context["messages"]]
    assert messages == ["1 draft activities created, 2 already imported; 0 new bodies to review."]
