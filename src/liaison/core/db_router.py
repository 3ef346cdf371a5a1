"""Reads from the streaming replica, writes to the primary, and one's own writes read back.

Installed only when DATABASE_REPLICA_URL is set (settings, docs/deploy.md). The replica
lags the primary by a little, so a request is pinned to the primary for the rest of it as
soon as it writes (any method but GET/HEAD/OPTIONS, or any query routed as a write), and
its client for LIAISON_REPLICA_PIN_SECONDS after, through a cookie: the page one lands on
after saving shows what one saved. Reads inside a transaction on the primary stay there.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
PIN_COOKIE = "liaison_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_pinned: ContextVar[bool] = ContextVar("liaison_db_pinned", default=False)
_wrote: ContextVar[bool] = ContextVar("liaison_db_wrote", default=False)


class PrimaryReplicaRouter:
    """Django's database router: the replica for reads unless pinned, the primary for all
    else; migrations run on the primary only (the replica copies them)."""

    def db_for_read(self, model, **hints):
        if _pinned.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints):
        _pinned.set(True)
        _wrote.set(True)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two copies

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class PinAfterWriteMiddleware:
    """Pins a writing request, and its client for a few seconds after, to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        unsafe = request.method not in SAFE_METHODS
        pinned = _pinned.set(unsafe or PIN_COOKIE in request.COOKIES)
        wrote = _wrote.set(False)
        try:
            response = self.get_response(request)
            pin_client = unsafe or _wrote.get()
        finally:
            _pinned.reset(pinned)
            _wrote.reset(wrote)
        if pin_client:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.LIAISON_REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
