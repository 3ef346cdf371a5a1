"""A small office's calendar: a visit this month, a draft meeting, a course known only to
its month, a confidential meeting, and obligations due soon, late and waived."""

import datetime

import pytest
from django.utils import timezone

from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision
from liaison.activities.models import ActivityBody
from liaison.core.choices import Classification, Role, WorkflowState
from tests.factories import (
    ActivityFactory,
    MembershipFactory,
    ObligationFactory,
    PartnerBodyFactory,
    PlaceFactory,
)

DAY = datetime.timedelta(days=1)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def keeper(make_user):
    """The only officer named on the confidential records."""
    return make_user(Role.EDITOR, username="keeper", email="keeper@example.org")


@pytest.fixture
def office(agency, today, keeper):
    body = PartnerBodyFactory(agency=agency, name_zh_hant="聯合國", name_en="UNODC", acronym="UN")
    secret_body = PartnerBodyFactory(
        agency=agency, name_zh_hant="機密機構", classification=Classification.CONFIDENTIAL
    )
    secret_body.cleared_officers.add(keeper)
    place = PlaceFactory(name_zh_hant="維也納", name_en="Vienna", name_pt="Viena")
    visit = ActivityFactory(
        agency=agency,
        kind=ActivityKind.OUTBOUND_VISIT,
        title_zh_hant="訪問維也納",
        title_pt="Visita a Viena",
        title_en="Visit to Vienna",
        year=today.year,
        start_date=today,
        end_date=today + DAY,
        date_precision=DatePrecision.DAY,
    )
    visit.places.set([place])
    ActivityBody.objects.create(activity=visit, body=body, role=BodyRole.HOST)
    ActivityBody.objects.create(activity=visit, body=secret_body, role=BodyRole.ORGANIZER)
    draft = ActivityFactory(
        agency=agency,
        kind=ActivityKind.MEETING,
        title_zh_hant="草擬會議",
        year=today.year,
        start_date=today,
        date_precision=DatePrecision.DAY,
        state=WorkflowState.DRAFT,
        approved_at=None,
    )
    course = ActivityFactory(
        agency=agency,
        kind=ActivityKind.TRAINING,
        title_zh_hant="月份課程",
        year=today.year,
        start_date=today.replace(day=1),
        date_precision=DatePrecision.MONTH,
    )
    secret = ActivityFactory(
        agency=agency,
        kind=ActivityKind.MEETING,
        title_zh_hant="機密會議",
        year=today.year,
        start_date=today,
        date_precision=DatePrecision.DAY,
        classification=Classification.CONFIDENTIAL,
    )
    secret.cleared_officers.add(keeper)
    membership = MembershipFactory(agency=agency, body=body)
    soon = ObligationFactory(
        agency=agency, membership=membership, title_zh_hant="年度問卷", due_date=today + 5 * DAY
    )
    late = ObligationFactory(
        agency=agency, membership=membership, title_zh_hant="逾期會費", due_date=today - 3 * DAY
    )
    waived = ObligationFactory(
        agency=agency,
        membership=membership,
        title_zh_hant="豁免報告",
        due_date=today + 2 * DAY,
        status="waived",
        waived_reason="會議取消",
    )
    return {
        "body": body,
        "visit": visit,
        "draft": draft,
        "course": course,
        "secret": secret,
        "soon": soon,
        "late": late,
        "waived": waived,
    }
