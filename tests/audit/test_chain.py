"""The audit chain: rows are sealed as they are written, `audit-verify` names the first row
changed, removed or slipped in, the application cannot edit or delete an audit row, and on
PostgreSQL neither can anyone else's SQL."""

import threading

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction

from liaison.audit.models import AppendOnly, AuditEvent, Seal
from liaison.audit.services import log_event
from liaison.audit.verification import verify
from tests.factories import PartnerBodyFactory

pytestmark = pytest.mark.django_db

TABLE = {"event": "audit_auditevent", "entry": "auditlog_logentry"}


@pytest.fixture
def trail(django_capture_on_commit_callbacks):
    """Three events and a record's change log entries, committed (so sealed)."""
    with django_capture_on_commit_callbacks(execute=True):
        events = [log_event(AuditEvent.Kind.EXPORT, rows=n) for n in range(3)]
        body = PartnerBodyFactory()
    entry = LogEntry.objects.get_for_object(body).latest("pk")
    return events, entry


def behind_the_applications_back(sql, params):
    """Raw SQL as someone with the database's password would send it (PostgreSQL's trigger
    is switched off for this session, as its owner could)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


def test_every_row_written_is_sealed_and_the_chain_holds(trail):
    report = verify()
    assert report.broken is None
    assert (
        report.links
        == Seal.objects.count()
        == AuditEvent.objects.count() + LogEntry.objects.count()
    )
    call_command("audit-verify")


def test_an_edited_event_is_named(trail):
    events, _ = trail
    behind_the_applications_back(
        "UPDATE audit_auditevent SET details = %s WHERE id = %s", ['{"rows": 99}', events[1].pk]
    )
    assert str(verify().broken) == f"audit event {events[1].pk} was changed after it was written"
    with pytest.raises(CommandError, match=f"audit event {events[1].pk} was changed"):
        call_command("audit-verify")


def test_a_removed_change_log_entry_is_named(trail):
    _, entry = trail
    behind_the_applications_back("DELETE FROM auditlog_logentry WHERE id = %s", [entry.pk])
    assert verify().broken.what == "removed"
    assert verify().broken.row_id == entry.pk


def test_a_removed_link_is_found(trail):
    events, _ = trail
    behind_the_applications_back(
        "DELETE FROM audit_seal WHERE table = %s AND row_id = %s".replace("table", '"table"'),
        ["event", events[0].pk],
    )
    assert verify().broken.what == "link removed"


def test_a_row_slipped_in_without_the_application_is_named(trail):
    with transaction.atomic():  # no commit: never sealed, as for a row written in raw SQL
        stray = log_event(AuditEvent.Kind.EXPORT, rows=7)
    assert stray.pk not in Seal.objects.filter(table="event").values_list("row_id", flat=True)
    assert verify().broken.what == "unsealed"
    assert verify().broken.row_id == stray.pk


def test_the_application_can_neither_edit_nor_delete_an_audit_row(trail):
    events, entry = trail
    for attempt in (
        lambda: AuditEvent.objects.filter(pk=events[0].pk).update(details={}),
        lambda: AuditEvent.objects.all().delete(),
        events[0].save,
        events[0].delete,
        entry.save,
        entry.delete,
        lambda: LogEntry.objects.filter(pk=entry.pk).delete(),
        lambda: Seal.objects.all().delete(),
    ):
        with pytest.raises(AppendOnly), transaction.atomic():
            attempt()
    assert verify().broken is None


@pytest.mark.postgres
@pytest.mark.parametrize("table", ["audit_auditevent", "auditlog_logentry", "audit_seal"])
@pytest.mark.parametrize("statement", ["UPDATE {} SET id = id", "DELETE FROM {}"])
def test_postgresql_refuses_updates_and_deletes(trail, table, statement):
    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's")
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute(statement.format(table))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_do_not_fork_the_chain():
    """Eight threads, each its own connection, writing events in their own transactions
    (PostgreSQL: SQLite's test database is in memory, where writers fail, not wait)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database has no concurrent writers")
    errors = []

    def write(n):
        try:
            for i in range(5):
                with transaction.atomic():
                    log_event(AuditEvent.Kind.EXPORT, writer=n, row=i)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert list(Seal.objects.order_by("position").values_list("position", flat=True)) == list(
        range(1, 41)
    )
    assert verify().broken is None
