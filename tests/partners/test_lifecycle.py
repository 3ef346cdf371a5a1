"""An obligation's lifecycle (open, done on a day, waived for a reason, reopened), its
computed deadline status, and a membership's standing computed from its dates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from liaison.partners import services
from liaison.partners.choices import DeadlineStatus, MembershipStanding, membership_standing
from liaison.partners.models import Membership, Obligation
from tests.factories import MembershipFactory, ObligationFactory

TODAY = datetime.date(2026, 12, 2)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def obligation(editor):
    return ObligationFactory(agency=editor.agency, membership__agency=editor.agency)


@pytest.mark.django_db
def test_waiving_needs_a_reason_and_keeps_it(obligation, editor):
    with pytest.raises(ValidationError) as refused:
        services.waive_obligation(obligation, user=editor, version=1, reason="  ")
    assert "waived_reason" in refused.value.message_dict
    stored = Obligation.objects.get(pk=obligation.pk)
    assert (stored.status, stored.version) == ("open", 1)
    services.waive_obligation(stored, user=editor, version=1, reason="Meeting cancelled")
    stored.refresh_from_db()
    assert (stored.status, stored.waived_reason) == ("waived", "Meeting cancelled")
    assert stored.deadline(TODAY) == DeadlineStatus.WAIVED


@pytest.mark.django_db
def test_a_settled_obligation_is_reopened_before_it_changes_again(obligation, editor):
    services.complete_obligation(obligation, user=editor, version=1, on=TODAY - DAY)
    with pytest.raises(ValidationError) as settled:
        services.waive_obligation(obligation, user=editor, version=2, reason="no")
    assert settled.value.error_dict["status"][0].code == "settled"
    services.reopen_obligation(obligation, user=editor, version=2)
    obligation.refresh_from_db()
    assert (obligation.status, obligation.completed_on, obligation.version) == ("open", None, 3)
    with pytest.raises(ValidationError) as still_open:
        services.reopen_obligation(obligation, user=editor, version=3)
    assert still_open.value.error_dict["status"][0].code == "open"


@pytest.mark.django_db
def test_done_on_a_day_to_come_is_refused(obligation, editor):
    with pytest.raises(ValidationError) as refused:
        services.complete_obligation(
            obligation, user=editor, version=1, on=timezone.localdate() + 3 * DAY
        )
    assert "completed_on" in refused.value.message_dict
    assert Obligation.objects.get(pk=obligation.pk).status == "open"


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        ("open", TODAY + 31 * DAY, DeadlineStatus.OPEN),
        ("open", TODAY + 30 * DAY, DeadlineStatus.DUE_SOON),
        ("open", TODAY, DeadlineStatus.DUE_SOON),
        ("open", TODAY - DAY, DeadlineStatus.OVERDUE),
        ("done", TODAY - DAY, DeadlineStatus.DONE),
        ("waived", TODAY - DAY, DeadlineStatus.WAIVED),
    ],
)
def test_the_deadline_status_is_computed_from_the_due_date(status, due, expected):
    assert Obligation(status=status, due_date=due).deadline(TODAY) == expected


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (TODAY + DAY, None, MembershipStanding.UPCOMING),
        (None, None, MembershipStanding.CURRENT),
        (TODAY - 400 * DAY, TODAY + 91 * DAY, MembershipStanding.CURRENT),
        (TODAY - 400 * DAY, TODAY + 90 * DAY, MembershipStanding.ENDING),
        (None, TODAY, MembershipStanding.ENDING),
        (None, TODAY - DAY, MembershipStanding.EXPIRED),
    ],
)
def test_a_membership_standing_follows_its_dates(since, until, expected):
    assert membership_standing(since, until, TODAY) == expected


@pytest.mark.django_db
def test_a_former_member_has_expired_whatever_the_dates(agency):
    membership = MembershipFactory(agency=agency, status=Membership.Status.FORMER)
    assert membership.standing(TODAY) == MembershipStanding.EXPIRED
    membership.status = Membership.Status.MEMBER
    assert membership.standing(TODAY) == MembershipStanding.CURRENT


@pytest.mark.django_db
def test_the_memberships_list_shows_each_standing(client, viewer, agency):
    today = timezone.localdate()
    MembershipFactory(agency=agency, until=today + 10 * DAY)
    client.force_login(viewer)
    page = client.get("/partners/memberships/", headers={"accept-language": "zh-hant"})
    assert "即將屆滿" in page.content.decode()
