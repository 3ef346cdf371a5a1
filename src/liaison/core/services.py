"""Every write to a record goes through here (Zulip's actions, Indico's operations).

The service checks the permission, the workflow and the version, validates the record as a
whole, saves it in one transaction and leaves the audit log one entry per change. Forms,
the admin, the API, the importer and spreadsheets all call these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.core.choices import Classification, WorkflowState

#: Called after every write, inside its transaction, with the record and whether it was
#: deleted: other apps keep what they derive from records current here (search's index).
after_write: list[Callable[[Any, bool], None]] = []


def _written(record, *, deleted: bool = False) -> None:
    for callback in after_write:
        callback(record, deleted)


class StaleRecordError(ValidationError):
    """The record changed since the user loaded it; their edit would overwrite that change."""

    def __init__(self, record):
        who = record.updated_by or _("someone else")
        super().__init__(
            _(
                "This record was changed by %(who)s since you opened it (it is now at "
                "version %(version)s). Reload it, then make your change again."
            ),
            code="stale",
            params={"who": who, "version": record.version},
        )


def require_perm(user, action: str, record_or_model) -> None:
    """Raise PermissionDenied unless `user` may do `action` to the record (or model)."""
    model = record_or_model if isinstance(record_or_model, type) else type(record_or_model)
    obj = None if isinstance(record_or_model, type) else record_or_model
    perm = f"{model._meta.app_label}.{action}_{model._meta.model_name}"
    if not rules.has_perm(perm, user, obj):
        raise PermissionDenied(
            _("You may not %(action)s this %(model)s.")
            % {"action": _(action), "model": model._meta.verbose_name}
        )


def _assign(record, data: Mapping[str, Any]) -> None:
    protected = {"agency", "agency_id", "state", "version", "created_by", "approved_by"}
    for field, value in data.items():
        if field in protected:
            raise PermissionDenied(_("The field “%(field)s” cannot be set.") % {"field": field})
        setattr(record, field, value)


def _set_many(record, many: Mapping[str, Iterable] | None) -> None:
    for field, values in (many or {}).items():
        getattr(record, field).set(values)


def _require_reason_for_classification_change(record, previous: int | None, reason: str) -> None:
    if previous is not None and previous != record.classification and not reason.strip():
        raise ValidationError(
            {"classification": _("Say why the classification changes (a reason is required).")}
        )


def _name_author_on_confidential(record, user) -> None:
    """Whoever records a confidential entry keeps the right to see it."""
    if record.classification == Classification.CONFIDENTIAL:
        record.cleared_officers.add(user)


@transaction.atomic
def create_record(
    model: type[models.Model],
    *,
    user,
    data: Mapping[str, Any],
    many=None,
    agency=None,
    reason: str = "",
):
    """Create a draft record owned by the user's agency (or `agency`, for superusers)."""
    require_perm(user, "add", model)
    record = model()
    _assign(record, data)
    return save_new_record(record, user=user, many=many, agency=agency, reason=reason)


@transaction.atomic
def save_new_record(record, *, user, many=None, agency=None, reason: str = ""):
    """Save a record whose fields a form has already assigned (the admin's case), as
    `create_record` does: the user's agency, the actors, validation, the author named."""
    require_perm(user, "add", type(record))
    record.agency = agency if agency is not None and user.is_superuser else user.agency
    if record.agency is None:
        raise ValidationError(_("Your account belongs to no agency; ask an administrator."))
    record.created_by = record.updated_by = user
    record._change_reason = reason
    record.full_clean()
    record.save()
    _set_many(record, many)
    _name_author_on_confidential(record, user)
    _written(record)
    return record


def save_versioned(record, expected_version: int) -> None:
    """Save `record` only if nobody saved it since `expected_version` (compare-and-swap)."""
    model = type(record)
    bumped = model._base_manager.filter(pk=record.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not bumped:
        raise StaleRecordError(model._base_manager.select_related("updated_by").get(pk=record.pk))
    record.version = expected_version + 1
    record.save()


@transaction.atomic
def update_record(
    record, *, user, version: int, data: Mapping[str, Any], many=None, reason: str = ""
):
    """Apply `data` to a record the user loaded at `version`; an approved record returns to
    draft, since its content is no longer what was approved."""
    require_perm(user, "change", record)
    previous_classification = (
        type(record)._base_manager.values_list("classification", flat=True).get(pk=record.pk)
    )
    _assign(record, data)
    _require_reason_for_classification_change(record, previous_classification, reason)
    if record.state != WorkflowState.DRAFT:
        record.state = WorkflowState.DRAFT
        record.approved_at = record.approved_by = record.submitted_at = None
    record.updated_by = user
    record._change_reason = reason
    record.full_clean()
    save_versioned(record, version)
    _set_many(record, many)
    _name_author_on_confidential(record, user)
    _written(record)
    return record


@transaction.atomic
def submit(record, *, user, version: int):
    """Send a draft for approval."""
    require_perm(user, "submit", record)
    record.state = WorkflowState.SUBMITTED
    record.submitted_at = timezone.now()
    save_versioned(record, version)
    return record


@transaction.atomic
def approve(record, *, user, version: int):
    """Make a submitted record final; never by the author of its last change."""
    if record.updated_by_id == user.pk:
        raise PermissionDenied(_("You cannot approve a record you wrote; ask another approver."))
    require_perm(user, "approve", record)
    record.state = WorkflowState.APPROVED
    record.approved_at = timezone.now()
    record.approved_by = user
    save_versioned(record, version)
    return record


@transaction.atomic
def reject(record, *, user, version: int, reason: str):
    """Return a submitted record to its author as a draft, saying why."""
    require_perm(user, "reject", record)
    if not reason.strip():
        raise ValidationError(_("Say why the record goes back to draft."))
    record.state = WorkflowState.DRAFT
    record.submitted_at = None
    record._change_reason = reason
    save_versioned(record, version)
    return record


@transaction.atomic
def delete_record(record, *, user, reason: str = ""):
    require_perm(user, "delete", record)
    _written(record, deleted=True)
    record._change_reason = reason
    record.delete()


@transaction.atomic
def save_reference(item, *, user, version: int | None = None):
    """Save shared reference data (a place, a topic): editors keep it, versioned like records."""
    if item.pk is None:
        require_perm(user, "add", type(item))
        item.created_by = item.updated_by = user
        item.full_clean()
        item.save()
    else:
        require_perm(user, "change", item)
        item.updated_by = user
        item.full_clean()
        save_versioned(item, item.version if version is None else version)
    _written(item)
    return item


@transaction.atomic
def create_reference(model: type[models.Model], *, user, data: Mapping[str, Any]):
    """Create shared reference data (a place, a topic) from field values."""
    return save_reference(model(**data), user=user)
