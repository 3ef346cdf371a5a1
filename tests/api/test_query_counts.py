"""Every list endpoint reads a page in a fixed few queries, whatever the page's rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liaison.activities.choices import ActivityKind, BodyRole
from liaison.activities.models import ActivityBody, DelegationMember
from liaison.api.records import PATHS
from liaison.core.choices import Role
from tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    CaseAssistanceRequestFactory,
    EventFactory,
    ObligationFactory,
    PartnerBodyFactory,
    PlaceFactory,
    StaffFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10


def plant(agency, officer, rows: int) -> None:
    for n in range(rows):
        place, topic, body = PlaceFactory(), TopicFactory(), PartnerBodyFactory(agency=agency)
        activity = ActivityFactory(agency=agency, start_date=datetime.date(2024, 1, n + 1))
        activity.places.add(place)
        activity.topics.add(topic)
        activity.cleared_officers.add(officer)
        ActivityBody.objects.create(activity=activity, body=body, role=BodyRole.HOST)
        EventFactory(activity=activity)
        DelegationMember.objects.create(activity=activity, staff=StaffFactory(agency=agency))
        course = ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, training_hours=9)
        AttendanceFactory(course=course, participant=StaffFactory(agency=agency), hours=3)
        ObligationFactory(agency=agency)
        CaseAssistanceRequestFactory(agency=agency).cleared_officers.add(officer)


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, {"limit": 200})
    assert response.status_code == 200, (path, response.content)
    return len(captured)


def test_lists_read_a_page_in_a_few_queries_whatever_its_rows(api_client, make_user, agency):
    officer = make_user(Role.EDITOR, Role.REGISTER_OFFICER)
    client = api_client(officer)
    client.get("/api/v1/activities/")  # the token's last use is written once, not counted
    plant(agency, officer, 2)
    few = {path: queries(client, path) for path in PATHS.values()}
    plant(agency, officer, 6)
    many = {path: queries(client, path) for path in PATHS.values()}
    for path in PATHS.values():
        if path.endswith("/register/"):
            continue  # every entry read is logged: one write per entry, by design
        assert many[path] <= MAX_QUERIES, (path, many[path])
        assert many[path] == few[path], (path, few[path], many[path])
