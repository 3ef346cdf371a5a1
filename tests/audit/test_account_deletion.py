"""An account the audit trail names is deactivated, never deleted: its audit rows would lose
their actor (PostgreSQL's append-only trigger refuses the UPDATE; on SQLite the chain would
break). The admin says so and deletes nothing; an account nobody's rows name may go."""

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from liaison.core.choices import Role
from tests.factories import PartnerBodyFactory

pytestmark = pytest.mark.django_db

KEPT = "This account is named in the audit trail, so it is kept"


@pytest.fixture
def worker(make_user, agency):
    """An officer who changed a record: the change log names them."""
    user = make_user(Role.EDITOR, username="worker")
    with set_actor(user):
        PartnerBodyFactory(agency=agency)
    return user


def exists(user) -> bool:
    return get_user_model().objects.filter(pk=user.pk).exists()


def kept_with_its_trail(user) -> bool:
    """The account is there and its change log entries still name it."""
    return exists(user) and LogEntry.objects.filter(actor=user).exists()


def test_the_delete_page_keeps_a_named_account_and_says_to_deactivate_it(login, superuser, worker):
    client = login(superuser)
    url = reverse("admin:accounts_user_delete", args=[worker.pk])
    assert KEPT in client.get(url).content.decode()
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 200 and KEPT in response.content.decode()
    assert kept_with_its_trail(worker)


def test_delete_selected_keeps_a_named_account(login, superuser, worker, make_user):
    bystander = make_user(username="bystander")
    client = login(superuser)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [worker.pk, bystander.pk], "post": "yes"},
    )
    assert response.status_code == 200 and KEPT in response.content.decode()
    assert kept_with_its_trail(worker) and exists(bystander)  # all or nothing


@translation.override("en")
def test_deleting_a_named_account_in_code_is_refused_before_anything_is_written(worker):
    # Django deletes in the caller's transaction (no savepoint): each call gets its own.
    with pytest.raises(ValidationError, match=KEPT), transaction.atomic():
        worker.delete()
    with pytest.raises(ValidationError, match=KEPT), transaction.atomic():
        get_user_model().objects.filter(pk=worker.pk).delete()
    assert kept_with_its_trail(worker)


def test_an_account_no_audit_row_names_is_deleted(login, superuser, make_user):
    unused = make_user(username="unused")
    response = login(superuser).post(
        reverse("admin:accounts_user_delete", args=[unused.pk]), {"post": "yes"}
    )
    assert response.status_code == 302 and not exists(unused)
