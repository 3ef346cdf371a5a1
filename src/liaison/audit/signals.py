"""What the audit trail hears without being called: failed log-ins, lock-outs, views of
confidential records on core's pages, the deletion of an account it names (refused), and
which record each change log entry belongs to."""

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from liaison.audit.models import AuditEvent
from liaison.audit.queries import users_named_in_trail
from liaison.audit.scope import scope_of
from liaison.audit.services import log_event, log_view

#: Why an account the audit trail names is not deleted.
ACCOUNT_KEPT = _(
    "This account is named in the audit trail, so it is kept: deactivate it instead "
    "(untick “Active” on its page)."
)

#: The scope of the row auditlog is about to log (set by pre_log, read as the entry is saved).
_logged_scope: ContextVar[dict | None] = ContextVar("logged_scope", default=None)


def agency_of_account(username) -> int | None:
    """The agency of the account a log-in named, if it exists: its auditors see the event."""
    if not isinstance(username, str):
        return None
    User = get_user_model()
    found = User._base_manager.filter(**{User.USERNAME_FIELD: username})
    return found.values_list("agency_id", flat=True).first()


def log_login_failure(sender, credentials, request=None, **kwargs) -> None:
    """A failed log-in is recorded with the username tried (never the password)."""
    username = credentials.get("username")
    log_event(
        AuditEvent.Kind.LOGIN_FAILED,
        request=request,
        agency_id=agency_of_account(username),
        username=username,
    )


def log_lock_out(sender, request=None, username=None, **kwargs) -> None:
    """django-axes refused a log-in: the account and address are locked for a while."""
    log_event(
        AuditEvent.Kind.LOCKED_OUT,
        request=request,
        agency_id=agency_of_account(username),
        username=username,
    )


def log_shown_record(sender, record, user, **kwargs) -> None:
    """Core showed a confidential record (liaison.core.signals): the view is logged."""
    log_view(record, user)


def refuse_deleting_a_named_account(sender, instance, **kwargs) -> None:
    """An account that did something on record stays: deleting it would rewrite the actor of
    its audit rows (PostgreSQL's trigger refuses that; elsewhere the chain would break)."""
    if users_named_in_trail([instance]):
        raise ValidationError(ACCOUNT_KEPT, code="audited")


def remember_record_scope(sender, instance, **kwargs) -> None:
    """Before auditlog logs a row, note which record it belongs to (see audit.scope), read
    from the row in memory: a deleted row's entry is scoped like the others."""
    _logged_scope.set(scope_of(instance))


def write_record_scope(sender, instance, raw=False, **kwargs) -> None:
    """The entry is written with its scope in the same INSERT: audit rows never change."""
    scope = _logged_scope.get()
    if scope and instance._state.adding and not raw:
        instance.additional_data = {**(instance.additional_data or {}), **scope}


def forget_record_scope(sender, **kwargs) -> None:
    _logged_scope.set(None)
