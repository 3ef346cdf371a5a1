"""Setting another officer's password is logging in as them: an agency administrator may
not do it (nor change roles) for an officer who holds need-to-know; every password set by
someone else is an audit event."""

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.core.choices import Classification, Role
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a fresh and long passphrase 42"


def set_password(client, user):
    url = reverse("admin:auth_user_password_change", args=[user.pk])
    return client.post(
        url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}
    )


@pytest.fixture
def agency_administrator(staff_user):
    return staff_user(Role.ADMINISTRATOR, username="agencyadmin")


@pytest.fixture
def named_editor(staff_user, agency):
    editor = staff_user(Role.EDITOR, username="namededitor")
    activity = ActivityFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    activity.cleared_officers.add(editor)
    return editor


@pytest.mark.parametrize("target", ["register_officer", "named_editor"])
def test_an_administrator_may_not_set_the_password_of_an_officer_with_need_to_know(
    target, request, login, agency_administrator
):
    officer = request.getfixturevalue(target)
    client = login(agency_administrator, "en")
    response = set_password(client, officer)
    assert response.status_code == 302
    officer.refresh_from_db()
    assert not officer.check_password(NEW_PASSWORD)
    page = client.get(response.url)
    assert "Only a superuser may set the password" in page.content.decode()
    assert "groups" not in page.context["adminform"].form.fields
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSWORD_SET).exists()


def test_an_administrator_sets_an_ordinary_officers_password_and_it_is_logged(
    login, agency_administrator, viewer
):
    response = set_password(login(agency_administrator), viewer)
    assert response.status_code == 302
    viewer.refresh_from_db()
    assert viewer.check_password(NEW_PASSWORD)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.PASSWORD_SET)
    assert event.actor == agency_administrator
    assert event.details["username"] == viewer.username


def test_a_superuser_may_and_it_is_logged(login, staff_user, register_officer):
    superuser = staff_user(username="root", is_superuser=True)
    assert set_password(login(superuser), register_officer).status_code == 302
    register_officer.refresh_from_db()
    assert register_officer.check_password(NEW_PASSWORD)
    assert AuditEvent.objects.get(kind=AuditEvent.Kind.PASSWORD_SET).actor == superuser


def test_an_officer_changing_their_own_password_is_not_an_event(login, agency_administrator):
    assert set_password(login(agency_administrator), agency_administrator).status_code == 302
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSWORD_SET).exists()
