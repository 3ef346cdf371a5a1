"""An activity's rows through activities.services: every kind refuses a stale save from a
second editor and keeps the first edit; a new head replaces the old one."""

import pytest

from liaison.activities import services
from liaison.activities.models import ActivityBody, DelegationMember, Event
from liaison.core.services import StaleRecordError
from tests.factories import ActivityFactory, EventFactory, PartnerBodyFactory, StaffFactory

pytestmark = pytest.mark.django_db


def make_event(activity):
    return EventFactory(activity=activity)


def make_body_role(activity):
    body = PartnerBodyFactory(agency=activity.agency)
    return ActivityBody.objects.create(activity=activity, body=body, role="host")


def make_member(activity):
    staff = StaffFactory(agency=activity.agency)
    return DelegationMember.objects.create(activity=activity, staff=staff)


KINDS = {
    "event": (make_event, services.save_event, "series", "甲", "乙"),
    "body role": (make_body_role, services.save_body_role, "role", "organizer", "visitor"),
    "delegation member": (make_member, services.save_delegation_member, "is_head", True, False),
}


@pytest.mark.parametrize("kind", KINDS)
def test_second_editors_stale_save_is_refused_and_the_first_kept(kind, editor, second_editor):
    make, save, field, first_value, second_value = KINDS[kind]
    row = make(ActivityFactory(agency=editor.agency))
    model = type(row)
    first, second = model.objects.get(pk=row.pk), model.objects.get(pk=row.pk)
    setattr(first, field, first_value)
    save(first, user=editor, parent_version=1)
    setattr(second, field, second_value)
    with pytest.raises(StaleRecordError):
        save(second, user=second_editor, parent_version=1)
    row.refresh_from_db()
    assert getattr(row, field) == first_value


def test_add_event_goes_after_the_others_and_bumps_the_version(editor):
    activity = ActivityFactory(agency=editor.agency)
    services.add_event(activity, user=editor, parent_version=1, title_zh_hant="第一屆")
    services.add_event(activity, user=editor, parent_version=2, title_zh_hant="第二屆")
    assert list(activity.events.values_list("title_zh_hant", "position")) == [
        ("第一屆", 0),
        ("第二屆", 1),
    ]
    activity.refresh_from_db()
    assert activity.version == 3


def test_set_body_role_twice_links_once(editor):
    activity = ActivityFactory(agency=editor.agency)
    body = PartnerBodyFactory(agency=editor.agency)
    services.set_body_role(activity, body=body, role="host", user=editor, parent_version=1)
    services.set_body_role(activity, body=body, role="host", user=editor, parent_version=2)
    assert activity.body_roles.count() == 1


def test_a_new_head_of_delegation_replaces_the_old_one(editor):
    activity = ActivityFactory(agency=editor.agency)
    old = make_member(activity)
    old.is_head = True
    services.save_delegation_member(old, user=editor, parent_version=1)
    new = DelegationMember(
        activity=activity, staff=StaffFactory(agency=editor.agency), is_head=True
    )
    services.save_delegation_member(new, user=editor, parent_version=2)
    assert list(activity.delegation.filter(is_head=True)) == [new]
    activity.refresh_from_db()
    assert activity.version == 3  # one change, one version


def test_delete_event_needs_the_current_version(editor, second_editor):
    event = EventFactory(activity__agency=editor.agency)
    services.save_event(Event.objects.get(pk=event.pk), user=second_editor, parent_version=1)
    with pytest.raises(StaleRecordError):
        services.delete_event(event, user=editor, parent_version=1)
    services.delete_event(event, user=editor, parent_version=2)
    assert not Event.objects.exists()
