"""Fixtures shared by the whole suite: an agency and one user per role."""

import os

import pytest
from hypothesis import settings as hypothesis_settings

from liaison.core.choices import Role
from tests.factories import AgencyFactory, UserFactory

# CI explores the same examples on every run (a red build must be reproducible); a
# developer's run explores new ones. No deadline: CI machines are shared and slow.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")


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
