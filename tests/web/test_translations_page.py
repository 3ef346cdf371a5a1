"""Translations to do: the names and titles missing Portuguese or English, saved in place."""

import pytest
from django.test import Client

from liaison.core.choices import Classification
from liaison.terminology.models import Term
from tests.factories import (
    ActivityFactory,
    EventFactory,
    PartnerBodyFactory,
    PassageFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_zh():
    return Client(headers={"accept-language": "zh-hant"})


def test_lists_what_lacks_a_translation_and_only_what_the_user_sees(client_zh, editor, agency):
    PartnerBodyFactory(agency=agency, name_zh_hant="未譯機構", name_pt="", name_en="")
    PartnerBodyFactory(agency=agency, name_zh_hant="已譯機構", name_pt="Organismo", name_en="Body")
    ActivityFactory(
        agency=agency, title_zh_hant="機密活動", classification=Classification.CONFIDENTIAL
    )
    PlaceFactory(name_zh_hant="未譯城市", name_en="")
    client_zh.force_login(editor)
    page = client_zh.get("/translations/").content.decode()
    assert "未譯機構" in page and "未譯城市" in page
    assert "已譯機構" not in page
    assert "機密活動" not in page
    assert 'hx-post="/translations/partners.PartnerBody/' in page


def test_saving_a_row_goes_through_the_service(client_zh, editor, agency):
    body = PartnerBodyFactory(agency=agency, name_zh_hant="未譯機構", name_pt="", name_en="")
    client_zh.force_login(editor)
    response = client_zh.post(
        f"/translations/partners.PartnerBody/{body.pk}/",
        {"pt": "Organismo", "en": "Body", "version": body.version},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
    body.refresh_from_db()
    assert (body.name_pt, body.name_en, body.version, body.updated_by) == (
        "Organismo",
        "Body",
        2,
        editor,
    )
    assert body.state == "draft"  # content changed since approval


def test_stale_version_keeps_the_input_and_writes_nothing(client_zh, editor, agency):
    place = PlaceFactory(name_zh_hant="未譯城市", name_en="")
    client_zh.force_login(editor)
    response = client_zh.post(
        f"/translations/partners.Place/{place.pk}/",
        {"pt": "Cidade", "en": "Town", "version": place.version + 5},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert 'role="alert"' in page and 'value="Town"' in page
    place.refresh_from_db()
    assert place.name_en == ""


def test_viewer_sees_the_list_without_inputs_and_cannot_save(client_zh, viewer, agency):
    body = PartnerBodyFactory(agency=agency, name_zh_hant="未譯機構", name_pt="", name_en="")
    client_zh.force_login(viewer)
    assert 'name="pt"' not in client_zh.get("/translations/").content.decode()
    response = client_zh.post(
        f"/translations/partners.PartnerBody/{body.pk}/",
        {"pt": "X", "en": "Y", "version": body.version},
        headers={"HX-Request": "true"},
    )
    assert 'role="alert"' in response.content.decode()
    body.refresh_from_db()
    assert body.name_pt == ""


def test_unknown_family_or_hidden_record_is_404(client_zh, editor, other_agency):
    hidden = PartnerBodyFactory(agency=other_agency, name_pt="")
    client_zh.force_login(editor)
    assert client_zh.post("/translations/auth.User/1/", {}).status_code == 404
    assert client_zh.post(f"/translations/partners.PartnerBody/{hidden.pk}/", {}).status_code == 404


def test_events_and_terms_are_listed_and_saved(client_zh, editor, agency):
    event = EventFactory(activity__agency=agency, title_zh_hant="未譯會議")
    EventFactory(
        activity__agency=agency,
        activity__classification=Classification.CONFIDENTIAL,
        title_zh_hant="機密會議",
    )
    term = Term.objects.create(kind=Term.Kind.NAME, name_zh_hant="未譯術語")
    client_zh.force_login(editor)
    page = client_zh.get("/translations/").content.decode()
    assert "未譯會議" in page and "未譯術語" in page
    assert "機密會議" not in page
    activity = event.activity
    response = client_zh.post(
        f"/translations/activities.Event/{event.pk}/",
        {"pt": "Reunião", "en": "Meeting", "version": activity.version},
        headers={"HX-Request": "true"},
    )
    assert 'role="status"' in response.content.decode()
    event.refresh_from_db()
    activity.refresh_from_db()
    assert (event.title_en, activity.version, activity.updated_by) == ("Meeting", 2, editor)
    client_zh.post(
        f"/translations/terminology.Term/{term.pk}/",
        {"pt": "Termo", "en": "Term", "version": term.version},
    )
    term.refresh_from_db()
    assert (term.name_pt, term.name_en, term.updated_by) == ("Termo", "Term", editor)


def test_the_chapter_s_own_prose_is_listed_and_saved(client_zh, editor, agency):
    passage = PassageFactory(agency=agency, text_zh_hant="除上述課程外，亦參加其他培訓。")
    PassageFactory(agency=agency, role="heading", text_zh_hant="")  # a part without heading
    client_zh.force_login(editor)
    page = client_zh.get("/translations/").content.decode()
    assert "除上述課程外，亦參加其他培訓。" in page
    assert page.count('hx-post="/translations/reports.Passage/') == 1
    client_zh.post(
        f"/translations/reports.Passage/{passage.pk}/",
        {"pt": "Além destes cursos…", "en": "Besides these courses…", "version": passage.version},
    )
    passage.refresh_from_db()
    assert (passage.text_en, passage.version, passage.state) == (
        "Besides these courses…",
        2,
        "draft",
    )
