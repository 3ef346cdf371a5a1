"""Writes specific to partners: a membership's obligations and their completion.

Bodies, memberships and obligations are records, written by `liaison.core.services`; places
are reference data (save_reference, delete_reference). This module holds what the domain
adds on top.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from liaison.core import services
from liaison.partners.models import Membership, Obligation


def add_obligation(membership: Membership, *, user, data: Mapping[str, Any]) -> Obligation:
    """A draft obligation of `membership`, owned by the membership's agency."""
    if not membership.is_visible_to(user):
        raise ValidationError({"membership": _("No such record, or you may not see it.")})
    obligation = Obligation(membership=membership, **data)
    return services.save_new_record(obligation, user=user, agency=membership.agency)


def complete_obligation(
    obligation: Obligation, *, user, version: int, on: datetime.date
) -> Obligation:
    """Mark the obligation done on `on` (a change like any other: back to draft)."""
    return services.update_record(
        obligation,
        user=user,
        version=version,
        data={"status": Obligation.Status.DONE, "completed_on": on},
    )
