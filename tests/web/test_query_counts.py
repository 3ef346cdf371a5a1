"""Every family's detail page, for a record with the rows and links its kind has (an
outbound visit: places, topics, bodies, delegation, events), files and a history naming
them, runs at most 10 queries, and no more with three times the rows; every list runs at
most 10 whatever its page size. Each further kind of row a record has costs one query (an
empty kind none), so a record with every kind at once may cost a query or two more."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liaison.activities import services as activity_services
from liaison.activities.choices import ActivityKind, BodyRole
from liaison.activities.models import ActivityBody, DelegationMember
from liaison.attachments.services import attach_file
from liaison.core import registry, services
from liaison.core.choices import Classification, Role
from liaison.training.models import Attendance
from tests import factories

pytestmark = pytest.mark.django_db
#: django-otp reads the device of a user who passed a second factor on every page (the
#: tests' force_login gives every user one).
SECOND_FACTOR = 1
#: A detail page reads the change stamps its history is kept under (core.freshness): one
#: query more the first time, the log's queries fewer every time after.
STAMPS = 1


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def version(record) -> int:
    return type(record)._base_manager.values_list("version", flat=True).get(pk=record.pk)


def add_row(row, save=services.save_child):
    save(row, user=row.parent_record.updated_by, parent_version=version(row.parent_record))


def edited(record, user, **data):
    """The record changed once through the services, so its history has an entry."""
    return services.update_record(record, user=user, version=version(record), data=data)


def activity(
    agency, user, rows, kinds=("places", "topics", "bodies", "members", "events"), **fields
):
    """An activity with `rows` of each kind of row named in `kinds`, files and a history."""
    activity = factories.ActivityFactory(agency=agency, updated_by=user, **fields)
    if activity.is_confidential:
        activity.cleared_officers.add(user)  # named, so the user may see it
    for _ in range(rows):
        if "places" in kinds:
            activity.places.add(factories.PlaceFactory())
        if "topics" in kinds:
            activity.topics.add(factories.TopicFactory())
        if "bodies" in kinds:
            body = factories.PartnerBodyFactory(agency=agency)
            add_row(ActivityBody(activity=activity, body=body, role=BodyRole.HOST))
        if "members" in kinds:
            member = DelegationMember(
                activity=activity, staff=factories.StaffFactory(agency=agency)
            )
            add_row(member, activity_services.save_delegation_member)
        if "events" in kinds:
            activity_services.add_event(
                activity, user=user, parent_version=version(activity), title_zh_hant="會議"
            )
        if "attendance" in kinds:
            participant = factories.StaffFactory(agency=agency)
            add_row(Attendance(course=activity, participant=participant, hours=10))
        attach_file(
            activity,
            file=SimpleUploadedFile("note.txt", "紀要".encode(), content_type="text/plain"),
            user=user,
            parent_version=version(activity),
        )
    return edited(activity, user, title_zh_hant="赴北京考察")


def full_activity(agency, user, rows):
    return activity(agency, user, rows)


def training_course(agency, user, rows):
    kinds = ("places", "topics", "bodies", "attendance")
    return activity(agency, user, rows, kinds, kind=ActivityKind.TRAINING, training_hours=20)


def confidential_activity(agency, user, rows):
    secret = activity(
        agency,
        user,
        rows,
        ("places", "bodies", "members"),
        classification=Classification.CONFIDENTIAL,
    )
    secret.cleared_officers.add(user)
    return secret


def body(agency, user, rows):
    parent = factories.PartnerBodyFactory(agency=agency)
    found = factories.PartnerBodyFactory(
        agency=agency, parent=parent, place=factories.PlaceFactory(), updated_by=user
    )
    factories.MembershipFactory(agency=agency, body=found)  # one per agency and body
    return edited(found, user, parent=factories.PartnerBodyFactory(agency=agency))


def membership(agency, user, rows):
    found = factories.MembershipFactory(agency=agency)
    for _ in range(rows):
        factories.ObligationFactory(agency=agency, membership=found)
    return edited(found, user, body=factories.PartnerBodyFactory(agency=agency))


def obligation(agency, user, rows):
    found = factories.ObligationFactory(agency=agency)
    return edited(found, user, membership=factories.MembershipFactory(agency=agency))


def staff(agency, user, rows):
    found = factories.StaffFactory(agency=agency)
    return edited(found, user, unit=factories.UnitFactory(agency=agency))


def unit(agency, user, rows):
    return edited(factories.UnitFactory(agency=agency), user, name_pt="Unidade")


def attendance(agency, user, rows):
    return factories.AttendanceFactory(course__agency=agency, participant__agency=agency)


def register_entry(agency, user, rows):
    entry = factories.CaseAssistanceRequestFactory(agency=agency)
    entry.cleared_officers.add(user)
    return edited(entry, user, counterpart=factories.PartnerBodyFactory(agency=agency))


def place(agency, user, rows):
    return factories.PlaceFactory(parent=factories.PlaceFactory())


def passage(agency, user, rows):
    return edited(factories.PassageFactory(agency=agency), user, text_en="Besides the courses.")


FULL = {
    "outbound visit": full_activity,
    "training course": training_course,
    "confidential activity": confidential_activity,
    "body": body,
    "membership": membership,
    "obligation": obligation,
    "staff": staff,
    "unit": unit,
    "attendance": attendance,
    "register entry": register_entry,
    "place": place,
    "passage": passage,
}
#: The maker of each family's rows for its list.
LISTED = {
    "activity": full_activity,
    "partnerbody": body,
    "membership": membership,
    "obligation": obligation,
    "staff": staff,
    "unit": unit,
    "attendance": attendance,
    "caseassistancerequest": register_entry,
    "place": place,
    "passage": passage,
}


def count_queries(client, url, *, kept=False) -> int:
    """The queries of a page built afresh (nothing of it kept in the cache), or `kept`."""
    if not kept:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def chief(make_user):
    return make_user(Role.ADMINISTRATOR, Role.REGISTER_OFFICER, username="chief")


def reader_of(family, chief, editor):
    """Who reads the pages: an editor (no second factor, whose device django-otp reads on
    every page), but for the register, which only its officers open."""
    return chief if family.name == "caseassistancerequest" else editor


def test_every_family_is_counted_here():
    assert set(LISTED) == {family.name for family in registry.families()}
    assert set(LISTED.values()) <= set(FULL.values())


@pytest.mark.parametrize("name", sorted(FULL))
def test_detail_page_runs_at_most_10_queries_whatever_its_rows(name, chief, editor, login):
    one = FULL[name](chief.agency, chief, 1)
    three = FULL[name](chief.agency, chief, 3)
    family = registry.family_of(type(one))
    reader = reader_of(family, chief, editor)
    for record in (one, three):
        if getattr(record, "is_confidential", False):
            record.cleared_officers.add(reader)
    client = login(reader)
    client.get(family.url("detail", one.pk))  # content types are cached once per process
    few = count_queries(client, family.url("detail", one.pk))
    logged = 2 if getattr(one, "is_confidential", False) else 0  # the view's entry, its seal
    assert few <= 10 + SECOND_FACTOR + STAMPS + logged
    assert count_queries(client, family.url("detail", three.pk)) <= few
    client.get(family.url("detail", one.pk))  # its history is kept from here
    kept = count_queries(client, family.url("detail", one.pk), kept=True)
    assert kept <= 10 + SECOND_FACTOR + logged


@pytest.mark.parametrize("family", registry.families(), ids=lambda family: family.name)
def test_list_runs_at_most_10_queries_whatever_its_page_size(family, chief, editor, login):
    client = login(reader_of(family, chief, editor))
    for _ in range(3):
        LISTED[family.name](chief.agency, chief, 1)
    few = count_queries(client, family.url("list") + "?per_page=2")
    assert few <= 10 + SECOND_FACTOR
    assert count_queries(client, family.url("list") + "?per_page=100") <= few
