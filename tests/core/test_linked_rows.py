"""Rule 5 of the chokepoint: a row that links records is visible only when each of them is.

A confidential body linked to public activities, a confidential unit and officer on a
public course: none may be named, listed or counted for anyone not named on them, in the
chapter, its tables, the admin's inlines, list filters and searches.
"""

import pytest
from django.test import Client
from django.urls import reverse

from liaison.activities.choices import ActivityKind, BodyRole
from liaison.activities.models import ActivityBody, DelegationMember
from liaison.core.choices import Classification, Role, WorkflowState
from liaison.partners.models import Membership, Obligation, PartnerBody
from liaison.people.models import Staff, Unit
from liaison.reports.builder import build_chapter
from liaison.reports.render import render
from liaison.training.models import Attendance
from tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    MembershipFactory,
    ObligationFactory,
    PartnerBodyFactory,
    StaffFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db

SECRET_BODY = "秘密合作機構"
SECRET_UNIT = "秘密調查組"
SECRET_OFFICER = "陳秘密"


@pytest.fixture
def keeper(make_user):
    """The one editor named on the confidential records."""
    return make_user(Role.EDITOR, username="keeper")


@pytest.fixture
def planted(agency, keeper):
    """Public, approved activities linked to a confidential body, and a public course
    attended by a confidential officer of a confidential unit."""
    secret = dict(classification=Classification.CONFIDENTIAL, agency=agency)
    body = PartnerBodyFactory(name_zh_hant=SECRET_BODY, name_en="Secret Partner", **secret)
    body.cleared_officers.add(keeper)
    unit = UnitFactory(code="secret", name_zh_hant=SECRET_UNIT, **secret)
    unit.cleared_officers.add(keeper)
    officer = StaffFactory(name_zh_hant=SECRET_OFFICER, unit=unit, **secret)
    officer.cleared_officers.add(keeper)
    open_unit = UnitFactory(agency=agency, code="open", name_zh_hant="公開廳")
    colleague = StaffFactory(agency=agency, name_zh_hant="李公開", unit=open_unit)
    visit = ActivityFactory(agency=agency, kind=ActivityKind.OUTBOUND_VISIT, year=2024)
    meeting = ActivityFactory(agency=agency, kind=ActivityKind.MEETING, year=2024)
    for activity in (visit, meeting):
        ActivityBody.objects.create(activity=activity, body=body, role=BodyRole.HOST)
    DelegationMember.objects.create(activity=visit, staff=officer)
    course = ActivityFactory(
        agency=agency, kind=ActivityKind.TRAINING, year=2024, training_hours=20
    )
    AttendanceFactory(course=course, participant=officer, hours=10)
    AttendanceFactory(course=course, participant=colleague, hours=6)
    membership = MembershipFactory(agency=agency, body=body)
    ObligationFactory(agency=agency, membership=membership)
    draft_unit = UnitFactory(
        agency=agency, code="draft", name_zh_hant="草擬廳", state=WorkflowState.DRAFT
    )
    return {
        "body": body,
        "unit": unit,
        "officer": officer,
        "draft_unit": draft_unit,
        "visit": visit,
        "course": course,
    }


@pytest.fixture
def readers(viewer, editor, approver, administrator, make_user):
    superuser = make_user(username="root", is_superuser=True, is_staff=True)
    return [viewer, editor, approver, administrator, superuser]


def test_link_rows_are_hidden_unless_both_ends_are_visible(planted, readers, keeper):
    for reader in readers:
        assert not ActivityBody.objects.visible_to(reader).exists(), reader
        assert not DelegationMember.objects.visible_to(reader).exists(), reader
        names = Attendance.objects.visible_to(reader).values_list(
            "participant__name_zh_hant", flat=True
        )
        assert list(names) == ["李公開"], reader
        assert not Membership.objects.visible_to(reader).exists(), reader
        assert not Obligation.objects.visible_to(reader).exists(), reader
    assert ActivityBody.objects.visible_to(keeper).count() == 2
    assert Attendance.objects.visible_to(keeper).count() == 2
    assert Obligation.objects.visible_to(keeper).count() == 1


def test_an_officer_of_a_hidden_unit_is_hidden_with_it(agency, planted, editor, keeper):
    planted["officer"].classification = Classification.INTERNAL
    planted["officer"].save()
    assert not Staff.objects.visible_to(editor).filter(pk=planted["officer"].pk).exists()
    assert Staff.objects.visible_to(keeper).filter(pk=planted["officer"].pk).exists()


def test_a_body_whose_parent_is_hidden_is_hidden(agency, planted, editor):
    child = PartnerBodyFactory(agency=agency, name_zh_hant="下屬機構", parent=planted["body"])
    orphan = PartnerBodyFactory(agency=agency, name_zh_hant="獨立機構")
    visible = PartnerBody.objects.visible_to(editor)
    assert not visible.filter(pk=child.pk).exists()
    assert visible.filter(pk=orphan.pk).exists()


@pytest.mark.parametrize("language", ["zh-Hant", "pt", "en"])
def test_the_chapter_neither_names_nor_counts_hidden_linked_records(
    agency, planted, readers, keeper, language
):
    for reader in [None, *readers, keeper]:
        chapter = build_chapter(agency, 2024, language, reader=reader)
        tables = {table.key: table for table in chapter.tables}
        assert tables["by_body"].rows == [], reader
        units = [row[0] for row in tables["training_by_unit"].rows]
        assert SECRET_UNIT not in units and "Secret" not in str(units), reader
        for fmt in ("md", "html"):
            written = render(chapter, fmt).decode()
            for secret in (SECRET_BODY, "Secret Partner", SECRET_UNIT, SECRET_OFFICER):
                assert secret not in written, (reader, fmt, secret)
        hours = sum(row[3] for row in tables["training_by_unit"].body_rows)
        assert hours == 6, reader


def test_the_chapter_preview_hides_them_too(agency, planted, viewer):
    client = Client()
    client.force_login(viewer)
    response = client.get(reverse("reports:preview"), {"year": 2024})
    assert response.status_code == 200
    assert SECRET_BODY.encode() not in response.content
    assert SECRET_UNIT.encode() not in response.content


def staff_client(user) -> Client:
    user.is_staff = True
    user.save()
    client = Client(headers={"accept-language": "zh-hant"})
    client.force_login(user)
    return client


def test_admin_inlines_searches_and_filters_hide_them(planted, editor, viewer, keeper):
    client = staff_client(editor)
    page = client.get(reverse("admin:activities_activity_change", args=[planted["visit"].pk]))
    assert page.status_code == 200
    assert SECRET_BODY.encode() not in page.content
    assert SECRET_OFFICER.encode() not in page.content
    course = client.get(reverse("admin:activities_activity_change", args=[planted["course"].pk]))
    assert SECRET_OFFICER.encode() not in course.content
    rows = client.get(reverse("admin:activities_activitybody_changelist"), {"q": "秘密"})
    assert rows.status_code == 200
    assert SECRET_BODY.encode() not in rows.content
    attendance = client.get(reverse("admin:training_attendance_changelist"))
    assert SECRET_OFFICER.encode() not in attendance.content
    staff = staff_client(viewer).get(reverse("admin:people_staff_changelist"))
    assert staff.status_code == 200
    assert SECRET_UNIT.encode() not in staff.content
    assert "草擬廳".encode() not in staff.content
    assert "公開廳".encode() in staff.content
    named = staff_client(keeper).get(reverse("admin:people_staff_changelist"))
    assert SECRET_UNIT.encode() in named.content


def test_draft_units_are_offered_to_those_who_see_drafts(planted, editor):
    assert Unit.objects.visible_to(editor).filter(code="draft").exists()
    staff = staff_client(editor).get(reverse("admin:people_staff_changelist"))
    assert "草擬廳".encode() in staff.content
