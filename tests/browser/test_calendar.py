"""The calendar in a real browser: open this month, follow an activity to its page, make a
feed link on the account page, copy it, and the copied link serves the activity."""

import pytest
from django.utils import timezone

from liaison.activities.choices import DatePrecision
from liaison.core.choices import Classification, Role
from tests.browser.test_staff_pages import log_in
from tests.factories import ActivityFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_open_the_calendar_follow_an_activity_and_copy_the_feed_link(page, live_server, agency):
    today = timezone.localdate()
    UserFactory(username="chief", agency=agency, roles=[Role.VIEWER])
    visit = ActivityFactory(
        agency=agency,
        title_zh_hant="出訪維也納",
        year=today.year,
        start_date=today,
        date_precision=DatePrecision.DAY,
    )
    ActivityFactory(
        agency=agency,
        title_zh_hant="機密會商",
        year=today.year,
        start_date=today,
        date_precision=DatePrecision.DAY,
        classification=Classification.CONFIDENTIAL,
    )
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    log_in(page, live_server)
    page.goto(f"{live_server.url}/calendar/")
    today_cell = page.locator("td.today")
    assert today_cell.count() == 1
    assert "機密會商" not in page.content()
    today_cell.get_by_role("link", name="出訪維也納").click()
    page.wait_for_url(f"**/activities/{visit.pk}/")
    assert page.get_by_role("heading", name="出訪維也納").count() == 1

    page.goto(f"{live_server.url}/calendar/")
    page.get_by_role("link", name="在行事曆程式訂閱").click()
    page.wait_for_url("**/account/#calendar-feeds")
    page.get_by_role("button", name="建立訂閱連結").click()
    page.wait_for_url("**/account/#calendar-feeds")
    field = page.locator("#feed-all")
    link = field.input_value()
    page.locator("[data-copy='feed-all']").click()
    page.get_by_role("button", name="已複製").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == link

    feed = page.context.request.get(link)
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")
    assert "出訪維也納" in feed.text() and "機密會商" not in feed.text()
    page.reload()
    assert page.locator("#feed-all").count() == 0  # shown once
