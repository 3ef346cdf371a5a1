import pytest

from liaison.search.indexing import rebuild


@pytest.fixture
def indexed(db):
    """Rebuild the index after the test's records were made by factories (which bypass the
    services and so their after-write hook)."""
    return rebuild


@pytest.fixture
def login():
    from django.test import Client

    def make(user, language="zh-hant"):
        client = Client(headers={"accept-language": language})
        client.force_login(user)
        return client

    return make
