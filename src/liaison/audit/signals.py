from auditlog.models import LogEntry

from liaison.audit.models import AuditEvent
from liaison.audit.scope import scope_of
from liaison.audit.services import log_event


def log_login_failure(sender, credentials, request=None, **kwargs) -> None:
    """A failed log-in is recorded with the username tried (never the password)."""
    log_event(AuditEvent.Kind.LOGIN_FAILED, request=request, username=credentials.get("username"))


def keep_record_scope(sender, instance, log_entry=None, log_created=False, **kwargs) -> None:
    """After auditlog writes an entry, keep which record it belongs to (see audit.scope),
    read from the row in memory: a deleted row's entry is scoped like the others."""
    if not log_created:
        return
    scope = scope_of(instance)
    if scope:
        data = {**(log_entry.additional_data or {}), **scope}
        LogEntry.objects.filter(pk=log_entry.pk).update(additional_data=data)
        log_entry.additional_data = data
