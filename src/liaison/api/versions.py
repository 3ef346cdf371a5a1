"""The version a write was made on: `If-Match` with the ETag a GET returned, or a `version`
field. Without either the write is refused (428), so nobody overwrites what they never saw."""

from __future__ import annotations

from django.utils.translation import gettext as _

from liaison.api.errors import ApiError
from liaison.core.posted import is_stored_integer


def etag(record) -> str:
    return f'"{record.version}"'


def with_etag(response, record):
    """The ETag of a versioned record or reference (attendance rows have none of their own)."""
    if hasattr(record, "version"):
        response["ETag"] = etag(record)
    return response


def expected_version(request, given: int | None = None) -> int:
    header = request.headers.get("If-Match", "").strip()
    if header:
        value = header.removeprefix("W/").strip('"')
        if not is_stored_integer(value):
            raise ApiError(400, _("If-Match must be an ETag this API returned."), "bad_version")
        return int(value)
    if given is not None:
        return given
    raise ApiError(
        428, _("Send the version you read: If-Match with the ETag, or a “version” field.")
    )
