"""A staff number, a unit's code and a body's membership are unique among the records anyone
may see: refused because a confidential record holds them, a new record would tell its
writer that record exists. Between records anyone may see, they stay unique."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from liaison.core import services
from liaison.core.choices import Classification
from liaison.partners.models import Membership
from liaison.people.models import Staff, Unit
from tests.factories import MembershipFactory, PartnerBodyFactory, StaffFactory, UnitFactory

pytestmark = pytest.mark.django_db
SECRET = {"classification": Classification.CONFIDENTIAL}


def test_a_hidden_confidential_officer_s_number_does_not_refuse_a_new_one(editor, agency):
    unit = UnitFactory(agency=agency)
    StaffFactory(agency=agency, unit=unit, staff_number="S001", **SECRET)
    data = {"name_zh_hant": "陳大文", "unit": unit, "staff_number": "S001"}
    made = services.create_record(Staff, user=editor, data=data)
    assert Staff.objects.visible_to(editor).get(staff_number="S001") == made


def test_two_officers_anyone_may_see_cannot_share_a_number(editor, agency):
    unit = UnitFactory(agency=agency)
    StaffFactory(agency=agency, unit=unit, staff_number="S001")
    data = {"name_zh_hant": "陳大文", "unit": unit, "staff_number": "S001"}
    with translation.override("zh-hant"), pytest.raises(ValidationError, match="職員編號"):
        services.create_record(Staff, user=editor, data=data)


def test_a_hidden_confidential_unit_s_code_does_not_refuse_a_new_one(administrator, agency):
    UnitFactory(agency=agency, code="secret", **SECRET)
    made = services.create_record(
        Unit, user=administrator, data={"code": "secret", "name_zh_hant": "新組"}
    )
    assert list(Unit.objects.visible_to(administrator).filter(code="secret")) == [made]
    with translation.override("en"), pytest.raises(ValidationError, match="has this code"):
        services.create_record(
            Unit, user=administrator, data={"code": "secret", "name_zh_hant": "又一組"}
        )


def test_a_hidden_confidential_membership_does_not_refuse_a_new_one(administrator, agency):
    body = PartnerBodyFactory(agency=agency)
    MembershipFactory(agency=agency, body=body, **SECRET)
    made = services.create_record(Membership, user=administrator, data={"body": body})
    assert list(Membership.objects.visible_to(administrator)) == [made]
    with translation.override("en"), pytest.raises(ValidationError, match="already has a"):
        services.create_record(Membership, user=administrator, data={"body": body})
