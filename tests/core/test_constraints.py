"""The database itself refuses bad rows, whatever code path writes them."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from liaison.activities.choices import ActivityKind
from liaison.core.choices import Classification
from tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    CaseAssistanceRequestFactory,
    PartnerBodyFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


def refused(factory, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**fields)


def test_activity_constraints(agency):
    refused(ActivityFactory, agency=agency, title_zh_hant="")
    refused(ActivityFactory, agency=agency, kind="picnic")
    refused(ActivityFactory, agency=agency, year=1900)
    refused(
        ActivityFactory,
        agency=agency,
        start_date=datetime.date(2024, 6, 2),
        end_date=datetime.date(2024, 6, 1),
    )
    refused(ActivityFactory, agency=agency, visitor_count=3)
    refused(ActivityFactory, agency=agency, training_hours=5)
    refused(ActivityFactory, agency=agency, classification=9)
    refused(ActivityFactory, agency=agency, state="published")
    refused(ActivityFactory, agency=agency, approved_at=None)


def test_inbound_and_training_columns_allowed_for_their_kind(agency):
    ActivityFactory(agency=agency, kind=ActivityKind.INBOUND_VISIT, visitor_count=12)
    ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, training_hours=30)


def test_import_key_unique_per_agency(agency, other_agency):
    ActivityFactory(agency=agency, import_key="abc")
    ActivityFactory(agency=other_agency, import_key="abc")
    ActivityFactory(agency=agency, import_key="")
    ActivityFactory(agency=agency, import_key="")
    refused(ActivityFactory, agency=agency, import_key="abc")


def test_body_name_unique_per_agency(agency, other_agency):
    PartnerBodyFactory(agency=agency, name_zh_hant="國家監察委員會")
    PartnerBodyFactory(agency=other_agency, name_zh_hant="國家監察委員會")
    refused(PartnerBodyFactory, agency=agency, name_zh_hant="國家監察委員會")


def test_register_entries_are_always_confidential(agency):
    entry = CaseAssistanceRequestFactory(agency=agency)
    assert entry.classification == Classification.CONFIDENTIAL
    refused(
        CaseAssistanceRequestFactory,
        agency=agency,
        received_on=datetime.date(2024, 5, 2),
        due_date=datetime.date(2024, 5, 1),
    )


def test_attendance_constraints(agency):
    attendance = AttendanceFactory(course__agency=agency)
    refused(AttendanceFactory, course=attendance.course, participant=attendance.participant)
    refused(AttendanceFactory, course__agency=agency, hours=-1)
    refused(AttendanceFactory, course__agency=agency, certificate_number="C1", completed=False)


def test_staff_number_unique(agency):
    StaffFactory(agency=agency, staff_number="A1")
    refused(StaffFactory, agency=agency, staff_number="A1")


def test_migrations_match_the_models():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
