"""Around the password: lock-out in the user's language, a reset by e-mail that never says
whether an account exists, recent log-ins, and ending one's other sessions."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from liaison.accounts.views import PasswordResetView
from liaison.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def log_in(username, password=PASSWORD, language="zh-hant", address="192.0.2.10"):
    client = Client(headers={"accept-language": language, "user-agent": "Firefox/140"})
    response = client.post(
        reverse("web:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )
    return client, response


@pytest.mark.parametrize(
    ("language", "message"),
    [("zh-hant", "此帳戶已被鎖定"), ("pt", "Esta conta foi bloqueada"), ("en", "was locked")],
)
def test_a_lock_out_says_so_in_the_users_language_and_is_audited(viewer, language, message):
    for _ in range(4):
        assert log_in("viewer", "wrong", language)[1].status_code == 200
    _, response = log_in("viewer", "wrong", language)
    assert response.status_code == 429
    page = response.content.decode()
    assert message in page and "5" in page
    _, still = log_in("viewer", PASSWORD, language)
    assert still.status_code == 429  # even the right password, for the cool-off
    events = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOCKED_OUT)
    assert events.count() == 2
    assert {e.details["username"] for e in events} == {"viewer"}
    assert {e.remote_addr for e in events} == {"192.0.2.10"}


def reset(email):
    return Client(headers={"accept-language": "zh-hant"}).post(
        reverse("accounts:password_reset"), {"email": email}, follow=True
    )


def without_tokens(response) -> str:
    """The page without its CSRF tokens, which differ on every page."""
    return re.sub(r"[A-Za-z0-9]{64}", "", response.content.decode())


def test_a_password_reset_never_tells_whether_the_account_exists(viewer):
    viewer.email = "viewer@example.org"
    viewer.save()
    known, unknown = reset("viewer@example.org"), reset("nobody@example.org")
    assert known.redirect_chain == unknown.redirect_chain
    assert without_tokens(known) == without_tokens(unknown)
    assert [message.to for message in mail.outbox] == [["viewer@example.org"]]
    assert "設定新密碼" in mail.outbox[0].subject


def reset_work(email) -> tuple[int, list[str]]:
    """What answering a reset request did: its queries, and the templates it rendered."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().post(reverse("accounts:password_reset"), {"email": email})
    assert response.status_code == 302
    return len(queries), [template.name for template in response.templates]


def test_a_reset_for_an_unknown_address_does_the_work_of_one_for_a_known_address(viewer):
    """Django renders and sends a message only for a known address, so the answer to an
    unknown one came sooner; now both make the message, and only a real one is sent."""
    viewer.email = "viewer@example.org"
    viewer.save()
    known, unknown = reset_work("viewer@example.org"), reset_work("nobody@example.org")
    assert known == unknown
    assert "accounts/password_reset_email.txt" in known[1]
    assert [message.to for message in mail.outbox] == [["viewer@example.org"]]


def test_the_reset_e_mail_is_sent_once_the_answer_is_out(rf, viewer):
    """Sending (an SMTP exchange, the slow part) is timed in no answer."""
    viewer.email = "viewer@example.org"
    viewer.save()
    request = rf.post(reverse("accounts:password_reset"), {"email": "viewer@example.org"})
    request._dont_enforce_csrf_checks = True
    answer = PasswordResetView.as_view()(request)
    assert answer.status_code == 302 and mail.outbox == []
    answer.close()  # as the server does once it has written the answer
    assert [message.to for message in mail.outbox] == [["viewer@example.org"]]


def test_the_e_mailed_link_sets_a_new_password_once_and_is_audited(viewer, approver):
    viewer.email = "viewer@example.org"
    viewer.save()
    elsewhere, _ = log_in("viewer")
    reset("viewer@example.org")
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    client = Client(headers={"accept-language": "zh-hant"})
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "設定新密碼" in form.content.decode()
    new = "a much longer passphrase 2026"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert log_in("viewer", new)[1].status_code == 302
    assert elsewhere.get("/").status_code == 302  # the old sessions ended with the password
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.PASSWORD_RESET)
    assert event.actor == viewer
    again = Client(headers={"accept-language": "zh-hant"}).get(link, follow=True)
    assert "此連結已過期或已使用" in again.content.decode()


def test_the_account_page_lists_recent_log_ins_and_ends_the_other_sessions(viewer):
    other, _ = log_in("viewer", address="198.51.100.7")
    client, _ = log_in("viewer", address="203.0.113.5")
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "最近登入" in page
    assert "198.51.100.7" in page and "203.0.113.5" in page and "Firefox/140" in page

    response = client.post(reverse("accounts:end_other_sessions"))
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert other.get(reverse("accounts:profile")).status_code == 302
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.SESSIONS_ENDED, actor=viewer).exists()


def test_sessions_made_before_any_ending_stay_valid(viewer):
    """Generation 0 is Django's own session hash: deploying this logs nobody out."""
    from django.contrib.auth.base_user import AbstractBaseUser

    assert viewer.get_session_auth_hash() == AbstractBaseUser.get_session_auth_hash(viewer)
