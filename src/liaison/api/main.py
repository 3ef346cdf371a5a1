"""The one NinjaAPI: its authentication, rate limits and error shape, and every app's
`api.router` (liaison.<app>.api), mounted in the order of INSTALLED_APPS."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from ninja import NinjaAPI
from ninja.renderers import BaseRenderer
from pydantic_core import to_json

from liaison.api import errors
from liaison.api.auth import AUTH
from liaison.api.limits import PerTokenThrottle

DESCRIPTION = """The records of the office, read and written as on its web pages: the same
visibility (a record you may not see is a 404), the same validation, the same workflow.
Authenticate with a personal token from your account page (`Authorization: Bearer …`) or
the browser session (writes then need `X-CSRFToken`). Every write names the version it was
made on: `If-Match` with the ETag a read returned, or a `version` field; a stale one answers
409 with the record as it is now. Errors are `{"detail": …, "code": …}`."""


class JsonRenderer(BaseRenderer):
    """JSON written by pydantic-core: Chinese and Portuguese as they are (not \\u escapes),
    times to the microsecond, decimals as strings; five times as fast as the json module
    with Django's encoder on a page of records. Lazy translations are written as text."""

    media_type = "application/json"

    def render(self, request, data, *, response_status: int) -> bytes:
        return to_json(data, fallback=str)


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="Liaison API",
        version="1",
        description=DESCRIPTION,
        auth=AUTH,
        throttle=[PerTokenThrottle()],
        urls_namespace="api",
        renderer=JsonRenderer(),
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    errors.install(api)
    for config in apps.get_app_configs():
        if config.name.startswith("liaison.") and find_spec(f"{config.name}.api") is not None:
            module = import_module(f"{config.name}.api")
            api.add_router("", module.router)
    return api


api = build_api()
