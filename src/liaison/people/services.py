"""Writes specific to officers: leaving service and the log-in account an officer uses.

Units and officers are records, written by `liaison.core.services`; an officer who attended
courses or went on delegations cannot be deleted (their rows refer to them), so they leave
service instead.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from liaison.core import services
from liaison.people.models import Staff


def leave_service(staff: Staff, *, user, version: int) -> Staff:
    """The officer left the agency: kept for the history, no longer offered for new rows."""
    return services.update_record(staff, user=user, version=version, data={"active": False})


def link_account(staff: Staff, account, *, user, version: int) -> Staff:
    """The log-in account the officer uses; it must belong to the officer's agency."""
    if account is not None and account.agency_id != staff.agency_id:
        raise ValidationError({"user": _("The account belongs to another agency.")})
    return services.update_record(staff, user=user, version=version, data={"user": account})
