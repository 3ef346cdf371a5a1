"""Writes specific to partners: a membership's obligations and their lifecycle.

Bodies, memberships and obligations are records, written by `liaison.core.services`; places
are reference data (save_reference, delete_reference). This module holds what the domain
adds on top: an obligation is open until it is done (on a day) or waived (for a reason),
and a settled one may be reopened. Each step is a change like any other (back to draft).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from liaison.core import services
from liaison.partners.models import Membership, Obligation


def add_obligation(membership: Membership, *, user, data: Mapping[str, Any]) -> Obligation:
    """A draft obligation of `membership`, owned by the membership's agency."""
    if not membership.is_visible_to(user):
        raise ValidationError({"membership": _("No such record, or you may not see it.")})
    obligation = Obligation(membership=membership, **data)
    return services.save_new_record(obligation, user=user, agency=membership.agency)


def _require_open(obligation: Obligation, version: int) -> None:
    """A stale copy is refused as stale (naming who changed it), a settled one as settled."""
    services.check_version(obligation, version)
    if obligation.status != Obligation.Status.OPEN:
        message = _("This obligation is already settled; reopen it first.")
        raise ValidationError({"status": ValidationError(message, code="settled")})


@transaction.atomic
def complete_obligation(
    obligation: Obligation, *, user, version: int, on: datetime.date
) -> Obligation:
    """Mark the open obligation done on `on`."""
    _require_open(obligation, version)
    return services.update_record(
        obligation,
        user=user,
        version=version,
        data={"status": Obligation.Status.DONE, "completed_on": on, "waived_reason": ""},
    )


@transaction.atomic
def waive_obligation(obligation: Obligation, *, user, version: int, reason: str) -> Obligation:
    """The open obligation is not required this time, for `reason`."""
    _require_open(obligation, version)
    return services.update_record(
        obligation,
        user=user,
        version=version,
        data={"status": Obligation.Status.WAIVED, "waived_reason": reason.strip()},
        reason=reason.strip(),
    )


def reopen_obligation(obligation: Obligation, *, user, version: int) -> Obligation:
    """A done or waived obligation is open again (it was settled by mistake)."""
    if obligation.status == Obligation.Status.OPEN:
        message = _("This obligation is already open.")
        raise ValidationError({"status": ValidationError(message, code="open")})
    return services.update_record(
        obligation,
        user=user,
        version=version,
        data={"status": Obligation.Status.OPEN, "completed_on": None, "waived_reason": ""},
    )
