"""Smoke test in a real browser: log into the admin in zh-Hant and open the activities."""

import pytest

from liaison.core.choices import Role
from tests.browser.conftest import enter_second_factor, give_authenticator
from tests.factories import ActivityFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def test_administrator_logs_into_the_chinese_admin(live_server, page, agency):
    chief = UserFactory(username="chief", agency=agency, is_staff=True, roles=[Role.ADMINISTRATOR])
    device = give_authenticator(chief)
    ActivityFactory(agency=agency, title_zh_hant="赴北京出席研討會")

    page.goto(f"{live_server.url}/admin/")
    assert "/admin/login/" in page.url
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    enter_second_factor(page, device)
    page.wait_for_url(f"{live_server.url}/admin/")

    assert page.locator("html").get_attribute("lang") == "zh-hant"
    assert page.locator("#site-name").inner_text().strip() == "對外交流系統"
    assert "紀錄及參考資料" in page.title()
    model_link = page.locator("a[href='/admin/activities/activity/']").first
    assert model_link.inner_text().strip() == "活動"
    model_link.click()

    page.wait_for_url("**/admin/activities/activity/")
    assert page.get_by_role("link", name="赴北京出席研討會").is_visible()
    assert page.get_by_text("已批准").first.is_visible()
