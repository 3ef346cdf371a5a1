"""The trail of child rows: every way a row is saved trails it, a deleted row keeps its
trail, the migration fills it, and a record's history reads its own rows' entries only."""

import datetime
import importlib
from types import SimpleNamespace

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from liaison.activities.choices import ActivityKind, BodyRole
from liaison.activities.models import Activity, ActivityBody, Event
from liaison.core import services
from liaison.core.choices import Classification
from liaison.core.history import entries_of, history_for
from liaison.core.models import RowTrail
from liaison.training.models import Attendance
from liaison.training.services import add_attendance
from tests.factories import ActivityFactory, EventFactory, PartnerBodyFactory, StaffFactory

pytestmark = pytest.mark.django_db

fill_trail = importlib.import_module("liaison.core.migrations.0003_row_trail").fill_trail


def trail_of(record):
    found = RowTrail.objects.filter(
        record_type=ContentType.objects.get_for_model(record), record_id=record.pk
    )
    return {
        (ContentType.objects.get_for_id(t).model, row)
        for t, row in found.values_list("row_type", "row_id")
    }


def test_a_row_is_trailed_when_saved_and_kept_when_deleted(agency, editor):
    visit = ActivityFactory(agency=agency)
    event = services.save_child(
        Event(activity=visit, title_zh_hant="會議"), user=editor, parent_version=visit.version
    )
    visit.refresh_from_db()
    pk = event.pk
    services.delete_child(event, user=editor, parent_version=visit.version)
    assert trail_of(visit) == {("event", pk)}


def test_rows_saved_in_one_bulk_insert_are_trailed(agency, editor):
    course = ActivityFactory(agency=agency, kind=ActivityKind.TRAINING)
    staff = [StaffFactory(agency=agency) for _ in range(3)]
    rows = add_attendance(
        course,
        [Attendance(course=course, participant=s, hours=2) for s in staff],
        user=editor,
        parent_version=course.version,
    )
    assert trail_of(course) == {("attendance", row.pk) for row in rows}


def test_a_deleted_row_naming_a_hidden_record_stays_hidden(agency, editor):
    """Its creation and deletion name the confidential body: neither is shown."""
    visit = ActivityFactory(agency=agency)
    secret = PartnerBodyFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    with set_actor(editor):
        role = ActivityBody.objects.create(activity=visit, body=secret, role=BodyRole.HOST)
        role.role = BodyRole.PARTNER
        role.save()
        role.delete()
    assert [entry for entry in history_for(visit, editor) if entry.subject] == []


def test_a_history_reads_no_entry_of_another_records_rows(agency, editor):
    visit, other = ActivityFactory(agency=agency), ActivityFactory(agency=agency)
    with set_actor(editor):
        EventFactory(activity=visit, title_zh_hant="本次")
        EventFactory(activity=other, title_zh_hant="別次").delete()
    logged = list(entries_of(visit, editor))
    assert {log.object_repr for log in logged if log.content_type.model == "event"} == {"本次"}


def test_the_migration_trails_rows_there_are_and_deleted_ones(agency, editor):
    visit = ActivityFactory(agency=agency, start_date=datetime.date(2024, 1, 1))
    with set_actor(editor):
        kept = EventFactory(activity=visit)
        gone = EventFactory(activity=visit)
        gone_pk = gone.pk
        gone.delete()
    RowTrail.objects.all().delete()
    fill_trail(apps, SimpleNamespace(connection=connection))  # all it reads of the editor
    assert trail_of(visit) == {("event", kept.pk), ("event", gone_pk)}
    assert LogEntry.objects.filter(object_id=gone_pk, action=LogEntry.Action.DELETE).exists()
    assert Activity.objects.filter(pk=visit.pk).exists()
