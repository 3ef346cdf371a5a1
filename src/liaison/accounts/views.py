"""The user's own account page and log-in steps: the second factor and sessions.

The account page shows who the user is and the panels other apps contribute. The second
factor is set up (or a lost device replaced) by scanning a QR code drawn here, never by an
outside service; its backup codes are shown once, right after they are made.
"""

import logging
from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from liaison.accounts import services
from liaison.accounts.forms import CodeForm, PasswordResetForm, VerifyForm
from liaison.accounts.profile import panels
from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event
from liaison.core.choices import Role

logger = logging.getLogger(__name__)

#: Where the backup codes wait, in the session, for the one page that shows them.
FRESH_CODES = "liaison.backup_codes"


@login_required
def profile(request):
    sections = [
        {"key": panel.key, "template_name": panel.template_name, **panel.context(request)}
        for panel in panels()
    ]
    roles = [role.label for role in Role if request.user.has_role(role)]
    return render(request, "accounts/profile.html", {"sections": sections, "roles": roles})


def _next_url(request, default: str = "web:dashboard") -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default


def qr_code(text: str) -> str:
    """An inline SVG QR code of `text`, drawn here (no image service sees the secret)."""
    svg = segno.make(text, error="m").svg_inline(scale=5, title=_("QR code to scan"))
    return mark_safe(svg)


@login_required
def two_factor_setup(request):
    """Set up a second factor, or replace one (a new phone, a lost device): the user scans
    the QR code and types the code their app then shows. Replacing needs the current
    factor (or a backup code) first, so a stolen password cannot swap it."""
    user = request.user
    replacing = services.has_second_factor(user)
    if replacing and not user.is_verified():
        return redirect(f"{reverse('accounts:two_factor_verify')}?next={request.path}")
    device = services.pending_device(user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        codes = services.set_up_second_factor(request, form.device)
        otp_login(request, form.device)
        request.session[FRESH_CODES] = codes
        messages.success(request, _("Your second factor is set up."))
        return redirect(f"{reverse('accounts:backup_codes')}?next={_next_url(request)}")
    context = {
        "form": form,
        "replacing": replacing,
        "qr_code": qr_code(device.config_url),
        "secret": _grouped(device),
        "next": _next_url(request, ""),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _grouped(device) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
def two_factor_verify(request):
    """The second step of a log-in: a code from the app, or a backup code."""
    user = request.user
    if user.is_verified() or not services.has_second_factor(user):
        return redirect(_next_url(request))
    form = VerifyForm(request.POST or None, user=user)
    if request.method == "POST":
        if form.is_valid():
            otp_login(request, form.device)
            if isinstance(form.device, StaticDevice):
                left = services.backup_codes_left(user)
                messages.warning(
                    request,
                    _(
                        "You used a backup code; %(left)d left. If your device is lost, "
                        "replace it on your account page."
                    )
                    % {"left": left},
                )
            return redirect(_next_url(request))
        log_event(
            AuditEvent.Kind.LOGIN_FAILED,
            user=user,
            request=request,
            username=user.get_username(),
            step="second factor",
        )
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request, "")}
    )


@login_required
def backup_codes(request):
    """Shows the backup codes just made, once; a POST makes new ones (the old stop working)."""
    if request.method == "POST" and services.has_second_factor(request.user):
        request.session[FRESH_CODES] = services.issue_backup_codes(request)
        return redirect("accounts:backup_codes")
    codes = request.session.pop(FRESH_CODES, None)
    if codes is None:
        return redirect("accounts:profile")
    return render(
        request, "accounts/backup_codes.html", {"codes": codes, "next": _next_url(request, "")}
    )


@require_POST
@login_required
def end_other_sessions(request):
    services.end_other_sessions(request)
    messages.success(request, _("You are logged out everywhere else."))
    return redirect("accounts:profile")


class SendingAfterTheAnswer(HttpResponseRedirect):
    """A redirect that sends its e-mails when the server closes it, once the answer has
    gone out: how long sending takes shows in no answer."""

    def __init__(self, url, outbox):
        super().__init__(url)
        self.outbox = outbox

    def close(self):
        super().close()
        for message in self.outbox:
            try:
                message.send()
            except Exception:
                logger.exception("A password reset e-mail could not be sent to %s", message.to)
        self.outbox = []


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset request, the same answer, in the same time, whether or not an account
    has the address (forms.PasswordResetForm)."""

    form_class = PasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        answer = super().form_valid(form)
        return SendingAfterTheAnswer(answer.url, form.outbox)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's reset by e-mailed link, audited. The new password ends every session (the
    sessions keep a hash of the old one); a second factor is still asked at the next log-in."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        log_event(
            AuditEvent.Kind.PASSWORD_RESET,
            user=form.user,
            request=self.request,
            username=form.user.get_username(),
        )
        return response
