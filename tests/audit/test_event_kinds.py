"""Events the trail records by itself: lock-outs and permission changes; and change log
entries written whole, their record's scope in the INSERT (audit rows are never updated)."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.audit.scope import RECORD_ID
from liaison.core.choices import Role

pytestmark = pytest.mark.django_db


def test_a_lock_out_is_an_event_naming_the_account_and_address(make_user):
    make_user(Role.VIEWER, username="officer")
    for _ in range(6):
        Client().post(
            reverse("web:login"),
            {"username": "officer", "password": "wrong"},
            REMOTE_ADDR="192.0.2.8",
        )
    lock_out = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOCKED_OUT).first()
    assert lock_out is not None
    assert (lock_out.details["username"], lock_out.remote_addr) == ("officer", "192.0.2.8")


def test_a_role_given_a_permission_is_logged():
    role = Group.objects.create(name="reviewers")
    role.permissions.add(Permission.objects.get(codename="view_auditevent"))
    entry = LogEntry.objects.get_for_object(role).latest("pk")
    assert "permissions" in entry.changes


def test_a_child_rows_entry_is_written_once_with_its_record(secret_event, confidential_activity):
    secret_event.title_en = "Renamed"
    with CaptureQueriesContext(connection) as queries:
        secret_event.save()
    entry = LogEntry.objects.get_for_object(secret_event).latest("pk")
    assert entry.additional_data[RECORD_ID] == confidential_activity.pk
    assert not [q for q in queries if q["sql"].startswith("UPDATE") and "auditlog" in q["sql"]]
