"""Who is calling: an API token (`Authorization: Bearer lia_…`) or the browser's session,
whose writes need the CSRF token as the web pages' do. Either way the caller is the user,
with the user's visibility: the API reads through the same chokepoint as every page."""

from __future__ import annotations

import contextlib

from auditlog.context import auditlog_value
from ninja.security import HttpBearer, SessionAuth

from liaison.api.tokens import token_for
from liaison.core.visibility import roles_of


def _act_as(request, user) -> None:
    """The caller is `user` for the rest of the request, the audit log's actor included
    (its middleware ran before the token was read)."""
    request.user = user
    with contextlib.suppress(LookupError):
        auditlog_value.get()["actor"] = user


class TokenAuth(HttpBearer):
    openapi_description = "A personal API token, created on the account page (/account/)."

    def authenticate(self, request, token: str):
        row = token_for(token)
        if row is None or not roles_of(row.user):
            return None
        _act_as(request, row.user)
        request.api_token = row
        return row


class MemberSessionAuth(SessionAuth):
    """The logged-in browser session, for members with a role (CSRF checked on writes)."""

    openapi_description = "The browser's session cookie; writes also need X-CSRFToken."

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and roles_of(user) else None


AUTH = [TokenAuth(), MemberSessionAuth()]
