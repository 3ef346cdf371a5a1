"""Every registered family's pages, walked for every role: lists and detail pages open for
who may see them, hidden rows are never listed nor opened (query counts:
test_query_counts.py)."""

import re

import pytest
import rules

from liaison.activities.models import Activity
from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core import registry
from liaison.core.choices import Classification, Role
from liaison.partners.models import Membership, Obligation, PartnerBody, Place
from liaison.people.models import Staff, Unit
from liaison.reports.models import Passage
from liaison.training.models import Attendance
from tests import factories

pytestmark = pytest.mark.django_db


def make_request(agency, officer):
    entry = factories.CaseAssistanceRequestFactory(agency=agency)
    entry.cleared_officers.add(officer)
    return entry


def make_activity(agency, _officer):
    activity = factories.ActivityFactory(agency=agency)
    activity.places.add(factories.PlaceFactory())
    factories.EventFactory(activity=activity)
    return activity


MAKERS = {
    Activity: make_activity,
    PartnerBody: lambda agency, _: factories.PartnerBodyFactory(
        agency=agency, place=factories.PlaceFactory()
    ),
    Membership: lambda agency, _: factories.MembershipFactory(agency=agency),
    Obligation: lambda agency, _: factories.ObligationFactory(agency=agency),
    Staff: lambda agency, _: factories.StaffFactory(agency=agency),
    Unit: lambda agency, _: factories.UnitFactory(agency=agency),
    Attendance: lambda agency, _: factories.AttendanceFactory(course__agency=agency),
    CaseAssistanceRequest: make_request,
    Place: lambda _agency, _: factories.PlaceFactory(),
    Passage: lambda agency, _: factories.PassageFactory(agency=agency),
}
ROLES = {
    "viewer": (Role.VIEWER,),
    "editor": (Role.EDITOR,),
    "approver": (Role.APPROVER, Role.VIEWER),
    "register": (Role.REGISTER_OFFICER, Role.VIEWER),
    "admin": (Role.ADMINISTRATOR,),
}
FAMILIES = {family.model.__name__: family for family in registry.families()}


def test_every_family_is_walked_here():
    assert set(MAKERS) == {family.model for family in registry.families()}


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_pages_open_for_whoever_may_see_them(name, role, make_user, login):
    family = FAMILIES[name]
    user = make_user(*ROLES[role], username=role)
    record = MAKERS[family.model](user.agency, user)
    client = login(user)
    if not family.shown_to(user):
        assert client.get(family.url("list")).status_code == 403
        assert client.get(family.url("detail", record.pk)).status_code == 403
        assert family.url("list") not in client.get("/").content.decode()
        return
    assert family.url("list") in client.get("/").content.decode()  # in the navigation
    assert client.get(family.url("list")).status_code == 200
    assert client.get(family.url("detail", record.pk)).status_code == 200
    if family.form is not None:
        opts = family.model._meta
        may_add = rules.has_perm(f"{opts.app_label}.add_{opts.model_name}", user)
        assert client.get(family.url("add")).status_code == (200 if may_add else 403)


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_hidden_rows_are_neither_listed_nor_opened(name, make_user, login, other_agency):
    family = FAMILIES[name]
    user = make_user(Role.ADMINISTRATOR, Role.REGISTER_OFFICER, username="chief")
    stranger = make_user(Role.REGISTER_OFFICER, username="stranger", agency=other_agency)
    mine = MAKERS[family.model](user.agency, user)
    hidden = MAKERS[family.model](other_agency, stranger)
    client = login(user)
    page = client.get(family.url("list"))
    shown = {row.record.pk for row in page.context["table"].paginated_rows}
    if family.model is Place:  # shared reference data: every member sees every place
        assert {mine.pk, hidden.pk} <= shown
        return
    assert shown == {mine.pk} and page.context["table"].paginator.count == 1
    assert client.get(family.url("detail", hidden.pk)).status_code == 404


def test_confidential_rows_of_others_stay_hidden_in_every_list(make_user, login, agency):
    user = make_user(Role.ADMINISTRATOR, Role.REGISTER_OFFICER, username="chief")
    colleague = make_user(Role.REGISTER_OFFICER, username="colleague")
    client = login(user)
    for family in registry.families():
        if not family.is_record:
            continue
        secret = MAKERS[family.model](agency, colleague)
        family.model.objects.filter(pk=secret.pk).update(classification=Classification.CONFIDENTIAL)
        page = client.get(family.url("list"))
        assert secret.pk not in {row.record.pk for row in page.context["table"].paginated_rows}
        assert client.get(family.url("detail", secret.pk)).status_code == 404


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_column_headers_start_with_a_capital_in_english(name, make_user, login):
    """Model fields' verbose names are lower case; a header is a label and reads as one."""
    family = FAMILIES[name]
    user = make_user(Role.ADMINISTRATOR, Role.REGISTER_OFFICER, username="chief")
    page = login(user).get(family.url("list"), HTTP_ACCEPT_LANGUAGE="en")
    headers = re.findall(r'<th scope="col"[^>]*>\s*(?:<a [^>]*>)?([^<]+)', page.content.decode())
    words = [header.strip() for header in headers if header.strip()]
    assert words and all(word[0].isupper() for word in words), words
