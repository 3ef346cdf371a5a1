"""Officers through people.services."""

import pytest
from django.core.exceptions import ValidationError

from liaison.people import services
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_leaving_service_keeps_the_officer(editor):
    staff = StaffFactory(agency=editor.agency)
    services.leave_service(staff, user=editor, version=1)
    staff.refresh_from_db()
    assert (staff.active, staff.version) == (False, 2)


def test_an_account_of_another_agency_cannot_be_linked(editor, other_agency):
    staff = StaffFactory(agency=editor.agency)
    stranger = UserFactory(agency=other_agency)
    with pytest.raises(ValidationError):
        services.link_account(staff, stranger, user=editor, version=1)
    services.link_account(staff, editor, user=editor, version=1)
    staff.refresh_from_db()
    assert staff.user == editor
