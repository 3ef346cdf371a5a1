"""Admin fixtures: staff accounts per role, logged-in clients that ask for zh-Hant."""

import pytest
from django.test import Client

from liaison.core.choices import Role


@pytest.fixture
def staff_user(make_user):
    """A user with the given roles who may open the admin (is_staff)."""

    def make(*roles, **kwargs):
        kwargs.setdefault("is_staff", True)
        return make_user(*roles, **kwargs)

    return make


@pytest.fixture
def login():
    """A client logged in as `user`, asking for `language` (zh-Hant by default)."""

    def make(user, language="zh-hant"):
        client = Client(headers={"accept-language": language})
        client.force_login(user)
        return client

    return make


@pytest.fixture
def admin_officer(staff_user):
    """An administrator who is also a register officer: every admin page is theirs."""
    return staff_user(Role.ADMINISTRATOR, Role.REGISTER_OFFICER, username="chief")


@pytest.fixture
def admin_client_zh(login, admin_officer):
    return login(admin_officer)
