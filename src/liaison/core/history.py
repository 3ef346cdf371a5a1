"""A record's history for its detail page (a simple list until the sentence renderer lands)."""

from auditlog.models import LogEntry


def history_for(record, user):
    """The record's changes, newest first; the caller has already checked the user sees it."""
    return (
        LogEntry.objects.get_for_object(record)
        .exclude(action=LogEntry.Action.ACCESS)
        .select_related("actor")
        .order_by("-timestamp")[:50]
    )
