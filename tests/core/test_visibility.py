"""The visibility chokepoint: agency, classification, need-to-know and drafts, per role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity
from liaison.core.choices import Classification, Role, WorkflowState
from liaison.partners.models import PartnerBody
from liaison.training.models import Attendance
from tests.factories import ActivityFactory, AttendanceFactory, PartnerBodyFactory, UserFactory

pytestmark = pytest.mark.django_db

LEVELS = {
    "public": Classification.PUBLIC,
    "internal": Classification.INTERNAL,
    "restricted": Classification.RESTRICTED,
    "confidential": Classification.CONFIDENTIAL,
}


@pytest.fixture
def records(agency):
    """One approved and one draft activity at every level."""
    made = {}
    for name, level in LEVELS.items():
        made[name] = ActivityFactory(agency=agency, classification=level)
        made[f"{name}-draft"] = ActivityFactory(
            agency=agency, classification=level, state=WorkflowState.DRAFT, approved_at=None
        )
    return made


EXPECTED = {
    Role.VIEWER: {"public", "internal"},
    Role.EDITOR: {
        "public",
        "internal",
        "restricted",
        "public-draft",
        "internal-draft",
        "restricted-draft",
    },
    Role.APPROVER: {
        "public",
        "internal",
        "restricted",
        "public-draft",
        "internal-draft",
        "restricted-draft",
    },
    Role.REGISTER_OFFICER: {
        "public",
        "internal",
        "restricted",
        "public-draft",
        "internal-draft",
        "restricted-draft",
    },
    Role.ADMINISTRATOR: {
        "public",
        "internal",
        "restricted",
        "public-draft",
        "internal-draft",
        "restricted-draft",
    },
}


def visible_names(records, user):
    ids = set(Activity.objects.visible_to(user).values_list("pk", flat=True))
    return {name for name, record in records.items() if record.pk in ids}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_sees_its_clearance(records, make_user, role):
    assert visible_names(records, make_user(role)) == EXPECTED[role]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_counts_agree_with_lists(records, make_user, role):
    user = make_user(role)
    assert Activity.objects.visible_to(user).count() == len(EXPECTED[role])


@pytest.mark.parametrize("role", list(EXPECTED))
def test_confidential_only_for_named_officers(records, make_user, role):
    user = make_user(role)
    records["confidential"].cleared_officers.add(user)
    assert visible_names(records, user) == EXPECTED[role] | {"confidential"}


def test_superuser_sees_every_agency_but_not_unnamed_confidential(records, other_agency):
    foreign = ActivityFactory(agency=other_agency)
    root = UserFactory(is_superuser=True, agency=None)
    names = visible_names(records, root)
    assert "confidential" not in names and "restricted" in names
    assert Activity.objects.visible_to(root).filter(pk=foreign.pk).exists()


def test_other_agency_sees_nothing(records, other_agency):
    outsider = UserFactory(agency=other_agency, roles=[Role.ADMINISTRATOR])
    assert not Activity.objects.visible_to(outsider).exists()


def test_user_without_role_or_agency_sees_nothing(records, agency):
    assert not Activity.objects.visible_to(UserFactory(agency=agency)).exists()
    assert not Activity.objects.visible_to(UserFactory(agency=None, roles=[Role.EDITOR])).exists()
    assert not Activity.objects.visible_to(AnonymousUser()).exists()


def test_inactive_user_sees_nothing(records, make_user):
    user = make_user(Role.ADMINISTRATOR, is_active=False)
    assert not Activity.objects.visible_to(user).exists()


def test_child_rows_follow_their_record(agency, viewer):
    shown = AttendanceFactory(course__agency=agency)
    hidden = AttendanceFactory(
        course__agency=agency, course__classification=Classification.RESTRICTED
    )
    visible = set(Attendance.objects.visible_to(viewer))
    assert shown in visible and hidden not in visible


def test_rows_of_visible_records_are_checked_on_their_other_links(agency, viewer):
    """A list reads its page's rows with `visible_of`: only those of its records, and a row
    whose other end the reader may not see stays hidden."""
    course = ActivityFactory(agency=agency, kind=ActivityKind.TRAINING)
    shown = AttendanceFactory(course=course)
    AttendanceFactory(course=course, participant__classification=Classification.RESTRICTED)
    AttendanceFactory(course__agency=agency)  # another course's
    assert list(Attendance.objects.visible_of(viewer, [course.pk])) == [shown]
    assert not Attendance.objects.visible_of(AnonymousUser(), [course.pk]).exists()


def test_every_record_model_has_the_chokepoint(agency, viewer):
    PartnerBodyFactory(agency=agency, classification=Classification.RESTRICTED)
    assert not PartnerBody.objects.visible_to(viewer).exists()


def test_is_visible_to_uses_the_same_rules(records, viewer):
    assert records["internal"].is_visible_to(viewer)
    assert not records["restricted"].is_visible_to(viewer)


MODELS_WITH_CHOKEPOINT = [Activity, PartnerBody, Attendance]


@pytest.mark.parametrize("model", MODELS_WITH_CHOKEPOINT, ids=lambda m: m.__name__)
@pytest.mark.parametrize("role", list(Role))
def test_the_reused_visibility_query_is_the_one_the_rules_build(model, role, make_user):
    user = make_user(role)
    built = model.objects.get_queryset().visible_to(user)
    for _ in range(2):  # the first call builds and keeps it, the second copies it
        reused = model.objects.visible_to(user)
        assert str(reused.query) == str(built.query)


@pytest.mark.parametrize("role", list(Role))
def test_the_reused_rows_query_is_the_one_the_rules_build(role, make_user):
    user = make_user(role)
    built = Attendance.objects.get_queryset().visible_of(user, [1, 2])
    for _ in range(2):
        reused = Attendance.objects.visible_of(user, [1, 2])
        assert str(reused.query) == str(built.query)


def test_a_change_of_role_or_agency_builds_the_query_anew(records, other_agency):
    user = UserFactory(agency=records["public"].agency, roles=[Role.VIEWER])
    assert set(Activity.objects.visible_to(user)) == {records["public"], records["internal"]}
    user.groups.clear()
    user.groups.add(*UserFactory(roles=[Role.EDITOR]).groups.all())
    del user._liaison_roles  # a new request reads the roles again
    assert records["restricted-draft"] in set(Activity.objects.visible_to(user))
    user.agency = other_agency
    assert not Activity.objects.visible_to(user).exists()


def test_a_reused_query_is_not_changed_by_what_is_chained_on_it(records, viewer):
    Activity.objects.visible_to(viewer).filter(pk=records["public"].pk).exclude(title_en="x")
    assert set(Activity.objects.visible_to(viewer)) == {records["public"], records["internal"]}


def test_naming_an_officer_shows_him_the_record_through_a_reused_query(records, viewer):
    secret = records["confidential"]
    assert secret not in set(Activity.objects.visible_to(viewer))
    secret.cleared_officers.add(viewer)
    assert secret in set(Activity.objects.visible_to(viewer))


def test_an_officers_attendance_is_read_through_the_whole_rules(agency, viewer):
    """An officer's attendance rows belong to their courses: the rows of the officer's
    page are checked on each course (visible_of is only for a record's own rows)."""
    from liaison.core.registry import rows_of_one
    from liaison.people.models import Staff

    ActivityFactory.create_batch(3, agency=agency)  # no course shares the officer's id
    shown = AttendanceFactory(course__agency=agency)
    officer = shown.participant
    AttendanceFactory(
        participant=officer,
        course__agency=agency,
        course__classification=Classification.RESTRICTED,
    )
    assert list(rows_of_one(Staff, "attendance", viewer, officer.pk)) == [shown]
