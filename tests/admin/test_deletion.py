"""Deleting in the admin: through the services, and never revealing a hidden record on the
delete page or in "delete selected" (neither listed nor counted)."""

import pytest
from auditlog.models import LogEntry
from django.contrib.messages import get_messages
from django.urls import reverse

from liaison.activities.models import Activity, ActivityBody, Event
from liaison.core.choices import Classification, Role, WorkflowState
from liaison.partners.models import PartnerBody, Place
from tests.factories import (
    ActivityFactory,
    CaseAssistanceRequestFactory,
    EventFactory,
    PartnerBodyFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(staff_user, login):
    """An administrator named on no confidential record."""
    return login(staff_user(Role.ADMINISTRATOR, username="chief"), "en")


@pytest.fixture
def body_with_hidden_entry(agency, staff_user):
    body = PartnerBodyFactory(agency=agency, name_zh_hant="香港廉政公署")
    entry = CaseAssistanceRequestFactory(
        agency=agency, counterpart=body, reference="CA-SECRET-77", subject="機密協查"
    )
    entry.cleared_officers.add(staff_user(Role.REGISTER_OFFICER, username="register"))
    return body


def delete_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])


def notes(response):
    return [(m.level_tag, m.message) for m in get_messages(response.wsgi_request)]


def test_delete_page_names_no_hidden_record_and_deletes_nothing(chief, body_with_hidden_entry):
    page = chief.get(delete_url(body_with_hidden_entry))
    html = page.content.decode()
    assert page.status_code == 200
    assert "CA-SECRET-77" not in html and "機密協查" not in html
    assert "case assistance" not in html.lower()
    assert page.context["protected"] == ["Other records refer to it."]
    assert str(body_with_hidden_entry) in html
    chief.post(delete_url(body_with_hidden_entry), {"post": "yes"})
    assert PartnerBody.objects.filter(pk=body_with_hidden_entry.pk).exists()


def test_delete_page_lists_and_counts_only_visible_rows(chief, agency, staff_user):
    body = PartnerBodyFactory(agency=agency)
    shown = ActivityFactory(agency=agency)
    hidden = ActivityFactory(
        agency=agency, title_zh_hant="秘密的訪問", classification=Classification.CONFIDENTIAL
    )
    hidden.cleared_officers.add(staff_user(Role.EDITOR, username="named"))
    rows = [
        ActivityBody.objects.create(activity=a, body=body, role="host") for a in (shown, hidden)
    ]
    page = chief.get(delete_url(body))
    html = page.content.decode()
    assert "秘密的訪問" not in html
    assert dict(page.context["model_count"]) == {"partner bodies": 1}  # the roles protect it
    assert len(page.context["protected"]) == 2  # the visible role, and one line for the rest
    assert f"/activitybody/{rows[0].pk}/change/" in page.context["protected"][0]
    assert page.context["protected"][1] == "Other records refer to it."
    assert f"/activitybody/{rows[1].pk}/" not in html


def test_delete_selected_refuses_all_when_one_is_in_use(chief, agency, body_with_hidden_entry):
    unused = PartnerBodyFactory(agency=agency)
    url = reverse("admin:partners_partnerbody_changelist")
    selected = [body_with_hidden_entry.pk, unused.pk]
    page = chief.post(url, {"action": "delete_selected", "_selected_action": selected})
    assert "CA-SECRET-77" not in page.content.decode()
    response = chief.post(
        url, {"action": "delete_selected", "_selected_action": selected, "post": "yes"}
    )
    assert response.status_code == 200  # the confirmation again, saying why
    assert PartnerBody.objects.count() == 2


def test_delete_selected_goes_through_the_service(chief, agency):
    bodies = [PartnerBodyFactory(agency=agency) for _ in range(2)]
    url = reverse("admin:partners_partnerbody_changelist")
    response = chief.post(
        url,
        {"action": "delete_selected", "_selected_action": [b.pk for b in bodies], "post": "yes"},
    )
    assert response.status_code == 302
    assert not PartnerBody.objects.exists()
    deleted = LogEntry.objects.filter(
        action=LogEntry.Action.DELETE, content_type__model="partnerbody"
    )
    assert deleted.count() == 2


def test_an_editor_cannot_delete_selected_records(staff_user, login, agency):
    editor = login(staff_user(Role.EDITOR, username="writer"), "en")
    body = PartnerBodyFactory(agency=agency)
    editor.post(
        reverse("admin:partners_partnerbody_changelist"),
        {"action": "delete_selected", "_selected_action": [body.pk], "post": "yes"},
    )
    assert PartnerBody.objects.filter(pk=body.pk).exists()


def test_deleting_selected_rows_is_one_change_of_their_record(staff_user, login, agency):
    editor = login(staff_user(Role.EDITOR, username="writer"), "en")
    activity = ActivityFactory(agency=agency)
    events = [EventFactory(activity=activity) for _ in range(2)]
    kept = EventFactory(activity=activity)
    response = editor.post(
        reverse("admin:activities_event_changelist"),
        {"action": "delete_selected", "_selected_action": [e.pk for e in events], "post": "yes"},
    )
    assert response.status_code == 302
    assert list(Event.objects.all()) == [kept]
    activity = Activity.objects.get(pk=activity.pk)
    assert (activity.version, activity.state, activity.updated_by.username) == (
        2,
        WorkflowState.DRAFT,
        "writer",
    )
    assert (
        LogEntry.objects.filter(action=LogEntry.Action.DELETE, content_type__model="event").count()
        == 2
    )


def test_deleting_a_row_on_its_page_is_a_change_of_its_record(staff_user, login, agency):
    editor = login(staff_user(Role.EDITOR, username="writer"), "en")
    event = EventFactory(activity__agency=agency)
    response = editor.post(delete_url(event), {"post": "yes"})
    assert response.status_code == 302
    assert not Event.objects.exists()
    event.activity.refresh_from_db()
    assert (event.activity.version, event.activity.state) == (2, WorkflowState.DRAFT)


def test_a_place_in_use_is_not_deleted_by_delete_selected(chief, agency):
    used = PlaceFactory()
    PartnerBodyFactory(agency=agency, place=used)
    free = PlaceFactory()
    url = reverse("admin:partners_place_changelist")
    chief.post(url, {"action": "delete_selected", "_selected_action": [free.pk], "post": "yes"})
    assert not Place.objects.filter(pk=free.pk).exists()
    chief.post(url, {"action": "delete_selected", "_selected_action": [used.pk], "post": "yes"})
    assert Place.objects.filter(pk=used.pk).exists()


def test_a_refusal_after_the_confirmation_is_a_message(chief, agency, monkeypatch):
    """Someone changes the record between the confirmation and the delete: told, not a 500."""
    from django.core.exceptions import ValidationError

    from liaison.core import services

    body = PartnerBodyFactory(agency=agency)

    def refuse(record, *, user, **kwargs):
        raise ValidationError("refused for the test")

    monkeypatch.setattr(services, "delete_record", refuse)
    response = chief.post(delete_url(body), {"post": "yes"})
    assert response.status_code == 302
    assert ("error", "refused for the test") in notes(response)
    assert PartnerBody.objects.filter(pk=body.pk).exists()
