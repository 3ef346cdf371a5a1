"""What core's pages announce for the apps above them to hear: core imports none of those
apps, they listen (the audit trail connects in its AppConfig.ready())."""

from django.dispatch import Signal

#: A confidential record was shown to a user (its page, its admin page); sent with `record`
#: and `user`. The audit trail logs the view: need-to-know requires every one logged.
confidential_record_shown = Signal()


def record_shown(record, user) -> None:
    """Announce that `record` was shown to `user`, if it is confidential."""
    if getattr(record, "is_confidential", False):
        confidential_record_shown.send(sender=type(record), record=record, user=user)
