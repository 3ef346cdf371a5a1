"""API clients: a token per user (the way programs call), the session for the browser."""

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from liaison.api.tokens import issue_token


@pytest.fixture
def api_client():
    """A client calling the API with `user`'s personal token."""

    def make(user) -> Client:
        _row, token = issue_token(user, name="tests")
        return Client(headers={"authorization": f"Bearer {token}", "accept-language": "en"})

    return make


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Requests through the WSGI app keep the test's connection, as Django's test client
    does (it would otherwise close it when a request ends, inside the test transaction)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)
