"""The account page's API tokens: listed by prefix, issued (the token shown once, on the
page that answers the form, never stored) and revoked; and a JSON 404 under /api/."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from liaison.api.errors import error_response
from liaison.api.tokens import issue_token, revoke_token, tokens_of


def tokens_panel(request) -> dict:
    return {"tokens": list(tokens_of(request.user)), "docs_url": reverse("api:openapi-view")}


def _expiry(value: str) -> datetime.datetime | None:
    """The end of the day given (in the office's time zone), or None for no expiry."""
    if not value:
        return None
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(_("Give the expiry date as YYYY-MM-DD.")) from None
    end = datetime.datetime.combine(day, datetime.time.max)
    return timezone.make_aware(end)


@login_required
@require_POST
def issue(request):
    """The one place a token is issued from the web (a second factor, when required, is
    checked here and in `issue_token`)."""
    try:
        row, token = issue_token(
            request.user,
            name=request.POST.get("name", ""),
            expires_at=_expiry(request.POST.get("expires_on", "").strip()),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return HttpResponseRedirect(reverse("accounts:profile") + "#api-tokens")
    response = render(request, "api/token_issued.html", {"row": row, "token": token})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def revoke(request, pk: int):
    row = get_object_or_404(tokens_of(request.user), pk=pk)
    revoke_token(row, user=request.user)
    messages.success(request, _("Token revoked: %(token)s") % {"token": row})
    return HttpResponseRedirect(reverse("accounts:profile") + "#api-tokens")


@csrf_exempt  # it writes nothing, and its answer must be JSON for any method
def not_found(request):
    return error_response(404, _("There is no such address in the API."))
