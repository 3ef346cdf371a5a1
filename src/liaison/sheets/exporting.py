"""Which records an export holds: the family's list, its filters applied, read through the
chokepoint for the user; and the audit trail's note that they left."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace

from django.db import models
from django.utils.translation import gettext as _

from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event, log_view
from liaison.core.choices import Classification
from liaison.core.registry import family_of
from liaison.sheets.reading import SheetError
from liaison.sheets.registry import SheetKind


def records_for(kind: SheetKind, user, params: Mapping[str, str], request=None) -> models.QuerySet:
    """The records of the family's list filtered by `params` (a list page's query string),
    only those the user may see; SheetError when a filter is not valid."""
    family = family_of(kind.model)
    filters = {**{k: v for k, v in params.items() if k not in ("format", "page", "sort")}}
    filterset = family.filterset(
        {**filters, **kind.filters},
        queryset=family.visible(user),
        request=request or SimpleNamespace(user=user),
    )
    if not filterset.is_valid():
        problems = [f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()]
        raise SheetError(
            _("The filters are not valid: %(problems)s") % {"problems": "; ".join(problems)}
        )
    return filterset.qs


def log_export(kind: SheetKind, records: models.QuerySet, user, fmt: str, request=None) -> None:
    """The export is an event; each confidential record in it is a view of that record."""
    if any(field.name == "classification" for field in kind.model._meta.concrete_fields):
        for record in records.filter(classification=Classification.CONFIDENTIAL).iterator():
            log_view(record, user)
    log_event(AuditEvent.Kind.EXPORT, user=user, request=request, sheet=kind.name, format=fmt)
