"""A user of every role, logged in: every form and import is open to the fuzz tests."""

import pytest
from django.test import Client

from liaison.core.choices import Role


@pytest.fixture
def fuzzer(make_user):
    return make_user(*Role, username="fuzzer", is_staff=True)


@pytest.fixture
def editor_client(fuzzer):
    client = Client(headers={"accept-language": "en"})
    client.force_login(fuzzer)
    return client
