"""Writing to the audit trail: record views (confidential ones must all be logged) and events."""

from auditlog.models import LogEntry

from liaison.audit.models import AuditEvent


def log_view(record, user) -> None:
    """Log that `user` opened `record`; called by every surface that shows a confidential one."""
    LogEntry.objects.log_create(
        record, force_log=True, action=LogEntry.Action.ACCESS, changes="null", actor=user
    )


def log_event(kind: AuditEvent.Kind, *, user=None, request=None, **details) -> AuditEvent:
    return AuditEvent.objects.create(
        kind=kind,
        actor=user if user is not None and user.is_authenticated else None,
        agency=getattr(user, "agency", None),
        remote_addr=request.META.get("REMOTE_ADDR") if request is not None else None,
        details=details,
    )


def views_of(record):
    """The access log of one record, newest first."""
    return LogEntry.objects.get_for_object(record).filter(action=LogEntry.Action.ACCESS)
