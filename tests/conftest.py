"""Fixtures shared by the whole suite: an agency and one user per role."""

import os

import pytest
from hypothesis import settings as hypothesis_settings

from liaison.core.choices import Role
from tests.factories import AgencyFactory, UserFactory

# `make test` (CI's gate) explores the same examples on every run: a red build must be
# reproducible, and a green one must stay green. HYPOTHESIS_PROFILE=explore looks for new
# ones. No deadline: CI machines are shared and slow.
hypothesis_settings.register_profile("repeatable", derandomize=True, deadline=None)
hypothesis_settings.register_profile("explore", deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup"}


def pytest_collection_modifyitems(config, items):
    """On the second database of `make test` (scripts/test.sh sets LIAISON_SECOND_DATABASE;
    the suite ran on SQLite first), run only the tests that touch a database: one that uses
    none, such as the importer's parser, cannot answer differently there, and it has already
    run. A test marked `postgres` runs there whatever its fixtures. Other runs on PostgreSQL
    (tests/network's) keep every test."""
    if not os.environ.get("LIAISON_SECOND_DATABASE"):
        return
    kept, skipped = [], []
    for item in items:
        uses_database = (
            item.get_closest_marker("django_db")
            or item.get_closest_marker("postgres")  # a server of its own (the backup's)
            or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        (kept if uses_database else skipped).append(item)
    if skipped:
        config.hook.pytest_deselected(items=skipped)
        items[:] = kept


@pytest.fixture(autouse=True)
def default_language(settings):
    """Each test starts in the site's language. A request through the test client leaves the
    language it answered in active on the worker's thread (Django deactivates nothing after
    a request), so a test after an English page read its messages in English."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def agency(db):
    return AgencyFactory(code="ccac", name_zh_hant="廉政公署", name_en="CCAC")


@pytest.fixture
def other_agency(db):
    return AgencyFactory(code="other", name_zh_hant="另一公署")


@pytest.fixture
def make_user(agency):
    def make(*roles, **kwargs):
        kwargs.setdefault("agency", agency)
        return UserFactory(roles=roles, **kwargs)

    return make


@pytest.fixture
def viewer(make_user):
    return make_user(Role.VIEWER, username="viewer")


@pytest.fixture
def editor(make_user):
    return make_user(Role.EDITOR, username="editor")


@pytest.fixture
def second_editor(make_user):
    return make_user(Role.EDITOR, username="editor2")


@pytest.fixture
def approver(make_user):
    return make_user(Role.APPROVER, Role.VIEWER, username="approver")


@pytest.fixture
def register_officer(make_user):
    return make_user(Role.REGISTER_OFFICER, Role.VIEWER, username="register")


@pytest.fixture
def administrator(make_user):
    return make_user(Role.ADMINISTRATOR, username="admin")


@pytest.fixture(autouse=True)
def force_login_passes_second_factor(request, monkeypatch):
    """In tests, `Client.force_login(user)` logs in as after both steps: password and second
    factor. Privileged users (approvers, administrators, register officers, superusers) must
    pass a second factor before any page, so each such log-in gives the user a confirmed TOTP
    device and marks the session verified by it, as django-otp does after a correct code.

    Tests of the second factor itself mark themselves `@pytest.mark.real_second_factor`:
    there force_login is Django's own (password step only) and nothing is planted."""
    if request.node.get_closest_marker("real_second_factor"):
        return
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    password_only = Client.force_login

    def force_login(self, user, backend=None):
        password_only(self, user, backend)
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, confirmed=True, defaults={"name": "test device"}
        )
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)
