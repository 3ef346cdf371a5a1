"""The primary/replica router: reads from the replica until the request (or its client,
for a few seconds) has written; the settings install it only for a replicated database."""

import json
import os
import subprocess
import sys

import pytest
from django.db import transaction
from django.http import HttpResponse

from liaison.accounts.models import User
from liaison.core.db_router import PIN_COOKIE, PinAfterWriteMiddleware, PrimaryReplicaRouter

router = PrimaryReplicaRouter()


def serve(rf, method="get", cookies=None, write=False):
    """Run a request through the middleware; the view reports where reads went."""
    seen = {}

    def view(request):
        seen["before"] = router.db_for_read(User)
        if write:
            router.db_for_write(User)
        seen["after"] = router.db_for_read(User)
        return HttpResponse()

    request = getattr(rf, method)("/")
    request.COOKIES.update(cookies or {})
    response = PinAfterWriteMiddleware(view)(request)
    return seen, response


def test_a_reading_request_reads_from_the_replica_and_pins_nothing(rf):
    seen, response = serve(rf)
    assert seen == {"before": "replica", "after": "replica"}
    assert PIN_COOKIE not in response.cookies


def test_a_post_reads_from_the_primary_and_pins_its_client(rf, settings):
    settings.LIAISON_REPLICA_PIN_SECONDS = 7
    seen, response = serve(rf, "post")
    assert seen == {"before": "default", "after": "default"}
    assert response.cookies[PIN_COOKIE]["max-age"] == 7


def test_a_get_that_writes_reads_its_write_back_and_pins_its_client(rf):
    seen, response = serve(rf, write=True)
    assert seen == {"before": "replica", "after": "default"}
    assert PIN_COOKIE in response.cookies


def test_a_pinned_client_reads_from_the_primary_and_the_pin_is_not_renewed(rf):
    seen, response = serve(rf, cookies={PIN_COOKIE: "1"})
    assert seen == {"before": "default", "after": "default"}
    assert PIN_COOKIE not in response.cookies


def test_the_pin_ends_with_the_request(rf):
    serve(rf, "post", write=True)
    assert router.db_for_read(User) == "replica"


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_on_the_primary_stay_there():
    with transaction.atomic():
        assert router.db_for_read(User) == "default"


def test_migrations_run_on_the_primary_only():
    assert router.allow_migrate("default", "accounts")
    assert not router.allow_migrate("replica", "accounts")


def network_settings(**env):
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'aliases': list(s.DATABASES), 'routers': s.DATABASE_ROUTERS,"
        "'middleware': s.MIDDLEWARE[1], 'pool': s.DATABASES['default']['OPTIONS'].get('pool'),"
        "'cache': s.CACHES['default']['BACKEND'], 'sessions': s.SESSION_ENGINE}))"
    )
    result = subprocess.run(
        [sys.executable, "-m", "liaison", "shell", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return json.loads(result.stdout.splitlines()[-1])  # after the shell's banner


def test_the_network_deployment_is_configured_from_the_environment():
    found = network_settings(
        DATABASE_URL="postgres://app@primary.internal/liaison",
        DATABASE_REPLICA_URL="postgres://app@replica.internal/liaison",
        LIAISON_DB_POOL_SIZE="4",
        LIAISON_REDIS_URL="redis://cache.internal:6379/0",
    )
    assert found["aliases"] == ["default", "replica"]
    assert found["routers"] == ["liaison.core.db_router.PrimaryReplicaRouter"]
    assert found["middleware"] == "liaison.core.db_router.PinAfterWriteMiddleware"
    assert found["pool"]["max_size"] == 4
    assert found["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert found["sessions"] == "django.contrib.sessions.backends.cache"
