"""Writes to the case-assistance register: recording and closing requests.

Every entry is confidential and seen only by the officers named on it; the author is named
on it when it is recorded (by `liaison.core.services`), so they keep the right to see it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core import services
from liaison.core.choices import Classification


def record_request(*, user, data: Mapping[str, Any], officers=()) -> CaseAssistanceRequest:
    """A draft register entry, confidential, naming its author and `officers`."""
    return services.create_record(
        CaseAssistanceRequest,
        user=user,
        data={**data, "classification": Classification.CONFIDENTIAL},
        many={"cleared_officers": [user, *officers]},
    )


def close_request(
    entry: CaseAssistanceRequest, *, user, version: int, on: datetime.date
) -> CaseAssistanceRequest:
    """Close the request on `on`."""
    return services.update_record(
        entry,
        user=user,
        version=version,
        data={"status": CaseAssistanceRequest.Status.CLOSED, "closed_on": on},
    )
