"""The account page: who the user is, and the panels other apps register on it."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from liaison.accounts import profile
from liaison.accounts.profile import ProfilePanel

pytestmark = pytest.mark.django_db


def test_the_account_page_needs_a_log_in(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert reverse("web:login") in response["Location"]


def test_the_account_page_shows_the_user_and_their_roles(client, approver):
    client.force_login(approver)
    with translation.override("zh-hant"):
        response = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="zh-hant")
    page = response.content.decode()
    assert response.status_code == 200
    assert approver.get_username() in page
    assert "我的帳戶" in page
    assert "審批" in page  # the approver role, in Chinese


def test_a_registered_panel_renders_in_order_with_its_context(
    client, viewer, monkeypatch, settings
):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [Path(__file__).parent / "templates"]},
    ]
    monkeypatch.setattr(profile, "_panels", {})
    profile.register_panel(
        ProfilePanel(
            key="second",
            template_name="accounts/test_panel.html",
            order=20,
            context=lambda request: {"greeting": f"late {request.user.get_username()}"},
        )
    )
    profile.register_panel(
        ProfilePanel(
            key="first",
            template_name="accounts/test_panel.html",
            order=10,
            context=lambda request: {"greeting": "early"},
        )
    )
    client.force_login(viewer)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert page.index('id="first"') < page.index('id="second"')
    assert "early" in page
    assert f"late {viewer.get_username()}" in page
