"""Writes to a user's own log-in: the second factor, backup codes and sessions.

Every change of a second factor is an audit event. A user's second factor is a confirmed
TOTP device (an authenticator app) and a static device holding their unused backup codes;
the two are set up, replaced and reset together.
"""

from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event

PENDING_NAME = "pending"
DEVICE_NAME = "authenticator"
BACKUP_NAME = "backup codes"


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device an enrolment shows as a QR code, made on first sight and kept
    until confirmed, so reloading the page does not change the code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=PENDING_NAME, confirmed=False)


@transaction.atomic
def set_up_second_factor(request, device: TOTPDevice) -> list[str]:
    """Make `device` (just confirmed by a code from it) the user's only one, with fresh
    backup codes, and return the codes. Replacing a device ends the user's other sessions:
    whoever holds the old one is logged out."""
    user = request.user
    replaced = has_second_factor(user)
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.name, device.confirmed = DEVICE_NAME, True
    device.save(update_fields=["name", "confirmed"])
    codes = _new_backup_codes(user)
    log_event(AuditEvent.Kind.SECOND_FACTOR_SET, user=user, request=request, replaced=replaced)
    if replaced:
        _end_other_sessions(request)
    return codes


@transaction.atomic
def issue_backup_codes(request) -> list[str]:
    """New backup codes for the user; the old ones stop working."""
    codes = _new_backup_codes(request.user)
    log_event(AuditEvent.Kind.BACKUP_CODES_ISSUED, user=request.user, request=request)
    return codes


def _new_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.LIAISON_BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def reset_second_factor(request, user) -> None:
    """An administrator's reset of `user`'s second factor (a lost device and no backup code
    left): their devices are removed and their sessions ended, so their next log-in sets up
    a new one. The caller checks that the administrator passed their own second factor."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.session_generation += 1
    user.save(update_fields=["session_generation"])
    log_event(
        AuditEvent.Kind.SECOND_FACTOR_RESET,
        user=request.user,
        request=request,
        username=user.get_username(),
        user_id=user.pk,
    )


@transaction.atomic
def end_other_sessions(request) -> None:
    """Log the user out everywhere but here."""
    _end_other_sessions(request)
    log_event(AuditEvent.Kind.SESSIONS_ENDED, user=request.user, request=request)


def _end_other_sessions(request) -> None:
    user = request.user
    user.session_generation += 1
    user.save(update_fields=["session_generation"])
    update_session_auth_hash(request, user)
