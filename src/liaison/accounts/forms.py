"""The codes a user types (one from their authenticator app, or one of their backup codes),
and the password reset request."""

import re

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import loader
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

#: What a user may type around a code: spaces and hyphens, as apps and print-outs show them.
SEPARATORS = re.compile(r"[\s-]+")


def _select_for_verify(queryset):
    """The device row locked while a code is checked, so one code cannot pass twice."""
    return queryset.select_for_update().first()


class CodeForm(forms.Form):
    """A six-digit code from the device just scanned, which confirms it."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device: TOTPDevice, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = SEPARATORS.sub("", self.cleaned_data["code"])
        with transaction.atomic():
            device = _select_for_verify(TOTPDevice.objects.filter(pk=self.device.pk))
            if device is None or not device.verify_token(code):
                raise forms.ValidationError(
                    _("That code is not the one the app shows now. Type the six digits again.")
                )
        self.device = device
        return code


class VerifyForm(forms.Form):
    """A code from the user's authenticator app, or one of their backup codes."""

    code = forms.CharField(
        label=_("Code from the app, or a backup code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = SEPARATORS.sub("", self.cleaned_data["code"]).lower()
        model = TOTPDevice if code.isdigit() else StaticDevice
        with transaction.atomic():
            device = _select_for_verify(model.objects.filter(user=self.user, confirmed=True))
            if device is not None and not device.verify_is_allowed()[0]:
                raise forms.ValidationError(
                    _("Too many wrong codes in a row. Wait a moment, then try again.")
                )
            if device is None or not device.verify_token(code):
                raise forms.ValidationError(
                    _("That code is wrong or was already used. Try the code the app shows now.")
                )
        self.device = device
        return code


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, its work the same for an address no account has: Django skips
    the token, the rendering and the sending then, so a quicker answer would say that no
    account exists. Here an unknown address gets a stand-in account, whose message is made
    like any other and dropped; the real messages wait in `outbox` and are sent once the
    answer is out (`accounts.views.PasswordResetView`), so the slow sending is timed in
    neither case."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outbox: list[EmailMultiAlternatives] = []

    def get_users(self, email):
        users = list(super().get_users(email))
        if users:
            return users
        stand_in = get_user_model()(**{get_user_model().get_email_field_name(): email})
        stand_in.set_unusable_password()
        return [stand_in]

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        if context["user"].pk is not None:
            self.outbox.append(message)
