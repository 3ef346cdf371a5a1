"""The event registry shows an event's details only to readers of the record it concerns."""

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["superuser", "auditor"])
def test_event_details_about_a_hidden_record_are_withheld(
    who, request, login, named_officer, entry
):
    event = log_event(
        AuditEvent.Kind.EXPORT, user=named_officer, record=entry, title="CA-2026-001 notes"
    )
    page = login(request.getfixturevalue(who)).get(
        reverse("admin:audit_auditevent_change", args=[event.pk])
    )
    assert page.status_code == 200
    assert "CA-2026-001" not in page.content.decode()
    assert "withheld" in page.content.decode()


def test_event_details_are_shown_to_the_named_officer(login, make_user, named_officer, entry):
    from liaison.core.choices import Role

    named_officer.groups.add(*make_user(Role.ADMINISTRATOR).groups.all())
    event = log_event(AuditEvent.Kind.EXPORT, user=named_officer, record=entry, title="notes 42")
    page = login(named_officer).get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    assert "notes 42" in page.content.decode()
