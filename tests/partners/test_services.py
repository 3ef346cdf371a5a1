"""Obligations through partners.services."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from liaison.core.choices import Classification, WorkflowState
from liaison.core.services import StaleRecordError
from liaison.partners import services
from liaison.partners.models import Obligation
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
DUES = {"kind": "dues", "title_zh_hant": "年度會費", "due_date": datetime.date(2025, 3, 31)}


def test_an_obligation_is_a_draft_of_its_membership(editor):
    membership = MembershipFactory(agency=editor.agency)
    obligation = services.add_obligation(membership, user=editor, data=DUES)
    assert (obligation.agency, obligation.state) == (editor.agency, WorkflowState.DRAFT)


def test_no_obligation_on_a_membership_the_user_may_not_see(editor):
    hidden = MembershipFactory(agency=editor.agency, classification=Classification.CONFIDENTIAL)
    with pytest.raises(ValidationError):
        services.add_obligation(hidden, user=editor, data=DUES)
    assert not Obligation.objects.exists()


def test_completing_needs_the_current_version(editor, second_editor):
    obligation = services.add_obligation(
        MembershipFactory(agency=editor.agency), user=editor, data=DUES
    )
    services.complete_obligation(obligation, user=editor, version=1, on=datetime.date(2025, 3, 1))
    stale = Obligation.objects.get(pk=obligation.pk)
    with pytest.raises(StaleRecordError):
        services.complete_obligation(
            stale, user=second_editor, version=1, on=datetime.date(2025, 3, 9)
        )
    obligation.refresh_from_db()
    assert (obligation.status, obligation.completed_on) == ("done", datetime.date(2025, 3, 1))
