"""Behind the proxy, failed log-ins lock the client who made them, not everyone."""

import pytest
from auditlog.models import LogEntry
from django.test import Client, override_settings
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.core.choices import Classification, Role
from liaison.settings import trusted_proxy_settings
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
PASSWORD = "correct horse battery staple"


def log_in(forwarded_for: str, password: str):
    return Client().post(
        reverse("web:login"),
        {"username": "officer", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.fixture
def officer(make_user):
    return make_user(Role.VIEWER, username="officer")


@override_settings(**trusted_proxy_settings(1))
def test_five_failures_behind_the_proxy_lock_only_that_client(officer):
    for n in range(5):  # what the client writes in front of the proxy's entry is ignored
        log_in(f"192.0.2.{n}, 203.0.113.7", "wrong")
    assert log_in("203.0.113.7", PASSWORD).status_code == 429
    assert log_in("198.51.100.9", PASSWORD).status_code == 302
    failures = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED)
    assert set(failures.values_list("remote_addr", flat=True)) == {"203.0.113.7"}


def test_without_trusted_proxies_the_header_is_not_believed(officer):
    for n in range(5):
        log_in(f"203.0.113.{n}", "wrong")
    assert log_in("198.51.100.9", PASSWORD).status_code == 429
    assert set(
        AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED).values_list(
            "remote_addr", flat=True
        )
    ) == {PROXY}


@override_settings(**trusted_proxy_settings(1))
def test_the_change_log_names_the_same_client(make_user):
    editor = make_user(Role.EDITOR, Role.ADMINISTRATOR, username="writer", is_staff=True)
    activity = ActivityFactory(agency=editor.agency, classification=Classification.CONFIDENTIAL)
    activity.cleared_officers.add(editor)
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7")
    client.force_login(editor)
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    assert client.get(url).status_code == 200
    entry = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).latest("pk")
    assert entry.remote_addr == "203.0.113.7"
