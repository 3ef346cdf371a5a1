"""The staff's pages in a real browser: Chinese throughout, no serious accessibility
violation (axe-core), no sideways scroll at phone width, the language remembered; the
screenshots of the README's tour are taken here."""

import datetime
import re
from pathlib import Path

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.activities.choices import ActivityKind, BodyRole
from liaison.activities.models import ActivityBody
from liaison.core.choices import Role, WorkflowState
from tests.browser.conftest import enter_second_factor, give_authenticator
from tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    ObligationFactory,
    PartnerBodyFactory,
    PlaceFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SCREENSHOTS = Path(__file__).parents[2] / "docs" / "screenshots"
#: Text that may be in a Latin script on a Chinese page: the other languages' own names in
#: the language switcher, and whatever is marked as being in another language.
FOREIGN = "select, option, [lang]:not([lang^='zh'])"


@pytest.fixture
def office(agency):
    """An approver (who logs in) and a year of records to count."""
    user = UserFactory(
        username="chief", first_name="大文", last_name="陳", agency=agency,
        roles=[Role.APPROVER, Role.EDITOR],
    )  # fmt: skip
    give_authenticator(user)
    place = PlaceFactory(name_zh_hant="北京", region_group="mainland")
    body = PartnerBodyFactory(agency=agency, name_zh_hant="國家監察委員會")
    for month in (3, 5, 9):
        visit = ActivityFactory(
            agency=agency, title_zh_hant=f"赴北京考察（{month}月）",
            start_date=datetime.date(2024, month, 1),
        )  # fmt: skip
        visit.places.add(place)
        ActivityBody.objects.create(activity=visit, body=body, role=BodyRole.HOST)
    ActivityFactory(agency=agency, kind=ActivityKind.MEETING, title_zh_hant="區域會議")
    ActivityFactory(agency=agency, title_zh_hant="草擬中的外訪", state=WorkflowState.DRAFT)
    course = ActivityFactory(
        agency=agency, kind=ActivityKind.TRAINING, title_zh_hant="數碼取證課程"
    )
    AttendanceFactory(course=course, hours=12)
    AttendanceFactory(course=course, hours=6)
    ObligationFactory(agency=agency, title_zh_hant="年度問卷", due_date=datetime.date(2024, 1, 31))
    return user


def log_in(page, live_server, username="chief"):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登入").click()
    device = TOTPDevice.objects.filter(user__username=username).first()
    if device is not None:  # a viewer without an authenticator has no second step
        enter_second_factor(page, device)
    page.wait_for_url(f"{live_server.url}/")


def latin_words(page) -> list[str]:
    text = page.evaluate(
        """(foreign) => {
            const copy = document.body.cloneNode(true);
            copy.querySelectorAll(foreign).forEach((element) => element.remove());
            return copy.innerText;
        }""",
        FOREIGN,
    )
    return re.findall(r"[A-Za-z]{2,}", text)


def serious_violations(page) -> list[str]:
    page.evaluate(AXE.read_text("utf-8"))  # not a <script> tag, which the CSP refuses
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def test_login_page_is_all_chinese_and_accessible(live_server, page, office):
    page.goto(f"{live_server.url}/login/")
    assert page.locator("html").get_attribute("lang") == "zh-hant"
    assert latin_words(page) == []
    assert serious_violations(page) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "login.png"))


def test_dashboard_in_chinese_at_desktop_and_phone_width(live_server, page, office):
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, live_server)
    page.keyboard.press("Tab")  # the first stop is the link past the navigation
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    assert page.get_by_role("heading", level=1).inner_text() == "2024 年對外交流與培訓"
    main = page.locator("main")
    assert "已批准 5 項活動。" in main.inner_text()
    assert "另有 1 項尚未批准" in main.inner_text()
    assert page.locator(".overdue").first.is_visible()
    assert page.locator("figure.chart svg").count() >= 1
    assert latin_words(page) == []
    assert serious_violations(page) == []
    page.evaluate("document.activeElement.blur()")
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at phone width ({width} px)"
    assert page.get_by_role("link", name="總覽").first.is_visible()
    page.screenshot(path=str(SCREENSHOTS / "dashboard-phone.png"), full_page=True)


def test_year_picker_changes_the_figures(live_server, page, office, agency):
    ActivityFactory(agency=agency, year=2023, start_date=datetime.date(2023, 4, 1))
    log_in(page, live_server)
    page.get_by_label("年份").select_option("2023")
    page.get_by_role("button", name="顯示").click()
    page.wait_for_url("**/?year=2023")
    assert "已批准 1 項活動。" in page.locator("main").inner_text()


def test_language_is_switched_and_remembered(live_server, page, office):
    log_in(page, live_server)
    page.get_by_label("語言").select_option("pt")
    page.get_by_role("button", name="切換").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "pt"
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "pt"
    assert page.get_by_role("heading", level=2, name="Os meus rascunhos").is_visible()


def test_translations_page_saves_a_row_in_place(live_server, page, office, agency):
    PartnerBodyFactory(agency=agency, name_zh_hant="亞洲反貪機構", name_pt="", name_en="")
    log_in(page, live_server)
    page.get_by_role("link", name="待翻譯").first.click()
    page.wait_for_url("**/translations/")
    assert serious_violations(page) == []
    page.screenshot(path=str(SCREENSHOTS / "translations.png"), full_page=True)
    page.get_by_label("亞洲反貪機構的葡文").fill("Agência Asiática")
    page.get_by_label("亞洲反貪機構的英文").fill("Asian Agency")
    row = page.locator("tr", has_text="亞洲反貪機構")
    row.get_by_role("button", name="儲存").click()
    page.get_by_text("已儲存。").wait_for()
    assert page.url.endswith("/translations/")  # no full reload: htmx swapped the row


def test_missing_page_is_in_the_layout(live_server, page, office):
    log_in(page, live_server)
    page.goto(f"{live_server.url}/no-such-page/")
    assert page.get_by_role("heading", level=1).inner_text() == "找不到頁面"
    assert page.locator("header.site-header").is_visible()
    assert latin_words(page) == []
