"""Choosing bodies, places and officers by typing: suggestions only from what the user may
see, a form that never lists every record, and a place or body added from inside the
activity form through the services."""

import pytest

from liaison.core.choices import Classification, WorkflowState
from liaison.partners.models import PartnerBody, Place
from tests.factories import ActivityFactory, PartnerBodyFactory, PlaceFactory, StaffFactory
from tests.web.test_activity_pages import form_data

pytestmark = pytest.mark.django_db

BODY_CHOOSER = "/partners/bodies/autocomplete/?field=body_roles-body&type=radio&id=id_body"


def test_suggestions_come_through_the_chokepoint(login, editor, agency, other_agency):
    PartnerBodyFactory(agency=agency, name_zh_hant="國家監察委員會")
    PartnerBodyFactory(
        agency=agency, name_zh_hant="監察機密處", classification=Classification.CONFIDENTIAL
    )
    PartnerBodyFactory(agency=other_agency, name_zh_hant="他署監察局")
    page = login(editor).get(BODY_CHOOSER + "&q=監察").content.decode()
    assert "國家監察委員會" in page
    assert "監察機密處" not in page and "他署監察局" not in page
    assert 'type="radio" name="body_roles-body"' in page
    staff = StaffFactory(agency=agency, name_zh_hant="陳大文", name_latin="Chan Tai Man")
    page = (
        login(editor)
        .get("/people/staff/autocomplete/?field=staff&type=radio&q=chan")
        .content.decode()
    )
    assert f'value="{staff.pk}"' in page


def test_the_chooser_refuses_a_strange_field_name(login, editor):
    response = login(editor).get('/partners/places/autocomplete/?field="><script>&q=x')
    assert response.status_code == 404


def test_the_activity_form_lists_only_the_chosen_places(login, editor, agency):
    chosen, other = PlaceFactory(name_zh_hant="北京"), PlaceFactory(name_zh_hant="上海")
    activity = ActivityFactory(agency=agency, state=WorkflowState.DRAFT)
    activity.places.add(chosen)
    client = login(editor)
    page = client.get(f"/activities/{activity.pk}/edit/").content.decode()
    assert f'type="checkbox" name="places" value="{chosen.pk}" checked' in page
    assert "上海" not in page
    response = client.post("/activities/add/", form_data(places=[chosen.pk, other.pk]))
    assert response.status_code == 302
    created = activity.__class__.objects.latest("pk")
    assert set(created.places.all()) == {chosen, other}


def test_a_place_is_added_from_inside_the_form(login, editor, viewer):
    url = "/partners/places/quick-add/?field=places&type=checkbox&id=id_places"
    client = login(editor)
    assert 'name="new-places-name_zh_hant"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "new-places-name_zh_hant": "杭州",
            "new-places-kind": "city",
            "new-places-region_group": "mainland",
        },
    )
    page = response.content.decode()
    place = Place.objects.get(name_zh_hant="杭州")
    assert place.created_by == editor and place.version == 1
    assert 'hx-swap-oob="beforeend:#id_places-chosen"' in page
    assert f'type="checkbox" name="places" value="{place.pk}" checked' in page
    refused = client.post(
        url,
        {
            "new-places-name_zh_hant": "",
            "new-places-kind": "city",
            "new-places-region_group": "mainland",
        },
    )
    assert 'role="alert"' in refused.content.decode()
    assert Place.objects.count() == 1
    assert login(viewer).post(url, {"new-places-name_zh_hant": "蘇州"}).status_code == 403


def test_a_body_added_from_inside_the_form_is_a_draft_of_the_users_agency(login, editor, agency):
    url = "/partners/bodies/quick-add/?field=body_roles-body&type=radio&id=id_body_roles-body"
    login(editor).post(
        url,
        {
            "new-body_roles-body-name_zh_hant": "廉政公署（香港）",
            "new-body_roles-body-kind": "other",
        },
    )
    body = PartnerBody.objects.get(name_zh_hant="廉政公署（香港）")
    assert (body.agency, body.state, body.created_by) == (agency, WorkflowState.DRAFT, editor)


def test_a_list_filter_chooses_a_body_by_typing_and_names_only_the_chosen_one(
    login, viewer, agency
):
    chosen = PartnerBodyFactory(agency=agency, name_zh_hant="聯合國毒品和犯罪問題辦公室")
    other = PartnerBodyFactory(agency=agency, name_zh_hant="國際反貪局聯合會")
    linked = ActivityFactory(agency=agency, title_zh_hant="出席維也納會議")
    linked.bodies.add(chosen, through_defaults={"role": "host"})
    ActivityFactory(agency=agency, title_zh_hant="另一活動")
    client = login(viewer)
    blank = client.get("/activities/").content.decode()
    assert chosen.name_zh_hant not in blank and other.name_zh_hant not in blank
    page = client.get("/activities/", {"body": chosen.pk}).content.decode()
    # an optional choice is a box, so unticking it clears the filter
    assert f'type="checkbox" name="body" value="{chosen.pk}" checked' in page
    assert other.name_zh_hant not in page
    assert "出席維也納會議" in page and "另一活動" not in page
    # the chooser's own search box is no part of the filter form (its q is the list's search)
    assert 'name="q" form=""' in page and "quick-add" not in page
