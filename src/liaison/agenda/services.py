"""Writes of the calendar: feed links made, replaced and revoked, their use noted, the
reminders sent recorded, and the language a user's e-mails are written in."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.agenda.models import FeedToken, ReminderSent

#: Bytes of randomness in a feed link's secret (43 URL-safe characters).
TOKEN_BYTES = 32


def digest_of(secret: str) -> str:
    """What is stored of a secret: enough to recognise it, useless to present it. A fast
    hash suffices, the secret being 256 random bits (nothing to guess from a dictionary)."""
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def make_feed_token(user) -> str:
    """A new secret for `user`'s feed links, replacing any earlier one (whose links stop
    working at once). Returned once, never stored."""
    secret = secrets.token_urlsafe(TOKEN_BYTES)
    FeedToken.objects.update_or_create(
        user=user, defaults={"digest": digest_of(secret), "last_used_at": None}
    )
    return secret


def revoke_feed_token(user) -> None:
    """`user`'s feed links stop working; a new one can be made later."""
    FeedToken.objects.filter(user=user).delete()


def open_feed(secret: str):
    """The active user whose feed `secret` opens (noting when), else None."""
    token = (
        FeedToken.objects.select_related("user", "user__agency")
        .filter(digest=digest_of(secret), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    FeedToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def set_preferred_language(user, language: str) -> None:
    """The language `user`'s e-mails are written in ("" for the install's)."""
    if language and language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])


def record_reminders(recipient, sent: Iterable[tuple]) -> None:
    """Note the (obligation, threshold) reminders just e-mailed to `recipient`."""
    ReminderSent.objects.bulk_create(
        [
            ReminderSent(
                obligation=obligation,
                recipient=recipient,
                threshold=threshold,
                due_date=obligation.due_date,
            )
            for obligation, threshold in sent
        ],
        ignore_conflicts=True,
    )
