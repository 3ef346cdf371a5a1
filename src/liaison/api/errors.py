"""Every error the API answers has one JSON shape, `{"detail": ..., "code": ...}` (with the
fields' messages for invalid input, the current record for a stale write): never an HTML
page, never a stack trace. A record the client may not see is a 404, like one that does
not exist."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    ValidationError,
)
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as InputError

logger = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    428: "version_required",
    429: "throttled",
    500: "server_error",
}


class ErrorOut(Schema):
    detail: str
    code: str
    #: Invalid input: the messages for each field ("__all__" for the whole record).
    errors: dict[str, list[str]] | None = None
    #: A stale write: the record as it is now, and who changed it last.
    current: dict[str, Any] | None = None
    changed_by: str | None = None


class ApiError(Exception):
    """An answer other than success, with its status, code and details."""

    def __init__(self, status: int, detail: str, code: str | None = None, **extra):
        super().__init__(detail)
        self.status, self.detail, self.code, self.extra = status, detail, code, extra


def error_response(status: int, detail: str, code: str | None = None, **extra) -> JsonResponse:
    body = {"detail": str(detail), "code": code or CODES.get(status, "error"), **extra}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def field_messages(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {
            field: [str(m) for m in ValidationError(e).messages]
            for field, e in error.error_dict.items()
        }
    return {"__all__": [str(m) for m in error.messages]}


def input_messages(errors: list[dict]) -> dict[str, list[str]]:
    """Pydantic's errors by field (the last part of their location)."""
    found: dict[str, list[str]] = {}
    for error in errors:
        location = [
            str(part) for part in error.get("loc", ()) if part not in ("body", "query", "payload")
        ]
        found.setdefault(".".join(location) or "__all__", []).append(str(error.get("msg", "")))
    return found


def install(api) -> None:
    """Answer every exception the API can meet with the one shape."""

    def handler(exception_class):
        def register(function):
            api.add_exception_handler(exception_class, lambda request, exc: function(exc))
            return function

        return register

    @handler(ApiError)
    def _api_error(exc: ApiError):
        return error_response(exc.status, exc.detail, exc.code, **exc.extra)

    @handler(InputError)
    def _input(exc: InputError):
        return error_response(
            422, _("The request is not valid."), errors=input_messages(exc.errors)
        )

    @handler(ValidationError)
    def _invalid(exc: ValidationError):
        messages = field_messages(exc)
        first = next(iter(messages.values()), [""])[0]
        return error_response(422, first or _("The request is not valid."), errors=messages)

    @handler(PermissionDenied)
    def _forbidden(exc: PermissionDenied):
        return error_response(403, str(exc) or _("You may not do this."))

    @handler(Http404)
    def _missing(exc: Http404):
        return error_response(404, _("No such record, or you may not see it."))

    @handler(ObjectDoesNotExist)
    def _missing_object(exc: ObjectDoesNotExist):
        return error_response(404, _("No such record, or you may not see it."))

    @handler(AuthenticationError)
    def _unauthenticated(exc: AuthenticationError):
        return error_response(
            401, _("Log in, or send a valid API token (Authorization: Bearer …).")
        )

    @handler(Throttled)
    def _throttled(exc: Throttled):
        return error_response(429, _("Too many requests; wait before trying again."))

    @handler(RequestDataTooBig)
    def _too_big(exc: RequestDataTooBig):
        return error_response(413, _("The request is too large."))

    @handler(HttpError)
    def _http(exc: HttpError):
        if exc.status_code == 403:
            return error_response(
                403, _("The CSRF check failed: send the X-CSRFToken header."), "csrf"
            )
        return error_response(exc.status_code, str(exc))

    @handler(Exception)
    def _unexpected(exc: Exception):
        logger.exception("API error", exc_info=exc)
        return error_response(500, _("Something went wrong on our side; it has been logged."))


#: The documented error answers of an operation, by status.
def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    return dict.fromkeys(statuses, ErrorOut)
