from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event


def log_login_failure(sender, credentials, request=None, **kwargs) -> None:
    """A failed log-in is recorded with the username tried (never the password)."""
    log_event(AuditEvent.Kind.LOGIN_FAILED, request=request, username=credentials.get("username"))
