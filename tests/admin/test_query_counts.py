"""List pages run the same number of queries for 3 rows as for 30 (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from liaison.agenda.choices import Threshold
from liaison.agenda.services import make_feed_token, record_reminders
from tests import factories

pytestmark = pytest.mark.django_db


def make_activity(agency, officer):
    activity = factories.ActivityFactory(agency=agency)
    factories.EventFactory(activity=activity)
    return activity


def make_request(agency, officer):
    entry = factories.CaseAssistanceRequestFactory(agency=agency)
    entry.cleared_officers.add(officer)
    return entry


def make_feed_link(agency, _):
    make_feed_token(factories.UserFactory(agency=agency))


def make_reminder(agency, officer):
    obligation = factories.ObligationFactory(agency=agency)
    record_reminders(officer, [(obligation, Threshold.DAYS_30)])


MAKERS = {
    "calendar_feedtoken": make_feed_link,
    "calendar_remindersent": make_reminder,
    "activities_activity": make_activity,
    "partners_partnerbody": lambda agency, _: factories.PartnerBodyFactory(
        agency=agency, place=factories.PlaceFactory()
    ),
    "partners_membership": lambda agency, _: factories.MembershipFactory(agency=agency),
    "partners_obligation": lambda agency, _: factories.ObligationFactory(agency=agency),
    "people_staff": lambda agency, _: factories.StaffFactory(agency=agency),
    "training_attendance": lambda agency, _: factories.AttendanceFactory(course__agency=agency),
    "activities_event": lambda agency, _: factories.EventFactory(activity__agency=agency),
    "cooperation_caseassistancerequest": make_request,
    "partners_place": lambda agency, _: factories.PlaceFactory(),
    "auditlog_logentry": make_activity,
}


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_list_queries_do_not_grow_with_rows(
    name, admin_client_zh, admin_officer, django_assert_max_num_queries
):
    url = reverse(f"admin:{name}_changelist")
    for _ in range(3):
        MAKERS[name](admin_officer.agency, admin_officer)
    with_3 = count_queries(admin_client_zh, url)
    for _ in range(27):
        MAKERS[name](admin_officer.agency, admin_officer)
    with django_assert_max_num_queries(with_3):
        admin_client_zh.get(url)
    assert with_3 <= 20
