"""Register entries through cooperation.services: confidential, seen by those named."""

import datetime

import pytest

from liaison.cooperation import services
from liaison.core.choices import Classification
from liaison.core.services import StaleRecordError
from tests.factories import PartnerBodyFactory

pytestmark = pytest.mark.django_db


def test_an_entry_is_confidential_and_seen_by_its_author_and_named_officers(
    register_officer, make_user, editor
):
    from liaison.core.choices import Role

    colleague = make_user(Role.REGISTER_OFFICER, username="colleague")
    entry = services.record_request(
        user=register_officer,
        officers=[colleague],
        data={
            "direction": "incoming",
            "reference": "HK-1",
            "counterpart": PartnerBodyFactory(agency=register_officer.agency),
            "subject": "請求協查",
            "received_on": datetime.date(2024, 3, 1),
        },
    )
    assert entry.classification == Classification.CONFIDENTIAL
    assert entry.is_visible_to(register_officer) and entry.is_visible_to(colleague)
    assert not entry.is_visible_to(editor)
    services.close_request(entry, user=colleague, version=1, on=datetime.date(2024, 4, 1))
    with pytest.raises(StaleRecordError):
        services.close_request(
            entry, user=register_officer, version=1, on=datetime.date(2024, 4, 2)
        )
    entry.refresh_from_db()
    assert (entry.status, entry.closed_on) == ("closed", datetime.date(2024, 4, 1))
