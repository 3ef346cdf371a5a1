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
from django.db.models import F, ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.core import freshness
from liaison.core.choices import Classification, WorkflowState
from liaison.core.deletion import hidden_dependents
from liaison.core.models import RecordModel, TrackedModel

#: Called after every write, inside its transaction, with the record and whether it was
#: deleted: other apps keep what they derive from records current here (search's index).
after_write: list[Callable[[Any, bool], None]] = []


def _written(record, *, deleted: bool = False) -> None:
    freshness.mark_changed(record)
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


def _claim(record, version: int) -> None:
    """Bump the stored version if it is still `version` (compare-and-swap), else name who
    changed it. The row stays locked until the transaction ends, so nobody saves between."""
    model = type(record)
    bumped = model._base_manager.filter(pk=record.pk, version=version).update(
        version=F("version") + 1
    )
    if not bumped:
        raise StaleRecordError(model._base_manager.select_related("updated_by").get(pk=record.pk))


def check_version(record, version: int | None) -> None:
    """Refuse an edit made on a copy older than the stored record, before anything is written
    (a form's clean): the record is locked until the transaction ends."""
    current = (
        type(record)
        ._base_manager.select_for_update(of=("self",))
        .select_related("updated_by")
        .get(pk=record.pk)
    )
    if version != current.version:
        raise StaleRecordError(current)


def save_versioned(record, expected_version: int) -> None:
    """Save `record` only if nobody saved it since `expected_version` (compare-and-swap)."""
    _claim(record, expected_version)
    record.version = expected_version + 1
    record.save()
    freshness.mark_changed(record)  # a step of the workflow changes what its readers see


def _back_to_draft(record) -> None:
    """A record whose content changes is no longer what was approved (or submitted)."""
    if record.state != WorkflowState.DRAFT:
        record.state = WorkflowState.DRAFT
        record.approved_at = record.approved_by = record.submitted_at = None


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
    _back_to_draft(record)
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


def _delete_unless_in_use(item, user) -> None:
    """Delete `item` and what depends on it, unless something refers to it that must stay
    (or that the user may not see, which they could neither check nor bring back)."""
    message = _("“%(item)s” cannot be deleted: other records refer to it.") % {"item": item}
    if hidden_dependents([item], user):
        raise ValidationError(message, code="in_use")
    try:
        with transaction.atomic():
            item.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ValidationError(message, code="in_use") from error


@transaction.atomic
def delete_record(record, *, user, version: int | None = None, reason: str = ""):
    """Delete a record (administrators only); with `version`, only if nobody changed it since
    the user loaded it. The audit log keeps what was deleted."""
    require_perm(user, "delete", record)
    if version is not None:
        _claim(record, version)
    _written(record, deleted=True)
    record._change_reason = reason
    _delete_unless_in_use(record, user)


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


@transaction.atomic
def delete_reference(item, *, user, version: int):
    """Delete a place or a topic nobody refers to, if unchanged since the user loaded it."""
    require_perm(user, "delete", item)
    _claim(item, version)
    _written(item, deleted=True)
    _delete_unless_in_use(item, user)


# Rows of a record (events, bodies' roles, delegation members, attendance, attachments) ---


def _change_of(record, *, user, version: int) -> None:
    """A change to one of the record's rows is a change of the record: its version is
    compared and bumped, it names who made the change and an approved record returns to
    draft. None of the record's own fields is written from the caller's (maybe old) copy."""
    require_perm(user, "change", record)
    _claim(record, version)
    current = type(record)._base_manager.get(pk=record.pk)
    current.updated_by = user
    _back_to_draft(current)
    changed = ["updated_by", "updated_at", "state", "approved_at", "approved_by", "submitted_at"]
    current.save(update_fields=changed)
    for field in ("version", *changed):
        setattr(record, field, getattr(current, field))


def _require_row_of(row, record) -> None:
    if row.parent_record != record:
        raise ValidationError(_("This row belongs to another record."), code="other_record")
    if row.pk is not None:
        stored = type(row)._base_manager.get(pk=row.pk)
        if stored.parent_record != record:
            raise ValidationError(_("A row cannot move to another record."), code="moved")


def _require_visible_links(row, user) -> None:
    """A row links only to records the user may see (a body, an officer)."""
    for field in row._meta.concrete_fields:
        related = field.related_model if field.many_to_one else None
        if related is None or not issubclass(related, RecordModel):
            continue
        linked = getattr(row, field.attname)
        if linked is not None and not related.objects.visible_to(user).filter(pk=linked).exists():
            raise ValidationError({field.name: _("No such record, or you may not see it.")})


@transaction.atomic
def change_children(record, *, user, parent_version: int, saved=(), deleted=()) -> None:
    """Save and delete rows of one record as one change of it, made on the record the user
    loaded at `parent_version`: refused whole if anyone changed the record or its rows since."""
    _change_of(record, user=user, version=parent_version)
    for row in deleted:
        _require_row_of(row, record)
        row.delete()
    for row in saved:
        _require_row_of(row, record)
        _require_visible_links(row, user)
        if isinstance(row, TrackedModel):
            row.created_by = row.created_by or user
            row.updated_by = user
        row.full_clean()
        row.save()
    _written(record)


def save_child(row, *, user, parent_version: int):
    """Save one row (new or changed) of the record the user loaded at `parent_version`."""
    change_children(row.parent_record, user=user, parent_version=parent_version, saved=[row])
    return row


def delete_child(row, *, user, parent_version: int) -> None:
    """Delete one row of the record the user loaded at `parent_version`."""
    change_children(row.parent_record, user=user, parent_version=parent_version, deleted=[row])
