"""Writing to the audit trail: record views (confidential ones must all be logged) and events."""

from auditlog.models import LogEntry
from axes.helpers import get_client_ip_address

from liaison.audit.models import AuditEvent
from liaison.audit.scope import scope_of


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
    kind: AuditEvent.Kind, *, user=None, request=None, record=None, **details
) -> AuditEvent:
    """Record an event; `record`, when the event concerns one, scopes who may read its
    details (see audit.scope): the event itself stays listed to the agency's auditors."""
    return AuditEvent.objects.create(
        kind=kind,
        actor=user if user is not None and user.is_authenticated else None,
        agency=getattr(user, "agency", None),
        remote_addr=client_address(request),
        details={**details, **(scope_of(record) if record is not None else {})},
    )


def views_of(record):
    """The access log of one record, newest first."""
    return LogEntry.objects.get_for_object(record).filter(action=LogEntry.Action.ACCESS)
