"""Writing to the audit trail: record views (confidential ones must all be logged) and events."""

from auditlog.models import LogEntry
from axes.helpers import get_client_ip_address

from liaison.audit.chain import seal_after_commit
from liaison.audit.models import AuditEvent, Seal
from liaison.audit.scope import scope_of
from liaison.core import trail
from liaison.core.models import ChildModel


def client_address(request) -> str | None:
    """The client's address, read past the trusted proxies as django-axes reads it (so the
    lock-out and the audit trail name the same client; see LIAISON_TRUSTED_PROXIES)."""
    return get_client_ip_address(request) if request is not None else None


def log_view(record, user) -> None:
    """Log that `user` opened `record`; called by every surface that shows a confidential one."""
    LogEntry.objects.log_create(
        record,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        changes="null",
        actor=user,
        additional_data=scope_of(record) or None,
    )


def log_event(
    kind: AuditEvent.Kind, *, user=None, request=None, record=None, agency_id=None, **details
) -> AuditEvent:
    """Record an event; `record`, when the event concerns one, scopes who may read its
    details (see audit.scope): the event itself stays listed to the agency's auditors
    (the user's agency, or `agency_id` for an event without a logged-in user)."""
    return AuditEvent.objects.create(
        kind=kind,
        actor=user if user is not None and user.is_authenticated else None,
        agency_id=getattr(user, "agency_id", None) or agency_id,
        remote_addr=client_address(request),
        details={**details, **(scope_of(record) if record is not None else {})},
    )


def views_of(record):
    """The access log of one record, newest first."""
    return LogEntry.objects.get_for_object(record).filter(action=LogEntry.Action.ACCESS)


def _creation_diff(model):
    """auditlog's diff of a new row (every field from nothing), as `model_instance_diff(None,
    row)` makes it, with the model's fields sorted out once rather than for every row."""
    from auditlog.diff import get_field_value, is_primitive, model_instance_diff, track_field
    from auditlog.registry import auditlog
    from django.utils.encoding import smart_str

    rules = auditlog.get_model_fields(model)
    if rules["mask_fields"]:
        return lambda row: model_instance_diff(None, row, use_json_for_changes=True)
    fields = [
        field
        for field in model._meta.get_fields()
        if track_field(field)
        and (not rules["include_fields"] or field.name in rules["include_fields"])
        and field.name not in rules["exclude_fields"]
    ]

    def diff(row) -> dict | None:
        changes = {}
        for field in fields:
            value = get_field_value(row, field, use_json_for_changes=True)
            if value is not None:
                changes[field.name] = (None, value if is_primitive(value) else smart_str(value))
        return changes or None

    return diff


def log_created(rows, *, user) -> None:
    """One creation entry per row, as auditlog's signal writes it (with its record's scope),
    for rows of one model saved in one bulk insert (a sheet's thousands of attendance rows)."""
    from auditlog.cid import get_cid
    from django.contrib.contenttypes.models import ContentType

    if not rows:
        return
    model = type(rows[0])
    content_type, diff, cid = (
        ContentType.objects.get_for_model(model),
        _creation_diff(model),
        get_cid(),
    )
    entries = LogEntry.objects.bulk_create(
        LogEntry(
            content_type=content_type,
            object_pk=str(row.pk),
            object_id=row.pk,
            object_repr=str(row),
            action=LogEntry.Action.CREATE,
            changes=diff(row),
            actor=user,
            additional_data=scope_of(row) or None,
            cid=cid,
        )
        for row in rows
    )
    for entry in entries:  # a bulk insert sends no post_save: seal as the signal would
        seal_after_commit(Seal.Table.ENTRY, entry.pk)
    if isinstance(rows[0], ChildModel):  # and trail the rows as the signal would
        trail.record_rows(rows)
