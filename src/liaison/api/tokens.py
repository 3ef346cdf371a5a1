"""Issuing, revoking and checking API tokens: the only code that writes them.

A token is shown once, when issued; only its SHA-256 digest is stored (a token is 256 random
bits, so a fast digest is as safe as a slow one and costs nothing per request) and its
prefix, so the list can tell tokens apart; the audit log keeps every issue and revocation
(the model is registered with django-auditlog, its digest left out). Issuing goes through
`issue_token` alone, so a second factor required for privileged users has one place to be
checked.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.api.models import ApiToken
from liaison.core.visibility import roles_of

SCHEME = "lia_"
PREFIX_LENGTH = 12
#: Last use is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_token(
    user, *, name: str, expires_at: datetime.datetime | None = None
) -> tuple[ApiToken, str]:
    """A new token for `user`: the row and the token itself, which is never shown again."""
    if not roles_of(user):
        raise ValidationError(_("Only members of an agency with a role may use the API."))
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Name the token (what will use it).")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry date has already passed.")})
    token = SCHEME + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=token[:PREFIX_LENGTH],
        digest=digest_of(token),
        expires_at=expires_at,
    )
    return row, token


@transaction.atomic
def revoke_token(row: ApiToken, *, user) -> None:
    """Revoke one of the user's own tokens; it stops working at once."""
    if row.user_id != user.pk:
        raise ValidationError(_("No such token."))
    if row.revoked_at is None:
        row.revoked_at = timezone.now()
        row.save(update_fields=["revoked_at"])


def tokens_of(user):
    """The user's tokens, newest first (revoked ones too, so the list tells the story)."""
    return ApiToken.objects.filter(user=user)


def token_for(secret: str) -> ApiToken | None:
    """The usable token `secret` is, with its user; None for anything else."""
    if not secret.startswith(SCHEME):
        return None
    row = ApiToken.objects.usable().select_related("user").filter(digest=digest_of(secret)).first()
    if row is not None:
        now = timezone.now()
        if row.last_used_at is None or now - row.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
            row.last_used_at = now
    return row
