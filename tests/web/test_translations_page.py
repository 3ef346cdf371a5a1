"""Translations to do: the names and titles missing Portuguese or English, saved in place."""

import pytest
from django.test import Client

from liaison.core.choices import Classification
from tests.factories import ActivityFactory, PartnerBodyFactory, PlaceFactory

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
