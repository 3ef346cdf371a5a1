"""Every kind of page carries the security headers, and none holds inline script or style,
which the Content-Security-Policy would block: web lists, details and forms of every
family, the admin's lists, forms and histories, the log-in steps and the error pages."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from liaison.core import registry
from liaison.core.choices import Role
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

#: A <script> with code in it (one with src=, or a JSON data block, runs nothing inline).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def policy(response) -> dict[str, list[str]]:
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {words[0]: words[1:] for words in directives if words}


def problems(label: str, response) -> list[str]:
    found = []
    csp = policy(response)
    for directive in ("script-src", "style-src"):
        if csp.get(directive) != ["'self'"]:
            found.append(f"{label}: {directive} is {csp.get(directive)}")
    if csp.get("frame-ancestors") != ["'none'"] or csp.get("object-src") != ["'none'"]:
        found.append(f"{label}: framing or plugins allowed")
    expected = {
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
    }
    found += [f"{label}: {k}" for k, v in expected.items() if response.get(k) != v]
    if "camera=()" not in response.get("Permissions-Policy", ""):
        found.append(f"{label}: no Permissions-Policy")
    if "text/html" in response.get("Content-Type", ""):
        page = response.content.decode()
        for name, pattern in [
            ("script", INLINE_SCRIPT),
            ("style", INLINE_STYLE),
            ("handler", INLINE_HANDLER),
        ]:
            if match := pattern.search(page):
                found.append(f"{label}: inline {name} {page[match.start() : match.start() + 80]!r}")
    return found


def pages_of_a_logged_in_officer(record) -> list[tuple[str, str]]:
    pages = [
        ("dashboard", reverse("web:dashboard")),
        ("account", reverse("accounts:profile")),
        ("replace the second factor", reverse("accounts:two_factor_setup")),
        ("translations", reverse("web:translations")),
        ("search", reverse("search:results") + "?q=會議"),
        ("import", reverse("importer:upload")),
        ("chapter preview", reverse("reports:preview") + "?year=2024"),
        ("not found", "/no-such-page/"),
        ("admin index", reverse("admin:index")),
        ("admin users", reverse("admin:accounts_user_changelist")),
        ("admin audit events (no actions)", reverse("admin:audit_auditevent_changelist")),
        ("admin add activity", reverse("admin:activities_activity_add")),
    ]
    opts = record._meta
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    pages += [
        ("admin activity", change),
        ("admin history", change.replace("/change/", "/history/")),
        ("admin auditlog history", change.replace("/change/", "/auditlog/")),
    ]
    for family in registry.families():
        pk = record.pk if family.model is type(record) else None
        pages += [(f"{family.name} {action}", url) for action, url in family.urls(pk).items()]
    return pages


def test_every_kind_of_page_has_the_headers_and_no_inline_code(make_user, agency):
    officer = make_user(  # not a register officer: the register's pages are its 403s
        Role.ADMINISTRATOR, Role.EDITOR, Role.APPROVER, username="chief", is_staff=True
    )
    record = ActivityFactory(agency=agency, title_zh_hant="區域會議")
    client = Client(headers={"accept-language": "zh-hant"})
    client.force_login(officer)
    found, opened = [], 0
    for label, url in pages_of_a_logged_in_officer(record):
        response = client.get(url)
        if response.status_code in (301, 302):
            continue  # a page that sends elsewhere (its target is listed itself)
        assert response.status_code < 500, f"{label} {url}: {response.status_code}"
        opened += response.status_code == 200
        found += problems(label, response)
    assert opened > 20
    assert found == []


@pytest.mark.real_second_factor
def test_the_log_in_steps_have_them_too(approver):
    anonymous = Client()
    found = []
    for label, url in [
        ("log-in", reverse("web:login")),
        ("admin log-in", reverse("admin:login")),
        ("password reset", reverse("accounts:password_reset")),
        ("password reset sent", reverse("accounts:password_reset_done")),
        ("bad reset link", reverse("accounts:password_reset_confirm", args=["x", "y"])),
    ]:
        found += problems(label, anonymous.get(url))
    client = Client()
    client.force_login(approver)  # the password step only
    found += problems("set up a second factor", client.get(reverse("accounts:two_factor_setup")))
    assert found == []


def test_hsts_and_secure_cookies_in_production_settings(client, settings, viewer):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    client.force_login(viewer)
    response = client.get(reverse("web:dashboard"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response.cookies.get("csrftoken") is None or response.cookies["csrftoken"]["secure"]
    login = Client().post(
        reverse("web:login"),
        {"username": "viewer", "password": "correct horse battery staple"},
        secure=True,
    )
    assert login.cookies["sessionid"]["secure"] and login.cookies["sessionid"]["httponly"]
