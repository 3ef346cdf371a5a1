"""The second factor, exercised for real: password log-in, enrolment by QR code, codes from
the app, backup codes used once, a lost device replaced, an administrator's reset."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.accounts import services
from liaison.audit.models import AuditEvent
from liaison.core.choices import Role

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]

PASSWORD = "correct horse battery staple"


def current_code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def password_login(user, language="zh-hant") -> Client:
    """A client past the first step only, logged in through the real form."""
    client = Client(headers={"accept-language": language})
    response = client.post(
        reverse("web:login"),
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def unthrottle(device):
    """Let the next code through django-otp's growing delay after a wrong one."""
    past = timezone.now() - datetime.timedelta(minutes=5)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=past)


@pytest.mark.parametrize("path", ["/", "/admin/", "/account/", "/activities/"])
def test_a_privileged_user_with_a_password_alone_is_sent_to_set_up(approver, path):
    client = password_login(approver)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    assert f"next={path.replace('/', '%2F')}" in response["Location"]


def test_every_privileged_kind_needs_it_and_a_viewer_does_not(make_user, viewer):
    for officer in (
        make_user(Role.ADMINISTRATOR, username="admin"),
        make_user(Role.REGISTER_OFFICER, username="register"),
        make_user(username="root", is_superuser=True),
    ):
        assert password_login(officer).get("/").status_code == 302
    assert password_login(viewer).get("/").status_code == 200


def test_an_htmx_request_is_sent_with_a_client_redirect(approver):
    response = password_login(approver).get("/", HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith(reverse("accounts:two_factor_setup"))


def test_enrolment_by_a_locally_drawn_qr_code_and_ten_backup_codes_shown_once(approver):
    client = password_login(approver)
    page = client.get(reverse("accounts:two_factor_setup") + "?next=/activities/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in text and "<img" not in text  # no image service sees the secret
    assert "設定第二重驗證" in text
    device = TOTPDevice.objects.get(user=approver, confirmed=False)
    assert client.get(reverse("accounts:two_factor_setup")).status_code == 200
    assert TOTPDevice.objects.filter(user=approver).count() == 1  # reloading keeps it

    wrong = client.post(reverse("accounts:two_factor_setup"), {"code": "000000"})
    assert "驗證碼不正確" in wrong.content.decode()
    assert not services.has_second_factor(approver)
    unthrottle(device)

    response = client.post(
        reverse("accounts:two_factor_setup"), {"code": current_code(device), "next": "/activities/"}
    )
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = [token.token for token in StaticToken.objects.filter(device__user=approver)]
    assert len(codes) == 10
    assert all(code in codes_page.content.decode() for code in codes)
    assert client.get(reverse("accounts:backup_codes")).status_code == 302  # shown once
    assert client.get("/activities/").status_code == 200
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.SECOND_FACTOR_SET)
    assert event.actor == approver and event.details["replaced"] is False


def test_the_log_in_asks_for_the_code_and_refuses_a_wrong_one(approver):
    device = enrolled(approver)
    client = password_login(approver)
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    url = response["Location"]
    assert client.get(reverse("accounts:two_factor_setup")).status_code == 302  # no swap

    wrong = client.post(url, {"code": "123456"})
    assert wrong.status_code == 200 and "驗證碼錯誤" in wrong.content.decode()
    failure = AuditEvent.objects.get(kind=AuditEvent.Kind.LOGIN_FAILED)
    assert failure.actor == approver and failure.details["step"] == "second factor"
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=8, throttling_failure_timestamp=timezone.now()
    )  # eight wrong codes in a row: two minutes' wait
    throttled = client.post(url, {"code": current_code(device)})
    assert "稍候" in throttled.content.decode()
    assert client.get("/").status_code == 302

    unthrottle(device)
    response = client.post(url, {"code": current_code(device)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/").status_code == 200


def test_an_optional_user_who_set_one_up_is_asked_too(viewer):
    enrolled(viewer)
    assert password_login(viewer).get("/").status_code == 302


def test_whether_one_is_set_up_is_read_with_the_user(viewer):
    """The step asks no query of its own: the user's query says it (core.auth)."""
    client = password_login(viewer)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    asked = [q["sql"] for q in queries if 'FROM "otp_totp_totpdevice"' in q["sql"]]
    assert all('FROM "accounts_user"' in sql for sql in asked)
    enrolled(viewer)
    assert client.get("/").status_code == 302


def test_a_backup_code_works_once_then_the_lost_device_is_replaced(approver):
    old = enrolled(approver)
    with_old_device = password_login(approver)
    with_old_device.post(reverse("accounts:two_factor_verify"), {"code": current_code(old)})
    assert with_old_device.get("/").status_code == 200
    (code, *_) = services._new_backup_codes(approver)

    client = password_login(approver)
    response = client.post(reverse("accounts:two_factor_verify"), {"code": code.upper()})
    assert response.status_code == 302
    again = password_login(approver).post(reverse("accounts:two_factor_verify"), {"code": code})
    assert again.status_code == 200  # used up

    page = client.get(reverse("accounts:two_factor_setup"))
    assert "更換第二重驗證" in page.content.decode()
    new = TOTPDevice.objects.get(user=approver, confirmed=False)
    client.post(reverse("accounts:two_factor_setup"), {"code": current_code(new)})
    assert list(TOTPDevice.objects.filter(user=approver)) == [new]
    assert client.get("/").status_code == 200
    assert with_old_device.get("/").status_code == 302  # logged out
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.SECOND_FACTOR_SET)
    assert event.details["replaced"] is True


def verified(user) -> Client:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or enrolled(user)
    client = password_login(user)
    unthrottle(device)
    client.post(reverse("accounts:two_factor_verify"), {"code": current_code(device)})
    assert client.get("/").status_code == 200
    return client


@pytest.fixture
def chief(make_user):
    return make_user(Role.ADMINISTRATOR, username="chief", is_staff=True)


def reset_url(user) -> str:
    return reverse("admin:accounts_user_second_factor_reset", args=[user.pk])


def test_an_administrator_resets_a_lost_second_factor_with_their_own(chief, approver):
    enrolled(approver)
    services._new_backup_codes(approver)
    approvers_session = verified(approver)
    client = verified(chief)
    change = client.get(reverse("admin:accounts_user_change", args=[approver.pk]))
    assert reset_url(approver) in change.content.decode()
    assert client.get(reset_url(approver)).status_code == 200

    response = client.post(reset_url(approver))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert not StaticToken.objects.filter(device__user=approver).exists()
    assert approvers_session.get("/").status_code == 302  # logged out
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.SECOND_FACTOR_RESET)
    assert event.actor == chief and event.details["username"] == approver.username


def test_no_reset_before_the_administrator_passed_their_own(chief, approver):
    enrolled(approver)
    enrolled(chief)
    response = password_login(chief).post(reset_url(approver))
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert TOTPDevice.objects.filter(user=approver).exists()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.SECOND_FACTOR_RESET).exists()


def test_an_administrator_may_not_reset_a_register_officers(chief, register_officer):
    enrolled(register_officer)
    response = verified(chief).post(reset_url(register_officer), follow=True)
    assert "只有超級用戶" in response.content.decode()
    assert TOTPDevice.objects.filter(user=register_officer).exists()


def test_django_otps_own_device_pages_are_gone(make_user):
    root = make_user(username="root", is_superuser=True, is_staff=True)
    client = verified(root)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404
