"""The web shell: log-in, navigation, language switcher, dashboard, vendored assets."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from liaison.activities.choices import ActivityKind
from liaison.core.choices import Classification, Role, WorkflowState
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_zh():
    return Client(headers={"accept-language": "zh-hant"})


def test_dashboard_needs_a_log_in(client_zh):
    response = client_zh.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/")


def test_login_page_renders_in_chinese(client_zh):
    response = client_zh.get("/login/")
    assert response.status_code == 200
    assert response.templates[0].name == "registration/login.html"
    assert '<html lang="zh-hant"' in response.content.decode()


def test_logging_in_leads_to_the_dashboard(client_zh, make_user):
    make_user(Role.VIEWER, username="reader")
    response = client_zh.post(
        "/login/",
        {"username": "reader", "password": "correct horse battery staple", "next": "/"},
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client_zh.get("/").status_code == 200


def test_dashboard_counts_only_what_the_user_may_see(client_zh, make_user, agency, other_agency):
    viewer = make_user(Role.VIEWER, username="reader")
    ActivityFactory.create_batch(2, agency=agency, year=2024)
    ActivityFactory(agency=agency, year=2024, kind=ActivityKind.TRAINING, training_hours=6)
    ActivityFactory(agency=agency, year=2024, state=WorkflowState.DRAFT)
    ActivityFactory(agency=agency, year=2024, classification=Classification.CONFIDENTIAL)
    ActivityFactory(agency=other_agency, year=2024)
    ActivityFactory(agency=agency, year=2023, start_date=None, date_precision="year")
    client_zh.force_login(viewer)

    response = client_zh.get("/?year=2024")

    assert response.status_code == 200
    board = response.context["board"]
    assert (board.approved_total, board.pending_total) == (3, 0)
    assert board.by_kind[ActivityKind.TRAINING] == [1, 0]
    assert response.context["years"] == [2024, 2023]
    assert "web/dashboard.html" in [t.name for t in response.templates]


def test_navigation_language_switcher_and_log_out(client_zh, make_user):
    client_zh.force_login(make_user(Role.EDITOR, username="writer", is_staff=True))
    page = client_zh.get("/").content.decode()
    for href in ('href="/"', 'href="/reports/"', 'href="/import/"', 'href="/admin/"'):
        assert href in page
    assert 'action="/i18n/setlang/"' in page
    assert re.search(r'<option value="pt"[^>]*>Português</option>', page)
    assert 'action="/logout/"' in page

    switched = client_zh.post("/i18n/setlang/", {"language": "pt", "next": "/"})
    assert switched.status_code == 302
    assert client_zh.get("/").headers["Content-Language"] == "pt"

    assert client_zh.post("/logout/").status_code == 302
    assert client_zh.get("/").status_code == 302


def test_admin_link_is_only_for_staff(client_zh, make_user):
    client_zh.force_login(make_user(Role.VIEWER, username="reader"))
    assert 'href="/admin/"' not in client_zh.get("/").content.decode()


def test_pages_use_only_vendored_assets(client_zh):
    page = client_zh.get("/login/").content.decode()
    assert "/static/web/vendor/pico.min.css" in page
    assert "/static/web/vendor/htmx.min.js" in page
    assert not re.search(r'(src|href)="(https?:)?//', page), "no CDN or external asset"
    for name in ("web/vendor/pico.min.css", "web/vendor/htmx.min.js", "web/liaison.css"):
        assert finders.find(name), name
    for name in ("web/vendor/pico.LICENSE.md", "web/vendor/htmx.LICENSE"):
        assert finders.find(name), name


def test_dashboard_url_name():
    assert reverse("web:dashboard") == "/"
    assert reverse("web:login") == "/login/"
