"""The second factor, required before any page (the admin's and the API token's included).

A privileged user (administrator, approver, register officer, superuser) who has logged in
with a password alone is sent to set up a second factor, or to enter a code from it; so is
anyone else who has chosen to set one up. Only the pages of that step, logging out and
switching the language stay open meanwhile.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_htmx.http import HttpResponseClientRedirect

from liaison.accounts.services import has_second_factor
from liaison.core.auth import SECOND_FACTOR

#: The views an unverified user may still reach.
OPEN_VIEWS = {
    "accounts:two_factor_verify",
    "accounts:two_factor_setup",
    "web:logout",
    "admin:logout",
    "set_language",
}


def second_factor_step(user) -> str | None:
    """The page `user` must pass before any other, or None."""
    if not user.is_authenticated or user.is_verified():
        return None
    has_one = getattr(user, SECOND_FACTOR, None)  # read with the user (core.auth)
    if has_one is None:
        has_one = has_second_factor(user)
    if has_one:
        return "accounts:two_factor_verify"
    if user.is_privileged:
        return "accounts:two_factor_setup"
    return None


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = second_factor_step(request.user)
        if step is not None and self._view_name(request) not in OPEN_VIEWS:
            url = f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}"
            if request.headers.get("HX-Request"):
                return HttpResponseClientRedirect(url)
            return redirect(url)
        return self.get_response(request)

    @staticmethod
    def _view_name(request) -> str:
        try:
            return resolve(request.path_info).view_name
        except Resolver404:
            return ""
