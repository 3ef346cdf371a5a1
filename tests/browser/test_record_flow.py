"""An outbound visit's whole life in a real browser, as the office lives it, in Chinese and
in English: created with its place, body and member through the choosers; a file attached;
submitted; approved by someone else; found in the list by a filter; counted on the dashboard; edited
back to draft; its history read as a sentence; a stale edit that keeps the input; the
language switched; no sideways scroll at phone width."""

import re

import pytest

from liaison.core.choices import Role
from tests.browser.conftest import enter_second_factor, give_authenticator
from tests.factories import PartnerBodyFactory, PlaceFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"

#: What the pages say in each language, where the test reads words rather than markup.
SAYS = {
    "zh-Hant": {
        "title": "赴北京考察",
        "approved": r"已批准 (\d+) 項活動",
        "change": "由「{old}」改為「{new}」",
        "switch to": ("en", "Switch"),
    },
    "en": {
        "title": "Study visit to Beijing",
        "approved": r"(\d+) approved activit",
        "change": "from “{old}” to “{new}”",
        "switch to": ("zh-hant", "切換"),
    },
}


@pytest.fixture
def office(agency):
    editor = UserFactory(username="writer", agency=agency, roles=[Role.EDITOR])
    approver = UserFactory(username="chief", agency=agency, roles=[Role.APPROVER, Role.VIEWER])
    give_authenticator(approver)
    PlaceFactory(name_zh_hant="北京", name_pt="Pequim", name_en="Beijing")
    PartnerBodyFactory(
        agency=agency, name_zh_hant="國家監察委員會", name_en="National Supervisory Commission"
    )
    StaffFactory(agency=agency, name_zh_hant="陳大文", name_latin="Chan Tai Man")
    return editor, approver


@pytest.fixture(params=["zh-Hant", "en"])
def language(request):
    return request.param


@pytest.fixture
def context(browser, language):
    """A browser whose user reads `language` (a second page of it shares the log-in)."""
    locale = {"zh-Hant": "zh-TW", "en": "en-GB"}[language]
    made = browser.new_context(locale=locale, extra_http_headers={"Accept-Language": language})
    made.set_default_timeout(30_000)
    yield made
    made.close()


def log_in(page, live_server, username, device=None):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    if device is not None:
        enter_second_factor(page, device)
    page.wait_for_url(f"{live_server.url}/")


def choose(scope, field: str, typed: str) -> None:
    """Type into a chooser and tick the first suggestion, as a user does."""
    scope.locator(f"#id_{field}").fill(typed)
    scope.locator(f".suggestions input[name='{field}']").first.check()
    scope.locator(f".chosen input[name='{field}']:checked").first.wait_for()


def add_row(page, rows: str, field: str, typed: str, **choices: str) -> None:
    form = page.locator(f"form[action$='/rows/{rows}/']")
    form.locator("xpath=../summary").click()  # the row form folds in its own <details>
    choose(form, f"{rows}-{field}", typed)  # a row form's fields carry its prefix
    for name, value in choices.items():
        form.locator(f"select[name='{rows}-{name}']").select_option(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def attach(page, name: str) -> None:
    """Attach a text file from the record's files panel."""
    files = page.locator("section.attachments")
    files.locator("summary").click()
    upload = {"name": name, "mimeType": "text/plain", "buffer": b"visit report\n"}
    files.locator("input[type=file]").set_input_files(upload)
    files.locator("form.upload-form button[type=submit]").click()


def approved_count(page, live_server, says) -> int:
    page.goto(f"{live_server.url}/?year=2024")
    return int(re.search(says["approved"], page.locator("main").inner_text()).group(1))


def test_an_outbound_visit_from_draft_to_approved_and_back(
    live_server, browser, context, language, office, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    says = SAYS[language]
    editor, approver = office
    page = context.new_page()
    log_in(page, live_server, editor.username)
    assert page.locator("html").get_attribute("lang") == language.lower()
    before = approved_count(page, live_server, says)

    page.goto(f"{live_server.url}/activities/add/")
    page.select_option("#id_kind", "outbound_visit")
    page.fill("#id_title_zh_hant", "赴北京考察")
    page.fill("#id_title_en", "Study visit to Beijing")
    page.fill("#id_start_date", "2024-05-02")
    page.fill("#id_end_date", "2024-05-04")
    choose(page, "places", "北京")
    page.locator("form.record-form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/activities/\d+/$"))
    detail = page.url
    add_row(page, "body_roles", "body", "監察", role="host")
    add_row(page, "delegation", "staff", "陳大")
    main = page.locator("main")
    assert "國家監察委員會" in main.inner_text() or "National Supervisory" in main.inner_text()
    assert "陳大文" in main.inner_text() or "Chan Tai Man" in main.inner_text()
    attach(page, "visit-report.txt")
    page.wait_for_url(f"{detail}#files")
    assert "visit-report.txt" in page.locator("section.attachments").inner_text()
    page.locator("form.workflow-submit button").click()
    page.wait_for_url(detail)
    assert page.locator(".state-submitted").is_visible()

    other = browser.new_context(extra_http_headers={"Accept-Language": language})
    approving = other.new_page()
    log_in(approving, live_server, approver.username, device=approver.totpdevice_set.get())
    approving.goto(detail)
    approving.locator("form.workflow-approve button").click()
    approving.wait_for_url(detail)
    assert approving.locator(".state-approved").is_visible()
    other.close()

    page.goto(f"{live_server.url}/activities/")
    page.locator("details.filters > summary").click()
    page.select_option("form.filter-form select[name=kind]", "outbound_visit")
    page.wait_for_url("**/activities/?*kind=outbound_visit*")  # htmx, no reload
    assert says["title"] in page.locator("#results").inner_text()  # in the reader's language
    choose(page.locator("form.filter-form"), "body", "監察")  # typed, never a list of all
    page.wait_for_url("**/activities/?*body=*")
    assert says["title"] in page.locator("#results").inner_text()
    assert approved_count(page, live_server, says) == before + 1

    stale = context.new_page()  # the same user, in a second tab opened before the edit
    stale.goto(f"{detail}edit/")
    page.goto(f"{detail}edit/")
    page.fill("#id_title_en", "Study visit to Beijing and Tianjin")
    page.locator("form.record-form button[type=submit]").click()
    page.wait_for_url(detail)
    assert page.locator(".state-draft").is_visible()  # an edit returns it to draft
    history = page.locator("section.history").inner_text()
    expected = says["change"].format(
        old="Study visit to Beijing", new="Study visit to Beijing and Tianjin"
    )
    assert expected in history, history

    stale.fill("#id_summary_en", "Written in the other tab.")
    stale.locator("form.record-form button[type=submit]").click()
    stale.locator(".form-errors").wait_for()
    assert stale.input_value("#id_summary_en") == "Written in the other tab."
    assert "Study visit to Beijing and Tianjin" in stale.locator("ul.theirs").inner_text()

    code, button = says["switch to"]
    page.select_option("form.language-switcher select", code)
    page.locator("form.language-switcher button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("form.language-switcher button").inner_text().strip() == button

    page.set_viewport_size({"width": 390, "height": 844})
    for address in ("/", "/activities/", detail.removeprefix(live_server.url)):
        page.goto(f"{live_server.url}{address}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{address} scrolls sideways at phone width ({width} px)"
