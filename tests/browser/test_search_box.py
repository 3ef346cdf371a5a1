"""The header's search box in a real browser: Simplified typed, Traditional records found,
the confidential one neither shown nor counted."""

import pytest

from liaison.core.choices import Classification, Role
from liaison.search.indexing import rebuild
from tests.browser.test_staff_pages import log_in
from tests.factories import ActivityFactory, PartnerBodyFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_simplified_typed_in_the_header_finds_traditional_records(page, live_server, agency):
    UserFactory(username="chief", agency=agency, roles=[Role.VIEWER])
    ActivityFactory(agency=agency, title_zh_hant="國家監察委員會代表團來訪")
    PartnerBodyFactory(agency=agency, name_zh_hant="國家監察委員會")
    ActivityFactory(
        agency=agency,
        title_zh_hant="監察委員會機密會商",
        classification=Classification.CONFIDENTIAL,
    )
    rebuild()
    log_in(page, live_server)
    box = page.get_by_role("searchbox", name="搜尋所有紀錄").first
    box.fill("监察委员会")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("mark", has_text="監察委員會").count() == 2
    assert "找到 2 項符合「监察委员会」的紀錄" in page.content()
    assert "機密會商" not in page.content()
