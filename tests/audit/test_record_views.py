"""Core's pages announce a confidential record shown (core.signals); the audit trail,
listening since its AppConfig.ready(), logs each view with the reader: the generic detail
page and the admin's change page alike, and nothing for an ordinary record."""

import pytest
from django.urls import reverse

from liaison.audit.services import views_of
from liaison.core.choices import Classification
from liaison.core.signals import confidential_record_shown
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_the_audit_trail_listens_to_core():
    assert confidential_record_shown.has_listeners()


def test_every_view_of_a_confidential_record_on_cores_pages_is_logged(
    login, named_officer, confidential_activity, agency
):
    ordinary = ActivityFactory(agency=agency, classification=Classification.INTERNAL)
    client = login(named_officer)
    for record in (confidential_activity, ordinary):
        assert (
            client.get(reverse("activities:activity_detail", args=[record.pk])).status_code == 200
        )
    change = reverse("admin:activities_activity_change", args=[confidential_activity.pk])
    assert client.get(change).status_code == 200
    views = views_of(confidential_activity)
    assert views.count() == 2 and {view.actor for view in views} == {named_officer}
    assert not views_of(ordinary).exists()
