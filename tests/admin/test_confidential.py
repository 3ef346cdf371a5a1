"""The case-assistance register in the admin: need-to-know holds for superusers too, and
every opening of an entry is logged."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from liaison.audit.services import views_of
from liaison.core.choices import Role
from tests.factories import CaseAssistanceRequestFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:cooperation_caseassistancerequest_changelist"


def change_url(entry):
    return reverse("admin:cooperation_caseassistancerequest_change", args=[entry.pk])


@pytest.fixture
def entry(agency):
    return CaseAssistanceRequestFactory(agency=agency, reference="CA-2024-007")


@pytest.fixture
def unnamed_administrator(staff_user):
    return staff_user(Role.ADMINISTRATOR, Role.REGISTER_OFFICER, username="unnamed")


@pytest.fixture
def superuser(staff_user):
    return staff_user(username="root", is_superuser=True)


@pytest.mark.parametrize("who", ["unnamed_administrator", "superuser"])
def test_entry_is_invisible_to_officers_not_named_on_it(who, request, login, entry):
    client = login(request.getfixturevalue(who))
    listing = client.get(reverse(CHANGELIST))
    assert listing.status_code == 200
    assert b"CA-2024-007" not in listing.content
    assert client.get(change_url(entry)).status_code == 404
    assert client.get(change_url(entry) + "auditlog/").status_code == 404
    assert client.get(change_url(entry).replace("change/", "history/")).status_code == 404
    assert not views_of(entry).exists()


def test_change_log_hides_entries_from_a_superuser_not_named_on_them(login, superuser, entry):
    response = login(superuser).get(reverse("admin:auditlog_logentry_changelist"))
    assert response.status_code == 200
    assert b"CA-2024-007" not in response.content


def test_named_register_officer_sees_it_and_the_view_is_logged(staff_user, login, entry):
    officer = staff_user(Role.REGISTER_OFFICER, Role.VIEWER, username="named")
    entry.cleared_officers.add(officer)
    client = login(officer)
    assert b"CA-2024-007" in client.get(reverse(CHANGELIST)).content
    response = client.get(change_url(entry))
    assert response.status_code == 200
    views = views_of(entry)
    assert views.count() == 1
    assert views.get().actor == officer
    assert views.get().action == LogEntry.Action.ACCESS
    client.get(change_url(entry))
    assert views_of(entry).count() == 2


def test_register_is_not_offered_to_other_roles(staff_user, login):
    editor = staff_user(Role.EDITOR, Role.ADMINISTRATOR, username="writer")
    client = login(editor)
    assert b"cooperation/caseassistancerequest" not in client.get(reverse("admin:index")).content
    assert client.get(reverse(CHANGELIST)).status_code == 403
