"""Web fixtures: clients logged in as a user, asking for zh-Hant unless told otherwise."""

import pytest
from django.test import Client


@pytest.fixture
def login():
    def make(user, language="zh-hant"):
        client = Client(headers={"accept-language": language})
        client.force_login(user)
        return client

    return make
